import { ECRClient } from '@aws-sdk/client-ecr'
import { isConfigurationError, silentLogger } from '@tierdeploy/catalog'
import { FakeEcs } from '@tierdeploy/testkit'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parseEcrImage, resolveReplicas, type ImageDestination } from './replicas.js'

const STAGING = '222222222222'
const PRODUCTION = '333333333333'
const digest = (n: number) => `sha256:${String(n).repeat(64).slice(0, 64)}`

let staging: FakeEcs
let production: FakeEcs
let ecr: ECRClient
const destination: ImageDestination = { environment: 'production', file: 'catalog/environments/production.yaml', account: PRODUCTION, region: 'ca-central-1' }

beforeEach(async () => {
  staging = await FakeEcs.start({ account: STAGING })
  production = await FakeEcs.start({ account: PRODUCTION })
  ecr = new ECRClient({ region: 'ca-central-1', endpoint: production.endpoint, credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test' }, maxAttempts: 1 })
})
afterEach(async () => {
  ecr.destroy()
  await staging.stop()
  await production.stop()
})

describe('parseEcrImage', () => {
  it('reads the account, region, repository, tag and digest of an ECR image and nothing else', () => {
    expect(parseEcrImage(`${STAGING}.dkr.ecr.ca-central-1.amazonaws.com/platform/auth:abc@${digest(1)}`)).toEqual({ account: STAGING, region: 'ca-central-1', repository: 'platform/auth', tag: 'abc', digest: digest(1) })
    expect(parseEcrImage(`${STAGING}.dkr.ecr-fips.us-gov-west-1.amazonaws.com/a@${digest(1)}`)?.region).toBe('us-gov-west-1')
    expect(parseEcrImage(`ghcr.io/acme/auth@${digest(1)}`)).toBeUndefined()
    expect(parseEcrImage(`public.ecr.aws/acme/auth@${digest(1)}`)).toBeUndefined()
  })
})

describe('resolveReplicas', () => {
  it('points an image of another account at the same digest replicated into the destination registry', async () => {
    staging.ecr.replicateTo(production.ecr)
    const from = staging.ecr.pushImage('platform/auth', digest(1), { tags: ['c0ffee'] })
    const own = `${PRODUCTION}.dkr.ecr.ca-central-1.amazonaws.com/platform/web@${digest(2)}`
    const out = await resolveReplicas({ auth: from, web: own, chat: `ghcr.io/acme/chat@${digest(3)}` }, destination, { ecr, clock: production.clock, log: silentLogger })
    expect(out.images).toEqual({ auth: `${PRODUCTION}.dkr.ecr.ca-central-1.amazonaws.com/platform/auth@${digest(1)}`, web: own, chat: `ghcr.io/acme/chat@${digest(3)}` })
    expect(out.moved).toEqual([{ service: 'auth', from, to: out.images.auth }])
    expect(production.calls.DescribeImages).toBe(1)
  })

  it('waits for a replica still on its way, and uses it once ECR has copied it', async () => {
    staging.ecr.replicateTo(production.ecr, { delayMs: 45_000 })
    const from = staging.ecr.pushImage('platform/auth', digest(1))
    const out = await resolveReplicas({ auth: from }, destination, { ecr, clock: production.clock, log: silentLogger })
    expect(out.images.auth).toBe(`${PRODUCTION}.dkr.ecr.ca-central-1.amazonaws.com/platform/auth@${digest(1)}`)
    expect(production.calls.DescribeImages).toBeGreaterThan(1)
  })

  it('refuses, naming every missing image and the fix, when no replication copies the images', async () => {
    const auth = staging.ecr.pushImage('platform/auth', digest(1))
    const rfq = staging.ecr.pushImage('platform/rfq', digest(2))
    production.ecr.createRepository('platform/rfq')
    const error = await resolveReplicas({ rfq, auth }, destination, { ecr, clock: production.clock, log: silentLogger }, { waitMs: 60_000 }).catch((e: unknown) => e)
    expect(isConfigurationError(error)).toBe(true)
    const message = (error as Error).message
    expect(message).toContain(`2 image(s) are not in its registry (account ${PRODUCTION}, ca-central-1)`)
    expect(message).toMatch(new RegExp(`auth: platform/auth@${digest(1)} \\(from account ${STAGING}, ca-central-1\\)\\n  rfq: platform/rfq@`))
    expect(message).toContain('replication_destinations')
    expect(message).toContain('Nothing was deployed')
  })

  it('refuses a tag from another account: only a digest names the bytes that were tested', async () => {
    const error = await resolveReplicas({ auth: `${STAGING}.dkr.ecr.ca-central-1.amazonaws.com/platform/auth:latest` }, destination, { ecr, clock: production.clock, log: silentLogger }).catch((e: unknown) => e)
    expect((error as Error).message).toContain('has no digest')
    expect(production.calls.DescribeImages).toBeUndefined()
  })

  it('treats another region of the same account as another registry', async () => {
    const image = `${PRODUCTION}.dkr.ecr.us-east-1.amazonaws.com/platform/auth@${digest(1)}`
    production.ecr.pushImage('platform/auth', digest(1))
    const out = await resolveReplicas({ auth: image }, destination, { ecr, clock: production.clock, log: silentLogger })
    expect(out.images.auth).toBe(`${PRODUCTION}.dkr.ecr.ca-central-1.amazonaws.com/platform/auth@${digest(1)}`)
  })
})

describe('the fake ECS pulls as ECR allows', () => {
  it('refuses a task of one account an image of another account, and runs its replica', () => {
    staging.ecr.replicateTo(production.ecr)
    const from = staging.ecr.pushImage('platform/auth', digest(1))
    production.knowRegistry(staging.ecr)
    expect(production.state.pullRefusal(from, PRODUCTION)).toMatch(/^CannotPullContainerError: .*403 Forbidden/)
    expect(production.state.pullRefusal(`${PRODUCTION}.dkr.ecr.ca-central-1.amazonaws.com/platform/auth@${digest(1)}`, PRODUCTION)).toBeUndefined()
    expect(production.state.pullRefusal(`${PRODUCTION}.dkr.ecr.ca-central-1.amazonaws.com/platform/auth@${digest(9)}`, PRODUCTION)).toMatch(/not found$/)
    staging.ecr.pullGrantedTo.add(PRODUCTION)
    expect(production.state.pullRefusal(from, PRODUCTION)).toBeUndefined()
  })
})

import { DescribeServicesCommand, ECSClient, ListServicesCommand } from '@aws-sdk/client-ecs'
import { buildCatalog } from '@tierdeploy/catalog'
import { mockClient } from 'aws-sdk-client-mock'
import { beforeEach, describe, expect, it } from 'vitest'
import { findUndeclaredStackServices } from './doctor.js'

const ecsMock = mockClient(ECSClient)
const ecs = new ECSClient({ region: 'ca-central-1' })

const { catalog } = buildCatalog({
  dir: 'catalog',
  root: '/repo',
  services: {
    file: 'catalog/services.yaml',
    text: `tiers:
  - { id: 1, name: core }
services:
  auth:
    path: auth
    tier: 1
  payment:
    path: payment
    tier: 1
    deployVia: cloudformation
    cloudformation: { stack: payment-prod, imageParameter: ImageUri }
  rfq:
    path: rfq
    tier: 1
    deployVia: cloudformation
    cloudformation: { stack: rfq-old, imageParameter: ImageUri }
  user:
    path: user
    tier: 1
`,
  },
  environments: [],
})

const arn = (name: string) => `arn:aws:ecs:ca-central-1:123456789012:service/prod/${name}`
const stackTag = (stack: string) => [{ key: 'aws:cloudformation:stack-name', value: stack }, { key: 'team', value: 'core' }]

beforeEach(() => ecsMock.reset())

describe('findUndeclaredStackServices', () => {
  it('warns about stack-owned services the catalog deploys directly, and about a stack named wrong', async () => {
    // Two pages, as ListServices returns them for clusters of more than 100 services.
    ecsMock.on(ListServicesCommand).resolvesOnce({ serviceArns: [arn('auth'), arn('payment'), arn('legacy-cron')], nextToken: 'p2' })
      .resolvesOnce({ serviceArns: [arn('rfq'), arn('user')] })
    ecsMock.on(DescribeServicesCommand).resolves({
      services: [
        { serviceName: 'auth', tags: stackTag('platform-prod') },
        // In a nested stack of the catalog's stack: fine.
        { serviceName: 'payment', tags: stackTag('payment-prod-ServiceStack-1A2B3C') },
        { serviceName: 'rfq', tags: stackTag('rfq-prod') },
        { serviceName: 'user', tags: [{ key: 'team', value: 'core' }] },
      ],
    })

    const warnings = await findUndeclaredStackServices(ecs, 'prod', catalog!)

    expect(warnings.map((w) => [w.service, w.stack])).toEqual([['auth', 'platform-prod'], ['rfq', 'rfq-prod']])
    expect(warnings[0]!.message).toContain('declare deployVia: cloudformation with cloudformation: { stack: platform-prod')
    expect(warnings[1]!.message).toContain('the catalog names stack rfq-old')
    // legacy-cron is not in the catalog, so its tags were never asked for; tags were asked for.
    const described = ecsMock.commandCalls(DescribeServicesCommand).flatMap((c) => c.args[0].input.services ?? [])
    expect(described).toEqual([arn('auth'), arn('payment'), arn('rfq'), arn('user')])
    expect(ecsMock.commandCalls(DescribeServicesCommand)[0]!.args[0].input.include).toEqual(['TAGS'])
  })

  it('describes at most 10 services a call', async () => {
    const many = Array.from({ length: 23 }, (_, i) => `svc-${i}`)
    const { catalog: big } = buildCatalog({
      dir: 'catalog', root: '/repo', environments: [],
      services: { file: 'catalog/services.yaml', text: `tiers:\n  - { id: 1, name: core }\nservices:\n${many.map((n) => `  ${n}: { path: ${n}, tier: 1 }`).join('\n')}\n` },
    })
    ecsMock.on(ListServicesCommand).resolves({ serviceArns: many.map(arn) })
    ecsMock.on(DescribeServicesCommand).callsFake((input: { services: string[] }) => ({
      services: input.services.map((a) => ({ serviceName: a.slice(a.lastIndexOf('/') + 1), tags: stackTag('legacy') })),
    }))
    const warnings = await findUndeclaredStackServices(ecs, 'prod', big!)
    expect(warnings).toHaveLength(23)
    expect(ecsMock.commandCalls(DescribeServicesCommand).map((c) => c.args[0].input.services!.length)).toEqual([10, 10, 3])
  })
})

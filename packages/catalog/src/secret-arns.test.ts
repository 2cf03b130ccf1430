import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildCatalog } from './build.js'
import { formatProblem } from './errors.js'
import { loadCatalog } from './load.js'
import { locateProblems } from './locate.js'

const ROOT = join(import.meta.dirname, '..', '..', '..')
const JWT_DEV = 'arn:aws:secretsmanager:ca-central-1:111111111111:secret:shop/jwt'

const SERVICES = `tiers:
  - { id: 1, name: core }
  - { id: 4, name: optional, optional: true }
services:
  auth:
    path: auth
    tier: 1
    secrets:
      JWT_SECRET: ${JWT_DEV}
  billing:
    path: billing
    tier: 1
  video:
    path: video
    tier: 4
    secrets:
      VIDEO_KEY: arn:aws:ssm:ca-central-1:111111111111:parameter/shop/video-key
`

/** Every error of the catalog, located and formatted as `tierdeploy validate` prints it. */
async function errorsOf(services: string, environments: Record<string, string>): Promise<string[]> {
  const sources = [{ file: 'catalog/services.yaml', text: services }, ...Object.entries(environments).map(([name, text]) => ({ file: `catalog/environments/${name}.yaml`, text }))]
  const { problems } = buildCatalog({ dir: 'catalog', root: '/repo', services: sources[0]!, environments: sources.slice(1) })
  await locateProblems(problems, sources)
  return problems.filter((p) => p.severity === 'error').map(formatProblem)
}

describe('secret ARNs are checked against the account and region of each environment they apply to', () => {
  it('refuses a catalog-wide ARN of another account where it is written, once per environment it reaches', async () => {
    expect(await errorsOf(SERVICES, {
      dev: 'name: dev\naccount: "111111111111"\nregion: ca-central-1\n',
      production: 'name: production\naccount: "333333333333"\nregion: ca-central-1\n',
    })).toEqual([
      'catalog/services.yaml:9:19: error: auth: secret JWT_SECRET in environment production is in account 111111111111, but production is account 333333333333 (catalog/environments/production.yaml) ' +
        '(the value in catalog/services.yaml applies to every environment: give production its own in catalog/environments/production.yaml, services.auth.secrets, e.g. JWT_SECRET: arn:aws:secretsmanager:ca-central-1:333333333333:secret:shop/jwt)',
    ])
  })

  it('refuses an environment\'s own override in another account and region, at its line in the environment file', async () => {
    const production = [
      'name: production',
      'account: "333333333333"',
      'region: ca-central-1',
      'services:',
      '  auth:',
      '    secrets:',
      '      JWT_SECRET: arn:aws:secretsmanager:us-east-1:111111111111:secret:shop/jwt',
      '',
    ].join('\n')
    expect(await errorsOf(SERVICES, { production })).toEqual([
      'catalog/environments/production.yaml:7:19: error: auth: secret JWT_SECRET in environment production is in account 111111111111 and region us-east-1, but production is account 333333333333 and region ca-central-1 (catalog/environments/production.yaml) ' +
        '(use the ARN in account 333333333333 and region ca-central-1, e.g. arn:aws:secretsmanager:ca-central-1:333333333333:secret:shop/jwt)',
    ])
  })

  it('accepts per-environment ARNs of each environment\'s own account', async () => {
    const own = (name: string, account: string) => `name: ${name}\naccount: "${account}"\nregion: ca-central-1\nservices:\n  auth:\n    secrets: { JWT_SECRET: "arn:aws:secretsmanager:ca-central-1:${account}:secret:shop/jwt" }\n`
    expect(await errorsOf(SERVICES.replace(/ {4}secrets:\n {6}JWT_SECRET: .*\n/, ''), { dev: own('dev', '111111111111'), production: own('production', '333333333333') })).toEqual([])
  })

  it('checks only the region of an environment without an account', async () => {
    expect(await errorsOf(SERVICES, { qa: 'name: qa\nregion: ca-central-1\n' })).toEqual([])
    expect(await errorsOf(SERVICES, { qa: 'name: qa\nregion: eu-west-1\n' })).toEqual([
      'catalog/services.yaml:9:19: error: auth: secret JWT_SECRET in environment qa is in region ca-central-1, but qa is region eu-west-1 (catalog/environments/qa.yaml) ' +
        '(the value in catalog/services.yaml applies to every environment: give qa its own in catalog/environments/qa.yaml, services.auth.secrets, e.g. JWT_SECRET: arn:aws:secretsmanager:eu-west-1:111111111111:secret:shop/jwt)',
    ])
  })

  it('checks the ARNs of the catalog defaults and the environment defaults, and skips services an environment does not run', async () => {
    const services = SERVICES.replace('services:\n', 'defaults:\n  secrets: { SENTRY_DSN: "arn:aws:ssm:ca-central-1:111111111111:parameter/shop/sentry" }\nservices:\n')
    // video (optional tier) is not enabled in production, so its dev-account ARN does not reach it.
    const problems = await errorsOf(services, {
      production: 'name: production\naccount: "333333333333"\nregion: ca-central-1\ndefaults:\n  secrets: { DB_URL: "arn:aws:ssm:ca-central-1:111111111111:parameter/shop/db" }\nservices:\n  auth: { secrets: { JWT_SECRET: "arn:aws:secretsmanager:ca-central-1:333333333333:secret:shop/jwt" } }\n',
    })
    expect(problems.map((p) => p.replace(/ \(.*$/, ''))).toEqual([
      'catalog/services.yaml:5:26: error: auth: secret SENTRY_DSN in environment production is in account 111111111111, but production is account 333333333333',
      'catalog/environments/production.yaml:5:22: error: auth: secret DB_URL in environment production is in account 111111111111, but production is account 333333333333',
      'catalog/services.yaml:5:26: error: billing: secret SENTRY_DSN in environment production is in account 111111111111, but production is account 333333333333',
      'catalog/environments/production.yaml:5:22: error: billing: secret DB_URL in environment production is in account 111111111111, but production is account 333333333333',
    ])
  })

  it('passes for the bundled catalog and the example, whose environments each name their own secrets', async () => {
    for (const dir of [join(ROOT, 'catalog'), join(ROOT, 'examples/invoxa/catalog')]) {
      const { catalog } = await loadCatalog({ dir })
      expect(catalog.environments.size).toBeGreaterThan(1)
    }
  })
})

// Shared set-up of the ECS tests: a small real catalog, the fake control plane, and the real SDK pointed at it.
import type { ECSClient } from '@aws-sdk/client-ecs'
import { buildCatalog, type Catalog, type Environment, type Logger } from '@tierdeploy/catalog'
import { FakeEcs } from '@tierdeploy/testkit'
import { makeEcsClient } from './client.js'
import type { EcsEffects } from './types.js'

export const CLUSTER = 'test-cluster'

export const CATALOG_YAML = `
version: 1
platform: test
tiers:
  - { id: 1, name: core }
  - { id: 2, name: business }
services:
  auth:
    path: auth
    tier: 1
    environment: { LOG_LEVEL: info, FEATURE_X: "on" }
    secrets:
      JWT_SECRET: arn:aws:secretsmanager:ca-central-1:111111111111:secret:jwt
  gateway:
    path: gateway
    tier: 1
    dependsOn: [auth]
  payment:
    path: payment
    tier: 2
    container: { name: app }
  billing:
    path: billing
    tier: 2
    deployVia: cloudformation
    cloudformation: { stack: billing-stack, imageParameter: Image }
`

export const DEV_YAML = `
name: dev
region: ca-central-1
cluster: ${CLUSTER}
services:
  auth:
    environment: { LOG_LEVEL: debug }
`

/** The test catalog (plus `extraServices`, YAML lines under `services:`) with `devYaml` as its dev environment. */
export function testCatalog(extraServices = '', devYaml = DEV_YAML): { catalog: Catalog; environment: Environment } {
  const { catalog, problems } = buildCatalog({
    dir: 'catalog',
    root: '/repo',
    services: { file: 'catalog/services.yaml', text: CATALOG_YAML + extraServices },
    environments: [{ file: 'catalog/environments/dev.yaml', text: devYaml }],
  })
  const errors = problems.filter((p) => p.severity === 'error')
  if (!catalog || errors.length) throw new Error(`test catalog invalid: ${JSON.stringify(errors)}`)
  return { catalog, environment: catalog.environments.get('dev')! }
}

/** `repo/<name>@sha256:<digit repeated 64 times>` */
export function image(name: string, digit: string | number): string {
  return `111111111111.dkr.ecr.ca-central-1.amazonaws.com/${name}@sha256:${String(digit).repeat(64).slice(0, 64)}`
}

export interface Harness {
  fake: FakeEcs
  ecs: ECSClient
  effects: EcsEffects & { lines: string[] }
  close(): Promise<void>
}

export async function startHarness(options: { defaultRolloutMs?: number } = {}): Promise<Harness> {
  const fake = await FakeEcs.start({ defaultRolloutMs: options.defaultRolloutMs ?? 40_000 })
  const ecs = makeEcsClient({ endpoint: fake.endpoint, region: 'ca-central-1' })
  const lines: string[] = []
  const log: Logger = {
    debug: (m) => lines.push(`debug: ${m}`),
    info: (m) => lines.push(m),
    warning: (m) => lines.push(`warning: ${m}`),
    error: (m) => lines.push(`error: ${m}`),
  }
  return {
    fake,
    ecs,
    effects: { ecs, clock: fake.clock, log, lines },
    close: async () => {
      ecs.destroy()
      await fake.stop()
    },
  }
}

/** Seeds the catalog's ECS services (auth, gateway, payment) on image digit 1, with a sidecar on auth. */
export function seedTestServices(fake: FakeEcs): void {
  fake.seedService({
    cluster: CLUSTER,
    name: 'auth',
    image: image('auth', 1),
    // SSM_PREFIX, as the Terraform roots add it beside the catalog's variables
    environment: [{ name: 'SSM_PREFIX', value: '/test/dev' }, { name: 'LOG_LEVEL', value: 'debug' }, { name: 'FEATURE_X', value: 'on' }],
    secrets: [{ name: 'JWT_SECRET', valueFrom: 'arn:aws:secretsmanager:ca-central-1:111111111111:secret:jwt' }],
    sidecars: [{ name: 'xray', image: 'amazon/aws-xray-daemon:3.3', essential: false }],
    desiredCount: 2,
  })
  fake.seedService({ cluster: CLUSTER, name: 'gateway', image: image('gateway', 1) })
  fake.seedService({ cluster: CLUSTER, name: 'payment', image: image('payment', 1), containerName: 'app' })
}

/** The error a promise rejects with; fails the test when it resolves. */
export async function rejection(p: Promise<unknown>): Promise<Error> {
  try {
    await p
  } catch (e) {
    return e as Error
  }
  throw new Error('expected a rejection')
}

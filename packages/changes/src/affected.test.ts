import { describe, expect, it } from 'vitest'
import { buildCatalog } from '@tierdeploy/catalog'
import { generateCatalog } from '@tierdeploy/testkit'
import { servicesAffectedBy } from './affected.js'
import type { FileChange } from './model.js'
import { describeReason } from './summary.js'
import { fixtureCatalog, SERVICES_YAML } from './test/fixture.js'

const modified = (...paths: string[]): FileChange[] => paths.map((path) => ({ status: 'modified', path }))
const catalog = fixtureCatalog()

describe('servicesAffectedBy', () => {
  it('maps a file in a nested service to the innermost service, not the one around it', () => {
    const a = servicesAffectedBy(catalog, modified('indigenious-gateway-service/indigenious-api-gateway/src/index.ts'))
    expect(a.services).toEqual(['indigenious-gateway-service'])
    expect(a.reasons['indigenious-gateway-service']).toEqual([{ kind: 'files', count: 1, files: ['indigenious-gateway-service/indigenious-api-gateway/src/index.ts'] }])
  })

  it('maps a file of the outer directory to the outer service only', () => {
    expect(servicesAffectedBy(catalog, modified('indigenious-gateway-service/docker-compose.yml')).services).toEqual(['indigenious-gateway-edge'])
  })

  it('does not mistake a sibling directory sharing a name prefix for the service', () => {
    const a = servicesAffectedBy(catalog, modified('services/authz/index.ts', 'indigenious-gateway-service/indigenious-api-gateway-v2/x.ts'))
    expect(a.services).toEqual(['indigenious-gateway-edge'])
    expect(a.unclaimed).toEqual({ count: 1, files: ['services/authz/index.ts'] })
  })

  it('propagates a library change to its dependents, transitively through libraries', () => {
    const a = servicesAffectedBy(catalog, modified('libs/core/index.ts'))
    expect(a.services).toEqual(['indigenious-auth-service', 'indigenious-payment-service'])
    expect(a.libraries).toEqual(['core-lib'])
    expect(a.reasons['indigenious-auth-service']).toEqual([{ kind: 'library', library: 'core-lib', via: ['shared-libs'] }])
    expect(a.reasons['indigenious-payment-service']).toEqual([{ kind: 'library', library: 'core-lib', via: [] }])
  })

  it('does not propagate runtime dependsOn between services: auth changing leaves payment and rfq alone', () => {
    expect(servicesAffectedBy(catalog, modified('services/auth/src/index.ts')).services).toEqual(['indigenious-auth-service'])
  })

  it('affects every deployable service on a global path change, literal or glob', () => {
    for (const file of ['package-lock.json', 'config/app.json']) {
      const a = servicesAffectedBy(catalog, modified(file))
      expect(a.services).toEqual(['indigenious-auth-service', 'indigenious-gateway-edge', 'indigenious-gateway-service', 'indigenious-payment-service', 'indigenious-rfq-service'])
      expect(a.reasons['indigenious-rfq-service']).toEqual([{ kind: 'global', count: 1, files: [file] }])
    }
    expect(servicesAffectedBy(catalog, modified('config/nested/app.json')).services).toEqual([])
  })

  it('drops files matched by the catalog default ignore and by the service ignore (relative to its path)', () => {
    const a = servicesAffectedBy(catalog, modified('services/auth/README.md', 'services/auth/docs/design.txt', 'services/payment/src/NOTES.md'))
    expect(a.services).toEqual([])
    expect(a.unclaimed.count).toBe(3)
    // docs/** is the auth service's own ignore: another service's docs still count.
    expect(servicesAffectedBy(catalog, modified('services/payment/docs/design.txt')).services).toEqual(['indigenious-payment-service'])
  })

  it('adds files matched by watch globs and literal watch paths', () => {
    expect(servicesAffectedBy(catalog, modified('schemas/payment/v2/order.json')).services).toEqual(['indigenious-payment-service'])
    expect(servicesAffectedBy(catalog, modified('contracts/payment.json')).services).toEqual(['indigenious-payment-service'])
    expect(servicesAffectedBy(catalog, modified('schemas/payment/v2/README.md')).services).toEqual([])
    expect(servicesAffectedBy(catalog, modified('schemas/rfq/v1.json')).services).toEqual([])
  })

  it('matches watch globs without a static base anywhere in the repository', () => {
    const withProto = fixtureCatalog('/repo', SERVICES_YAML.replace('    path: services/rfq\n', '    path: services/rfq\n    watch: ["**/*.proto"]\n'))
    expect(servicesAffectedBy(withProto, modified('services/payment/api/rfq.proto')).services).toEqual(['indigenious-payment-service', 'indigenious-rfq-service'])
    expect(servicesAffectedBy(withProto, modified('proto/rfq.proto')).services).toEqual(['indigenious-rfq-service'])
  })

  it('sets infrastructure for the catalog and terraform directories and infrastructure entries, deploying nothing', () => {
    for (const file of ['catalog/environments/dev.yaml', 'terraform/modules/ecs/main.tf', 'infra/network/vpc.tf']) {
      const a = servicesAffectedBy(catalog, modified(file))
      expect(a.infrastructure, file).toBe(true)
      expect(a.services).toEqual([])
    }
    expect(servicesAffectedBy(catalog, modified('terraformx/main.tf')).infrastructure).toBe(false)
  })

  it('counts both sides of a rename', () => {
    const a = servicesAffectedBy(catalog, [{ status: 'renamed', oldPath: 'services/rfq/src/a.ts', path: 'services/payment/src/a.ts' }])
    expect(a.services).toEqual(['indigenious-payment-service', 'indigenious-rfq-service'])
    expect(a.files).toBe(2)
  })

  it('reports a service whose directory is gone as deleted, never to deploy, even when a global path also changed', () => {
    const a = servicesAffectedBy(catalog, [{ status: 'deleted', path: 'services/rfq/src/index.ts' }, ...modified('package-lock.json')], { gone: new Set(['indigenious-rfq-service']) })
    expect(a.services).not.toContain('indigenious-rfq-service')
    expect(a.deleted).toEqual(['indigenious-rfq-service'])
    expect(a.reasons['indigenious-rfq-service']).toEqual([{ kind: 'deleted', path: 'services/rfq' }])
  })

  it('never reports a disabled service or a library as a service to deploy', () => {
    const a = servicesAffectedBy(catalog, modified('services/old/src/index.ts', 'libs/shared/index.ts'))
    expect(a.services).toEqual(['indigenious-auth-service'])
  })

  it('lists at most 20 files per reason but counts them all', () => {
    const files = Array.from({ length: 50 }, (_, i) => `services/rfq/src/f${i}.ts`)
    const reason = servicesAffectedBy(catalog, modified(...files)).reasons['indigenious-rfq-service']![0]!
    expect(reason).toMatchObject({ kind: 'files', count: 50 })
    expect(reason.kind === 'files' && reason.files.length).toBe(20)
  })

  it('adds a Dockerfile outside the path and a build context above it, less what its .dockerignore excludes', () => {
    const yaml = SERVICES_YAML.replace('    path: services/rfq\n', '    path: services/rfq\n    build: { context: services, dockerfile: docker/rfq.Dockerfile }\n')
    const built = fixtureCatalog('/repo', yaml)
    const a = servicesAffectedBy(built, modified('docker/rfq.Dockerfile', 'services/payment/src/index.ts', 'services/payment/NOTES.md'))
    expect(a.services).toEqual(['indigenious-payment-service', 'indigenious-rfq-service'])
    expect(a.reasons['indigenious-rfq-service']).toEqual([{ kind: 'build', count: 2, files: ['docker/rfq.Dockerfile', 'services/payment/src/index.ts'] }])
    expect(describeReason(a.reasons['indigenious-rfq-service']![0]!, false)).toBe('2 build files (Dockerfile, build context): docker/rfq.Dockerfile, services/payment/src/index.ts')
    // The docker ignore file comes from the caller (detectChangedServices reads it at head), and only for such a context.
    const asked: string[] = []
    const readDockerIgnore = (path: string) => (asked.push(path), path === 'services/.dockerignore' ? 'payment\n' : undefined)
    expect(servicesAffectedBy(built, modified('services/payment/src/index.ts', 'services/.dockerignore'), { readDockerIgnore }).reasons['indigenious-rfq-service']).toEqual([{ kind: 'build', count: 1, files: ['services/.dockerignore'] }])
    expect([...new Set(asked)].sort()).toEqual(['docker/rfq.Dockerfile.dockerignore', 'services/.dockerignore'])
  })

  it('maps a 100,000-file change over 1,000 generated services exactly', () => {
    const { yaml, names } = generateCatalog(1000)
    const { catalog: big } = buildCatalog({ dir: '/r/catalog', root: '/r', services: { file: 'services.yaml', text: yaml }, environments: [] })
    const files: FileChange[] = []
    // Every 10th service gets 1,000 files, 4 levels deep; nothing else changes.
    for (let s = 0; s < 100; s++) for (let f = 0; f < 1000; f++) files.push({ status: 'modified', path: `services/${names[s * 10]}/src/m${f % 7}/d${f % 3}/file${f}.ts` })
    const a = servicesAffectedBy(big!, files)
    expect(a.services).toEqual(names.filter((_, i) => i % 10 === 0))
    expect(a.files).toBe(100_000)
    expect(a.reasons[names[0]!]![0]).toMatchObject({ kind: 'files', count: 1000 })
  })
})

import { join } from 'node:path'
import { buildCatalog, type Catalog } from '@tierdeploy/catalog'

/**
 * A catalog with the cases change detection must get right: the gateway nested inside another service's
 * directory, libraries depending on libraries, runtime dependencies between services, watch and ignore
 * globs, global paths, a disabled service and infrastructure.
 */
export const SERVICES_YAML = `version: 1
platform: test
tiers:
  - { id: 1, name: core }
  - { id: 2, name: business }
globalPaths:
  - package-lock.json
  - "config/*.json"
defaults:
  ignore: ["**/*.md"]
services:
  rds-aurora:
    kind: infrastructure
    tier: 1
  network:
    kind: infrastructure
    tier: 1
    path: infra/network
  core-lib:
    kind: library
    path: libs/core
  shared-libs:
    kind: library
    path: libs/shared
    dependsOn: [core-lib]
  indigenious-gateway-edge:
    path: indigenious-gateway-service
    tier: 1
  indigenious-gateway-service:
    path: indigenious-gateway-service/indigenious-api-gateway
    tier: 1
    aliases: [gateway]
  indigenious-auth-service:
    path: services/auth
    tier: 1
    aliases: [auth]
    dependsOn: [rds-aurora, shared-libs]
    ignore: ["docs/**"]
  indigenious-payment-service:
    path: services/payment
    tier: 2
    aliases: [payment]
    dependsOn: [auth, core-lib]
    watch: ["schemas/payment/**", contracts/payment.json]
  indigenious-rfq-service:
    path: services/rfq
    tier: 2
    dependsOn: [auth]
  old-service:
    path: services/old
    tier: 2
    disabled: true
`

export const PRODUCTION_YAML = `name: production
region: ca-central-1
services:
  auth:
    desiredCount: 2
`

/** The files of a repository holding the fixture catalog and a little code in every service. */
export function fixtureFiles(): Record<string, string> {
  return {
    'catalog/services.yaml': SERVICES_YAML,
    'catalog/environments/production.yaml': PRODUCTION_YAML,
    'package-lock.json': '{}\n',
    'README.md': '# repo\n',
    'config/app.json': '{}\n',
    'terraform/main.tf': '# tf\n',
    'infra/network/main.tf': '# net\n',
    'libs/core/index.ts': 'export const core = 1\n',
    'libs/shared/index.ts': 'export const shared = 1\n',
    'indigenious-gateway-service/docker-compose.yml': 'services: {}\n',
    'indigenious-gateway-service/indigenious-api-gateway/src/index.ts': 'export {}\n',
    'services/auth/src/index.ts': 'export {}\n',
    'services/auth/docs/design.txt': 'design\n',
    'services/auth/README.md': '# auth\n',
    'services/payment/src/index.ts': 'export {}\n',
    'services/payment/src/pay.ts': 'export {}\n',
    'services/rfq/src/index.ts': 'export {}\n',
    'services/old/src/index.ts': 'export {}\n',
    'schemas/payment/v1.json': '{}\n',
    'contracts/payment.json': '{}\n',
  }
}

/** The fixture catalog, built in memory (root is `root`, the catalog dir `root/catalog`). */
export function fixtureCatalog(root = '/repo', yaml = SERVICES_YAML): Catalog {
  const result = buildCatalog({ dir: join(root, 'catalog'), root, services: { file: join(root, 'catalog/services.yaml'), text: yaml }, environments: [] })
  const errors = result.problems.filter((p) => p.severity === 'error')
  if (!result.catalog || errors.length) throw new Error(`fixture catalog is invalid: ${JSON.stringify(errors)}`)
  return result.catalog
}

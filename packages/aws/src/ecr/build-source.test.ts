import { describe, expect, it } from 'vitest'
import { buildCatalog, type Catalog } from '@tierdeploy/catalog'
import { libraryPathsOf, resolveBuildSource } from './build-source.js'
import { CATALOG_YAML } from './test-repo.js'

function catalogOf(yaml: string): Catalog {
  const { catalog, problems } = buildCatalog({ dir: 'catalog', root: '/repo', services: { file: 'catalog/services.yaml', text: yaml }, environments: [] })
  if (!catalog) throw new Error(problems.map((p) => p.message).join('\n'))
  return catalog
}

const catalog = catalogOf(CATALOG_YAML)
const service = (name: string) => catalog.services.get(name)!

describe('resolveBuildSource', () => {
  it('uses PATH/Dockerfile when the service has one, even with a default template', () => {
    const s = resolveBuildSource(catalog, service('invoice'), (p) => p === 'services/invoice' || p === 'services/invoice/Dockerfile')
    expect(s).toMatchObject({ context: 'services/invoice', dockerfile: 'services/invoice/Dockerfile', repository: 'invoxa/invoice', createRepository: false })
    expect(s.template).toBeUndefined()
  })

  it('falls back to the service template, else the catalog default template', () => {
    const only = (dir: string) => (p: string) => p === dir
    expect(resolveBuildSource(catalog, service('payment'), only('services/payment'))).toMatchObject({ template: 'python', args: { APP_MODULE: 'wsgi:app' }, repository: 'invoxa-payments' })
    expect(resolveBuildSource(catalog, service('auth'), only('services/auth'))).toMatchObject({ template: 'node', createRepository: true })
  })

  it('takes build.context and build.dockerfile from the catalog, in the catalog\'s normalised form', () => {
    const s = resolveBuildSource(catalog, service('notification'), () => true)
    expect(s).toMatchObject({ context: '.', dockerfile: 'docker/notification.Dockerfile' })
    // Written ./docker//notification.Dockerfile and ./, the catalog normalised them at load: build-push has no normaliser of its own.
    const written = catalogOf(CATALOG_YAML.replace('build: { dockerfile: docker/notification.Dockerfile, context: "." }', 'build: { dockerfile: ./docker//notification.Dockerfile, context: ./ }'))
    expect(resolveBuildSource(written, written.services.get('notification')!, () => true)).toMatchObject({ context: '.', dockerfile: 'docker/notification.Dockerfile' })
  })

  it('carries the catalog\'s build inputs, which the content tag hashes', () => {
    const s = resolveBuildSource(catalog, service('notification'), () => true)
    expect(s.inputs).toMatchObject({ service: 'notification', path: 'services/notification', image: { context: '.', dockerfile: 'docker/notification.Dockerfile', ignoreFiles: ['docker/notification.Dockerfile.dockerignore', '.dockerignore'] } })
  })

  it('collects libraries transitively, never through other services', () => {
    expect(libraryPathsOf(catalog, service('auth'))).toEqual(['libs/crypto', 'libs/shared'])
    expect(libraryPathsOf(catalog, service('invoice'))).toEqual(['libs/other'])
  })

  it('names the service and the setting when a path is missing', () => {
    expect(() => resolveBuildSource(catalog, service('auth'), () => false)).toThrow(/build context 'services\/auth' of auth does not exist/)
    expect(() => resolveBuildSource(catalog, service('notification'), (p) => p === '.')).toThrow(/Dockerfile 'docker\/notification.Dockerfile' of notification does not exist .*build.dockerfile/)
    const noTemplate = catalogOf(CATALOG_YAML.replace('  build: { template: node }\n', ''))
    expect(() => resolveBuildSource(noTemplate, noTemplate.services.get('auth')!, (p) => p === 'services/auth')).toThrow(/auth has no services\/auth\/Dockerfile and no build.template/)
    expect(() => resolveBuildSource(catalog, service('shared-lib'), () => true)).toThrow(/shared-lib is a library/)
  })
})

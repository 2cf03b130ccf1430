import { describe, expect, it } from 'vitest'
import { buildCatalog } from './build.js'
import { buildInputMatcher, buildInputRoots, buildInputsOf, CodeRules, codeInputsOf, dockerIgnoreFileOf, imageBeyondCode, imageInputsOf } from './build-inputs.js'
import type { Catalog } from './model.js'

const YAML = `version: 1
tiers:
  - { id: 1, name: core }
globalPaths: [package-lock.json, "config/*.json"]
defaults:
  ignore: ["**/*.md"]
services:
  core-lib:
    kind: library
    path: libs/core
    watch: [proto/core/**]
  shared-lib:
    kind: library
    path: libs/shared
    dependsOn: [core-lib]
  db:
    kind: infrastructure
    tier: 1
    path: infra/db
  gateway:
    path: gateway
    tier: 1
    ignore: ["docs/**"]
    watch: [contracts/gateway.json]
  gateway-admin:
    path: gateway/admin
    tier: 1
  auth:
    path: services/auth
    tier: 1
    dependsOn: [db, shared-lib, gateway]
    build: { dockerfile: docker/auth.Dockerfile }
  monolith:
    path: services/monolith
    tier: 1
    build: { context: ".", dockerfile: docker/monolith.Dockerfile }
`

function catalogOf(yaml = YAML): Catalog {
  const { catalog, problems } = buildCatalog({ dir: '/repo/catalog', root: '/repo', services: { file: '/repo/catalog/services.yaml', text: yaml }, environments: [] })
  if (!catalog || problems.some((p) => p.severity === 'error')) throw new Error(JSON.stringify(problems))
  return catalog
}

const catalog = catalogOf()
const inputsOf = (name: string) => buildInputsOf(catalog, catalog.services.get(name)!)
const matcher = (name: string, dockerIgnore?: string) => buildInputMatcher(inputsOf(name), dockerIgnore)

describe('buildInputsOf', () => {
  it('takes the usual service\'s context and Dockerfile from its path', () => {
    expect(inputsOf('gateway')).toMatchObject({
      service: 'gateway',
      path: 'gateway',
      nested: ['gateway/admin'],
      watch: ['contracts/gateway.json'],
      ignore: ['**/*.md', 'docs/**'],
      image: { context: 'gateway', dockerfile: 'gateway/Dockerfile', dockerfileSet: false, ignoreFiles: ['gateway/Dockerfile.dockerignore', 'gateway/.dockerignore'] },
      libraries: [],
      globalPaths: ['package-lock.json', 'config/*.json'],
    })
  })

  it('takes build.dockerfile and build.context, with the Dockerfile\'s own ignore file first, as BuildKit reads them', () => {
    expect(inputsOf('monolith').image).toEqual({ context: '.', dockerfile: 'docker/monolith.Dockerfile', dockerfileSet: true, ignoreFiles: ['docker/monolith.Dockerfile.dockerignore', '.dockerignore'] })
    const withDefault = catalogOf(YAML.replace('  ignore: ["**/*.md"]\n', '  ignore: ["**/*.md"]\n  build: { dockerfile: docker/Dockerfile }\n'))
    expect(imageInputsOf(withDefault, withDefault.services.get('gateway')!)).toMatchObject({ dockerfile: 'docker/Dockerfile', dockerfileSet: true })
    expect(dockerIgnoreFileOf(inputsOf('monolith').image!, (p) => p === '.dockerignore')).toBe('.dockerignore')
    expect(dockerIgnoreFileOf(inputsOf('monolith').image!, () => true)).toBe('docker/monolith.Dockerfile.dockerignore')
    expect(dockerIgnoreFileOf(inputsOf('monolith').image!, () => false)).toBeUndefined()
  })

  it('lists libraries transitively through libraries only, never through a service it depends on', () => {
    expect(inputsOf('auth').libraries.map((l) => l.service)).toEqual(['core-lib', 'shared-lib'])
    expect(inputsOf('auth').libraries[0]).toMatchObject({ path: 'libs/core', watch: ['proto/core/**'], ignore: ['**/*.md'] })
  })

  it('gives libraries and infrastructure no image: they are never built', () => {
    expect(inputsOf('shared-lib').image).toBeUndefined()
    expect(inputsOf('db').image).toBeUndefined()
  })
})

describe('buildInputMatcher', () => {
  it('counts files under the path, not a nested service\'s, not ignored relative to the path', () => {
    const m = matcher('gateway')
    expect(m('gateway/src/index.ts')).toBe('path')
    expect(m('gateway/admin/src/index.ts')).toBeUndefined()
    expect(m('gateway/docs/design.txt')).toBeUndefined()
    expect(m('gateway/README.md')).toBeUndefined()
    expect(m('gateway-v2/index.ts')).toBeUndefined()
    expect(matcher('gateway-admin')('gateway/admin/src/index.ts')).toBe('path')
  })

  it('counts watched files, with the ignore globs matched against the repository path', () => {
    expect(matcher('gateway')('contracts/gateway.json')).toBe('watch')
    expect(matcher('gateway')('contracts/auth.json')).toBeUndefined()
  })

  it('counts a Dockerfile outside the path, and the docker ignore files', () => {
    const m = matcher('auth')
    expect(m('docker/auth.Dockerfile')).toBe('build')
    expect(m('docker/auth.Dockerfile.dockerignore')).toBe('build')
    expect(m('services/auth/.dockerignore')).toBe('path')
    expect(m('docker/monolith.Dockerfile')).toBeUndefined()
    // The context is the path: other files around it are not inputs.
    expect(m('services/payment/index.ts')).toBeUndefined()
  })

  it('counts every file of a context above the service unless .dockerignore or the ignore globs drop it', () => {
    const m = matcher('monolith', 'node_modules\nservices/*\n!services/monolith\n')
    expect(m('services/payment/index.ts')).toBeUndefined()
    expect(m('gateway/admin/src/index.ts')).toBe('build')
    expect(m('tools/build.sh')).toBe('build')
    expect(m('node_modules/x/index.js')).toBeUndefined()
    expect(m('docs/guide.md')).toBeUndefined()
    expect(m('.dockerignore')).toBe('build')
    expect(m('services/monolith/src/app.ts')).toBe('path')
    // Under its own path the path rule decides, whatever the context: its ignore globs still apply there.
    expect(m('services/monolith/NOTES.md')).toBeUndefined()
    // Without a .dockerignore the whole repository is the context.
    expect(matcher('monolith')('services/payment/index.ts')).toBe('build')
  })

  it('counts the path and watch files of its libraries, transitively, and the global paths', () => {
    const m = matcher('auth')
    expect(m('libs/shared/index.ts')).toBe('library')
    expect(m('libs/core/index.ts')).toBe('library')
    expect(m('proto/core/v1/core.proto')).toBe('library')
    expect(m('libs/core/README.md')).toBeUndefined()
    expect(m('infra/db/main.tf')).toBeUndefined()
    expect(m('gateway/src/index.ts')).toBeUndefined()
    expect(m('package-lock.json')).toBe('global')
    expect(m('config/app.json')).toBe('global')
    expect(m('config/nested/app.json')).toBeUndefined()
  })
})

describe('buildInputRoots', () => {
  it('lists the fewest directories and files every input lies under', () => {
    expect(buildInputRoots(inputsOf('auth'))).toEqual(['config', 'docker/auth.Dockerfile', 'docker/auth.Dockerfile.dockerignore', 'libs/core', 'libs/shared', 'package-lock.json', 'proto/core', 'services/auth'])
    expect(buildInputRoots(inputsOf('monolith'))).toEqual(['.'])
  })
})

describe('imageBeyondCode', () => {
  const beyond = (c: Catalog, name: string) => {
    const s = c.services.get(name)!
    return imageBeyondCode(c, s, new CodeRules(codeInputsOf(c, s)))
  }

  it('has nothing for the usual service, whose Dockerfile and context are its path', () => {
    expect(beyond(catalog, 'gateway')).toBeUndefined()
    expect(beyond(catalog, 'shared-lib')).toBeUndefined()
  })

  it('names the build files its path rule does not count', () => {
    expect(beyond(catalog, 'auth')!.files).toEqual(['docker/auth.Dockerfile', 'docker/auth.Dockerfile.dockerignore'])
    expect(beyond(catalog, 'monolith')!.files).toEqual(['docker/monolith.Dockerfile', 'docker/monolith.Dockerfile.dockerignore', '.dockerignore'])
    const ignoring = catalogOf(YAML.replace('ignore: ["docs/**"]', 'ignore: ["docs/**", "Dockerfile"]'))
    expect(beyond(ignoring, 'gateway')!.files).toEqual(['gateway/Dockerfile'])
    expect(buildInputMatcher(buildInputsOf(ignoring, ignoring.services.get('gateway')!))('gateway/Dockerfile')).toBe('build')
  })
})

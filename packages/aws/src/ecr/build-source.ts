import { join } from 'node:path'
import { ConfigurationError, type Catalog, type Service } from '@tierdeploy/catalog'

export type TemplateName = 'node' | 'python'

/** What build-push builds for one service, every path relative to the repository root. */
export interface BuildSource {
  service: string
  /** Build context directory ('' is the repository root). */
  context: string
  /** The service's own Dockerfile (repository-relative), or undefined when a bundled template is used. */
  dockerfile?: string
  template?: TemplateName
  args: Record<string, string>
  /** Library paths whose code is copied into the image (transitive `dependsOn` of kind library). */
  libraries: string[]
  globalPaths: string[]
  /** ECR repository name (catalog `ecr.repository`, else PLATFORM/SERVICE). */
  repository: string
  /** Whether build-push may create the repository (catalog `ecr.create`). */
  createRepository: boolean
}

/** Repository-relative path without './' or trailing '/'; the root is ''. */
export function normalizeRepoPath(path: string): string {
  const p = path.trim().replace(/^(\.\/)+/, '').replace(/\/+$/, '')
  return p === '.' ? '' : p
}

/** Library paths a service's image contains: its `dependsOn` libraries and theirs, never through other services. */
export function libraryPathsOf(catalog: Catalog, service: Service): string[] {
  const seen = new Set<string>()
  const paths = new Set<string>()
  const visit = (names: string[]): void => {
    for (const name of names) {
      const dep = catalog.services.get(name)
      if (!dep || dep.kind !== 'library' || seen.has(name)) continue
      seen.add(name)
      if (dep.path) paths.add(normalizeRepoPath(dep.path))
      visit(dep.dependsOn)
    }
  }
  visit(service.dependsOn)
  return [...paths].sort()
}

/**
 * Where a service's image comes from: catalog `build` settings (service over catalog defaults), else
 * PATH/Dockerfile when it exists, else the bundled template. `exists` answers for repository-relative paths.
 */
export function resolveBuildSource(catalog: Catalog, service: Service, exists: (path: string) => boolean): BuildSource {
  if (service.kind !== 'service') throw new ConfigurationError(`${service.name} is a ${service.kind} in ${catalog.file}: only services (kind: service) are built`)
  const own = service.build ?? {}
  const defaults = catalog.defaults.build ?? {}
  const contextSetting = own.context ?? service.path
  if (contextSetting === undefined) {
    throw new ConfigurationError(`${service.name} has no path and no build.context in ${catalog.file}: build-push needs the directory to build (set path: or build.context:)`)
  }
  const context = normalizeRepoPath(contextSetting)
  if (!exists(context === '' ? '.' : context)) {
    throw new ConfigurationError(`build context '${context}' of ${service.name} does not exist in the checkout (${catalog.file}: ${own.context ? 'build.context' : 'path'})`)
  }
  const explicit = own.dockerfile ?? defaults.dockerfile
  let dockerfile: string | undefined
  let template: TemplateName | undefined
  if (explicit !== undefined) {
    dockerfile = normalizeRepoPath(explicit)
    if (!exists(dockerfile)) throw new ConfigurationError(`Dockerfile '${dockerfile}' of ${service.name} does not exist (${catalog.file}: build.dockerfile)`)
  } else if (exists(join(context, 'Dockerfile'))) {
    dockerfile = normalizeRepoPath(join(context, 'Dockerfile'))
  } else {
    template = own.template ?? defaults.template
    if (!template) {
      throw new ConfigurationError(`${service.name} has no ${context ? `${context}/` : ''}Dockerfile and no build.template in ${catalog.file}: add a Dockerfile, or set build.template: node or python`)
    }
  }
  return {
    service: service.name,
    context,
    ...(dockerfile !== undefined ? { dockerfile } : {}),
    ...(template !== undefined ? { template } : {}),
    args: { ...defaults.args, ...own.args },
    libraries: libraryPathsOf(catalog, service),
    globalPaths: [...new Set(catalog.globalPaths.map(normalizeRepoPath))].sort(),
    repository: service.ecr?.repository ?? `${catalog.platform}/${service.name}`,
    createRepository: service.ecr?.create === true,
  }
}

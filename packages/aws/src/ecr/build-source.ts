import { buildInputsOf, ConfigurationError, librariesOf, type BuildInputs, type Catalog, type Service } from '@tierdeploy/catalog'

export type TemplateName = 'node' | 'python'

/**
 * What build-push builds for one service, every path repository-relative in the catalog's normalised form (paths are
 * normalised once, when the catalog loads: packages/catalog/src/repo-path.ts).
 */
export interface BuildSource {
  service: string
  /** Build context directory ('.' is the repository root). */
  context: string
  /** The service's own Dockerfile (repository-relative), or undefined when a bundled template is used. */
  dockerfile?: string
  template?: TemplateName
  args: Record<string, string>
  /** Library paths whose code is copied into the image (transitive `dependsOn` of kind library). */
  libraries: string[]
  globalPaths: string[]
  /** The files the image is built from, by the definition change detection uses too: what the content tag hashes. */
  inputs: BuildInputs
  /** ECR repository name (catalog `ecr.repository`, else PLATFORM/SERVICE). */
  repository: string
  /** Whether build-push may create the repository (catalog `ecr.create`). */
  createRepository: boolean
}

/** Library paths a service's image contains: its `dependsOn` libraries and theirs, never through other services. */
export function libraryPathsOf(catalog: Catalog, service: Service): string[] {
  return [...new Set(librariesOf(catalog, service).flatMap((l) => (l.path !== undefined ? [l.path] : [])))].sort()
}

/**
 * Where a service's image comes from: catalog `build` settings (service over catalog defaults), else
 * PATH/Dockerfile when it exists, else the bundled template. `exists` answers for repository-relative paths.
 */
export function resolveBuildSource(catalog: Catalog, service: Service, exists: (path: string) => boolean): BuildSource {
  if (service.kind !== 'service') throw new ConfigurationError(`${service.name} is a ${service.kind} in ${catalog.file}: only services (kind: service) are built`)
  const inputs = buildInputsOf(catalog, service)
  const image = inputs.image
  if (!image) {
    throw new ConfigurationError(`${service.name} has no path and no build.context in ${catalog.file}: build-push needs the directory to build (set path: or build.context:)`)
  }
  const { context } = image
  if (!exists(context)) {
    throw new ConfigurationError(`build context '${context}' of ${service.name} does not exist in the checkout (${catalog.file}: ${service.build?.context !== undefined ? 'build.context' : 'path'})`)
  }
  const defaults = catalog.defaults.build ?? {}
  const own = service.build ?? {}
  let dockerfile: string | undefined
  let template: TemplateName | undefined
  if (image.dockerfileSet) {
    dockerfile = image.dockerfile
    if (!exists(dockerfile)) throw new ConfigurationError(`Dockerfile '${dockerfile}' of ${service.name} does not exist (${catalog.file}: build.dockerfile)`)
  } else if (exists(image.dockerfile)) {
    dockerfile = image.dockerfile
  } else {
    template = own.template ?? defaults.template
    if (!template) {
      throw new ConfigurationError(`${service.name} has no ${image.dockerfile} and no build.template in ${catalog.file}: add a Dockerfile, or set build.template: node or python`)
    }
  }
  return {
    service: service.name,
    context,
    ...(dockerfile !== undefined ? { dockerfile } : {}),
    ...(template !== undefined ? { template } : {}),
    args: { ...defaults.args, ...own.args },
    libraries: libraryPathsOf(catalog, service),
    globalPaths: [...new Set(catalog.globalPaths)].sort(),
    inputs,
    repository: service.ecr?.repository ?? `${catalog.platform}/${service.name}`,
    createRepository: service.ecr?.create === true,
  }
}

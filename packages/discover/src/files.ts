import { catalogSchemaDocument } from '@tierdeploy/catalog'
import type { Discovery } from './model.js'
import { renderCatalog, renderEnvironment } from './render.js'

export interface CatalogFileOptions {
  /** Environment names, in promotion order (the last is production-like: approval, promoted from the one before). */
  environments: string[]
  region: string
  /** Whether the region was given (else the stubs say it is a placeholder). */
  regionGiven: boolean
}

/** The files `tierdeploy init` writes, by path relative to the catalog directory. */
export function catalogFiles(discovery: Discovery, options: CatalogFileOptions): Record<string, string> {
  const files: Record<string, string> = {
    'services.yaml': renderCatalog(discovery),
    'schema.json': `${JSON.stringify(catalogSchemaDocument(), null, 2)}\n`,
  }
  options.environments.forEach((name, i) => {
    const production = i === options.environments.length - 1 && options.environments.length > 1
    files[`environments/${name}.yaml`] = renderEnvironment(name, {
      platform: discovery.platform,
      region: options.region,
      regionGiven: options.regionGiven,
      production,
      ...(i > 0 ? { previous: options.environments[i - 1]! } : {}),
    })
  })
  return files
}

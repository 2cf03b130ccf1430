import * as jsYaml from 'js-yaml'
import { parseYaml, useJsYaml, type Source } from './yaml-source.js'

/**
 * parseYaml with js-yaml loaded up front, for synchronous callers that read YAML outside a catalog load (a pricing
 * file, a catalog file at another commit) and for tests. Its own module (`@tierdeploy/catalog/full-yaml`), so
 * that code which only loads catalogs never carries js-yaml (loadCatalog loads it when a file needs it).
 */
export function parseAnyYaml(source: Source): ReturnType<typeof parseYaml> {
  useJsYaml(jsYaml)
  return parseYaml(source)
}

/** Makes every later parseYaml in this process able to read any YAML (buildCatalog calls it). */
export function loadFullYaml(): void {
  useJsYaml(jsYaml)
}

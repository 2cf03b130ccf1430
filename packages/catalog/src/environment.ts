import { ConfigurationError } from './errors.js'
import type { Catalog, Environment } from './model.js'
import { didYouMean } from './suggest.js'

/** The named environment, or a ConfigurationError listing the ones the catalog has. */
export function environmentNamed(catalog: Catalog, name: string): Environment {
  const env = catalog.environments.get(name)
  if (env) return env
  const known = [...catalog.environments.keys()]
  const hint = didYouMean(name, known)
  throw new ConfigurationError(
    `unknown environment '${name}'${hint ? `: ${hint}` : ''} (${catalog.dir}/environments has ${known.length ? known.join(', ') : 'none'})`,
  )
}

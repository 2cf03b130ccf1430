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

/**
 * Whether an environment is production-like: it needs approval or is called prod/production. Production-like
 * environments get the stricter rules (no single replica, no business-hours schedule for public services).
 */
export function isProductionLike(environment: Pick<Environment, 'name' | 'requireApproval'>): boolean {
  return environment.requireApproval === true || /^prod(uction)?$/i.test(environment.name)
}

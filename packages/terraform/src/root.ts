import { posix } from 'node:path'
import { ConfigurationError, type Environment } from '@tierdeploy/catalog'
import { TFVARS_FILE } from './catalog-vars.js'

/** Names a var file may have to be the one `tierdeploy terraform-vars` writes. */
export const CATALOG_VAR_FILE_NAMES: readonly string[] = ['catalog.tfvars.json', TFVARS_FILE]

/**
 * An environment's Terraform root and what to pass it, as repository-relative paths: the one rule that terraform-apply
 * (in the workflows), `tierdeploy terraform-vars` and the tests follow.
 */
export interface TerraformRoot {
  /** The root module (default terraform/environments/ENV: a root per environment). */
  workingDirectory: string
  /** -var-file files for plans, in order. */
  varFiles: string[]
  /** -backend-config files or key=value pairs for init. */
  backendConfig: string[]
  /** Where the catalog-generated variables live: the var file named catalog.tfvars.json, else the root's auto file. */
  catalogVars: string
}

function repositoryPath(value: string, field: string, environment: Environment): string {
  const normalized = posix.normalize(value.replace(/\\/g, '/')).replace(/\/$/, '')
  if (!value.trim() || posix.isAbsolute(normalized) || normalized === '..' || normalized.startsWith('../')) {
    throw new ConfigurationError(`${environment.file}: terraform.${field} '${value}' must be a path inside the repository, relative to it (e.g. terraform/environments/${environment.name}/backend.tfbackend)`)
  }
  return normalized
}

export function terraformRootOf(environment: Environment): TerraformRoot {
  const tf = environment.terraform ?? {}
  const workingDirectory = repositoryPath(tf.workingDirectory ?? `terraform/environments/${environment.name}`, 'workingDirectory', environment)
  const varFiles = (tf.varFiles ?? []).map((f) => repositoryPath(f, 'varFiles', environment))
  // key=value pairs are passed as they are; anything else is a file in the repository.
  const backendConfig = (tf.backendConfig ?? []).map((b) => (/^[A-Za-z_][A-Za-z0-9_]*=/.test(b) ? b : repositoryPath(b, 'backendConfig', environment)))
  const catalogVars = varFiles.find((f) => CATALOG_VAR_FILE_NAMES.includes(posix.basename(f))) ?? posix.join(workingDirectory, TFVARS_FILE)
  return { workingDirectory, varFiles, backendConfig, catalogVars }
}

/** A repository-relative path as the root module sees it (terraform runs in the working directory). */
export function relativeToRoot(root: Pick<TerraformRoot, 'workingDirectory'>, path: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*=/.test(path) ? path : posix.relative(root.workingDirectory, path) || '.'
}

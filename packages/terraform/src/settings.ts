import { ConfigurationError } from '@tierdeploy/catalog'

/** Terraform's duration syntax for -lock-timeout: a whole number and a unit (0s, 90s, 5m, 1h). */
export function parseLockTimeout(value: string, input = 'lock-timeout'): string {
  const v = value.trim()
  if (/^\d+(ms|s|m|h)$/.test(v)) return v
  throw new ConfigurationError(`input '${input}' must be a duration such as 0s, 90s, 5m or 1h, got '${value}'`)
}

export type TerraformCommand = 'plan' | 'apply'

/** What one terraform-apply run does, validated; see docs/terraform.md. */
export interface TerraformSettings {
  /** The root module, relative to `baseDir` (as the user wrote it: messages name files under it). */
  workingDirectory: string
  command: TerraformCommand
  /** plan: where to save the plan; apply: the saved, reviewed plan to apply. Relative to workingDirectory. */
  planFile?: string
  /** -backend-config values: key=value pairs or files. */
  backendConfig: string[]
  /** -var-file values, relative to workingDirectory. */
  varFiles: string[]
  lockTimeout: string
  protectedTypes: readonly string[]
  allowDestroy: readonly string[]
}

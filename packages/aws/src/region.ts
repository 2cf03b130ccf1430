import { ConfigurationError, type Environment } from '@tierdeploy/catalog'

const REGION_PATTERN = /^[a-z]{2}(-gov)?-[a-z]+-\d$/

export interface RegionChoice {
  /** An explicit region (a `--region` flag or `region` input): it overrides the environment file. */
  override?: string | undefined
  /** How the override is given, for messages: `--region`, `the 'region' input`. */
  overrideName?: string
  /** The process environment: AWS_REGION, then AWS_DEFAULT_REGION, used only when the environment file has no region. */
  env?: Record<string, string | undefined>
}

/**
 * The AWS region every command and action talks to for an environment, one rule for all of them:
 * an explicit override (`--region`, a `region` input) wins; otherwise the environment file's `region`; the process
 * environment (AWS_REGION, AWS_DEFAULT_REGION) only when there is no environment or its file has no region. The
 * environment file wins over AWS_REGION on purpose: a shell or a configure-aws-credentials step left on another
 * region must not send `deploy --env staging` somewhere `health --env staging` does not look.
 */
export function regionFor(environment: Pick<Environment, 'name' | 'file' | 'region'> | undefined, choice: RegionChoice = {}): string {
  const override = choice.override?.trim()
  if (override) {
    if (!REGION_PATTERN.test(override)) throw new ConfigurationError(`${choice.overrideName ?? 'the region'} must be an AWS region such as ca-central-1, got '${override}'`)
    return override
  }
  if (environment?.region) return environment.region
  const fromProcess = choice.env?.AWS_REGION || choice.env?.AWS_DEFAULT_REGION
  if (fromProcess) return fromProcess
  const give = choice.overrideName ? `, give ${choice.overrideName}` : ''
  throw new ConfigurationError(environment
    ? `no AWS region for environment ${environment.name}: ${environment.file} sets none; set region: there${give}, or set AWS_REGION`
    : `no AWS region: name an environment (its file's region)${give}, or set AWS_REGION`)
}

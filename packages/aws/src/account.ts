import type { STSClient } from '@aws-sdk/client-sts'
import { ConfigurationError, type Environment, type Logger } from '@tierdeploy/catalog'
import { awsSetupError } from './ecs/errors.js'
import { awsClientConfig, type AwsClientOptions } from './client-config.js'

/** Who the credentials belong to, as STS GetCallerIdentity answers. */
export interface CallerIdentity {
  account: string
  /** The caller's ARN: arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION for a role. */
  arn: string
}

export interface AccountCheckDeps {
  /** The STS client to ask (the fake in tests); made here for `region` when omitted, only when there is an account to check. */
  sts?: STSClient
  /** The region of a client made here: regionFor's answer for the environment. */
  region?: string
  /** The AWS profile of a client made here (promote's --from-profile / --to-profile). */
  profile?: string
}

/** The credentials are for another account than the environment's: nothing may be written with them. */
export class AccountMismatchError extends ConfigurationError {
  constructor(
    message: string,
    readonly caller: CallerIdentity,
    readonly expected: string,
  ) {
    super(message)
  }
}

/**
 * The account rule, one for every command and action that writes to AWS, asked once per run before the first write:
 * the caller's account (STS GetCallerIdentity) must be the environment file's `account`. Credentials of another
 * account (a profile or role left on dev while deploying production) are refused with an AccountMismatchError before
 * anything is changed; region mistakes are regionFor's. An environment without `account` cannot be checked: that is
 * logged as a warning, STS is not asked, and the result is undefined. STS failures (no credentials, an expired
 * session) are ConfigurationErrors saying what to set.
 */
export async function verifyCallerAccount(
  environment: Pick<Environment, 'name' | 'file' | 'account' | 'roleArn'>,
  deps: AccountCheckDeps,
  log: Logger,
): Promise<CallerIdentity | undefined> {
  const expected = environment.account
  if (!expected) {
    log.warning(`environment ${environment.name} sets no account (${environment.file}), so the AWS account of the credentials cannot be checked before writing: set account: "123456789012" there (the environment's 12-digit AWS account ID)`)
    return undefined
  }
  const caller = await callerIdentity(deps, `STS (GetCallerIdentity, to check the account of environment ${environment.name})`)
  if (caller.account === expected) return caller
  const role = typeof environment.roleArn === 'string' ? ` (${environment.roleArn})` : ''
  throw new AccountMismatchError(
    `credentials are for ${caller.account}, environment ${environment.name} is ${expected} (the account in ${environment.file}), so nothing was changed: ` +
      `assume ${environment.name}'s deploy role${role}, or pick an AWS profile of account ${expected} (AWS_PROFILE); the credentials in use are ${caller.arn || `account ${caller.account}`}`,
    caller,
    expected,
  )
}

/** GetCallerIdentity through the injected client, or one made (and closed) here; set-up failures as ConfigurationErrors. */
async function callerIdentity(deps: AccountCheckDeps, calling: string): Promise<CallerIdentity> {
  const { GetCallerIdentityCommand } = await import('@aws-sdk/client-sts')
  const sts = deps.sts ?? (await makeStsClient({ ...(deps.region ? { region: deps.region } : {}), ...(deps.profile ? { profile: deps.profile } : {}) }))
  try {
    const answer = await sts.send(new GetCallerIdentityCommand({}))
    if (!answer.Account) throw new Error('STS GetCallerIdentity answered without an account')
    return { account: answer.Account, arn: answer.Arn ?? '' }
  } catch (e) {
    throw awsSetupError(e, calling) ?? e
  } finally {
    if (!deps.sts) sts.destroy()
  }
}

/**
 * An STS client for the region, loaded on first use (the CLI's `plan` and `validate` never load the SDK). The SDK itself
 * honours AWS_ENDPOINT_URL_STS, which points it at the fake control plane in tests and the workflow simulator.
 */
export async function makeStsClient(options: AwsClientOptions = {}): Promise<STSClient> {
  const { STSClient } = await import('@aws-sdk/client-sts')
  return new STSClient(awsClientConfig({ maxAttempts: 5, ...options }))
}

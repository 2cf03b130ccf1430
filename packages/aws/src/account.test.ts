import { STSClient } from '@aws-sdk/client-sts'
import { isConfigurationError, type Environment, type Logger } from '@tierdeploy/catalog'
import { FakeEcs } from '@tierdeploy/testkit'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { AccountMismatchError, verifyCallerAccount } from './account.js'
import { SessionExpiredError } from './ecs/errors.js'

const production: Environment = {
  name: 'production',
  file: 'catalog/environments/production.yaml',
  account: '333333333333',
  region: 'ca-central-1',
  roleArn: 'arn:aws:iam::333333333333:role/tierdeploy-production-deploy',
}

let fake: FakeEcs
let sts: STSClient
let warnings: string[]
const log: Logger = { debug() {}, info() {}, warning: (m) => warnings.push(m), error() {} }
beforeEach(async () => {
  fake = await FakeEcs.start({ account: '333333333333' })
  sts = new STSClient({ endpoint: fake.endpoint, region: 'ca-central-1', maxAttempts: 1 })
  warnings = []
})
afterEach(async () => {
  sts.destroy()
  await fake.stop()
})

async function rejection(p: Promise<unknown>): Promise<Error> {
  try {
    await p
  } catch (e) {
    return e as Error
  }
  throw new Error('expected a rejection')
}

describe('verifyCallerAccount: one account rule for every command and action that writes', () => {
  it('returns the caller identity when the credentials are for the environment\'s account', async () => {
    expect(await verifyCallerAccount(production, { sts }, log)).toEqual({ account: '333333333333', arn: 'arn:aws:sts::333333333333:assumed-role/deployer/session' })
    expect(fake.calls.GetCallerIdentity).toBe(1)
    expect(warnings).toEqual([])
  })

  it('refuses credentials of another account, naming both accounts, the file and what to do', async () => {
    fake.callerAccount = '111111111111'
    const error = await rejection(verifyCallerAccount(production, { sts }, log))
    expect(error).toBeInstanceOf(AccountMismatchError)
    expect(isConfigurationError(error)).toBe(true)
    expect(error.message).toBe(
      'credentials are for 111111111111, environment production is 333333333333 (the account in catalog/environments/production.yaml), so nothing was changed: ' +
        "assume production's deploy role (arn:aws:iam::333333333333:role/tierdeploy-production-deploy), or pick an AWS profile of account 333333333333 (AWS_PROFILE); " +
        'the credentials in use are arn:aws:sts::111111111111:assumed-role/deployer/session',
    )
    expect(error).toMatchObject({ expected: '333333333333', caller: { account: '111111111111' } })
  })

  it('does not refuse an environment without an account, and warns that it cannot check it and how to set it', async () => {
    expect(await verifyCallerAccount({ ...production, account: undefined }, { sts }, log)).toBeUndefined()
    expect(warnings).toEqual(['environment production sets no account (catalog/environments/production.yaml), so the AWS account of the credentials cannot be checked before writing: set account: "123456789012" there (the environment\'s 12-digit AWS account ID)'])
    expect(fake.calls.GetCallerIdentity).toBeUndefined()
  })

  it('says the session expired, without a stack, when STS answers ExpiredToken', async () => {
    fake.failNext('GetCallerIdentity', 'ExpiredToken', 'The security token included in the request is expired', { status: 403 })
    const error = await rejection(verifyCallerAccount(production, { sts }, log))
    expect(error).toBeInstanceOf(SessionExpiredError)
    expect(error.message).toMatch(/^the AWS session expired during the step \(STS \(GetCallerIdentity, to check the account of environment production\): ExpiredToken: The security token included in the request is expired\): .*role-duration-seconds/)
  })

  it('says the credentials were rejected when STS does not know them', async () => {
    fake.failNext('GetCallerIdentity', 'InvalidClientTokenId', 'The security token included in the request is invalid.', { status: 403 })
    const error = await rejection(verifyCallerAccount(production, { sts }, log))
    expect(isConfigurationError(error)).toBe(true)
    expect(error.message).toMatch(/^AWS rejected the credentials for STS \(GetCallerIdentity, to check the account of environment production\) \(InvalidClientTokenId: .*\): refresh them or check the role$/)
  })

  it('says how to give credentials when there are none', async () => {
    const none = new STSClient({ endpoint: fake.endpoint, region: 'ca-central-1', maxAttempts: 1, credentials: async () => { throw Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' }) } })
    try {
      const error = await rejection(verifyCallerAccount(production, { sts: none }, log))
      expect(error.message).toBe('no AWS credentials for STS (GetCallerIdentity, to check the account of environment production) (Could not load credentials from any providers); in a workflow, run aws-actions/configure-aws-credentials first; locally, set AWS_PROFILE or the AWS_* variables')
    } finally {
      none.destroy()
    }
  })

  it('makes its own client for the region, which AWS_ENDPOINT_URL_STS points at the fake', async () => {
    vi.stubEnv('AWS_ENDPOINT_URL_STS', fake.endpoint)
    try {
      expect(await verifyCallerAccount(production, { region: 'ca-central-1' }, log)).toMatchObject({ account: '333333333333' })
    } finally {
      vi.unstubAllEnvs()
    }
    expect(fake.calls.GetCallerIdentity).toBe(1)
  })
})

import { DescribeStacksCommand, type CloudFormationClient, type Stack, type StackStatus } from '@aws-sdk/client-cloudformation'

/** The name and message of an AWS SDK error, or of anything else thrown. */
export function awsError(e: unknown): { name: string; message: string } {
  if (e instanceof Error) return { name: e.name, message: e.message }
  return { name: 'Error', message: String(e) }
}

/**
 * DescribeStacks for one stack; undefined when it does not exist. CloudFormation has no NotFound error: a missing
 * stack is a ValidationError "Stack with id NAME does not exist".
 */
export async function findStack(cloudformation: CloudFormationClient, name: string): Promise<Stack | undefined> {
  try {
    const out = await cloudformation.send(new DescribeStacksCommand({ StackName: name }))
    return out.Stacks?.[0]
  } catch (e) {
    const { name: code, message } = awsError(e)
    if (code === 'ValidationError' && /does not exist/.test(message)) return undefined
    throw e
  }
}

/** A stack operation is still running: nothing may update the stack until it settles. */
export function isInProgress(status: StackStatus | string | undefined): boolean {
  return status !== undefined && status.endsWith('_IN_PROGRESS')
}

/**
 * Settled states from which UpdateStack is accepted. ROLLBACK_COMPLETE (a failed creation), UPDATE_ROLLBACK_FAILED,
 * *_FAILED and DELETE_* are not: the stack needs a person first.
 */
const UPDATABLE = new Set<string>(['CREATE_COMPLETE', 'UPDATE_COMPLETE', 'UPDATE_ROLLBACK_COMPLETE', 'IMPORT_COMPLETE', 'IMPORT_ROLLBACK_COMPLETE', 'UPDATE_FAILED'])

export function isUpdatable(status: StackStatus | string | undefined): boolean {
  return status !== undefined && UPDATABLE.has(status)
}

/** What a person must do before a stack in this settled state can be updated. */
export function notUpdatableHint(status: string): string {
  if (status === 'UPDATE_ROLLBACK_FAILED') return 'finish the rollback first (aws cloudformation continue-update-rollback), then deploy again'
  if (status === 'ROLLBACK_COMPLETE' || status === 'ROLLBACK_FAILED' || status === 'CREATE_FAILED') return 'its creation failed: delete and recreate the stack'
  if (status.startsWith('DELETE_')) return 'the stack is being or was deleted'
  return 'bring the stack to a *_COMPLETE state first'
}

/** Stack outputs as a plain map (OutputKey -> OutputValue). */
export function stackOutputs(stack: Stack): Record<string, string> {
  const outputs: Record<string, string> = {}
  for (const o of stack.Outputs ?? []) if (o.OutputKey !== undefined) outputs[o.OutputKey] = o.OutputValue ?? ''
  return outputs
}

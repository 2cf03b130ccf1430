import { CancelUpdateStackCommand, UpdateStackCommand, type CloudFormationClient, type Parameter, type Stack } from '@aws-sdk/client-cloudformation'
import { ConfigurationError, type Clock, type Logger } from '@tierdeploy/catalog'
import { sleepUnlessAborted, throwIfAborted } from '../ecs/concurrency.js'
import { failureEventsOfLatestUpdate } from './events.js'
import { awsError, findStack, isInProgress, isUpdatable, notUpdatableHint } from './stacks.js'

/** One `deployVia: cloudformation` service to move to a new image. */
export interface StackServiceRequest {
  service: string
  stack: string
  imageParameter: string
  image: string
}

/**
 * deployed: the stack reached UPDATE_COMPLETE with the new image. unchanged: the stack already ran it.
 * rolled-back: the update failed and the stack is back on the previous image. failed: anything else (the stack
 * may be stuck; `reason` says what to do).
 */
export type StackServiceStatus = 'deployed' | 'unchanged' | 'failed' | 'rolled-back'

export interface StackServiceResult {
  service: string
  status: StackServiceStatus
  /** The image parameter's value before the update, for a later rollBackStackService. */
  previousImage?: string
  image: string
  reason?: string
  /** The *_FAILED stack events of the update, oldest first: `Logical (Type) STATUS: reason`. */
  events?: string[]
}

export interface StackDeployDeps {
  cloudformation: CloudFormationClient
  clock: Clock
  log: Logger
  /** Stops waiting for stacks (throwing the reason) when the rest of the step has failed. */
  signal?: AbortSignal
}

export interface StackDeployOptions {
  /** Bounds each wait: for an operation already running on the stack, for the update, for a cancelled update's rollback. */
  timeoutMs: number
  /** On timeout, cancel the update (CloudFormation then rolls it back) instead of leaving it running. */
  rollbackOnFailure: boolean
  pollIntervalMs?: number
}

/** CloudFormation's own waiters poll stacks every 30 s; ECS service updates inside a stack take minutes. */
export const DEFAULT_STACK_POLL_INTERVAL_MS = 15_000

interface StackOutcome {
  status: StackServiceStatus
  reason?: string
  events?: string[]
  /** imageParameter -> value before the update. */
  previous: Map<string, string | undefined>
}

/**
 * Deploy services owned by CloudFormation stacks by updating each stack's image parameter, never the ECS service
 * itself (that would drift from the stack). Services sharing a stack go in one UpdateStack; stacks update in parallel.
 * Every stack is checked (exists, declares the parameter) before any is updated, so a catalog mistake changes nothing.
 */
export async function deployStackServices(requests: StackServiceRequest[], deps: StackDeployDeps, options: StackDeployOptions): Promise<StackServiceResult[]> {
  const byStack = new Map<string, StackServiceRequest[]>()
  for (const r of requests) byStack.set(r.stack, [...(byStack.get(r.stack) ?? []), r])

  const stacks = await Promise.all([...byStack.keys()].map((name) => findStack(deps.cloudformation, name)))
  checkRequests(byStack, stacks)

  const outcomes = new Map<string, StackOutcome>()
  await Promise.all([...byStack].map(async ([name, reqs], i) => {
    outcomes.set(name, await updateStackImages(name, reqs, stacks[i]!, deps, options))
  }))

  return requests.map((r) => {
    const o = outcomes.get(r.stack)!
    const previousImage = o.previous.get(r.imageParameter)
    return {
      service: r.service,
      status: o.status,
      ...(previousImage === undefined ? {} : { previousImage }),
      image: r.image,
      ...(o.reason ? { reason: o.reason } : {}),
      ...(o.events?.length ? { events: o.events } : {}),
    }
  })
}

/**
 * Put a stack-managed service back on a given image (usually a deploy's `previousImage`) by re-applying it as the
 * image parameter. `rolled-back` when the stack reached UPDATE_COMPLETE, `unchanged` when it already ran that image.
 */
export async function rollBackStackService(request: StackServiceRequest, deps: StackDeployDeps, options: Omit<StackDeployOptions, 'rollbackOnFailure'>): Promise<StackServiceResult> {
  deps.log.info(`${request.service}: rolling back stack ${request.stack} to ${request.imageParameter}=${request.image}`)
  const [result] = await deployStackServices([request], deps, { ...options, rollbackOnFailure: false })
  const r = result!
  if (r.status === 'deployed') return { ...r, status: 'rolled-back' }
  if (r.status === 'rolled-back') return { ...r, status: 'failed', reason: `rolling back to ${request.image} failed and CloudFormation reverted it: ${r.reason ?? ''}`.trimEnd() }
  return r
}

function checkRequests(byStack: Map<string, StackServiceRequest[]>, stacks: (Stack | undefined)[]): void {
  const problems: string[] = []
  ;[...byStack].forEach(([name, reqs], i) => {
    const stack = stacks[i]
    const services = reqs.map((r) => r.service).join(', ')
    if (!stack) {
      problems.push(`stack '${name}' of ${services} (catalog cloudformation.stack) does not exist in this account and region`)
      return
    }
    const declared = (stack.Parameters ?? []).map((p) => p.ParameterKey).filter((k): k is string => !!k)
    for (const r of reqs) {
      if (!declared.includes(r.imageParameter)) {
        problems.push(`stack '${name}' has no parameter '${r.imageParameter}' (service ${r.service}, catalog cloudformation.imageParameter); its parameters are: ${declared.join(', ') || '(none)'}`)
      }
    }
    const images = new Map<string, StackServiceRequest>()
    for (const r of reqs) {
      const other = images.get(r.imageParameter)
      if (other && other.image !== r.image) problems.push(`services ${other.service} and ${r.service} both set parameter '${r.imageParameter}' of stack '${name}' to different images`)
      images.set(r.imageParameter, r)
    }
  })
  if (problems.length) throw new ConfigurationError(`cannot deploy through CloudFormation:\n  ${problems.join('\n  ')}`)
}

function parameterValues(stack: Stack): Map<string, string | undefined> {
  return new Map((stack.Parameters ?? []).filter((p) => p.ParameterKey).map((p) => [p.ParameterKey!, p.ParameterValue]))
}

async function updateStackImages(name: string, reqs: StackServiceRequest[], initial: Stack, deps: StackDeployDeps, options: StackDeployOptions): Promise<StackOutcome> {
  const { cloudformation, clock, log } = deps
  const poll = options.pollIntervalMs ?? DEFAULT_STACK_POLL_INTERVAL_MS
  const seconds = Math.round(options.timeoutMs / 1000)
  const images = new Map(reqs.map((r) => [r.imageParameter, r.image]))
  let stack = initial
  let previous = parameterValues(stack)

  // A running operation (someone else's deploy, a drift fix) would make UpdateStack fail: wait for it, bounded.
  // UpdateStack can still lose that race, so a refusal "is in UPDATE_IN_PROGRESS state" sends us back to waiting.
  const waitDeadline = clock.now() + options.timeoutMs
  let token: string
  for (;;) {
    if (isInProgress(stack.StackStatus)) {
      log.info(`stack ${name} is ${stack.StackStatus}: waiting for it to finish before updating it`)
      const settled = await waitWhileInProgress(name, stack, waitDeadline, deps, poll)
      if (isInProgress(settled.StackStatus)) {
        return { status: 'failed', previous, reason: `stack ${name} is still ${settled.StackStatus} after ${seconds}s: another operation is running on it, so tierdeploy did not update it; deploy again when it has finished` }
      }
      stack = settled
      previous = parameterValues(stack)
    }
    if (!isUpdatable(stack.StackStatus)) {
      return { status: 'failed', previous, reason: `stack ${name} is ${stack.StackStatus} and cannot be updated: ${notUpdatableHint(stack.StackStatus ?? '')}` }
    }
    if ([...images].every(([param, image]) => previous.get(param) === image)) {
      log.info(`stack ${name} already runs ${[...images.values()].join(', ')}`)
      return { status: 'unchanged', previous }
    }

    // Only the image parameters change: every other parameter keeps its value, the template and capabilities stay,
    // and omitting RoleARN, Tags and NotificationARNs keeps the stack's own.
    const parameters: Parameter[] = (stack.Parameters ?? []).map((p) =>
      images.has(p.ParameterKey!) ? { ParameterKey: p.ParameterKey, ParameterValue: images.get(p.ParameterKey!) } : { ParameterKey: p.ParameterKey, UsePreviousValue: true })
    // The token tags every event of this update, so the failure report holds this update's events only.
    token = `tierdeploy-${Math.floor(clock.now())}`
    try {
      await cloudformation.send(new UpdateStackCommand({
        StackName: name,
        UsePreviousTemplate: true,
        Parameters: parameters,
        ...(stack.Capabilities?.length ? { Capabilities: stack.Capabilities } : {}),
        ClientRequestToken: token,
      }))
      break
    } catch (e) {
      const { name: code, message } = awsError(e)
      if (code === 'ValidationError' && /No updates are to be performed/i.test(message)) {
        log.info(`stack ${name}: no updates are to be performed`)
        return { status: 'unchanged', previous }
      }
      if (code === 'ValidationError' && /_IN_PROGRESS state/.test(message) && clock.now() < waitDeadline) {
        stack = (await findStack(cloudformation, name)) ?? stack
        previous = parameterValues(stack)
        continue
      }
      return { status: 'failed', previous, reason: `UpdateStack on ${name} was refused: ${code}: ${message}${code === 'AccessDenied' || code === 'AccessDeniedException' ? ' (the deploy role needs cloudformation:UpdateStack, and iam:PassRole on the stack\'s role if it has one)' : ''}` }
    }
  }

  log.info(`stack ${name}: updating ${[...images].map(([p, i]) => `${p}=${i}`).join(', ')}`)
  let settled = await waitWhileInProgress(name, stack, clock.now() + options.timeoutMs, deps, poll, true)
  if (isInProgress(settled.StackStatus) && settled.StackStatus !== 'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS') {
    if (settled.StackStatus?.startsWith('UPDATE_ROLLBACK')) {
      const events = await failureEventsOfLatestUpdate(cloudformation, name, token)
      return { status: 'failed', previous, events, reason: `stack ${name} failed to update and CloudFormation was still rolling it back (${settled.StackStatus}) after ${seconds}s: ${events[0] ?? settled.StackStatusReason ?? 'no failure event found'}` }
    }
    if (!options.rollbackOnFailure || settled.StackStatus !== 'UPDATE_IN_PROGRESS') {
      return { status: 'failed', previous, reason: `stack ${name} is still ${settled.StackStatus} after ${seconds}s; tierdeploy left it running` }
    }
    log.warning(`stack ${name} is still UPDATE_IN_PROGRESS after ${seconds}s: cancelling the update so CloudFormation rolls it back`)
    try {
      await cloudformation.send(new CancelUpdateStackCommand({ StackName: name }))
    } catch (e) {
      const { name: code, message } = awsError(e)
      return { status: 'failed', previous, reason: `stack ${name} timed out after ${seconds}s and CancelUpdateStack failed: ${code}: ${message}` }
    }
    settled = await waitWhileInProgress(name, settled, clock.now() + options.timeoutMs, deps, poll)
    const events = await failureEventsOfLatestUpdate(cloudformation, name, token)
    if (settled.StackStatus === 'UPDATE_ROLLBACK_COMPLETE') {
      return { status: 'rolled-back', previous, events, reason: `stack ${name} did not finish updating within ${seconds}s; the update was cancelled and rolled back` }
    }
    return { status: 'failed', previous, events, reason: `stack ${name} did not finish updating within ${seconds}s and was cancelled; it is now ${settled.StackStatus}` }
  }

  const status = settled.StackStatus ?? ''
  if (status === 'UPDATE_COMPLETE' || status === 'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS') return { status: 'deployed', previous }

  const events = await failureEventsOfLatestUpdate(cloudformation, name, token)
  const cause = events.find((e) => !e.startsWith(`${name} (AWS::CloudFormation::Stack)`)) ?? events[0] ?? settled.StackStatusReason ?? 'no failure event found'
  if (status === 'UPDATE_ROLLBACK_COMPLETE') {
    return { status: 'rolled-back', previous, events, reason: `stack ${name} failed to update and CloudFormation rolled it back: ${cause}` }
  }
  const hint = status === 'UPDATE_ROLLBACK_FAILED' ? `; ${notUpdatableHint(status)}` : ''
  return { status: 'failed', previous, events, reason: `stack ${name} update ended ${status}: ${cause}${hint}` }
}

/**
 * Poll DescribeStacks until the stack is no longer *_IN_PROGRESS or the deadline passes; returns the last stack seen.
 * With `updateIsDone`, UPDATE_COMPLETE_CLEANUP_IN_PROGRESS also ends the wait: the new resources are in place and
 * CloudFormation is only deleting replaced ones.
 */
async function waitWhileInProgress(name: string, stack: Stack, deadline: number, deps: StackDeployDeps, pollMs: number, updateIsDone = false): Promise<Stack> {
  const { cloudformation, clock, log } = deps
  let current = stack
  let lastStatus = current.StackStatus
  for (;;) {
    throwIfAborted(deps.signal)
    const latest = await findStack(cloudformation, name)
    if (!latest) throw new Error(`stack ${name} disappeared while tierdeploy was waiting for it`)
    current = latest
    if (current.StackStatus !== lastStatus) {
      log.info(`stack ${name}: ${current.StackStatus}${current.StackStatusReason ? ` (${current.StackStatusReason})` : ''}`)
      lastStatus = current.StackStatus
    }
    if (!isInProgress(current.StackStatus)) return current
    if (updateIsDone && current.StackStatus === 'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS') return current
    const left = deadline - clock.now()
    if (left <= 0) return current
    await sleepUnlessAborted(clock, Math.min(pollMs, left), deps.signal)
  }
}

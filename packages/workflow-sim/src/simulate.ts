import type { Job, ReusableWorkflowJob, WorkflowJob } from '@actions/workflow-parser/model/workflow-template'
import type { TemplateToken } from '@actions/workflow-parser/templates/tokens/template-token'
import { isMapping } from '@actions/workflow-parser'
import { coerceString, ExpressionFailure, guardContext, truthy, UnreadableValue, type StatusFunctions } from './expressions.js'
import { MAX_WORKFLOW_LEVELS, permissionsOf, validateCallTree, type Permissions } from './sim-call-tree.js'
import { expandMatrix, MATRIX_LIMIT, mergeLegOutputs } from './sim-matrix.js'
import { GitHubQueue, type QueueMode, type QueueTicket } from './sim-queue.js'
import { rawJob, rawOn, rawTop, stepWith, stringMapping, tokenValue, type LoadedWorkflow } from './workflow.js'

export { MAX_CALLED_WORKFLOWS, MAX_WORKFLOW_LEVELS, permissionsExceeding, permissionsOf, validateCallTree, type Permissions } from './sim-call-tree.js'
export { expandMatrix, MATRIX_LIMIT, mergeLegOutputs, type MergedOutputs } from './sim-matrix.js'

export type JobResult = 'success' | 'failure' | 'skipped' | 'cancelled'
/** A step's outcome or conclusion, as the steps context reports them. */
export type StepConclusion = 'success' | 'failure' | 'skipped' | 'cancelled'

/** What a step handler is told about the step being run. */
export interface StepCall {
  /** Name of the workflow file being simulated (nested reusable workflows have their own). */
  workflow: string
  job: string
  /** The job's path in the run: caller-job/called-job for a called workflow's job (staging/tier-2), else its id. */
  path?: string
  /** The GitHub environment the job runs in (its evaluated `environment:` or `environment.name`), if any. */
  environment?: string
  /** The step's id, '' when it has none. */
  step: string
  index: number
  name: string
  /** `uses:` as written, e.g. tierdeploy/tierdeploy/actions/resolve-graph@v1. */
  uses?: string
  /** The action's name: the last path segment of `uses:` before the ref (resolve-graph). */
  action?: string
  run?: string
  /** The step's `with:`, evaluated and coerced to strings as an action receives them. */
  with: Record<string, string>
  /** Workflow, job and step env, evaluated. */
  env: Record<string, string>
  matrix?: Record<string, unknown>
  inputs: Record<string, unknown>
  /** The github context; github.run_attempt is the attempt (2 and up in a re-run). */
  github: Record<string, unknown>
}

/** A step's fake result: its outputs, or a failure message (the step, and so the job, fails). */
export interface StepOutcome {
  outputs?: Record<string, string>
  failure?: string
}

export type StepHandler = (call: StepCall) => StepOutcome | void | Promise<StepOutcome | void>

/** A deployment review GitHub asks for: a job of run `run` waits for a reviewer of `environment`. */
export interface ReviewRequest {
  run: string
  /** The job's path (caller-job/called-job in a called workflow). */
  job: string
  environment: string
}

export type ReviewDecision = 'approved' | 'rejected' | 'timed-out'

export interface ReviewRecord extends ReviewRequest {
  /** Undefined while the reviewer has not decided. */
  decision?: ReviewDecision
}

/** A GitHub environment's protection rules, as far as the simulator models them. */
export interface EnvironmentRules {
  /** Jobs that reference the environment wait for a reviewer (the `review` handler) before they start. */
  reviewers?: boolean
}

export interface SimulationOptions {
  /** Inputs of workflow_call or workflow_dispatch; defaults are applied and unknown names rejected, as GitHub does. */
  inputs?: Record<string, string | boolean | number>
  github?: Record<string, unknown>
  vars?: Record<string, string>
  /** Fakes every step; a step the handler leaves alone succeeds with no outputs. */
  steps?: StepHandler
  /** Loads the workflow a reusable-workflow job calls (`uses:` of the job). */
  workflows?: (ref: string) => LoadedWorkflow | Promise<LoadedWorkflow>
  /** Simulates a cancelled run: cancelled() is true, and jobs without always() are cancelled. */
  cancelled?: boolean
  /** Set by the simulator itself when it runs a called workflow: what the calling workflows hold. */
  caller?: CallerContext
  /** The run's id in queue events and review requests; defaults to github.run_id. */
  runId?: string
  /**
   * Concurrency groups shared with other simulated runs (GitHub's rules across runs of a repository). Without one,
   * the run has a queue of its own: the legs of one matrix job still meet in a group.
   */
  queue?: GitHubQueue
  /** The repository's environments by name; an environment not named here has no protection rules. */
  environments?: Record<string, EnvironmentRules>
  /** Decides the reviews of environments with `reviewers: true`; one request per job and environment. */
  review?: (request: ReviewRequest) => ReviewDecision | Promise<ReviewDecision>
}

/** What the workflows above a called workflow hold: their concurrency groups, and the token they grant. */
export interface CallerContext {
  /** 1 for the top-level workflow, 2 for a workflow it calls, and so on. */
  level: number
  /** Concurrency groups held by the calling workflows and calling jobs, as evaluated. */
  groups: string[]
  /** GITHUB_TOKEN permissions the calling job grants; undefined when they are the repository default (unknown). */
  grant?: Permissions
}

export interface StepRecord {
  id: string
  name: string
  uses?: string
  /** steps.<id>.conclusion: the outcome after continue-on-error (a failure it allows is a success). */
  conclusion: StepConclusion
  /** steps.<id>.outcome: the result before continue-on-error. */
  outcome: StepConclusion
  with?: Record<string, string>
  outputs?: Record<string, string>
  failure?: string
}

export interface LegRecord {
  matrix?: Record<string, unknown>
  /** The leg's own result; a failure that job-level continue-on-error allows stays 'failure' here. */
  result: JobResult
  /** The leg failed, and the job's continue-on-error allowed it. */
  continueOnError?: boolean
  /** Why the leg failed or was cancelled outside its steps. */
  reason?: string
  /** The environment the leg ran in. */
  environment?: string
  /** The job outputs this leg set. */
  outputs?: Record<string, string>
  /** The run attempt that produced this leg (an earlier one when a re-run kept it). */
  attempt: number
  steps: StepRecord[]
  /** For a reusable-workflow job, the called workflow's run for this leg. */
  called?: SimulationResult
}

export interface JobRecord {
  id: string
  needs: string[]
  /** needs.<id>.result: what later jobs see. */
  result: JobResult
  /**
   * 'failure' when the job failed but continue-on-error let the run pass: `result` is then 'success', as GitHub
   * reports it to needs.<id>.result (not documented; actions/runner#1161), while the job shows as failed.
   */
  outcome?: JobResult
  /** Why the job failed before or outside its steps (an empty matrix, a bad expression). */
  reason?: string
  /** The matrix entries the job ran with; undefined for a job without strategy.matrix. */
  matrix?: Array<Record<string, unknown>>
  legs: LegRecord[]
  outputs: Record<string, string>
  /** Outputs that matrix legs set to different values: any expression reading one fails (see mergeLegOutputs). */
  ambiguousOutputs?: string[]
  /** The run attempt that decided this job (an earlier one when a re-run kept it). */
  attempt: number
  /** A reusable-workflow job's own simulation (its last leg's, with a matrix). */
  called?: SimulationResult
}

export interface SimulationResult {
  workflow: string
  /** Jobs in the order they were decided (a topological order of needs). */
  jobs: Record<string, JobRecord>
  order: string[]
  conclusion: 'success' | 'failure' | 'cancelled'
  /** workflow_call outputs. */
  outputs: Record<string, string>
  inputs: Record<string, unknown>
  /** The github context the run saw. */
  github: Record<string, unknown>
  runId: string
  /** github.run_attempt: 1, then 2 and up for re-runs. */
  attempt: number
  /** Every deployment review this attempt asked for, called workflows' included, in the order asked. */
  reviews: ReviewRecord[]
  /** Why the whole run was cancelled (a concurrency deadlock, a newer run in its group), or failed outside jobs. */
  reason?: string
}

/** Which jobs an attempt runs again ("Re-run failed jobs"), and which it keeps from `previous`. */
export interface RerunPlan {
  previous: SimulationResult
  /** Jobs that run again: the failed and cancelled ones, and every job that needs one of them, transitively. */
  again: Set<string>
  /** Of those, the jobs that failed themselves (and need no re-run job): only their failed legs run again. */
  own: Set<string>
}

/** Each called workflow of a run by ref, as the run loaded it: a re-run of failed jobs reuses them. */
const loadedByRun = new WeakMap<SimulationResult, Map<string, LoadedWorkflow>>()

/** The reusable workflows a run loaded, by ref (GitHub: the commit each ref resolved to in the first attempt). */
export function calledWorkflowsOf(result: SimulationResult): Map<string, LoadedWorkflow> | undefined {
  return loadedByRun.get(result)
}

/** A job's failed, or whose failure continue-on-error allowed: "Re-run failed jobs" runs it again. */
function failedOrCancelled(job: JobRecord): boolean {
  return job.result === 'failure' || job.result === 'cancelled' || job.outcome === 'failure'
}

/**
 * "Re-run failed jobs" (docs: Re-running workflows and jobs): the failed and cancelled jobs run again, with every job
 * that depends on them; the other jobs keep their results and outputs, which the re-run jobs read. A job whose
 * failure continue-on-error allowed shows as failed on GitHub and runs again too (undocumented).
 */
export function planRerun(previous: SimulationResult): RerunPlan {
  const seeds = previous.order.filter((id) => failedOrCancelled(previous.jobs[id]!))
  const dependents = new Set<string>()
  let grew = true
  while (grew) {
    grew = false
    for (const id of previous.order) {
      if (dependents.has(id)) continue
      if (previous.jobs[id]!.needs.some((n) => dependents.has(n) || seeds.includes(n))) {
        dependents.add(id)
        grew = true
      }
    }
  }
  return { previous, again: new Set([...seeds, ...dependents]), own: new Set(seeds.filter((id) => !dependents.has(id))) }
}

/** The ids of the jobs that ran (succeeded or failed), in order. */
export function jobsThatRan(result: SimulationResult): string[] {
  return result.order.filter((id) => result.jobs[id]!.result === 'success' || result.jobs[id]!.result === 'failure')
}

/** Every job of a run, reusable workflows' jobs included, as caller-job/called-job paths (staging/tier-2). */
export function allJobs(result: SimulationResult, prefix = ''): Array<{ path: string; job: JobRecord }> {
  return result.order.flatMap((id) => {
    const job = result.jobs[id]!
    const path = `${prefix}${id}`
    return [{ path, job }, ...(job.called ? allJobs(job.called, `${path}/`) : [])]
  })
}

function topologicalOrder(jobs: WorkflowJob[]): WorkflowJob[] {
  const byId = new Map(jobs.map((j) => [j.id.value, j]))
  const done = new Set<string>()
  const order: WorkflowJob[] = []
  const visit = (job: WorkflowJob, path: string[]) => {
    const id = job.id.value
    if (done.has(id)) return
    if (path.includes(id)) throw new Error(`jobs form a cycle: ${[...path, id].join(' -> ')}`)
    for (const n of job.needs ?? []) {
      const need = byId.get(n.value)
      if (!need) throw new Error(`job '${id}' needs '${n.value}', which does not exist`)
      visit(need, [...path, id])
    }
    done.add(id)
    order.push(job)
  }
  for (const job of jobs) visit(job, [])
  return order
}

function resolveInputs(workflow: LoadedWorkflow, given: Record<string, string | boolean | number>): Record<string, unknown> {
  const declared = { ...(workflow.template.events.workflow_dispatch?.inputs ?? {}), ...(workflow.template.events.workflow_call?.inputs ?? {}) }
  const inputs: Record<string, unknown> = {}
  for (const name of Object.keys(given)) {
    if (!(name in declared)) throw new Error(`${workflow.name}: input '${name}' is not declared (declared: ${Object.keys(declared).join(', ')})`)
  }
  // The parser's model drops `type: number` of workflow_call inputs: read the type from the document as well.
  const rawTypes = { ...rawInputTypes(workflow, 'workflow_dispatch'), ...rawInputTypes(workflow, 'workflow_call') }
  for (const [name, config] of Object.entries(declared)) {
    const value = given[name] ?? (config.default as unknown)
    if (value === undefined && config.required) throw new Error(`${workflow.name}: input '${name}' is required`)
    const type = (config.type as string | undefined) ?? rawTypes[name]
    if (type === 'number' && value !== undefined && value !== '' && Number.isNaN(Number(value))) throw new Error(`${workflow.name}: input '${name}' is a number, got '${String(value)}'`)
    if (type === 'boolean') inputs[name] = value === true || value === 'true'
    else if (type === 'number') inputs[name] = value === undefined || value === '' ? null : Number(value)
    else inputs[name] = value === undefined ? '' : String(value)
  }
  return inputs
}

function rawInputTypes(workflow: LoadedWorkflow, event: string): Record<string, string> {
  const declared = rawOn(workflow, event, 'inputs')
  const types: Record<string, string> = {}
  if (!declared || !isMapping(declared)) return types
  for (const { key, value } of declared) {
    const type = isMapping(value) ? value.find('type') : undefined
    if (type) types[String(tokenValue(key, {}))] = String(tokenValue(type, {}))
  }
  return types
}

function actionName(uses: string): string {
  const path = uses.split('@')[0]!.replace(/\/$/, '')
  return path.slice(path.lastIndexOf('/') + 1)
}

/** A boolean setting that may be an expression (continue-on-error, cancel-in-progress); absent is false. */
function booleanSetting(name: string, value: unknown): boolean {
  if (value === undefined || value === null) return false
  if (typeof value === 'boolean') return value
  if (value === 'true' || value === 'false') return value === 'true'
  throw new Error(`${name} must be true or false, got ${JSON.stringify(value)}`)
}

interface Concurrency {
  group: string
  cancelInProgress: boolean
  mode: QueueMode
}

/** A concurrency value (a string, or { group, cancel-in-progress, queue }) evaluated; undefined when absent. */
function concurrencyOf(token: TemplateToken | undefined, context: Record<string, unknown>): Concurrency | undefined {
  const value = tokenValue(token, context)
  if (value === undefined || value === null || value === '') return undefined
  if (typeof value !== 'object' || Array.isArray(value)) return { group: coerceString(value), cancelInProgress: false, mode: 'single' }
  const setting = value as Record<string, unknown>
  const group = coerceString(setting.group)
  if (group === '') return undefined
  const mode = setting.queue === undefined ? 'single' : setting.queue
  if (mode !== 'single' && mode !== 'max') throw new Error(`concurrency.queue must be single or max, got ${JSON.stringify(mode)}`)
  const cancelInProgress = booleanSetting('cancel-in-progress', setting['cancel-in-progress'])
  if (mode === 'max' && cancelInProgress) throw new Error(`concurrency group '${group}': queue: max with cancel-in-progress: true is a workflow validation error on GitHub`)
  return { group, cancelInProgress, mode }
}

/** The environment a job names: `environment: name` or `environment: { name, url }`; undefined when none. */
function environmentName(token: TemplateToken | undefined, context: Record<string, unknown>): string | undefined {
  const value = tokenValue(token, context)
  const name = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>).name : value
  const text = coerceString(name)
  return text === '' ? undefined : text
}

const DEFAULT_GITHUB = {
  event_name: 'push',
  ref: 'refs/heads/main',
  ref_name: 'main',
  sha: '0123456789abcdef0123456789abcdef01234567',
  repository: 'acme/platform',
  run_id: '1',
  run_attempt: '1',
  server_url: 'https://github.com',
  event: {},
}

/** Cancellation of a run, a called workflow or a job leg; cancelling one cancels everything inside it. */
class CancelScope {
  private own: string | undefined
  constructor(private readonly parent?: CancelScope, cancelled = false) {
    if (cancelled) this.own = ''
  }

  cancel(reason: string): void {
    this.own ??= reason
  }

  get cancelled(): boolean {
    return this.own !== undefined || (this.parent?.cancelled ?? false)
  }

  get reason(): string | undefined {
    return this.own || this.parent?.reason
  }
}

/** What a run shares with the workflows it calls. */
interface RunState {
  id: string
  attempt: number
  queue: GitHubQueue
  reviews: ReviewRecord[]
  /** One decision per job and environment: the legs of a matrix job wait for the same review. */
  decisions: Map<string, Promise<ReviewDecision>>
  loaded: Map<string, LoadedWorkflow>
}

/** How a run is started: by simulateWorkflow (all empty), a re-run, or a calling job. */
interface RunArgs {
  /** The calling run's state, for a called workflow. */
  run?: RunState
  /** The calling leg's cancellation. */
  scope?: CancelScope
  /** caller-job/ for a called workflow's jobs. */
  prefix?: string
  rerun?: RerunPlan
  /** A re-run's called workflows: the first attempt's. */
  loaded?: Map<string, LoadedWorkflow>
}

/** A run that has joined its workflow-level concurrency group, not yet started. */
interface PreparedRun {
  workflow: LoadedWorkflow
  options: SimulationOptions
  args: RunArgs
  run: RunState
  inputs: Record<string, unknown>
  github: Record<string, unknown>
  base: Record<string, unknown>
  caller: CallerContext
  scope: CancelScope
  heldGroups: string[]
  ticket?: QueueTicket
  deadlock?: string
  /** executeRun has taken it over (and releases its group). */
  started?: boolean
}

/**
 * Runs a workflow's job graph without running anything: decides each job's `if:` with GitHub's rules (a job whose
 * needs failed or were skipped is skipped unless its condition opts out with a status function), expands
 * strategy.matrix, runs each step through the handler, and evaluates job and workflow outputs.
 *
 * The run joins its workflow-level concurrency group at the moment of the call, before it awaits anything: runs
 * sharing a `queue` arrive in the order they are called.
 */
export async function simulateWorkflow(workflow: LoadedWorkflow, options: SimulationOptions = {}): Promise<SimulationResult> {
  return executeRun(prepareRun(workflow, options, {}))
}

/** One attempt of a run: simulateWorkflow with a re-run's plan and the first attempt's called workflows. */
export async function simulateAttempt(workflow: LoadedWorkflow, options: SimulationOptions, rerun: { plan?: RerunPlan; loaded?: Map<string, LoadedWorkflow> }): Promise<SimulationResult> {
  return executeRun(prepareRun(workflow, options, { ...(rerun.plan ? { rerun: rerun.plan } : {}), ...(rerun.loaded ? { loaded: rerun.loaded } : {}) }))
}

function prepareRun(workflow: LoadedWorkflow, options: SimulationOptions, args: RunArgs): PreparedRun {
  if (workflow.errors.length) throw new Error(`${workflow.name} has errors: ${workflow.errors.join('; ')}`)
  const inputs = resolveInputs(workflow, options.inputs ?? {})
  const given = { ...DEFAULT_GITHUB, ...(options.runId !== undefined ? { run_id: options.runId } : {}), ...options.github }
  const attempt = args.run?.attempt ?? Number(given.run_attempt)
  if (!Number.isInteger(attempt) || attempt < 1) throw new Error(`github.run_attempt must be a whole number from 1, got ${JSON.stringify(given.run_attempt)}`)
  // A called workflow's github context is its caller's (Reusing workflows: "github context").
  const github = { ...given, run_attempt: String(attempt) }
  const run: RunState = args.run ?? {
    id: options.runId ?? String(github.run_id),
    attempt,
    queue: options.queue ?? new GitHubQueue(),
    reviews: [],
    decisions: new Map(),
    loaded: args.loaded ?? new Map(),
  }
  const base = { github, inputs, vars: options.vars ?? {}, secrets: {} }
  const caller: CallerContext = options.caller ?? { level: 1, groups: [], grant: permissionsOf(tokenValue(rawTop(workflow, 'permissions'), {})) }
  const scope = new CancelScope(args.scope, !args.run && (options.cancelled ?? false))
  const own = concurrencyOf(rawTop(workflow, 'concurrency'), base)
  const prepared: PreparedRun = { workflow, options, args, run, inputs, github, base, caller, scope, heldGroups: [...caller.groups, ...(own ? [own.group] : [])] }
  // A workflow-level group that a calling workflow or calling job already holds can never be acquired: GitHub
  // cancels the run ("a deadlock was detected for concurrency group ... between a top level workflow and ...").
  const held = own ? caller.groups.find((g) => g.toLowerCase() === own.group.toLowerCase()) : undefined
  if (held !== undefined) prepared.deadlock = `a deadlock was detected for concurrency group '${held}' between a top level workflow and '${workflow.name}'`
  else if (own) {
    // The whole run holds the group, from its first job to its end (Workflow syntax: concurrency).
    const holder = { run: run.id, ...(args.prefix ? { job: args.prefix.slice(0, -1) } : {}) }
    prepared.ticket = run.queue.enter(own.group, holder, { cancelInProgress: own.cancelInProgress, mode: own.mode, onCancel: (reason) => scope.cancel(reason) })
  }
  return prepared
}

async function executeRun(p: PreparedRun): Promise<SimulationResult> {
  const { workflow, options, run, args } = p
  p.started = true
  const jobs: Record<string, JobRecord> = {}
  const order: string[] = []
  const finish = (conclusion: SimulationResult['conclusion'], outputs: Record<string, string>, reason?: string): SimulationResult => {
    const prefix = args.prefix ?? ''
    const reviews = args.run ? run.reviews.filter((r) => r.job.startsWith(prefix)) : run.reviews
    const result: SimulationResult = { workflow: workflow.name, jobs, order, conclusion, outputs, inputs: p.inputs, github: p.github, runId: run.id, attempt: run.attempt, reviews, ...(reason !== undefined ? { reason } : {}) }
    loadedByRun.set(result, run.loaded)
    return result
  }
  // A run that never starts (a deadlock, or a newer run replaced it while pending) has every job cancelled.
  const cancelAll = (reason: string) => {
    for (const job of topologicalOrder(workflow.template.jobs)) {
      const id = job.id.value
      jobs[id] = { id, needs: (job.needs ?? []).map((n) => n.value), result: 'cancelled', reason, legs: [], outputs: {}, attempt: run.attempt }
      order.push(id)
    }
    return finish('cancelled', {}, reason)
  }
  if (p.deadlock !== undefined) return cancelAll(p.deadlock)
  try {
    if (!args.run && !options.caller && options.workflows) await validateCallTree(workflow, (ref) => loadCalled(p, ref))
    const admission = p.ticket ? await p.ticket.admitted : undefined
    if (admission?.state === 'cancelled') return cancelAll(admission.reason)
    await runJobs(p, jobs, order)
  } finally {
    p.ticket?.release()
  }

  const results = order.map((id) => jobs[id]!.result)
  let outputs: Record<string, string> = {}
  let outputsFailure: string | undefined
  try {
    outputs = workflowOutputs(p, jobs, order)
  } catch (e) {
    // The calling job reads these: GitHub cannot give it an output it cannot evaluate.
    outputsFailure = `outputs: ${(e as Error).message}`
  }
  const conclusion = results.includes('failure') || outputsFailure ? 'failure' : p.scope.cancelled || results.includes('cancelled') ? 'cancelled' : 'success'
  return finish(conclusion, outputs, outputsFailure ?? p.scope.reason)
}

function workflowOutputs(p: PreparedRun, jobs: Record<string, JobRecord>, order: string[]): Record<string, string> {
  const outputs: Record<string, string> = {}
  const declared = rawOn(p.workflow, 'workflow_call', 'outputs')
  if (!declared || !isMapping(declared)) return outputs
  const jobsContext = resultsContext('jobs', order, jobs)
  for (const { key, value } of declared) {
    const valueToken = isMapping(value) ? value.find('value') : undefined
    outputs[String(tokenValue(key, {}))] = coerceString(tokenValue(valueToken, { ...p.base, jobs: jobsContext }))
  }
  return outputs
}

/** The needs (or jobs) context: each job's result and outputs; reading an output that matrix legs disagree on fails. */
function resultsContext(name: 'needs' | 'jobs', ids: string[], jobs: Record<string, JobRecord>): Record<string, unknown> {
  const value = Object.fromEntries(ids.map((n) => [n, { result: jobs[n]!.result, outputs: jobs[n]!.outputs }]))
  const guards = ids.flatMap((n) =>
    (jobs[n]!.ambiguousOutputs ?? []).map((output) => {
      const values = [...new Set(jobs[n]!.legs.map((l) => l.outputs?.[output] ?? '').filter((v) => v !== ''))]
      const message = `${name}.${n}.outputs.${output} is ambiguous: the matrix legs of job '${n}' set it to different values (${values.map((v) => JSON.stringify(v)).join(', ')}), and GitHub keeps whichever leg finished last, in no guaranteed order`
      return { path: [n, 'outputs', output], message }
    }),
  )
  return guardContext(value, guards)
}

async function loadCalled(p: PreparedRun, ref: string): Promise<LoadedWorkflow> {
  const known = p.run.loaded.get(ref)
  if (known) return known
  if (!p.options.workflows) throw new Error(`${p.workflow.name} calls ${ref}: give a 'workflows' loader to simulate it`)
  const loaded = await p.options.workflows(ref)
  p.run.loaded.set(ref, loaded)
  return loaded
}

async function runJobs(p: PreparedRun, jobs: Record<string, JobRecord>, order: string[]): Promise<void> {
  const { workflow, run, args } = p
  const byId = new Map(workflow.template.jobs.map((j) => [j.id.value, j]))
  const ancestors = (id: string, seen = new Set<string>()): Set<string> => {
    for (const n of byId.get(id)?.needs ?? []) if (!seen.has(n.value)) { seen.add(n.value); ancestors(n.value, seen) }
    return seen
  }
  const workflowEnv = stringMapping(workflow.template.env, p.base)
  for (const job of topologicalOrder(workflow.template.jobs)) {
    const id = job.id.value
    const kept = args.rerun && !args.rerun.again.has(id) ? args.rerun.previous.jobs[id] : undefined
    if (kept) {
      // Re-run failed jobs: a job that did not fail keeps its result and outputs, without running.
      jobs[id] = kept
      order.push(id)
      continue
    }
    const needIds = (job.needs ?? []).map((n) => n.value)
    const needs = resultsContext('needs', needIds, jobs)
    const upstream = [...ancestors(id)]
    // success() looks at every ancestor, not only the direct needs: "a failure or skip applies to all jobs in the
    // dependency chain from the point of failure or skip onwards" (Workflow syntax: jobs.<job_id>.needs), so a job
    // whose direct needs succeeded is still skipped below a skipped ancestor (actions/runner#2205).
    const jobStatus: StatusFunctions = {
      success: () => !p.scope.cancelled && upstream.every((n) => jobs[n]!.result === 'success'),
      failure: () => upstream.some((n) => jobs[n]!.result === 'failure'),
      cancelled: () => p.scope.cancelled,
      always: () => true,
    }
    const record: JobRecord = { id, needs: needIds, result: 'skipped', legs: [], outputs: {}, attempt: run.attempt }
    jobs[id] = record
    order.push(id)
    const context = { ...p.base, needs, env: workflowEnv }
    let runs: boolean
    try {
      runs = truthy(tokenValue(job.if, context, jobStatus))
    } catch (e) {
      record.result = 'failure'
      record.reason = `if: ${(e as Error).message}`
      continue
    }
    if (!runs) {
      record.result = p.scope.cancelled ? 'cancelled' : 'skipped'
      continue
    }
    let entries: Array<Record<string, unknown>> | undefined
    let strategy: Record<string, unknown> | undefined
    try {
      strategy = tokenValue(job.strategy, context) as Record<string, unknown> | undefined
      if (strategy && 'matrix' in strategy) {
        entries = expandMatrix(strategy.matrix)
        if (entries.length === 0) throw new Error('strategy.matrix has no entries: GitHub fails the job')
        if (entries.length > MATRIX_LIMIT) throw new Error(`strategy.matrix has ${entries.length} entries: GitHub accepts at most ${MATRIX_LIMIT}`)
      }
    } catch (e) {
      record.result = 'failure'
      record.reason = (e as Error).message
      continue
    }
    record.matrix = entries
    const previous = args.rerun?.own.has(id) ? args.rerun.previous.jobs[id] : undefined
    record.legs = await runLegs(p, job, `${args.prefix ?? ''}${id}`, context, entries, strategy, previous)
    settleJob(record)
  }
}

/** A job's result, outputs and reason from its legs. */
function settleJob(record: JobRecord): void {
  const failed = record.legs.filter((l) => l.result === 'failure')
  // continue-on-error: a job whose failures it allows does not fail the run (Workflow syntax: jobs.<job_id>.continue-on-error).
  record.result = failed.some((l) => !l.continueOnError) ? 'failure' : record.legs.some((l) => l.result === 'cancelled') ? 'cancelled' : 'success'
  if (failed.length && record.result !== 'failure') record.outcome = 'failure'
  const reason = record.legs.find((l) => l.reason !== undefined)?.reason
  if (reason !== undefined) record.reason = reason
  const merged = mergeLegOutputs(record.legs.map((l) => l.outputs))
  record.outputs = merged.outputs
  const ambiguous = Object.keys(merged.conflicts)
  if (ambiguous.length) record.ambiguousOutputs = ambiguous
  const called = record.legs.at(-1)?.called
  if (called) record.called = called
}

/** One leg of a job, as planned before any leg runs. */
interface LegPlan {
  matrix?: Record<string, unknown>
  context: Record<string, unknown>
  scope: CancelScope
  /** Decided without running: kept from the previous attempt, or failed or cancelled by its concurrency. */
  decided?: LegRecord
  /** The job-level concurrency group the leg holds. */
  group?: string
  ticket?: QueueTicket
  /** The leg's previous attempt, when only failed legs run again. */
  previous?: LegRecord
  /** A reusable-workflow leg's called run, prepared when the leg joined the queue. */
  called?: PreparedRun | LegRecord
}

const matrixKey = (matrix: Record<string, unknown> | undefined) => JSON.stringify(matrix ?? null)

async function runLegs(
  p: PreparedRun,
  job: WorkflowJob,
  path: string,
  context: Record<string, unknown>,
  entries: Array<Record<string, unknown>> | undefined,
  strategy: Record<string, unknown> | undefined,
  previous: JobRecord | undefined,
): Promise<LegRecord[]> {
  const { workflow, run } = p
  const id = job.id.value
  const total = entries?.length ?? 1
  const plans: LegPlan[] = (entries ?? [undefined]).map((matrix, index) => {
    const legContext = {
      ...context,
      matrix: matrix ?? {},
      strategy: { 'fail-fast': strategy?.['fail-fast'] ?? true, 'job-index': index, 'job-total': total, 'max-parallel': strategy?.['max-parallel'] ?? total },
    }
    const plan: LegPlan = { ...(matrix ? { matrix } : {}), context: legContext, scope: new CancelScope(p.scope) }
    const before = previous?.legs.find((l) => matrixKey(l.matrix) === matrixKey(matrix))
    // Re-run failed jobs: each matrix leg is a job of its own, and a leg that succeeded keeps its result.
    if (before?.result === 'success') plan.decided = before
    else if (before) plan.previous = before
    return plan
  })
  const legFailure = (plan: LegPlan, result: JobResult, reason: string): LegRecord => ({ ...(plan.matrix ? { matrix: plan.matrix } : {}), result, reason, attempt: run.attempt, steps: [] })
  const called = job.type === 'reusableWorkflowJob' ? await loadCalled(p, job.ref.value) : undefined
  // Every leg joins the job's concurrency group (which may name the matrix) at once, in matrix order, as GitHub queues
  // them together: with a fixed group, a leg that arrives while another runs cancels the one pending before it.
  for (const plan of plans) {
    if (plan.decided) continue
    let concurrency: Concurrency | undefined
    try {
      concurrency = concurrencyOf(rawJob(workflow, id, 'concurrency'), plan.context)
    } catch (e) {
      plan.decided = legFailure(plan, 'failure', `concurrency: ${(e as Error).message}`)
      continue
    }
    if (!concurrency) continue
    const deadlock = p.heldGroups.find((g) => g.toLowerCase() === concurrency.group.toLowerCase())
    if (deadlock !== undefined) {
      plan.decided = legFailure(plan, 'cancelled', `a deadlock was detected for concurrency group '${deadlock}' between a top level workflow and '${id}'`)
      continue
    }
    const holder = { run: run.id, job: path, ...(plan.matrix ? { matrix: plan.matrix } : {}) }
    plan.group = concurrency.group
    plan.ticket = run.queue.enter(concurrency.group, holder, { cancelInProgress: concurrency.cancelInProgress, mode: concurrency.mode, onCancel: (reason) => plan.scope.cancel(reason) })
  }
  const legs: LegRecord[] = []
  try {
    // Without a job-level group, the legs' called runs start together and join their own workflow-level group in order.
    if (job.type === 'reusableWorkflowJob') for (const plan of plans) if (!plan.decided && !plan.ticket) plan.called = prepareCalled(p, job, path, plan, called!)
    for (const plan of plans) {
      if (plan.decided) {
        legs.push(plan.decided)
        continue
      }
      try {
        const admission = plan.ticket ? await plan.ticket.admitted : undefined
        if (admission?.state === 'cancelled') legs.push(legFailure(plan, 'cancelled', admission.reason))
        else if (job.type === 'reusableWorkflowJob') legs.push(await runCalledLeg(p, plan, (plan.called ??= prepareCalled(p, job, path, plan, called!))))
        else legs.push(await runLeg(p, job, path, plan))
      } finally {
        plan.ticket?.release()
      }
    }
  } finally {
    // A leg that never ran (an error stopped the job) gives back the groups it joined.
    for (const plan of plans) {
      plan.ticket?.release()
      if (plan.called && 'base' in plan.called && !plan.called.started) plan.called.ticket?.release()
    }
  }
  return legs
}

function prepareCalled(p: PreparedRun, job: ReusableWorkflowJob, path: string, plan: LegPlan, workflow: LoadedWorkflow): PreparedRun | LegRecord {
  const fail = (reason: string): LegRecord => ({ ...(plan.matrix ? { matrix: plan.matrix } : {}), result: 'failure', reason, attempt: p.run.attempt, steps: [] })
  if (p.caller.level + 1 > MAX_WORKFLOW_LEVELS) throw new Error(`job '${path}' calls ${job.ref.value}: more than ${MAX_WORKFLOW_LEVELS} levels of workflows`)
  let inputs: Record<string, string>
  try {
    inputs = stringMapping(job['input-values'], plan.context)
  } catch (e) {
    return fail(`with: ${(e as Error).message}`)
  }
  const grant = permissionsOf(tokenValue(rawJob(p.workflow, job.id.value, 'permissions'), {})) ?? p.caller.grant
  // A job-level group on a job that calls a reusable workflow is held for the whole called workflow.
  const caller: CallerContext = { level: p.caller.level + 1, groups: [...p.heldGroups, ...(plan.group !== undefined ? [plan.group] : [])], ...(grant ? { grant } : {}) }
  const rerunInside = plan.previous?.called && failedOrCancelledRun(plan.previous.called) ? planRerun(plan.previous.called) : undefined
  return prepareRun(workflow, { ...p.options, inputs, caller }, { run: p.run, scope: plan.scope, prefix: `${path}/`, ...(rerunInside ? { rerun: rerunInside } : {}) })
}

const failedOrCancelledRun = (result: SimulationResult) => result.order.some((id) => failedOrCancelled(result.jobs[id]!))

async function runCalledLeg(p: PreparedRun, plan: LegPlan, prepared: PreparedRun | LegRecord): Promise<LegRecord> {
  if (!('base' in prepared)) return prepared
  const called = await executeRun(prepared)
  const result: JobResult = called.conclusion === 'success' ? 'success' : called.conclusion === 'cancelled' ? 'cancelled' : 'failure'
  return {
    ...(plan.matrix ? { matrix: plan.matrix } : {}),
    result,
    ...(called.reason !== undefined && result !== 'success' ? { reason: called.reason } : {}),
    outputs: called.outputs,
    attempt: p.run.attempt,
    steps: [],
    called,
  }
}

/** The reason a review stops the job, or undefined when it may start (no reviewers, or approved). */
async function reviewDenial(p: PreparedRun, path: string, environment: string): Promise<string | undefined> {
  const { options, run } = p
  if (!options.environments?.[environment]?.reviewers) return undefined
  if (!options.review) throw new Error(`job '${path}' runs in environment '${environment}', which has required reviewers: give a 'review' handler`)
  const key = `${path}\n${environment}`
  let decision = run.decisions.get(key)
  if (!decision) {
    const request: ReviewRequest = { run: run.id, job: path, environment }
    const record: ReviewRecord = { ...request }
    run.reviews.push(record)
    const review = options.review
    decision = Promise.resolve()
      .then(() => review(request))
      .then((d) => {
        if (d !== 'approved' && d !== 'rejected' && d !== 'timed-out') throw new Error(`review of '${path}' for environment '${environment}' must be approved, rejected or timed-out, got ${JSON.stringify(d)}`)
        record.decision = d
        return d
      })
    run.decisions.set(key, decision)
  }
  const decided = await decision
  // Reviewing deployments: "If a job is rejected, the workflow will fail"; "If a job is not approved within 30
  // days, it will automatically fail."
  if (decided === 'rejected') return `environment '${environment}': a reviewer rejected the deployment, and GitHub fails a rejected job`
  if (decided === 'timed-out') return `environment '${environment}': no reviewer approved the deployment within 30 days, and GitHub fails the job`
  return undefined
}

const isUnreadable = (e: unknown) => e instanceof UnreadableValue || (e instanceof ExpressionFailure && e.cause instanceof UnreadableValue)

async function runLeg(p: PreparedRun, job: Job, path: string, plan: LegPlan): Promise<LegRecord> {
  const { workflow, options, run } = p
  const jobId = job.id.value
  const { matrix, scope } = plan
  const context: Record<string, unknown> = { ...plan.context, job: {}, runner: { os: 'Linux' } }
  const leg: LegRecord = { ...(matrix ? { matrix } : {}), result: 'success', attempt: run.attempt, steps: [] }
  const fail = (reason: string): LegRecord => ({ ...leg, result: 'failure', reason })
  let continueOnError: boolean
  let environment: string | undefined
  try {
    // Allowed contexts of jobs.<job_id>.continue-on-error include matrix: `${{ matrix.experimental }}`.
    continueOnError = booleanSetting('continue-on-error', tokenValue(rawJob(workflow, jobId, 'continue-on-error'), context))
  } catch (e) {
    return fail(`continue-on-error: ${(e as Error).message}`)
  }
  const allow = (record: LegRecord): LegRecord => (record.result === 'failure' && continueOnError ? { ...record, continueOnError: true } : record)
  try {
    environment = environmentName(job.environment, context)
  } catch (e) {
    return allow(fail(`environment: ${(e as Error).message}`))
  }
  if (environment !== undefined) leg.environment = environment
  // The leg already holds its concurrency group here: the docs do not say whether GitHub checks an environment's
  // protection rules before or after a job's group admits it, so a job waiting for a reviewer holds its group.
  const denied = environment !== undefined ? await reviewDenial(p, path, environment) : undefined
  if (denied !== undefined) return allow(fail(denied))

  // Copied into each evaluation's context: contexts are converted once per object (expressions.ts), and this one grows.
  const steps: Record<string, { outputs: Record<string, string>; outcome: StepConclusion; conclusion: StepConclusion }> = {}
  let failed = false
  const jobEnv = { ...(context.env as Record<string, string>), ...stringMapping(job.env, context) }
  for (const [index, step] of job.steps.entries()) {
    if (!('if' in step) || !('uses' in step || 'run' in step)) continue
    const name = step.name ? String(tokenValue(step.name, { ...context, steps: { ...steps }, env: jobEnv })) : step.id
    const stepStatus: StatusFunctions = { success: () => !failed && !scope.cancelled, failure: () => failed, cancelled: () => scope.cancelled, always: () => true }
    const stepRecord: StepRecord = { id: step.id, name, conclusion: 'skipped', outcome: 'skipped', ...('uses' in step ? { uses: step.uses.value } : {}) }
    leg.steps.push(stepRecord)
    const stepContext = { ...context, steps: { ...steps }, env: jobEnv }
    let outcome: StepOutcome | void
    let allowFailure = false
    const cancelledBefore = scope.cancelled
    try {
      if (!truthy(tokenValue(step.if, stepContext, stepStatus))) {
        if (!step.id.startsWith('__')) steps[step.id] = { outputs: {}, outcome: 'skipped', conclusion: 'skipped' }
        continue
      }
      allowFailure = booleanSetting('continue-on-error', typeof step['continue-on-error'] === 'object' ? tokenValue(step['continue-on-error'], stepContext) : step['continue-on-error'])
      const env = { ...jobEnv, ...stringMapping(step.env, stepContext) }
      const withValues = 'uses' in step ? stringMapping(stepWith(workflow, jobId, index), { ...stepContext, env }) : {}
      if ('uses' in step) stepRecord.with = withValues
      const call: StepCall = {
        workflow: workflow.name,
        job: jobId,
        path,
        ...(environment !== undefined ? { environment } : {}),
        step: step.id.startsWith('__') ? '' : step.id,
        index,
        name,
        ...('uses' in step ? { uses: step.uses.value, action: actionName(step.uses.value) } : {}),
        ...('run' in step ? { run: String(tokenValue(step.run, stepContext)) } : {}),
        with: withValues,
        env,
        ...(matrix ? { matrix } : {}),
        inputs: p.inputs,
        github: context.github as Record<string, unknown>,
      }
      outcome = await options.steps?.(call)
    } catch (e) {
      outcome = { failure: (e as Error).message }
      if (isUnreadable(e)) leg.reason ??= `step '${name}': ${(e as Error).message}`
    }
    const outputs = outcome?.outputs ?? {}
    stepRecord.outputs = outputs
    if (!cancelledBefore && scope.cancelled) {
      // Cancelled while it ran: GitHub stops the step.
      stepRecord.outcome = stepRecord.conclusion = 'cancelled'
    } else if (outcome?.failure !== undefined) {
      stepRecord.failure = outcome.failure
      stepRecord.outcome = 'failure'
      // Workflow syntax: jobs.<job_id>.steps[*].continue-on-error: the job goes on, and the step's conclusion is success.
      stepRecord.conclusion = allowFailure ? 'success' : 'failure'
      if (!allowFailure) failed = true
    } else stepRecord.outcome = stepRecord.conclusion = 'success'
    steps[step.id] = { outputs, outcome: stepRecord.outcome, conclusion: stepRecord.conclusion }
  }
  try {
    leg.outputs = stringMapping(job.outputs, { ...context, steps: { ...steps }, env: jobEnv })
  } catch (e) {
    // GitHub fails a job whose outputs cannot be evaluated (fromJSON of an empty output, say).
    leg.outputs = {}
    leg.reason ??= `outputs: ${(e as Error).message}`
    failed = true
  }
  leg.result = failed ? 'failure' : scope.cancelled ? 'cancelled' : 'success'
  if (leg.result === 'cancelled' && scope.reason) leg.reason ??= scope.reason
  return allow(leg)
}

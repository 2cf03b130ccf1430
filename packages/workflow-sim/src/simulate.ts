import { isMapping } from '@actions/workflow-parser'
import type { Job, WorkflowJob } from '@actions/workflow-parser/model/workflow-template'
import type { TemplateToken } from '@actions/workflow-parser/templates/tokens/template-token'
import { coerceString, truthy, type StatusFunctions } from './expressions.js'
import { stepWith, stringMapping, tokenValue, type LoadedWorkflow } from './workflow.js'

/** GitHub rejects a matrix that expands to more jobs than this. */
export const MATRIX_LIMIT = 256
/** GitHub connects at most ten levels of workflows: the top-level caller and nine levels of reusable workflows. */
export const MAX_WORKFLOW_LEVELS = 10
/** GitHub (github.com) calls at most 50 unique reusable workflows from one workflow file, nested trees included. */
export const MAX_CALLED_WORKFLOWS = 50

export type JobResult = 'success' | 'failure' | 'skipped' | 'cancelled'
export type StepConclusion = 'success' | 'failure' | 'skipped'

/** What a step handler is told about the step being run. */
export interface StepCall {
  /** Name of the workflow file being simulated (nested reusable workflows have their own). */
  workflow: string
  job: string
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
  github: Record<string, unknown>
}

/** A step's fake result: its outputs, or a failure message (the step, and so the job, fails). */
export interface StepOutcome {
  outputs?: Record<string, string>
  failure?: string
}

export type StepHandler = (call: StepCall) => StepOutcome | void | Promise<StepOutcome | void>

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

/** GITHUB_TOKEN permissions: scope -> level; '*' is the level of every scope not named. */
export type Permissions = Record<string, 'none' | 'read' | 'write'>

export interface StepRecord {
  id: string
  name: string
  uses?: string
  conclusion: StepConclusion
  with?: Record<string, string>
  outputs?: Record<string, string>
  failure?: string
}

export interface LegRecord {
  matrix?: Record<string, unknown>
  result: JobResult
  /** Why the leg failed outside its steps. */
  reason?: string
  steps: StepRecord[]
}

export interface JobRecord {
  id: string
  needs: string[]
  result: JobResult
  /** Why the job failed before or outside its steps (an empty matrix, a bad expression). */
  reason?: string
  /** The matrix entries the job ran with; undefined for a job without strategy.matrix. */
  matrix?: Array<Record<string, unknown>>
  legs: LegRecord[]
  outputs: Record<string, string>
  /** A reusable-workflow job's own simulation. */
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
  /** Why the whole run was cancelled before any job ran (a concurrency deadlock). */
  reason?: string
}

const LEVELS = { none: 0, read: 1, write: 2 } as const

/** A `permissions:` value (read-all, write-all, {} or a mapping) as scope -> level; undefined when absent. */
export function permissionsOf(value: unknown): Permissions | undefined {
  if (value === undefined || value === null) return undefined
  if (value === 'read-all') return { '*': 'read' }
  if (value === 'write-all') return { '*': 'write' }
  if (typeof value !== 'object' || Array.isArray(value)) throw new Error(`permissions must be read-all, write-all or a mapping, got ${JSON.stringify(value)}`)
  const out: Permissions = { '*': 'none' }
  for (const [scope, level] of Object.entries(value as Record<string, unknown>)) {
    if (level !== 'none' && level !== 'read' && level !== 'write') throw new Error(`permissions.${scope} must be none, read or write, got ${JSON.stringify(level)}`)
    out[scope] = level
  }
  return out
}

const levelOf = (p: Permissions, scope: string) => LEVELS[p[scope] ?? p['*'] ?? 'none']

/** The scopes `requested` asks for above what `granted` allows, as "scope: level" (a called workflow may only downgrade). */
export function permissionsExceeding(requested: Permissions, granted: Permissions): string[] {
  const scopes = new Set([...Object.keys(requested), ...Object.keys(granted)].filter((s) => s !== '*'))
  const over = [...scopes].filter((s) => levelOf(requested, s) > levelOf(granted, s)).map((s) => `${s}: ${requested[s] ?? requested['*']}`)
  if ((requested['*'] && LEVELS[requested['*']] > LEVELS[granted['*'] ?? 'none'])) over.push(`*: ${requested['*']}`)
  return over
}

function rawJob(workflow: LoadedWorkflow, id: string, key: string): TemplateToken | undefined {
  const jobs = isMapping(workflow.root) ? workflow.root.find('jobs') : undefined
  const job = jobs && isMapping(jobs) ? jobs.find(id) : undefined
  return job && isMapping(job) ? job.find(key) : undefined
}

function rawTop(workflow: LoadedWorkflow, key: string): TemplateToken | undefined {
  return isMapping(workflow.root) ? workflow.root.find(key) : undefined
}

/** A concurrency value (a string or { group, cancel-in-progress }) evaluated to its group name; undefined when absent. */
function concurrencyGroup(token: TemplateToken | undefined, context: Record<string, unknown>): string | undefined {
  const value = tokenValue(token, context)
  if (value === undefined || value === null || value === '') return undefined
  if (typeof value === 'object' && !Array.isArray(value)) return coerceString((value as Record<string, unknown>).group)
  return coerceString(value)
}

/** The ids of the jobs that ran (succeeded or failed), in order. */
export function jobsThatRan(result: SimulationResult): string[] {
  return result.order.filter((id) => result.jobs[id]!.result === 'success' || result.jobs[id]!.result === 'failure')
}

/** Every combination of a matrix, with include and exclude applied as GitHub does. */
export function expandMatrix(matrix: unknown): Array<Record<string, unknown>> {
  if (matrix === null || typeof matrix !== 'object' || Array.isArray(matrix)) throw new Error(`strategy.matrix must be a mapping, got ${JSON.stringify(matrix)}`)
  const { include, exclude, ...vectors } = matrix as Record<string, unknown>
  const keys = Object.keys(vectors)
  let combos: Array<Record<string, unknown>> = keys.length ? [{}] : []
  for (const key of keys) {
    const values = vectors[key]
    if (!Array.isArray(values)) throw new Error(`matrix vector '${key}' must be a sequence`)
    combos = combos.flatMap((c) => values.map((v: unknown) => ({ ...c, [key]: v })))
  }
  const matches = (combo: Record<string, unknown>, partial: Record<string, unknown>) =>
    Object.entries(partial).every(([k, v]) => JSON.stringify(combo[k]) === JSON.stringify(v))
  for (const ex of asList(exclude, 'exclude')) combos = combos.filter((c) => !matches(c, ex))
  const base = combos.length
  for (const inc of asList(include, 'include')) {
    // An include extends every original combination it does not contradict; otherwise it is a new combination.
    let merged = false
    for (let i = 0; i < base; i++) {
      const combo = combos[i]!
      if (keys.every((k) => !(k in inc) || JSON.stringify(inc[k]) === JSON.stringify(combo[k]))) {
        combos[i] = { ...combo, ...inc }
        merged = true
      }
    }
    if (!merged) combos.push({ ...inc })
  }
  return combos
}

function asList(value: unknown, name: string): Array<Record<string, unknown>> {
  if (value === undefined || value === null) return []
  if (!Array.isArray(value)) throw new Error(`matrix ${name} must be a sequence, got ${JSON.stringify(value)}`)
  return value as Array<Record<string, unknown>>
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

function rawOn(workflow: LoadedWorkflow, event: string, key: string): TemplateToken | undefined {
  const on = isMapping(workflow.root) ? workflow.root.find('on') : undefined
  const ev = on && isMapping(on) ? on.find(event) : undefined
  return ev && isMapping(ev) ? ev.find(key) : undefined
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

/**
 * Runs a workflow's job graph without running anything: decides each job's `if:` with GitHub's rules (a job whose
 * needs failed or were skipped is skipped unless its condition opts out with a status function), expands
 * strategy.matrix, runs each step through the handler, and evaluates job and workflow outputs.
 */
export async function simulateWorkflow(workflow: LoadedWorkflow, options: SimulationOptions = {}): Promise<SimulationResult> {
  if (workflow.errors.length) throw new Error(`${workflow.name} has errors: ${workflow.errors.join('; ')}`)
  const inputs = resolveInputs(workflow, options.inputs ?? {})
  const github = { ...DEFAULT_GITHUB, ...options.github }
  const vars = options.vars ?? {}
  const cancelled = options.cancelled ?? false
  const jobs: Record<string, JobRecord> = {}
  const order: string[] = []
  const byId = new Map(workflow.template.jobs.map((j) => [j.id.value, j]))
  const ancestors = (id: string, seen = new Set<string>()): Set<string> => {
    for (const n of byId.get(id)?.needs ?? []) if (!seen.has(n.value)) { seen.add(n.value); ancestors(n.value, seen) }
    return seen
  }
  const base = { github, inputs, vars, secrets: {} }
  const workflowEnv = stringMapping(workflow.template.env, base)
  const caller: CallerContext = options.caller ?? { level: 1, groups: [], grant: permissionsOf(tokenValue(rawTop(workflow, 'permissions'), {})) }
  if (!options.caller && options.workflows) await validateCallTree(workflow, options.workflows)
  // A workflow-level group that a calling workflow or calling job already holds can never be acquired: GitHub
  // cancels the run ("a deadlock was detected for concurrency group ... between a top level workflow and ...").
  const ownGroup = concurrencyGroup(rawTop(workflow, 'concurrency'), base)
  const heldGroups = [...caller.groups, ...(ownGroup !== undefined ? [ownGroup] : [])]
  const held = ownGroup !== undefined ? caller.groups.find((g) => g.toLowerCase() === ownGroup.toLowerCase()) : undefined
  if (held !== undefined) {
    const reason = `a deadlock was detected for concurrency group '${held}' between a top level workflow and '${workflow.name}'`
    for (const job of topologicalOrder(workflow.template.jobs)) {
      const id = job.id.value
      jobs[id] = { id, needs: (job.needs ?? []).map((n) => n.value), result: 'cancelled', reason, legs: [], outputs: {} }
      order.push(id)
    }
    return { workflow: workflow.name, jobs, order, conclusion: 'cancelled', outputs: {}, inputs, reason }
  }

  for (const job of topologicalOrder(workflow.template.jobs)) {
    const id = job.id.value
    const needIds = (job.needs ?? []).map((n) => n.value)
    const needs = Object.fromEntries(needIds.map((n) => [n, { result: jobs[n]!.result, outputs: jobs[n]!.outputs }]))
    const upstream = [...ancestors(id)]
    const jobStatus: StatusFunctions = {
      success: () => !cancelled && needIds.every((n) => jobs[n]!.result === 'success') && !upstream.some((n) => jobs[n]!.result === 'failure'),
      failure: () => upstream.some((n) => jobs[n]!.result === 'failure'),
      cancelled: () => cancelled,
      always: () => true,
    }
    const record: JobRecord = { id, needs: needIds, result: 'skipped', legs: [], outputs: {} }
    jobs[id] = record
    order.push(id)
    const context = { ...base, needs, env: workflowEnv }
    let run: boolean
    try {
      run = truthy(tokenValue(job.if, context, jobStatus))
    } catch (e) {
      record.result = 'failure'
      record.reason = `if: ${(e as Error).message}`
      continue
    }
    if (!run) {
      record.result = cancelled ? 'cancelled' : 'skipped'
      continue
    }
    let jobGroup: string | undefined
    try {
      jobGroup = concurrencyGroup(rawJob(workflow, id, 'concurrency'), context)
    } catch (e) {
      record.result = 'failure'
      record.reason = `concurrency: ${(e as Error).message}`
      continue
    }
    const deadlock = jobGroup !== undefined ? heldGroups.find((g) => g.toLowerCase() === jobGroup.toLowerCase()) : undefined
    if (deadlock !== undefined) {
      record.result = 'cancelled'
      record.reason = `a deadlock was detected for concurrency group '${deadlock}' between a top level workflow and '${id}'`
      continue
    }

    let entries: Array<Record<string, unknown>> | undefined
    try {
      const strategy = tokenValue(job.strategy, context) as { matrix?: unknown } | undefined
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
    if (job.type === 'reusableWorkflowJob') {
      const grant = permissionsOf(tokenValue(rawJob(workflow, id, 'permissions'), {})) ?? caller.grant
      const groups = [...heldGroups, ...(jobGroup !== undefined ? [jobGroup] : [])]
      await runCalledWorkflow(job.ref.value, entries, (matrix) => stringMapping(job['input-values'], { ...context, matrix: matrix ?? {}, strategy: {} }), record, options, { level: caller.level + 1, groups, ...(grant ? { grant } : {}) })
      continue
    }
    for (const matrix of entries ?? [undefined]) {
      const leg = await runLeg(workflow, job, id, { ...context, matrix: matrix ?? {}, strategy: {}, job: {}, runner: { os: 'Linux' } }, matrix, inputs, options)
      record.legs.push(leg.record)
      // Matrix legs share the job's outputs: a later leg's non-empty value replaces an earlier one.
      for (const [k, v] of Object.entries(leg.outputs)) if (v !== '' || !(k in record.outputs)) record.outputs[k] = v
    }
    record.result = record.legs.some((l) => l.result === 'failure') ? 'failure' : 'success'
  }

  const results = order.map((id) => jobs[id]!.result)
  const conclusion = results.includes('failure') ? 'failure' : cancelled || results.includes('cancelled') ? 'cancelled' : 'success'
  const jobsContext = Object.fromEntries(order.map((id) => [id, { result: jobs[id]!.result, outputs: jobs[id]!.outputs }]))
  const outputs: Record<string, string> = {}
  const declaredOutputs = rawOn(workflow, 'workflow_call', 'outputs')
  if (declaredOutputs && isMapping(declaredOutputs)) {
    for (const { key, value } of declaredOutputs) {
      const valueToken = isMapping(value) ? value.find('value') : undefined
      outputs[String(tokenValue(key, {}))] = coerceString(tokenValue(valueToken, { ...base, jobs: jobsContext }))
    }
  }
  return { workflow: workflow.name, jobs, order, conclusion, outputs, inputs }
}

/**
 * Checks the tree of reusable workflows a workflow calls, as GitHub does before the run starts: at most ten levels,
 * at most 50 unique called workflows, and no called workflow asking for more GITHUB_TOKEN permissions than the
 * calling job grants (a called workflow may only downgrade them). Throws the error GitHub shows.
 */
export async function validateCallTree(workflow: LoadedWorkflow, load: (ref: string) => LoadedWorkflow | Promise<LoadedWorkflow>): Promise<void> {
  const unique = new Set<string>()
  const visit = async (wf: LoadedWorkflow, level: number, path: string[], inherited: Permissions | undefined) => {
    const workflowPermissions = permissionsOf(tokenValue(rawTop(wf, 'permissions'), {}))
    for (const job of wf.template.jobs) {
      const id = job.id.value
      const own = permissionsOf(tokenValue(rawJob(wf, id, 'permissions'), {}))
      const requested = own ?? workflowPermissions
      if (level > 1 && inherited && requested) {
        const over = permissionsExceeding(requested, inherited)
        if (over.length) {
          throw new Error(`${[...path, wf.name].join(' -> ')}: job '${id}' requests ${over.join(', ')}, but the calling job grants only ${describe(inherited)}: a called workflow may only downgrade the caller's permissions`)
        }
      }
      if (job.type !== 'reusableWorkflowJob') continue
      const ref = job.ref.value
      if (level + 1 > MAX_WORKFLOW_LEVELS) throw new Error(`${[...path, wf.name, ref].join(' -> ')}: more than ${MAX_WORKFLOW_LEVELS} levels of workflows`)
      unique.add(ref)
      if (unique.size > MAX_CALLED_WORKFLOWS) throw new Error(`${workflow.name} calls more than ${MAX_CALLED_WORKFLOWS} unique reusable workflows (nested ones included)`)
      await visit(await load(ref), level + 1, [...path, `${wf.name}#${id}`], requested ?? inherited)
    }
  }
  await visit(workflow, 1, [], undefined)
}

function describe(p: Permissions): string {
  const named = Object.entries(p).filter(([s, l]) => s !== '*' && l !== 'none').map(([s, l]) => `${s}: ${l}`)
  const rest = p['*'] && p['*'] !== 'none' ? [`every other scope: ${p['*']}`] : []
  return [...named, ...rest].join(', ') || 'none'
}

async function runCalledWorkflow(
  ref: string,
  entries: Array<Record<string, unknown>> | undefined,
  inputsFor: (matrix: Record<string, unknown> | undefined) => Record<string, string>,
  record: JobRecord,
  options: SimulationOptions,
  caller: CallerContext,
): Promise<void> {
  if (!options.workflows) throw new Error(`job '${record.id}' calls ${ref}: give a 'workflows' loader to simulate it`)
  if (caller.level > MAX_WORKFLOW_LEVELS) throw new Error(`job '${record.id}' calls ${ref}: more than ${MAX_WORKFLOW_LEVELS} levels of workflows`)
  const loaded = await options.workflows(ref)
  const results: JobResult[] = []
  for (const matrix of entries ?? [undefined]) {
    const called = await simulateWorkflow(loaded, { ...options, inputs: inputsFor(matrix), caller })
    const result: JobResult = called.conclusion === 'success' ? 'success' : called.conclusion === 'cancelled' ? 'cancelled' : 'failure'
    results.push(result)
    record.called = called
    record.legs.push({ ...(matrix ? { matrix } : {}), result, steps: [] })
    // With a matrix, an output is the value set by the last successful leg that sets one (GitHub's documented rule).
    if (result === 'success') for (const [k, v] of Object.entries(called.outputs)) if (v !== '' || !(k in record.outputs)) record.outputs[k] = v
  }
  if (!entries) record.outputs = record.called!.outputs
  record.result = results.includes('failure') ? 'failure' : results.includes('cancelled') ? 'cancelled' : 'success'
}

async function runLeg(
  workflow: LoadedWorkflow,
  job: Job,
  jobId: string,
  context: Record<string, unknown>,
  matrix: Record<string, unknown> | undefined,
  inputs: Record<string, unknown>,
  options: SimulationOptions,
): Promise<{ record: LegRecord; outputs: Record<string, string> }> {
  // Copied into each evaluation's context: contexts are converted once per object (expressions.ts), and this one grows.
  const steps: Record<string, { outputs: Record<string, string>; outcome: StepConclusion; conclusion: StepConclusion }> = {}
  const records: StepRecord[] = []
  let failed = false
  const jobEnv = { ...(context.env as Record<string, string>), ...stringMapping(job.env, context) }
  for (const [index, step] of job.steps.entries()) {
    if (!('if' in step) || !('uses' in step || 'run' in step)) continue
    const name = step.name ? String(tokenValue(step.name, { ...context, steps: { ...steps }, env: jobEnv })) : step.id
    const stepStatus: StatusFunctions = { success: () => !failed && !options.cancelled, failure: () => failed, cancelled: () => options.cancelled ?? false, always: () => true }
    const stepRecord: StepRecord = { id: step.id, name, conclusion: 'skipped', ...('uses' in step ? { uses: step.uses.value } : {}) }
    records.push(stepRecord)
    const stepContext = { ...context, steps: { ...steps }, env: jobEnv }
    let outcome: StepOutcome | void
    try {
      if (!truthy(tokenValue(step.if, stepContext, stepStatus))) {
        if (!step.id.startsWith('__')) steps[step.id] = { outputs: {}, outcome: 'skipped', conclusion: 'skipped' }
        continue
      }
      const env = { ...jobEnv, ...stringMapping(step.env, stepContext) }
      const withValues = 'uses' in step ? stringMapping(stepWith(workflow, jobId, index), { ...stepContext, env }) : {}
      if ('uses' in step) stepRecord.with = withValues
      const call: StepCall = {
        workflow: workflow.name,
        job: jobId,
        step: step.id.startsWith('__') ? '' : step.id,
        index,
        name,
        ...('uses' in step ? { uses: step.uses.value, action: actionName(step.uses.value) } : {}),
        ...('run' in step ? { run: String(tokenValue(step.run, stepContext)) } : {}),
        with: withValues,
        env,
        ...(matrix ? { matrix } : {}),
        inputs,
        github: context.github as Record<string, unknown>,
      }
      outcome = await options.steps?.(call)
    } catch (e) {
      outcome = { failure: (e as Error).message }
    }
    const outputs = outcome?.outputs ?? {}
    stepRecord.outputs = outputs
    if (outcome?.failure !== undefined) {
      stepRecord.conclusion = 'failure'
      stepRecord.failure = outcome.failure
      failed = true
    } else stepRecord.conclusion = 'success'
    steps[step.id] = { outputs, outcome: stepRecord.conclusion, conclusion: stepRecord.conclusion }
  }
  let outputs: Record<string, string> = {}
  let reason: string | undefined
  try {
    outputs = stringMapping(job.outputs, { ...context, steps: { ...steps }, env: jobEnv })
  } catch (e) {
    // GitHub fails a job whose outputs cannot be evaluated (fromJSON of an empty output, say).
    reason = `outputs: ${(e as Error).message}`
    failed = true
  }
  return { record: { ...(matrix ? { matrix } : {}), result: failed ? 'failure' : 'success', steps: records, ...(reason ? { reason } : {}) }, outputs }
}

/** Every job of a run, reusable workflows' jobs included, as caller-job/called-job paths (staging/tier-2). */
export function allJobs(result: SimulationResult, prefix = ''): Array<{ path: string; job: JobRecord }> {
  return result.order.flatMap((id) => {
    const job = result.jobs[id]!
    const path = `${prefix}${id}`
    return [{ path, job }, ...(job.called ? allJobs(job.called, `${path}/`) : [])]
  })
}

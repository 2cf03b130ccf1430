/** The parts of `terraform show -json PLAN` that tierdeploy reads (format_version 1.x). */
export interface PlanJson {
  format_version?: string
  terraform_version?: string
  resource_changes?: ResourceChange[]
  output_changes?: Record<string, { actions: string[] }>
  applyable?: boolean
  errored?: boolean
}

export interface ResourceChange {
  address: string
  /** Set when a `moved` block (or a refactoring) moves the object from this address. */
  previous_address?: string
  module_address?: string
  mode: 'managed' | 'data'
  type: string
  name: string
  change: { actions: string[]; importing?: unknown }
}

export const PLAN_ACTIONS = ['create', 'update', 'replace', 'delete', 'forget', 'import', 'move', 'read'] as const
export type PlanAction = (typeof PLAN_ACTIONS)[number]

/** The `summary` output: counts and addresses by action; `changes` says whether applying would do anything. */
export interface PlanSummary {
  changes: boolean
  counts: Record<PlanAction, number>
  addresses: Record<PlanAction, string[]>
  outputsChanged: string[]
}

/**
 * One action per resource change, the way a reviewer reads a plan: ["delete","create"] and ["create","delete"]
 * are both a replace (destroy-before-create or create-before-destroy); a no-op import is an import.
 */
export function actionOf(rc: ResourceChange): PlanAction | undefined {
  const a = rc.change.actions
  if (a.includes('delete') && a.includes('create')) return 'replace'
  if (a.length === 1) {
    const only = a[0]!
    // A no-op that moves the object (a `moved` block) still changes the state: terraform apply must run.
    if (only === 'no-op') return rc.change.importing ? 'import' : rc.previous_address && rc.previous_address !== rc.address ? 'move' : undefined
    if ((PLAN_ACTIONS as readonly string[]).includes(only)) return only as PlanAction
  }
  return a.includes('delete') ? 'delete' : undefined
}

export function summarizePlan(plan: PlanJson): PlanSummary {
  const counts = Object.fromEntries(PLAN_ACTIONS.map((a) => [a, 0])) as Record<PlanAction, number>
  const addresses = Object.fromEntries(PLAN_ACTIONS.map((a) => [a, [] as string[]])) as Record<PlanAction, string[]>
  for (const rc of plan.resource_changes ?? []) {
    const action = actionOf(rc)
    if (!action) continue
    counts[action]++
    addresses[action].push(rc.address)
  }
  const outputsChanged = Object.entries(plan.output_changes ?? {})
    .filter(([, c]) => !(c.actions.length === 1 && c.actions[0] === 'no-op'))
    .map(([name]) => name)
    .sort()
  // A data source read alone changes nothing; everything else, and an output change, needs an apply. Terraform's own
  // `applyable` has the last word: it is true for any plan that changes the state (moves included).
  const changes = PLAN_ACTIONS.some((a) => a !== 'read' && counts[a] > 0) || outputsChanged.length > 0 || plan.applyable === true
  return { changes, counts, addresses, outputsChanged }
}

function cell(s: string): string {
  return s.replace(/\|/g, '\\|')
}

/** The plan as a Markdown table for the job summary: one row per action that occurs, with its addresses. */
export function renderPlanSummary(summary: PlanSummary, title: string): string {
  const lines = [`### ${title}`, '']
  if (!summary.changes) {
    lines.push('No changes: the infrastructure matches the configuration.', '')
    return lines.join('\n')
  }
  lines.push('| Action | Count | Resources |', '| --- | ---: | --- |')
  const limit = 50
  for (const action of PLAN_ACTIONS) {
    const list = summary.addresses[action]
    if (!list.length) continue
    const shown = list.slice(0, limit).map((a) => `\`${cell(a)}\``).join('<br>')
    const more = list.length > limit ? `<br>… and ${list.length - limit} more` : ''
    lines.push(`| ${action} | ${list.length} | ${shown}${more} |`)
  }
  if (summary.outputsChanged.length) lines.push(`| output | ${summary.outputsChanged.length} | ${summary.outputsChanged.map((o) => `\`${cell(o)}\``).join(', ')} |`)
  lines.push('')
  return lines.join('\n')
}

import type { LoadedWorkflow } from './workflow.js'
import { rawJob, rawTop, tokenValue } from './workflow.js'

/** GitHub connects at most ten levels of workflows: the top-level caller and nine levels of reusable workflows. */
export const MAX_WORKFLOW_LEVELS = 10
/** GitHub (github.com) calls at most 50 unique reusable workflows from one workflow file, nested trees included. */
export const MAX_CALLED_WORKFLOWS = 50

/** GITHUB_TOKEN permissions: scope -> level; '*' is the level of every scope not named. */
export type Permissions = Record<string, 'none' | 'read' | 'write'>

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

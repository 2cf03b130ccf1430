/**
 * Live progress of a deploy step, as typed events. The engine (deployEcsServices, waitForRollouts) reports them
 * through an optional `progress` callback in its effects; renderers (the CLI's terminal view, CI log lines, NDJSON)
 * turn them into output. Events carry clock times (`at`, ms since the epoch on the injected clock), so a renderer
 * needs no clock of its own to show elapsed times. The JSON form of each event is `tierdeploy deploy --json`'s
 * documented output (docs/cli.md): add fields, never rename them.
 */

/** One still-pending rollout in one poll's DescribeServices answer. */
export interface ServiceSnapshot {
  service: string
  /** Task counts of the deployment being rolled out (the one UpdateService started, else PRIMARY). */
  running: number
  desired: number
  pending: number
  /** Tasks of that deployment that failed to start or stay healthy: what the deployment circuit breaker counts. */
  failedTasks: number
  /** ECS's rolloutState of that deployment (unset for services ECS does not track that way). */
  rolloutState?: string
  /** The service's latest event since the rollout started ("has reached a steady state", failing health checks…). */
  latestEvent?: string
  /** Time since the service's UpdateService. */
  elapsedMs: number
}

export type DeployEvent =
  /** A step (a tier, or a chunk of one) starts: its waves of service names, in order. */
  | { type: 'step-started'; at: number; deployId: string; cluster: string; waves: string[][]; tier?: number; tierName?: string }
  /** A wave starts writing (wave numbers are 1-based). */
  | { type: 'wave-started'; at: number; wave: number; waves: number; services: string[] }
  /** The service's task definition is unchanged: nothing to register or roll out. */
  | { type: 'service-unchanged'; at: number; service: string }
  /** A new revision was registered (`revision` = family:revision) and UpdateService pointed the service at it. */
  | { type: 'service-updated'; at: number; service: string; revision: string; previousRevision: string; deploymentId?: string }
  /** RegisterTaskDefinition or UpdateService was refused: the service failed before rolling out. */
  | { type: 'service-write-failed'; at: number; service: string; reason: string }
  /** One poll of the pending rollouts; `error` when a DescribeServices call failed (its services stay pending). */
  | { type: 'poll'; at: number; poll: number; pending: ServiceSnapshot[]; settled: number; error?: string }
  /** The rollout completed: PRIMARY COMPLETED, running = desired. */
  | { type: 'service-done'; at: number; service: string; elapsedMs: number }
  /** The rollout failed (or timed out); `rolledBackByEcs` when the circuit breaker is putting it back. */
  | { type: 'service-failed'; at: number; service: string; reason: string; rolledBackByEcs: boolean; elapsedMs: number }
  /** Every rollout of the wave has settled. */
  | { type: 'wave-done'; at: number; wave: number; ok: boolean; deployed: number; failed: number; unchanged: number; elapsedMs: number }
  /** The step failed: these services are being put back; the polls and service events that follow are the rollback's. */
  | { type: 'rollback-started'; at: number; services: string[]; because: string[] }
  /** The step is over. */
  | { type: 'step-done'; at: number; ok: boolean; elapsedMs: number; polls: number }

export type DeployEventType = DeployEvent['type']

/** Where a step reports its progress. It is called synchronously; a renderer that throws is logged, not fatal. */
export type DeployProgress = (event: DeployEvent) => void

/** Something that shows a step's progress. `above` prints a log line without breaking the view; `close` ends it. */
export interface ProgressRenderer {
  event(e: DeployEvent): void
  above(line: string): void
  close(): void
}

/** Lines are written whole (with their own newline); the TTY view also writes cursor movements. */
export type Write = (text: string) => void

/** At most this long without a line in CI logs: then a heartbeat says what is still rolling. */
export const HEARTBEAT_MS = 30_000

type ServiceState = 'rolling' | 'done' | 'failed' | 'unchanged'

interface Tracked {
  state: ServiceState
  revision?: string
  startedAt?: number
  snapshot?: ServiceSnapshot
  reason?: string
}

/** What the events so far say: the current step, wave and phase, and each service's state. Shared by the renderers. */
export class ProgressState {
  tier: string | undefined
  wave = 0
  waves = 0
  phase: 'deploy' | 'rollback' = 'deploy'
  stepStartedAt = 0
  waveStartedAt = 0
  now = 0
  polls = 0
  readonly services = new Map<string, Tracked>()

  apply(e: DeployEvent): void {
    this.now = Math.max(this.now, e.at)
    switch (e.type) {
      case 'step-started':
        this.tier = e.tier !== undefined ? `tier ${e.tier}${e.tierName ? ` (${e.tierName})` : ''}` : undefined
        this.stepStartedAt = e.at
        this.phase = 'deploy'
        this.services.clear()
        break
      case 'wave-started':
        this.wave = e.wave
        this.waves = e.waves
        this.waveStartedAt = e.at
        break
      case 'service-unchanged':
        this.services.set(e.service, { state: 'unchanged' })
        break
      case 'service-updated':
        this.services.set(e.service, { state: 'rolling', revision: e.revision, startedAt: e.at })
        break
      case 'service-write-failed':
        this.services.set(e.service, { state: 'failed', reason: e.reason })
        break
      case 'poll':
        this.polls++
        for (const s of e.pending) {
          const t = this.services.get(s.service) ?? { state: 'rolling' as const, startedAt: e.at - s.elapsedMs }
          this.services.set(s.service, { ...t, state: 'rolling', snapshot: s, startedAt: e.at - s.elapsedMs })
        }
        break
      case 'service-done':
        this.services.set(e.service, { ...this.services.get(e.service), state: 'done' })
        break
      case 'service-failed':
        this.services.set(e.service, { ...this.services.get(e.service), state: 'failed', reason: e.reason })
        break
      case 'rollback-started':
        this.phase = 'rollback'
        for (const name of e.services) {
          const t = this.services.get(name)
          if (t?.state === 'done') this.services.set(name, { state: 'rolling', startedAt: e.at })
        }
        break
      case 'wave-done':
      case 'step-done':
        break
    }
  }

  count(state: ServiceState): number {
    return [...this.services.values()].filter((t) => t.state === state).length
  }

  /** Rolling services, the longest-running first. */
  rolling(): [string, Tracked][] {
    return [...this.services.entries()].filter(([, t]) => t.state === 'rolling').sort((a, b) => (a[1].startedAt ?? 0) - (b[1].startedAt ?? 0) || a[0].localeCompare(b[0]))
  }

  label(): string {
    const where = [this.tier, this.waves > 1 ? `wave ${this.wave}/${this.waves}` : undefined, this.phase === 'rollback' ? 'rolling back' : undefined].filter(Boolean)
    return where.length ? where.join(', ') : 'deploy'
  }
}

/** 65 s -> "1m05s", 9 s -> "9s". */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000))
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`
}

/** What a pending rollout waits for, from its last snapshot: tasks starting, failed tasks, ECS's latest event. */
export function describeSnapshot(s: ServiceSnapshot): string {
  return [
    `${s.running}/${s.desired} running`,
    s.pending ? `${s.pending} pending` : undefined,
    s.failedTasks ? `${s.failedTasks} failed task${s.failedTasks === 1 ? '' : 's'}` : undefined,
    s.rolloutState,
    s.latestEvent ? s.latestEvent.replace(/^\(service [^)]*\) /, '') : undefined,
  ]
    .filter(Boolean)
    .join(', ')
}

/** The one line a state-changing event prints in CI logs (undefined: not a state change). */
export function lineFor(e: DeployEvent, state: ProgressState): string | undefined {
  switch (e.type) {
    case 'step-started':
      return `${state.tier ?? 'step'}: deploying ${e.waves.flat().length} service(s) in ${e.waves.length} wave(s) to cluster ${e.cluster} (deploy ${e.deployId})`
    case 'wave-started':
      return `wave ${e.wave}/${e.waves}: ${e.services.join(', ')}`
    case 'service-unchanged':
      return `${e.service}: unchanged`
    case 'service-updated':
      return `${e.service}: rolling out ${e.revision} (was ${e.previousRevision})`
    case 'service-write-failed':
      return `${e.service}: FAILED before rolling out: ${e.reason}`
    case 'service-done':
      return `${e.service}: ${state.phase === 'rollback' ? 'rolled back' : 'deployed'} in ${formatDuration(e.elapsedMs)}`
    case 'service-failed':
      return `${e.service}: FAILED after ${formatDuration(e.elapsedMs)}${e.rolledBackByEcs ? ' (ECS circuit breaker rolling back)' : ''}: ${e.reason}`
    case 'wave-done':
      return `wave ${e.wave}/${state.waves}: ${e.ok ? 'done' : 'FAILED'} in ${formatDuration(e.elapsedMs)} (${e.deployed} deployed, ${e.failed} failed, ${e.unchanged} unchanged)`
    case 'rollback-started':
      return `rolling back ${e.services.length ? e.services.join(', ') : 'nothing'} because ${e.because.join(', ')} failed`
    case 'step-done':
      return `${state.tier ?? 'step'}: ${e.ok ? 'succeeded' : 'FAILED'} in ${formatDuration(e.elapsedMs)} (${e.polls} polls)`
    case 'poll':
      return e.error ? `poll ${e.poll}: ${e.error}; the next poll comes later` : undefined
  }
}

/**
 * CI logs (no terminal): one line per state change, a per-service line when a pending rollout's counts, rolloutState
 * or latest event change, and a heartbeat after HEARTBEAT_MS without a line. With `groups` (GITHUB_ACTIONS=true) each
 * wave and the rollback are folded into `::group::` blocks; the wave's outcome line is printed after its group, so a
 * failure is visible without unfolding.
 */
export function lineRenderer(write: Write, options: { groups?: boolean } = {}): ProgressRenderer {
  const state = new ProgressState()
  const seen = new Map<string, string>()
  let lastLineAt: number | undefined
  let open = false
  const line = (text: string, at: number): void => {
    write(text)
    lastLineAt = at
  }
  const openGroup = (title: string, at: number): void => {
    closeGroup()
    if (!options.groups) return
    line(`::group::${title}`, at)
    open = true
  }
  const closeGroup = (): void => {
    if (open) write('::endgroup::')
    open = false
  }
  return {
    event(e) {
      state.apply(e)
      if (e.type === 'wave-started') openGroup(`${state.label()}: ${e.services.join(', ')}`, e.at)
      if (e.type === 'rollback-started') openGroup(`${state.tier ? `${state.tier}: ` : ''}rollback`, e.at)
      if (e.type === 'wave-done' || e.type === 'step-done') closeGroup()
      const text = lineFor(e, state)
      if (text) line(text, e.at)
      if (e.type !== 'poll') return
      let changed = false
      for (const s of e.pending) {
        const now = describeSnapshot(s)
        if (seen.get(s.service) === now) continue
        seen.set(s.service, now)
        line(`${s.service}: ${now} (${formatDuration(s.elapsedMs)})`, e.at)
        changed = true
      }
      if (!changed && e.pending.length && lastLineAt !== undefined && e.at - lastLineAt >= HEARTBEAT_MS) {
        const slowest = state.rolling()[0]
        line(`${state.label()}: still waiting for ${e.pending.length} rollout(s), ${state.count('done')} done${slowest ? `; slowest ${slowest[0]} (${formatDuration(state.now - (slowest[1].startedAt ?? state.now))})` : ''}`, e.at)
      }
    },
    above(text) {
      write(text)
    },
    close() {
      closeGroup()
    },
  }
}

/**
 * GitHub's concurrency groups across workflow runs ("Control the concurrency of workflows and jobs",
 * docs.github.com/actions/how-tos/write-workflows/choose-when-workflows-run/control-workflow-concurrency):
 * at most one running and one pending job or run per group; a newly queued one cancels the pending one and takes its
 * place; cancel-in-progress: true also cancels the running one; `queue: max` keeps up to 100 pending, first in first
 * out, and cancels arrivals beyond that. Group names are case-insensitive.
 *
 * Several simulateWorkflow calls share one queue (option `queue`) to simulate runs that overlap. A run or job joins a
 * group at the moment the simulator reaches it: a run at the moment simulateWorkflow is called (before it awaits
 * anything), a job when the run gets to it. Tests order runs by the order of their calls, and wait for a state with
 * `until()`.
 */

/** The most jobs or runs `queue: max` lets wait in one group. */
export const MAX_PENDING = 100

export type QueueMode = 'single' | 'max'

/** Who holds or waits for a group: a whole run (job undefined) or one job (leg) of it. */
export interface QueueHolder {
  /** The run's id (option runId). */
  run: string
  /** The job's path (caller-job/called-job for a called workflow's job); undefined for a workflow-level group. */
  job?: string
  /** The leg's matrix entry, when the job has a matrix. */
  matrix?: Record<string, unknown>
}

export type QueueState = 'running' | 'pending' | 'cancelled' | 'released'

export interface QueueEvent extends QueueHolder {
  /** The group as the holder wrote it. */
  group: string
  state: QueueState
  /** Why a holder was cancelled: GitHub's message. */
  reason?: string
}

export type Admission = { state: 'running' } | { state: 'cancelled'; reason: string }

/** A place in a group: resolves when it may run (or is cancelled while pending); release it when done. */
export interface QueueTicket {
  readonly admitted: Promise<Admission>
  release(): void
}

export interface EnterOptions {
  cancelInProgress?: boolean
  mode?: QueueMode
  /** Called when a newer arrival cancels this holder while it runs (cancel-in-progress: true). */
  onCancel?: (reason: string) => void
}

interface Entry {
  holder: QueueHolder
  group: string
  admit: (admission: Admission) => void
  onCancel: (reason: string) => void
  /** Released, or cancelled before it ran. */
  done: boolean
  /** Cancelled while running: it still holds the group until it releases it. */
  cancelled: boolean
}

interface Group {
  running?: Entry
  pending: Entry[]
}

/** GitHub's message for a job or run that a newer one in its group replaced. */
export function supersededReason(group: string): string {
  return `Canceling since a higher priority waiting request for '${group}' exists`
}

export class GitHubQueue {
  /** Every change of state, in order. */
  readonly events: QueueEvent[] = []
  private readonly groups = new Map<string, Group>()
  private readonly waiters: Array<{ match: (e: QueueEvent) => boolean; resolve: (e: QueueEvent) => void }> = []

  /** Joins `group` now: runs at once when the group is free, otherwise waits under GitHub's rules. */
  enter(group: string, holder: QueueHolder, options: EnterOptions = {}): QueueTicket {
    const key = group.toLowerCase()
    let state = this.groups.get(key)
    if (!state) this.groups.set(key, (state = { pending: [] }))
    let admit!: (admission: Admission) => void
    const admitted = new Promise<Admission>((resolve) => (admit = resolve))
    const entry: Entry = { holder, group, admit, onCancel: options.onCancel ?? (() => {}), done: false, cancelled: false }
    const reason = supersededReason(group)
    if (options.cancelInProgress && state.running && !state.running.cancelled) {
      state.running.cancelled = true
      state.running.onCancel(reason)
      this.emit(state.running, 'cancelled', reason)
    }
    if (!state.running) {
      state.running = entry
      this.emit(entry, 'running')
      admit({ state: 'running' })
    } else if ((options.mode ?? 'single') === 'max' && !options.cancelInProgress) {
      if (state.pending.length >= MAX_PENDING) {
        entry.done = true
        const full = `the concurrency group '${group}' already has ${MAX_PENDING} pending jobs or runs`
        this.emit(entry, 'cancelled', full)
        admit({ state: 'cancelled', reason: full })
      } else {
        state.pending.push(entry)
        this.emit(entry, 'pending')
      }
    } else {
      for (const older of state.pending.splice(0)) this.cancelPending(older, reason)
      state.pending.push(entry)
      this.emit(entry, 'pending')
    }
    return { admitted, release: () => this.release(key, entry) }
  }

  /** Resolves with the first event (already past, or to come) that has every given field. */
  until(match: Partial<QueueEvent>): Promise<QueueEvent> {
    const test = (e: QueueEvent) => Object.entries(match).every(([k, v]) => JSON.stringify(e[k as keyof QueueEvent]) === JSON.stringify(v))
    const past = this.events.find(test)
    if (past) return Promise.resolve(past)
    return new Promise((resolve) => this.waiters.push({ match: test, resolve }))
  }

  /** Who runs and who waits in a group now. */
  holders(group: string): { running?: QueueHolder; pending: QueueHolder[] } {
    const state = this.groups.get(group.toLowerCase())
    return { ...(state?.running ? { running: state.running.holder } : {}), pending: (state?.pending ?? []).map((e) => e.holder) }
  }

  private cancelPending(entry: Entry, reason: string): void {
    entry.done = true
    this.emit(entry, 'cancelled', reason)
    entry.admit({ state: 'cancelled', reason })
  }

  private release(key: string, entry: Entry): void {
    const state = this.groups.get(key)
    if (!state) return
    if (state.running === entry) {
      entry.done = true
      state.running = undefined
      this.emit(entry, 'released')
      const next = state.pending.shift()
      if (next) {
        state.running = next
        this.emit(next, 'running')
        next.admit({ state: 'running' })
      }
    } else {
      const index = state.pending.indexOf(entry)
      if (index >= 0) state.pending.splice(index, 1)
    }
    if (!state.running && state.pending.length === 0) this.groups.delete(key)
  }

  private emit(entry: Entry, state: QueueState, reason?: string): void {
    const event: QueueEvent = { ...entry.holder, group: entry.group, state, ...(reason ? { reason } : {}) }
    this.events.push(event)
    for (let i = 0; i < this.waiters.length; i++) {
      const waiter = this.waiters[i]!
      if (waiter.match(event)) {
        this.waiters.splice(i--, 1)
        waiter.resolve(event)
      }
    }
  }
}

import { ConfigurationError, silentLogger, type Logger } from '@tierdeploy/catalog'
import type { Git } from './git.js'

/** How a workflow gets the history change detection needs. */
export const FETCH_DEPTH_HINT = 'check out with actions/checkout and `fetch-depth: 0` so the history is there'

export interface HistoryOptions {
  /** The remote to fetch missing commits from. Default `origin`. */
  remote?: string
  /** Commits added per deepening round; after the last round the clone is unshallowed. */
  deepenSteps?: number[]
  log?: Logger
}

/**
 * Commits and merge bases, fetching what a shallow clone lacks. actions/checkout clones one commit by default,
 * so the base of a push or pull request is usually missing: this fetches it by SHA, then deepens both sides
 * until they meet (doubling steps, then --unshallow). When fetching is impossible it fails with a message
 * saying to use `fetch-depth: 0`: reporting nothing (or everything) as changed would deploy the wrong thing.
 */
export class History {
  private readonly remote: string
  private readonly steps: number[]
  private readonly log: Logger

  constructor(readonly git: Git, options: HistoryOptions = {}) {
    this.remote = options.remote ?? 'origin'
    this.steps = options.deepenSteps ?? [50, 200, 1000]
    this.log = options.log ?? silentLogger
  }

  /** The commit a user-given ref names, fetched when this clone lacks it; a ConfigurationError naming it otherwise. */
  async commit(ref: string, label: string): Promise<string> {
    if (ref.startsWith('-')) throw new ConfigurationError(`${label} '${ref}' is not a git ref (it starts with '-')`)
    const found = (await this.git.commitOf(ref)) ?? (await this.fetchCommit(ref))
    if (found) return found
    const shallow = await this.git.isShallow()
    throw new ConfigurationError(
      `${label} '${ref}' is not a commit in this repository${shallow ? ` (the clone is shallow and '${ref}' could not be fetched from ${this.remote}: ${FETCH_DEPTH_HINT})` : ' (check the branch, tag or SHA)'}`,
    )
  }

  /**
   * The commit if this clone has it or can fetch it; undefined when the remote no longer has it (a
   * force-pushed-away `before`). When a shallow clone cannot reach its remote, a missing commit says nothing
   * about a force push, so that fails instead of guessing.
   */
  async tryCommit(sha: string, label = sha): Promise<string | undefined> {
    const found = (await this.git.commitOf(sha)) ?? (await this.fetchCommit(sha))
    if (found) return found
    // A full clone lacks only commits no branch reaches any more; a shallow one may just not have fetched it.
    if ((await this.git.isShallow()) && !(await this.git.reachable(this.remote))) {
      throw new ConfigurationError(`${label} (${sha.slice(0, 12)}) is not in this clone and ${this.remote} cannot be reached to fetch it: ${FETCH_DEPTH_HINT}`)
    }
    return undefined
  }

  /** The tip of the default branch on the remote, fetched when the clone has only the checked-out ref. */
  async defaultBranch(branch: string): Promise<string> {
    const tracking = `refs/remotes/${this.remote}/${branch}`
    const have = await this.git.commitOf(tracking)
    if (have) return have
    const shallow = await this.git.isShallow()
    const fetched = await this.git.fetch([...(shallow ? ['--depth=1'] : []), this.remote, `+refs/heads/${branch}:${tracking}`])
    if (fetched.ok) {
      const sha = await this.git.commitOf(tracking)
      if (sha) return sha
    }
    const local = await this.git.commitOf(`refs/heads/${branch}`)
    if (local) return local
    throw new ConfigurationError(
      `default branch '${branch}' is not in this clone and could not be fetched from ${this.remote}${fetched.message ? ` (${fetched.message})` : ''}: set the 'default-branch' input, or ${FETCH_DEPTH_HINT}`,
    )
  }

  /** Whether `ancestor` is in the history of `descendant`, deepening a shallow clone to find out. */
  async isAncestor(ancestor: string, descendant: string): Promise<boolean> {
    return (await this.mergeBase(ancestor, descendant, 'base', 'head')) === ancestor
  }

  /** The merge base of two commits this clone has, deepening a shallow clone until their histories meet. */
  async mergeBase(a: string, b: string, labelA = a, labelB = b): Promise<string> {
    for (let round = 0; ; round++) {
      const base = await this.git.mergeBase(a, b)
      if (base) return base
      if (!(await this.git.isShallow())) {
        throw new ConfigurationError(`${labelA} (${a.slice(0, 12)}) and ${labelB} (${b.slice(0, 12)}) share no history, so there is no change between them to detect: pass a base that is an ancestor of the head`)
      }
      const step = this.steps[round]
      const args = step !== undefined ? [`--deepen=${step}`, this.remote, a, b] : ['--unshallow', this.remote]
      this.log.info(step !== undefined ? `shallow clone: fetching ${step} more commits of history to find where ${labelA} and ${labelB} meet` : 'shallow clone: fetching the whole history')
      const fetched = await this.git.fetch(args)
      if (!fetched.ok) {
        throw new ConfigurationError(`the clone is shallow and the history between ${labelA} (${a.slice(0, 12)}) and ${labelB} (${b.slice(0, 12)}) could not be fetched from ${this.remote}${fetched.message ? ` (${fetched.message})` : ''}: ${FETCH_DEPTH_HINT}`)
      }
      if (step === undefined && (await this.git.isShallow())) {
        throw new ConfigurationError(`the clone is still shallow after fetching its whole history from ${this.remote}: ${FETCH_DEPTH_HINT}`)
      }
    }
  }

  private async fetchCommit(ref: string): Promise<string | undefined> {
    // Only full SHAs and names the remote knows can be fetched; one commit is enough, history comes later.
    const shallow = await this.git.isShallow()
    const fetched = await this.git.fetch([...(shallow ? ['--depth=1'] : []), this.remote, ref])
    if (!fetched.ok) {
      this.log.debug(`could not fetch ${ref} from ${this.remote}: ${fetched.message}`)
      return undefined
    }
    this.log.info(`fetched ${ref} from ${this.remote}`)
    return (await this.git.commitOf(ref)) ?? (await this.git.commitOf('FETCH_HEAD'))
  }
}

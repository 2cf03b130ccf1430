import { ConfigurationError } from '@tierdeploy/catalog'

/** The event that started the workflow: GITHUB_EVENT_NAME and the parsed GITHUB_EVENT_PATH file. */
export interface GitHubEvent {
  name: string
  payload: Record<string, unknown>
}

export interface RangeInputs {
  /** An explicit base (input or flag): overrides the event. */
  base?: string
  /** An explicit head: overrides the event. */
  head?: string
  /** The repository's default branch; defaults to the event's repository.default_branch. */
  defaultBranch?: string
  /** The checked-out commit (GITHUB_SHA), the head when the event names none. */
  sha?: string
  /**
   * With an explicit `base`: compare from where head left it (`git merge-base`), to review what a branch
   * changes, instead of comparing base's tree with head's (what a deploy needs).
   */
  mergeBase?: boolean
}

/** The git effects choosing a range needs (History implements them, fetching what a shallow clone lacks). */
export interface RangeEffects {
  /** The commit a user-given ref names, or a ConfigurationError naming the ref and `label`. */
  commit(ref: string, label: string): Promise<string>
  /** The commit if it can be had; undefined when it is gone (force-pushed away). */
  tryCommit(sha: string, label?: string): Promise<string | undefined>
  mergeBase(a: string, b: string, labelA?: string, labelB?: string): Promise<string>
  /** The tip of the default branch. */
  defaultBranch(branch: string): Promise<string>
}

/**
 * How the two commits are compared:
 * - `trees`: `git diff BASE HEAD`, the tree that is (or was) deployed against the tree that will be. Every file
 *   that differs counts, whatever the history between them (a force push, a revert, a rollback);
 * - `merge-base`: from where head left base (`git merge-base`), what a pull request or merge queue entry itself
 *   changes, ignoring what its base branch gained since. For review only: a deploy that compared this way would
 *   leave code that is deployed but not in head running unseen (issue 13).
 */
export type Comparison = 'trees' | 'merge-base'

/**
 * What to compare:
 * - `changes`: the files changed from `base` to `head` decide (`base` is the merge base when `comparison` is
 *   `merge-base`);
 * - `everything`: there is nothing to compare with, so every service is affected (first push of the default
 *   branch, or a previous tip that is gone);
 * - `inputs`: the event does not describe a change (workflow_dispatch, schedule): inputs choose what deploys.
 */
export type ChangeRange =
  | { mode: 'changes'; base: string; head: string; comparison: Comparison; why: string }
  | { mode: 'everything'; head: string; why: string }
  | { mode: 'inputs'; why: string }

export const ZERO_SHA = /^0{40}$|^0{64}$/

type Payload = Record<string, unknown>

function field(payload: unknown, ...path: string[]): string | undefined {
  let v: unknown = payload
  for (const key of path) v = v !== null && typeof v === 'object' ? (v as Payload)[key] : undefined
  return typeof v === 'string' && v !== '' ? v : undefined
}

/**
 * Decides which commits to compare for an event, and how (docs/changes.md has the table). Pure over the payload;
 * git is reached only through `git`.
 *
 * A deploy compares trees: what is deployed against what will be. So:
 * - an explicit `base` is compared tree to tree with head (`mergeBase` opts into the review comparison);
 * - push: `before` → `after`, tree to tree, force pushes included (`before` need not be an ancestor: a deployed
 *   commit that was force-pushed away still differs from `after`, and those files must redeploy);
 * - push whose `before` is gone from the repository: the deployed tree cannot be read, so everything;
 * - first push of the default branch (`before` all zeros): everything;
 * - first push of another branch: nothing was deployed from it, so the default branch's tip → `after`;
 * - pull_request and merge_group review a change: from the merge base of their base and head;
 * - a pushed tag, a deleted branch, workflow_dispatch, schedule and others: no change-based selection.
 */
export async function chooseRange(event: GitHubEvent | undefined, inputs: RangeInputs, git: RangeEffects): Promise<ChangeRange> {
  const payload = event?.payload ?? {}
  const defaultBranch = inputs.defaultBranch ?? field(payload, 'repository', 'default_branch')
  const needDefault = (): string => {
    if (defaultBranch) return defaultBranch
    throw new ConfigurationError(`the event names no default branch (repository.default_branch): set the 'default-branch' input`)
  }
  const eventHead = eventHeadSha(event) ?? inputs.sha

  if (inputs.base !== undefined) {
    const head = await git.commit(inputs.head ?? eventHead ?? 'HEAD', inputs.head !== undefined ? 'head' : 'the checked-out commit')
    const base = await git.commit(inputs.base, 'base')
    if (inputs.mergeBase) {
      return { mode: 'changes', base: await git.mergeBase(base, head, `base '${inputs.base}'`, 'head'), head, comparison: 'merge-base', why: `since head left ${inputs.base}` }
    }
    return { mode: 'changes', base, head, comparison: 'trees', why: `since ${inputs.base}` }
  }
  const explicitHead = inputs.head !== undefined ? await git.commit(inputs.head, 'head') : undefined

  switch (event?.name) {
    case 'push': {
      if (payload.deleted === true) return { mode: 'inputs', why: 'the push deleted the branch: nothing to deploy from it' }
      // A tag names a release, not a change: comparing it with the branch it was cut from finds nothing.
      if (field(payload, 'ref')?.startsWith('refs/tags/')) return { mode: 'inputs', why: `the push of tag ${field(payload, 'ref')!.slice('refs/tags/'.length)} is a release, not a change: the workflow's inputs choose what deploys` }
      const after = explicitHead ?? (await git.commit(field(payload, 'after') ?? eventHead ?? 'HEAD', 'the pushed commit (after)'))
      const before = field(payload, 'before')
      const branch = field(payload, 'ref')?.replace(/^refs\/heads\//, '')
      if (before === undefined || ZERO_SHA.test(before)) {
        if (branch !== undefined && branch === defaultBranch) {
          return { mode: 'everything', head: after, why: `first push of ${branch}: there is no earlier commit to compare with` }
        }
        const main = await git.defaultBranch(needDefault())
        return { mode: 'changes', base: main, head: after, comparison: 'trees', why: `first push of ${branch ?? 'a new branch'}: nothing was deployed from it yet, so compared with the tip of ${defaultBranch}` }
      }
      const previous = await git.tryCommit(before, 'the previous tip (before)')
      // No ancestry check: a force-pushed-away `before` is still what was deployed, and its tree is what to compare.
      if (previous) return { mode: 'changes', base: previous, head: after, comparison: 'trees', why: 'push: from the previous tip (before) to the pushed commit' }
      return {
        mode: 'everything',
        head: after,
        why: `the previous tip ${before.slice(0, 12)} (before) is no longer in the repository (force-pushed away): what it deployed cannot be compared, so every service counts as changed`,
      }
    }
    case 'pull_request':
    case 'pull_request_target': {
      const baseSha = field(payload, 'pull_request', 'base', 'sha')
      const headSha = field(payload, 'pull_request', 'head', 'sha')
      if (!baseSha || !headSha) throw new ConfigurationError(`the ${event.name} event has no pull_request.base.sha or head.sha: pass the 'base' and 'head' inputs`)
      const head = explicitHead ?? (await git.commit(headSha, 'the pull request head'))
      const base = await git.commit(baseSha, 'the pull request base')
      return { mode: 'changes', base: await git.mergeBase(base, head, 'the pull request base', 'its head'), head, comparison: 'merge-base', why: 'pull request: changes since it left its base branch' }
    }
    case 'merge_group': {
      const baseSha = field(payload, 'merge_group', 'base_sha')
      const headSha = field(payload, 'merge_group', 'head_sha')
      if (!baseSha || !headSha) throw new ConfigurationError(`the merge_group event has no merge_group.base_sha or head_sha: pass the 'base' and 'head' inputs`)
      const head = explicitHead ?? (await git.commit(headSha, 'the merge group head'))
      const base = await git.commit(baseSha, 'the merge group base')
      return { mode: 'changes', base: await git.mergeBase(base, head, 'the merge group base', 'its head'), head, comparison: 'merge-base', why: 'merge queue: changes of the queued pull requests' }
    }
    default:
      return { mode: 'inputs', why: `${event ? `the ${event.name} event` : 'this run'} does not describe a change: the workflow's inputs choose what deploys` }
  }
}

/** The commit an event names as its head (a push's after, a pull request's head); undefined for none or a zero SHA. */
export function eventHeadSha(event: GitHubEvent | undefined): string | undefined {
  if (!event) return undefined
  const p = event.payload
  const sha = field(p, 'after') ?? field(p, 'pull_request', 'head', 'sha') ?? field(p, 'merge_group', 'head_sha')
  return sha && !ZERO_SHA.test(sha) ? sha : undefined
}

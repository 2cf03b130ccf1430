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
}

/** The git effects choosing a range needs (History implements them, fetching what a shallow clone lacks). */
export interface RangeEffects {
  /** The commit a user-given ref names, or a ConfigurationError naming the ref and `label`. */
  commit(ref: string, label: string): Promise<string>
  /** The commit if it can be had; undefined when it is gone (force-pushed away). */
  tryCommit(sha: string, label?: string): Promise<string | undefined>
  isAncestor(ancestor: string, descendant: string): Promise<boolean>
  mergeBase(a: string, b: string, labelA?: string, labelB?: string): Promise<string>
  /** The tip of the default branch. */
  defaultBranch(branch: string): Promise<string>
}

/**
 * What to compare:
 * - `changes`: the files changed from `base` to `head` decide (base is already the point head diverged from);
 * - `everything`: there is nothing to compare with, so every service is affected (first push of the default branch);
 * - `inputs`: the event does not describe a change (workflow_dispatch, schedule): inputs choose what deploys.
 */
export type ChangeRange =
  | { mode: 'changes'; base: string; head: string; why: string }
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
 * Decides which commits to compare for an event. Pure over the payload; git is reached only through `git`.
 *
 * - explicit `base`/`head` override whatever the event says (the diff starts where head left base);
 * - push: `before`; the first push of a branch (`before` all zeros) or a force push (`before` gone or not an
 *   ancestor of `after`) compares with where the branch left the default branch instead, since `before`
 *   would report the wrong files (or none);
 * - pull_request: the merge base of the base and head SHAs, i.e. what the pull request itself changes;
 * - merge_group: its base_sha and head_sha;
 * - a pushed tag, workflow_dispatch, schedule and others: no change-based selection.
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
    return { mode: 'changes', base: await git.mergeBase(base, head, `base '${inputs.base}'`, 'head'), head, why: `since ${inputs.base}` }
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
      const onDefault = branch !== undefined && branch === defaultBranch
      if (before === undefined || ZERO_SHA.test(before)) {
        if (onDefault) {
          return { mode: 'everything', head: after, why: `first push of ${branch ?? 'the branch'}: there is no earlier commit to compare with` }
        }
        const main = await git.defaultBranch(needDefault())
        return { mode: 'changes', base: await git.mergeBase(main, after, `default branch '${defaultBranch}'`, 'the pushed commit'), head: after, why: `first push of ${branch ?? 'a new branch'}: changes since it left ${defaultBranch}` }
      }
      const previous = await git.tryCommit(before, 'the previous tip (before)')
      if (previous && (await git.isAncestor(previous, after))) return { mode: 'changes', base: previous, head: after, why: 'push: changes since the previous tip (before)' }
      // A force push: `before` was rewritten away (or is unreachable). Its diff against `after` would list the
      // rewritten commits' files, so compare with where the branch left the default branch instead.
      if (onDefault) {
        if (previous) return { mode: 'changes', base: await git.mergeBase(previous, after, 'the previous tip', 'the pushed commit'), head: after, why: `force push to ${branch}: changes since the old and new tips diverged` }
        return { mode: 'everything', head: after, why: `force push to ${branch}, whose previous tip is gone: nothing to compare with` }
      }
      const main = await git.defaultBranch(needDefault())
      return { mode: 'changes', base: await git.mergeBase(main, after, `default branch '${defaultBranch}'`, 'the pushed commit'), head: after, why: `force push: changes since ${branch ?? 'the branch'} left ${defaultBranch}` }
    }
    case 'pull_request':
    case 'pull_request_target': {
      const baseSha = field(payload, 'pull_request', 'base', 'sha')
      const headSha = field(payload, 'pull_request', 'head', 'sha')
      if (!baseSha || !headSha) throw new ConfigurationError(`the ${event.name} event has no pull_request.base.sha or head.sha: pass the 'base' and 'head' inputs`)
      const head = explicitHead ?? (await git.commit(headSha, 'the pull request head'))
      const base = await git.commit(baseSha, 'the pull request base')
      return { mode: 'changes', base: await git.mergeBase(base, head, 'the pull request base', 'its head'), head, why: 'pull request: changes since it left its base branch' }
    }
    case 'merge_group': {
      const baseSha = field(payload, 'merge_group', 'base_sha')
      const headSha = field(payload, 'merge_group', 'head_sha')
      if (!baseSha || !headSha) throw new ConfigurationError(`the merge_group event has no merge_group.base_sha or head_sha: pass the 'base' and 'head' inputs`)
      const head = explicitHead ?? (await git.commit(headSha, 'the merge group head'))
      const base = await git.commit(baseSha, 'the merge group base')
      return { mode: 'changes', base: await git.mergeBase(base, head, 'the merge group base', 'its head'), head, why: 'merge queue: changes of the queued pull requests' }
    }
    default:
      return { mode: 'inputs', why: `${event ? `the ${event.name} event` : 'this run'} does not describe a change: the workflow's inputs choose what deploys` }
  }
}

function eventHeadSha(event: GitHubEvent | undefined): string | undefined {
  if (!event) return undefined
  const p = event.payload
  const sha = field(p, 'after') ?? field(p, 'pull_request', 'head', 'sha') ?? field(p, 'merge_group', 'head_sha')
  return sha && !ZERO_SHA.test(sha) ? sha : undefined
}

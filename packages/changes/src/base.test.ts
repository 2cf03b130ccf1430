import { describe, expect, it } from 'vitest'
import { ConfigurationError } from '@tierdeploy/catalog'
import { chooseRange, type RangeEffects } from './base.js'

/**
 * The decision logic over event payloads, with a scripted history: commits a..e on main, f on a feature
 * branch forked at b. (The same decisions run against real repositories in detect.test.ts.)
 */
const parents: Record<string, string | undefined> = { a: undefined, b: 'a', c: 'b', d: 'c', e: 'd', f: 'b' }
const ancestors = (x: string): string[] => (x in parents ? [x, ...(parents[x] ? ancestors(parents[x]!) : [])] : [])
const history: RangeEffects = {
  commit: async (ref, label) => {
    if (ref in parents) return ref
    throw new ConfigurationError(`${label} '${ref}' is not a commit`)
  },
  tryCommit: async (sha) => (sha in parents ? sha : undefined),
  mergeBase: async (x, y) => ancestors(x).find((c) => ancestors(y).includes(c))!,
  defaultBranch: async (name) => {
    if (name !== 'main') throw new ConfigurationError(`no branch ${name}`)
    return 'e'
  },
}
const repository = { default_branch: 'main' }

describe('chooseRange', () => {
  it('compares before and after tree to tree for an ordinary push', async () => {
    expect(await chooseRange({ name: 'push', payload: { ref: 'refs/heads/main', before: 'c', after: 'e', repository } }, {}, history)).toMatchObject({ mode: 'changes', base: 'c', head: 'e', comparison: 'trees' })
  })

  it('compares a force push with the previous tip, never with the merge base', async () => {
    // d is not an ancestor of f (f forked at b): the deployed d still decides what differs.
    expect(await chooseRange({ name: 'push', payload: { ref: 'refs/heads/feature', before: 'd', after: 'f', repository } }, {}, history)).toMatchObject({ mode: 'changes', base: 'd', head: 'f', comparison: 'trees' })
    expect(await chooseRange({ name: 'push', payload: { ref: 'refs/heads/main', before: 'f', after: 'e', repository } }, {}, history)).toMatchObject({ mode: 'changes', base: 'f', head: 'e', comparison: 'trees' })
  })

  it('affects everything, saying why, when the previous tip is gone', async () => {
    for (const ref of ['refs/heads/main', 'refs/heads/feature']) {
      expect(await chooseRange({ name: 'push', payload: { ref, before: 'zz', after: 'e', repository } }, {}, history)).toMatchObject({ mode: 'everything', head: 'e', why: expect.stringContaining('previous tip zz (before) is no longer in the repository') })
    }
  })

  it('compares the first push of a branch with the tip of the default branch', async () => {
    expect(await chooseRange({ name: 'push', payload: { ref: 'refs/heads/feature', before: '0'.repeat(40), after: 'f', repository } }, {}, history)).toMatchObject({ mode: 'changes', base: 'e', head: 'f', comparison: 'trees' })
    expect(await chooseRange({ name: 'push', payload: { ref: 'refs/heads/main', before: '0'.repeat(40), after: 'e', repository } }, {}, history)).toMatchObject({ mode: 'everything' })
  })

  it('reviews a pull request and a merge queue entry from the merge base', async () => {
    expect(await chooseRange({ name: 'pull_request', payload: { pull_request: { base: { sha: 'e' }, head: { sha: 'f' } } } }, {}, history)).toMatchObject({ base: 'b', head: 'f', comparison: 'merge-base' })
    expect(await chooseRange({ name: 'merge_group', payload: { merge_group: { base_sha: 'c', head_sha: 'e' } } }, {}, history)).toMatchObject({ base: 'c', head: 'e', comparison: 'merge-base' })
  })

  it('takes the default branch from the input over the payload', async () => {
    const range = chooseRange({ name: 'push', payload: { ref: 'refs/heads/feature', before: '0'.repeat(40), after: 'f', repository } }, { defaultBranch: 'trunk' }, history)
    await expect(range).rejects.toThrow(/no branch trunk/)
  })

  it('asks for the default-branch input when the payload names none', async () => {
    await expect(chooseRange({ name: 'push', payload: { ref: 'refs/heads/feature', before: '0'.repeat(40), after: 'f' } }, {}, history)).rejects.toThrow(/'default-branch' input/)
  })

  it('selects by inputs when a push deletes the branch', async () => {
    expect(await chooseRange({ name: 'push', payload: { ref: 'refs/heads/feature', before: 'f', after: '0'.repeat(40), deleted: true, repository } }, {}, history)).toMatchObject({ mode: 'inputs' })
  })

  it('selects by inputs when a tag is pushed', async () => {
    expect(await chooseRange({ name: 'push', payload: { ref: 'refs/tags/v2.0.0', before: '0'.repeat(40), after: 'e', repository } }, {}, history)).toMatchObject({ mode: 'inputs', why: expect.stringContaining('tag v2.0.0') })
  })

  it('asks for base and head when a pull_request payload lacks its SHAs', async () => {
    await expect(chooseRange({ name: 'pull_request', payload: {} }, {}, history)).rejects.toThrow(/'base' and 'head' inputs/)
    await expect(chooseRange({ name: 'merge_group', payload: { merge_group: {} } }, {}, history)).rejects.toThrow(/'base' and 'head' inputs/)
  })

  it('uses an explicit head with the event base, and the checked-out SHA when the event names no head', async () => {
    expect(await chooseRange({ name: 'push', payload: { ref: 'refs/heads/main', before: 'b', after: 'e', repository } }, { head: 'd' }, history)).toMatchObject({ base: 'b', head: 'd' })
    expect(await chooseRange({ name: 'workflow_dispatch', payload: {} }, { base: 'b', sha: 'd' }, history)).toMatchObject({ mode: 'changes', base: 'b', head: 'd' })
  })

  it('compares an explicit base tree to tree, and from where head left it only when asked', async () => {
    expect(await chooseRange(undefined, { base: 'e', head: 'f' }, history)).toMatchObject({ mode: 'changes', base: 'e', head: 'f', comparison: 'trees' })
    expect(await chooseRange(undefined, { base: 'e', head: 'f', mergeBase: true }, history)).toMatchObject({ mode: 'changes', base: 'b', head: 'f', comparison: 'merge-base' })
    // An explicit base overrides a pull_request event's merge base too: a deploy names the commit it starts from.
    expect(await chooseRange({ name: 'pull_request', payload: { pull_request: { base: { sha: 'e' }, head: { sha: 'f' } } } }, { base: 'e' }, history)).toMatchObject({ base: 'e', head: 'f', comparison: 'trees' })
  })
})

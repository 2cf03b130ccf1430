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
  isAncestor: async (x, y) => ancestors(y).includes(x),
  mergeBase: async (x, y) => ancestors(x).find((c) => ancestors(y).includes(c))!,
  defaultBranch: async (name) => {
    if (name !== 'main') throw new ConfigurationError(`no branch ${name}`)
    return 'e'
  },
}
const repository = { default_branch: 'main' }

describe('chooseRange', () => {
  it('uses before..after for an ordinary push', async () => {
    expect(await chooseRange({ name: 'push', payload: { ref: 'refs/heads/main', before: 'c', after: 'e', repository } }, {}, history)).toMatchObject({ mode: 'changes', base: 'c', head: 'e' })
  })

  it('compares a force push of a branch with where it left the default branch', async () => {
    expect(await chooseRange({ name: 'push', payload: { ref: 'refs/heads/feature', before: 'd', after: 'f', repository } }, {}, history)).toMatchObject({ mode: 'changes', base: 'b', head: 'f' })
    expect(await chooseRange({ name: 'push', payload: { ref: 'refs/heads/feature', before: 'zz', after: 'f', repository } }, {}, history)).toMatchObject({ mode: 'changes', base: 'b', head: 'f' })
  })

  it('compares a force push of the default branch with where the old and new tips diverged', async () => {
    expect(await chooseRange({ name: 'push', payload: { ref: 'refs/heads/main', before: 'f', after: 'e', repository } }, {}, history)).toMatchObject({ mode: 'changes', base: 'b', head: 'e' })
    expect(await chooseRange({ name: 'push', payload: { ref: 'refs/heads/main', before: 'zz', after: 'e', repository } }, {}, history)).toMatchObject({ mode: 'everything', head: 'e' })
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

  it('starts an explicit base range where head left it', async () => {
    expect(await chooseRange(undefined, { base: 'e', head: 'f' }, history)).toMatchObject({ mode: 'changes', base: 'b', head: 'f' })
  })
})

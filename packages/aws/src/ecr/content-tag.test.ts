import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadCatalog, type Catalog } from '@tierdeploy/catalog'
import { detectChangedServices, gitRunner } from '@tierdeploy/changes'
import { createGitRepo, prng } from '@tierdeploy/testkit'
import { resolveBuildSource } from './build-source.js'
import { computeContentTag } from './content-tag.js'
import { spawnExec } from './exec.js'
import { createTestRepo, editOf, generateBuildRepo, pivotalFiles, randomChange, type TestRepo } from './test-repo.js'

let repo: TestRepo
beforeEach(() => { repo = createTestRepo() })
afterEach(() => repo.cleanup())

async function tagOf(name: string, templateText = 'FROM node') {
  const catalog = await repo.catalog()
  const source = resolveBuildSource(catalog, catalog.services.get(name)!, (p) => existsSync(join(repo.root, p)))
  return computeContentTag(source, { exec: spawnExec, root: repo.root, templateText })
}

describe('computeContentTag', () => {
  it('hashes the build context, its libraries (transitively) and the global paths, marking absent ones', async () => {
    const { tag, parts } = await tagOf('auth')
    expect(tag).toMatch(/^tree-[0-9a-f]{40}$/)
    expect(parts.map((p) => p.path)).toEqual(['.nvmrc', 'libs/crypto', 'libs/shared', 'package-lock.json', 'services/auth'])
    expect(parts.find((p) => p.path === '.nvmrc')!.object).toBe('absent')
    expect(parts.find((p) => p.path === 'services/auth')!.object).toMatch(/^[0-9a-f]{40}$/)
  })

  it('keeps the tag across commits that do not touch the service, its libraries or global paths', async () => {
    const before = await tagOf('auth')
    repo.write({ 'services/invoice/src/index.ts': 'changed\n', 'libs/other/index.ts': 'changed\n', 'README.md': 'docs\n' })
    repo.commit()
    expect((await tagOf('auth')).tag).toBe(before.tag)
  })

  it('changes the tag when a transitive library, a global path or the service itself changes, and returns on revert', async () => {
    const original = (await tagOf('auth')).tag
    repo.write({ 'libs/crypto/index.ts': 'export const crypto = 2\n' })
    repo.commit()
    const afterLibrary = (await tagOf('auth')).tag
    expect(afterLibrary).not.toBe(original)
    repo.write({ '.nvmrc': '20\n' })
    repo.commit()
    const afterGlobal = (await tagOf('auth')).tag
    expect(afterGlobal).not.toBe(afterLibrary)
    repo.write({ 'libs/crypto/index.ts': 'export const crypto = 1\n' })
    repo.remove('.nvmrc')
    repo.commit('revert')
    expect((await tagOf('auth')).tag).toBe(original)
  })

  it('ignores uncommitted changes (CI builds what is committed)', async () => {
    const before = (await tagOf('auth')).tag
    repo.write({ 'services/auth/src/index.ts': 'dirty\n' })
    expect((await tagOf('auth')).tag).toBe(before)
  })

  it('changes with the bundled template text and with build args', async () => {
    const a = (await tagOf('payment', 'FROM python:3.11-slim')).tag
    expect((await tagOf('payment', 'FROM python:3.12-slim')).tag).not.toBe(a)
    repo.write({ 'catalog/services.yaml': (await import('./test-repo.js')).CATALOG_YAML.replace('APP_MODULE: "wsgi:app"', 'APP_MODULE: "main:app"') })
    repo.commit()
    expect((await tagOf('payment', 'FROM python:3.11-slim')).tag).not.toBe(a)
  })

  it('changes with the target platform', async () => {
    const catalog = await repo.catalog()
    const source = resolveBuildSource(catalog, catalog.services.get('auth')!, (p) => existsSync(join(repo.root, p)))
    const amd = await computeContentTag(source, { exec: spawnExec, root: repo.root, platform: 'linux/amd64' })
    const arm = await computeContentTag(source, { exec: spawnExec, root: repo.root, platform: 'linux/arm64' })
    expect(amd.tag).not.toBe(arm.tag)
  })

  it('includes a Dockerfile kept outside the context', async () => {
    const before = (await tagOf('notification')).tag
    repo.write({ 'docker/notification.Dockerfile': 'FROM node:22-slim\n' })
    repo.commit()
    expect((await tagOf('notification')).tag).not.toBe(before)
  })

  it('refuses a directory that is not a git checkout', async () => {
    const { tempDir } = await import('@tierdeploy/testkit')
    const plain = tempDir()
    const catalog = await repo.catalog()
    const source = resolveBuildSource(catalog, catalog.services.get('auth')!, () => true)
    await expect(computeContentTag(source, { exec: spawnExec, root: plain.dir })).rejects.toThrow(/is not a git checkout with a commit/)
    plain.cleanup()
  })

  it('refuses a build context that is not committed', async () => {
    repo.write({ 'services/auth2/x': '1' })
    const catalog = await repo.catalog()
    const source = { ...resolveBuildSource(catalog, catalog.services.get('auth')!, () => true), context: 'services/auth2' }
    await expect(computeContentTag(source, { exec: spawnExec, root: repo.root })).rejects.toThrow(/build context 'services\/auth2' of auth is not committed at HEAD/)
  })
})

describe('the content tag and change detection (issue 13)', () => {
  /** Content tags of every deployable service at the repository's HEAD (its working tree is at HEAD). */
  async function tags(root: string, catalog: Catalog): Promise<Map<string, string>> {
    const services = [...catalog.services.values()].filter((s) => s.kind === 'service' && !s.disabled)
    const computed = await Promise.all(services.map(async (s) => {
      const source = resolveBuildSource(catalog, s, (p) => existsSync(join(root, p)))
      return [s.name, (await computeContentTag(source, { exec: spawnExec, root, templateText: 'FROM node', platform: 'linux/amd64' })).tag] as const
    }))
    return new Map(computed)
  }

  // Generated repositories put through single-file changes: an edit of each file the rules turn on (Dockerfiles,
  // docker ignore files, libraries, watched and global files), then random edits, new files and deletions. Never
  // the catalog, whose definition changes are a rule of their own. After each change, the services change detection
  // affects must be exactly those whose content tag changed.
  for (const seed of [1, 2, 3, 4]) {
    it(`affects a service exactly when its content tag changes (generated repository, seed ${seed})`, async () => {
      const generated = generateBuildRepo(seed)
      const git = createGitRepo(generated.files)
      try {
        const { catalog } = await loadCatalog({ dir: join(git.dir, 'catalog') })
        const files = { ...generated.files }
        const random = prng(seed * 7919)
        const steps = [...pivotalFiles(files).map((path) => () => editOf(random, path)), ...Array.from({ length: 8 }, () => () => randomChange(random, files, generated.protected))]
        let before = await tags(git.dir, catalog)
        let retaggedSteps = 0
        for (const [step, next] of steps.entries()) {
          const change = next()
          const base = git.sha()
          const head = git.commit(`step ${step}`, change.write, change.remove)
          Object.assign(files, change.write)
          for (const p of change.remove) delete files[p]
          const [detected, after] = await Promise.all([detectChangedServices({ catalog, git: gitRunner(git.dir), base, head }), tags(git.dir, catalog)])
          const retagged = [...after.keys()].filter((name) => after.get(name) !== before.get(name)).sort()
          const what = JSON.stringify({ seed, step, change, reasons: detected.reasons })
          expect(detected.deleted, what).toEqual([])
          expect(detected.services, what).toEqual(retagged)
          if (retagged.length) retaggedSteps++
          before = after
        }
        // The changes must exercise something, or the comparison proves nothing.
        expect(retaggedSteps).toBeGreaterThan(steps.length / 2)
      } finally {
        git.cleanup()
      }
    }, 180_000)
  }
})

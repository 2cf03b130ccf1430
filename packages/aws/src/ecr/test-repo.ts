import { execFileSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { loadCatalog, type Catalog } from '@tierdeploy/catalog'
import { prng, tempDir, writeFiles } from '@tierdeploy/testkit'

/** A git repository in a temp dir holding a catalog and service code, for build-push tests. */
export interface TestRepo {
  root: string
  write(files: Record<string, string>): void
  remove(path: string): void
  commit(message?: string): string
  catalog(): Promise<Catalog>
  cleanup(): void
}

export const CATALOG_YAML = `version: 1
platform: invoxa
tiers:
  - { id: 1, name: core }
globalPaths: [package-lock.json, .nvmrc]
defaults:
  build: { template: node }
services:
  shared-lib:
    kind: library
    path: libs/shared
    dependsOn: [crypto-lib]
  crypto-lib:
    kind: library
    path: libs/crypto
  other-lib:
    kind: library
    path: libs/other
  auth:
    path: services/auth
    tier: 1
    dependsOn: [shared-lib]
    ecr: { create: true }
  invoice:
    path: services/invoice
    tier: 1
    dependsOn: [auth, other-lib]
  payment:
    path: services/payment
    tier: 1
    build: { template: python, args: { APP_MODULE: "wsgi:app" } }
    ecr: { repository: invoxa-payments }
  notification:
    path: services/notification
    tier: 1
    build: { dockerfile: docker/notification.Dockerfile, context: "." }
`

export function createTestRepo(files: Record<string, string> = {}): TestRepo {
  const { dir: root, cleanup } = tempDir('tierdeploy-build-')
  const git = (...args: string[]): string =>
    execFileSync('git', args, { cwd: root, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' } }).trim()
  git('init', '-q', '-b', 'main')
  writeFiles(root, {
    'catalog/services.yaml': CATALOG_YAML,
    'package-lock.json': '{"lockfileVersion":3}\n',
    'libs/shared/index.ts': 'export const shared = 1\n',
    'libs/crypto/index.ts': 'export const crypto = 1\n',
    'libs/other/index.ts': 'export const other = 1\n',
    'services/auth/package.json': '{"name":"auth"}\n',
    'services/auth/src/index.ts': 'console.log("auth")\n',
    'services/invoice/package.json': '{"name":"invoice"}\n',
    'services/invoice/Dockerfile': 'FROM node:20-slim\nUSER node\n',
    'services/payment/requirements.txt': 'flask==3.0.0\n',
    'services/payment/app.py': 'app = None\n',
    'services/notification/package.json': '{"name":"notification"}\n',
    'docker/notification.Dockerfile': 'FROM node:20-slim\n',
    ...files,
  })
  const repo: TestRepo = {
    root,
    write: (more) => writeFiles(root, more),
    remove: (path) => rmSync(join(root, path), { recursive: true, force: true }),
    commit: (message = 'change') => {
      git('add', '-A')
      git('commit', '-q', '--allow-empty', '-m', message)
      return git('rev-parse', 'HEAD')
    },
    catalog: async () => (await loadCatalog({ dir: join(root, 'catalog') })).catalog,
    cleanup,
  }
  repo.commit('initial')
  return repo
}

/**
 * A random but reproducible repository for comparing change detection with the content tag: libraries (one
 * depending on another, some with watch globs), services nested in others, services with a Dockerfile, with the
 * bundled template, with `build.dockerfile` under docker/, with a build context of the whole repository or of
 * services/, watch and ignore globs, global paths, and .dockerignore files at the root, in services/ and beside
 * Dockerfiles. `protected` files are never deleted by randomChange: the service directories' last files and the
 * Dockerfiles the catalog names (without them the service cannot be built, so it has no content tag).
 */
export interface GeneratedBuildRepo {
  files: Record<string, string>
  protected: Set<string>
}

const IGNORE_LINES = ['**/*.log', 'tools', 'services/*', '!services/s1', 'docs', '*.md', 'libs/lib-0', 'services/s2/src', '**/notes.txt', '!**/keep.log']

export function generateBuildRepo(seed: number): GeneratedBuildRepo {
  const random = prng(seed)
  const chance = (p: number): boolean => random() < p
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!
  const ignoreFile = (): string => `${Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(IGNORE_LINES)).join('\n')}\n`
  const files: Record<string, string> = {
    'package-lock.json': '{}\n',
    'config/app.json': '{}\n',
    'config/nested/deep.json': '{}\n',
    'tools/build.sh': 'echo\n',
    'docs/guide.md': '# guide\n',
    'README.md': '# repo\n',
    'api/orders.proto': 'syntax = "proto3";\n',
    // Beside watched schemas and contracts, ones no service watches.
    'schemas/other/v1.json': '{}\n',
    'contracts/other.json': '{}\n',
  }
  const keep = new Set<string>()
  const lines = ['version: 1', 'platform: generated', 'tiers:', '  - { id: 1, name: core }', 'globalPaths: [package-lock.json, "config/*.json"]', 'defaults:', '  build: { template: node }']
  if (chance(0.7)) lines.push('  ignore: ["**/*.md"]')
  lines.push('services:')
  const libraries = 2 + Math.floor(random() * 2)
  for (let l = 0; l < libraries; l++) {
    lines.push(`  lib-${l}:`, '    kind: library', `    path: libs/lib-${l}`)
    if (l > 0 && chance(0.6)) lines.push(`    dependsOn: [lib-${l - 1}]`)
    if (chance(0.4)) {
      lines.push(`    watch: ["proto/lib-${l}/**"]`)
      files[`proto/lib-${l}/a.proto`] = 'v1\n'
    }
    files[`libs/lib-${l}/index.ts`] = 'v1\n'
    files[`libs/lib-${l}/README.md`] = '# lib\n'
  }
  const count = 4 + Math.floor(random() * 3)
  for (let i = 0; i < count; i++) {
    const path = i > 0 && chance(0.25) ? `services/s0/sub${i}` : `services/s${i}`
    lines.push(`  s${i}:`, `    path: ${path}`, '    tier: 1')
    const deps = Array.from({ length: libraries }, (_, l) => `lib-${l}`).filter(() => chance(0.35))
    if (deps.length) lines.push(`    dependsOn: [${deps.join(', ')}]`)
    const build = random()
    if (build < 0.35) {
      if (chance(0.6)) files[`${path}/Dockerfile`] = 'FROM node:20\n'
    } else if (build < 0.55) {
      lines.push(`    build: { dockerfile: docker/s${i}.Dockerfile }`)
      files[`docker/s${i}.Dockerfile`] = 'FROM node:20\n'
      keep.add(`docker/s${i}.Dockerfile`)
    } else if (build < 0.8) {
      lines.push(`    build: { context: ".", dockerfile: docker/s${i}.Dockerfile }`)
      files[`docker/s${i}.Dockerfile`] = 'FROM node:20\nCOPY . .\n'
      keep.add(`docker/s${i}.Dockerfile`)
      if (chance(0.4)) files[`docker/s${i}.Dockerfile.dockerignore`] = ignoreFile()
    } else {
      lines.push('    build: { context: services }')
      files['services/Dockerfile'] = 'FROM node:20\nCOPY . .\n'
    }
    const watch = random()
    if (watch < 0.15) {
      lines.push(`    watch: ["schemas/s${i}/**"]`)
      files[`schemas/s${i}/v1.json`] = '{}\n'
    } else if (watch < 0.25) {
      lines.push(`    watch: [contracts/s${i}.json]`)
      files[`contracts/s${i}.json`] = '{}\n'
    } else if (watch < 0.32) lines.push('    watch: ["**/*.proto"]')
    if (chance(0.3)) lines.push('    ignore: ["docs/**"]')
    files[`${path}/src/index.ts`] = 'v1\n'
    keep.add(`${path}/src/index.ts`)
    files[`${path}/README.md`] = '# s\n'
    files[`${path}/docs/notes.txt`] = 'notes\n'
    files[`${path}/app.log`] = 'log\n'
  }
  if (chance(0.6)) files['.dockerignore'] = ignoreFile()
  if (chance(0.5)) files['services/.dockerignore'] = ignoreFile()
  files['catalog/services.yaml'] = `${lines.join('\n')}\n`
  return { files, protected: keep }
}

const NEW_NAMES = ['a.ts', 'b.md', 'c.log', 'keep.log', 'd.json', 'e.proto', 'Dockerfile', '.dockerignore', 'notes.txt']
const NEW_DIRS = ['newdir', 'services/new', 'docker', 'services', '.']

export interface FileChangeStep {
  write: Record<string, string>
  remove: string[]
}

/** New content for a file: random text, or random patterns for a docker ignore file. */
function changedContent(random: () => number, path: string): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!
  return path.endsWith('.dockerignore') ? `${pick(IGNORE_LINES)}\n${pick(IGNORE_LINES)}\n` : `${random().toString(36).slice(2)}\n`
}

/**
 * The files the rules turn on (Dockerfiles, docker ignore files, libraries, watched and global files): a uniform
 * pick among all files would seldom reach them, so the agreement test edits each of them once.
 */
export function pivotalFiles(files: Record<string, string>): string[] {
  return Object.keys(files).filter((p) => !p.startsWith('catalog/') && /Dockerfile|\.dockerignore|^(docker|libs|proto|schemas|contracts|config)\/|\.proto$/.test(p)).sort()
}

/** An edit of one existing file. */
export function editOf(random: () => number, path: string): FileChangeStep {
  return { write: { [path]: changedContent(random, path) }, remove: [] }
}

/** One random change to one file of `files` (never under catalog/): an edit, a new file, or a deletion. */
export function randomChange(random: () => number, files: Record<string, string>, keep: ReadonlySet<string>): FileChangeStep {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!
  const existing = Object.keys(files).filter((p) => !p.startsWith('catalog/')).sort()
  const kind = random()
  if (kind < 0.4) return editOf(random, pick(existing))
  const deletable = existing.filter((p) => !keep.has(p))
  if (kind < 0.75 || deletable.length === 0) {
    const dirs = [...new Set([...existing.map((p) => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '.')), ...NEW_DIRS])].sort()
    const dir = pick(dirs)
    const path = dir === '.' ? pick(NEW_NAMES) : `${dir}/${pick(NEW_NAMES)}`
    return { write: { [path]: changedContent(random, path) }, remove: [] }
  }
  return { write: {}, remove: [pick(deletable)] }
}

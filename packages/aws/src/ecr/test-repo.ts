import { execFileSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { loadCatalog, type Catalog } from '@tierdeploy/catalog'
import { tempDir, writeFiles } from '@tierdeploy/testkit'

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

/**
 * The users' repository layout (issue 17), generated for tests and benchmarks: 79 service directories, of which
 * the gateway's code is nested one level down, five are empty, one is the shared library, one a separate Next.js
 * project; Node and Python services, Dockerfiles with EXPOSE and without, `.env.example` files with cross-service
 * URLs, and a docker-compose.yml with depends_on and two data stores.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

export interface ExpectedEntry {
  path?: string
  kind: 'service' | 'library' | 'infrastructure'
  /** Written dependencies, sorted. */
  dependsOn: string[]
  port?: number
  template?: 'node' | 'python'
}

export interface UsersLayout {
  files: Record<string, string>
  /** What discovery must find: every entry by name. */
  expected: Record<string, ExpectedEntry>
  /** Directories (and compose services) left out, by reason. */
  skipped: Record<string, string>
}

const P = 'indigenious'
/** Domain words for the generated services beyond the named ones: 56 of them make 79 directories. */
const DOMAINS = [
  'inventory', 'pricing', 'search', 'reporting', 'audit', 'billing', 'invoice', 'contract', 'compliance', 'vendor',
  'supplier', 'catalogue', 'procurement', 'tender', 'bid', 'award', 'grant', 'community', 'nation', 'language',
  'events', 'calendar', 'messaging', 'email', 'sms', 'push', 'feed', 'profile', 'settings', 'preferences',
  'geo', 'maps', 'tax', 'currency', 'exchange', 'ledger', 'escrow', 'dispute', 'rating', 'review',
  'survey', 'forms', 'workflow', 'scheduler', 'jobs', 'export', 'import', 'media', 'thumbnail', 'translation',
  'verification', 'kyc', 'risk', 'fraud', 'insights', 'recommendation',
]

const svc = (short: string): string => `${P}-${short}-service`
const nodePackage = (name: string, deps: Record<string, string> = {}, start = true): string =>
  `${JSON.stringify({ name: `@${P}/${name}`, version: '1.0.0', private: true, ...(start ? { scripts: { start: 'node dist/index.js', build: 'tsc' } } : { main: 'dist/index.js' }), dependencies: { express: '^4.19.0', ...deps } }, null, 2)}\n`
const nodeDockerfile = (port: number): string => `FROM node:20-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev\nEXPOSE ${port}\nCMD ["node", "dist/index.js"]\n`
const SHARED = { [`@${P}/shared-libs`]: '*' }

export function usersLayout(): UsersLayout {
  const files: Record<string, string> = {}
  const expected: Record<string, ExpectedEntry> = {}
  const skipped: Record<string, string> = {}
  const add = (entries: Record<string, string>): void => void Object.assign(files, entries)

  // The repository root: npm workspaces, one lockfile, Terraform, docs and scripts (not services).
  add({
    'package.json': `${JSON.stringify({ name: `${P}-platform`, private: true, workspaces: ['*', `${P}-gateway-service/*`] }, null, 2)}\n`,
    'package-lock.json': '{}\n',
    'terraform/main.tf': 'terraform {}\n',
    'docs/architecture.md': '# Architecture\n',
    'scripts/deploy-all.sh': '#!/bin/sh\n',
    'docker-compose.yml': [
      'services:',
      '  postgres:',
      '    image: postgres:16',
      '  redis:',
      '    image: redis:7-alpine',
      '  mailhog:',
      '    image: mailhog/mailhog',
      '  auth:',
      `    build: ./${svc('auth')}`,
      '    depends_on: [postgres, redis]',
      '  gateway:',
      `    build: { context: ./${P}-gateway-service/${P}-api-gateway }`,
      '    depends_on:',
      '      auth:',
      '        condition: service_healthy',
      '  chat:',
      `    build: ./${svc('chat')}`,
      '    depends_on: [redis]',
      '    environment:',
      `      AUTH_SERVICE_URL: http://auth:3000`,
      '',
    ].join('\n'),
  })
  skipped.terraform = 'infrastructure-folder'
  skipped.docs = 'not-a-service'
  skipped.scripts = 'not-a-service'
  skipped['docker-compose.yml#mailhog'] = 'not-a-service'
  expected.postgres = { kind: 'infrastructure', dependsOn: [] }
  expected.redis = { kind: 'infrastructure', dependsOn: [] }

  // The shared library: a package without a start script that services depend on.
  add({ [`${P}-shared-libs/package.json`]: nodePackage('shared-libs', {}, false), [`${P}-shared-libs/src/index.ts`]: 'export {}\n' })
  expected[`${P}-shared-libs`] = { path: `${P}-shared-libs`, kind: 'library', dependsOn: [] }

  // The gateway, nested: the outer directory holds only a README and the inner service.
  const gateway = `${P}-gateway-service/${P}-api-gateway`
  add({
    [`${P}-gateway-service/README.md`]: '# Gateway\n',
    [`${gateway}/package.json`]: nodePackage('api-gateway', SHARED),
    [`${gateway}/Dockerfile`]: nodeDockerfile(8080),
    [`${gateway}/.env.example`]: `PORT=8080\nAUTH_SERVICE_URL=http://${svc('auth')}:3000\n`,
  })
  expected[`${P}-gateway-service`] = { path: gateway, kind: 'service', dependsOn: [`${P}-shared-libs`, svc('auth')].sort(), port: 8080 }

  // Named services of the users' catalog.
  const node = (short: string, options: { dockerfile?: number; env?: string; deps?: string[]; shared?: boolean; extra?: Record<string, string> } = {}): void => {
    const dir = svc(short)
    add({
      [`${dir}/package.json`]: nodePackage(`${short}-service`, options.shared === false ? {} : SHARED),
      [`${dir}/src/index.ts`]: 'export {}\n',
      ...(options.dockerfile ? { [`${dir}/Dockerfile`]: nodeDockerfile(options.dockerfile) } : {}),
      ...(options.env ? { [`${dir}/.env.example`]: options.env } : {}),
      ...options.extra,
    })
    expected[dir] = {
      path: dir,
      kind: 'service',
      dependsOn: [...(options.shared === false ? [] : [`${P}-shared-libs`]), ...(options.deps ?? [])].sort(),
      ...(options.dockerfile ? { port: options.dockerfile } : { port: 3000, template: 'node' }),
    }
  }
  node('auth', { dockerfile: 3000, env: 'DATABASE_URL=postgres://postgres:5432/auth\nREDIS_URL=redis://redis:6379\nJWT_SECRET=change-me\n', deps: ['postgres', 'redis'] })
  node('user', { env: `AUTH_SERVICE_URL=http://${svc('auth')}:3000\n`, deps: [svc('auth')] })
  node('business', { dockerfile: 3000, env: `AUTH_SERVICE_URL=http://${svc('auth')}:3000\nDATABASE_URL=postgres://postgres:5432/business\n`, deps: [svc('auth'), 'postgres'] })
  node('rfq', { dockerfile: 3000, env: `AUTH_SERVICE_URL=http://${svc('auth')}:3000\nBUSINESS_SERVICE_URL=http://${svc('business')}:3000\n`, deps: [svc('auth'), svc('business')] })
  node('payment', { dockerfile: 3000, env: `AUTH_SERVICE_URL=http://${svc('auth')}:3000\nUSER_SERVICE_URL=http://user:3000\n`, deps: [svc('auth'), svc('user')] })
  node('document', { dockerfile: 3000, env: `AUTH_SERVICE_URL=http://${svc('auth')}:3000\n`, deps: [svc('auth')] })
  // notification and chat call each other: the evidence closes a cycle, so one of the two edges is only proposed.
  node('notification', {
    env: `AUTH_SERVICE_URL=http://${svc('auth')}:3000\nUSER_SERVICE_URL=http://${svc('user')}:3000\nCHAT_SERVICE_URL=http://${svc('chat')}:3000\n`,
    deps: [svc('auth'), svc('chat'), svc('user')],
    // A bare name in config is proposed, not written.
    extra: { [`${svc('notification')}/config/default.json`]: `{\n  "digestFrom": "${svc('analytics')}"\n}\n` },
  })
  node('chat', { dockerfile: 3000, env: `NOTIFICATION_SERVICE_URL=http://${svc('notification')}:3000\n`, deps: [svc('auth'), 'redis'] })
  node('banking', { env: `PAYMENT_SERVICE_URL=http://${svc('payment')}:3000\n`, deps: [svc('payment')] })
  node('blockchain', { dockerfile: 3000, env: `AUTH_SERVICE_URL=http://${svc('auth')}:3000\n`, deps: [svc('auth')] })
  node('video', { dockerfile: 3000, env: `DOCUMENT_SERVICE_URL=http://${svc('document')}:3000\n`, deps: [svc('document')] })
  node('cultural', { env: 'DATABASE_URL=postgres://postgres:5432/cultural\n', deps: ['postgres'] })

  // The web frontend: Next.js with a Dockerfile, in the workspace (no lockfile of its own).
  add({
    [`${P}-web-frontend/package.json`]: `${JSON.stringify({ name: `@${P}/web-frontend`, private: true, scripts: { start: 'next start' }, dependencies: { next: '14.2.0' } }, null, 2)}\n`,
    [`${P}-web-frontend/Dockerfile`]: nodeDockerfile(3000),
    [`${P}-web-frontend/.env.example`]: `NEXT_PUBLIC_API_URL=http://gateway:8080\nAUTH_SERVICE_URL=http://${svc('auth')}:3000\n`,
  })
  expected[`${P}-web-frontend`] = { path: `${P}-web-frontend`, kind: 'service', dependsOn: [`${P}-gateway-service`, svc('auth')].sort(), port: 3000 }

  // Python: the AI orchestrator with its Dockerfile, analytics without one (the python template) and a path dependency.
  add({
    [`${svc('ai-orchestrator')}/requirements.txt`]: 'fastapi==0.111.0\nuvicorn==0.30.0\n',
    [`${svc('ai-orchestrator')}/main.py`]: 'from fastapi import FastAPI\napp = FastAPI()\n',
    [`${svc('ai-orchestrator')}/Dockerfile`]: 'FROM python:3.12-slim\nCOPY . .\nEXPOSE 5000\nCMD ["uvicorn", "main:app", "--port", "5000"]\n',
    [`${svc('ai-orchestrator')}/.env.example`]: `DOCUMENT_SERVICE_URL=http://${svc('document')}:3000\nANALYTICS_SERVICE_URL=http://${svc('analytics')}:8000\n`,
    [`${svc('analytics')}/pyproject.toml`]: `[project]\nname = "${P}-analytics"\ndependencies = ["fastapi>=0.110"]\n\n[tool.uv.sources]\n${P}-shared-libs = { path = "../${P}-shared-libs", editable = true }\n`,
    [`${svc('analytics')}/app/main.py`]: 'from fastapi import FastAPI\napp = FastAPI()\n',
    [`${svc('analytics')}/.env.example`]: 'DATABASE_URL=postgres://postgres:5432/analytics\nREDIS_URL=redis://redis:6379\n',
  })
  expected[svc('ai-orchestrator')] = { path: svc('ai-orchestrator'), kind: 'service', dependsOn: [svc('analytics'), svc('document')], port: 5000 }
  expected[svc('analytics')] = { path: svc('analytics'), kind: 'service', dependsOn: [`${P}-shared-libs`, 'postgres', 'redis'], port: 5000, template: 'python' }

  // The separate project and the empty directories.
  add({
    [`${P}-marketing-site/package.json`]: `${JSON.stringify({ name: 'marketing-site', private: true, scripts: { dev: 'next dev', start: 'next start' }, dependencies: { next: '14.2.0' } }, null, 2)}\n`,
    [`${P}-marketing-site/package-lock.json`]: '{}\n',
    [`${P}-marketing-site/pages/index.tsx`]: 'export default function Home() { return null }\n',
  })
  skipped[`${P}-marketing-site`] = 'separate-project'
  for (const empty of ['partner-portal', 'mobile-bff', 'ml-training', 'legacy-sync', 'data-lake']) {
    add({ [`${P}-${empty}/.gitkeep`]: '' })
    skipped[`${P}-${empty}`] = 'empty'
  }

  // The other 56: three in four Node (every other one with a Dockerfile on its own port), one in four Python.
  DOMAINS.forEach((domain, i) => {
    const dir = svc(domain)
    const callee = i > 0 && i % 5 === 0 ? svc(DOMAINS[i - 1]!) : undefined
    const env = `AUTH_SERVICE_URL=http://${svc('auth')}:3000\n${callee ? `${DOMAINS[i - 1]!.toUpperCase()}_SERVICE_URL=http://${callee}:3000\n` : ''}`
    if (i % 4 === 3) {
      add({ [`${dir}/requirements.txt`]: 'flask==3.0.0\n', [`${dir}/app.py`]: 'from flask import Flask\napp = Flask(__name__)\n', [`${dir}/.env.example`]: env })
      expected[dir] = { path: dir, kind: 'service', dependsOn: [svc('auth'), ...(callee ? [callee] : [])].sort(), port: 5000, template: 'python' }
      return
    }
    const port = i % 2 === 0 ? 4000 + i : undefined
    add({ [`${dir}/package.json`]: nodePackage(`${domain}-service`, i % 3 === 0 ? SHARED : {}), [`${dir}/src/index.ts`]: 'export {}\n', [`${dir}/.env.example`]: env, ...(port ? { [`${dir}/Dockerfile`]: nodeDockerfile(port) } : {}) })
    expected[dir] = {
      path: dir,
      kind: 'service',
      dependsOn: [svc('auth'), ...(callee ? [callee] : []), ...(i % 3 === 0 ? [`${P}-shared-libs`] : [])].sort(),
      ...(port ? { port } : { port: 3000, template: 'node' }),
    }
  })
  return { files, expected, skipped }
}

/** Writes files (relative path -> content) under `dir`. */
export function writeTree(dir: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), content)
  }
}

/** A repository of `count` generated services (Node, some Python), each naming two others in `.env.example`: for benchmarks. */
export function generatedRepository(count: number): Record<string, string> {
  const files: Record<string, string> = { 'package.json': '{"name":"bench","private":true}\n', 'package-lock.json': '{}\n', 'libs/common/package.json': '{"name":"@bench/common"}\n' }
  const name = (i: number): string => `svc-${String(i).padStart(5, '0')}`
  for (let i = 0; i < count; i++) {
    const dir = `services/${name(i)}`
    const env = i === 0 ? '' : `UPSTREAM_URL=http://${name(Math.floor(i / 2))}:3000\nOTHER_URL=http://${name(Math.floor(i / 3))}:3000\n`
    if (i % 4 === 3) {
      files[`${dir}/requirements.txt`] = 'fastapi\n'
      files[`${dir}/main.py`] = 'app = None\n'
    } else {
      files[`${dir}/package.json`] = `{"name":"@bench/${name(i)}","scripts":{"start":"node index.js"},"dependencies":{"@bench/common":"*"}}\n`
      files[`${dir}/src/index.ts`] = 'export {}\n'
      if (i % 2 === 0) files[`${dir}/Dockerfile`] = `FROM node:20\nEXPOSE ${3000 + (i % 100)}\n`
    }
    files[`${dir}/.env.example`] = env
  }
  return files
}

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

/** Dockerfile instructions, with line continuations joined and comments dropped. */
function instructions(text: string): { op: string; args: string }[] {
  const out: { op: string; args: string }[] = []
  let pending = ''
  for (const raw of text.split('\n')) {
    const line = raw.trim()
    if (!pending && (line === '' || line.startsWith('#'))) continue
    if (line.endsWith('\\')) {
      pending += `${line.slice(0, -1)} `
      continue
    }
    const full = pending + line
    pending = ''
    const [op, ...rest] = full.split(/\s+/)
    out.push({ op: op!.toUpperCase(), args: rest.join(' ') })
  }
  return out
}

interface Stage {
  from: string
  name?: string
  body: { op: string; args: string }[]
}

function stages(text: string): { args: Record<string, string>; stages: Stage[] } {
  const globalArgs: Record<string, string> = {}
  const result: Stage[] = []
  for (const ins of instructions(text)) {
    if (ins.op === 'FROM') {
      const m = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(ins.args)!
      const from = m[1]!.replace(/\$\{(\w+)\}/g, (_, k: string) => globalArgs[k] ?? '')
      result.push({ from, ...(m[2] ? { name: m[2] } : {}), body: [] })
    } else if (result.length === 0 && ins.op === 'ARG') {
      const [k, v] = ins.args.split('=')
      globalArgs[k!] = v ?? ''
    } else result.at(-1)?.body.push(ins)
  }
  return { args: globalArgs, stages: result }
}

const TEMPLATES = join(import.meta.dirname, '../../../../templates/docker')
const read = (name: string) => readFileSync(join(TEMPLATES, name), 'utf8')
const SECRET_NAME = /SECRET|TOKEN|PASSWORD|PASSWD|API_?KEY|PRIVATE|CREDENTIAL/i

function commonChecks(text: string, port: number) {
  const { stages: all } = stages(text)
  expect(all.length).toBeGreaterThanOrEqual(2)
  const runtime = all.at(-1)!
  const build = all[0]!
  expect(build.name).toBe('build')
  // The runtime copies only from the build stage; it never inherits from it.
  expect(runtime.from).not.toBe('build')
  expect(runtime.body.some((i) => i.op === 'COPY' && i.args.includes('--from=build'))).toBe(true)
  // Non-root: the last USER of the final stage is neither root nor uid 0.
  const user = runtime.body.filter((i) => i.op === 'USER').at(-1)
  expect(user).toBeDefined()
  expect(user!.args).not.toMatch(/^(root|0)(:|$)/)
  // USER comes before CMD, so the process runs as that user.
  expect(runtime.body.findIndex((i) => i.op === 'USER')).toBeLessThan(runtime.body.findIndex((i) => i.op === 'CMD'))
  expect(runtime.body.filter((i) => i.op === 'EXPOSE').map((i) => i.args)).toEqual([String(port)])
  expect(runtime.body.some((i) => i.op === 'ENV' && new RegExp(`PORT=${port}\\b`).test(i.args))).toBe(true)
  // Build arguments end up in the image history: none may carry a secret.
  for (const ins of instructions(text).filter((i) => i.op === 'ARG')) expect(ins.args.split('=')[0]).not.toMatch(SECRET_NAME)
  expect(instructions(text).some((i) => i.op === 'ADD' && /https?:/.test(i.args))).toBe(false)
  return { build, runtime }
}

describe('node.Dockerfile', () => {
  const text = read('node.Dockerfile')
  it('builds with every dependency and runs with production ones only, as node on port 3000', () => {
    const { build, runtime } = commonChecks(text, 3000)
    expect(build.from).toBe('node:20-bookworm-slim')
    const buildRuns = build.body.filter((i) => i.op === 'RUN').map((i) => i.args).join('\n')
    expect(buildRuns).toMatch(/npm ci/)
    expect(buildRuns).toMatch(/npm run build/)
    const runtimeRuns = runtime.body.filter((i) => i.op === 'RUN').map((i) => i.args).join('\n')
    expect(runtimeRuns).toMatch(/--omit=dev/)
    expect(runtimeRuns).not.toMatch(/npm run build/)
    expect(runtime.body.find((i) => i.op === 'USER')!.args).toBe('node')
  })
})

describe('python.Dockerfile', () => {
  const text = read('python.Dockerfile')
  it('installs requirements in a build stage and runs on python:3.11-slim as an unprivileged user on port 5000', () => {
    const { build, runtime } = commonChecks(text, 5000)
    expect(build.from).toBe('python:3.11-slim')
    expect(runtime.from).toBe('python:3.11-slim')
    expect(build.body.some((i) => i.op === 'RUN' && /pip install -r requirements.txt/.test(i.args))).toBe(true)
    expect(runtime.body.some((i) => i.op === 'RUN' && /useradd .*--uid 10001/.test(i.args))).toBe(true)
    expect(runtime.body.find((i) => i.op === 'USER')!.args).toBe('app')
  })
})

describe('the structural checks themselves', () => {
  it('catch a root runtime user, a secret build argument and a missing EXPOSE', () => {
    const bad = 'ARG NPM_TOKEN\nFROM node:20 AS build\nRUN npm ci\nFROM node:20\nCOPY --from=build /app /app\nUSER root\nCMD ["node"]\n'
    expect(() => commonChecks(bad, 3000)).toThrow()
    const ok = 'FROM node:20 AS build\nFROM node:20\nENV PORT=3000\nCOPY --from=build /a /a\nUSER node\nEXPOSE 3000\nCMD ["node"]\n'
    expect(() => commonChecks(ok, 3000)).not.toThrow()
    expect(() => commonChecks(ok.replace('USER node', 'USER 0:0'), 3000)).toThrow()
    expect(() => commonChecks(`ARG GITHUB_TOKEN=x\n${ok}`, 3000)).toThrow()
  })
})

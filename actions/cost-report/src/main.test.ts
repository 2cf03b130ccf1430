import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { load } from 'js-yaml'
import { afterEach, describe, expect, it } from 'vitest'
import { recordingIO } from '@tierdeploy/action-kit'
import { execGit, type GitRunner } from '@tierdeploy/cost'
import { tempDir, writeFiles } from '@tierdeploy/testkit'
import { INPUTS, OUTPUTS } from './contract.js'
import { run } from './main.js'

const SERVICES = (count: number) => `version: 1
tiers: [{ id: 1, name: core }, { id: 2, name: business }]
services:
  core: { path: core, tier: 1 }
  api: { path: api, tier: 2, desiredCount: ${count} }
`
const DEV = 'name: dev\nregion: us-east-1\n'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))
function temp(files: Record<string, string>): string {
  const t = tempDir('tierdeploy-cost-action-')
  cleanups.push(t.cleanup)
  writeFiles(t.dir, files)
  return t.dir
}

describe('cost-report action.yml', () => {
  it('declares exactly the contract inputs and outputs', () => {
    const yml = load(readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', 'action.yml'), 'utf8')) as { inputs: object; outputs: object; runs: { using: string } }
    expect(Object.keys(yml.inputs).sort()).toEqual(Object.values(INPUTS).sort())
    expect(Object.keys(yml.outputs).sort()).toEqual(Object.values(OUTPUTS).sort())
    expect(yml.runs.using).toBe('node24')
  })
})

describe('cost-report', () => {
  it('writes the bundled catalog\'s report to the summary and outputs', async () => {
    const io = recordingIO({ catalog: 'catalog', environment: 'production' })
    await run(io)
    expect(io.failed).toBeUndefined()
    expect(io.summaries[0]).toContain('### Estimated monthly cost: production (ca-central-1)')
    const monthly = JSON.parse(io.outputs.monthly!)
    expect(Object.keys(monthly)).toEqual(['production'])
    expect(JSON.parse(io.outputs.report!).environments[0].totals.configured).toBe(monthly.production)
    expect(io.outputs.difference).toBe('{}')
  })

  it('on a pull request, compares with the catalog at base-ref through the injected git runner', async () => {
    const root = temp({ 'catalog/services.yaml': SERVICES(1), 'catalog/environments/dev.yaml': DEV })
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.test', '-c', 'user.name=t', '-c', 'commit.gpgsign=false', ...args], { cwd: root, encoding: 'utf8' })
    git('init', '-q', '-b', 'main')
    git('add', '-A')
    git('commit', '-q', '-m', 'base')
    writeFiles(root, { 'catalog/services.yaml': SERVICES(2) })
    const calls: string[][] = []
    const recording: GitRunner = (args, cwd) => { calls.push(args); return execGit(args, cwd) }
    const io = recordingIO({ catalog: join(root, 'catalog'), 'base-ref': 'main' })
    await run(io, recording)
    expect(io.failed).toBeUndefined()
    expect(calls).toContainEqual(['show', 'main:./services.yaml'])
    // api 1 -> 2 tasks of 0.25 vCPU / 0.5 GB in us-east-1: +0.0123425 $/h x 730 = +9.01
    expect(JSON.parse(io.outputs.difference!)).toEqual({ dev: 9.01 })
    expect(io.outputs.increase).toBe('true')
    expect(io.summaries[0]).toContain('### Monthly cost of this change (against `main`)')
    expect(io.summaries[0]).toContain('| `api` | $9.01 | $18.02 | +$9.01 |')
    expect(io.summaries[0]).toContain('#### Estimated monthly cost of dev:')
  })

  it('compares with a base catalog directory', async () => {
    const base = temp({ 'catalog/services.yaml': SERVICES(3), 'catalog/environments/dev.yaml': DEV })
    const head = temp({ 'catalog/services.yaml': SERVICES(1), 'catalog/environments/dev.yaml': DEV })
    const io = recordingIO({ catalog: join(head, 'catalog'), 'base-catalog': join(base, 'catalog') })
    await run(io)
    expect(JSON.parse(io.outputs.difference!)).toEqual({ dev: -18.02 })
    expect(io.outputs.increase).toBe('false')
  })

  it('fails with the input names when both bases are given, or the pricing file is wrong', async () => {
    const both = recordingIO({ catalog: 'catalog', 'base-ref': 'main', 'base-catalog': 'x' })
    await run(both)
    expect(both.failed).toBe("give 'base-ref' or 'base-catalog', not both")
    const root = temp({ 'p.yaml': 'regions: { us-east-1: { fargate: { cpu: 1 } } }\n' })
    const pricing = recordingIO({ catalog: 'catalog', pricing: join(root, 'p.yaml') })
    await run(pricing)
    expect(pricing.failed).toMatch(/p\.yaml is not a valid pricing table:\n {2}regions\.us-east-1\.fargate\.cpu: is not a pricing key/)
    expect(pricing.annotations[0]).toMatchObject({ file: join(root, 'p.yaml'), severity: 'error' })
  })
})

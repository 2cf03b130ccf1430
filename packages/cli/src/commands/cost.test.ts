import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { tempDir, writeFiles } from '@tierdeploy/testkit'
import { main } from '../main.js'

async function runCli(args: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await main(args, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd: process.cwd(), env: {} })
  return { code, stdout: out.join('\n'), stderr: err.join('\n') }
}

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

describe('tierdeploy cost', () => {
  it('prints the bundled catalog\'s production estimate as a table', async () => {
    const { code, stdout } = await runCli(['cost', '--env', 'production'])
    expect(code).toBe(0)
    expect(stdout).toMatch(/^Estimated monthly cost: production \(ca-central-1\)/)
    // gateway: 2 x (0.5 x 0.04456 + 1 x 0.00489) x 730 = 39.67 in all four columns (tier 1)
    expect(stdout).toMatch(/indigenious-gateway-service\s+0\.5 vCPU \/ 1 GB\s+2\s+\$39\.67\s+\$39\.67\s+\$39\.67\s+\$39\.67/)
    expect(stdout).toContain('Recommendations:')
  })

  it('prints JSON for every environment, and Markdown', async () => {
    const json = JSON.parse((await runCli(['cost', '--format', 'json'])).stdout)
    expect(json.environments.map((e: { environment: string }) => e.environment)).toEqual(['dev', 'production', 'staging'])
    expect((await runCli(['cost', '--env', 'dev', '--format', 'markdown'])).stdout).toContain('### Estimated monthly cost: dev (ca-central-1)')
  })

  it('takes a --pricing file over the built-in table', async () => {
    const t = tempDir()
    cleanups.push(t.cleanup)
    writeFiles(t.dir, { 'p.yaml': 'regions:\n  ca-central-1:\n    natGateway: { hour: 1 }\n' })
    const json = JSON.parse((await runCli(['cost', '--env', 'dev', '--format', 'json', '--pricing', join(t.dir, 'p.yaml')])).stdout)
    // one NAT gateway at 1 $/h x 730 h
    expect(json.environments[0].platform.find((p: { item: string }) => p.item === 'nat-gateway').monthly).toBe(730)
    expect(json.environments[0].pricingOverrides).toEqual([join(t.dir, 'p.yaml')])
  })

  it('fails with one message naming the file for a pricing file that is missing, malformed or wrong', async () => {
    const t = tempDir()
    cleanups.push(t.cleanup)
    writeFiles(t.dir, { 'bad.yaml': 'regions:\n  ca-central-1:\n    fargate: [1,2\n', 'wrong.yaml': 'regions:\n  ca-central-1:\n    fargate: { vcpuHour: abc }\n' })
    const missing = await runCli(['cost', '--pricing', join(t.dir, 'nope.yaml')])
    expect(missing).toMatchObject({ code: 1, stdout: '' })
    expect(missing.stderr).toBe(`tierdeploy cost: pricing file ${join(t.dir, 'nope.yaml')} does not exist`)
    const bad = await runCli(['cost', '--pricing', join(t.dir, 'bad.yaml')])
    expect(bad.code).toBe(1)
    expect(bad.stderr).toMatch(new RegExp(`^tierdeploy cost: ${join(t.dir, 'bad.yaml')}:\\d+:\\d+: YAML syntax error: [^\\n]+$`))
    const wrong = await runCli(['cost', '--pricing', join(t.dir, 'wrong.yaml')])
    expect(wrong.code).toBe(1)
    expect(wrong.stderr).toContain('regions.ca-central-1.fargate.vcpuHour: must be a number of USD, 0 or more, got "abc"')
    expect(wrong.stderr).not.toMatch(/\n\s+at /) // no stack trace
  })

  it('rejects an unknown format and an unknown environment', async () => {
    const bad = await runCli(['cost', '--format', 'csv'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('--format must be one of table, markdown, json')
    const env = await runCli(['cost', '--env', 'prod'])
    expect(env.code).toBe(1)
    expect(env.stderr).toMatch(/unknown environment 'prod'/)
  })
})

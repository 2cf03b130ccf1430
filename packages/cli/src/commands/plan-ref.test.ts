import { describe, expect, it } from 'vitest'
import { main } from '../main.js'

async function runCli(args: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await main(args, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd: process.cwd(), env: {} })
  return { code, stdout: out.join('\n'), stderr: err.join('\n') }
}

describe('tierdeploy plan --ref', () => {
  it('plans for the environment the ref maps to', async () => {
    const { code, stdout } = await runCli(['plan', '--ref', 'refs/tags/v2.0.0', '--tier', 'all', '--json'])
    expect(code).toBe(0)
    expect(JSON.parse(stdout).environment).toBe('production')
  })

  it('plans nothing for a branch no environment lists, and says why on stderr', async () => {
    const { code, stdout, stderr } = await runCli(['plan', '--ref', 'topic/x', '--tier', 'all'])
    expect(code).toBe(0)
    expect(stdout).toBe('Nothing to deploy.')
    expect(stderr).toContain('branch topic/x deploys nothing: no environment lists it in branches (dev: develop, cicd; staging: main)')
  })

  it('refuses --env with --ref: they are alternatives', async () => {
    const r = await runCli(['plan', '--env', 'dev', '--ref', 'refs/heads/main', '--tier', 'all'])
    expect([r.code, r.stdout, r.stderr.split('\n')[0]]).toEqual([2, '', 'tierdeploy plan: give --env or --ref, not both: --ref picks the environment whose branches or tags match it, --env names it'])
  })
})

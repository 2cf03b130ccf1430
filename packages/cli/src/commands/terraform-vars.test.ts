import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { tempDir } from '@tierdeploy/testkit'
import { main } from '../main.js'

async function runCli(args: string[], cwd = process.cwd()) {
  const out: string[] = []
  const err: string[] = []
  const code = await main(args, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd, env: {} })
  return { code, stdout: out.join('\n'), stderr: err.join('\n') }
}

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

describe('tierdeploy terraform-vars', () => {
  it('writes --out, the same text as --stdout', async () => {
    const t = tempDir()
    cleanups.push(t.cleanup)
    const written = await runCli(['terraform-vars', '--env', 'production', '--out', join(t.dir, 'vars.json')])
    expect(written.code).toBe(0)
    expect(written.stderr).toMatch(/wrote .*vars\.json \(14 services\)/)
    const printed = await runCli(['terraform-vars', '--env', 'production', '--stdout'])
    expect(`${printed.stdout}\n`).toBe(readFileSync(join(t.dir, 'vars.json'), 'utf8'))
    expect(JSON.parse(printed.stdout)).toMatchObject({ environment: 'production', vpc_cidr: '10.0.0.0/16' })
  })

  it('writes into the environment\'s catalog var file in the catalog\'s repository by default', async () => {
    const t = tempDir()
    cleanups.push(t.cleanup)
    cpSync('catalog', join(t.dir, 'catalog'), { recursive: true })
    cpSync('terraform/environments/dev', join(t.dir, 'terraform/environments/dev'), { recursive: true, filter: (src) => !src.endsWith('.json') })
    const { code, stderr } = await runCli(['terraform-vars', '--env', 'dev', '--catalog', join(t.dir, 'catalog')])
    expect(code).toBe(0)
    expect(stderr).toMatch(/^wrote terraform\/environments\/dev\/catalog\.tfvars\.json \(\d+ services\)$/)
    const printed = await runCli(['terraform-vars', '--env', 'dev', '--catalog', join(t.dir, 'catalog'), '--stdout'])
    expect(readFileSync(join(t.dir, 'terraform/environments/dev/catalog.tfvars.json'), 'utf8')).toBe(`${printed.stdout}\n`)
  })

  it('writes catalog.auto.tfvars.json into a root of its own when the environment names no catalog var file', async () => {
    const t = tempDir()
    cleanups.push(t.cleanup)
    cpSync('catalog', join(t.dir, 'catalog'), { recursive: true })
    const file = join(t.dir, 'catalog/environments/staging.yaml')
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^terraform:\n( {2}.*\n)+/m, 'terraform: { workingDirectory: infra/staging }\n'))
    mkdirSync(join(t.dir, 'infra/staging'), { recursive: true })
    const { code, stderr } = await runCli(['terraform-vars', '--env', 'staging', '--catalog', join(t.dir, 'catalog')])
    expect(stderr).toMatch(/^wrote infra\/staging\/catalog\.auto\.tfvars\.json \(\d+ services\)$/)
    expect(code).toBe(0)
    expect(JSON.parse(readFileSync(join(t.dir, 'infra/staging/catalog.auto.tfvars.json'), 'utf8'))).toMatchObject({ environment: 'staging' })
  })

  it('needs --env, and names the environments it knows', async () => {
    expect((await runCli(['terraform-vars'])).code).toBe(2)
    const unknown = await runCli(['terraform-vars', '--env', 'prod', '--stdout'])
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toMatch(/unknown environment 'prod'.*production/)
  })

  it('names a missing output directory instead of crashing', async () => {
    const t = tempDir()
    cleanups.push(t.cleanup)
    const out = await runCli(['terraform-vars', '--env', 'dev', '--out', join(t.dir, 'nope', 'vars.json')])
    expect(out.code).toBe(1)
    expect(out.stderr).toMatch(/^tierdeploy terraform-vars: --out .*nope\/vars\.json: the directory .*nope does not exist/)
    cpSync('catalog', join(t.dir, 'catalog'), { recursive: true })
    const root = await runCli(['terraform-vars', '--env', 'dev', '--catalog', join(t.dir, 'catalog')])
    expect(root.code).toBe(1)
    expect(root.stderr).toMatch(/^tierdeploy terraform-vars: terraform\/environments\/dev \(where environment 'dev' keeps its Terraform variables\) does not exist/)
  })
})

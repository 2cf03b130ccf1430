import { existsSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { usersLayout, writeTree } from '@tierdeploy/discover/test'
import { tempDir } from '@tierdeploy/testkit'
import { main } from '../main.js'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

function usersRepo(): string {
  const t = tempDir('tierdeploy-init-')
  cleanups.push(t.cleanup)
  writeTree(t.dir, usersLayout().files)
  return t.dir
}

async function runCli(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  const out: string[] = []
  const err: string[] = []
  const code = await main(args, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd, env })
  return { code, stdout: out.join('\n'), stderr: err.join('\n') }
}

describe('tierdeploy init', () => {
  it('writes a catalog, its schema and environment stubs that validate, then refuses to overwrite them', async () => {
    const root = usersRepo()
    const first = await runCli(['init', '--region', 'ca-central-1'], root)
    expect(first.stderr).toContain('found 72 services, 1 libraries and 2 data stores in 4 tiers')
    expect(first.stderr).toContain('catalog/services.yaml: valid')
    expect(first.code).toBe(0)
    expect(first.stdout).toContain('wrote catalog/services.yaml, catalog/schema.json, catalog/environments/dev.yaml, catalog/environments/staging.yaml, catalog/environments/production.yaml')
    const validate = await runCli(['validate', '--catalog', join(root, 'catalog'), '--strict'], root)
    expect(validate).toMatchObject({ code: 0, stderr: '' })
    expect(validate.stdout).toMatch(/: 75 services in 4 tiers, 3 environments: valid$/)

    const again = await runCli(['init'], root)
    expect(again.code).toBe(1)
    expect(again.stderr).toContain('tierdeploy init: catalog/services.yaml already exists: run tierdeploy init --update to add what is new and keep what is written, or --force to overwrite it')
  })

  it('--update adds a new service, notes a removed one and keeps the rest of the file', async () => {
    const root = usersRepo()
    expect((await runCli(['init', '--environments', 'dev,production'], root)).code).toBe(0)
    const before = readFileSync(join(root, 'catalog/services.yaml'), 'utf8')
    writeTree(root, { 'indigenious-grants-service/Dockerfile': 'FROM node:20\nEXPOSE 3100\n' })
    rmSync(join(root, 'indigenious-cultural-service'), { recursive: true })
    const update = await runCli(['init', '--update'], root)
    expect(update.stdout).toBe([
      'added 1: indigenious-grants-service',
      'indigenious-cultural-service: its directory indigenious-cultural-service no longer exists; remove the entry or fix its path (a comment above it says so)',
    ].join('\n'))
    // The catalog still validates; the missing path is the one warning.
    expect(update.stderr).toContain('catalog/services.yaml: valid (1 warning)')
    expect(update.code).toBe(0)
    const after = readFileSync(join(root, 'catalog/services.yaml'), 'utf8')
    expect(after.length).toBeGreaterThan(before.length)
    expect(after).toContain('  indigenious-grants-service:\n    path: indigenious-grants-service\n')
    expect(after.replace(/\n\n {2}# added by tierdeploy init --update\n[\s\S]*?container: \{port: 3100\}\n/, '\n').replace(/ {2}# tierdeploy init --update: .*\n/, '')).toBe(before)
  })

  it('--dry-run prints the catalog and writes nothing', async () => {
    const root = usersRepo()
    const dry = await runCli(['init', '--dry-run'], root)
    expect(dry.code).toBe(0)
    expect(dry.stdout).toMatch(/^# yaml-language-server: \$schema=\.\/schema\.json\n/)
    expect(dry.stderr).toContain('catalog/services.yaml (not written: --dry-run): valid')
    expect(existsSync(join(root, 'catalog'))).toBe(false)
  })

  it('rejects flags that cannot work, naming them', async () => {
    const root = usersRepo()
    expect((await runCli(['init', '--update', '--force'], root)).stderr).toContain('give --update or --force, not both')
    expect((await runCli(['init', '--environments', 'dev,Prod'], root)).stderr).toContain("--environments: 'Prod' is not an environment name")
    expect((await runCli(['init', '--region', 'canada'], root))).toMatchObject({ code: 2 })
    expect((await runCli(['init', '--dir', 'nope'], root)).stderr).toContain('--dir nope: no such directory')
    expect((await runCli(['init', '--update'], root)).stderr).toContain('no catalog at catalog/services.yaml to update')
  })
})

describe('tierdeploy discover', () => {
  it('prints what init would write, or JSON with each dependency\'s evidence, and writes nothing', async () => {
    const root = usersRepo()
    const yaml = await runCli(['discover', '--dir', root], process.cwd())
    expect(yaml.code).toBe(0)
    expect(yaml.stdout).toContain('  indigenious-gateway-service:\n    path: indigenious-gateway-service/indigenious-api-gateway\n')
    const json = JSON.parse((await runCli(['discover', '--json'], root)).stdout)
    const payment = json.services.find((s: { name: string }) => s.name === 'indigenious-payment-service')
    expect(payment).toMatchObject({ kind: 'service', path: 'indigenious-payment-service', aliases: ['payment'], port: 3000 })
    expect(payment.dependsOn.find((d: { name: string }) => d.name === 'indigenious-user-service').evidence[0]).toEqual({ kind: 'variable', file: 'indigenious-payment-service/.env.example', line: 2, text: 'USER_SERVICE_URL' })
    expect(json.skipped).toContainEqual({ path: 'indigenious-partner-portal', reason: 'empty', detail: 'empty: no code yet' })
    expect(existsSync(join(root, 'catalog'))).toBe(false)
  })
})

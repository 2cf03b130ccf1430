import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { usersLayout, writeTree } from '@tierdeploy/discover/test'
import { tempDir } from '@tierdeploy/testkit'
import { loadCatalog } from '@tierdeploy/catalog'
import { pinFirstPartyReferences } from '@tierdeploy/workflows'
import { main } from '../main.js'
import { writeCallerWorkflows } from './init.js'

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

describe('tierdeploy init --workflows', () => {
  const examples = join(import.meta.dirname, '../../../../examples/workflows')
  const names = ['deploy-manual.yml', 'deploy-on-push.yml', 'promote-manual.yml', 'rollback.yml']

  it('writes the caller workflows as the examples are, and prints what to create in GitHub and AWS', async () => {
    const root = usersRepo()
    const r = await runCli(['init', '--region', 'ca-central-1', '--workflows'], root)
    expect(r.code).toBe(0)
    expect(readdirSync(join(root, '.github/workflows')).sort()).toEqual(names)
    for (const name of names) expect(readFileSync(join(root, '.github/workflows', name), 'utf8'), name).toBe(readFileSync(join(examples, name), 'utf8'))
    expect(r.stdout).toContain(`wrote ${names.map((n) => `.github/workflows/${n}`).join(', ')}`)
    expect(r.stdout).toContain('the workflows run tierdeploy@v1, a tag that moves with each release: this tierdeploy is not a published release')
    const checklist = r.stdout.slice(r.stdout.indexOf('Before the first run'))
    const items = checklist.split('\n').filter((l) => l.startsWith('  [ ] ')).map((l) => l.slice(6).split(/[: ]/)[0])
    expect(items).toEqual(['dev', 'staging', 'production', 'production-approval', 'gh', 'dev', 'staging', 'production', 'none'])
    expect(checklist).toContain("gh api -X PUT repos/OWNER/REPO/actions/oidc/customization/sub -F use_default=false -f 'include_claim_keys[]=repo' -f 'include_claim_keys[]=context' -f 'include_claim_keys[]=job_workflow_ref'")
    expect(checklist).toContain('  [ ] staging: deployment branches main; no required reviewers, no wait timer')
    // production's catalog file deploys tags v*; the written workflows also promote to it from main
    expect(checklist).toContain('  [ ] production: deployment branches main and tags v*; no required reviewers, no wait timer')
    expect(checklist).toContain('  [ ] production-approval: required reviewers (your release managers), prevent self-review on, administrators may not bypass; deployment branches main and tags v*')
    expect(checklist).toContain('  [ ] production: roleArn arn:aws:iam::ACCOUNT:role/indigenious-production-deploy, buildRoleArn arn:aws:iam::ACCOUNT:role/indigenious-production-build; set both, and account, in catalog/environments/production.yaml')
  })
})

describe('tierdeploy init --workflows, existing files and releases', () => {
  it('keeps workflows already there, and overwrites them only with --force', async () => {
    const root = usersRepo()
    writeTree(root, { '.github/workflows/deploy-on-push.yml': '# ours\n' })
    const first = await runCli(['init', '--workflows'], root)
    expect(first.code).toBe(0)
    expect(first.stdout).toContain('wrote .github/workflows/deploy-manual.yml, .github/workflows/promote-manual.yml, .github/workflows/rollback.yml\n')
    expect(first.stdout).toContain('kept .github/workflows/deploy-on-push.yml: already there (--force overwrites them)')
    expect(readFileSync(join(root, '.github/workflows/deploy-on-push.yml'), 'utf8')).toBe('# ours\n')
    // Run again on the catalog it wrote: --update keeps the catalog and every workflow.
    const again = await runCli(['init', '--update', '--workflows'], root)
    expect(again.code).toBe(0)
    expect(again.stdout).toMatch(/^kept \.github\/workflows\/deploy-manual\.yml, .*\.github\/workflows\/rollback\.yml: already there/m)
    expect(readFileSync(join(root, '.github/workflows/deploy-on-push.yml'), 'utf8')).toBe('# ours\n')
    const forced = await runCli(['init', '--force', '--workflows'], root)
    expect(forced.code).toBe(0)
    expect(readFileSync(join(root, '.github/workflows/deploy-on-push.yml'), 'utf8')).toMatch(/^# Copy to \.github\/workflows\//)
  })

  it('--dry-run names the workflows it would write and writes none', async () => {
    const root = usersRepo()
    const dry = await runCli(['init', '--workflows', '--dry-run'], root)
    expect(dry.code).toBe(0)
    expect(dry.stdout).toContain('would write .github/workflows/deploy-manual.yml, .github/workflows/deploy-on-push.yml')
    expect(dry.stdout).toContain('Before the first run')
    expect(existsSync(join(root, '.github'))).toBe(false)
  })

  it('refuses a catalog without the staging and production the workflows deploy to, naming the missing file', async () => {
    const root = usersRepo()
    const r = await runCli(['init', '--workflows', '--environments', 'dev,prod'], root)
    expect(r.code).toBe(1)
    expect(r.stderr).toContain("--workflows writes workflows that deploy to staging on every push and promote to production, but the catalog has no environment 'staging' (catalog/environments/staging.yaml) and no environment 'production' (catalog/environments/production.yaml)")
    expect(existsSync(join(root, '.github'))).toBe(false)
  })

  it('writes what a release pinned: every reference at the release commit, with its version', async () => {
    const root = usersRepo()
    const examples = join(import.meta.dirname, '../../../../examples/workflows')
    const released = tempDir('tierdeploy-released-')
    cleanups.push(released.cleanup)
    const sha = 'c'.repeat(40)
    for (const name of readdirSync(examples)) writeFileSync(join(released.dir, name), pinFirstPartyReferences(readFileSync(join(examples, name), 'utf8'), sha, '1.2.0'))
    expect((await runCli(['init'], root)).code).toBe(0)
    const { catalog } = await loadCatalog({ dir: join(root, 'catalog') })
    const result = writeCallerWorkflows(catalog, root, { force: false, dryRun: false, templates: released.dir })
    expect(result.pinnedTo).toBe(`the workflows run tierdeploy v1.2.0 pinned by commit ${sha}; to upgrade, put a newer release's commit in their uses: lines (docs/releasing.md)`)
    expect(readFileSync(join(root, '.github/workflows/deploy-on-push.yml'), 'utf8')).toContain(`    uses: tierdeploy/tierdeploy/.github/workflows/deploy.yml@${sha} # v1.2.0\n`)
  })
})

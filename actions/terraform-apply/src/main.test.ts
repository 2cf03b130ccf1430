import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { load } from 'js-yaml'
import { STSClient } from '@aws-sdk/client-sts'
import { recordingIO } from '@tierdeploy/action-kit'
import { FakeEcs } from '@tierdeploy/testkit'
import { copyFixture, recordingExec, type FixtureCopy } from '../../../packages/terraform/src/testing.js'
import { INPUTS, OUTPUTS } from './contract.js'
import { run } from './main.js'

const copies: FixtureCopy[] = []
afterEach(() => {
  for (const c of copies.splice(0)) c.cleanup()
})
function fixture(name: string): FixtureCopy {
  const c = copyFixture(name)
  copies.push(c)
  return c
}

async function action(c: FixtureCopy, inputs: Record<string, string>) {
  const io = recordingIO(inputs, c.env)
  const rec = recordingExec()
  await run(io, { exec: rec.exec, baseDir: c.root })
  return { io, commands: rec.commands }
}

describe('terraform-apply action.yml', () => {
  it('declares exactly the contract inputs and outputs', () => {
    const yml = load(readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', 'action.yml'), 'utf8')) as { inputs: object; outputs: object; runs: { using: string } }
    expect(Object.keys(yml.inputs).sort()).toEqual(Object.values(INPUTS).sort())
    expect(Object.keys(yml.outputs).sort()).toEqual(Object.values(OUTPUTS).sort())
    expect(yml.runs.using).toBe('node24')
  })
})

describe('terraform-apply with the real terraform binary', () => {
  it('applies, writes the outputs with sensitive ones masked and omitted, and a plan table', async () => {
    const c = fixture('basic')
    const { io, commands } = await action(c, { 'working-directory': 'basic', environment: 'dev', command: 'apply', 'lock-timeout': '0s' })
    expect(io.failed).toBeUndefined()
    expect(commands).toContain('apply')
    expect(io.outputs.changes).toBe('true')
    expect(JSON.parse(io.outputs.summary!)).toMatchObject({ changes: true, counts: { create: 1 }, addresses: { create: ['terraform_data.app'] } })
    expect(JSON.parse(io.outputs.outputs!)).toEqual({ value: 'one' })
    expect(io.secrets).toEqual(['tok-one-s3cr3t'])
    expect(io.summaries.join('')).toContain('### terraform apply for dev')
    expect(io.summaries.join('')).toContain('| create | 1 | `terraform_data.app` |')
    expect(io.summaries.join('')).toContain('Sensitive outputs omitted: `token`')
  })

  it('reports a plan that only moves a resource as changes=true, and applies it', async () => {
    const c = fixture('basic')
    await action(c, { 'working-directory': 'basic', command: 'apply' })
    const main = join(c.dir, 'main.tf')
    writeFileSync(main, `${readFileSync(main, 'utf8').replaceAll('terraform_data.app', 'terraform_data.service').replace('resource "terraform_data" "app"', 'resource "terraform_data" "service"')}\nmoved {\n  from = terraform_data.app\n  to   = terraform_data.service\n}\n`)
    const planned = await action(c, { 'working-directory': 'basic', command: 'plan' })
    expect(planned.io.outputs.changes).toBe('true')
    expect(JSON.parse(planned.io.outputs.summary!).addresses.move).toEqual(['terraform_data.service'])
    expect(planned.io.summaries.join('')).toContain('| move | 1 | `terraform_data.service` |')
    const applied = await action(c, { 'working-directory': 'basic', command: 'apply' })
    expect(applied.commands).toContain('apply')
    expect((await action(c, { 'working-directory': 'basic', command: 'apply' })).io.outputs.changes).toBe('false')
  })

  it('skips apply when nothing changed and says changes=false', async () => {
    const c = fixture('basic')
    await action(c, { 'working-directory': 'basic', command: 'apply' })
    const { io, commands } = await action(c, { 'working-directory': 'basic', command: 'apply' })
    expect(io.failed).toBeUndefined()
    expect(commands).not.toContain('apply')
    expect(io.outputs.changes).toBe('false')
    expect(io.summaries.join('')).toContain('apply (skipped: no changes)')
  })

  it('plans in one step and applies the saved plan in another', async () => {
    const c = fixture('basic')
    const planned = await action(c, { 'working-directory': 'basic', command: 'plan', 'plan-file': 'tfplan' })
    expect(planned.io.outputs.changes).toBe('true')
    expect(planned.commands).not.toContain('apply')
    const applied = await action(c, { 'working-directory': 'basic', command: 'apply', 'plan-file': 'tfplan' })
    expect(applied.io.failed).toBeUndefined()
    expect(applied.commands).toEqual(['init', 'show', 'apply', 'output'])
  })

  it('fails the step on a guarded replace, naming the address', async () => {
    const c = fixture('guarded')
    await action(c, { 'working-directory': 'guarded', command: 'apply', 'protected-types': 'terraform_data' })
    writeFileSync(join(c.dir, 'next.tfvars'), 'generation = 2\n')
    const { io, commands } = await action(c, { 'working-directory': 'guarded', command: 'apply', 'protected-types': 'terraform_data', 'var-files': 'next.tfvars' })
    expect(io.failed).toContain('replace terraform_data.store')
    expect(commands).not.toContain('apply')
    const allowed = await action(c, { 'working-directory': 'guarded', command: 'apply', 'protected-types': 'terraform_data', 'var-files': 'next.tfvars', 'allow-destroy': 'terraform_data.store' })
    expect(allowed.io.failed).toBeUndefined()
    expect(JSON.parse(allowed.io.outputs.summary!).addresses.replace).toEqual(['terraform_data.store'])
  })

  it('fails a stale saved plan saying to re-plan', async () => {
    const c = fixture('basic')
    await action(c, { 'working-directory': 'basic', command: 'plan', 'plan-file': 'tfplan' })
    await action(c, { 'working-directory': 'basic', command: 'apply' })
    const { io } = await action(c, { 'working-directory': 'basic', command: 'apply', 'plan-file': 'tfplan' })
    expect(io.failed).toMatch(/saved plan is stale.*re-plan/)
  })

  it('fails the second of two concurrent runs with who holds the lock', async () => {
    const c = fixture('locking')
    execFileSync('mkfifo', [join(c.dir, 'started.fifo'), join(c.dir, 'release.fifo')])
    const holder = action(c, { 'working-directory': 'locking', command: 'apply', 'lock-timeout': '0s' })
    expect((await readFile(join(c.dir, 'started.fifo'), 'utf8')).trim()).toBe('holding')
    const second = await action(c, { 'working-directory': 'locking', command: 'plan', 'lock-timeout': '1s' })
    await writeFile(join(c.dir, 'release.fifo'), 'go\n')
    expect((await holder).io.failed).toBeUndefined()
    expect(second.io.failed).toMatch(/the state is locked by \S+@\S+ since \d{4}-\d{2}-\d{2} .* after waiting 1s \(lock-timeout\)/)
  })

  it('annotates an HCL syntax error at its file and line', async () => {
    const c = fixture('syntax-error')
    const { io } = await action(c, { 'working-directory': 'syntax-error', command: 'plan' })
    expect(io.failed).toMatch(/syntax-error\/main\.tf:2:\d+: Unclosed configuration block/)
    expect(io.annotations[0]).toMatchObject({ file: 'syntax-error/main.tf', line: 2 })
  })

  it('rejects bad inputs naming the input and the expected form', async () => {
    const c = fixture('basic')
    expect((await action(c, { 'working-directory': 'basic', command: 'destroy' })).io.failed).toBe("input 'command' must be one of plan, apply, got 'destroy'")
    expect((await action(c, { 'working-directory': 'basic', 'lock-timeout': 'forever' })).io.failed).toMatch(/input 'lock-timeout' must be a duration/)
    expect((await action(c, {})).io.failed).toMatch(/give 'working-directory'/)
  })

  // Set-up mistakes a user makes: each is one clear failed step naming what to fix, never a stack trace.
  describe('set-up mistakes', () => {
    function noStack(io: { failed?: string; logs: string[] }) {
      expect(io.failed).toBeDefined()
      expect(io.failed).not.toMatch(/\n\s+at /)
      expect(io.logs.join('\n')).not.toMatch(/\n\s+at /)
    }

    it('a working directory that does not exist', async () => {
      const c = fixture('basic')
      const { io, commands } = await action(c, { 'working-directory': 'terraform/environments/qa', command: 'plan' })
      noStack(io)
      expect(io.failed).toBe("input 'working-directory': terraform/environments/qa is not a directory (it should hold the root module, e.g. terraform/platform)")
      expect(commands).toEqual([])
    })

    it('terraform not on PATH', async () => {
      const c = fixture('basic')
      const io = recordingIO({ 'working-directory': 'basic', command: 'plan' }, { ...c.env, PATH: join(c.root, 'empty-bin') })
      await run(io, { baseDir: c.root })
      noStack(io)
      expect(io.failed).toMatch(/^'terraform' was not found on PATH: install terraform ≥ 1\.10 first/)
    })

    it('a backend-config key the backend does not take', async () => {
      const c = fixture('basic')
      const { io, commands } = await action(c, { 'working-directory': 'basic', command: 'plan', 'backend-config': 'bucket=state' })
      noStack(io)
      expect(io.failed).toMatch(/^terraform init failed in basic:\n.*"bucket" given on the command line is not expected/)
      expect(commands).toEqual(['init'])
      // A backend-config value may be a credential: the command line is logged with the key only.
      expect(io.logs.join('\n')).toContain('-backend-config=bucket=***')
      expect(io.logs.join('\n')).not.toContain('bucket=state')
    })

    it('a backend-config file that does not exist', async () => {
      const c = fixture('basic')
      const { io } = await action(c, { 'working-directory': 'basic', command: 'plan', 'backend-config': 'backend/dev.hcl' })
      noStack(io)
      expect(io.failed).toMatch(/^terraform init failed in basic:\nFailed to read file: The file "backend\/dev\.hcl" could not be read/)
    })

    it('a var-file that does not exist', async () => {
      const c = fixture('basic')
      const { io, commands } = await action(c, { 'working-directory': 'basic', command: 'apply', 'var-files': 'dev.tfvars' })
      noStack(io)
      expect(io.failed).toMatch(/^terraform plan failed in basic:\n.*dev\.tfvars does not exist/)
      expect(commands).not.toContain('apply')
    })

    it('a review record that is not one', async () => {
      const c = fixture('basic')
      await action(c, { 'working-directory': 'basic', command: 'plan', 'plan-file': 'tfplan' })
      writeFileSync(join(c.dir, 'tfplan.review.json'), '{ not json')
      const { io, commands } = await action(c, { 'working-directory': 'basic', command: 'apply', 'plan-file': 'tfplan' })
      noStack(io)
      expect(io.failed).toMatch(/tfplan\.review\.json is not the review record .*re-plan/)
      expect(commands).not.toContain('apply')
    })

    it('a plan-file in a directory that does not exist yet is saved there', async () => {
      const c = fixture('basic')
      const { io } = await action(c, { 'working-directory': 'basic', command: 'plan', 'plan-file': 'plans/dev.tfplan' })
      expect(io.failed).toBeUndefined()
      expect(existsSync(join(c.dir, 'plans', 'dev.tfplan.review.json'))).toBe(true)
    })
  })
})

describe('terraform-apply and the account of the credentials', () => {
  // The root's catalog.auto.tfvars.json (tierdeploy terraform-vars) names the environment's account; the fake STS
  // answers that the credentials are for 111111111111.
  async function withAccount(accountId: string, inputs: Record<string, string>) {
    const c = fixture('basic')
    writeFileSync(join(c.dir, 'catalog.auto.tfvars.json'), `${JSON.stringify({ environment: 'production', account_id: accountId, region: 'ca-central-1' })}\n`)
    writeFileSync(join(c.dir, 'variables.tf'), 'variable "environment" { type = string }\nvariable "account_id" { type = string }\nvariable "region" { type = string }\n')
    const fake = await FakeEcs.start({ account: '111111111111' })
    const sts = new STSClient({ endpoint: fake.endpoint, region: 'ca-central-1' })
    const rec = recordingExec()
    const io = recordingIO({ 'working-directory': 'basic', environment: 'production', ...inputs }, c.env)
    try {
      await run(io, { exec: rec.exec, baseDir: c.root, sts })
    } finally {
      sts.destroy()
      await fake.stop()
    }
    return { io, commands: rec.commands, calls: fake.calls }
  }

  it('refuses plan and apply with credentials of another account before terraform touches the state', async () => {
    for (const command of ['plan', 'apply']) {
      const { io, commands, calls } = await withAccount('333333333333', { command })
      expect(io.failed).toMatch(/^credentials are for 111111111111, environment production is 333333333333 \(the account in basic\/catalog\.auto\.tfvars\.json\), so nothing was changed/)
      expect(commands).toEqual([])
      expect(calls.GetCallerIdentity).toBe(1)
    }
  })

  it('plans with credentials of the account the root names', async () => {
    const { io, commands } = await withAccount('111111111111', { command: 'plan' })
    expect(io.failed).toBeUndefined()
    expect(commands).toContain('plan')
  })
})

describe('terraform-apply keeps the root\'s catalog variables what the catalog generates', () => {
  const catalogFiles = (c: FixtureCopy, port: number) => {
    execFileSync('mkdir', ['-p', join(c.root, 'catalog', 'environments')])
    writeFileSync(join(c.root, 'catalog', 'services.yaml'), `version: 1\nplatform: acme\ntiers:\n  - { id: 1, name: core }\nservices:\n  auth: { path: auth, tier: 1, container: { port: ${port} } }\n`)
    writeFileSync(join(c.root, 'catalog', 'environments', 'dev.yaml'), 'name: dev\nregion: ca-central-1\nnetwork: { vpcCidr: 10.1.0.0/16 }\n')
  }

  it('regenerates a stale catalog.auto.tfvars.json before planning, and says to commit it', async () => {
    const c = fixture('basic')
    catalogFiles(c, 8080)
    const file = join(c.dir, 'catalog.auto.tfvars.json')
    writeFileSync(file, '{"stale": true}\n')
    const { io, commands } = await action(c, { 'working-directory': 'basic', environment: 'dev', command: 'plan' })
    expect(io.failed).toBeUndefined()
    expect(commands).toContain('plan')
    expect(JSON.parse(readFileSync(file, 'utf8')).services.auth.port).toBe(8080)
    expect(io.logs.join('\n')).toContain('warning: basic/catalog.auto.tfvars.json was stale: planned with the values the catalog generates now; commit the regenerated file (tierdeploy terraform-vars --env dev)')

    const again = await action(c, { 'working-directory': 'basic', environment: 'dev', command: 'plan' })
    expect(again.io.logs.join('\n')).not.toContain('was stale')
  })

  it('leaves a root without the file, or an apply of a saved plan, alone', async () => {
    const c = fixture('basic')
    catalogFiles(c, 8080)
    const { io } = await action(c, { 'working-directory': 'basic', environment: 'dev', command: 'plan' })
    expect(io.failed).toBeUndefined()
    expect(existsSync(join(c.dir, 'catalog.auto.tfvars.json'))).toBe(false)
  })
})


describe('terraform-apply runs one root for every environment, as the catalog environment says', () => {
  // One root (basic) for dev and staging: each environment has its own state (backend config) and its own variables
  // (var file), named by its catalog file's terraform section. The workflows pass only environment and catalog.
  const layout = (c: FixtureCopy) => {
    execFileSync('mkdir', ['-p', join(c.root, 'catalog', 'environments'), join(c.root, 'envs', 'dev'), join(c.root, 'envs', 'staging')])
    writeFileSync(join(c.root, 'catalog', 'services.yaml'), 'version: 1\nplatform: acme\ntiers:\n  - { id: 1, name: core }\nservices:\n  auth: { path: auth, tier: 1 }\n')
    for (const env of ['dev', 'staging']) {
      writeFileSync(join(c.root, 'catalog', 'environments', `${env}.yaml`), `name: ${env}\nregion: ca-central-1\nterraform:\n  workingDirectory: basic\n  backendConfig: [envs/${env}/backend.tfbackend]\n  varFiles: [envs/${env}/settings.tfvars]\n`)
      writeFileSync(join(c.root, 'envs', env, 'backend.tfbackend'), `path = "${env}.tfstate"\n`)
      writeFileSync(join(c.root, 'envs', env, 'settings.tfvars'), `value = "${env}-value"\n`)
    }
  }

  it('plans and applies each environment with its own variables into its own state', async () => {
    const c = fixture('basic')
    layout(c)
    for (const env of ['dev', 'staging']) {
      const { io, commands } = await action(c, { environment: env, command: 'apply' })
      expect(io.failed).toBeUndefined()
      expect(commands).toContain('apply')
      expect(io.outputs[OUTPUTS.workingDirectory]).toBe('basic')
      expect(JSON.parse(io.outputs[OUTPUTS.outputs]!)).toEqual({ value: `${env}-value` })
      // The same directory, initialised for dev a moment ago, follows staging's backend config (init -reconfigure).
      expect(JSON.parse(readFileSync(join(c.dir, `${env}.tfstate`), 'utf8')).outputs.value.value).toBe(`${env}-value`)
    }
  })

  it('takes nothing from the catalog for a working directory that is not the environment\'s root', async () => {
    const c = fixture('basic')
    layout(c)
    execFileSync('cp', ['-r', c.dir, join(c.root, 'other')])
    const { io } = await action(c, { environment: 'dev', 'working-directory': 'other', command: 'apply' })
    expect(io.failed).toBeUndefined()
    expect(JSON.parse(io.outputs[OUTPUTS.outputs]!)).toEqual({ value: 'one' })
    expect(existsSync(join(c.root, 'other', 'terraform.tfstate'))).toBe(true)
  })

  it('names the environments the catalog knows when given an unknown one and no working directory', async () => {
    const c = fixture('basic')
    layout(c)
    const { io, commands } = await action(c, { environment: 'prod', command: 'plan' })
    expect(io.failed).toMatch(/unknown environment 'prod'.*dev.*staging/)
    expect(commands).toEqual([])
  })
})

import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ConfigurationError, silentLogger } from '@tierdeploy/catalog'
import { StalePlanError, StateLockedError } from './diagnostics.js'
import { DEFAULT_PROTECTED_TYPES } from './guard.js'
import { reviewRecordPath, runTerraform, type TerraformEffects } from './run.js'
import type { TerraformSettings } from './settings.js'
import { copyFixture, recordingExec, type FixtureCopy } from './testing.js'

const copies: FixtureCopy[] = []
afterEach(() => {
  for (const c of copies.splice(0)) c.cleanup()
})

function fixture(name: string): FixtureCopy {
  const c = copyFixture(name)
  copies.push(c)
  return c
}

function settings(name: string, over: Partial<TerraformSettings> = {}): TerraformSettings {
  return { workingDirectory: name, command: 'apply', backendConfig: [], varFiles: [], lockTimeout: '0s', protectedTypes: DEFAULT_PROTECTED_TYPES, allowDestroy: [], ...over }
}

function effects(c: FixtureCopy, exec = recordingExec().exec): TerraformEffects {
  return { exec, log: silentLogger, env: c.env, baseDir: c.root }
}

describe('runTerraform with the real terraform binary', () => {
  it('applies a change, then skips apply when nothing changed', async () => {
    const c = fixture('basic')
    const first = recordingExec()
    const applied = await runTerraform(settings('basic'), effects(c, first.exec))
    expect(first.commands).toEqual(['init', 'plan', 'show', 'apply', 'output'])
    expect(applied).toMatchObject({ changes: true, applied: true })
    expect(applied.summary.counts.create).toBe(1)
    expect(applied.summary.addresses.create).toEqual(['terraform_data.app'])
    expect(applied.outputs.values).toEqual({ value: 'one' })
    expect(applied.outputs.sensitive).toEqual(['token'])
    expect(applied.outputs.secrets).toEqual(['tok-one-s3cr3t'])

    const second = recordingExec()
    const again = await runTerraform(settings('basic'), effects(c, second.exec))
    expect(again).toMatchObject({ changes: false, applied: false })
    expect(second.commands).not.toContain('apply')
    expect(Object.values(again.summary.counts).every((n) => n === 0)).toBe(true)
  })

  it('updates in place from var-files and counts it as an update', async () => {
    const c = fixture('basic')
    await runTerraform(settings('basic'), effects(c))
    writeFileSync(join(c.dir, 'two.tfvars'), 'value = "two"\n')
    const result = await runTerraform(settings('basic', { varFiles: ['two.tfvars'] }), effects(c))
    expect(result.summary.addresses.update).toEqual(['terraform_data.app'])
    expect(result.outputs.values).toEqual({ value: 'two' })
  })

  it('fails a replace of a protected type, naming the address, unless allow-destroy covers it', async () => {
    const c = fixture('guarded')
    const guarded = { protectedTypes: ['terraform_data'] }
    await runTerraform(settings('guarded', guarded), effects(c))
    writeFileSync(join(c.dir, 'next.tfvars'), 'generation = 2\n')
    const next = settings('guarded', { ...guarded, varFiles: ['next.tfvars'] })

    const rec = recordingExec()
    const error = await runTerraform(next, effects(c, rec.exec)).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ConfigurationError)
    expect((error as Error).message).toContain('replace terraform_data.store')
    expect((error as Error).message).toContain("'allow-destroy'")
    expect(rec.commands).not.toContain('apply')

    const byAddress = await runTerraform({ ...next, allowDestroy: ['terraform_data.store'] }, effects(c))
    expect(byAddress).toMatchObject({ applied: true })
    expect(byAddress.summary.addresses.replace).toEqual(['terraform_data.store'])
    writeFileSync(join(c.dir, 'next.tfvars'), 'generation = 3\n')
    const byType = await runTerraform({ ...next, allowDestroy: ['terraform_data'] }, effects(c))
    expect(byType.summary.addresses.replace).toEqual(['terraform_data.store'])
  })

  it('guards in the plan command too, so the plan job fails before anyone approves', async () => {
    const c = fixture('guarded')
    await runTerraform(settings('guarded', { protectedTypes: ['terraform_data'] }), effects(c))
    writeFileSync(join(c.dir, 'next.tfvars'), 'generation = 2\n')
    await expect(runTerraform(settings('guarded', { command: 'plan', planFile: 'tfplan', protectedTypes: ['terraform_data'], varFiles: ['next.tfvars'] }), effects(c)))
      .rejects.toThrow(/replace terraform_data\.store/)
  })

  it('applies exactly the saved plan, and skips a saved plan without changes', async () => {
    const c = fixture('basic')
    const planned = await runTerraform(settings('basic', { command: 'plan', planFile: 'tfplan' }), effects(c))
    expect(planned).toMatchObject({ changes: true, applied: false })
    const record = JSON.parse(readFileSync(reviewRecordPath(join(c.dir, 'tfplan')), 'utf8')) as { sha256: string; summary: unknown }
    expect(record.summary).toEqual(planned.summary)

    // A var-file given at apply time cannot sneak in: the saved plan is applied as reviewed.
    writeFileSync(join(c.dir, 'other.tfvars'), 'value = "other"\n')
    const rec = recordingExec()
    const warnings: string[] = []
    const applied = await runTerraform(settings('basic', { planFile: 'tfplan', varFiles: ['other.tfvars'] }), { ...effects(c, rec.exec), log: { ...silentLogger, warning: (m) => warnings.push(m) } })
    expect(rec.commands).toEqual(['init', 'show', 'apply', 'output'])
    expect(warnings).toEqual(['var-files (other.tfvars) are not used when applying a saved plan: it is applied as it was reviewed'])
    expect(applied.outputs.values).toEqual({ value: 'one' })

    const noop = await runTerraform(settings('basic', { command: 'plan', planFile: 'noop.tfplan' }), effects(c))
    expect(noop.changes).toBe(false)
    const rec2 = recordingExec()
    const skipped = await runTerraform(settings('basic', { planFile: 'noop.tfplan' }), effects(c, rec2.exec))
    expect(skipped).toMatchObject({ changes: false, applied: false })
    expect(rec2.commands).not.toContain('apply')
  })

  it('fails a stale saved plan with a message saying to re-plan', async () => {
    const c = fixture('basic')
    await runTerraform(settings('basic', { command: 'plan', planFile: 'tfplan' }), effects(c))
    await runTerraform(settings('basic'), effects(c)) // another run changes the state after the review
    const error = await runTerraform(settings('basic', { planFile: 'tfplan' }), effects(c)).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(StalePlanError)
    expect((error as Error).message).toMatch(/stale.*re-plan/)
  })

  it('fails a plan file that is not the one reviewed, saying to re-plan', async () => {
    const c = fixture('basic')
    await runTerraform(settings('basic', { command: 'plan', planFile: 'tfplan' }), effects(c))
    // Someone re-plans over the reviewed file with other values, outside tierdeploy.
    writeFileSync(join(c.dir, 'evil.tfvars'), 'value = "evil"\n')
    execFileSync('terraform', ['plan', '-input=false', '-var-file=evil.tfvars', '-out=tfplan'], { cwd: c.dir, env: c.env, stdio: 'ignore' })
    const rec = recordingExec()
    const error = await runTerraform(settings('basic', { planFile: 'tfplan' }), effects(c, rec.exec)).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(StalePlanError)
    expect((error as Error).message).toMatch(/differs from the plan that was reviewed.*re-plan/)
    expect(rec.commands).not.toContain('apply')
  })

  it('fails a missing plan file naming the input', async () => {
    const c = fixture('basic')
    await expect(runTerraform(settings('basic', { planFile: 'nope.tfplan' }), effects(c))).rejects.toThrow(/input 'plan-file': nope\.tfplan does not exist/)
  })

  it('makes the second of two concurrent runs wait lock-timeout, then fail naming who holds the lock and since when', async () => {
    const c = fixture('locking')
    execFileSync('mkfifo', [join(c.dir, 'started.fifo'), join(c.dir, 'release.fifo')])
    const holder = runTerraform(settings('locking'), effects(c))
    // The provisioner writes this only once terraform holds the state lock for the apply.
    expect((await readFile(join(c.dir, 'started.fifo'), 'utf8')).trim()).toBe('holding')

    const error = await runTerraform(settings('locking', { lockTimeout: '1s' }), effects(c)).catch((e: unknown) => e)
    await writeFile(join(c.dir, 'release.fifo'), 'go\n')
    await expect(holder).resolves.toMatchObject({ applied: true })

    expect(error).toBeInstanceOf(StateLockedError)
    const locked = error as StateLockedError
    expect(locked.lock.who).toMatch(/.+@.+/)
    expect(locked.lock.created).toMatch(/^\d{4}-\d{2}-\d{2} /)
    expect(locked.lock.operation).toBe('OperationTypeApply')
    expect(locked.message).toContain(`the state is locked by ${locked.lock.who} since ${locked.lock.created}`)
    expect(locked.message).toContain('after waiting 1s (lock-timeout)')
    expect(locked.message).toContain(`terraform force-unlock ${locked.lock.id}`)
  })

  it('reports an HCL syntax error with the file and line, as an annotation', async () => {
    const c = fixture('syntax-error')
    const error = await runTerraform(settings('syntax-error'), effects(c)).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ConfigurationError)
    const e = error as ConfigurationError
    expect(e.message).toMatch(/^terraform init failed in syntax-error:\nsyntax-error\/main\.tf:2:\d+: Unclosed configuration block/)
    expect(e.problems[0]).toMatchObject({ file: 'syntax-error/main.tf', line: 2, severity: 'error' })
  })

  it('rejects a working directory that does not exist', async () => {
    const c = fixture('basic')
    await expect(runTerraform(settings('nowhere'), effects(c))).rejects.toThrow(/input 'working-directory': nowhere is not a directory/)
  })
})

import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, isAbsolute, join, resolve } from 'node:path'
import { ConfigurationError, type Logger } from '@tierdeploy/catalog'
import { diagnosticsIn, parseUiStream, StalePlanError, terraformFailure } from './diagnostics.js'
import type { Exec, ExecResult } from './exec.js'
import { assertNoGuardedChanges } from './guard.js'
import { splitOutputs, type OutputJson, type SplitOutputs } from './outputs.js'
import { summarizePlan, type PlanJson, type PlanSummary } from './plan.js'
import type { TerraformSettings } from './settings.js'

export interface TerraformEffects {
  exec: Exec
  log: Logger
  /** The environment terraform runs with (TF_IN_AUTOMATION and TF_INPUT are added). */
  env: NodeJS.ProcessEnv
  /** Directory the working directory is relative to (the repository checkout). */
  baseDir: string
  /** The terraform binary; `terraform` on PATH unless given. */
  terraform?: string
}

export interface TerraformRunResult {
  changes: boolean
  applied: boolean
  summary: PlanSummary
  outputs: SplitOutputs
  /** The saved plan (plan command) or the applied one. */
  planFile?: string
}

/** Written beside a saved plan by the plan command, so the apply job can tell it applies the reviewed plan. */
export interface ReviewRecord {
  version: 1
  sha256: string
  summary: PlanSummary
}

export function reviewRecordPath(planFile: string): string {
  return `${planFile}.review.json`
}

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex')
}

/**
 * One terraform-apply run: init, then either plan (saving the plan and its review record) or apply (planning
 * first, or applying exactly a saved plan), with the destroy guard before anything is applied, and the root's
 * outputs at the end. User-fixable failures (syntax errors, a held lock, a stale plan, a guarded destroy) throw
 * ConfigurationError with file and line or who holds the lock.
 */
export async function runTerraform(settings: TerraformSettings, effects: TerraformEffects): Promise<TerraformRunResult> {
  const dir = resolve(effects.baseDir, settings.workingDirectory)
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new ConfigurationError(`input 'working-directory': ${settings.workingDirectory} is not a directory (it should hold the root module, e.g. terraform/platform)`)
  }
  const bin = effects.terraform ?? 'terraform'
  const env = { ...effects.env, TF_IN_AUTOMATION: '1', TF_INPUT: '0' }

  const terraform = async (command: string, args: string[], ok: number[] = [0], stream = true): Promise<ExecResult> => {
    // -backend-config=KEY=VALUE may carry credentials (access_key, token): the debug line shows only the key.
    effects.log.debug(`terraform ${[command, ...args.map((a) => a.replace(/^(-backend-config=[^=]+=).+$/, '$1***'))].join(' ')}`)
    const result = await effects.exec(bin, [command, ...args], {
      cwd: dir,
      env,
      ...(stream ? { onStdoutLine: (line: string) => logUiLine(line, effects.log) } : {}),
    })
    if (!ok.includes(result.exitCode)) {
      throw terraformFailure(diagnosticsIn(parseUiStream(result.stdout)), {
        command,
        workingDirectory: settings.workingDirectory,
        lockTimeout: settings.lockTimeout,
        exitCode: result.exitCode,
        stderr: result.stderr,
      })
    }
    return result
  }
  const showPlan = async (file: string): Promise<PlanJson> => {
    const shown = await terraform('show', ['-json', '-no-color', file], [0], false)
    try {
      return JSON.parse(shown.stdout) as PlanJson
    } catch {
      throw new ConfigurationError(`terraform show -json ${file} did not print a plan: is ${file} a saved terraform plan?`)
    }
  }

  // -reconfigure: the backend is what this run's config says, never what an earlier run left in .terraform (one root
  // serves every environment; a persistent self-hosted workspace may have initialised it for another). It never
  // migrates state, unlike -migrate-state.
  await terraform('init', ['-input=false', '-reconfigure', '-json', `-lock-timeout=${settings.lockTimeout}`, ...settings.backendConfig.map((b) => `-backend-config=${b}`)])

  const guard = { protectedTypes: settings.protectedTypes, allowDestroy: settings.allowDestroy }
  const given = settings.planFile ? (isAbsolute(settings.planFile) ? settings.planFile : join(dir, settings.planFile)) : undefined
  const scratch = given ? undefined : mkdtempSync(join(tmpdir(), 'tierdeploy-tfplan-'))
  const planFile = given ?? join(scratch!, 'tfplan')
  try {
    let plan: PlanJson
    if (settings.command === 'apply' && given) {
      if (settings.varFiles.length) effects.log.warning(`var-files (${settings.varFiles.join(', ')}) are not used when applying a saved plan: it is applied as it was reviewed`)
      plan = await reviewedPlan(given, settings, showPlan, effects.log)
    } else {
      // terraform does not create the plan file's directory (plan-file: plans/dev.tfplan on a fresh checkout).
      mkdirSync(dirname(planFile), { recursive: true })
      await terraform('plan', [
        '-input=false',
        '-json',
        '-detailed-exitcode',
        `-lock-timeout=${settings.lockTimeout}`,
        `-out=${planFile}`,
        ...settings.varFiles.map((f) => `-var-file=${f}`),
      ], [0, 2])
      plan = await showPlan(planFile)
    }
    const summary = summarizePlan(plan)
    assertNoGuardedChanges(plan, guard)
    if (settings.command === 'plan' && given) {
      const record: ReviewRecord = { version: 1, sha256: sha256(given), summary }
      writeFileSync(reviewRecordPath(given), `${JSON.stringify(record, null, 2)}\n`)
    }

    let applied = false
    if (settings.command === 'apply') {
      if (summary.changes) {
        await terraform('apply', ['-input=false', '-json', `-lock-timeout=${settings.lockTimeout}`, planFile])
        applied = true
      } else effects.log.info('No changes: the infrastructure matches the configuration, apply skipped.')
    }

    const out = await terraform('output', ['-json', '-no-color'], [0], false)
    const outputs = splitOutputs(out.stdout.trim() ? (JSON.parse(out.stdout) as OutputJson) : {})
    return { changes: summary.changes, applied, summary, outputs, ...(given ? { planFile: given } : {}) }
  } finally {
    if (scratch) rmSync(scratch, { recursive: true, force: true })
  }
}

/** The saved plan, after checking it is the one the plan job recorded (same bytes) and can still be read. */
async function reviewedPlan(planFile: string, settings: TerraformSettings, showPlan: (f: string) => Promise<PlanJson>, log: Logger): Promise<PlanJson> {
  if (!existsSync(planFile)) {
    throw new ConfigurationError(`input 'plan-file': ${settings.planFile} does not exist in ${settings.workingDirectory}; download the plan the plan job saved (with its .review.json) before applying`)
  }
  const recordFile = reviewRecordPath(planFile)
  if (existsSync(recordFile)) {
    let record: Partial<ReviewRecord> | undefined
    try {
      record = JSON.parse(readFileSync(recordFile, 'utf8')) as Partial<ReviewRecord>
    } catch {
      record = undefined
    }
    if (typeof record?.sha256 !== 'string') {
      throw new StalePlanError(
        `input 'plan-file': ${settings.planFile}.review.json is not the review record the plan job writes (unreadable or without a digest); re-plan, review the new plan, and apply that one`,
      )
    }
    if (record.sha256 !== sha256(planFile)) {
      throw new StalePlanError(
        `input 'plan-file': ${settings.planFile} differs from the plan that was reviewed (its digest is not the one the plan job recorded in ${settings.planFile}.review.json); re-plan, review the new plan, and apply that one`,
      )
    }
  } else {
    log.warning(`${settings.planFile} has no review record (${settings.planFile}.review.json, written by command: plan); applying the plan file as given`)
  }
  return showPlan(planFile)
}

/** Terraform's JSON UI lines as log lines: progress as info, diagnostics left to the error that follows. */
function logUiLine(line: string, log: Logger): void {
  const [message] = parseUiStream(line)
  if (!message) {
    if (line.trim()) log.debug(line)
    return
  }
  if (message.type === 'diagnostic') {
    if (message.diagnostic?.severity === 'warning') log.warning(`${message.diagnostic.summary}${message.diagnostic.detail ? `: ${message.diagnostic.detail}` : ''}`)
    return
  }
  if (message['@message'] && message.type !== 'version') log.info(message['@message'])
}

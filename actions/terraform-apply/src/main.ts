import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { STSClient } from '@aws-sdk/client-sts'
import { githubIO, readChoice, readList, readString, runAction, type ActionIO } from '@tierdeploy/action-kit'
import { verifyCallerAccount } from '@tierdeploy/aws'
import { ConfigurationError, environmentNamed, loadCatalog } from '@tierdeploy/catalog'
import { DEFAULT_PROTECTED_TYPES, parseLockTimeout, refreshTerraformVars, renderPlanSummary, runTerraform, spawnExec, TFVARS_FILE, type Exec, type TerraformSettings } from '@tierdeploy/terraform'
import { COMMANDS, INPUTS, OUTPUTS } from './contract.js'

export function readSettings(io: ActionIO): TerraformSettings & { environment: string } {
  const environment = readString(io, INPUTS.environment)
  const workingDirectory = readString(io, INPUTS.workingDirectory, { default: environment ? `terraform/environments/${environment}` : '' })
  if (!workingDirectory) throw new ConfigurationError(`give '${INPUTS.workingDirectory}' (the root module, e.g. terraform/environments/dev) or '${INPUTS.environment}'`)
  const planFile = readString(io, INPUTS.planFile)
  return {
    environment,
    workingDirectory,
    command: readChoice(io, INPUTS.command, COMMANDS, 'plan'),
    ...(planFile ? { planFile } : {}),
    backendConfig: readList(io, INPUTS.backendConfig) ?? [],
    varFiles: readList(io, INPUTS.varFiles) ?? [],
    lockTimeout: parseLockTimeout(readString(io, INPUTS.lockTimeout, { default: '5m' }), INPUTS.lockTimeout),
    protectedTypes: readList(io, INPUTS.protectedTypes) ?? DEFAULT_PROTECTED_TYPES,
    allowDestroy: readList(io, INPUTS.allowDestroy) ?? [],
  }
}

/**
 * Before a plan, the root's catalog.auto.tfvars.json is regenerated from the catalog when it is stale (a catalog change
 * committed without `tierdeploy terraform-vars`), with a warning naming the file to commit. Only for a root that has the
 * file (it is tierdeploy's) and an environment and catalog to generate it from; apply uses the saved plan as reviewed.
 */
async function refreshCatalogVars(settings: TerraformSettings & { environment: string }, baseDir: string, catalogDir: string, io: ActionIO): Promise<void> {
  const file = join(settings.workingDirectory, TFVARS_FILE)
  const path = resolve(baseDir, file)
  if (settings.command !== 'plan' || !settings.environment || !existsSync(path) || !existsSync(resolve(baseDir, catalogDir))) return
  const { catalog, warnings } = await loadCatalog({ dir: resolve(baseDir, catalogDir) })
  for (const w of warnings) io.annotate(w)
  const written = refreshTerraformVars(catalog, environmentNamed(catalog, settings.environment), path, {
    readFile: (p) => (existsSync(p) ? readFileSync(p, 'utf8') : undefined),
    writeFile: (p, text) => writeFileSync(p, text),
  })
  if (written === 'written') io.log.warning(`${file} was stale: planned with the values the catalog generates now; commit the regenerated file (tierdeploy terraform-vars --env ${settings.environment})`)
}

/**
 * The account rule (verifyCallerAccount) for a root whose catalog.auto.tfvars.json (`tierdeploy terraform-vars`) names
 * the environment's account_id. The provider's allowed_account_ids refuses another account too, but only once init has
 * read the backend, and plan has taken the state lock: so plan is checked as well as apply. A root without that file
 * (or with no account_id) is left to its provider configuration.
 */
async function verifyRootAccount(settings: TerraformSettings & { environment: string }, baseDir: string, sts: STSClient | undefined, io: ActionIO): Promise<void> {
  const file = join(settings.workingDirectory, TFVARS_FILE)
  const path = resolve(baseDir, file)
  if (!existsSync(path)) return
  let vars: { account_id?: unknown; region?: unknown }
  try {
    vars = JSON.parse(readFileSync(path, 'utf8')) as typeof vars
  } catch (e) {
    throw new ConfigurationError(`${file} is not valid JSON (${(e as Error).message}): regenerate it with tierdeploy terraform-vars`)
  }
  if (typeof vars.account_id !== 'string') return
  const region = typeof vars.region === 'string' ? vars.region : undefined
  await verifyCallerAccount({ name: settings.environment || settings.workingDirectory, file, account: vars.account_id }, { sts, region }, io.log)
}

export async function run(io: ActionIO = githubIO(), effects: { exec?: Exec; baseDir?: string; sts?: STSClient } = {}): Promise<void> {
  await runAction(async (io) => {
    const settings = readSettings(io)
    const baseDir = effects.baseDir ?? io.env.GITHUB_WORKSPACE ?? process.cwd()
    await refreshCatalogVars(settings, baseDir, readString(io, INPUTS.catalog, { default: 'catalog' }), io)
    await verifyRootAccount(settings, baseDir, effects.sts, io)
    const result = await runTerraform(settings, {
      exec: effects.exec ?? spawnExec,
      log: io.log,
      env: io.env,
      baseDir,
    })
    for (const secret of result.outputs.secrets) io.setSecret(secret)
    io.setOutput(OUTPUTS.changes, String(result.changes))
    io.setOutput(OUTPUTS.summary, JSON.stringify(result.summary))
    io.setOutput(OUTPUTS.outputs, JSON.stringify(result.outputs.values))

    const where = settings.environment || settings.workingDirectory
    const verb = settings.command === 'plan' ? 'plan' : result.applied ? 'apply' : 'apply (skipped: no changes)'
    const notes = [
      settings.command === 'plan' && settings.planFile ? `Plan saved to \`${settings.planFile}\` in \`${settings.workingDirectory}\`; apply it with \`command: apply\` and the same \`plan-file\`.` : '',
      result.outputs.sensitive.length ? `Sensitive outputs omitted: ${result.outputs.sensitive.map((o) => `\`${o}\``).join(', ')}.` : '',
    ].filter(Boolean)
    await io.summary(`${renderPlanSummary(result.summary, `terraform ${verb} for ${where}`)}${notes.length ? `\n${notes.join('\n\n')}\n` : ''}`)
  }, io)
}

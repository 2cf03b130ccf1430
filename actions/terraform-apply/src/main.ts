import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join, posix, resolve } from 'node:path'
import type { STSClient } from '@aws-sdk/client-sts'
import { githubIO, readChoice, readList, readString, runAction, type ActionIO } from '@tierdeploy/action-kit'
import { verifyCallerAccount } from '@tierdeploy/aws'
import { ConfigurationError, environmentNamed, loadCatalog, type Catalog, type Environment } from '@tierdeploy/catalog'
import { DEFAULT_PROTECTED_TYPES, parseLockTimeout, refreshTerraformVars, relativeToRoot, renderPlanSummary, runTerraform, spawnExec, terraformRootOf, TFVARS_FILE, type Exec, type TerraformRoot, type TerraformSettings } from '@tierdeploy/terraform'
import { COMMANDS, INPUTS, OUTPUTS } from './contract.js'

/** The inputs, validated; the root and what it is given may still come from the catalog (resolveRoot). */
export function readSettings(io: ActionIO): TerraformSettings & { environment: string } {
  const environment = readString(io, INPUTS.environment)
  const workingDirectory = readString(io, INPUTS.workingDirectory)
  if (!workingDirectory && !environment) throw new ConfigurationError(`give '${INPUTS.workingDirectory}' (the root module, e.g. terraform/platform) or '${INPUTS.environment}'`)
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

interface ResolvedSettings extends TerraformSettings {
  environment: string
  /** Where the catalog-generated variables of this root live (repository-relative). */
  catalogVars: string
  /** The environment in the catalog, when there is a catalog that has it. */
  catalogEnvironment?: { catalog: Catalog; environment: Environment }
}

/**
 * The root of the environment, its var files and backend config: from the inputs where given, else from the catalog
 * environment's `terraform` section (terraformRootOf: one root for every environment, each with its own state and
 * variables). A working-directory input other than the catalog's root takes nothing else from the catalog.
 */
async function resolveRoot(inputs: TerraformSettings & { environment: string }, baseDir: string, catalogDir: string, io: ActionIO): Promise<ResolvedSettings> {
  let catalogEnvironment: ResolvedSettings['catalogEnvironment']
  if (inputs.environment && existsSync(resolve(baseDir, catalogDir))) {
    const { catalog, warnings } = await loadCatalog({ dir: resolve(baseDir, catalogDir) })
    for (const w of warnings) io.annotate(w)
    const environment = catalog.environments.get(inputs.environment)
    // Without a working directory the catalog must know the environment (the message lists those it knows).
    if (environment || !inputs.workingDirectory) catalogEnvironment = { catalog, environment: environment ?? environmentNamed(catalog, inputs.environment) }
  }
  const root: TerraformRoot | undefined = catalogEnvironment && terraformRootOf(catalogEnvironment.environment)
  const workingDirectory = inputs.workingDirectory || root?.workingDirectory || `terraform/environments/${inputs.environment}`
  const sameRoot = root !== undefined && posix.normalize(workingDirectory.replace(/\\/g, '/')).replace(/\/$/, '') === root.workingDirectory
  return {
    ...inputs,
    workingDirectory,
    varFiles: inputs.varFiles.length || !sameRoot ? inputs.varFiles : root.varFiles.map((f) => relativeToRoot(root, f)),
    backendConfig: inputs.backendConfig.length || !sameRoot ? inputs.backendConfig : root.backendConfig.map((b) => relativeToRoot(root, b)),
    catalogVars: sameRoot ? root.catalogVars : join(workingDirectory, TFVARS_FILE),
    ...(catalogEnvironment ? { catalogEnvironment } : {}),
  }
}

/**
 * Before a plan, the root's catalog-generated variables are regenerated from the catalog when stale (a catalog change
 * committed without `tierdeploy terraform-vars`), with a warning naming the file to commit. Only when the file is there
 * (it is tierdeploy's) and the catalog has the environment; apply uses the saved plan as reviewed.
 */
function refreshCatalogVars(settings: ResolvedSettings, baseDir: string, io: ActionIO): void {
  const path = resolve(baseDir, settings.catalogVars)
  if (settings.command !== 'plan' || !settings.catalogEnvironment || !existsSync(path)) return
  const { catalog, environment } = settings.catalogEnvironment
  const written = refreshTerraformVars(catalog, environment, path, {
    readFile: (p) => (existsSync(p) ? readFileSync(p, 'utf8') : undefined),
    writeFile: (p, text) => writeFileSync(p, text),
  })
  if (written === 'written') io.log.warning(`${settings.catalogVars} was stale: planned with the values the catalog generates now; commit the regenerated file (tierdeploy terraform-vars --env ${settings.environment})`)
}

/**
 * The account rule (verifyCallerAccount) for a root whose catalog-generated variables (`tierdeploy terraform-vars`)
 * name the environment's account_id. The provider's allowed_account_ids refuses another account too, but only once
 * init has read the backend, and plan has taken the state lock: so plan is checked as well as apply. A root without
 * that file (or with no account_id) is left to its provider configuration.
 */
async function verifyRootAccount(settings: ResolvedSettings, baseDir: string, sts: STSClient | undefined, io: ActionIO): Promise<void> {
  const file = settings.catalogVars
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
    const inputs = readSettings(io)
    const baseDir = effects.baseDir ?? io.env.GITHUB_WORKSPACE ?? process.cwd()
    const settings = await resolveRoot(inputs, baseDir, readString(io, INPUTS.catalog, { default: 'catalog' }), io)
    io.setOutput(OUTPUTS.workingDirectory, settings.workingDirectory)
    refreshCatalogVars(settings, baseDir, io)
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

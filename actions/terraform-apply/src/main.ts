import { githubIO, readChoice, readList, readString, runAction, type ActionIO } from '@tierdeploy/action-kit'
import { ConfigurationError } from '@tierdeploy/catalog'
import { DEFAULT_PROTECTED_TYPES, parseLockTimeout, renderPlanSummary, runTerraform, spawnExec, type Exec, type TerraformSettings } from '@tierdeploy/terraform'
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

export async function run(io: ActionIO = githubIO(), effects: { exec?: Exec; baseDir?: string } = {}): Promise<void> {
  await runAction(async (io) => {
    const settings = readSettings(io)
    const result = await runTerraform(settings, {
      exec: effects.exec ?? spawnExec,
      log: io.log,
      env: io.env,
      baseDir: effects.baseDir ?? io.env.GITHUB_WORKSPACE ?? process.cwd(),
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

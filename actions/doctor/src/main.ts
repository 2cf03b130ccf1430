import { githubIO, readBoolean, readString, runAction, type ActionIO } from '@tierdeploy/action-kit'
import { environmentNamed, loadCatalog } from '@tierdeploy/catalog'
import { findingJson, renderDoctorSummary, runDoctor } from '@tierdeploy/doctor'
import { INPUTS, OUTPUTS } from './contract.js'

export async function run(io: ActionIO = githubIO()): Promise<void> {
  await runAction(async (io) => {
    const scanCode = readBoolean(io, INPUTS.scanCode, true)
    const { catalog, warnings } = await loadCatalog({ dir: readString(io, INPUTS.catalog, { default: 'catalog' }) })
    for (const w of warnings) io.annotate(w)
    const envName = readString(io, INPUTS.environment)
    const result = await runDoctor(catalog, { ...(envName ? { environments: [environmentNamed(catalog, envName)] } : {}), scanCode })
    for (const f of result.findings) io.annotate({ ...findingJson(f), message: `${f.message} [${f.check}]` })
    io.setOutput(OUTPUTS.findings, JSON.stringify(result.findings.map(findingJson)))
    io.setOutput(OUTPUTS.errors, String(result.errors))
    io.setOutput(OUTPUTS.warnings, String(result.warnings))
    await io.summary(renderDoctorSummary(result))
    // Warnings are advice; only errors fail the step.
    if (result.errors) io.setFailed(`tierdeploy doctor found ${result.errors} error${result.errors === 1 ? '' : 's'} (see the annotations)`)
  }, io)
}

import { environmentNamed, formatProblem, loadCatalog } from '@tierdeploy/catalog'
import { doctorJson, renderDoctorText, runDoctor } from '@tierdeploy/doctor'
import { parseFlags, stringFlag } from '../args.js'
import type { CliIO } from '../cli-io.js'

export const usage = 'tierdeploy doctor [--catalog DIR] [--env ENV] [--no-code] [--json]'

export async function run(args: string[], io: CliIO): Promise<number> {
  const { values } = parseFlags(args, { catalog: { type: 'string' }, env: { type: 'string' }, 'no-code': { type: 'boolean' }, json: { type: 'boolean' } })
  const { catalog, warnings } = await loadCatalog({ dir: stringFlag(values, 'catalog') ?? 'catalog' })
  if (!values.json) for (const w of warnings) io.stderr(formatProblem(w))
  const envName = stringFlag(values, 'env')
  const result = await runDoctor(catalog, {
    ...(envName === undefined ? {} : { environments: [environmentNamed(catalog, envName)] }),
    scanCode: values['no-code'] !== true,
    cwd: io.cwd,
  })
  if (values.json) io.stdout(JSON.stringify(doctorJson(result), null, 2))
  else io.stdout(renderDoctorText(result).trimEnd())
  return result.errors ? 1 : 0
}

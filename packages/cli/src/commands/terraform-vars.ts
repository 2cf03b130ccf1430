import { existsSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { ConfigurationError, environmentNamed, formatProblem, loadCatalog } from '@tierdeploy/catalog'
import { catalogTerraformVars, renderTerraformVars, terraformRootOf } from '@tierdeploy/terraform'
import { parseFlags, stringFlag } from '../args.js'
import { catalogLoadOptions, type CliIO, UsageError } from '../cli-io.js'

export const usage = `tierdeploy terraform-vars --env ENV [--catalog DIR] [--out FILE | --stdout]
       writes the environment's catalog-generated Terraform variables: by default to its var file named catalog.tfvars.json
       (terraform.varFiles), else to catalog.auto.tfvars.json in its root (terraform.workingDirectory, else terraform/environments/ENV)`

export async function run(args: string[], io: CliIO): Promise<number> {
  const { values } = parseFlags(args, { env: { type: 'string' }, catalog: { type: 'string' }, out: { type: 'string' }, stdout: { type: 'boolean' } })
  const envName = stringFlag(values, 'env')
  if (!envName) throw new UsageError('--env ENV is required')
  if (values.stdout && values.out !== undefined) throw new UsageError('give --out FILE or --stdout, not both')
  const { catalog, warnings } = await loadCatalog({ dir: stringFlag(values, 'catalog') ?? 'catalog', ...catalogLoadOptions(io) })
  for (const w of warnings) io.stderr(formatProblem(w))
  const environment = environmentNamed(catalog, envName)
  const text = renderTerraformVars(catalogTerraformVars(catalog, environment))
  if (values.stdout) {
    io.stdout(text.trimEnd())
    return 0
  }
  // The default lands in the environment root of the repository the catalog belongs to, wherever it runs from.
  const given = stringFlag(values, 'out')
  const rootRelative = terraformRootOf(environment).catalogVars
  const target = given !== undefined ? resolve(io.cwd, given) : join(catalog.root, rootRelative)
  const dir = dirname(target)
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new ConfigurationError(
      given !== undefined
        ? `--out ${given}: the directory ${dirname(given)} does not exist; create it or write elsewhere`
        : `${dirname(rootRelative)} (where environment '${envName}' keeps its Terraform variables) does not exist in ${catalog.root}; create it (as terraform/environments/dev), set terraform.varFiles or terraform.workingDirectory of the environment in the catalog, or pass --out FILE`,
    )
  }
  try {
    writeFileSync(target, text)
  } catch (error) {
    throw new ConfigurationError(`could not write ${given ?? rootRelative}: ${(error as Error).message}`)
  }
  io.stderr(`wrote ${given ?? rootRelative} (${Object.keys(JSON.parse(text).services).length} services)`)
  return 0
}

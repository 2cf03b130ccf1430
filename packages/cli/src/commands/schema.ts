import { catalogSchemaDocument } from '@tierdeploy/catalog'
import { parseFlags } from '../args.js'
import type { CliIO } from '../cli-io.js'

export const usage = 'tierdeploy schema    (prints the catalog JSON Schema; npm run build writes it to catalog/schema.json)'

export async function run(args: string[], io: CliIO): Promise<number> {
  // It takes no options; parsing anyway turns a typo into a usage error rather than silence.
  parseFlags(args, {})
  io.stdout(JSON.stringify(catalogSchemaDocument(), null, 2))
  return 0
}

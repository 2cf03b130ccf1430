import { catalogSchemaDocument } from '@tierdeploy/catalog'
import type { CliIO } from '../cli-io.js'

export const usage = 'tierdeploy schema    (prints the catalog JSON Schema; npm run build writes it to catalog/schema.json)'

export async function run(_args: string[], io: CliIO): Promise<number> {
  io.stdout(JSON.stringify(catalogSchemaDocument(), null, 2))
  return 0
}

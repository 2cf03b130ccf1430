import { discoveryJson, renderCatalog } from '@tierdeploy/discover'
import { parseFlags } from '../args.js'
import type { CliIO } from '../cli-io.js'
import { discoveryFlags, runDiscovery, summarise } from './init.js'

export const usage = 'tierdeploy discover [--dir REPO] [--catalog DIR] [--accept-suggested] [--platform NAME] [--json]    (prints the services.yaml tierdeploy init would write; writes nothing)'

export async function run(args: string[], io: CliIO): Promise<number> {
  const { values } = parseFlags(args, { ...discoveryFlags, json: { type: 'boolean' } })
  const { discovery } = runDiscovery(values, io)
  if (values.json) {
    io.stdout(JSON.stringify(discoveryJson(discovery), null, 2))
    return 0
  }
  for (const line of summarise(discovery)) io.stderr(line)
  io.stdout(renderCatalog(discovery).trimEnd())
  return 0
}

import type { CloudFormationClient } from '@aws-sdk/client-cloudformation'
import type { ECSClient } from '@aws-sdk/client-ecs'
import type { STSClient } from '@aws-sdk/client-sts'
import { githubIO, readBoolean, readJson, readJsonFile, readList, readString, runAction, writeInputFile, type ActionIO } from '@tierdeploy/action-kit'
// The AWS code (SDK clients included) loads once the required input is there and the catalog is read (issue 16).
import type { parseStatusReport as ParseStatusReport } from '@tierdeploy/aws'
import { ConfigurationError, environmentNamed, loadCatalog, systemClock, type Clock } from '@tierdeploy/catalog'
import { INPUTS, OUTPUTS } from './contract.js'

export interface StatusDeps {
  ecs?: ECSClient
  sts?: STSClient
  cloudformation?: CloudFormationClient
  clock?: Clock
}

/** The other environment's status (another step's `status` output, with that environment's credentials), if given. */
function readCompared(io: ActionIO, parseStatusReport: typeof ParseStatusReport) {
  const inline = readJson<unknown>(io, INPUTS.compareWith)
  const file = readJsonFile<unknown>(io, INPUTS.compareWithFile)
  if (inline !== undefined && file) throw new ConfigurationError(`give '${INPUTS.compareWith}' or '${INPUTS.compareWithFile}', not both`)
  if (file) return parseStatusReport(file.value, `input '${INPUTS.compareWithFile}' (${file.path})`)
  return inline === undefined ? undefined : parseStatusReport(inline, `input '${INPUTS.compareWith}'`)
}

export async function run(io: ActionIO = githubIO(), deps: StatusDeps = {}): Promise<void> {
  await runAction(async (io) => {
    const environmentName = readString(io, INPUTS.environment, { required: true })
    const { catalog, warnings } = await loadCatalog({ dir: readString(io, INPUTS.catalog, { default: 'catalog' }) })
    for (const w of warnings) io.annotate(w)
    const environment = environmentNamed(catalog, environmentName)
    const { clusterFor, gateServices, makeCloudFormationClient, makeEcsClient, parseStatusReport, readEnvironmentStatus, regionFor, renderComparison, renderStatus, statusReport, verifyCallerAccount } = await import('@tierdeploy/aws')
    const tier = readString(io, INPUTS.tier)
    const names = readList(io, INPUTS.services)
    if (tier && names) throw new ConfigurationError(`give '${INPUTS.tier}' or '${INPUTS.services}', not both`)
    const compared = readCompared(io, parseStatusReport)
    if (compared?.environment === environment.name) throw new ConfigurationError(`input '${INPUTS.compareWith}' describes ${environment.name} itself: give the status of the environment to compare with`)
    const writeSummary = readBoolean(io, INPUTS.summary, true)
    const resultFile = readString(io, INPUTS.resultFile)
    const region = regionFor(environment, { override: readString(io, INPUTS.region) || undefined, overrideName: `input '${INPUTS.region}'`, env: io.env })
    const services = gateServices(catalog, environment, { ...(names ? { services: names } : { tier: tier || 'all' }) }, { tier: INPUTS.tier, services: INPUTS.services, deployResult: INPUTS.services }).map((s) => s.name)

    // Reads only, but from the environment's account: credentials of another account would describe another cluster.
    await verifyCallerAccount(environment, { sts: deps.sts, region }, io.log)
    const cluster = await clusterFor(environment, readString(io, INPUTS.cluster) || undefined, `the '${INPUTS.cluster}' input`, { cloudformation: async () => deps.cloudformation ?? makeCloudFormationClient(region) })
    const clock = deps.clock ?? systemClock
    const ecs = deps.ecs ?? makeEcsClient({ region })
    const statuses = await readEnvironmentStatus(catalog, environment, services, cluster, { ecs, clock, log: io.log })
    const report = statusReport(environment.name, statuses, compared)

    const markdown = `${renderStatus(environment.name, statuses, 'markdown', clock.now())}${report.differences ? `\n${renderComparison(environment.name, report.compare!, report.differences).replace(/^ {2}/gm, '- ')}\n` : ''}`
    const json = JSON.stringify(report)
    io.setOutput(OUTPUTS.status, json)
    io.setOutput(OUTPUTS.markdown, markdown)
    io.setOutput(OUTPUTS.differences, JSON.stringify(report.differences ?? []))
    io.setOutput(OUTPUTS.healthy, String(!statuses.some((s) => s.rollout === 'missing' || s.rollout === 'failed')))
    if (resultFile) writeInputFile(INPUTS.resultFile, resultFile, `${json}\n`)
    if (writeSummary) await io.summary(markdown)
  }, io)
}

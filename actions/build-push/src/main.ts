import { fileURLToPath } from 'node:url'
import type { ECRClient } from '@aws-sdk/client-ecr'
import type { STSClient } from '@aws-sdk/client-sts'
import { githubIO, readChoice, readList, readString, runAction, writeInputFile, type ActionIO } from '@tierdeploy/action-kit'
import { buildPushServices, ecrRegistryRegion, findBuiltImages, imagesMap, makeEcrClient, regionFor, renderBuildSummary, spawnExec, verifyCallerAccount, type BuildPushOptions, type Exec } from '@tierdeploy/aws'
import { ConfigurationError, environmentNamed, loadCatalog, systemClock } from '@tierdeploy/catalog'
import { MAX_SERVICES_PER_BUILD_JOB, packBuildLegs, resolveServiceName, servicesPerBuildJob } from '@tierdeploy/graph'
import { CACHE_MODES, INPUTS, MODES, OUTPUTS, PROVENANCE_MODES } from './contract.js'

/**
 * The bundled Dockerfile templates. From source this is templates/docker; the bundler (ncc) copies that folder
 * into dist/docker and replaces this expression with the copy's path, so the bundled action is self-contained.
 */
const templatesLocation: URL | string = new URL('../../../templates/docker', import.meta.url)
export const BUNDLED_TEMPLATES = typeof templatesLocation === 'string' ? templatesLocation : fileURLToPath(templatesLocation)

export interface BuildPushDeps {
  ecr?: ECRClient
  sts?: STSClient
  exec?: Exec
  templatesDir?: string
  fetch?: typeof fetch
}

/** `HOST[/NAMESPACE]`, as docker names registries: the host has a dot or a port, or is localhost. */
const REGISTRY_LOCATION = /^(?:localhost(?::\d+)?|[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d+)?|[a-z0-9-]+:\d+)(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*$/

export async function run(io: ActionIO = githubIO(), deps: BuildPushDeps = {}): Promise<void> {
  await runAction(async (io) => {
    const mode = readChoice(io, INPUTS.mode, MODES, 'build')
    const perJobInput = readString(io, INPUTS.servicesPerJob, { default: 'auto' })
    const servicesPerJob = perJobInput === 'auto' ? 'auto' : Number(perJobInput)
    if (servicesPerJob !== 'auto' && !(/^\d+$/.test(perJobInput) && servicesPerJob >= 1 && servicesPerJob <= MAX_SERVICES_PER_BUILD_JOB)) {
      throw new ConfigurationError(`input '${INPUTS.servicesPerJob}' must be auto or a whole number from 1 to ${MAX_SERVICES_PER_BUILD_JOB}, got '${perJobInput}'`)
    }
    const names = readList(io, INPUTS.services)
    if (!names?.length) throw new ConfigurationError(`input '${INPUTS.services}' is required: the service(s) to build, e.g. \${{ matrix.service }}`)
    const cacheInput = readChoice(io, INPUTS.cache, CACHE_MODES, 'auto')
    const cache = cacheInput === 'auto' ? (io.env.GITHUB_ACTIONS === 'true' ? 'gha' : 'registry') : cacheInput
    const provenance = readChoice(io, INPUTS.provenance, PROVENANCE_MODES, 'mode=min')
    const platform = readString(io, INPUTS.platform, { default: 'linux/amd64' })
    if (!/^[a-z0-9]+\/[a-z0-9]+(\/[a-z0-9]+)?(,[a-z0-9]+\/[a-z0-9]+(\/[a-z0-9]+)?)*$/.test(platform)) {
      throw new ConfigurationError(`input '${INPUTS.platform}' must be OS/ARCH (e.g. linux/amd64 or linux/amd64,linux/arm64), got '${platform}'`)
    }
    const revision = readString(io, INPUTS.revision, { default: io.env.GITHUB_SHA ?? '' })
    if (!/^[0-9a-f]{7,40}$/.test(revision)) throw new ConfigurationError(`input '${INPUTS.revision}' must be a commit SHA (defaults to GITHUB_SHA), got '${revision}'`)

    const registry = readString(io, INPUTS.registry).replace(/^https?:\/\//, '').replace(/\/+$/, '')
    if (registry && !REGISTRY_LOCATION.test(registry)) {
      throw new ConfigurationError(`input '${INPUTS.registry}' must be a registry host, optionally with a namespace (ghcr.io/acme, registry.example.com:5000, 127.0.0.1:5000/team), got '${registry}'`)
    }
    const ecrRegion = registry ? ecrRegistryRegion(registry.split('/')[0]!) : undefined
    const usesEcr = !registry || ecrRegion !== undefined

    const { catalog, warnings } = await loadCatalog({ dir: readString(io, INPUTS.catalog, { default: 'catalog' }) })
    for (const w of warnings) io.annotate(w)
    const envName = readString(io, INPUTS.environment)
    const environment = envName ? environmentNamed(catalog, envName) : undefined
    const services = [...new Set(names.map((n) => resolveServiceName(catalog, n)))]
    // An ECR host names its region; otherwise the region input, the environment's, then AWS_REGION.
    const region = usesEcr ? ecrRegion ?? regionFor(environment, { override: readString(io, INPUTS.region), overrideName: `the '${INPUTS.region}' input`, env: io.env }) : undefined
    // Pushes go to the registry of the credentials' own account (no ECR call names another), so only an environment
    // says which account that should be; without one there is nothing to compare. Another registry has no account.
    if (environment && region) await verifyCallerAccount(environment, { sts: deps.sts, region }, io.log)

    const options: BuildPushOptions = {
      revision,
      ...(io.env.GITHUB_SERVER_URL && io.env.GITHUB_REPOSITORY ? { sourceUrl: `${io.env.GITHUB_SERVER_URL}/${io.env.GITHUB_REPOSITORY}` } : {}),
      cache,
      platform,
      provenance,
      templatesDir: deps.templatesDir ?? BUNDLED_TEMPLATES,
      ...(registry ? { registry } : {}),
    }
    const effects = {
      ...(region ? { ecr: deps.ecr ?? (await makeEcrClient({ region })) } : {}),
      exec: deps.exec ?? spawnExec,
      clock: systemClock,
      log: io.log,
      setSecret: (s: string) => io.setSecret(s),
      env: io.env,
      ...(deps.fetch ? { fetch: deps.fetch } : {}),
    }
    if (mode === 'find') {
      // The deploy's plan job: which images exist, and build jobs only for the rest (none when every image exists).
      const { found, missing } = await findBuiltImages(catalog, services, options, effects)
      const perJob = servicesPerBuildJob(servicesPerJob, missing.length)
      const matrix = packBuildLegs(missing, perJob)
      io.setOutput(OUTPUTS.images, JSON.stringify(imagesMap(found)))
      io.setOutput(OUTPUTS.results, JSON.stringify(found))
      io.setOutput(OUTPUTS.built, 'false')
      io.setOutput(OUTPUTS.missing, JSON.stringify(missing))
      io.setOutput(OUTPUTS.buildMatrix, JSON.stringify(matrix))
      const imagesFile = readString(io, INPUTS.imagesFile)
      if (imagesFile) writeInputFile(INPUTS.imagesFile, imagesFile, `${JSON.stringify(imagesMap(found))}\n`)
      const jobs = matrix.reduce((n, m) => n + m.include.length, 0)
      await io.summary(`### tierdeploy build-push: ${found.length} image${found.length === 1 ? '' : 's'} exist, ${missing.length} to build in ${jobs} job${jobs === 1 ? '' : 's'}\n\n${missing.length ? `To build (${perJob} per job): ${missing.map((m) => `\`${m}\``).join(', ')}\n` : 'Nothing to build: no build job starts.\n'}`)
      return
    }
    const results = await buildPushServices(catalog, services, options, effects)

    io.setOutput(OUTPUTS.images, JSON.stringify(imagesMap(results)))
    // The same map as a file, for an artifact: matrix legs cannot each set a job output (the last leg would win).
    const imagesFile = readString(io, INPUTS.imagesFile)
    if (imagesFile) writeInputFile(INPUTS.imagesFile, imagesFile, `${JSON.stringify(imagesMap(results))}\n`)
    io.setOutput(OUTPUTS.results, JSON.stringify(results))
    io.setOutput(OUTPUTS.built, String(results.some((r) => r.built)))
    io.setOutput(OUTPUTS.missing, '[]')
    io.setOutput(OUTPUTS.buildMatrix, '[]')
    if (results.length === 1) {
      const [only] = results as [(typeof results)[0]]
      io.setOutput(OUTPUTS.image, only.image)
      io.setOutput(OUTPUTS.digest, only.digest)
      io.setOutput(OUTPUTS.contentTag, only.contentTag)
    }
    await io.summary(renderBuildSummary(results))
  }, io)
}

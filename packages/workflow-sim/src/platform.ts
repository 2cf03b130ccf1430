import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadCatalog, serviceSettings, type Catalog } from '@tierdeploy/catalog'
import { resolveDeployWaves } from '@tierdeploy/graph'
import { FakeEcs, tempDir, writeFiles } from '@tierdeploy/testkit'

/** The repository root of tierdeploy itself (workflows, the bundled catalog). */
export const REPOSITORY_ROOT = fileURLToPath(new URL('../../../', import.meta.url))

/**
 * The AWS side of a platform, on 127.0.0.1: the fake ECS control plane holding every environment's cluster, seeded
 * with every service the environment enables, and an HTTP server that answers the services' health URLs (each
 * environment's `url` points at it). Scenarios make a service unhealthy or its rollouts fail here.
 */
export interface PlatformAws {
  ecs: FakeEcs
  /** The health server's base URL. */
  url: string
  /** The image every seeded service runs in an environment (default staging) before any deploy. */
  initialImage(service: string, environment?: string): string
  /** Pushes an image into its account's registry (ECR replication then copies it where the catalog promotes to). */
  push(image: string): void
  /** Whether the image (by digest) is in its account's registry, as ECR DescribeImages would answer. */
  has(image: string): boolean
  /** The account an environment's clusters and registry belong to. */
  accountOf(environment: string): string
  /** The service's health URL answers 503 from now on, in every environment. */
  unhealthy(service: string): void
  /** The image each service runs in an environment's cluster now. */
  running(environment: string): Record<string, string>
  /** The task-definition revision each service runs in an environment's cluster now. */
  revisions(environment: string): Record<string, number>
  /** UpdateService calls that changed a service's task definition (a deploy or a rollback), per cluster/service. */
  updates: Map<string, number>
  stop(): Promise<void>
}

/** A platform repository in a temp dir: a catalog, a file in every service's directory, a first commit, and its AWS. */
export interface PlatformRepo {
  root: string
  catalogDir: string
  catalog: Catalog
  /** The first commit. */
  base: string
  aws: PlatformAws
  /** Writes files and commits them; returns the new commit. */
  commit(files: Record<string, string>, message?: string): string
  cleanup(): Promise<void>
}

function git(root: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=sim', '-c', 'user.email=sim@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: root, encoding: 'utf8' }).trim()
}

/** Staging's account in the bundled catalog: where simulated deploys go unless a scenario names another environment. */
export const DEFAULT_ACCOUNT = '222222222222'

/** The image build-push would push for a service's content, in an account's registry (same content, same digest). */
export function digestImage(service: string, content: string, account = DEFAULT_ACCOUNT): string {
  return `${account}.dkr.ecr.ca-central-1.amazonaws.com/${service}@sha256:${createHash('sha256').update(`${service}@${content}`).digest('hex')}`
}

/**
 * The bundled catalog (catalog/ of this repository), or a generated services.yaml with its environment files,
 * committed in a fresh git repository so detect-changed-services runs on real history. Every environment's url is
 * pointed at the health server before the first commit.
 */
export async function platformRepo(options: { servicesYaml?: string; environments?: Record<string, string>; serviceFiles?: boolean } = {}): Promise<PlatformRepo> {
  const { dir: root, cleanup } = tempDir('tierdeploy-sim-')
  const catalogDir = join(root, 'catalog')
  if (options.servicesYaml) {
    writeFiles(catalogDir, { 'services.yaml': options.servicesYaml })
    for (const [name, text] of Object.entries(options.environments ?? {})) writeFiles(catalogDir, { [`environments/${name}.yaml`]: text })
  } else {
    cpSync(join(REPOSITORY_ROOT, 'catalog'), catalogDir, { recursive: true })
  }
  const aws = await startAws()
  for (const file of readdirSync(join(catalogDir, 'environments'))) {
    const path = join(catalogDir, 'environments', file)
    const text = readFileSync(path, 'utf8').replace(/^url:.*$/m, '')
    writeFileSync(path, `${text.trimEnd()}\nurl: ${aws.url}\n`)
  }
  const { catalog } = await loadCatalog({ dir: catalogDir })
  aws.seed(catalog)
  const files: Record<string, string> = { 'package-lock.json': '{}\n' }
  // A file in each service's directory, for change detection; a size scenario that selects by tier skips them, so that
  // each of its thousand checkouts is not a thousand files.
  if (options.serviceFiles !== false) for (const s of catalog.services.values()) if (s.path) files[join(s.path, 'src/index.ts')] = `export const name = '${s.name}'\n`
  writeFiles(root, files)
  git(root, 'init', '-q', '-b', 'main')
  git(root, 'add', '-A')
  git(root, 'commit', '-q', '-m', 'platform')
  const base = git(root, 'rev-parse', 'HEAD')
  return {
    root,
    catalogDir,
    catalog,
    base,
    aws,
    commit: (changes, message = 'change') => {
      writeFiles(root, changes)
      git(root, 'add', '-A')
      git(root, 'commit', '-q', '-m', message)
      return git(root, 'rev-parse', 'HEAD')
    },
    cleanup: async () => {
      await aws.stop()
      cleanup()
    },
  }
}

async function startAws(): Promise<PlatformAws & { seed(catalog: Catalog): void }> {
  const ecs = await FakeEcs.start({ defaultRolloutMs: 30_000 })
  const failing = new Set<string>()
  let catalogRef: Catalog | undefined
  const clusters = new Map<string, string>()
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname
    res.writeHead(failing.has(path) ? 503 : 200, { 'content-type': 'text/plain' })
    res.end(failing.has(path) ? 'unhealthy\n' : 'ok\n')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const updates = new Map<string, number>()
  const updateService = ecs.state.updateService.bind(ecs.state)
  ecs.state.updateService = (input) => {
    if (input.taskDefinition) {
      const key = `${String(input.cluster)}/${String(input.service).split('/').at(-1)}`
      updates.set(key, (updates.get(key) ?? 0) + 1)
    }
    return updateService(input)
  }
  const clusterOf = (environment: string) => {
    const cluster = clusters.get(environment)
    if (!cluster) throw new Error(`no environment ${environment}`)
    return cluster
  }
  const services = (environment: string) => [...(ecs.state.clusters.get(clusterOf(environment))?.values() ?? [])]
  const accountOf = (environment: string) => catalogRef?.environments.get(environment)?.account ?? DEFAULT_ACCOUNT
  const pushed = (image: string) => {
    const ref = /^(\d{12})\.dkr\.ecr\.[^/]+\/([^@]+)@(sha256:[0-9a-f]{64})$/.exec(image)
    if (!ref) throw new Error(`not an ECR image by digest: ${image}`)
    ecs.registry(ref[1]!).pushImage(ref[2]!, ref[3]!)
    return image
  }
  const imageOf = (taskDefinition: string) => {
    const body = ecs.state.describeTaskDefinition({ taskDefinition }).taskDefinition as { containerDefinitions: Array<{ image: string }> }
    return body.containerDefinitions[0]!.image
  }
  return {
    ecs,
    url,
    updates,
    initialImage: (service, environment = 'staging') => digestImage(service, 'initial', accountOf(environment)),
    push: (image) => void pushed(image),
    has: (image) => {
      const ref = /^(\d{12})\.dkr\.ecr\.[^/]+\/([^@]+)@(sha256:[0-9a-f]{64})$/.exec(image)
      return ref !== null && ecs.registry(ref[1]!).repositories.get(ref[2]!)?.has(ref[3]!) === true
    },
    accountOf,
    unhealthy: (service) => {
      const s = catalogRef?.services.get(service)
      for (const environment of catalogRef?.environments.values() ?? []) {
        const path = s && serviceSettings(catalogRef!, s, environment).healthCheck.path
        if (path) failing.add(path)
      }
    },
    running: (environment) => Object.fromEntries(services(environment).map((s) => [s.name, imageOf(s.taskDefinition)])),
    revisions: (environment) => Object.fromEntries(services(environment).map((s) => [s.name, Number(s.taskDefinition.split(':').at(-1))])),
    seed: (catalog) => {
      catalogRef = catalog
      // As Terraform sets it up from the catalog: each environment's registry replicates to those promoted from it in
      // another account (terraform/modules/ecr replication_destinations).
      for (const environment of catalog.environments.values()) {
        const source = environment.promotesFrom ? catalog.environments.get(environment.promotesFrom) : undefined
        if (source && accountOf(source.name) !== accountOf(environment.name)) ecs.registry(accountOf(source.name)).replicateTo(ecs.registry(accountOf(environment.name)))
      }
      for (const environment of catalog.environments.values()) {
        if (typeof environment.cluster !== 'string') continue
        clusters.set(environment.name, environment.cluster)
        ecs.setClusterAccount(environment.cluster, accountOf(environment.name))
        const plan = resolveDeployWaves(catalog, { tier: 'all' }, environment)
        for (const name of plan.tiers.flatMap((t) => t.waves.flat())) {
          const service = catalog.services.get(name)!
          if (service.kind !== 'service') continue
          const targetGroupArn = `arn:aws:elasticloadbalancing:ca-central-1:111111111111:targetgroup/${name.slice(0, 20)}/0123456789abcdef`
          const containerName = serviceSettings(catalog, service, environment).containerName
          ecs.seedService({
            cluster: environment.cluster,
            name,
            // Each environment is its own account in the bundled catalog: no task-definition family is shared.
            family: `${environment.name}-${name}`,
            containerName,
            image: pushed(digestImage(name, 'initial', accountOf(environment.name))),
            ...(service.routing?.public ? { loadBalancers: [{ targetGroupArn, containerName, containerPort: 3000 }] } : {}),
          })
        }
      }
    },
    stop: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await ecs.stop()
    },
  }
}

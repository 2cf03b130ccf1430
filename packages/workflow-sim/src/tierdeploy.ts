import { execFileSync, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { isAbsolute, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse as parseYaml } from 'yaml'
import { recordingIO } from '@tierdeploy/action-kit'
import { loadCatalog } from '@tierdeploy/catalog'
import { tempDir, writeFiles } from '@tierdeploy/testkit'
import { run as detectChangedServices } from '../../../actions/detect-changed-services/src/main.js'
import { run as resolveGraph } from '../../../actions/resolve-graph/src/main.js'
import { run as githubDeployment } from '../../../actions/github-deployment/src/main.js'
import type { DeploymentsApi } from '../../../actions/github-deployment/src/deployment.js'
import type { StepCall, StepHandler, StepOutcome } from './simulate.js'
import { loadWorkflow, type LoadedWorkflow } from './workflow.js'

/** The repository root of tierdeploy itself (workflows, the bundled catalog). */
export const REPOSITORY_ROOT = fileURLToPath(new URL('../../../', import.meta.url))

/** A platform repository in a temp dir: a catalog, a file in every service's directory, and a first commit. */
export interface PlatformRepo {
  root: string
  catalogDir: string
  /** The first commit. */
  base: string
  /** Writes files and commits them; returns the new commit. */
  commit(files: Record<string, string>, message?: string): string
  cleanup(): void
}

function git(root: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=sim', '-c', 'user.email=sim@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: root, encoding: 'utf8' }).trim()
}

/**
 * The bundled catalog (catalog/ of this repository), or a generated services.yaml with one environment file,
 * committed in a fresh git repository so detect-changed-services runs on real history.
 */
export async function platformRepo(options: { servicesYaml?: string; environments?: Record<string, string> } = {}): Promise<PlatformRepo> {
  const { dir: root, cleanup } = tempDir('tierdeploy-sim-')
  const catalogDir = join(root, 'catalog')
  if (options.servicesYaml) {
    writeFiles(catalogDir, { 'services.yaml': options.servicesYaml })
    for (const [name, text] of Object.entries(options.environments ?? {})) writeFiles(catalogDir, { [`environments/${name}.yaml`]: text })
  } else {
    cpSync(join(REPOSITORY_ROOT, 'catalog'), catalogDir, { recursive: true })
  }
  const { catalog } = await loadCatalog({ dir: catalogDir })
  const files: Record<string, string> = { 'package-lock.json': '{}\n' }
  for (const s of catalog.services.values()) if (s.path) files[join(s.path, 'src/index.ts')] = `export const name = '${s.name}'\n`
  writeFiles(root, files)
  git(root, 'init', '-q', '-b', 'main')
  git(root, 'add', '-A')
  git(root, 'commit', '-q', '-m', 'platform')
  const base = git(root, 'rev-parse', 'HEAD')
  return {
    root,
    catalogDir,
    base,
    commit: (changes, message = 'change') => {
      writeFiles(root, changes)
      git(root, 'add', '-A')
      git(root, 'commit', '-q', '-m', message)
      return git(root, 'rev-parse', 'HEAD')
    },
    cleanup,
  }
}

/** What the fake AWS side of a scenario does. */
export interface DeployFakes {
  repo: PlatformRepo
  /** The pushed commit (push events): detect-changed-services compares it with repo.base. */
  head?: string
  /** ecs-deploy fails (after rolling the tier back) in this tier. */
  failDeployInTier?: number
  /** health-gate fails in this tier. */
  failHealthInTier?: number
  /** terraform plan reports changes. */
  terraformChanges?: boolean
  /** The reviewer rejects the approval. */
  rejectApproval?: boolean
  /** The push event's `before` (the previous tip); defaults to repo.base. */
  before?: string
  /** GitHub's deployments, shared by the runs of one scenario (fakeGitHub()); a fresh one by default. */
  github?: FakeGitHub
}

/** The deployments a fake GitHub holds: what github-deployment records and finds. */
export interface FakeGitHub {
  deployments: Array<{ id: number; sha: string; environment: string; task: string; statuses: string[] }>
}

export function fakeGitHub(): FakeGitHub {
  return { deployments: [] }
}

export interface DeployRecording {
  handler: StepHandler
  /** Every step that ran, in order. */
  calls: StepCall[]
  /** REST calls the github-deployment action made to the fake Octokit. */
  deployments: Array<{ method: string; params: Record<string, unknown> }>
}

function imageFor(service: string, revision: string): string {
  const digest = createHash('sha256').update(`${service}@${revision}`).digest('hex')
  return `111111111111.dkr.ecr.ca-central-1.amazonaws.com/${service}@sha256:${digest}`
}

/** The services an action input names: a resolve-graph matrix, a JSON array or a comma list. */
export function servicesIn(value: string): string[] {
  if (!value) return []
  if (value.startsWith('{')) return (JSON.parse(value) as { include: Array<{ service: string }> }).include.map((e) => e.service)
  if (value.startsWith('[')) return JSON.parse(value) as string[]
  return value.split(',').map((s) => s.trim()).filter(Boolean)
}

function tierOf(job: string): number | undefined {
  const m = /^tier-(\d+)$/.exec(job)
  return m ? Number(m[1]) : undefined
}

async function runAction(run: (io: ReturnType<typeof recordingIO>) => Promise<void>, inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}): Promise<StepOutcome> {
  const io = recordingIO(inputs, env)
  await run(io)
  return io.failed !== undefined ? { outputs: io.outputs, failure: io.failed } : { outputs: io.outputs }
}

/** A workflow command's value as the shell steps escape it (%, CR and LF), so a message is one line. */
export const commandValue = (text: string) => text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A')

const fail = (message: string): StepOutcome => ({ failure: commandValue(message) })

/** The deploy workflow's "Check inputs" step (plan/inputs), as its shell does it. */
export function checkInputs(env: Record<string, string>): StepOutcome {
  const { MODE = '', ROLLBACK_SERVICE = '', ROLLBACK_VERSION = '', IMAGES = '', SERVICES = '', INFRASTRUCTURE = '' } = env
  if (MODE !== 'deploy' && MODE !== 'rollback') return fail(`input 'mode' must be deploy or rollback, got '${MODE}'`)
  if (!['auto', 'true', 'false'].includes(INFRASTRUCTURE)) return fail(`input 'infrastructure' must be auto, true or false, got '${INFRASTRUCTURE}'`)
  if (MODE === 'rollback') {
    if (!ROLLBACK_SERVICE) return fail("input 'rollback-service' is required with mode rollback")
    if (!/^(previous|[0-9]+|[0-9a-f]{7,40})$/.test(ROLLBACK_VERSION)) return fail(`input 'rollback-version' must be previous, a revision number or a commit SHA, got '${ROLLBACK_VERSION}'`)
    return { outputs: { services: ROLLBACK_SERVICE } }
  }
  if (IMAGES) {
    let images: unknown
    try {
      images = JSON.parse(IMAGES)
    } catch {
      images = undefined
    }
    const valid = images !== null && typeof images === 'object' && !Array.isArray(images) && Object.keys(images as object).length > 0 &&
      Object.values(images as object).every((v) => typeof v === 'string' && /^[^@ ]+@sha256:[0-9a-f]{64}$/.test(v))
    if (!valid) return fail(`input 'images' must be a JSON object of service -> repository@sha256:<64 hex>, got '${IMAGES}'`)
    return { outputs: { services: SERVICES || JSON.stringify(Object.keys(images as object).sort()) } }
  }
  return { outputs: { services: SERVICES } }
}

/** The deploy workflow's "Read the environment's settings" step (plan/settings), as its shell does it. */
export function readSettings(env: Record<string, string>): StepOutcome {
  const { CATALOG = '', ENVIRONMENT = '', APPROVAL_ENVIRONMENT = '', ROLE = '', BUILD_CHUNKS = '[]' } = env
  let file = join(CATALOG, 'environments', `${ENVIRONMENT}.yaml`)
  if (!existsSync(file)) file = join(CATALOG, 'environments', `${ENVIRONMENT}.yml`)
  const settings = (parseYaml(readFileSync(file, 'utf8')) ?? {}) as Record<string, unknown>
  // A reference ({stackOutput: ...}) is not an ARN: the shell treats it as missing too.
  const role = typeof settings.roleArn === 'string' && settings.roleArn.startsWith('arn:') ? settings.roleArn : ''
  if (!ROLE && !role) return fail(`${file}: roleArn must be an IAM role ARN (or give the 'role-to-assume' input); the AWS jobs assume it with OIDC`)
  if (settings.requireApproval === true && !APPROVAL_ENVIRONMENT) {
    return fail(`${file} sets requireApproval: give 'approval-environment' (a GitHub environment with required reviewers, e.g. ${ENVIRONMENT}-approval)`)
  }
  const chunks = (JSON.parse(BUILD_CHUNKS) as unknown[]).length
  if (chunks > 5) return fail(`the plan builds ${chunks} chunks of 256 services; this workflow has 5 build jobs (1,280 services): split the deploy by tier`)
  const terraform = (settings.terraform ?? {}) as { workingDirectory?: string }
  return {
    outputs: {
      role,
      region: typeof settings.region === 'string' ? settings.region : '',
      url: typeof settings.url === 'string' ? settings.url : '',
      'terraform-directory': terraform.workingDirectory ?? `terraform/environments/${ENVIRONMENT}`,
    },
  }
}

/**
 * Fakes for every step of tierdeploy's workflows. detect-changed-services, resolve-graph and github-deployment are
 * the real actions (run() with a recording IO on the scenario's git repository and catalog; a fake Octokit);
 * AWS-facing actions are fakes that check what they are given: every service ecs-deploy deploys must have an
 * image, every AWS step must have a role and a region.
 */
export function tierdeploySteps(fakes: DeployFakes): DeployRecording {
  const calls: StepCall[] = []
  const deployments: DeployRecording['deployments'] = []
  const artifacts = new Map<string, string>()
  const store = fakes.github ?? fakeGitHub()
  const octokit: DeploymentsApi = {
    rest: {
      repos: {
        createDeployment: async (params) => {
          deployments.push({ method: 'createDeployment', params })
          const id = 1001 + store.deployments.length
          store.deployments.push({ id, sha: params.ref, environment: params.environment, task: params.task ?? 'deploy', statuses: [] })
          return { status: 201, data: { id } }
        },
        createDeploymentStatus: async (params) => {
          deployments.push({ method: 'createDeploymentStatus', params })
          store.deployments.find((d) => d.id === params.deployment_id)?.statuses.unshift(params.state)
          return { data: { id: deployments.length } }
        },
        // Newest first, as GitHub lists them.
        listDeployments: async (params) => ({
          data: store.deployments.filter((d) => d.environment === params.environment && d.task === params.task).reverse().slice(0, params.per_page).map(({ id, sha }) => ({ id, sha })),
        }),
        listDeploymentStatuses: async (params) => ({ data: (store.deployments.find((d) => d.id === params.deployment_id)?.statuses ?? []).map((state) => ({ state })) }),
      },
    },
  }
  const revision = fakes.head ?? fakes.repo.base

  const handler: StepHandler = async (original) => {
    // The runner's working directory is the checked-out repository: relative catalog paths resolve from there.
    const inWorkspace = (path: string | undefined) => (path && !isAbsolute(path) ? join(fakes.repo.root, path) : path)
    const call: StepCall = {
      ...original,
      with: { ...original.with, ...(original.with.catalog !== undefined ? { catalog: inWorkspace(original.with.catalog)! } : {}) },
      env: { ...original.env, ...(original.env.CATALOG !== undefined ? { CATALOG: inWorkspace(original.env.CATALOG)! } : {}) },
    }
    calls.push(call)
    if (call.run !== undefined) return runStep(call)
    switch (call.action) {
      case 'checkout':
      case 'setup-terraform':
      case 'setup-buildx-action':
      case 'upload-artifact':
      case 'download-artifact':
        return {}
      case 'configure-aws-credentials':
        if (!call.with['role-to-assume'] || !call.with['aws-region']) return fail(`${call.job}: configure-aws-credentials needs role-to-assume and aws-region, got ${JSON.stringify(call.with)}`)
        return {}
      case 'detect-changed-services': {
        const eventName = String(call.github.event_name)
        const { dir, cleanup } = tempDir('tierdeploy-event-')
        try {
          const eventPath = join(dir, 'event.json')
          writeFileSync(eventPath, JSON.stringify(eventName === 'push' ? { before: fakes.before ?? fakes.repo.base, after: revision, ref: 'refs/heads/main', repository: { default_branch: 'main' } } : {}))
          return await runAction(detectChangedServices, call.with, { GITHUB_EVENT_NAME: eventName, GITHUB_EVENT_PATH: eventPath, GITHUB_SHA: revision })
        } finally {
          cleanup()
        }
      }
      case 'resolve-graph':
        return runAction(resolveGraph, call.with)
      case 'github-deployment':
        return runAction((io) => githubDeployment(io, octokit), call.with, { GITHUB_REPOSITORY: 'acme/platform', GITHUB_SHA: revision, GITHUB_RUN_ID: '1' })
      case 'build-push': {
        const services = servicesIn(call.with.services ?? '')
        if (services.length !== 1) return fail(`build-push: expected one service per matrix entry, got '${call.with.services}'`)
        const image = imageFor(services[0]!, revision)
        return { outputs: { image, images: JSON.stringify({ [services[0]!]: image }), digest: image.split('@')[1]!, built: 'true' } }
      }
      case 'terraform-apply':
        return { outputs: { changes: String(fakes.terraformChanges ?? false), summary: '{}', outputs: '{}' } }
      case 'ecs-deploy': {
        const services = servicesIn(call.with.services ?? '')
        if (services.length === 0) return fail(`${call.job}: ecs-deploy was given no services`)
        if (call.with.mode === 'rollback') {
          return { outputs: { result: JSON.stringify(services.map((service) => ({ service, status: 'rolled-back', previousTaskDefinition: `${service}:2`, taskDefinition: `${service}:1`, reason: '' }))) } }
        }
        const images = JSON.parse(call.with.images || '{}') as Record<string, string>
        const missing = services.filter((s) => !images[s])
        if (missing.length) return fail(`${call.job}: ecs-deploy has no image for ${missing.join(', ')}`)
        const failed = fakes.failDeployInTier !== undefined && tierOf(call.job) === fakes.failDeployInTier
        const result = services.map((service) => ({
          service,
          status: failed ? 'rolled-back' : 'deployed',
          previousTaskDefinition: `${service}:1`,
          taskDefinition: `${service}:2`,
          reason: failed ? 'circuit breaker: tasks failed to start' : '',
        }))
        return { outputs: { result: JSON.stringify(result) }, ...(failed ? { failure: `tier ${tierOf(call.job)} failed and was rolled back` } : {}) }
      }
      case 'health-gate': {
        // health-gate takes names (a comma list or a JSON array), not a matrix.
        const services = call.with.services ?? ''
        if (services.startsWith('{')) return fail(`${call.job}: health-gate's services must be a comma list or a JSON array, got a matrix`)
        if (servicesIn(services).length === 0) return fail(`${call.job}: health-gate was given no services`)
        const failed = fakes.failHealthInTier !== undefined && tierOf(call.job) === fakes.failHealthInTier
        return failed ? { outputs: { passed: 'false' }, failure: `tier ${fakes.failHealthInTier} is unhealthy` } : { outputs: { passed: 'true', report: '[]', 'rolled-back': '[]' } }
      }
      default:
        return fail(`no fake for ${call.uses}`)
    }
  }

  const runStep = (call: StepCall): StepOutcome => {
    const where = `${call.job.replace(/-\d+$/, '-N')}/${call.step}`
    switch (where) {
      case 'plan/inputs':
        return checkInputs(call.env)
      case 'plan/settings':
        return readSettings(call.env)
      case 'plan/base': {
        // git merge-base --is-ancestor SHA HEAD, in the checked-out repository.
        const sha = call.env.SHA ?? ''
        const ancestor = spawnSync('git', ['merge-base', '--is-ancestor', sha, revision], { cwd: fakes.repo.root }).status === 0
        return { outputs: ancestor ? { sha } : {} }
      }
      case 'build-N/record-image':
        artifacts.set(call.env.SERVICE!, call.env.IMAGE!)
        return {}
      case 'images/merge': {
        const given = call.env.GIVEN ?? ''
        return { outputs: { images: given ? JSON.stringify(JSON.parse(given)) : JSON.stringify(Object.fromEntries([...artifacts].sort())) } }
      }
      case 'tier-N/deployed': {
        const result = JSON.parse(call.env.RESULT ?? '[]') as Array<{ service: string; status: string }>
        return { outputs: { services: JSON.stringify(result.filter((r) => r.status === 'deployed').map((r) => r.service)) } }
      }
      case 'verify/source': {
        const images = JSON.parse(call.env.IMAGES ?? '{}') as Record<string, string>
        const settings = readSettings({ CATALOG: call.env.CATALOG ?? '', ENVIRONMENT: call.env.FROM ?? '' })
        if (settings.failure) return settings
        return { outputs: { services: JSON.stringify(Object.keys(images).sort()), role: settings.outputs!.role!, region: settings.outputs!.region! } }
      }
      case 'approve/approved':
        return fakes.rejectApproval ? fail('the reviewer rejected the deployment') : {}
      case 'summary/summarise': {
        const failed = Object.entries(call.env).filter(([k, v]) => k.startsWith('RESULT_') && (v === 'failure' || v === 'cancelled'))
        return failed.length ? fail(`failed: ${failed.map(([k]) => k.slice('RESULT_'.length).toLowerCase().replaceAll('_', '-')).join(' ')} (see the table in the summary)`) : {}
      }
      default:
        return fail(`no fake for the run step ${call.job}/${call.step || call.index}`)
    }
  }

  return { handler, calls, deployments }
}

/** Loads the reusable workflows tierdeploy publishes (tierdeploy/tierdeploy/.github/workflows/NAME@REF) from this checkout. */
export async function localWorkflows(ref: string): Promise<LoadedWorkflow> {
  const m = /^tierdeploy\/tierdeploy\/(\.github\/workflows\/[^@]+)@.+$/.exec(ref)
  if (!m) throw new Error(`not a tierdeploy reusable workflow: ${ref}`)
  return loadWorkflow(join(REPOSITORY_ROOT, m[1]!))
}

import { execFileSync, spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch'
import { ECSClient } from '@aws-sdk/client-ecs'
import { ECRClient } from '@aws-sdk/client-ecr'
import type { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2'
import type { STSClient } from '@aws-sdk/client-sts'
import { recordingIO } from '@tierdeploy/action-kit'
import { environmentNamed } from '@tierdeploy/catalog'
import { packBuildLegs, servicesPerBuildJob } from '@tierdeploy/graph'
import { terraformRootOf } from '@tierdeploy/terraform'
import { tempDir } from '@tierdeploy/testkit'
import { run as detectChangedServices } from '../../../actions/detect-changed-services/src/main.js'
import { run as resolveGraph } from '../../../actions/resolve-graph/src/main.js'
import { run as githubDeployment } from '../../../actions/github-deployment/src/main.js'
import { run as ecsDeploy } from '../../../actions/ecs-deploy/src/main.js'
import { run as healthGate } from '../../../actions/health-gate/src/main.js'
import { run as status } from '../../../actions/status/src/main.js'
import type { DeploymentsApi } from '../../../actions/github-deployment/src/deployment.js'
import { digestImage, REPOSITORY_ROOT, type PlatformRepo } from './platform.js'
import type { ReviewDecision, ReviewRequest, SimulationOptions, StepCall, StepHandler, StepOutcome } from './simulate.js'
import { loadWorkflow, type LoadedWorkflow } from './workflow.js'

export { platformRepo, REPOSITORY_ROOT, type PlatformAws, type PlatformRepo } from './platform.js'

/** Linux refuses to start a process whose one environment variable (NAME=value and its NUL) is longer than this. */
export const MAX_ENV_STRING = 131_072

/** The deployments and run reviews a fake GitHub holds, shared by the runs of one scenario. */
export interface FakeGitHub {
  deployments: Array<{ id: number; sha: string; environment: string; task: string; statuses: string[] }>
  /** Reviews of environments with required reviewers, per run id. */
  reviews: Map<string, Array<{ environment: string; state: 'approved' | 'rejected' }>>
}

export function fakeGitHub(): FakeGitHub {
  return { deployments: [], reviews: new Map() }
}

/**
 * The artifacts of one workflow run. They outlive a run attempt, as GitHub's do: a re-run of failed jobs downloads
 * what the first attempt uploaded.
 */
export type ArtifactStore = Map<string, Map<string, Buffer>>

/** What the fake side of one workflow run is. */
export interface DeployFakes {
  repo: PlatformRepo
  /** The pushed or dispatched commit; repo.base by default. */
  head?: string
  /** The push event's `before` (the previous tip); defaults to repo.base. */
  before?: string
  /** terraform plan reports changes. */
  terraformChanges?: boolean
  /** terraform plan fails (a destroy guard, a lock timeout, a provider error). */
  failTerraformPlan?: boolean
  /** The build of these services fails. */
  failBuild?: string[]
  /** Shared by the runs of one scenario; a fresh one by default. */
  github?: FakeGitHub
  /** This run's id (github.run_id); '1' by default. */
  runId?: string
  /** This run's artifacts, kept across its attempts; a fresh store by default. */
  artifacts?: ArtifactStore
}

export interface DeployRecording {
  handler: StepHandler
  /** Every step that ran, in order. */
  calls: StepCall[]
  /** REST calls the github-deployment action made to the fake Octokit. */
  deployments: Array<{ method: string; params: Record<string, unknown> }>
  artifacts: ArtifactStore
  /** Removes the jobs' workspaces. */
  cleanup(): void
}

/** The services an action input names: a resolve-graph matrix, a JSON array or a comma list. */
export function servicesIn(value: string): string[] {
  if (!value) return []
  if (value.trimStart().startsWith('{')) return (JSON.parse(value) as { include: Array<{ service: string }> }).include.map((e) => e.service)
  if (value.trimStart().startsWith('[')) return JSON.parse(value) as string[]
  return value.split(',').map((s) => s.trim()).filter(Boolean)
}

/** GITHUB_OUTPUT's two forms: name=value lines, and name<<DELIMITER / value lines / DELIMITER. */
export function parseGithubOutput(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const end = lines.indexOf(heredoc[2]!, i + 1)
      outputs[heredoc[1]!] = lines.slice(i + 1, end).join('\n')
      i = end
    } else if (line.includes('=')) outputs[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1)
  }
  return outputs
}

/** The step's environment as the runner would build it fails to start a process when one string is over Linux's limit. */
function tooLarge(variables: Record<string, string>): string | undefined {
  for (const [name, value] of Object.entries(variables)) {
    const size = Buffer.byteLength(`${name}=${value}`) + 1
    if (size > MAX_ENV_STRING) return `${name} is ${size.toLocaleString('en-US')} bytes: Linux refuses one environment variable over ${MAX_ENV_STRING.toLocaleString('en-US')} (E2BIG, "Argument list too long")`
  }
  return undefined
}

/** Inputs of tierdeploy's actions that name a path: relative to the job's workspace, as on a runner. */
const PATH_INPUTS = ['catalog', 'images-file', 'result-file', 'deploy-result-file', 'working-directory', 'reasons-file', 'change-reasons-file', 'compare-with-file']

const noAws = { send: async () => ({}) }

/**
 * Every step of tierdeploy's workflows, done for real where this machine can: `run:` scripts run in bash in the job's
 * own workspace (a clone of the platform repository at the run's commit, made by actions/checkout), with GITHUB_OUTPUT
 * and the runner's environment-size limit; artifacts are uploaded and downloaded between workspaces with
 * upload-artifact's and download-artifact's rules; detect-changed-services, resolve-graph, github-deployment,
 * ecs-deploy and health-gate are the real actions (their `run()`), the last two against the platform's fake ECS and
 * health server, with the credentials the job's configure-aws-credentials step set. Only build-push (no registry) and
 * terraform-apply (no AWS) are fakes.
 */
export function tierdeploySteps(fakes: DeployFakes): DeployRecording {
  const calls: StepCall[] = []
  const deployments: DeployRecording['deployments'] = []
  const artifacts: ArtifactStore = fakes.artifacts ?? new Map()
  const store = fakes.github ?? fakeGitHub()
  const runId = fakes.runId ?? '1'
  const revision = fakes.head ?? fakes.repo.base
  const workspaces = new Map<string, string>()
  const checkouts = new Map<string, string>()
  const credentials = new Map<string, { role: string; region: string }>()
  const root = tempDir('tierdeploy-runner-')
  // The fake control plane checks no signature; the credentials are the simulator's own, never the environment's.
  const ecs = new ECSClient({ region: 'ca-central-1', endpoint: fakes.repo.aws.ecs.endpoint, maxAttempts: 10, credentials: { accessKeyId: 'AKIASIMULATOR0000000', secretAccessKey: 'simulator' } })
  // ECR of every account: the fake answers from the registry each request names (registryId).
  const ecr = new ECRClient({ region: 'ca-central-1', endpoint: fakes.repo.aws.ecs.endpoint, maxAttempts: 3, credentials: { accessKeyId: 'AKIASIMULATOR0000000', secretAccessKey: 'simulator' } })

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
      actions: {
        getReviewsForRun: async (params) => ({
          data: (store.reviews.get(String(params.run_id)) ?? []).map((r) => ({ state: r.state, environments: [{ name: r.environment }], user: { login: 'reviewer' } })),
        }),
      },
    },
  }

  /** One workspace per job leg and attempt, as each job gets a fresh runner. */
  const legKey = (call: StepCall) => [call.workflow, String(call.inputs.environment ?? ''), call.job, JSON.stringify(call.matrix ?? null), String(call.github.run_attempt ?? '1')].join('|')
  const workspaceOf = (call: StepCall) => {
    const key = legKey(call)
    let dir = workspaces.get(key)
    if (!dir) {
      dir = join(root.dir, String(workspaces.size))
      mkdirSync(dir, { recursive: true })
      workspaces.set(key, dir)
    }
    return dir
  }

  const runnerEnv = (call: StepCall, workspace: string): Record<string, string> => ({
    GITHUB_SHA: revision,
    GITHUB_REF: 'refs/heads/main',
    GITHUB_EVENT_NAME: String(call.github.event_name),
    GITHUB_REPOSITORY: 'acme/platform',
    GITHUB_RUN_ID: runId,
    GITHUB_RUN_ATTEMPT: String(call.github.run_attempt ?? '1'),
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_WORKSPACE: workspace,
  })

  const handler: StepHandler = async (call) => {
    calls.push(call)
    const workspace = workspaceOf(call)
    if (call.run !== undefined) return runScript(call, workspace)
    const size = tooLarge(Object.fromEntries(Object.entries(call.with).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])))
    if (size) return { failure: `the runner could not start ${call.uses}: ${size}` }
    const inputs = Object.fromEntries(Object.entries(call.with).map(([k, v]) => [k, PATH_INPUTS.includes(k) && v && !isAbsolute(v) ? join(workspace, v) : v]))
    const env = runnerEnv(call, workspace)
    switch (call.action) {
      case 'checkout': {
        // One clone per commit, copied into each job's workspace: a thousand build legs need not be a thousand clones.
        let pristine = checkouts.get(revision)
        if (!pristine) {
          pristine = join(root.dir, `checkout-${revision}`)
          execFileSync('git', ['clone', '-q', '--shared', '--no-checkout', fakes.repo.root, pristine])
          execFileSync('git', ['-C', pristine, 'checkout', '-q', '--detach', revision])
          rmSync(join(pristine, '.git/hooks'), { recursive: true, force: true })
          checkouts.set(revision, pristine)
        }
        cpSync(pristine, workspace, { recursive: true })
        return {}
      }
      case 'setup-terraform':
      case 'setup-buildx-action':
        return {}
      case 'upload-artifact':
        return uploadArtifact(artifacts, workspace, call.with)
      case 'download-artifact':
        return downloadArtifact(artifacts, workspace, call.with)
      case 'configure-aws-credentials': {
        const role = call.with['role-to-assume'] ?? ''
        const region = call.with['aws-region'] ?? ''
        if (!/^arn:aws:iam::\d{12}:role\/.+/.test(role) || !region) return { failure: `configure-aws-credentials needs role-to-assume (an IAM role ARN) and aws-region, got '${role}' and '${region}'` }
        const duration = Number(call.with['role-duration-seconds'] || 3600)
        if (!Number.isInteger(duration) || duration < 900 || duration > 43_200) return { failure: `role-duration-seconds must be 900-43200, got '${call.with['role-duration-seconds']}'` }
        credentials.set(legKey(call), { role, region })
        return {}
      }
      case 'detect-changed-services': {
        const eventName = String(call.github.event_name)
        const eventPath = join(workspace, '..', `event-${workspaces.size}.json`)
        writeFileSync(eventPath, JSON.stringify(eventName === 'push' ? { before: fakes.before ?? fakes.repo.base, after: revision, ref: 'refs/heads/main', repository: { default_branch: 'main' } } : {}))
        return runAction(detectChangedServices, inputs, { ...env, GITHUB_EVENT_PATH: eventPath })
      }
      case 'resolve-graph':
        return runAction(resolveGraph, inputs, env)
      case 'github-deployment':
        return runAction((io) => githubDeployment(io, octokit), inputs, env)
      case 'build-push': {
        const services = servicesIn(call.with.services ?? '')
        if (services.length === 0) return { failure: `build-push: no services given, got '${call.with.services}'` }
        const account = fakes.repo.aws.accountOf(call.with.environment ?? 'staging')
        // An image is named by the commit here (the content tag's stand-in): a re-deploy of one commit finds them all.
        const images = Object.fromEntries(services.map((service) => [service, digestImage(service, revision, account)]))
        const writeImages = (map: Record<string, string>) => {
          if (!inputs['images-file']) return
          mkdirSync(dirname(inputs['images-file']), { recursive: true })
          writeFileSync(inputs['images-file'], `${JSON.stringify(map)}\n`)
        }
        if (call.with.mode === 'find') {
          // The plan job's read-only lookup (the real packing rule): build legs only for the images not there yet.
          const found = Object.fromEntries(Object.entries(images).filter(([, image]) => fakes.repo.aws.has(image)))
          const missing = services.filter((s) => !(s in found))
          const perJob = call.with['services-per-job'] && call.with['services-per-job'] !== 'auto' ? Number(call.with['services-per-job']) : 'auto'
          writeImages(found)
          return { outputs: { images: JSON.stringify(found), missing: JSON.stringify(missing), 'build-matrix': JSON.stringify(packBuildLegs(missing, servicesPerBuildJob(perJob, missing.length))), built: 'false' } }
        }
        const failed = services.find((s) => fakes.failBuild?.includes(s))
        if (failed) return { failure: `build-push: docker build of ${failed} failed` }
        // Pushed to the registry of the environment's account, as the build role's credentials would.
        for (const image of Object.values(images)) fakes.repo.aws.push(image)
        writeImages(images)
        const [only] = Object.values(images)
        return { outputs: { images: JSON.stringify(images), built: 'true', ...(services.length === 1 ? { image: only!, digest: only!.split('@')[1]! } : {}) } }
      }
      case 'terraform-apply': {
        // Without working-directory the action takes the catalog environment's root (the same rule as the action).
        const directory = inputs['working-directory'] || join(workspace, terraformRootOf(environmentNamed(fakes.repo.catalog, call.with.environment ?? '')).workingDirectory)
        if (call.with.command === 'apply' && !existsSync(join(directory, call.with['plan-file'] ?? ''))) {
          return { failure: `terraform-apply: no plan file ${call.with['plan-file']} in ${call.with['working-directory']}: the reviewed plan was not downloaded` }
        }
        if (call.with.command === 'plan' && fakes.failTerraformPlan) return { failure: 'terraform-apply: Error acquiring the state lock (simulated)' }
        if (call.with.command === 'plan' && fakes.terraformChanges) {
          mkdirSync(directory, { recursive: true })
          writeFileSync(join(directory, call.with['plan-file'] ?? 'tfplan'), 'plan')
          writeFileSync(join(directory, `${call.with['plan-file']}.review.json`), '{}')
        }
        return { outputs: { changes: String(fakes.terraformChanges ?? false), summary: '{}', outputs: '{}', 'working-directory': relative(workspace, directory) } }
      }
      case 'ecs-deploy':
      case 'health-gate':
      case 'status': {
        const aws = credentials.get(legKey(call))
        if (!aws) return { failure: `${call.action}: no AWS credentials (configure-aws-credentials did not run in this job)` }
        const environment = environmentNamed(fakes.repo.catalog, call.with.environment ?? '')
        if (aws.region !== environment.region) return { failure: `${call.action}: credentials are for ${aws.region}, the environment is in ${environment.region}` }
        const account = aws.role.split(':')[4]
        if (environment.account && account !== environment.account) return { failure: `AccessDeniedException: role ${aws.role} (account ${account}) may not act on ${environment.name} (account ${environment.account})` }
        const awsEnv = { ...env, AWS_REGION: aws.region }
        const clock = fakes.repo.aws.ecs.clock
        // GetCallerIdentity names the account of the role the job assumed (the one fake control plane serves them all).
        const sts = { send: async () => ({ Account: account, Arn: `arn:aws:sts::${account}:assumed-role/${aws.role.split('/').at(-1)}/simulator` }) } as unknown as STSClient
        // The fake control plane has no IAM, Service Quotas, EC2 or ELB: preflight is tested on its own (packages/aws/src/preflight).
        if (call.action === 'ecs-deploy') return runAction((io) => ecsDeploy(io, { ecs, ecr, sts, clock }), { preflight: 'false', ...inputs }, awsEnv)
        if (call.action === 'status') return runAction((io) => status(io, { ecs, sts, clock }), inputs, awsEnv)
        const elb = { send: async () => ({ TargetHealthDescriptions: [{ Target: { Id: '10.0.0.1', Port: 3000 }, TargetHealth: { State: 'healthy' } }] }) } as unknown as ElasticLoadBalancingV2Client
        return runAction((io) => healthGate(io, { ecs, elb, cloudwatch: noAws as unknown as CloudWatchClient, sts, clock }), inputs, awsEnv)
      }
      default:
        return { failure: `no fake for ${call.uses}` }
    }
  }

  const runScript = (call: StepCall, workspace: string): StepOutcome => {
    const env = { ...call.env, ...runnerEnv(call, workspace) }
    const size = tooLarge(env)
    if (size) return { failure: `the runner could not start the script: ${size}` }
    const output = join(workspace, '..', `output-${calls.length}`)
    const summary = join(workspace, '..', `summary-${calls.length}`)
    writeFileSync(output, '')
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', call.run!], {
      cwd: workspace,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env, GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary },
      encoding: 'utf8',
    })
    if (result.error) return { failure: `bash: ${result.error.message}` }
    if (result.status !== 0) return { failure: /::error title=tierdeploy::(.*)/.exec(result.stdout)?.[1] ?? `exit ${result.status}: ${result.stderr.trim()}` }
    return { outputs: parseGithubOutput(readFileSync(output, 'utf8')) }
  }

  return { handler, calls, deployments, artifacts, cleanup: root.cleanup }
}

async function runAction(run: (io: ReturnType<typeof recordingIO>) => Promise<void>, inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}): Promise<StepOutcome> {
  const io = recordingIO(inputs, env)
  await run(io)
  return io.failed !== undefined ? { outputs: io.outputs, failure: io.failed } : { outputs: io.outputs }
}

/** Files under `dir`, relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
}

/**
 * actions/upload-artifact: the files of every path (a file or a directory; several on separate lines), stored
 * relative to the paths' least common ancestor; a name already uploaded in the run fails unless `overwrite: true`.
 */
function uploadArtifact(artifacts: ArtifactStore, workspace: string, input: Record<string, string>): StepOutcome {
  const name = input.name || 'artifact'
  const paths = (input.path ?? '').split('\n').map((p) => p.trim()).filter(Boolean).map((p) => resolve(workspace, p))
  const found = paths.filter((p) => existsSync(p))
  const files = found.flatMap((p) => (statSync(p).isDirectory() ? filesUnder(p).map((f) => join(p, f)) : [p]))
  if (files.length === 0) {
    const when = input['if-no-files-found'] || 'warn'
    return when === 'error' ? { failure: `upload-artifact: no files were found with the provided path: ${input.path}. No artifacts will be uploaded.` } : {}
  }
  if (artifacts.has(name) && input.overwrite !== 'true') return { failure: `upload-artifact: Failed to CreateArtifact: an artifact with this name already exists on the workflow run (${name})` }
  const ancestor = found.length === 1 && statSync(found[0]!).isDirectory() ? found[0]! : commonAncestor(found.map((p) => (statSync(p).isDirectory() ? p : dirname(p))))
  artifacts.set(name, new Map(files.map((f) => [relative(ancestor, f), readFileSync(f)])))
  return { outputs: { 'artifact-id': String(artifacts.size) } }
}

function commonAncestor(dirs: string[]): string {
  const parts = dirs.map((d) => d.split(sep))
  const first = parts[0]!
  let n = 0
  while (n < first.length && parts.every((p) => p[n] === first[n])) n++
  return first.slice(0, n).join(sep) || sep
}

/**
 * actions/download-artifact: `name` downloads that artifact into `path` (failing when the run has none of that
 * name); `pattern` downloads every match, each into `path/<name>/` unless `merge-multiple` or only one matches, and
 * succeeds with nothing when nothing matches (read from download-artifact v8's source).
 */
function downloadArtifact(artifacts: ArtifactStore, workspace: string, input: Record<string, string>): StepOutcome {
  const target = resolve(workspace, input.path || '.')
  const write = (files: Map<string, Buffer>, dir: string) => {
    for (const [file, content] of files) {
      mkdirSync(dirname(join(dir, file)), { recursive: true })
      writeFileSync(join(dir, file), content)
    }
  }
  if (input.name) {
    const files = artifacts.get(input.name)
    if (!files) return { failure: `download-artifact: Unable to download artifact(s): Artifact not found for name: ${input.name}` }
    write(files, target)
    return { outputs: { 'download-path': target } }
  }
  const pattern = new RegExp(`^${(input.pattern ?? '*').replace(/[.+^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*').replaceAll('?', '.')}$`)
  const matches = [...artifacts].filter(([name]) => pattern.test(name))
  // Since v5, one match (like merge-multiple) lands directly in path; several land in path/<name>/.
  for (const [name, files] of matches) write(files, input['merge-multiple'] === 'true' || matches.length === 1 ? target : join(target, name))
  return { outputs: { 'download-path': target } }
}

/** Loads the reusable workflows tierdeploy publishes (tierdeploy/tierdeploy/.github/workflows/NAME@REF) from this checkout. */
export async function localWorkflows(ref: string): Promise<LoadedWorkflow> {
  const m = /^tierdeploy\/tierdeploy\/(\.github\/workflows\/[^@]+)@.+$/.exec(ref)
  if (!m) throw new Error(`not a tierdeploy reusable workflow: ${ref}`)
  return loadWorkflow(join(REPOSITORY_ROOT, m[1]!))
}

/** A workflow command's value as the shell steps escape it (%, CR and LF), so a message is one line. */
export const commandValue = (text: string) => text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A')

/**
 * GitHub's deployment reviews for a scenario: every environment named `*-approval` has required reviewers (as
 * docs/workflows.md sets them up); `decide` answers each request (approve by default), and each decision is kept in
 * the fake GitHub's review history of the run, which release.yml's authorize job reads back.
 */
export function reviewers(github: FakeGitHub, decide: (request: ReviewRequest) => ReviewDecision | Promise<ReviewDecision> = () => 'approved'): Pick<SimulationOptions, 'environments' | 'review'> {
  const environments = new Proxy<Record<string, { reviewers: boolean }>>({}, {
    get: (_, name) => (typeof name === 'string' && name.endsWith('-approval') ? { reviewers: true } : undefined),
    has: (_, name) => typeof name === 'string' && name.endsWith('-approval'),
  })
  return {
    environments,
    review: async (request) => {
      const decision = await decide(request)
      if (decision === 'approved' || decision === 'rejected') {
        const history = github.reviews.get(request.run) ?? []
        history.push({ environment: request.environment, state: decision })
        github.reviews.set(request.run, history)
      }
      return decision
    },
  }
}

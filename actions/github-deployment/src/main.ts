import { getOctokit } from '@actions/github'
import { readChoice, readString, runAction, githubIO, type ActionIO } from '@tierdeploy/action-kit'
import { ConfigurationError } from '@tierdeploy/catalog'
import { DEPLOYMENT_STATES, FIND_MODES, INPUTS, OUTPUTS } from './contract.js'
import { findLastSuccess, recordDeployment, requireApproval, type DeploymentRequest, type DeploymentsApi } from './deployment.js'

function readRequest(io: ActionIO): DeploymentRequest {
  const repository = io.env.GITHUB_REPOSITORY ?? ''
  const [owner, repo] = repository.split('/')
  if (!owner || !repo) throw new ConfigurationError(`GITHUB_REPOSITORY must be owner/name, got '${repository}'`)
  const idText = readString(io, INPUTS.deploymentId)
  if (idText && !/^\d+$/.test(idText)) throw new ConfigurationError(`input '${INPUTS.deploymentId}' must be a deployment id (a whole number), got '${idText}'`)
  const environment = readString(io, INPUTS.environment, { required: true })
  const ref = readString(io, INPUTS.ref, { default: io.env.GITHUB_SHA ?? '' })
  if (!ref) throw new ConfigurationError(`input '${INPUTS.ref}' is required outside GitHub Actions (GITHUB_SHA is not set)`)
  const runUrl = io.env.GITHUB_RUN_ID ? `${io.env.GITHUB_SERVER_URL ?? 'https://github.com'}/${repository}/actions/runs/${io.env.GITHUB_RUN_ID}` : ''
  const environmentUrl = readString(io, INPUTS.environmentUrl)
  if (environmentUrl && !/^https?:\/\//.test(environmentUrl)) throw new ConfigurationError(`input '${INPUTS.environmentUrl}' must be an http(s) URL, got '${environmentUrl}'`)
  return {
    owner,
    repo,
    environment,
    ref,
    state: readChoice(io, INPUTS.state, DEPLOYMENT_STATES, 'in_progress'),
    ...(idText ? { deploymentId: Number(idText) } : {}),
    ...(environmentUrl ? { environmentUrl } : {}),
    ...(readString(io, INPUTS.logUrl, { default: runUrl }) ? { logUrl: readString(io, INPUTS.logUrl, { default: runUrl }) } : {}),
    ...(readString(io, INPUTS.description) ? { description: readString(io, INPUTS.description) } : {}),
    ...(readString(io, INPUTS.task) ? { task: readString(io, INPUTS.task) } : {}),
  }
}

/** `api` is injected by tests (a fake Octokit); on the runner it is @actions/github's Octokit for the token. */
export async function run(io: ActionIO = githubIO(), api?: DeploymentsApi): Promise<void> {
  await runAction(async (io) => {
    const find = readChoice(io, INPUTS.find, FIND_MODES, '')
    const request = readRequest(io)
    const token = readString(io, INPUTS.token)
    if (!api && !token) throw new ConfigurationError(`input '${INPUTS.token}' is required (the default is github.token)`)
    if (token) io.setSecret(token)
    if (find === 'approval') {
      const environment = readString(io, INPUTS.approvalEnvironment, { required: true })
      const runId = Number(io.env.GITHUB_RUN_ID)
      if (!Number.isInteger(runId) || runId <= 0) throw new ConfigurationError(`find: approval needs GITHUB_RUN_ID (the run whose approvals to read), got '${io.env.GITHUB_RUN_ID ?? ''}'`)
      const approvers = await requireApproval(api ?? (getOctokit(token) as unknown as DeploymentsApi), { owner: request.owner, repo: request.repo, runId, environment })
      io.log.info(`${environment} approved this run (${approvers.join(', ')})`)
      return
    }
    if (find === 'last-success') {
      const task = request.task ?? 'deploy'
      const sha = await findLastSuccess(api ?? (getOctokit(token) as unknown as DeploymentsApi), { owner: request.owner, repo: request.repo, environment: request.environment, task })
      io.setOutput(OUTPUTS.sha, sha ?? '')
      io.log.info(sha ? `the last successful '${task}' deployment in ${request.environment} is ${sha}` : `no successful '${task}' deployment in ${request.environment}`)
      return
    }
    const record = await recordDeployment(api ?? (getOctokit(token) as unknown as DeploymentsApi), request)
    io.setOutput(OUTPUTS.deploymentId, String(record.deploymentId))
    io.setOutput(OUTPUTS.statusId, String(record.statusId))
    io.log.info(`${record.created ? 'created deployment' : 'deployment'} ${record.deploymentId} in ${request.environment}: ${request.state}`)
  }, io)
}

import { ConfigurationError } from '@tierdeploy/catalog'
import type { DEPLOYMENT_STATES } from './contract.js'

export type DeploymentState = (typeof DEPLOYMENT_STATES)[number]

/** The two calls of GitHub's REST API this action makes, as @actions/github's Octokit exposes them. */
export interface DeploymentsApi {
  rest: {
    repos: {
      createDeployment(params: {
        owner: string
        repo: string
        ref: string
        environment: string
        auto_merge: boolean
        required_contexts: string[]
        description?: string
        task?: string
        production_environment?: boolean
        transient_environment?: boolean
      }): Promise<{ status: number; data: { id?: number; message?: string } }>
      listDeployments(params: { owner: string; repo: string; environment: string; task: string; per_page: number }): Promise<{ data: Array<{ id: number; sha: string }> }>
      listDeploymentStatuses(params: { owner: string; repo: string; deployment_id: number; per_page: number }): Promise<{ data: Array<{ state: string }> }>
      createDeploymentStatus(params: {
        owner: string
        repo: string
        deployment_id: number
        state: DeploymentState
        environment_url?: string
        log_url?: string
        description?: string
        auto_inactive?: boolean
      }): Promise<{ data: { id: number } }>
    }
    /** Only with find: approval (GET /repos/{owner}/{repo}/actions/runs/{run_id}/approvals). */
    actions?: {
      getReviewsForRun(params: { owner: string; repo: string; run_id: number }): Promise<{
        data: Array<{ state: string; environments: Array<{ name?: string }>; user?: { login?: string } | null; comment?: string }>
      }>
    }
  }
}

export interface DeploymentRequest {
  owner: string
  repo: string
  environment: string
  ref: string
  state: DeploymentState
  /** Set the status of this deployment instead of creating one. */
  deploymentId?: number
  environmentUrl?: string
  logUrl?: string
  description?: string
  /** The deployment's task (GitHub's default is deploy). */
  task?: string
}

export interface DeploymentRecord {
  deploymentId: number
  statusId: number
  created: boolean
}

/** GitHub rejects a deployment or status description longer than this. */
const DESCRIPTION_LIMIT = 140

function shorten(text: string | undefined): string | undefined {
  if (!text) return undefined
  return text.length > DESCRIPTION_LIMIT ? `${text.slice(0, DESCRIPTION_LIMIT - 3)}...` : text
}

/**
 * Creates the deployment (unless one is given) and sets its status. auto_merge is off because a deploy must never
 * merge the default branch into the ref; required_contexts is empty because the workflow has already decided the
 * commit may deploy (GitHub would otherwise refuse while any status check is pending on it).
 */
export async function recordDeployment(api: DeploymentsApi, request: DeploymentRequest): Promise<DeploymentRecord> {
  const { owner, repo } = request
  let deploymentId = request.deploymentId
  if (deploymentId === undefined) {
    const created = await api.rest.repos.createDeployment({
      owner,
      repo,
      ref: request.ref,
      environment: request.environment,
      auto_merge: false,
      required_contexts: [],
      description: shorten(request.description),
      ...(request.task ? { task: request.task } : {}),
      production_environment: request.environment === 'production',
    })
    // 202 means GitHub tried to merge instead of deploying; with auto_merge off it only happens on a conflict.
    if (created.data.id === undefined) {
      throw new ConfigurationError(`GitHub created no deployment for ref '${request.ref}' in '${request.environment}': ${created.data.message ?? `status ${created.status}`}`)
    }
    deploymentId = created.data.id
  }
  const status = await api.rest.repos.createDeploymentStatus({
    owner,
    repo,
    deployment_id: deploymentId,
    state: request.state,
    ...(request.environmentUrl ? { environment_url: request.environmentUrl } : {}),
    ...(request.logUrl ? { log_url: request.logUrl } : {}),
    ...(request.description ? { description: shorten(request.description) } : {}),
    // A successful deploy marks the environment's earlier deployments inactive, so the page shows one current one.
    auto_inactive: request.state === 'success',
  })
  return { deploymentId, statusId: status.data.id, created: request.deploymentId === undefined }
}

/** How many of the newest deployments of a task findLastSuccess looks through. */
export const FIND_LIMIT = 30

/**
 * The commit of the newest deployment of `task` in `environment` that reached success (any of its statuses), or
 * undefined. Any status counts, not only the latest: a later success of another deployment marks earlier ones
 * inactive, which does not undo that they succeeded.
 */
export async function findLastSuccess(api: DeploymentsApi, query: { owner: string; repo: string; environment: string; task: string }): Promise<string | undefined> {
  const { data: deployments } = await api.rest.repos.listDeployments({ ...query, per_page: FIND_LIMIT })
  for (const deployment of deployments) {
    const { data: statuses } = await api.rest.repos.listDeploymentStatuses({ owner: query.owner, repo: query.repo, deployment_id: deployment.id, per_page: 100 })
    if (statuses.some((s) => s.state === 'success')) return deployment.sha
  }
  return undefined
}

/**
 * Who approved `environment` in this workflow run, from GitHub's review history of the run; a ConfigurationError when
 * nobody did. A release checks this itself rather than trusting that the job before it was the approval: a workflow
 * calling release.yml directly, or a gate skipped for a reason nobody foresaw, then still cannot release unapproved.
 */
export async function requireApproval(api: DeploymentsApi, query: { owner: string; repo: string; runId: number; environment: string }): Promise<string[]> {
  if (!api.rest.actions) throw new Error('this Octokit has no actions API')
  const { data: reviews } = await api.rest.actions.getReviewsForRun({ owner: query.owner, repo: query.repo, run_id: query.runId })
  const forEnvironment = reviews.filter((r) => r.environments.some((e) => e.name === query.environment))
  const approvers = forEnvironment.filter((r) => r.state === 'approved').map((r) => r.user?.login ?? 'someone')
  if (forEnvironment.some((r) => r.state === 'rejected')) {
    throw new ConfigurationError(`the release to this environment was rejected in ${query.environment} in this run: nothing is released`)
  }
  if (approvers.length === 0) {
    throw new ConfigurationError(`no approval in ${query.environment} in this run (run ${query.runId}): nothing is released without one. The approval job must run in that environment, which needs required reviewers (docs/workflows.md, GitHub environments)`)
  }
  return approvers
}

/** Input and output names of this action, in one place; action.yml must declare exactly these (contract test). */
export const INPUTS = {
  token: 'token',
  environment: 'environment',
  ref: 'ref',
  deploymentId: 'deployment-id',
  state: 'state',
  environmentUrl: 'environment-url',
  description: 'description',
  logUrl: 'log-url',
  task: 'task',
  find: 'find',
  approvalEnvironment: 'approval-environment',
} as const

export const OUTPUTS = {
  deploymentId: 'deployment-id',
  statusId: 'status-id',
  sha: 'sha',
} as const

/** find: last-success and approval look up instead of recording. */
export const FIND_MODES = ['', 'last-success', 'approval'] as const

export const DEPLOYMENT_STATES = ['queued', 'pending', 'in_progress', 'success', 'failure', 'error', 'inactive'] as const

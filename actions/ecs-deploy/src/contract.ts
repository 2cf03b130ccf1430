/** Input and output names of this action, in one place; action.yml must declare exactly these (contract test). */
export const INPUTS = {
  catalog: 'catalog',
  environment: 'environment',
  services: 'services',
  images: 'images',
  cluster: 'cluster',
  mode: 'mode',
  rollbackVersion: 'rollback-version',
  timeoutMinutes: 'timeout-minutes',
  rollbackOnFailure: 'rollback-on-failure',
  commitSha: 'commit-sha',
  deployId: 'deploy-id',
  dryRun: 'dry-run',
  terraformOutputs: 'terraform-outputs',
} as const

export const OUTPUTS = {
  result: 'result',
} as const

export const MODES = ['deploy', 'rollback'] as const
export const DEFAULT_TIMEOUT_MINUTES = 15

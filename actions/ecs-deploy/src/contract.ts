/** Input and output names of this action, in one place; action.yml must declare exactly these (contract test). */
export const INPUTS = {
  catalog: 'catalog',
  environment: 'environment',
  services: 'services',
  images: 'images',
  imagesFile: 'images-file',
  cluster: 'cluster',
  region: 'region',
  mode: 'mode',
  rollbackVersion: 'rollback-version',
  timeoutMinutes: 'timeout-minutes',
  rollbackOnFailure: 'rollback-on-failure',
  commitSha: 'commit-sha',
  deployId: 'deploy-id',
  dryRun: 'dry-run',
  preflight: 'preflight',
  terraformOutputs: 'terraform-outputs',
  resultFile: 'result-file',
  deployResultFile: 'deploy-result-file',
} as const

export const OUTPUTS = {
  result: 'result',
} as const

export const MODES = ['deploy', 'rollback'] as const
/** The rollback-version that rolls back what a deploy-result-file records as deployed, to its recorded revisions. */
export const ROLLBACK_RECORDED = 'recorded'
export const DEFAULT_TIMEOUT_MINUTES = 15

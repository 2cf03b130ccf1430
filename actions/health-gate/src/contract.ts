/** Input and output names of this action, in one place; action.yml must declare exactly these (contract test). */
export const INPUTS = {
  catalog: 'catalog',
  environment: 'environment',
  tier: 'tier',
  services: 'services',
  cluster: 'cluster',
  region: 'region',
  targetGroups: 'target-groups',
  deployResult: 'deploy-result',
  deployResultFile: 'deploy-result-file',
  rollbackOnFailure: 'rollback-on-failure',
  checks: 'checks',
  timeoutSeconds: 'timeout-seconds',
  bakeSeconds: 'bake-seconds',
  terraformOutputs: 'terraform-outputs',
  readImages: 'read-images',
} as const

export const OUTPUTS = {
  passed: 'passed',
  report: 'report',
  rolledBack: 'rolled-back',
  images: 'images',
} as const

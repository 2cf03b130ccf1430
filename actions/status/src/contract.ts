/** Input and output names of this action, in one place; action.yml must declare exactly these (contract test). */
export const INPUTS = {
  catalog: 'catalog',
  environment: 'environment',
  tier: 'tier',
  services: 'services',
  cluster: 'cluster',
  region: 'region',
  compareWith: 'compare-with',
  compareWithFile: 'compare-with-file',
  resultFile: 'result-file',
  summary: 'summary',
} as const

export const OUTPUTS = {
  status: 'status',
  markdown: 'markdown',
  differences: 'differences',
  healthy: 'healthy',
} as const

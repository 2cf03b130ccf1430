/** Input and output names of this action, in one place; action.yml must declare exactly these (contract test). */
export const INPUTS = {
  catalog: 'catalog',
  environment: 'environment',
  scanCode: 'scan-code',
} as const

export const OUTPUTS = {
  findings: 'findings',
  errors: 'errors',
  warnings: 'warnings',
} as const

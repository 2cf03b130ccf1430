/** Input and output names of this action, in one place; action.yml must declare exactly these (contract test). */
export const INPUTS = {
  catalog: 'catalog',
  environment: 'environment',
  pricing: 'pricing',
  baseRef: 'base-ref',
  baseCatalog: 'base-catalog',
} as const

export const OUTPUTS = {
  report: 'report',
  monthly: 'monthly',
  difference: 'difference',
  increase: 'increase',
} as const

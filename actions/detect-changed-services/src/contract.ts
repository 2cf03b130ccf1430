/** Input and output names of this action, in one place; action.yml must declare exactly these (contract test). */
export const INPUTS = {
  catalog: 'catalog',
  base: 'base',
  head: 'head',
  defaultBranch: 'default-branch',
  reasonsFile: 'reasons-file',
} as const

export const OUTPUTS = {
  services: 'services',
  deleted: 'deleted',
  infrastructure: 'infrastructure',
  reasons: 'reasons',
  mode: 'mode',
  base: 'base',
  head: 'head',
} as const

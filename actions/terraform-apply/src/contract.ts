/** Input and output names of this action, in one place; action.yml must declare exactly these (contract test). */
export const INPUTS = {
  workingDirectory: 'working-directory',
  environment: 'environment',
  command: 'command',
  planFile: 'plan-file',
  backendConfig: 'backend-config',
  varFiles: 'var-files',
  lockTimeout: 'lock-timeout',
  protectedTypes: 'protected-types',
  allowDestroy: 'allow-destroy',
  catalog: 'catalog',
} as const

export const OUTPUTS = {
  changes: 'changes',
  summary: 'summary',
  outputs: 'outputs',
  workingDirectory: 'working-directory',
} as const

export const COMMANDS = ['plan', 'apply'] as const

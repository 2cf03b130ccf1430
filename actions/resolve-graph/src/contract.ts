/** Input and output names of this action, in one place; action.yml must declare exactly these (contract test). */
export const INPUTS = {
  catalog: 'catalog',
  environment: 'environment',
  ref: 'ref',
  tier: 'tier',
  services: 'services',
  withDependencies: 'with-dependencies',
  changedServices: 'changed-services',
} as const

/** Per-tier outputs exist for tiers 1 to 4 (the reusable workflow's tier jobs); `tiers` holds every tier. */
export const WORKFLOW_TIERS = [1, 2, 3, 4] as const

export const OUTPUTS = {
  plan: 'plan',
  tiers: 'tiers',
  services: 'services',
  build: 'build-matrix',
  buildEmpty: 'build-empty',
  empty: 'empty',
  environment: 'environment',
  ...Object.fromEntries(WORKFLOW_TIERS.flatMap((t) => [[`tier${t}Matrix`, `tier-${t}-matrix`], [`tier${t}Empty`, `tier-${t}-empty`], [`tier${t}Services`, `tier-${t}-services`]])),
} as Record<string, string>

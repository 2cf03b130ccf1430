import { WORKFLOW_TIERS } from '@tierdeploy/graph'

/** Input and output names of this action, in one place; action.yml must declare exactly these (contract test). */
export const INPUTS = {
  catalog: 'catalog',
  environment: 'environment',
  ref: 'ref',
  tier: 'tier',
  services: 'services',
  withDependencies: 'with-dependencies',
  changedServices: 'changed-services',
  changeReasons: 'change-reasons',
  changeReasonsFile: 'change-reasons-file',
  maxTier: 'max-tier',
  onlyEnabled: 'only-enabled',
} as const

/** The tiers with their own outputs: one per tier job of the reusable workflow (1 to WORKFLOW_TIERS); `tiers` holds every tier. */
export const TIER_OUTPUT_TIERS = Array.from({ length: WORKFLOW_TIERS }, (_, i) => i + 1)

export const OUTPUTS = {
  plan: 'plan',
  tiers: 'tiers',
  services: 'services',
  build: 'build-matrix',
  buildEmpty: 'build-empty',
  empty: 'empty',
  environment: 'environment',
  skipped: 'skipped',
  tierServices: 'tier-services',
  ...Object.fromEntries(TIER_OUTPUT_TIERS.flatMap((t) => [[`tier${t}Matrix`, `tier-${t}-matrix`], [`tier${t}Empty`, `tier-${t}-empty`], [`tier${t}Services`, `tier-${t}-services`]])),
} as Record<string, string>

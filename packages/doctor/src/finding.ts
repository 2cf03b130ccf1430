import type { Problem } from '@tierdeploy/catalog'

export type Check =
  | 'undeclared-dependency'
  | 'unused-dependency'
  | 'gpu-on-fargate'
  | 'tier-1-on-spot'
  | 'single-replica-production'
  | 'no-health-check'
  | 'public-without-path'
  | 'health-path-unrouted'
  | 'spot-on-ec2'
  | 'stack-owned-service'
  | 'unfinished-rollout'
  | 'missing-dockerfile'
  | 'no-account'
  | 'account-mismatch'

/** One thing the doctor found: a Problem (file, line, severity, message, hint) with the check and service it is about. */
export interface Finding extends Problem {
  check: Check
  /** Absent for a finding about an environment as a whole (its account). */
  service?: string
}

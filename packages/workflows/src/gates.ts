import { range } from './yaml-text.js'

/** Build jobs in deploy.yml: GitHub runs at most 256 legs per matrix, so the build is split into fixed chunk jobs. */
export const BUILD_JOBS = 5
/** GitHub's limit on the jobs one matrix expands to. */
export const MATRIX_LIMIT = 256
/** Tier jobs in release.yml; resolve-graph refuses a plan with a higher tier (its max-tier input) before anything builds. */
export const RELEASE_TIERS = 6

/**
 * The gates, each a clause that names one job's result explicitly. GitHub decides a job's `if:` on its direct `needs`
 * only, and `!cancelled()` switches off the implicit `success()`, so a job that writes to an environment lists every
 * job it must wait for in `needs` and says, for each one, which results let it run: `success`, or `skipped` only when
 * the plan says, in so many words, that the job had nothing to do. Fail closed: a gate skipped for any other reason
 * (a failure further up), or an output nobody set, closes it.
 */
export const gates = {
  /** deploy.yml: the plan succeeded (every input and name checked against the catalog). */
  plan: "needs.plan.result == 'success'",
  /** deploy.yml: the Terraform plan succeeded, or there was no infrastructure to plan. */
  infraPlan: "(needs.infra-plan.result == 'success' || (needs.infra-plan.result == 'skipped' && needs.plan.outputs.infrastructure == 'false'))",
  /** deploy.yml: build chunk n succeeded in every leg, or there was nothing in it to build. */
  build: (n: number) => `(needs.build-${n}.result == 'success' || (needs.build-${n}.result == 'skipped' && needs.plan.outputs.build-${n} == 'false'))`,
  /** deploy.yml: every planned service has its image, or the run deploys no images (rollback, infrastructure only). */
  images: "(needs.images.result == 'success' || (needs.images.result == 'skipped' && (inputs.mode != 'deploy' || needs.plan.outputs.empty == 'true')))",
  /**
   * deploy.yml: the reviewers approved, unless the plan says the catalog environment requires no approval and the run
   * asked for none (the plan job refuses a requireApproval environment without an approval environment).
   */
  approval: "(needs.approve.result == 'success' || (needs.plan.outputs.approval == 'not-required' && inputs.approval-environment == ''))",
  /** release.yml: the approval and freshness checks passed. */
  authorize: "needs.authorize.result == 'success'",
  /** release.yml: the reviewed Terraform plan applied, or there was none to apply. */
  infraApply: "(needs.infra-apply.result == 'success' || (needs.infra-apply.result == 'skipped' && inputs.infrastructure == 'false'))",
  /** release.yml: the GitHub deployment of this release exists (its final status is set by finish). */
  record: "needs.record.result == 'success'",
  /** release.yml: tier t deployed and passed its health gate, or had nothing to deploy. */
  tier: (t: number) => `(needs.tier-${t}.result == 'success' || (needs.tier-${t}.result == 'skipped' && ${tierIsEmpty(t)}))`,
}

/** release.yml: tier t has nothing to deploy. `inputs.tiers` holds only the tiers that have services. */
export const tierIsEmpty = (t: number) => `fromJSON(inputs.tiers)['${t}'] == null`
export const tierHasServices = (t: number) => `fromJSON(inputs.tiers)['${t}'] != null`

/** Everything before the approval in deploy.yml: plan, Terraform plan, every build chunk, the images. */
export const beforeApproval = (): string[] => [gates.plan, gates.infraPlan, ...range(BUILD_JOBS).map(gates.build), gates.images]

/** Something for the release to do: services planned, or a Terraform plan with changes. */
export const somethingToRelease = "(needs.plan.outputs.empty == 'false' || needs.infra-plan.outputs.changes == 'true')"

/** Every gate a tier job of release.yml waits for: authorization, infrastructure, the deployment record, every lower tier. */
export const beforeTier = (t: number): string[] => [gates.authorize, gates.infraApply, gates.record, ...range(t - 1).map(gates.tier)]

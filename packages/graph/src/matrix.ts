import { serviceSettings, type Catalog, type Environment } from '@tierdeploy/catalog'
import type { Plan } from './plan.js'

/** GitHub rejects a matrix of more than 256 jobs. */
export const GITHUB_MATRIX_LIMIT = 256

/**
 * How many tier jobs the reusable deploy workflow has: resolve-graph emits tier-N-matrix / tier-N-empty /
 * tier-N-services for tiers 1 to WORKFLOW_TIERS, and its `max-tier` input stops a plan the workflow cannot deploy.
 */
export const WORKFLOW_TIERS = 6

export interface MatrixEntry {
  service: string
  tier: number
  wave: number
  path: string
  container: string
}

export interface Matrix {
  include: MatrixEntry[]
}

export interface TierMatrix {
  tier: number
  /** Every deployable service of the tier; `include` is empty when there is nothing to deploy. */
  matrix: Matrix
  /** GitHub fails a job whose matrix is empty, so workflows guard on this flag. */
  empty: boolean
  /** The matrix split into pieces GitHub accepts (each at most 256 entries). */
  chunks: Matrix[]
}

export function chunkMatrix(entries: MatrixEntry[], size = GITHUB_MATRIX_LIMIT): Matrix[] {
  const chunks: Matrix[] = []
  for (let i = 0; i < entries.length; i += size) chunks.push({ include: entries.slice(i, i + size) })
  return chunks
}

/**
 * One matrix per catalog tier (tiers with nothing to deploy included, flagged empty), holding only services
 * that are built and deployed to ECS: infrastructure orders the plan but Terraform provisions it.
 */
export function tierMatrices(plan: Plan, catalog: Catalog, environment?: Environment): TierMatrix[] {
  return catalog.tiers.map(({ id }) => {
    const tierPlan = plan.tiers.find((t) => t.tier === id)
    const include: MatrixEntry[] = []
    tierPlan?.waves.forEach((wave, w) => {
      for (const name of wave) {
        const s = catalog.services.get(name)!
        if (s.kind !== 'service') continue
        include.push({ service: name, tier: id, wave: w, path: s.path ?? '', container: serviceSettings(catalog, s, environment).containerName })
      }
    })
    return { tier: id, matrix: { include }, empty: include.length === 0, chunks: chunkMatrix(include) }
  })
}

/** The tiers above `maxTier` that hold something to deploy (infrastructure alone does not count: Terraform provisions it). */
export function tiersAbove(matrices: TierMatrix[], maxTier: number): TierMatrix[] {
  return matrices.filter((m) => m.tier > maxTier && !m.empty)
}

/** One build job of the deploy workflow: the services it builds, one after another. */
export interface BuildLeg {
  /** The leg's first service: names the job and its images artifact (each service is in one leg only). */
  service: string
  /** Comma list of the services the leg builds. */
  services: string
  /** How many services the leg builds. */
  count: number
}

/**
 * GitHub's Free plan runs 20 jobs at once (Team 60, Enterprise 500 on standard runners): more legs than that only
 * queue. `auto` fills 20 jobs before putting several services in one, and never more than 10 in one job (each builds
 * after the previous, within the job's 60-minute limit).
 */
export const AUTO_PARALLEL_BUILD_JOBS = 20
export const MAX_SERVICES_PER_BUILD_JOB = 10

/** Services per build job for `setting` (`auto` or a whole number 1..MAX_SERVICES_PER_BUILD_JOB) and `count` services to build. */
export function servicesPerBuildJob(setting: 'auto' | number, count: number): number {
  if (setting !== 'auto') return setting
  return Math.min(MAX_SERVICES_PER_BUILD_JOB, Math.max(1, Math.ceil(count / AUTO_PARALLEL_BUILD_JOBS)))
}

/**
 * The services that must be built, packed `perJob` to a leg and split into matrices GitHub accepts (at most 256
 * legs each). Nothing to build gives no matrix at all, so no build job starts.
 */
export function packBuildLegs(services: string[], perJob: number, limit = GITHUB_MATRIX_LIMIT): { include: BuildLeg[] }[] {
  if (!Number.isInteger(perJob) || perJob < 1) throw new RangeError(`services per build job must be a whole number ≥ 1, got ${perJob}`)
  const legs: BuildLeg[] = []
  for (let i = 0; i < services.length; i += perJob) {
    const group = services.slice(i, i + perJob)
    legs.push({ service: group[0]!, services: group.join(','), count: group.length })
  }
  const chunks: { include: BuildLeg[] }[] = []
  for (let i = 0; i < legs.length; i += limit) chunks.push({ include: legs.slice(i, i + limit) })
  return chunks
}

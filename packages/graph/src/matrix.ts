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

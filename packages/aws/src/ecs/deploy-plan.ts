import type { Plan } from '@tierdeploy/graph'
import { deployEcsServices, type EcsDeployEffects, type EcsDeployRequest } from './deploy.js'
import type { DeployEvent } from './progress.js'
import type { EcsServiceResult } from './types.js'

export interface PlanDeployRequest extends Omit<EcsDeployRequest, 'waves'> {
  plan: Plan
}

export interface PlanDeployOutcome {
  ok: boolean
  results: EcsServiceResult[]
  diffs: Record<string, string[]>
}

/**
 * Deploys a whole plan tier by tier, lowest first; a failed tier stops every tier above it (their services are
 * reported `skipped`). Infrastructure orders the plan but is never deployed to ECS. One rule for the CLI's deploy
 * and promote; in workflows each tier is its own job and calls deployEcsServices directly.
 */
export async function deployPlan(request: PlanDeployRequest, effects: EcsDeployEffects): Promise<PlanDeployOutcome> {
  const { plan, catalog, ...rest } = request
  const results: EcsServiceResult[] = []
  const diffs: Record<string, string[]> = {}
  let ok = true
  for (const tier of plan.tiers) {
    const waves = tier.waves.map((w) => w.filter((n) => catalog.services.get(n)?.kind === 'service')).filter((w) => w.length)
    if (waves.length === 0) continue
    if (!ok) {
      results.push(...waves.flat().map((service): EcsServiceResult => ({ service, status: 'skipped', reason: `tier ${tier.tier} did not start: a lower tier failed` })))
      continue
    }
    effects.log.info(`tier ${tier.tier} (${tier.name}): ${waves.flat().length} service(s) in ${waves.length} wave(s)`)
    const images = Object.fromEntries(waves.flat().filter((n) => request.images[n]).map((n) => [n, request.images[n]!]))
    // The live view names the tier a step belongs to.
    const progress = effects.progress
    const tierEffects = progress ? { ...effects, progress: (e: DeployEvent) => progress(e.type === 'step-started' ? { ...e, tier: tier.tier, tierName: tier.name } : e) } : effects
    const outcome = await deployEcsServices({ ...rest, catalog, waves, images }, tierEffects)
    results.push(...outcome.results)
    Object.assign(diffs, outcome.diffs)
    ok &&= outcome.ok
  }
  return { ok, results, diffs }
}

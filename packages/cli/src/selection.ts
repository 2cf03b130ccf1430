import { parseNameList, parseTier, type Selection } from '@tierdeploy/graph'
import { UsageError } from './cli-io.js'
import { stringFlag } from './args.js'

/** Flags every command that selects services shares. */
export const selectionOptions = {
  tier: { type: 'string' },
  services: { type: 'string' },
  service: { type: 'string' },
  'with-dependencies': { type: 'boolean' },
} as const

/**
 * Flags that select by change (`changed`, `plan --base`): --base and --head compare the two trees, what a deploy
 * from BASE to HEAD changes; --merge-base compares from where HEAD left BASE, what a branch changes (review).
 */
export const changeRangeOptions = {
  base: { type: 'string' },
  head: { type: 'string' },
  'merge-base': { type: 'boolean' },
} as const

export function selectionFromFlags(values: Record<string, unknown>): Selection {
  const tier = stringFlag(values, 'tier')
  const services = stringFlag(values, 'services')
  const service = stringFlag(values, 'service')
  if (services !== undefined && service !== undefined) throw new UsageError('give --services A,B or --service A, not both')
  const names = services ?? service
  return {
    ...(tier !== undefined ? { tier: tierFlag(tier) } : {}),
    ...(names !== undefined ? { services: parseNameList(names) } : {}),
    ...(values['with-dependencies'] ? { withDependencies: true } : {}),
  }
}

/** A malformed --tier is a usage mistake (exit 2), not a catalog one. */
function tierFlag(value: string): number | 'all' {
  try {
    return parseTier(value)
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/^tier/, '--tier'))
  }
}

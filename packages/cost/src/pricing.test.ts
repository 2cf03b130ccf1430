import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { environmentNamed, loadCatalog } from '@tierdeploy/catalog'
import { tempDir, writeFiles } from '@tierdeploy/testkit'
import { DEFAULT_PRICING } from './default-pricing.js'
import { estimateCost } from './estimate.js'
import { loadPricing, unverifiedGroups } from './pricing.js'
import { cents, costJson, renderCostMarkdown, renderCostSection, renderCostTable } from './render.js'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))
function dir(files: Record<string, string>): string {
  const t = tempDir('tierdeploy-pricing-')
  cleanups.push(t.cleanup)
  writeFiles(t.dir, files)
  return t.dir
}

describe('the built-in pricing table', () => {
  it('states its date and sources and prices the regions in use', () => {
    expect(DEFAULT_PRICING.date).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(Object.values(DEFAULT_PRICING.sources).every((s) => s.startsWith('https://aws.amazon.com/'))).toBe(true)
    expect(Object.keys(DEFAULT_PRICING.regions).sort()).toEqual(['ca-central-1', 'us-east-1'])
    // Spot is 70 % off on-demand in both regions: 0.04048 x 0.3 = 0.012144
    expect(DEFAULT_PRICING.regions['us-east-1']!.fargateSpot.vcpuHour).toBeCloseTo(0.04048 * 0.3, 8)
    expect(DEFAULT_PRICING.regions['ca-central-1']!.fargateSpot.gbHour).toBeCloseTo(0.00489 * 0.3, 8)
  })

  it('says which figure groups were checked against a published price, and only names groups that exist', () => {
    const groups = new Set(Object.entries(DEFAULT_PRICING.regions).flatMap(([r, prices]) => Object.keys(prices).map((g) => `${r}.${g}`)))
    expect(Object.keys(DEFAULT_PRICING.checked).filter((k) => !groups.has(k))).toEqual([])
    expect(Object.values(DEFAULT_PRICING.checked).every((evidence) => /https:\/\//.test(evidence))).toBe(true)
    expect(unverifiedGroups(DEFAULT_PRICING, 'us-east-1')).toEqual(['fargateSpot', 'redis', 'gpu'])
    expect(unverifiedGroups(DEFAULT_PRICING, 'ca-central-1')).toEqual(['fargate', 'fargateSpot', 'alb', 'aurora', 'redis', 'gpu'])
  })
})

describe('loadPricing', () => {
  it('merges CATALOG/pricing.yaml and then --pricing over the built-in table, key by key', () => {
    const root = dir({
      'catalog/pricing.yaml': 'date: "2026-01-01"\nregions:\n  ca-central-1:\n    natGateway: { hour: 0.06 }\n',
      'mine.yaml': 'availabilityZones: 2\nregions:\n  ca-central-1:\n    aurora: { minAcus: 1 }\n',
    })
    const { table, overrides } = loadPricing({ catalogDir: join(root, 'catalog'), file: join(root, 'mine.yaml') })
    expect(overrides).toEqual([join(root, 'catalog/pricing.yaml'), join(root, 'mine.yaml')])
    expect(table.date).toBe('2026-01-01')
    expect(table.availabilityZones).toBe(2)
    expect(table.regions['ca-central-1']!.natGateway.hour).toBe(0.06)
    expect(table.regions['ca-central-1']!.aurora).toEqual({ acuHour: 0.13, minAcus: 1 })
    expect(table.regions['us-east-1']).toEqual(DEFAULT_PRICING.regions['us-east-1'])
    // A group an override sets is the user's figure, no longer flagged as our unverified estimate.
    expect(unverifiedGroups(table, 'ca-central-1')).toEqual(['fargate', 'fargateSpot', 'alb', 'redis', 'gpu'])
    expect(table.checked['ca-central-1.aurora']).toBe(`set by ${join(root, 'mine.yaml')}`)
  })

  it('rejects unknown keys with the closest one, and negative or non-numeric prices, naming the file', () => {
    const root = dir({ 'p.yaml': 'regions:\n  us-east-1:\n    fargate: { vcpuHours: 0.04 }\n    alb: { hour: -1 }\n    redis: { nodes: two }\n' })
    expect(() => loadPricing({ file: join(root, 'p.yaml') })).toThrow(/p\.yaml is not a valid pricing table:\n {2}regions\.us-east-1\.fargate\.vcpuHours: is not a pricing key \(did you mean 'vcpuHour'\?\)\n {2}regions\.us-east-1\.alb\.hour: must be a number of USD, 0 or more, got -1\n {2}regions\.us-east-1\.redis\.nodes: must be a number of units, 0 or more, got "two"/)
  })

  it('names the file, line and column of a YAML syntax error', () => {
    const root = dir({ 'bad.yaml': 'regions:\n  us-east-1:\n    fargate: [1,2\n' })
    expect(() => loadPricing({ file: join(root, 'bad.yaml') })).toThrow(new RegExp(`^${join(root, 'bad.yaml').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: YAML syntax error: `))
  })

  it('fails for a --pricing file that does not exist, but not for a missing CATALOG/pricing.yaml', () => {
    const root = dir({ 'catalog/services.yaml': '' })
    expect(loadPricing({ catalogDir: join(root, 'catalog') }).overrides).toEqual([])
    expect(() => loadPricing({ file: join(root, 'nope.yaml') })).toThrow(/pricing file .*nope\.yaml does not exist/)
  })

  it('prices a new region only when every figure is given', async () => {
    const root = dir({ 'p.yaml': 'regions:\n  eu-west-1:\n    fargate: { vcpuHour: 0.04048, gbHour: 0.004445 }\n' })
    const { table } = loadPricing({ file: join(root, 'p.yaml') })
    const { catalog } = await loadCatalog({ dir: 'catalog' })
    const env = { ...environmentNamed(catalog, 'dev'), region: 'eu-west-1' }
    expect(() => estimateCost(catalog, env, table)).toThrow(/pricing for region eu-west-1 lacks fargateSpot\.vcpuHour, fargateSpot\.gbHour, alb\.hour/)
  })
})

describe('the bundled platform catalog', () => {
  it('produces the production report with hand-checkable figures', async () => {
    const { catalog } = await loadCatalog({ dir: 'catalog' })
    const report = estimateCost(catalog, environmentNamed(catalog, 'production'), DEFAULT_PRICING)
    expect(report.region).toBe('ca-central-1')
    const gateway = report.services.find((s) => s.service === 'indigenious-gateway-service')!
    // 2 tasks x (0.5 vCPU x 0.04456 + 1 GB x 0.00489 = 0.02717 $/h) x 730 h = 39.6682 -> 39.67, in every column (tier 1)
    expect([gateway.configured, gateway.alwaysOn, gateway.businessHours, gateway.spot].map(cents)).toEqual([39.67, 39.67, 39.67, 39.67])
    const ai = report.services.find((s) => s.service === 'indigenious-ai-orchestrator-service')!
    // ec2-gpu: 2 tasks x g4dn.xlarge 0.584 $/h x 730 = 852.64
    expect(ai.capacity).toBe('ec2-gpu')
    expect(cents(ai.configured)).toBe(852.64)
    // per-az NAT: 3 x 0.05 x 730 = 109.50
    expect(cents(report.platform.find((p) => p.item === 'nat-gateway')!.monthly)).toBe(109.5)
    expect(report.notes).toContain('Unverified estimates for ca-central-1 (not checked against a published price): fargate, fargateSpot, alb, aurora, redis, gpu; set them in catalog/pricing.yaml to use your own.')
    // The tasks column counts tasks: tier 1 has 3 services of 2 tasks, the environment 14 services of 2.
    const table = renderCostTable(report)
    expect(table).toMatch(/^ {3}1 {2}tier 1 core\s+6\s+\$/m)
    expect(table).toMatch(/TOTAL\s+28\s+\$/)
    expect(report.tiers.map((t) => t.tier)).toEqual([1, 2, 3, 4])
    // Every column is at most always-on, and tier 1 is the same in all of them.
    const tier1 = report.tiers[0]!
    expect(new Set([tier1.configured, tier1.alwaysOn, tier1.businessHours, tier1.spot]).size).toBe(1)
    expect(report.totals.configured).toBeLessThanOrEqual(report.totals.alwaysOn)
    expect(report.recommendations.every((r) => catalog.services.get(r.service)!.tier !== 1 || r.kind === 'tier-1-on-spot')).toBe(true)
  })

  it('renders the report as Markdown, a terminal table, JSON in cents and a section for the deploy summary', async () => {
    const { catalog } = await loadCatalog({ dir: 'catalog' })
    const report = estimateCost(catalog, environmentNamed(catalog, 'dev'), DEFAULT_PRICING)
    const md = renderCostMarkdown(report)
    expect(md).toContain('| Tier | Services | As configured | Always on | Business hours only | Fargate Spot |')
    expect(md).toMatch(/\| 1 core \| 3 \| \$59\.50 \| \$59\.50 \| \$59\.50 \| \$59\.50 \|/) // 3 x 19.8341 = 59.50
    expect(md).toContain('https://aws.amazon.com/fargate/pricing/')
    const tasks = report.services.reduce((a, s) => a + s.tasks, 0)
    expect(tasks).not.toBe(report.services.length) // so the next line tells tasks from services
    expect(renderCostTable(report)).toMatch(new RegExp(`TOTAL\\s+${tasks}\\s+\\$\\d`))
    const section = renderCostSection(report)
    expect(section).toMatch(/^#### Estimated monthly cost of dev: \$/)
    expect(section.split('\n').filter((l) => l.startsWith('- ')).length).toBeLessThanOrEqual(3)
    const json = costJson(report)
    expect(json.services.every((s) => Number.isInteger(Math.round(s.configured * 100)) && cents(s.configured) === s.configured)).toBe(true)
    expect(JSON.parse(JSON.stringify(json)).totals.platform).toBe(cents(report.totals.platform))
  })
})

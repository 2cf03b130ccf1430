import { describe, expect, it } from 'vitest'
import { buildCatalog, type Catalog } from '@tierdeploy/catalog'
import { businessHoursPerMonth, estimateCost, type CostReport } from './estimate.js'
import type { PricingTable } from './pricing.js'
import { cents } from './render.js'

/** Round prices so every figure below can be checked by hand. */
const TABLE: PricingTable = {
  date: '2025-01-01',
  currency: 'USD',
  note: 'test prices',
  sources: { test: 'https://example.test/prices' },
  checked: { 'xx-test-1.fargate': 'test', 'xx-test-1.fargateSpot': 'test', 'xx-test-1.alb': 'test', 'xx-test-1.natGateway': 'test', 'xx-test-1.aurora': 'test', 'xx-test-1.redis': 'test', 'xx-test-1.gpu': 'test' },
  hoursPerMonth: 730,
  availabilityZones: 3,
  regions: {
    'xx-test-1': {
      fargate: { vcpuHour: 0.04, gbHour: 0.004 },
      fargateSpot: { vcpuHour: 0.012, gbHour: 0.0012 },
      alb: { hour: 0.02, lcuHour: 0.01, lcus: 2 },
      natGateway: { hour: 0.05 },
      aurora: { acuHour: 0.1, minAcus: 0.5 },
      redis: { nodeType: 'cache.test', hour: 0.03, nodes: 1 },
      gpu: { instanceType: 'g.test', hour: 0.5 },
    },
  },
}

const SERVICES = `
version: 1
platform: shop
tiers:
  - { id: 1, name: core }
  - { id: 2, name: business }
  - { id: 3, name: extras }
  - { id: 4, name: optional, optional: true }
services:
  aurora-db: { kind: infrastructure, tier: 1, description: Aurora Serverless v2 cluster }
  redis-cache: { kind: infrastructure, tier: 1 }
  bucket: { kind: infrastructure, tier: 2 }
  core:
    path: services/core
    tier: 1
    cpu: 1024
    memory: 2048
    desiredCount: 2
    routing: { public: true, pathPatterns: ["/*"] }
  api: { path: services/api, tier: 2, cpu: 512, memory: 1024, dependsOn: [core] }
  worker: { path: services/worker, tier: 3, cpu: 256, memory: 512, spot: true, schedule: business-hours }
  report: { path: services/report, tier: 3, cpu: 256, memory: 512 }
  big: { path: services/big, tier: 3, cpu: 2048, memory: 4096 }
  gpu: { path: services/gpu, tier: 4, gpu: 1, capacity: ec2-gpu, cpu: 1024, memory: 4096 }
`
const PRODUCTION = `
name: production
region: xx-test-1
requireApproval: true
optionalServices: ["*"]
network: { natGateways: per-az }
businessHours: { start: "09:00", end: "17:00", days: [mon, tue, wed, thu, fri] }
`
const STAGING = `
name: staging
region: xx-test-1
services:
  core: { spot: true }
`

function shop(): Catalog {
  const { catalog, problems } = buildCatalog({
    dir: 'catalog',
    root: '.',
    services: { file: 'catalog/services.yaml', text: SERVICES },
    environments: [
      { file: 'catalog/environments/production.yaml', text: PRODUCTION },
      { file: 'catalog/environments/staging.yaml', text: STAGING },
    ],
  })
  expect(problems.filter((p) => p.severity === 'error')).toEqual([])
  return catalog!
}

function row(report: CostReport, service: string) {
  const r = report.services.find((s) => s.service === service)!
  return { configured: cents(r.configured), alwaysOn: cents(r.alwaysOn), businessHours: cents(r.businessHours), spot: cents(r.spot) }
}

describe('businessHoursPerMonth', () => {
  it('counts hours a day x days a week x 730/168 weeks a month', () => {
    // 09:00-17:00 = 8 h, x 5 days = 40 h a week, x 730 / 168 = 173.8095 h a month
    expect(businessHoursPerMonth({ businessHours: { start: '09:00', end: '17:00', days: ['mon', 'tue', 'wed', 'thu', 'fri'] } }, 730).hours).toBeCloseTo(173.8095, 4)
    // default 08:00-18:00 mon-fri: 10 x 5 = 50 h a week, x 730 / 168 = 217.2619 h
    expect(businessHoursPerMonth({}, 730).hours).toBeCloseTo(217.2619, 4)
  })
})

describe('estimateCost against hand-computed figures', () => {
  const catalog = shop()
  const report = estimateCost(catalog, catalog.environments.get('production')!, TABLE)

  it('prices a tier-1 service the same in every column: always on, never on Spot', () => {
    // 1 vCPU x 0.04 + 2 GB x 0.004 = 0.048 $/h per task; x 2 tasks x 730 h = 70.08
    expect(row(report, 'core')).toEqual({ configured: 70.08, alwaysOn: 70.08, businessHours: 70.08, spot: 70.08 })
  })

  it('prices the business-hours and Spot columns of an on-demand, always-on service', () => {
    // api: 0.5 x 0.04 + 1 x 0.004 = 0.024 $/h; always on 0.024 x 730 = 17.52
    // business hours 0.024 x 173.8095 = 4.1714 -> 4.17; Spot 0.5 x 0.012 + 1 x 0.0012 = 0.0072 x 730 = 5.256 -> 5.26
    expect(row(report, 'api')).toEqual({ configured: 17.52, alwaysOn: 17.52, businessHours: 4.17, spot: 5.26 })
  })

  it('uses the catalog\'s own Spot and schedule for the configured column', () => {
    // worker: Spot 0.25 x 0.012 + 0.5 x 0.0012 = 0.0036 $/h during 173.8095 h = 0.6257 -> 0.63
    // always on 0.25 x 0.04 + 0.5 x 0.004 = 0.012 x 730 = 8.76; business 0.012 x 173.8095 = 2.0857 -> 2.09; Spot 0.0036 x 730 = 2.628 -> 2.63
    expect(row(report, 'worker')).toEqual({ configured: 0.63, alwaysOn: 8.76, businessHours: 2.09, spot: 2.63 })
  })

  it('prices an ec2-gpu service as one GPU instance per task, on-demand even in the Spot column', () => {
    // 0.5 $/h x 730 = 365.00; business hours 0.5 x 173.8095 = 86.9048 -> 86.90
    expect(row(report, 'gpu')).toEqual({ configured: 365, alwaysOn: 365, businessHours: 86.9, spot: 365 })
    expect(report.notes.join(' ')).toMatch(/g\.test instance per task/)
  })

  it('adds the fixed platform cost: ALB, one NAT gateway per AZ, Aurora minimum ACUs, the Redis node', () => {
    // ALB (0.02 + 0.01 x 2 LCU) x 730 = 29.20; NAT 0.05 x 3 AZ x 730 = 109.50; Aurora 0.1 x 0.5 ACU x 730 = 36.50; Redis 0.03 x 730 = 21.90
    expect(report.platform.map((p) => [p.item, cents(p.monthly)])).toEqual([['alb', 29.2], ['nat-gateway', 109.5], ['aurora', 36.5], ['redis', 21.9]])
    expect(cents(report.totals.platform)).toBe(197.1)
    expect(report.notes.join(' ')).toMatch(/Not priced \(usage-based\): bucket/)
  })

  it('totals services and platform per column and per tier', () => {
    // configured: core 70.08 + api 17.52 + worker 0.625714 + report 8.76 + big 70.08 + gpu 365 = 532.065714; + 197.10 = 729.165714
    expect(cents(report.totals.services.configured)).toBe(532.07)
    expect(cents(report.totals.configured)).toBe(729.17)
    // tier 3 always on: worker 8.76 + report 8.76 + big (2 x 0.04 + 4 x 0.004 = 0.096 x 730 = 70.08) = 87.60
    expect(cents(report.tiers.find((t) => t.tier === 3)!.alwaysOn)).toBe(87.6)
    expect(report.tiers.map((t) => t.tier)).toEqual([1, 2, 3, 4])
  })

  it('recommends Spot for tiers 3-4, schedules where production allows, and resizing an outlier, with savings', () => {
    const byKey = Object.fromEntries(report.recommendations.map((r) => [`${r.kind} ${r.service}`, cents(r.monthlySavings)]))
    expect(byKey).toEqual({
      // Spot: report 8.76 - 0.0036 x 730 (2.628) = 6.132; big 70.08 - 0.0288 x 730 (21.024) = 49.056
      'spot report': 6.13,
      'spot big': 49.06,
      // Schedules (production: internal tier 3-4 only): report 8.76 - 2.0857 = 6.674; big 70.08 - 0.096 x 173.8095 (16.6857) = 53.394;
      // gpu 365 - 86.9048 = 278.095
      'schedule report': 6.67,
      'schedule big': 53.39,
      'schedule gpu': 278.1,
      // big's task (0.096 $/h) is 8x the tier-3 median (0.012 $/h): 70.08 x (1 - 1/8) = 61.32
      'size big': 61.32,
    })
    expect(report.recommendations[0]!.service).toBe('gpu') // largest saving first
    expect(report.recommendations.some((r) => r.service === 'core' || r.service === 'api')).toBe(false)
  })

  it('never puts tier 1 on Spot, and says what moving it off Spot costs', () => {
    const staging = estimateCost(catalog, catalog.environments.get('staging')!, TABLE)
    // core on Spot in staging: 2 tasks x (1 x 0.012 + 2 x 0.0012 = 0.0144) x 730 = 21.024; on-demand 70.08
    expect(row(staging, 'core')).toEqual({ configured: 21.02, alwaysOn: 70.08, businessHours: 70.08, spot: 70.08 })
    const rec = staging.recommendations.find((r) => r.kind === 'tier-1-on-spot')!
    expect(rec.service).toBe('core')
    expect(cents(rec.monthlySavings)).toBe(-49.06)
  })

  it('outside production also recommends schedules for tier 2, and leaves optional services out unless enabled', () => {
    const staging = estimateCost(catalog, catalog.environments.get('staging')!, TABLE)
    expect(staging.recommendations.some((r) => r.kind === 'schedule' && r.service === 'api')).toBe(true)
    expect(staging.services.map((s) => s.service)).not.toContain('gpu')
    // NAT single when natGateways is not set: 0.05 x 730 = 36.50
    expect(cents(staging.platform.find((p) => p.item === 'nat-gateway')!.monthly)).toBe(36.5)
  })

  it('rejects an environment in a region the table has no prices for, naming the file and the fix', () => {
    const env = { ...catalog.environments.get('production')!, region: 'eu-west-9' }
    expect(() => estimateCost(catalog, env, TABLE)).toThrow(/catalog\/environments\/production.yaml: the pricing table has no prices for region eu-west-9/)
  })
})

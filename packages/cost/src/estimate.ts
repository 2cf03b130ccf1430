import { isDeployable, isEnabledIn, isProductionLike, serviceSettings, type Catalog, type Environment, type Service } from '@tierdeploy/catalog'
import { regionPrices, unverifiedGroups, type PricingTable, type RegionPrices } from './pricing.js'

/** The three ways the users' cost table priced each tier, plus what the catalog actually configures. */
export interface CostColumns {
  /** With the catalog's own spot and schedule settings: the estimate for this environment. */
  configured: number
  /** Every task on-demand, 24/7. */
  alwaysOn: number
  /** On-demand during business hours only; tier 1 stays 24/7 (it must always run). */
  businessHours: number
  /** Fargate Spot 24/7; tier 1 stays on-demand (never on Spot), and EC2 GPU capacity is priced on-demand. */
  spot: number
}

export interface ServiceCost extends CostColumns {
  service: string
  tier: number
  capacity: 'fargate' | 'ec2-gpu'
  cpu: number
  memory: number
  tasks: number
  spotConfigured: boolean
  schedule: 'always' | 'business-hours'
  /** On-demand price of all its tasks for one hour. */
  hourly: number
  note?: string
}

export interface TierCost extends CostColumns {
  tier: number
  name: string
  services: number
}

export interface PlatformCost {
  item: 'alb' | 'nat-gateway' | 'aurora' | 'redis'
  /** Short name for tables ("NAT gateway x3"). */
  label: string
  description: string
  /** The catalog entry it is attributed to, when one is. */
  service?: string
  monthly: number
}

export type RecommendationKind = 'spot' | 'schedule' | 'size' | 'tier-1-on-spot'

export interface Recommendation {
  kind: RecommendationKind
  service: string
  message: string
  /** Monthly saving against the configured cost; negative when the recommendation costs money (tier 1 off Spot). */
  monthlySavings: number
}

export interface CostReport {
  environment: string
  region: string
  currency: string
  pricingDate: string
  pricingSources: Record<string, string>
  pricingOverrides: string[]
  hoursPerMonth: number
  businessHoursPerMonth: number
  businessHours: string
  services: ServiceCost[]
  tiers: TierCost[]
  platform: PlatformCost[]
  /** Services plus fixed platform cost, per column. */
  totals: CostColumns & { services: CostColumns; platform: number }
  recommendations: Recommendation[]
  notes: string[]
}

const DAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']
const DEFAULT_HOURS = { start: '08:00', end: '18:00', days: ['mon', 'tue', 'wed', 'thu', 'fri'] }

function minutes(hhmm: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm)
  return m ? Number(m[1]) * 60 + Number(m[2]) : NaN
}

/**
 * Hours a month that a business-hours service runs: hours a day x days a week x weeks a month, where a month is
 * hoursPerMonth / 168 weeks (730 / 168 = 4.345), so the two columns use the same month.
 */
export function businessHoursPerMonth(environment: Pick<Environment, 'businessHours'>, hoursPerMonth: number): { hours: number; label: string } {
  const bh = { ...DEFAULT_HOURS, ...environment.businessHours }
  const start = minutes(bh.start)
  const end = minutes(bh.end)
  const daily = Number.isFinite(start) && Number.isFinite(end) ? (end > start ? end - start : end + 24 * 60 - start) / 60 : 10
  const days = new Set(bh.days.map((d) => d.toLowerCase().slice(0, 3)).filter((d) => DAY_NAMES.includes(d))).size
  return { hours: (daily * days * hoursPerMonth) / 168, label: `${bh.start}–${bh.end} ${bh.days.join(', ')}${environment.businessHours ? '' : ' (default)'}` }
}

/** On-demand or Spot price of one task-hour of a Fargate task size. */
function fargateHour(prices: RegionPrices['fargate'], cpu: number, memory: number): number {
  return (cpu / 1024) * prices.vcpuHour + (memory / 1024) * prices.gbHour
}

/** Which platform resource an infrastructure entry is, from its name and description. */
function platformItemOf(service: Service): 'aurora' | 'redis' | undefined {
  const text = `${service.name} ${service.description ?? ''}`
  if (/aurora|rds\b|postgres/i.test(text)) return 'aurora'
  if (/redis|elasticache|valkey/i.test(text)) return 'redis'
  return undefined
}

/**
 * Monthly cost of one environment: every enabled service at its desired count (autoscaling above it is not
 * predicted), in four columns, per tier, plus the fixed platform cost, and what would save money.
 */
export function estimateCost(catalog: Catalog, environment: Environment, table: PricingTable, overrides: string[] = []): CostReport {
  const prices = regionPrices(table, environment.region, environment.file)
  const month = table.hoursPerMonth
  const business = businessHoursPerMonth(environment, month)
  const productionLike = isProductionLike(environment)
  const notes: string[] = []
  const services: ServiceCost[] = []
  const recommendations: Recommendation[] = []

  const enabled = [...catalog.services.values()].filter((s) => isEnabledIn(catalog, s, environment))
  for (const service of enabled.filter(isDeployable)) {
    const settings = serviceSettings(catalog, service, environment)
    const tasks = settings.desiredCount
    const capacity = service.capacity ?? 'fargate'
    const tier1 = service.tier === 1
    let onDemandHour: number
    let spotHour: number
    let note: string | undefined
    if (capacity === 'ec2-gpu') {
      // A GPU task holds a whole instance; EC2 Spot prices vary too much to estimate, so Spot is on-demand here.
      onDemandHour = prices.gpu.hour * tasks
      spotHour = onDemandHour
      note = `one EC2 ${prices.gpu.instanceType} per task, on-demand; EC2 Spot not estimated`
    } else {
      onDemandHour = fargateHour(prices.fargate, settings.cpu, settings.memory) * tasks
      spotHour = tier1 ? onDemandHour : fargateHour(prices.fargateSpot, settings.cpu, settings.memory) * tasks
    }
    const configuredHour = settings.spot && capacity === 'fargate' ? fargateHour(prices.fargateSpot, settings.cpu, settings.memory) * tasks : onDemandHour
    const configuredHours = settings.schedule === 'business-hours' ? business.hours : month
    const cost: ServiceCost = {
      service: service.name,
      tier: service.tier,
      capacity,
      cpu: settings.cpu,
      memory: settings.memory,
      tasks,
      spotConfigured: settings.spot,
      schedule: settings.schedule,
      hourly: onDemandHour,
      configured: configuredHour * configuredHours,
      alwaysOn: onDemandHour * month,
      businessHours: onDemandHour * (tier1 ? month : business.hours),
      spot: spotHour * month,
      ...(note ? { note } : {}),
    }
    services.push(cost)

    if (tasks === 0) continue
    if (tier1 && settings.spot && capacity === 'fargate') {
      const onDemand = onDemandHour * configuredHours
      recommendations.push({ kind: 'tier-1-on-spot', service: service.name, monthlySavings: cost.configured - onDemand, message: `${service.name} is tier 1 and on Spot: Spot tasks can be reclaimed with two minutes' notice; run it on-demand` })
    }
    if (service.tier >= 3 && capacity === 'fargate' && !settings.spot) {
      const withSpot = fargateHour(prices.fargateSpot, settings.cpu, settings.memory) * tasks * configuredHours
      recommendations.push({ kind: 'spot', service: service.name, monthlySavings: cost.configured - withSpot, message: `run ${service.name} (tier ${service.tier}) on Fargate Spot (spot: true)` })
    }
    // Tier 1 must run 24/7; in production only internal tier 3-4 services may sleep outside business hours.
    const mayBeScheduled = service.tier >= 2 && (!productionLike || (service.tier >= 3 && !service.routing?.public))
    if (mayBeScheduled && settings.schedule === 'always') {
      const scheduled = configuredHour * business.hours
      recommendations.push({ kind: 'schedule', service: service.name, monthlySavings: cost.configured - scheduled, message: `run ${service.name} in business hours only (schedule: business-hours)` })
    }
  }

  // Out of line: a Fargate task costing 4x or more the median task of its tier (tiers of three or more).
  for (const tier of catalog.tiers) {
    const peers = services.filter((s) => s.tier === tier.id && s.capacity === 'fargate' && s.tasks > 0)
    if (peers.length < 3) continue
    const perTask = (s: ServiceCost): number => s.hourly / s.tasks
    const sorted = peers.map(perTask).sort((a, b) => a - b)
    const mid = sorted.length / 2
    const median = sorted.length % 2 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2
    for (const s of peers) {
      if (perTask(s) < 4 * median) continue
      recommendations.push({
        kind: 'size',
        service: s.service,
        monthlySavings: s.configured * (1 - median / perTask(s)),
        message: `${s.service} (${s.cpu} CPU / ${s.memory} MiB) costs ${(perTask(s) / median).toFixed(1)}x the median task of tier ${tier.id}; check its CPU and memory use and size it down if it allows`,
      })
    }
  }

  const platform = platformCosts(catalog, environment, enabled, prices, table)
  const unpriced = enabled.filter((s) => s.kind === 'infrastructure' && !platform.some((p) => p.service === s.name)).map((s) => s.name)
  if (unpriced.length) notes.push(`Not priced (usage-based): ${unpriced.join(', ')}.`)
  if (services.some((s) => s.capacity === 'ec2-gpu')) notes.push(`Services on ec2-gpu capacity are priced as one ${prices.gpu.instanceType} instance per task, on-demand, in every column.`)
  notes.push('Desired counts only: autoscaling above them, data transfer, storage, logs and LCUs beyond the assumed count are not included.')
  const unverified = unverifiedGroups(table, environment.region)
  if (unverified.length) notes.push(`Unverified estimates for ${environment.region} (not checked against a published price): ${unverified.join(', ')}; set them in catalog/pricing.yaml to use your own.`)

  const sum = (rows: CostColumns[]): CostColumns => ({
    configured: rows.reduce((a, r) => a + r.configured, 0),
    alwaysOn: rows.reduce((a, r) => a + r.alwaysOn, 0),
    businessHours: rows.reduce((a, r) => a + r.businessHours, 0),
    spot: rows.reduce((a, r) => a + r.spot, 0),
  })
  const tiers: TierCost[] = catalog.tiers
    .map((t) => ({ tier: t.id, name: t.name, services: services.filter((s) => s.tier === t.id).length, ...sum(services.filter((s) => s.tier === t.id)) }))
    .filter((t) => t.services > 0)
  const servicesTotal = sum(services)
  const platformTotal = platform.reduce((a, p) => a + p.monthly, 0)
  recommendations.sort((a, b) => b.monthlySavings - a.monthlySavings || a.service.localeCompare(b.service))

  return {
    environment: environment.name,
    region: environment.region,
    currency: table.currency,
    pricingDate: table.date,
    pricingSources: table.sources,
    pricingOverrides: overrides,
    hoursPerMonth: month,
    businessHoursPerMonth: business.hours,
    businessHours: business.label,
    services,
    tiers,
    platform,
    totals: {
      configured: servicesTotal.configured + platformTotal,
      alwaysOn: servicesTotal.alwaysOn + platformTotal,
      businessHours: servicesTotal.businessHours + platformTotal,
      spot: servicesTotal.spot + platformTotal,
      services: servicesTotal,
      platform: platformTotal,
    },
    recommendations,
    notes,
  }
}

function platformCosts(catalog: Catalog, environment: Environment, enabled: Service[], prices: RegionPrices, table: PricingTable): PlatformCost[] {
  const month = table.hoursPerMonth
  const out: PlatformCost[] = []
  if (enabled.some((s) => isDeployable(s) && s.routing?.public)) {
    out.push({ item: 'alb', label: 'ALB', description: `Application Load Balancer (${prices.alb.lcus} LCU assumed)`, monthly: (prices.alb.hour + prices.alb.lcuHour * prices.alb.lcus) * month })
  }
  const deployable = enabled.some(isDeployable)
  if (deployable) {
    const perAz = environment.network?.natGateways === 'per-az'
    const count = perAz ? table.availabilityZones : 1
    out.push({ item: 'nat-gateway', label: `NAT gateway x${count}`, description: `${count} NAT gateway${count === 1 ? '' : 's'} (${perAz ? 'one per AZ' : 'single'}${environment.network?.natGateways ? '' : ', assumed'}; data processing excluded)`, monthly: prices.natGateway.hour * count * month })
  }
  for (const s of enabled.filter((x) => x.kind === 'infrastructure')) {
    const item = platformItemOf(s)
    if (item === 'aurora') out.push({ item, service: s.name, label: `Aurora ${prices.aurora.minAcus} ACU`, description: `Aurora Serverless v2 at its minimum ${prices.aurora.minAcus} ACU (storage and I/O excluded)`, monthly: prices.aurora.acuHour * prices.aurora.minAcus * month })
    if (item === 'redis') out.push({ item, service: s.name, label: `Redis ${prices.redis.nodeType}`, description: `ElastiCache ${prices.redis.nodeType} x ${prices.redis.nodes}`, monthly: prices.redis.hour * prices.redis.nodes * month })
  }
  return out
}

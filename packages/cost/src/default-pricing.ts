import type { PricingTable } from './pricing.js'

/**
 * The built-in pricing table: AWS list prices (USD, Linux/x86, on-demand) for the regions the bundled catalog and
 * most users deploy to, as best known on the date below. They are estimates: AWS changes prices, Fargate Spot
 * prices move with spare capacity, and usage-based charges (LCUs beyond the assumed count, NAT data processing,
 * Aurora storage and I/O, data transfer, CloudWatch) are not included. Override any figure with
 * CATALOG/pricing.yaml or `--pricing FILE` (same shape, only the keys you change).
 */
export const DEFAULT_PRICING: PricingTable = {
  date: '2025-06-01',
  currency: 'USD',
  note: 'Estimates from AWS list prices; Fargate Spot taken as 70 % below on-demand (AWS: "up to 70 %"); usage-based charges excluded.',
  sources: {
    fargate: 'https://aws.amazon.com/fargate/pricing/',
    alb: 'https://aws.amazon.com/elasticloadbalancing/pricing/',
    natGateway: 'https://aws.amazon.com/vpc/pricing/',
    aurora: 'https://aws.amazon.com/rds/aurora/pricing/',
    redis: 'https://aws.amazon.com/elasticache/pricing/',
    gpu: 'https://aws.amazon.com/ec2/pricing/on-demand/',
  },
  hoursPerMonth: 730,
  availabilityZones: 3,
  regions: {
    'us-east-1': {
      fargate: { vcpuHour: 0.04048, gbHour: 0.004445 },
      fargateSpot: { vcpuHour: 0.012144, gbHour: 0.0013335 },
      alb: { hour: 0.0225, lcuHour: 0.008, lcus: 1 },
      natGateway: { hour: 0.045 },
      aurora: { acuHour: 0.12, minAcus: 0.5 },
      redis: { nodeType: 'cache.t4g.small', hour: 0.032, nodes: 1 },
      gpu: { instanceType: 'g4dn.xlarge', hour: 0.526 },
    },
    'ca-central-1': {
      fargate: { vcpuHour: 0.04456, gbHour: 0.00489 },
      fargateSpot: { vcpuHour: 0.013368, gbHour: 0.001467 },
      alb: { hour: 0.02475, lcuHour: 0.0088, lcus: 1 },
      natGateway: { hour: 0.05 },
      aurora: { acuHour: 0.13, minAcus: 0.5 },
      redis: { nodeType: 'cache.t4g.small', hour: 0.035, nodes: 1 },
      gpu: { instanceType: 'g4dn.xlarge', hour: 0.584 },
    },
  },
}

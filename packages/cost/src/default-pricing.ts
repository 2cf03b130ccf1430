import type { PricingTable } from './pricing.js'

/**
 * The built-in pricing table: AWS list prices (USD, Linux/x86, on-demand) for the regions the bundled catalog and
 * most users deploy to. They are estimates: AWS changes prices, Fargate Spot prices move with spare capacity, and
 * usage-based charges (LCUs beyond the assumed count, NAT data processing, Aurora storage and I/O, data transfer,
 * CloudWatch) are not included. Override any figure with CATALOG/pricing.yaml or `--pricing FILE` (same shape, only
 * the keys you change).
 *
 * `checked` lists the figure groups that were compared with a published price on `date`, and where. AWS's own
 * pricing pages render regional figures with JavaScript, so the confirmations are secondary sources quoting them.
 * Every group not listed there is an UNVERIFIED ESTIMATE, and the report says so.
 */
export const DEFAULT_PRICING: PricingTable = {
  date: '2026-11-22',
  currency: 'USD',
  note: 'Estimates from AWS list prices; Fargate Spot taken as 70 % below on-demand (AWS: "up to 70 %"); usage-based charges excluded; figure groups not in `checked` are unverified.',
  sources: {
    fargate: 'https://aws.amazon.com/fargate/pricing/',
    alb: 'https://aws.amazon.com/elasticloadbalancing/pricing/',
    natGateway: 'https://aws.amazon.com/vpc/pricing/',
    aurora: 'https://aws.amazon.com/rds/aurora/pricing/',
    redis: 'https://aws.amazon.com/elasticache/pricing/',
    gpu: 'https://aws.amazon.com/ec2/pricing/on-demand/',
  },
  checked: {
    'us-east-1.fargate': '0.04048 $/vCPU-h, 0.004445 $/GB-h (Linux/x86): https://www.vantage.sh/blog/fargate-pricing and https://www.wring.co/blog/aws-fargate-pricing-guide (2026-03)',
    'us-east-1.alb': '0.0225 $/h and 0.008 $/LCU-h: https://cloud-horizons.com/blog/alb-the-line-item-nobody-watches/ (2026-05)',
    'us-east-1.natGateway': '0.045 $/h: https://www.wring.co/blog/aws-nat-gateway-pricing-guide and https://basavytix.com/blog/aws-nat-gateway-pricing',
    'us-east-1.aurora': '~0.12 $/ACU-h, 0.5 ACU floor: https://c3x.dev/blog/aws-aurora-serverless-v2-cost/ and https://awsnegotiations.com/blog/aurora-serverless-v2-pricing.html (2026-05, "approximately")',
    'ca-central-1.natGateway': '~0.05 $/h for Canada (Central): https://cloudpipelines.pages.dev/guides/aws-nat-gateway-pricing-2026/ (approximate)',
  },
  hoursPerMonth: 730,
  availabilityZones: 3,
  regions: {
    'us-east-1': {
      fargate: { vcpuHour: 0.04048, gbHour: 0.004445 },
      // Unverified: Spot prices float; 30 % of on-demand (AWS's "up to 70 % off").
      fargateSpot: { vcpuHour: 0.012144, gbHour: 0.0013335 },
      alb: { hour: 0.0225, lcuHour: 0.008, lcus: 1 },
      natGateway: { hour: 0.045 },
      aurora: { acuHour: 0.12, minAcus: 0.5 },
      // Unverified estimates: not confirmed against a published price.
      redis: { nodeType: 'cache.t4g.small', hour: 0.032, nodes: 1 },
      gpu: { instanceType: 'g4dn.xlarge', hour: 0.526 },
    },
    'ca-central-1': {
      // Unverified estimates (except natGateway): ca-central-1 is roughly 10 % above us-east-1 for these services.
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

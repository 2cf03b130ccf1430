import type { CliIO } from '../cli-io.js'

export interface Command {
  summary: string
  /** Loaded on use, so `plan` never loads what `deploy` needs (the AWS SDK). */
  load: () => Promise<{ usage: string; run: (args: string[], io: CliIO) => Promise<number> }>
}

/** Every command. Issues that add a command add one line here and a file beside this one. */
export const commands: Record<string, Command> = {
  plan: { summary: 'show what would deploy, tier by tier and wave by wave', load: () => import('./plan.js') },
  validate: { summary: 'check the catalog and environment files', load: () => import('./validate.js') },
  schema: { summary: 'print the catalog JSON Schema (catalog/schema.json)', load: () => import('./schema.js') },
  changed: { summary: 'list the services a git change affects (--base REF)', load: () => import('./changed.js') },
  promote: { summary: 'health-check one environment, then deploy its running images to the next', load: () => import('./promote.js') },
  deploy: { summary: 'deploy to ECS, or roll back (--rollback)', load: () => import('./deploy.js') },
  cost: { summary: 'estimate the monthly AWS cost per service and tier, with savings', load: () => import('./cost.js') },
  doctor: { summary: 'find undeclared dependencies and configuration mistakes', load: () => import('./doctor.js') },
  preflight: { summary: 'read-only checks that predict what a deploy would fail on (images, secrets, IAM, quota, subnets, routing)', load: () => import('./preflight.js') },
  status: { summary: 'what runs in an environment now, from which commit, and how it differs from another (--compare)', load: () => import('./status.js') },
  health: { summary: 'check that deployed services are healthy (ECS, load balancer, HTTP, alarms)', load: () => import('./health.js') },
  'terraform-vars': { summary: 'write an environment root\'s catalog.auto.tfvars.json from the catalog', load: () => import('./terraform-vars.js') },
  init: { summary: 'scan the repository and write a catalog that validates (--update adds new services)', load: () => import('./init.js') },
  discover: { summary: 'print the catalog init would write, with the evidence for each dependency (--json)', load: () => import('./discover.js') },
}

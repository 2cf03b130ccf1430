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
  deploy: { summary: 'deploy to ECS, or roll back (--rollback)', load: () => import('./deploy.js') },
}

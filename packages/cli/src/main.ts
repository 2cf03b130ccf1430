import { formatProblem, isConfigurationError } from '@tierdeploy/catalog'
import { UsageError, type CliIO } from './cli-io.js'
import { commands } from './commands/index.js'

function help(): string {
  const width = Math.max(...Object.keys(commands).map((c) => c.length))
  return [
    'tierdeploy: deploy a monorepo of services to AWS ECS Fargate, tier by tier, in dependency order.',
    '',
    'Usage: tierdeploy <command> [options]    (tierdeploy <command> --help for its options)',
    '',
    ...Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
  ].join('\n')
}

/** Runs one CLI invocation and returns the exit code: 0 ok, 1 failure or invalid configuration, 2 usage error. */
export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...args] = argv
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    ;(name === undefined ? io.stderr : io.stdout)(help())
    return name === undefined ? 2 : 0
  }
  if (name === '--version') {
    io.stdout('tierdeploy 0.1.0')
    return 0
  }
  const command = commands[name]
  if (!command) {
    const { closestNames } = await import('@tierdeploy/catalog')
    const near = closestNames(name, Object.keys(commands))
    io.stderr(`tierdeploy: unknown command '${name}'${near.length ? `; did you mean '${near[0]}'?` : ''}\n\n${help()}`)
    return 2
  }
  const module = await command.load()
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(`Usage: ${module.usage}`)
    return 0
  }
  return runCommand(name, module.usage, (a, io) => module.run(a, io), args, io)
}

/**
 * Runs one command and turns its errors into exit codes: a usage mistake prints the usage (2), a configuration
 * mistake prints its message without a stack (1). Anything else is a bug and propagates with its stack.
 */
export async function runCommand(name: string, usage: string, run: (args: string[], io: CliIO) => Promise<number>, args: string[], io: CliIO): Promise<number> {
  try {
    return await run(args, io)
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`tierdeploy ${name}: ${error.message}\nUsage: ${usage}`)
      return 2
    }
    if (isConfigurationError(error)) {
      io.stderr(`tierdeploy ${name}: ${error.message}`)
      const unlisted = error.problems.filter((p) => p.severity === 'warning')
      for (const p of unlisted) io.stderr(formatProblem(p))
      return 1
    }
    throw error
  }
}

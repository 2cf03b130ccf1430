import { isConfigurationError } from '@tierdeploy/catalog'
import { githubIO, type ActionIO } from './io.js'

/**
 * Runs an action body and turns any failure into a failed step: a user mistake (ConfigurationError) as its
 * message plus file annotations, anything else (a bug, an AWS outage) with its stack for the bug report.
 * A thrown non-Error value fails the step too.
 */
export async function runAction(body: (io: ActionIO) => Promise<void>, io: ActionIO = githubIO()): Promise<void> {
  try {
    await body(io)
  } catch (error) {
    if (isConfigurationError(error)) {
      for (const problem of error.problems) io.annotate(problem)
      io.setFailed(error.message)
    } else if (error instanceof Error) {
      io.log.debug(error.stack ?? '')
      io.setFailed(error.name && error.name !== 'Error' ? `${error.name}: ${error.message}` : error.message)
      io.log.error(error.stack ?? error.message)
    } else {
      io.setFailed(`failed: ${String(error)}`)
    }
  }
}

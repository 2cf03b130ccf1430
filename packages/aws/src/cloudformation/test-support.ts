// Shared by this folder's tests: a fake clock and CloudFormation errors shaped like the SDK's.
import { CloudFormationServiceException } from '@aws-sdk/client-cloudformation'
import type { Clock, Logger } from '@tierdeploy/catalog'

/** A clock whose sleep advances time instantly, recording each sleep. */
export function fakeClock(start = 1_700_000_000_000): Clock & { sleeps: number[] } {
  let t = start
  const sleeps: number[] = []
  return {
    sleeps,
    now: () => t,
    sleep: async (ms) => { sleeps.push(ms); t += ms },
  }
}

export function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = []
  return { lines, debug: (m) => lines.push(`debug: ${m}`), info: (m) => lines.push(m), warning: (m) => lines.push(`warning: ${m}`), error: (m) => lines.push(`error: ${m}`) }
}

export function validationError(message: string): CloudFormationServiceException {
  return new CloudFormationServiceException({ name: 'ValidationError', $fault: 'client', message, $metadata: { httpStatusCode: 400 } })
}

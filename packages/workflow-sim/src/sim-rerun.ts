/**
 * Re-runs of a simulated run ("Re-running workflows and jobs", docs.github.com/actions/how-tos/manage-workflow-runs/
 * re-run-workflows-and-jobs): the same run (its id, event, inputs and github context) with github.run_attempt one
 * higher.
 */
import { calledWorkflowsOf, planRerun, simulateAttempt, simulateWorkflow, type SimulationOptions, type SimulationResult } from './simulate.js'
import type { LoadedWorkflow } from './workflow.js'

/** "A workflow run can be re-run a maximum of 50 times", full re-runs and re-runs of some jobs together. */
export const MAX_RERUNS = 50

function nextAttempt(workflow: LoadedWorkflow, previous: SimulationResult, options: SimulationOptions): SimulationOptions {
  if (previous.attempt > MAX_RERUNS) throw new Error(`${workflow.name}: run ${previous.runId} has been re-run ${previous.attempt - 1} times: GitHub allows at most ${MAX_RERUNS}`)
  const inputs = Object.fromEntries(Object.entries(previous.inputs).filter((e): e is [string, string | boolean | number] => ['string', 'boolean', 'number'].includes(typeof e[1])))
  return {
    inputs,
    ...options,
    runId: options.runId ?? previous.runId,
    // Re-runs use the first attempt's event: the same GITHUB_SHA and GITHUB_REF.
    github: { ...previous.github, ...options.github, run_attempt: String(previous.attempt + 1) },
  }
}

/**
 * "Re-run failed jobs": the failed and cancelled jobs run again with every job that depends on them (transitively);
 * the other jobs keep their results and outputs, which the re-run jobs read. Of a matrix job that failed, only the
 * failed legs run again. A reusable-workflow job whose called run failed re-runs the failed jobs inside it the same
 * way, and every called workflow is the one the first attempt loaded ("Re-running failed jobs or a specific job in a
 * workflow will use the reusable workflow from the same commit SHA of the first attempt"). `options` are those of
 * the first attempt (the same step handler, loader, queue); inputs and the github context default to the previous
 * attempt's.
 */
export async function rerunFailedJobs(workflow: LoadedWorkflow, previous: SimulationResult, options: SimulationOptions = {}): Promise<SimulationResult> {
  const plan = planRerun(previous)
  if (plan.again.size === 0) throw new Error(`${workflow.name}: run ${previous.runId} has no failed or cancelled job to re-run`)
  const loaded = calledWorkflowsOf(previous)
  return simulateAttempt(workflow, nextAttempt(workflow, previous, options), { plan, ...(loaded ? { loaded: new Map(loaded) } : {}) })
}

/** "Re-run all jobs": a new attempt of the whole run; called workflows are loaded again from their refs. */
export async function rerunAllJobs(workflow: LoadedWorkflow, previous: SimulationResult, options: SimulationOptions = {}): Promise<SimulationResult> {
  return simulateWorkflow(workflow, nextAttempt(workflow, previous, options))
}

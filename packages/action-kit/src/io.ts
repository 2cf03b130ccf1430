import * as core from '@actions/core'
import type { Logger, Problem } from '@tierdeploy/catalog'

/** Everything an action's main.ts touches of the runner, so tests can pass a recording implementation. */
export interface ActionIO {
  /** The raw input, trimmed; '' when not given. */
  getInput(name: string): string
  setOutput(name: string, value: string): void
  setSecret(value: string): void
  setFailed(message: string): void
  /** A notice annotation on the run: something the user should see that is neither a warning nor an error. */
  notice(message: string): void
  /** A file annotation (shown on the file's line in the pull request and run). */
  annotate(problem: Problem): void
  /** Appends Markdown to the job summary. */
  summary(markdown: string): Promise<void>
  log: Logger
  env: NodeJS.ProcessEnv
}

/** The runner's implementation, on @actions/core. */
export function githubIO(env: NodeJS.ProcessEnv = process.env): ActionIO {
  return {
    getInput: (name) => core.getInput(name).trim(),
    setOutput: (name, value) => core.setOutput(name, value),
    setSecret: (value) => core.setSecret(value),
    setFailed: (message) => core.setFailed(message),
    notice: (message) => core.notice(message, { title: 'tierdeploy' }),
    annotate: (p) => {
      const props = { file: p.file, ...(p.line ? { startLine: p.line } : {}), ...(p.column ? { startColumn: p.column } : {}), title: 'tierdeploy' }
      const text = p.hint ? `${p.message} (${p.hint})` : p.message
      if (p.severity === 'error') core.error(text, props)
      else core.warning(text, props)
    },
    summary: async (markdown) => {
      // Outside a runner (local runs) there is no summary file; the summary is then only logged.
      if (!env.GITHUB_STEP_SUMMARY) {
        core.info(markdown)
        return
      }
      await core.summary.addRaw(markdown, true).write()
    },
    log: {
      debug: (m) => core.debug(m),
      info: (m) => core.info(m),
      warning: (m) => core.warning(m),
      error: (m) => core.error(m),
    },
    env,
  }
}

/** An in-memory ActionIO for tests: inputs in, outputs, annotations and summaries recorded. */
export interface RecordingIO extends ActionIO {
  outputs: Record<string, string>
  secrets: string[]
  failed?: string
  annotations: Problem[]
  summaries: string[]
  logs: string[]
}

export function recordingIO(inputs: Record<string, string> = {}, env: NodeJS.ProcessEnv = {}): RecordingIO {
  const io: RecordingIO = {
    outputs: {},
    secrets: [],
    annotations: [],
    summaries: [],
    logs: [],
    getInput: (name) => (inputs[name] ?? '').trim(),
    setOutput: (name, value) => { io.outputs[name] = value },
    setSecret: (value) => { io.secrets.push(value) },
    setFailed: (message) => { io.failed = message },
    notice: (message) => { io.logs.push(`notice: ${message}`) },
    annotate: (p) => { io.annotations.push(p) },
    summary: async (markdown) => { io.summaries.push(markdown) },
    log: {
      debug: (m) => io.logs.push(`debug: ${m}`),
      info: (m) => io.logs.push(m),
      warning: (m) => io.logs.push(`warning: ${m}`),
      error: (m) => io.logs.push(`error: ${m}`),
    },
    env,
  }
  return io
}

// Renders a deploy's progress events (DeployEvent, from @tierdeploy/aws) for a person or a program: the live block
// redrawn in a terminal, NDJSON for scripts, or nothing; the CI-log lines (lineRenderer) live beside the events in
// @tierdeploy/aws, since the ecs-deploy action prints them too. Only event times are used (each event's `at`, on the
// engine's injected clock), so tests replay a scripted sequence and get exact output.
import { describeSnapshot, formatDuration, lineFor, lineRenderer, ProgressState, type ProgressRenderer, type Write } from '@tierdeploy/aws'
import type { Logger } from '@tierdeploy/catalog'

/** Rolling services the terminal view lists (the slowest first); the rest are counted. */
export const LIVE_ROWS = 5

/**
 * A terminal: a compact block redrawn in place (ANSI: cursor up, erase to the end of the screen) under the log
 * lines, each line cut to the terminal's width so none wraps. The block: where the step is, counts of done /
 * rolling / failed / unchanged, and the LIVE_ROWS slowest rollouts with what they wait for. Wave outcomes, failures
 * and log lines are printed above it and stay.
 */
export function ttyRenderer(write: Write, options: { columns?: () => number | undefined } = {}): ProgressRenderer {
  const state = new ProgressState()
  let drawn = 0
  let active = false
  const width = (): number => Math.max(20, (options.columns?.() ?? 80) - 1)
  const fit = (text: string): string => (text.length > width() ? `${text.slice(0, width() - 1)}…` : text)
  const erase = (): void => {
    if (drawn) write(`\x1b[${drawn}A\r\x1b[J`)
    drawn = 0
  }
  const draw = (): void => {
    if (!active) return
    const rolling = state.rolling()
    const lines = [
      `${state.label()}: ${formatDuration(state.now - state.stepStartedAt)}`,
      `  ${state.count('done')} done, ${rolling.length} rolling, ${state.count('failed')} failed, ${state.count('unchanged')} unchanged`,
      ...rolling.slice(0, LIVE_ROWS).map(([name, t]) => `  ${name}  ${formatDuration(state.now - (t.startedAt ?? state.now))}  ${t.snapshot ? describeSnapshot(t.snapshot) : `starting ${t.revision ?? ''}`.trim()}`),
      ...(rolling.length > LIVE_ROWS ? [`  … and ${rolling.length - LIVE_ROWS} more rolling`] : []),
    ]
    write(`${lines.map(fit).join('\n')}\n`)
    drawn = lines.length
  }
  const above = (text: string): void => {
    erase()
    write(`${text}\n`)
    draw()
  }
  return {
    event(e) {
      state.apply(e)
      if (e.type === 'step-started') active = true
      const keep = e.type === 'service-failed' || e.type === 'service-write-failed' || e.type === 'wave-done' || e.type === 'rollback-started' || e.type === 'step-done' || (e.type === 'poll' && e.error)
      if (e.type === 'step-done') active = false
      erase()
      if (keep) write(`${fit(lineFor(e, state) ?? '')}\n`)
      draw()
    },
    above,
    close() {
      erase()
      active = false
    },
  }
}

/** `--json`: every event as one JSON object per line (newline-delimited JSON) on `write`; log lines go to `logs`. */
export function jsonRenderer(write: Write, logs: Write): ProgressRenderer {
  return {
    event: (e) => write(JSON.stringify(e)),
    above: logs,
    close: () => undefined,
  }
}

/** `--quiet`: nothing but what `above` is given (warnings and errors). */
export function quietRenderer(write: Write): ProgressRenderer {
  return { event: () => undefined, above: write, close: () => undefined }
}

export interface ProgressChoice {
  json?: boolean
  quiet?: boolean
  verbose?: boolean
}

export interface ProgressOutput {
  isTTY?: boolean
  columns?: number
  env: NodeJS.ProcessEnv
  stdout(text: string): void
  stderr(text: string): void
  /** Raw stderr (no newline added), needed for the terminal view. */
  stderrRaw?(text: string): void
}

/**
 * The renderer for this run: NDJSON on stdout with --json; nothing with --quiet; the live view when stderr is a
 * terminal; lines (in ::group:: blocks when GITHUB_ACTIONS=true) otherwise. Progress goes to stderr so stdout keeps
 * the result table.
 */
export function progressRendererFor(io: ProgressOutput, choice: ProgressChoice): ProgressRenderer {
  if (choice.json) return jsonRenderer(io.stdout, io.stderr)
  if (choice.quiet) return quietRenderer(io.stderr)
  if (io.isTTY && io.stderrRaw) return ttyRenderer(io.stderrRaw, { columns: () => io.columns })
  return lineRenderer(io.stderr, { groups: io.env.GITHUB_ACTIONS === 'true' })
}

/**
 * The step's logger while a renderer shows its progress: warnings and errors always (printed above the live view),
 * info and debug only with --verbose, since the progress lines say what they said.
 */
export function progressLogger(renderer: ProgressRenderer, verbose: boolean): Logger {
  return {
    debug: (m) => {
      if (verbose) renderer.above(`debug: ${m}`)
    },
    info: (m) => {
      if (verbose) renderer.above(m)
    },
    warning: (m) => renderer.above(`warning: ${m}`),
    error: (m) => renderer.above(`error: ${m}`),
  }
}

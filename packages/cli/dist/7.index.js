(function (__tierdeployImportMeta) { return { id: 7,
ids: [7],
modules: {

/***/ 400:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $A: () => (/* binding */ ProgressState),
/* harmony export */   _U: () => (/* binding */ lineRenderer),
/* harmony export */   a3: () => (/* binding */ formatDuration),
/* harmony export */   e4: () => (/* binding */ describeSnapshot),
/* harmony export */   m: () => (/* binding */ HEARTBEAT_MS),
/* harmony export */   y1: () => (/* binding */ lineFor)
/* harmony export */ });
/**
 * Live progress of a deploy step, as typed events. The engine (deployEcsServices, waitForRollouts) reports them
 * through an optional `progress` callback in its effects; renderers (the CLI's terminal view, CI log lines, NDJSON)
 * turn them into output. Events carry clock times (`at`, ms since the epoch on the injected clock), so a renderer
 * needs no clock of its own to show elapsed times. The JSON form of each event is `tierdeploy deploy --json`'s
 * documented output (docs/cli.md): add fields, never rename them.
 */
/** At most this long without a line in CI logs: then a heartbeat says what is still rolling. */
const HEARTBEAT_MS = 30_000;
/** What the events so far say: the current step, wave and phase, and each service's state. Shared by the renderers. */
class ProgressState {
    tier;
    wave = 0;
    waves = 0;
    phase = 'deploy';
    stepStartedAt = 0;
    waveStartedAt = 0;
    now = 0;
    polls = 0;
    services = new Map();
    apply(e) {
        this.now = Math.max(this.now, e.at);
        switch (e.type) {
            case 'step-started':
                this.tier = e.tier !== undefined ? `tier ${e.tier}${e.tierName ? ` (${e.tierName})` : ''}` : undefined;
                this.stepStartedAt = e.at;
                this.phase = 'deploy';
                this.services.clear();
                break;
            case 'wave-started':
                this.wave = e.wave;
                this.waves = e.waves;
                this.waveStartedAt = e.at;
                break;
            case 'service-unchanged':
                this.services.set(e.service, { state: 'unchanged' });
                break;
            case 'service-updated':
                this.services.set(e.service, { state: 'rolling', revision: e.revision, startedAt: e.at });
                break;
            case 'service-write-failed':
                this.services.set(e.service, { state: 'failed', reason: e.reason });
                break;
            case 'poll':
                this.polls++;
                for (const s of e.pending) {
                    const t = this.services.get(s.service) ?? { state: 'rolling', startedAt: e.at - s.elapsedMs };
                    this.services.set(s.service, { ...t, state: 'rolling', snapshot: s, startedAt: e.at - s.elapsedMs });
                }
                break;
            case 'service-done':
                this.services.set(e.service, { ...this.services.get(e.service), state: 'done' });
                break;
            case 'service-failed':
                this.services.set(e.service, { ...this.services.get(e.service), state: 'failed', reason: e.reason });
                break;
            case 'rollback-started':
                this.phase = 'rollback';
                for (const name of e.services) {
                    const t = this.services.get(name);
                    if (t?.state === 'done')
                        this.services.set(name, { state: 'rolling', startedAt: e.at });
                }
                break;
            case 'wave-done':
            case 'step-done':
                break;
        }
    }
    count(state) {
        return [...this.services.values()].filter((t) => t.state === state).length;
    }
    /** Rolling services, the longest-running first. */
    rolling() {
        return [...this.services.entries()].filter(([, t]) => t.state === 'rolling').sort((a, b) => (a[1].startedAt ?? 0) - (b[1].startedAt ?? 0) || a[0].localeCompare(b[0]));
    }
    label() {
        const where = [this.tier, this.waves > 1 ? `wave ${this.wave}/${this.waves}` : undefined, this.phase === 'rollback' ? 'rolling back' : undefined].filter(Boolean);
        return where.length ? where.join(', ') : 'deploy';
    }
}
/** 65 s -> "1m05s", 9 s -> "9s". */
function formatDuration(ms) {
    const s = Math.max(0, Math.round(ms / 1000));
    return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}
/** What a pending rollout waits for, from its last snapshot: tasks starting, failed tasks, ECS's latest event. */
function describeSnapshot(s) {
    return [
        `${s.running}/${s.desired} running`,
        s.pending ? `${s.pending} pending` : undefined,
        s.failedTasks ? `${s.failedTasks} failed task${s.failedTasks === 1 ? '' : 's'}` : undefined,
        s.rolloutState,
        s.latestEvent ? s.latestEvent.replace(/^\(service [^)]*\) /, '') : undefined,
    ]
        .filter(Boolean)
        .join(', ');
}
/** The one line a state-changing event prints in CI logs (undefined: not a state change). */
function lineFor(e, state) {
    switch (e.type) {
        case 'step-started':
            return `${state.tier ?? 'step'}: deploying ${e.waves.flat().length} service(s) in ${e.waves.length} wave(s) to cluster ${e.cluster} (deploy ${e.deployId})`;
        case 'wave-started':
            return `wave ${e.wave}/${e.waves}: ${e.services.join(', ')}`;
        case 'service-unchanged':
            return `${e.service}: unchanged`;
        case 'service-updated':
            return `${e.service}: rolling out ${e.revision} (was ${e.previousRevision})`;
        case 'service-write-failed':
            return `${e.service}: FAILED before rolling out: ${e.reason}`;
        case 'service-done':
            return `${e.service}: ${state.phase === 'rollback' ? 'rolled back' : 'deployed'} in ${formatDuration(e.elapsedMs)}`;
        case 'service-failed':
            return `${e.service}: FAILED after ${formatDuration(e.elapsedMs)}${e.rolledBackByEcs ? ' (ECS circuit breaker rolling back)' : ''}: ${e.reason}`;
        case 'wave-done':
            return `wave ${e.wave}/${state.waves}: ${e.ok ? 'done' : 'FAILED'} in ${formatDuration(e.elapsedMs)} (${e.deployed} deployed, ${e.failed} failed, ${e.unchanged} unchanged)`;
        case 'rollback-started':
            return `rolling back ${e.services.length ? e.services.join(', ') : 'nothing'} because ${e.because.join(', ')} failed`;
        case 'step-done':
            return `${state.tier ?? 'step'}: ${e.ok ? 'succeeded' : 'FAILED'} in ${formatDuration(e.elapsedMs)} (${e.polls} polls)`;
        case 'poll':
            return e.error ? `poll ${e.poll}: ${e.error}; the next poll comes later` : undefined;
    }
}
/**
 * CI logs (no terminal): one line per state change, a per-service line when a pending rollout's counts, rolloutState
 * or latest event change, and a heartbeat after HEARTBEAT_MS without a line. With `groups` (GITHUB_ACTIONS=true) each
 * wave and the rollback are folded into `::group::` blocks; the wave's outcome line is printed after its group, so a
 * failure is visible without unfolding.
 */
function lineRenderer(write, options = {}) {
    const state = new ProgressState();
    const seen = new Map();
    let lastLineAt;
    let open = false;
    const line = (text, at) => {
        write(text);
        lastLineAt = at;
    };
    const openGroup = (title, at) => {
        closeGroup();
        if (!options.groups)
            return;
        line(`::group::${title}`, at);
        open = true;
    };
    const closeGroup = () => {
        if (open)
            write('::endgroup::');
        open = false;
    };
    return {
        event(e) {
            state.apply(e);
            if (e.type === 'wave-started')
                openGroup(`${state.label()}: ${e.services.join(', ')}`, e.at);
            if (e.type === 'rollback-started')
                openGroup(`${state.tier ? `${state.tier}: ` : ''}rollback`, e.at);
            if (e.type === 'wave-done' || e.type === 'step-done')
                closeGroup();
            const text = lineFor(e, state);
            if (text)
                line(text, e.at);
            if (e.type !== 'poll')
                return;
            let changed = false;
            for (const s of e.pending) {
                const now = describeSnapshot(s);
                if (seen.get(s.service) === now)
                    continue;
                seen.set(s.service, now);
                line(`${s.service}: ${now} (${formatDuration(s.elapsedMs)})`, e.at);
                changed = true;
            }
            if (!changed && e.pending.length && lastLineAt !== undefined && e.at - lastLineAt >= HEARTBEAT_MS) {
                const slowest = state.rolling()[0];
                line(`${state.label()}: still waiting for ${e.pending.length} rollout(s), ${state.count('done')} done${slowest ? `; slowest ${slowest[0]} (${formatDuration(state.now - (slowest[1].startedAt ?? state.now))})` : ''}`, e.at);
            }
        },
        above(text) {
            write(text);
        },
        close() {
            closeGroup();
        },
    };
}


/***/ }),

/***/ 4007:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   progressLogger: () => (/* binding */ progressLogger),
/* harmony export */   progressRendererFor: () => (/* binding */ progressRendererFor)
/* harmony export */ });
/* unused harmony exports LIVE_ROWS, ttyRenderer, jsonRenderer, quietRenderer */
/* harmony import */ var _tierdeploy_aws__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(400);
// Renders a deploy's progress events (DeployEvent, from @tierdeploy/aws) for a person or a program: the live block
// redrawn in a terminal, NDJSON for scripts, or nothing; the CI-log lines (lineRenderer) live beside the events in
// @tierdeploy/aws, since the ecs-deploy action prints them too. Only event times are used (each event's `at`, on the
// engine's injected clock), so tests replay a scripted sequence and get exact output.

/** Rolling services the terminal view lists (the slowest first); the rest are counted. */
const LIVE_ROWS = 5;
/**
 * A terminal: a compact block redrawn in place (ANSI: cursor up, erase to the end of the screen) under the log
 * lines, each line cut to the terminal's width so none wraps. The block: where the step is, counts of done /
 * rolling / failed / unchanged, and the LIVE_ROWS slowest rollouts with what they wait for. Wave outcomes, failures
 * and log lines are printed above it and stay.
 */
function ttyRenderer(write, options = {}) {
    const state = new _tierdeploy_aws__WEBPACK_IMPORTED_MODULE_0__/* .ProgressState */ .$A();
    let drawn = 0;
    let active = false;
    const width = () => Math.max(20, (options.columns?.() ?? 80) - 1);
    const fit = (text) => (text.length > width() ? `${text.slice(0, width() - 1)}\u2026` : text);
    const erase = () => {
        if (drawn)
            write(`\x1b[${drawn}A\r\x1b[J`);
        drawn = 0;
    };
    const draw = () => {
        if (!active)
            return;
        const rolling = state.rolling();
        const lines = [
            `${state.label()}: ${(0,_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(state.now - state.stepStartedAt)}`,
            `  ${state.count('done')} done, ${rolling.length} rolling, ${state.count('failed')} failed, ${state.count('unchanged')} unchanged`,
            ...rolling.slice(0, LIVE_ROWS).map(([name, t]) => `  ${name}  ${(0,_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(state.now - (t.startedAt ?? state.now))}  ${t.snapshot ? (0,_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_0__/* .describeSnapshot */ .e4)(t.snapshot) : `starting ${t.revision ?? ''}`.trim()}`),
            ...(rolling.length > LIVE_ROWS ? [`  \u2026 and ${rolling.length - LIVE_ROWS} more rolling`] : []),
        ];
        write(`${lines.map(fit).join('\n')}\n`);
        drawn = lines.length;
    };
    const above = (text) => {
        erase();
        write(`${text}\n`);
        draw();
    };
    return {
        event(e) {
            state.apply(e);
            if (e.type === 'step-started')
                active = true;
            const keep = e.type === 'service-failed' || e.type === 'service-write-failed' || e.type === 'wave-done' || e.type === 'rollback-started' || e.type === 'step-done' || (e.type === 'poll' && e.error);
            if (e.type === 'step-done')
                active = false;
            erase();
            if (keep)
                write(`${fit((0,_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_0__/* .lineFor */ .y1)(e, state) ?? '')}\n`);
            draw();
        },
        above,
        close() {
            erase();
            active = false;
        },
    };
}
/** `--json`: every event as one JSON object per line (newline-delimited JSON) on `write`; log lines go to `logs`. */
function jsonRenderer(write, logs) {
    return {
        event: (e) => write(JSON.stringify(e)),
        above: logs,
        close: () => undefined,
    };
}
/** `--quiet`: nothing but what `above` is given (warnings and errors). */
function quietRenderer(write) {
    return { event: () => undefined, above: write, close: () => undefined };
}
/**
 * The renderer for this run: NDJSON on stdout with --json; nothing with --quiet; the live view when stderr is a
 * terminal; lines (in ::group:: blocks when GITHUB_ACTIONS=true) otherwise. Progress goes to stderr so stdout keeps
 * the result table.
 */
function progressRendererFor(io, choice) {
    if (choice.json)
        return jsonRenderer(io.stdout, io.stderr);
    if (choice.quiet)
        return quietRenderer(io.stderr);
    if (io.isTTY && io.stderrRaw)
        return ttyRenderer(io.stderrRaw, { columns: () => io.columns });
    return (0,_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_0__/* .lineRenderer */ ._U)(io.stderr, { groups: io.env.GITHUB_ACTIONS === 'true' });
}
/**
 * The step's logger while a renderer shows its progress: warnings and errors always (printed above the live view),
 * info and debug only with --verbose, since the progress lines say what they said.
 */
function progressLogger(renderer, verbose) {
    return {
        debug: (m) => {
            if (verbose)
                renderer.above(`debug: ${m}`);
        },
        info: (m) => {
            if (verbose)
                renderer.above(m);
        },
        warning: (m) => renderer.above(`warning: ${m}`),
        error: (m) => renderer.above(`error: ${m}`),
    };
}


/***/ })

},
 } })

export const id = 942;
export const ids = [942];
export const modules = {

/***/ 1333:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   VO: () => (/* binding */ streamLogger),
/* harmony export */   ml: () => (/* binding */ systemClock),
/* harmony export */   qq: () => (/* binding */ silentLogger)
/* harmony export */ });
const systemClock = {
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
const silentLogger = { debug() { }, info() { }, warning() { }, error() { } };
/** A logger that writes to a stream (the CLI's stderr), with debug lines only when asked. */
function streamLogger(write, verbose = false) {
    return {
        debug: (m) => { if (verbose)
            write(`debug: ${m}`); },
        info: (m) => write(m),
        warning: (m) => write(`warning: ${m}`),
        error: (m) => write(`error: ${m}`),
    };
}


/***/ }),

/***/ 9094:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ environmentNamed),
/* harmony export */   r: () => (/* binding */ isProductionLike)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2332);
/* harmony import */ var _suggest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5753);


/** The named environment, or a ConfigurationError listing the ones the catalog has. */
function environmentNamed(catalog, name) {
    const env = catalog.environments.get(name);
    if (env)
        return env;
    const known = [...catalog.environments.keys()];
    const hint = (0,_suggest_js__WEBPACK_IMPORTED_MODULE_0__/* .didYouMean */ .au)(name, known);
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`unknown environment '${name}'${hint ? `: ${hint}` : ''} (${catalog.dir}/environments has ${known.length ? known.join(', ') : 'none'})`);
}
/**
 * Whether an environment is production-like: it needs approval or is called prod/production. Production-like
 * environments get the stricter rules (no single replica, no business-hours schedule for public services).
 */
function isProductionLike(environment) {
    return environment.requireApproval === true || /^prod(uction)?$/i.test(environment.name);
}


/***/ }),

/***/ 8861:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TU: () => (/* binding */ Git),
/* harmony export */   XZ: () => (/* binding */ gitRunner)
/* harmony export */ });
/* unused harmony exports GitError, parseNameStatus */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2332);


/** The real runner: `git` in `cwd`, never prompting for credentials (a prompt would hang the job). */
function gitRunner(cwd, env = process.env) {
    return (args, options = {}) => new Promise((resolve, reject) => {
        const input = options.input;
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)('git', args, { cwd, env: { ...env, GIT_TERMINAL_PROMPT: '0' }, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
        const out = [];
        const err = [];
        child.stdout.on('data', (d) => out.push(d));
        child.stderr.on('data', (d) => err.push(d));
        child.on('error', (e) => {
            reject(e.code === 'ENOENT' ? new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1('git is not installed or not on PATH: detect-changed-services needs it') : e);
        });
        child.on('close', (code) => resolve({ code: code ?? 1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
        if (input !== undefined && child.stdin) {
            // git may exit before reading all of its input (a bad repository); its exit code reports that.
            child.stdin.on('error', () => { });
            child.stdin.end(input);
        }
    });
}
/** A git command failed in a way that is not the user's mistake (a corrupt repository, a git bug). */
class GitError extends Error {
    constructor(args, result) {
        super(`git ${args.join(' ')} exited with ${result.code}: ${result.stderr.trim() || result.stdout.trim()}`);
        this.name = 'GitError';
    }
}
const STATUS = { A: 'added', M: 'modified', D: 'deleted', R: 'renamed', C: 'copied', T: 'type-changed', U: 'unmerged' };
/**
 * Parses `git diff --name-status -z`: fields are NUL-separated, so paths with spaces, tabs, newlines or
 * non-ASCII characters arrive unquoted. A rename or copy (R100, C75) is followed by two paths, old then new.
 */
function parseNameStatus(output) {
    const fields = output.split('\0');
    const changes = [];
    let i = 0;
    while (i < fields.length) {
        const code = fields[i++];
        if (code === '')
            continue;
        const status = STATUS[code[0]] ?? 'unknown';
        if (status === 'renamed' || status === 'copied') {
            const oldPath = fields[i++];
            const path = fields[i++];
            if (!oldPath || !path)
                throw new Error(`truncated git diff output after ${code}`);
            changes.push({ status, path, oldPath });
        }
        else {
            const path = fields[i++];
            if (!path)
                throw new Error(`truncated git diff output after ${code}`);
            changes.push({ status, path });
        }
    }
    return changes;
}
/** The git commands detect-changed-services needs, over an injected runner. */
class Git {
    run;
    directory;
    /** `directory`: where the runner runs git, for the message when it is not in a repository. */
    constructor(run, directory = 'the catalog root') {
        this.run = run;
        this.directory = directory;
    }
    async ok(args, options) {
        const result = await this.run(args, options);
        if (result.code === 0)
            return result.stdout;
        // A catalog copied out of its repository (or a job without actions/checkout) is set-up, not a git failure.
        if (/not a git repository/i.test(result.stderr)) {
            throw new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${this.directory} is not inside a git repository, so there are no commits to compare: run in a clone of the repository (actions/checkout in a workflow)`);
        }
        throw new GitError(args, result);
    }
    /** The commit a ref names, or undefined when this clone does not have it. */
    async commitOf(ref) {
        const r = await this.run(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
        return r.code === 0 ? r.stdout.trim() : undefined;
    }
    async isShallow() {
        return (await this.ok(['rev-parse', '--is-shallow-repository'])).trim() === 'true';
    }
    /** The current directory relative to the repository root, e.g. `deploy/` or ''. */
    async prefix() {
        return (await this.ok(['rev-parse', '--show-prefix'])).trim();
    }
    async isAncestor(ancestor, descendant) {
        const r = await this.run(['merge-base', '--is-ancestor', ancestor, descendant]);
        if (r.code === 0)
            return true;
        if (r.code === 1)
            return false;
        throw new GitError(['merge-base', '--is-ancestor', ancestor, descendant], r);
    }
    /** The best common ancestor, or undefined when the histories this clone has do not meet. */
    async mergeBase(a, b) {
        const r = await this.run(['merge-base', a, b]);
        if (r.code === 0)
            return r.stdout.trim().split('\n')[0];
        if (r.code === 1)
            return undefined;
        throw new GitError(['merge-base', a, b], r);
    }
    /** Runs `git fetch` and says whether it worked (a missing remote or no network are not bugs). */
    async fetch(args) {
        const r = await this.run(['fetch', '--no-tags', '--quiet', ...args]);
        return { ok: r.code === 0, message: r.stderr.trim() };
    }
    /** Whether the remote answers (ls-remote), to tell a commit the remote lacks from a remote we cannot reach. */
    async reachable(remote) {
        return (await this.run(['ls-remote', '--quiet', remote, 'HEAD'])).code === 0;
    }
    /** Files changed from `base` to `head` (paths relative to the current directory, renames detected). */
    async diff(base, head) {
        // --relative: paths relative to the catalog root, which service paths are relative to. --no-renames would
        // hide the old side of a move; -M pairs them so both sides count.
        const out = await this.ok(['-c', 'core.quotePath=false', 'diff', '--name-status', '-z', '-M', '--relative', '--no-ext-diff', base, head, '--']);
        return parseNameStatus(out);
    }
    /** A file's content at a commit, or undefined when it does not exist there. `path` is relative to the current directory. */
    async show(commit, path) {
        const r = await this.run(['show', `${commit}:./${path}`]);
        return r.code === 0 ? r.stdout : undefined;
    }
    /** Which of `paths` (relative to the repository root) do not exist at `commit`, asked in one batch. */
    async missingAt(commit, paths) {
        if (paths.length === 0)
            return new Set();
        const out = await this.ok(['cat-file', '--batch-check=%(objecttype)'], { input: paths.map((p) => `${commit}:${p}\n`).join('') });
        const lines = out.split('\n');
        return new Set(paths.filter((_, i) => (lines[i] ?? '').endsWith('missing')));
    }
}


/***/ }),

/***/ 5942:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   run: () => (/* binding */ run),
/* harmony export */   runDeploy: () => (/* binding */ runDeploy),
/* harmony export */   usage: () => (/* binding */ usage)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_readline_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6848);
/* harmony import */ var node_readline_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_readline_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _tierdeploy_aws__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(752);
/* harmony import */ var _tierdeploy_aws__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(6076);
/* harmony import */ var _tierdeploy_aws__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(1294);
/* harmony import */ var _tierdeploy_aws__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(5439);
/* harmony import */ var _tierdeploy_aws__WEBPACK_IMPORTED_MODULE_15__ = __webpack_require__(4379);
/* harmony import */ var _tierdeploy_aws__WEBPACK_IMPORTED_MODULE_16__ = __webpack_require__(3522);
/* harmony import */ var _tierdeploy_aws__WEBPACK_IMPORTED_MODULE_17__ = __webpack_require__(9161);
/* harmony import */ var _tierdeploy_aws__WEBPACK_IMPORTED_MODULE_20__ = __webpack_require__(758);
/* harmony import */ var _tierdeploy_aws__WEBPACK_IMPORTED_MODULE_21__ = __webpack_require__(2515);
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7743);
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(2332);
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(9094);
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(1333);
/* harmony import */ var _tierdeploy_changes__WEBPACK_IMPORTED_MODULE_19__ = __webpack_require__(8861);
/* harmony import */ var _tierdeploy_graph__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(5517);
/* harmony import */ var _tierdeploy_graph__WEBPACK_IMPORTED_MODULE_18__ = __webpack_require__(1742);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7109);
/* harmony import */ var _cli_io_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7801);
/* harmony import */ var _selection_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7124);
// Loaded only for `tierdeploy deploy` (commands/index.ts imports it lazily): the only CLI file that loads the AWS SDK.










const usage = [
    'tierdeploy deploy --env ENV (--tier N|all | --services A,B | --service A) [--with-dependencies] [--images FILE] [--dry-run]',
    '                  [--catalog DIR] [--cluster NAME] [--region REGION] [--commit SHA] [--timeout-minutes N] [--no-rollback] [--yes] [--verbose]',
    '       tierdeploy deploy --rollback SERVICE --version previous|REVISION|COMMIT --env ENV [--cluster NAME] [--region REGION] [--dry-run] [--yes]',
    '',
    '  --images FILE     JSON object, service -> REPOSITORY@sha256:DIGEST (build-push\'s images output). Services',
    '                    without an image keep theirs; only their catalog environment and secrets are applied.',
    '  --dry-run         print each service\'s task-definition change; no write call to AWS.',
    '  --no-rollback     on failure, leave services as they are instead of putting them back.',
    '  --commit SHA      the commit the registered revisions are tagged with (tierdeploy:commit), what',
    '                    --rollback SERVICE --version SHA finds later. Default: GITHUB_SHA in GitHub Actions, else',
    '                    the HEAD commit of the repository holding the catalog (refused outside a git repository).',
    '  --yes             deploy to an environment with requireApproval: true without asking. Without it such a',
    '                    deploy shows its plan and asks for confirmation, and is refused when not in a terminal.',
    '  --region REGION   overrides the environment file\'s region; AWS_REGION is used only when the file has none.',
    '  --health-check [--promote-to-production]   run tierdeploy health on --env; with --promote-to-production, run',
    '                    tierdeploy promote from --env (or production\'s promotesFrom) to production instead.',
].join('\n');
async function run(args, io) {
    return runDeploy(args, io);
}
async function runDeploy(args, io, deps = {}) {
    const { values } = (0,_args_js__WEBPACK_IMPORTED_MODULE_3__/* .parseFlags */ .bQ)(args, {
        catalog: { type: 'string' },
        env: { type: 'string' },
        images: { type: 'string' },
        'dry-run': { type: 'boolean' },
        cluster: { type: 'string' },
        region: { type: 'string' },
        commit: { type: 'string' },
        'timeout-minutes': { type: 'string' },
        'no-rollback': { type: 'boolean' },
        rollback: { type: 'string' },
        version: { type: 'string' },
        verbose: { type: 'boolean' },
        'health-check': { type: 'boolean' },
        'promote-to-production': { type: 'boolean' },
        yes: { type: 'boolean' },
        ..._selection_js__WEBPACK_IMPORTED_MODULE_4__/* .selectionOptions */ .lo,
    });
    // The requested interface: `deploy --health-check --promote-to-production` is `promote` to the production
    // environment, and `deploy --health-check` alone is `health`. Both always run the health gate.
    if (values['promote-to-production'])
        return promoteToProduction(values, io);
    if (values['health-check'])
        return forward('health', [...passThrough(values, ['catalog', 'env', 'tier', 'services', 'service', 'cluster', 'region', 'verbose'])], io);
    const envName = (0,_args_js__WEBPACK_IMPORTED_MODULE_3__/* .stringFlag */ .AM)(values, 'env');
    if (!envName)
        throw new _cli_io_js__WEBPACK_IMPORTED_MODULE_5__/* .UsageError */ .e('--env ENV is required');
    const rollbackService = (0,_args_js__WEBPACK_IMPORTED_MODULE_3__/* .stringFlag */ .AM)(values, 'rollback');
    const version = (0,_args_js__WEBPACK_IMPORTED_MODULE_3__/* .stringFlag */ .AM)(values, 'version');
    if (rollbackService === undefined && version !== undefined)
        throw new _cli_io_js__WEBPACK_IMPORTED_MODULE_5__/* .UsageError */ .e('--version goes with --rollback SERVICE');
    if (rollbackService !== undefined && (values.tier !== undefined || values.services !== undefined || values.service !== undefined || values.images !== undefined)) {
        throw new _cli_io_js__WEBPACK_IMPORTED_MODULE_5__/* .UsageError */ .e('--rollback SERVICE takes no --tier, --services, --service or --images');
    }
    const timeoutText = (0,_args_js__WEBPACK_IMPORTED_MODULE_3__/* .stringFlag */ .AM)(values, 'timeout-minutes') ?? '15';
    if (!/^\d+$/.test(timeoutText) || Number(timeoutText) < 1 || Number(timeoutText) > 180)
        throw new _cli_io_js__WEBPACK_IMPORTED_MODULE_5__/* .UsageError */ .e(`--timeout-minutes must be a whole number from 1 to 180, got '${timeoutText}'`);
    const timeoutMs = Number(timeoutText) * 60_000;
    const { catalog, warnings } = await (0,_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_6__/* .loadCatalog */ .a)({ dir: (0,_args_js__WEBPACK_IMPORTED_MODULE_3__/* .stringFlag */ .AM)(values, 'catalog') ?? 'catalog', ...(io.catalogCache ? { cache: io.catalogCache } : {}) });
    for (const w of warnings)
        io.stderr((0,_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_7__/* .formatProblem */ .Vw)(w));
    const environment = (0,_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_8__/* .environmentNamed */ .b)(catalog, envName);
    const region = (0,_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_9__/* .regionFor */ .eM)(environment, { override: (0,_args_js__WEBPACK_IMPORTED_MODULE_3__/* .stringFlag */ .AM)(values, 'region'), overrideName: '--region', env: io.env });
    const cluster = await (0,_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_9__/* .clusterFor */ .uM)(environment, (0,_args_js__WEBPACK_IMPORTED_MODULE_3__/* .stringFlag */ .AM)(values, 'cluster'), '--cluster', { cloudformation: async () => deps.cloudformation ?? (0,_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_9__/* .makeCloudFormationClient */ .O6)(region) });
    const log = (0,_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_10__/* .streamLogger */ .VO)(io.stderr, values.verbose === true);
    const clock = deps.clock ?? _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_10__/* .systemClock */ .ml;
    const ecs = deps.ecs ?? (0,_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_11__/* .makeEcsClient */ .r)({ region });
    const effects = { ecs, clock, log };
    const dryRun = values['dry-run'] === true;
    // A dry run writes nothing, so it needs no confirmation.
    const approval = environment.requireApproval === true && !dryRun && values.yes !== true;
    const terminal = deps.terminal ?? { input: process.stdin, output: process.stdout };
    try {
        // Before the first call that could write (and before a dry run reads what it would change): credentials of another
        // account than the environment's are refused here, whatever the mode.
        await (0,_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_12__/* .verifyCallerAccount */ .sq)(environment, { sts: deps.sts, region }, log);
        if (rollbackService !== undefined) {
            const service = (0,_tierdeploy_graph__WEBPACK_IMPORTED_MODULE_13__/* .resolveServiceName */ .fV)(catalog, rollbackService);
            if (service.deployVia === 'cloudformation')
                throw new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_7__/* .ConfigurationError */ .j1(`${service.name} is deployed via CloudFormation stack ${service.cloudformation?.stack}: roll it back by deploying its previous image`);
            const target = (0,_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_14__/* .parseRollbackVersion */ .QZ)(version ?? 'previous', '--version');
            if (approval) {
                refuseWithoutTerminal(environment, terminal);
                const { current, target: to } = await (0,_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_14__/* .resolveRollbackTarget */ .aD)(service.name, target, { cluster }, effects);
                if (!(await confirm(`${service.name}: roll back ${current} -> ${to}`, environment, terminal, io)))
                    return notConfirmed(environment, io);
            }
            if (values['dry-run']) {
                const { current, target: to } = await (0,_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_14__/* .resolveRollbackTarget */ .aD)(service.name, target, { cluster }, effects);
                io.stdout(`${service.name}: would roll back ${current} -> ${to}`);
                return 0;
            }
            const result = await (0,_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_14__/* .rollBackService */ .Gg)(service.name, target, { cluster, timeoutMs }, effects);
            io.stdout((0,_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_15__/* .renderEcsResultText */ ._E)([result]));
            return result.status === 'rolled-back' ? 0 : 1;
        }
        const plan = (0,_tierdeploy_graph__WEBPACK_IMPORTED_MODULE_13__/* .resolveDeployWaves */ ._j)(catalog, (0,_selection_js__WEBPACK_IMPORTED_MODULE_4__/* .selectionFromFlags */ ._G)(values), environment);
        const images = readImages(catalog, (0,_args_js__WEBPACK_IMPORTED_MODULE_3__/* .stringFlag */ .AM)(values, 'images'), io.cwd);
        const commitSha = await deployCommit((0,_args_js__WEBPACK_IMPORTED_MODULE_3__/* .stringFlag */ .AM)(values, 'commit'), io.env, catalog, dryRun);
        if (!values.images)
            log.warning('no --images: every service keeps its running image; the catalog settings (cpu, memory, environment, secrets, port) are applied');
        if (approval)
            refuseWithoutTerminal(environment, terminal);
        const deployId = `cli-${new Date(clock.now()).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}`;
        const needsStacks = Object.keys(plan.nodes).some((n) => catalog.services.get(n)?.deployVia === 'cloudformation');
        const cloudformation = deps.cloudformation ?? (needsStacks ? await (0,_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_9__/* .makeCloudFormationClient */ .O6)(region) : undefined);
        const deploy = (asDryRun) => (0,_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_16__/* .deployPlan */ .L)({
            plan,
            catalog,
            environment,
            cluster,
            images,
            ...(commitSha ? { commitSha } : {}),
            deployId,
            dryRun: asDryRun,
            rollbackOnFailure: values['no-rollback'] !== true,
            serviceTimeoutMs: timeoutMs,
            region,
        }, { ...effects, ...(cloudformation ? { cloudformation } : {}), ecr: async () => deps.ecr ?? (0,_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_17__/* .makeEcrClient */ .mg)({ region }) });
        if (approval) {
            // The plan the reviewer confirms is the dry run's: every service and its task-definition change.
            const preview = await deploy(true);
            if (preview.results.length > 0) {
                const summary = `${(0,_tierdeploy_graph__WEBPACK_IMPORTED_MODULE_18__/* .renderPlanText */ .$D)(plan)}\n${renderDryRun(preview.results, preview.diffs).join('\n')}`;
                if (!(await confirm(summary, environment, terminal, io)))
                    return notConfirmed(environment, io);
            }
        }
        const { results, ok, diffs } = await deploy(dryRun);
        if (dryRun)
            for (const line of renderDryRun(results, diffs))
                io.stdout(line);
        if (results.length === 0) {
            io.stdout('nothing to deploy to ECS in this selection');
            return 0;
        }
        if (!values['dry-run'])
            io.stdout((0,_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_15__/* .renderEcsResultText */ ._E)(results));
        return ok ? 0 : 1;
    }
    finally {
        if (!deps.ecs)
            ecs.destroy();
    }
}
/** Each service's line of a dry run: its task-definition change, or its status. */
function renderDryRun(results, diffs) {
    return results.map((r) => {
        const diff = diffs[r.service];
        return diff ? `${r.service}: would register a new revision of ${r.previousTaskDefinition ? (0,_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_15__/* .shortTaskDefinition */ .P5)(r.previousTaskDefinition) : '?'}\n  ${diff.join('\n  ')}` : `${r.service}: ${r.status}${r.reason ? ` (${r.reason})` : ''}`;
    });
}
/**
 * The commit the registered revisions are tagged with (TAG_COMMIT), so `--rollback SERVICE --version SHA` finds them:
 * --commit, else GITHUB_SHA (the workflow's commit), else the HEAD of the repository holding the catalog. Outside a
 * repository a deploy is refused rather than registering revisions no commit rollback could find; a dry run registers
 * nothing and needs none.
 */
async function deployCommit(flag, env, catalog, dryRun) {
    const given = flag ?? env.GITHUB_SHA;
    if (given !== undefined) {
        if (!/^[0-9a-f]{7,40}$/i.test(given))
            throw new _cli_io_js__WEBPACK_IMPORTED_MODULE_5__/* .UsageError */ .e(`--commit must be a commit SHA (7 to 40 hex characters), got '${given}'`);
        return given.toLowerCase();
    }
    if (dryRun)
        return undefined;
    const head = await new _tierdeploy_changes__WEBPACK_IMPORTED_MODULE_19__/* .Git */ .TU((0,_tierdeploy_changes__WEBPACK_IMPORTED_MODULE_19__/* .gitRunner */ .XZ)(catalog.root, env)).commitOf('HEAD');
    if (head)
        return head;
    throw new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_7__/* .ConfigurationError */ .j1(`${catalog.root} is not in a git repository with a commit, so the revisions this deploy registers could not be tagged with their commit (${_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_20__/* .TAG_COMMIT */ .rJ}) for --rollback SERVICE --version SHA: run in a clone of the repository, or give --commit SHA`);
}
/** Without a terminal to ask in, a deploy to a requireApproval environment needs --yes: say so before any write. */
function refuseWithoutTerminal(environment, terminal) {
    if (terminal.input.isTTY && terminal.output.isTTY)
        return;
    throw new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_7__/* .ConfigurationError */ .j1(`environment ${environment.name} sets requireApproval: true (${environment.file}), and there is no terminal to confirm in: run in a terminal to confirm the plan, or pass --yes to deploy without asking`);
}
/** Shows what is about to happen and asks; only "y" or "yes" confirms (an empty answer or end of input does not). */
async function confirm(summary, environment, terminal, io) {
    io.stdout(summary);
    const prompt = (0,node_readline_promises__WEBPACK_IMPORTED_MODULE_2__.createInterface)({ input: terminal.input, output: terminal.output, terminal: false });
    try {
        const closed = new Promise((resolve) => prompt.once('close', () => resolve('')));
        const answer = await Promise.race([prompt.question(`Environment ${environment.name} requires approval (requireApproval: true). Deploy? [y/N] `), closed]);
        return /^y(es)?$/i.test(answer.trim());
    }
    finally {
        prompt.close();
    }
}
function notConfirmed(environment, io) {
    io.stderr(`not confirmed: nothing was deployed to ${environment.name}`);
    return 1;
}
/** Re-creates the flags named in `keys` for another command. */
function passThrough(values, keys) {
    return keys.flatMap((k) => (values[k] === true ? [`--${k}`] : typeof values[k] === 'string' ? [`--${k}`, values[k]] : []));
}
async function forward(command, args, io) {
    const module = command === 'health' ? await __webpack_require__.e(/* import() */ 256).then(__webpack_require__.bind(__webpack_require__, 3875)) : await __webpack_require__.e(/* import() */ 222).then(__webpack_require__.bind(__webpack_require__, 1841));
    return module.run(args, io);
}
/** `--promote-to-production`: the environment called production (or the one production-like environment). */
async function promoteToProduction(values, io) {
    const { catalog } = await (0,_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_6__/* .loadCatalog */ .a)({ dir: (0,_args_js__WEBPACK_IMPORTED_MODULE_3__/* .stringFlag */ .AM)(values, 'catalog') ?? 'catalog', ...(io.catalogCache ? { cache: io.catalogCache } : {}) });
    const candidates = catalog.environments.has('production') ? ['production'] : [...catalog.environments.values()].filter(_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_8__/* .isProductionLike */ .r).map((e) => e.name);
    if (candidates.length !== 1) {
        throw new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_7__/* .ConfigurationError */ .j1(`--promote-to-production needs one production environment; ${catalog.dir}/environments has ${candidates.length ? candidates.join(', ') : 'none'} (use tierdeploy promote --to ENV)`);
    }
    const from = (0,_args_js__WEBPACK_IMPORTED_MODULE_3__/* .stringFlag */ .AM)(values, 'env');
    return forward('promote', ['--to', candidates[0], ...(from ? ['--from', from] : []), ...passThrough(values, ['catalog', 'tier', 'services', 'service', 'with-dependencies', 'dry-run', 'verbose', 'timeout-minutes'])], io);
}
/** --images FILE: a JSON object, service (name or alias) -> image pinned by digest. */
function readImages(catalog, file, cwd) {
    if (file === undefined)
        return {};
    let parsed;
    try {
        parsed = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(cwd, file), 'utf8'));
    }
    catch (e) {
        throw new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_7__/* .ConfigurationError */ .j1(`--images ${file}: ${e.code === 'ENOENT' ? 'no such file' : `not valid JSON (${e.message})`}`);
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
        throw new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_7__/* .ConfigurationError */ .j1(`--images ${file} must hold a JSON object, service -> REPOSITORY@sha256:DIGEST`);
    const images = {};
    for (const [name, image] of Object.entries(parsed)) {
        const service = (0,_tierdeploy_graph__WEBPACK_IMPORTED_MODULE_13__/* .resolveServiceName */ .fV)(catalog, name);
        if (typeof image !== 'string' || !(0,_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_21__/* .isDigestImage */ .SN)(image))
            throw new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_7__/* .ConfigurationError */ .j1(`--images ${file}: the image of ${name} must be pinned by digest (REPOSITORY@sha256:<64 hex>), got ${JSON.stringify(image)}`);
        images[service.name] = image;
    }
    return images;
}


/***/ }),

/***/ 1742:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $D: () => (/* binding */ renderPlanText),
/* harmony export */   iY: () => (/* binding */ planJson)
/* harmony export */ });
/* unused harmony exports renderPlanTable, renderPlanMermaid */
/** The plan for a terminal: tiers, waves, and why each node is included. */
function renderPlanText(plan) {
    if (plan.tiers.length === 0)
        return `Nothing to deploy${plan.environment ? ` to ${plan.environment}` : ''}.\n`;
    const lines = [`Deploy plan${plan.environment ? ` for ${plan.environment}` : ''}: ${Object.keys(plan.nodes).length} node(s) in ${plan.tiers.length} tier(s)`];
    for (const tier of plan.tiers) {
        lines.push('', `Tier ${tier.tier} (${tier.name})`);
        tier.waves.forEach((wave, i) => {
            lines.push(`  wave ${i + 1}`);
            for (const name of wave) {
                const node = plan.nodes[name];
                const kind = node.kind === 'service' ? '' : ` [${node.kind}]`;
                lines.push(`    ${name}${kind}  (${node.reasons.join('; ') || 'selected'})`);
            }
        });
    }
    return `${lines.join('\n')}\n`;
}
function escapeCell(s) {
    return s.replace(/\|/g, '\\|');
}
/** The plan as a Markdown table for a job summary. */
function renderPlanTable(plan) {
    if (plan.tiers.length === 0)
        return 'Nothing to deploy.\n';
    const rows = ['| Tier | Wave | Service | Kind | Why |', '| --- | --- | --- | --- | --- |'];
    for (const tier of plan.tiers) {
        tier.waves.forEach((wave, i) => {
            for (const name of wave) {
                const node = plan.nodes[name];
                rows.push(`| ${tier.tier} (${tier.name}) | ${i + 1} | \`${name}\` | ${node.kind} | ${escapeCell(node.reasons.join('; '))} |`);
            }
        });
    }
    return `${rows.join('\n')}\n`;
}
const TIER_COLOURS = (/* unused pure expression or super */ null && (['#d4edda', '#cce5ff', '#fff3cd', '#f8d7da', '#e2e3e5', '#d1ecf1', '#fde2c8', '#e7d4f5', '#f5f5d4']));
/** A Mermaid flowchart of the planned nodes and the dependencies between them, one colour per tier. */
function renderPlanMermaid(plan, catalog) {
    const ids = new Map();
    Object.keys(plan.nodes).forEach((name, i) => ids.set(name, `n${i}`));
    const lines = ['flowchart LR'];
    for (const tier of plan.tiers) {
        lines.push(`  subgraph tier${tier.tier}["Tier ${tier.tier}: ${tier.name}"]`);
        for (const name of tier.waves.flat()) {
            const kind = plan.nodes[name].kind;
            const label = kind === 'infrastructure' ? `[(${name})]` : `[${name}]`;
            lines.push(`    ${ids.get(name)}${label}`);
        }
        lines.push('  end');
    }
    for (const name of Object.keys(plan.nodes)) {
        for (const dep of catalog.services.get(name).dependsOn) {
            if (ids.has(dep))
                lines.push(`  ${ids.get(dep)} --> ${ids.get(name)}`);
        }
    }
    for (const tier of plan.tiers) {
        lines.push(`  classDef t${tier.tier} fill:${TIER_COLOURS[(tier.tier - 1) % TIER_COLOURS.length]},stroke:#555`);
        const members = tier.waves.flat().map((n) => ids.get(n));
        if (members.length)
            lines.push(`  class ${members.join(',')} t${tier.tier}`);
    }
    return `\`\`\`mermaid\n${lines.join('\n')}\n\`\`\`\n`;
}
/** The `--json` shape of `tierdeploy plan`: tiers ascending with their waves; extra keys for tools. */
function planJson(plan) {
    return {
        ...(plan.environment ? { environment: plan.environment } : {}),
        tiers: plan.tiers.map((t) => ({ tier: t.tier, name: t.name, waves: t.waves })),
        nodes: plan.nodes,
    };
}


/***/ })

};

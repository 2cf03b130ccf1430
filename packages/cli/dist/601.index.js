export const id = 601;
export const ids = [601];
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
/* harmony export */   F_: () => (/* binding */ parseNameStatus),
/* harmony export */   TU: () => (/* binding */ Git),
/* harmony export */   XS: () => (/* binding */ GitError),
/* harmony export */   XZ: () => (/* binding */ gitRunner)
/* harmony export */ });
/* unused harmony export refReader */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2332);




/** The real runner: `git` in `cwd`, never prompting for credentials (a prompt would hang the job). */
function gitRunner(cwd, env = process.env) {
    const run = (args, options = {}) => new Promise((resolve, reject) => {
        const input = options.input;
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)('git', args, { cwd, env: { ...env, GIT_TERMINAL_PROMPT: '0' }, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
        const out = [];
        const err = [];
        child.stdout.on('data', (d) => out.push(d));
        child.stderr.on('data', (d) => err.push(d));
        child.on('error', (e) => {
            reject(e.code === 'ENOENT' ? new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1('git is not installed or not on PATH: detect-changed-services needs it') : e);
        });
        child.on('close', (code) => resolve({ code: code ?? 1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
        if (input !== undefined && child.stdin) {
            // git may exit before reading all of its input (a bad repository); its exit code reports that.
            child.stdin.on('error', () => { });
            child.stdin.end(input);
        }
    });
    run.readRef = refReader(cwd, env);
    return run;
}
const FULL_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i;
/** Variables that move the repository or its refs away from where the files below would be found. */
const RELOCATING_ENV = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_COMMON_DIR', 'GIT_NAMESPACE', 'GIT_CEILING_DIRECTORIES', 'GIT_DISCOVERY_ACROSS_FILESYSTEM'];
/**
 * What a plain ref names, read from the repository's files the way git resolves it, so the usual range (a SHA, HEAD,
 * origin/main, a branch) costs no `git rev-parse` process: each one is a process start, a good part of a short run
 * (issue 16). Answers full SHAs, HEAD, refs/..., and names git expands (refs/NAME, refs/tags/NAME, refs/heads/NAME,
 * refs/remotes/NAME, refs/remotes/NAME/HEAD, first found wins, as in git), loose or packed. Everything else is
 * undefined and left to git: HEAD~1 or @{u} (git walks history for those), a short SHA, a loose tag (it may be an
 * annotated tag, whose commit only git can read), a reftable repository, GIT_DIR and friends.
 * The answer is not verified: a SHA may be missing from the clone or name something other than a commit, so callers
 * ask git about `SHA^{commit}` (the diff does) and take the full path when it fails.
 */
function refReader(cwd, env = process.env) {
    let repository = null;
    const open = () => {
        if (repository === null)
            repository = RELOCATING_ENV.some((v) => env[v] !== undefined) ? undefined : findGitDirs(cwd);
        return repository;
    };
    const packedRefs = (repo) => {
        if (!repo.packed) {
            const text = readIfFile((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(repo.commonDir, 'packed-refs')) ?? '';
            // With this trait every annotated tag in the file is followed by its commit (a `^SHA` line).
            repo.packed = { text: `\n${text}\n`, peeledTags: /^# pack-refs with:.*\b(?:fully-)?peeled\b/.test(text) };
        }
        return repo.packed;
    };
    const lookup = (repo, name, depth = 0) => {
        if (depth > 5 || /^refs\/(?:bisect|worktree|rewritten)\//.test(name))
            return 'unknown';
        const isTag = name.startsWith('refs/tags/');
        const loose = readIfFile((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(name === 'HEAD' ? repo.gitDir : repo.commonDir, name));
        if (loose !== undefined) {
            const text = loose.trim();
            if (text.startsWith('ref: '))
                return lookup(repo, text.slice(5).trim(), depth + 1);
            return FULL_SHA.test(text) && !isTag ? { sha: text.toLowerCase() } : 'unknown';
        }
        const { text, peeledTags } = packedRefs(repo);
        const at = text.indexOf(` ${name}\n`);
        if (at < 0)
            return 'absent';
        const sha = text.slice(text.lastIndexOf('\n', at - 1) + 1, at);
        if (!FULL_SHA.test(sha))
            return 'unknown';
        const next = text.slice(at + name.length + 2, text.indexOf('\n', at + name.length + 2));
        if (next.startsWith('^'))
            return FULL_SHA.test(next.slice(1)) ? { sha: next.slice(1).toLowerCase() } : 'unknown';
        return isTag && !peeledTags ? 'unknown' : { sha: sha.toLowerCase() };
    };
    return (ref) => {
        if (FULL_SHA.test(ref))
            return ref.toLowerCase();
        if (ref !== 'HEAD' && !isPlainRefName(ref))
            return undefined;
        const repo = open();
        if (!repo || (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(repo.commonDir, 'reftable')))
            return undefined;
        // git tries $GIT_DIR/NAME first (FETCH_HEAD, ORIG_HEAD...): such files are left to git.
        if (ref !== 'HEAD' && !ref.startsWith('refs/') && ((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(repo.gitDir, ref)) || (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(repo.commonDir, ref))))
            return undefined;
        const candidates = ref === 'HEAD' ? ['HEAD'] : [...(ref.startsWith('refs/') ? [ref] : []), `refs/${ref}`, `refs/tags/${ref}`, `refs/heads/${ref}`, `refs/remotes/${ref}`, `refs/remotes/${ref}/HEAD`];
        for (const name of candidates) {
            const found = lookup(repo, name);
            if (found === 'unknown')
                return undefined;
            if (found !== 'absent')
                return found.sha;
        }
        return undefined;
    };
}
/** A branch-like name (main, origin/main, refs/heads/x, v1.2): no revision syntax (~ ^ : @{ ..), nothing git would refuse. */
function isPlainRefName(ref) {
    return ref.split('/').every((part) => /^[A-Za-z0-9_+-][A-Za-z0-9_+.-]*$/.test(part) && !part.endsWith('.') && !part.endsWith('.lock') && !part.includes('..'));
}
/** The git directory (HEAD) and common directory (refs) of the repository `cwd` is in, as git discovers them. */
function findGitDirs(cwd) {
    for (let dir = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(cwd);; dir = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(dir)) {
        const dotGit = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, '.git');
        const kind = (() => {
            try {
                const s = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.statSync)(dotGit);
                return s.isDirectory() ? 'dir' : s.isFile() ? 'file' : undefined;
            }
            catch {
                return undefined;
            }
        })();
        let gitDir;
        if (kind === 'dir')
            gitDir = dotGit;
        else if (kind === 'file') {
            // A worktree or submodule: `.git` is a file naming the git directory.
            const named = /^gitdir: (.+)$/m.exec(readIfFile(dotGit) ?? '')?.[1]?.trim();
            if (!named)
                return undefined;
            gitDir = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(dir, named);
        }
        if (gitDir !== undefined) {
            const common = readIfFile((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(gitDir, 'commondir'))?.trim();
            return { gitDir, commonDir: common ? (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(gitDir, common) : gitDir };
        }
        if ((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(dir) === dir)
            return undefined;
    }
}
function readIfFile(path) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(path, 'utf8');
    }
    catch {
        return undefined;
    }
}
function diffArgs(base, head) {
    // --relative: paths relative to the catalog root, which service paths are relative to. --no-renames would
    // hide the old side of a move; -M pairs them so both sides count.
    return ['-c', 'core.quotePath=false', 'diff', '--name-status', '-z', '-M', '--relative', '--no-ext-diff', base, head, '--'];
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
            throw new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`${this.directory} is not inside a git repository, so there are no commits to compare: run in a clone of the repository (actions/checkout in a workflow)`);
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
    /** The commit a plain ref or full SHA names, read without running git; undefined when only git can tell. Unverified (see refReader). */
    peekCommit(ref) {
        return ref.startsWith('-') ? undefined : this.run.readRef?.(ref);
    }
    /** Files changed from `base` to `head` (paths relative to the current directory, renames detected). */
    async diff(base, head) {
        return parseNameStatus(await this.ok(diffArgs(base, head)));
    }
    /**
     * The diff of two commits, or undefined when git cannot compare them (either is missing from this clone or is
     * not a commit, or there is no repository): one process that both verifies the commits and lists the files.
     */
    async diffCommits(base, head) {
        const r = await this.run(diffArgs(`${base}^{commit}`, `${head}^{commit}`));
        return r.code === 0 ? parseNameStatus(r.stdout) : undefined;
    }
    /** A file's content at a commit, or undefined when it does not exist there. `path` is relative to the current directory. */
    async show(commit, path) {
        const r = await this.run(['show', `${commit}:./${path}`]);
        return r.code === 0 ? r.stdout : undefined;
    }
    /** Which of `paths` (relative to the current directory, like show's) do not exist at `commit`, asked in one batch. */
    async missingAt(commit, paths) {
        if (paths.length === 0)
            return new Set();
        const out = await this.ok(['cat-file', '--batch-check=%(objecttype)'], { input: paths.map((p) => `${commit}:./${p}\n`).join('') });
        const lines = out.split('\n');
        return new Set(paths.filter((_, i) => (lines[i] ?? '').endsWith('missing')));
    }
}


/***/ }),

/***/ 5942:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   readImages: () => (/* binding */ readImages),
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
/* harmony import */ var _tierdeploy_aws__WEBPACK_IMPORTED_MODULE_16__ = __webpack_require__(3432);
/* harmony import */ var _tierdeploy_aws__WEBPACK_IMPORTED_MODULE_19__ = __webpack_require__(3522);
/* harmony import */ var _tierdeploy_aws__WEBPACK_IMPORTED_MODULE_20__ = __webpack_require__(9161);
/* harmony import */ var _tierdeploy_aws__WEBPACK_IMPORTED_MODULE_23__ = __webpack_require__(758);
/* harmony import */ var _tierdeploy_aws__WEBPACK_IMPORTED_MODULE_24__ = __webpack_require__(2515);
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7743);
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(2332);
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(9094);
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(1333);
/* harmony import */ var _tierdeploy_changes__WEBPACK_IMPORTED_MODULE_22__ = __webpack_require__(8861);
/* harmony import */ var _tierdeploy_graph__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(5517);
/* harmony import */ var _tierdeploy_graph__WEBPACK_IMPORTED_MODULE_21__ = __webpack_require__(1742);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7109);
/* harmony import */ var _cli_io_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7801);
/* harmony import */ var _progress_js__WEBPACK_IMPORTED_MODULE_18__ = __webpack_require__(4007);
/* harmony import */ var _selection_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7124);
/* harmony import */ var _preflight_js__WEBPACK_IMPORTED_MODULE_17__ = __webpack_require__(2058);
// Loaded only for `tierdeploy deploy` (commands/index.ts imports it lazily): the only CLI file that loads the AWS SDK.












const usage = [
    'tierdeploy deploy --env ENV (--tier N|all | --services A,B | --service A) [--with-dependencies] [--images FILE] [--dry-run]',
    '                  [--catalog DIR] [--cluster NAME] [--region REGION] [--commit SHA] [--timeout-minutes N] [--no-rollback] [--no-preflight] [--yes] [--verbose]',
    '                  [--quiet | --json]',
    '       tierdeploy deploy --rollback SERVICE --version previous|REVISION|COMMIT --env ENV [--cluster NAME] [--region REGION] [--dry-run] [--yes]',
    '',
    '  --images FILE     JSON object, service -> REPOSITORY@sha256:DIGEST (build-push\'s images output). Services',
    '                    without an image keep theirs; only their catalog environment and secrets are applied.',
    '  --dry-run         print each service\'s task-definition change; no write call to AWS.',
    '  --no-rollback     on failure, leave services as they are instead of putting them back.',
    '  --no-preflight    skip the read-only checks (tierdeploy preflight) a deploy, dry runs included, runs first;',
    '                    a failing check stops the deploy before any write.',
    '  --commit SHA      the commit the registered revisions are tagged with (tierdeploy:commit), what',
    '                    --rollback SERVICE --version SHA finds later. Default: GITHUB_SHA in GitHub Actions, else',
    '                    the HEAD commit of the repository holding the catalog (refused outside a git repository).',
    '  --yes             deploy to an environment with requireApproval: true without asking. Without it such a',
    '                    deploy shows its plan and asks for confirmation, and is refused when not in a terminal.',
    '  --region REGION   overrides the environment file\'s region; AWS_REGION is used only when the file has none.',
    '  --quiet           no progress: only warnings, errors and the result table.',
    '  --json            progress as newline-delimited JSON events on stdout, ending with one {"type":"result"} event',
    '                    (ok, results, diffs) instead of the table. Without either: a live view in a terminal, one',
    '                    line per state change otherwise (in ::group:: blocks when GITHUB_ACTIONS=true).',
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
        'no-preflight': { type: 'boolean' },
        rollback: { type: 'string' },
        version: { type: 'string' },
        verbose: { type: 'boolean' },
        quiet: { type: 'boolean' },
        json: { type: 'boolean' },
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
    if (values.quiet && values.json)
        throw new _cli_io_js__WEBPACK_IMPORTED_MODULE_5__/* .UsageError */ .e('--quiet and --json do not go together: --json already prints only events');
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
        if (values['no-preflight'] !== true) {
            const request = { catalog, environment, cluster, region, services: (0,_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_16__/* .preflightServices */ .AV)(catalog, plan), images };
            if (!(await (0,_preflight_js__WEBPACK_IMPORTED_MODULE_17__.preflightBeforeDeploy)(request, { io, log, region, clients: { ecs, ...(deps.ecr ? { ecr: deps.ecr } : {}), ...deps.preflight } })))
                return 1;
        }
        const deployId = `cli-${new Date(clock.now()).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}`;
        const needsStacks = Object.keys(plan.nodes).some((n) => catalog.services.get(n)?.deployVia === 'cloudformation');
        const cloudformation = deps.cloudformation ?? (needsStacks ? await (0,_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_9__/* .makeCloudFormationClient */ .O6)(region) : undefined);
        const renderer = (0,_progress_js__WEBPACK_IMPORTED_MODULE_18__.progressRendererFor)(io, { json: values.json === true, quiet: values.quiet === true });
        const deploy = (asDryRun) => (0,_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_19__/* .deployPlan */ .L)({
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
        }, {
            ...effects,
            ...(cloudformation ? { cloudformation } : {}),
            ecr: async () => deps.ecr ?? (0,_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_20__/* .makeEcrClient */ .mg)({ region }),
            // A dry run only reads: its log says what it found. A deploy shows its progress instead.
            ...(asDryRun ? {} : { log: (0,_progress_js__WEBPACK_IMPORTED_MODULE_18__.progressLogger)(renderer, values.verbose === true), progress: (e) => renderer.event(e) }),
        }).finally(() => renderer.close());
        if (approval) {
            // The plan the reviewer confirms is the dry run's: every service and its task-definition change.
            const preview = await deploy(true);
            if (preview.results.length > 0) {
                const summary = `${(0,_tierdeploy_graph__WEBPACK_IMPORTED_MODULE_21__/* .renderPlanText */ .$D)(plan)}\n${renderDryRun(preview.results, preview.diffs).join('\n')}`;
                if (!(await confirm(summary, environment, terminal, io)))
                    return notConfirmed(environment, io);
            }
        }
        const { results, ok, diffs } = await deploy(dryRun);
        if (values.json) {
            io.stdout(JSON.stringify({ type: 'result', ok, results, diffs }));
            return ok ? 0 : 1;
        }
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
    const head = await new _tierdeploy_changes__WEBPACK_IMPORTED_MODULE_22__/* .Git */ .TU((0,_tierdeploy_changes__WEBPACK_IMPORTED_MODULE_22__/* .gitRunner */ .XZ)(catalog.root, env)).commitOf('HEAD');
    if (head)
        return head;
    throw new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_7__/* .ConfigurationError */ .j1(`${catalog.root} is not in a git repository with a commit, so the revisions this deploy registers could not be tagged with their commit (${_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_23__/* .TAG_COMMIT */ .rJ}) for --rollback SERVICE --version SHA: run in a clone of the repository, or give --commit SHA`);
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
        if (typeof image !== 'string' || !(0,_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_24__/* .isDigestImage */ .SN)(image))
            throw new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_7__/* .ConfigurationError */ .j1(`--images ${file}: the image of ${name} must be pinned by digest (REPOSITORY@sha256:<64 hex>), got ${JSON.stringify(image)}`);
        images[service.name] = image;
    }
    return images;
}


/***/ }),

/***/ 2058:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   preflightBeforeDeploy: () => (/* binding */ preflightBeforeDeploy),
/* harmony export */   run: () => (/* binding */ run),
/* harmony export */   runPreflightCommand: () => (/* binding */ runPreflightCommand),
/* harmony export */   usage: () => (/* binding */ usage)
/* harmony export */ });
/* harmony import */ var _tierdeploy_aws__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(752);
/* harmony import */ var _tierdeploy_aws__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(1294);
/* harmony import */ var _tierdeploy_aws__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(3432);
/* harmony import */ var _tierdeploy_aws__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(7985);
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7743);
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2332);
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9094);
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(1333);
/* harmony import */ var _tierdeploy_graph__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(5517);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7109);
/* harmony import */ var _cli_io_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7801);
/* harmony import */ var _selection_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7124);
/* harmony import */ var _deploy_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(5942);







const usage = [
    'tierdeploy preflight --env ENV [--tier N|all | --services A,B | --service A] [--with-dependencies] [--images FILE]',
    '                     [--catalog DIR] [--cluster NAME] [--region REGION] [--format table|markdown|json] [--verbose]',
    '',
    '  Read-only checks that predict what a deploy of the selection would fail on, before anything is written: each',
    '  image exists (or is replicated into the environment\'s registry), each secret and parameter exists in the',
    '  environment\'s account and region, the execution role may pull and read them (IAM policy simulation), the',
    '  Fargate vCPU quotas and the subnets\' free addresses cover the rollout surge, routed services have their target',
    '  groups, health-check path and listener rules, and the cluster has the capacity providers asked for. A denied',
    '  read is reported as unknown, naming the permission. Default selection: every service ENV enables.',
    '  --images FILE     as for deploy: the images to check; services without one are checked on their running image.',
    '  Exit code 1 when any check fails.',
].join('\n');
const FORMATS = ['table', 'markdown', 'json'];
async function run(args, io) {
    return runPreflightCommand(args, io);
}
async function runPreflightCommand(args, io, deps = {}) {
    const { values } = (0,_args_js__WEBPACK_IMPORTED_MODULE_0__/* .parseFlags */ .bQ)(args, {
        catalog: { type: 'string' },
        env: { type: 'string' },
        images: { type: 'string' },
        cluster: { type: 'string' },
        region: { type: 'string' },
        format: { type: 'string' },
        verbose: { type: 'boolean' },
        ..._selection_js__WEBPACK_IMPORTED_MODULE_1__/* .selectionOptions */ .lo,
    });
    const envName = (0,_args_js__WEBPACK_IMPORTED_MODULE_0__/* .stringFlag */ .AM)(values, 'env');
    if (envName === undefined)
        throw new _cli_io_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .e('--env ENV is required: the environment to check');
    const format = (0,_args_js__WEBPACK_IMPORTED_MODULE_0__/* .stringFlag */ .AM)(values, 'format') ?? 'table';
    if (!FORMATS.includes(format))
        throw new _cli_io_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .e(`--format must be one of ${FORMATS.join(', ')}, got '${format}'`);
    const selection = (0,_selection_js__WEBPACK_IMPORTED_MODULE_1__/* .selectionFromFlags */ ._G)(values);
    const { catalog, warnings } = await (0,_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_3__/* .loadCatalog */ .a)({ dir: (0,_args_js__WEBPACK_IMPORTED_MODULE_0__/* .stringFlag */ .AM)(values, 'catalog') ?? 'catalog', ...(io.catalogCache ? { cache: io.catalogCache } : {}) });
    for (const w of warnings)
        io.stderr((0,_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_4__/* .formatProblem */ .Vw)(w));
    const environment = (0,_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_5__/* .environmentNamed */ .b)(catalog, envName);
    const plan = (0,_tierdeploy_graph__WEBPACK_IMPORTED_MODULE_6__/* .resolveDeployWaves */ ._j)(catalog, selection.tier === undefined && selection.services === undefined ? { ...selection, tier: 'all' } : selection, environment);
    const images = (0,_deploy_js__WEBPACK_IMPORTED_MODULE_7__.readImages)(catalog, (0,_args_js__WEBPACK_IMPORTED_MODULE_0__/* .stringFlag */ .AM)(values, 'images'), io.cwd);
    const region = (0,_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_8__/* .regionFor */ .eM)(environment, { override: (0,_args_js__WEBPACK_IMPORTED_MODULE_0__/* .stringFlag */ .AM)(values, 'region'), overrideName: '--region', env: io.env });
    const cluster = await (0,_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_8__/* .clusterFor */ .uM)(environment, (0,_args_js__WEBPACK_IMPORTED_MODULE_0__/* .stringFlag */ .AM)(values, 'cluster'), '--cluster', { cloudformation: async () => deps.cloudformation ?? (0,_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_8__/* .makeCloudFormationClient */ .O6)(region) });
    const log = (0,_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_9__/* .streamLogger */ .VO)(io.stderr, values.verbose === true);
    // The same account check as deploy: another account's answers would describe another environment.
    await (0,_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_10__/* .verifyCallerAccount */ .sq)(environment, { sts: deps.sts, region }, log);
    const { clients, destroy } = await (0,_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_11__/* .makePreflightClients */ .Gv)({ region }, deps.clients);
    try {
        const report = await (0,_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_11__/* .runPreflight */ .hg)({ catalog, environment, cluster, region, services: (0,_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_11__/* .preflightServices */ .AV)(catalog, plan), images }, { clients, log });
        io.stdout(format === 'json' ? JSON.stringify(report, null, 2) : (0,_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_12__/* .renderPreflight */ ._O)(report, format));
        return report.ok ? 0 : 1;
    }
    finally {
        destroy();
    }
}
/**
 * Preflight as `tierdeploy deploy` runs it first (unless --no-preflight), dry runs included: passes print one line
 * (and each warning or unknown) on stderr; a failure prints the problems table on stderr and the deploy stops before
 * any write. Returns whether the deploy may go on.
 */
async function preflightBeforeDeploy(request, options) {
    if (request.services.length === 0)
        return true;
    const { clients, destroy } = await (0,_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_11__/* .makePreflightClients */ .Gv)({ region: options.region }, options.clients);
    try {
        const report = await (0,_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_11__/* .runPreflight */ .hg)(request, { clients, log: options.log });
        if (!report.ok) {
            options.io.stderr(`${(0,_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_12__/* .renderPreflight */ ._O)(report, 'table', { onlyProblems: true })}\nnothing was deployed to ${request.environment.name}: fix the failures above (tierdeploy preflight --env ${request.environment.name} shows every check), or skip the checks with --no-preflight`);
            return false;
        }
        for (const f of report.findings)
            if (f.status === 'warn' || f.status === 'unknown')
                options.log.warning(`preflight ${f.check}: ${f.resource}: ${f.message}`);
        options.log.info((0,_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_12__/* .preflightVerdict */ .jb)(report));
        return true;
    }
    finally {
        destroy();
    }
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
    const fit = (text) => (text.length > width() ? `${text.slice(0, width() - 1)}…` : text);
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
            ...(rolling.length > LIVE_ROWS ? [`  … and ${rolling.length - LIVE_ROWS} more rolling`] : []),
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


/***/ }),

/***/ 1742:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $D: () => (/* binding */ renderPlanText),
/* harmony export */   iY: () => (/* binding */ planJson)
/* harmony export */ });
/* unused harmony exports renderPlanTable, renderPlanSummary, DIAGRAM_MAX_NODES, DIAGRAM_MAX_EDGES, DIAGRAM_MAX_WAVES, planDiagramLevel, renderPlanMermaid */
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
    return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
function plural(n, word, many = `${word}s`) {
    return `${n.toLocaleString('en-US')} ${n === 1 ? word : many}`;
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
/** What brought a node in, as one word for the counts line: the start of its first reason. */
function reasonKind(reason) {
    if (reason.startsWith('changed'))
        return 'changed';
    if (reason.startsWith('dependency of'))
        return 'dependency';
    if (reason.startsWith('in tier') || reason === 'all tiers')
        return 'tier selected';
    return reason;
}
/**
 * The job summary of a plan: the verdict (how much deploys, where), counts per tier and per reason, the diagram, and
 * the full table collapsed, so 1,000 rows never push the picture off the page.
 */
function renderPlanSummary(plan, catalog, options = {}) {
    const title = options.title ?? `tierdeploy plan${plan.environment ? ` for ${plan.environment}` : ''}`;
    const notes = (options.notes ?? []).map((n) => `${n}\n\n`).join('');
    if (plan.tiers.length === 0)
        return `### ${title}: nothing to deploy\n\nNothing to deploy${options.nothing ? `: ${options.nothing}` : ''}.\n\n${notes}`;
    const nodes = Object.values(plan.nodes);
    const waves = plan.tiers.reduce((sum, t) => sum + t.waves.length, 0);
    const byKind = countBy(nodes.map((n) => n.kind));
    const kinds = [...byKind].sort(([a], [b]) => Number(b === 'service') - Number(a === 'service')).map(([kind, n]) => plural(n, kind === 'service' ? 'service' : kind, kind === 'service' ? 'services' : kind)).join(' and ');
    const byReason = countBy(nodes.map((n) => reasonKind(n.reasons[0] ?? 'selected')));
    const out = [
        `### ${title}: ${kinds} in ${plural(plan.tiers.length, 'tier')}, ${plural(waves, 'wave')}`,
        '',
        `${plan.tiers.map((t) => `tier ${t.tier} (${t.name}): ${t.waves.flat().length} in ${plural(t.waves.length, 'wave')}`).join(' · ')}  `,
        `Why: ${[...byReason].map(([why, n]) => `${n} ${why}`).join(', ')}`,
        '',
        notes + renderPlanMermaid(plan, catalog),
        `<details><summary>Every node: tier, wave and why (${nodes.length})</summary>`,
        '',
        renderPlanTable(plan),
        '</details>',
        '',
    ];
    return out.join('\n');
}
function countBy(values) {
    const counts = new Map();
    for (const v of values)
        counts.set(v, (counts.get(v) ?? 0) + 1);
    return counts;
}
const TIER_COLOURS = (/* unused pure expression or super */ null && (['#d4edda', '#cce5ff', '#fff3cd', '#f8d7da', '#e2e3e5', '#d1ecf1', '#fde2c8', '#e7d4f5', '#f5f5d4']));
/**
 * Past these, the service-level diagram is not readable, so the plan is drawn one node per wave. Measured on
 * generated catalogs (packages/testkit generateCatalog, top to bottom): the widest rank of the bundled 20-node
 * catalog (40 edges) is about 1,200 px, which a ~1,000 px job summary shows at ~0.85x; 40 services (106 edges) is
 * the same width; at 60 services (165 edges) it is ~2,000 px (0.5x, 16 px labels shrink to 8 px) and at 79 services
 * (220 edges) 2,300 px before the bends of long edges widen it further (a browser showed 0.16x left to right).
 */
const DIAGRAM_MAX_NODES = 40;
const DIAGRAM_MAX_EDGES = 120;
/**
 * Past this many waves, one node per tier. A wave chain is one node wide, so it reads at full size whatever its
 * height, but 60 waves are already ~5,000 px tall (a generated 1,000-service catalog has 42); the tier diagram keeps
 * far inside mermaid's limits (500 edges, 50,000 characters) whatever the catalog.
 */
const DIAGRAM_MAX_WAVES = 60;
/** Which picture renderPlanMermaid draws for a plan. */
function planDiagramLevel(plan, catalog) {
    const nodes = Object.keys(plan.nodes);
    if (nodes.length <= DIAGRAM_MAX_NODES && planEdges(plan, catalog).length <= DIAGRAM_MAX_EDGES)
        return 'services';
    return plan.tiers.reduce((sum, t) => sum + t.waves.length, 0) <= DIAGRAM_MAX_WAVES ? 'waves' : 'tiers';
}
/** Dependency edges between planned nodes, [dependency, dependent]. */
function planEdges(plan, catalog) {
    const edges = [];
    for (const name of Object.keys(plan.nodes)) {
        for (const dep of catalog.services.get(name)?.dependsOn ?? [])
            if (plan.nodes[dep])
                edges.push([dep, name]);
    }
    return edges;
}
/** Mermaid label text: quotes and markup characters would end the label. */
function label(text) {
    return text.replace(/"/g, '#quot;').replace(/[<>]/g, '');
}
/**
 * A Mermaid flowchart of the plan, tiers top to bottom, one colour per tier: every node and dependency for a small
 * plan; one node per wave (with counts) past DIAGRAM_MAX_NODES/EDGES; one node per tier past DIAGRAM_MAX_WAVES.
 */
function renderPlanMermaid(plan, catalog) {
    const level = planDiagramLevel(plan, catalog);
    const lines = level === 'services' ? serviceDiagram(plan, catalog) : level === 'waves' ? waveDiagram(plan) : tierDiagram(plan);
    return `\`\`\`mermaid\n${lines.join('\n')}\n\`\`\`\n`;
}
function tierTitle(tier) {
    return label(`Tier ${tier.tier}: ${tier.name}`);
}
function colour(tier) {
    return TIER_COLOURS[(tier - 1) % TIER_COLOURS.length];
}
function serviceDiagram(plan, catalog) {
    const ids = new Map();
    Object.keys(plan.nodes).forEach((name, i) => ids.set(name, `n${i}`));
    const lines = ['flowchart TB'];
    for (const tier of plan.tiers) {
        lines.push(`  subgraph tier${tier.tier}["${tierTitle(tier)}"]`);
        for (const name of tier.waves.flat()) {
            const kind = plan.nodes[name].kind;
            lines.push(`    ${ids.get(name)}${kind === 'infrastructure' ? `[("${label(name)}")]` : `["${label(name)}"]`}`);
        }
        lines.push('  end');
    }
    // Invisible links keep the tiers in order even where no dependency joins them.
    for (let i = 1; i < plan.tiers.length; i++)
        lines.push(`  tier${plan.tiers[i - 1].tier} ~~~ tier${plan.tiers[i].tier}`);
    for (const [dep, name] of planEdges(plan, catalog))
        lines.push(`  ${ids.get(dep)} --> ${ids.get(name)}`);
    for (const tier of plan.tiers) {
        lines.push(`  classDef t${tier.tier} fill:${colour(tier.tier)},stroke:#555`);
        lines.push(`  class ${tier.waves.flat().map((n) => ids.get(n)).join(',')} t${tier.tier}`);
    }
    return lines;
}
/** A wave's label: its size, and its members when there are few enough to read. */
function waveLabel(plan, wave, index) {
    const infrastructure = wave.filter((n) => plan.nodes[n].kind === 'infrastructure').length;
    const services = wave.length - infrastructure;
    const counts = [services ? plural(services, 'service') : '', infrastructure ? `${infrastructure} infrastructure` : ''].filter(Boolean).join(', ');
    const members = wave.length <= 3 ? `<br/>${wave.map(label).join(', ')}` : '';
    return `wave ${index + 1}: ${counts}${members}`;
}
function waveDiagram(plan) {
    const lines = ['flowchart TB'];
    const chain = [];
    for (const tier of plan.tiers) {
        lines.push(`  subgraph tier${tier.tier}["${tierTitle(tier)} · ${plural(tier.waves.flat().length, 'node')}"]`);
        tier.waves.forEach((wave, i) => {
            const id = `t${tier.tier}w${i + 1}`;
            chain.push(id);
            lines.push(`    ${id}["${waveLabel(plan, wave, i)}"]`);
        });
        lines.push('  end');
    }
    // Deploy order: each wave after the one before it, the first wave of a tier after the last of the tier below.
    for (let i = 1; i < chain.length; i++)
        lines.push(`  ${chain[i - 1]} --> ${chain[i]}`);
    for (const tier of plan.tiers) {
        lines.push(`  classDef t${tier.tier} fill:${colour(tier.tier)},stroke:#555`);
        lines.push(`  class ${tier.waves.map((_, i) => `t${tier.tier}w${i + 1}`).join(',')} t${tier.tier}`);
    }
    return lines;
}
function tierDiagram(plan) {
    const lines = ['flowchart TB'];
    for (const tier of plan.tiers) {
        lines.push(`  tier${tier.tier}["${tierTitle(tier)}<br/>${plural(tier.waves.flat().length, 'node')} in ${plural(tier.waves.length, 'wave')}"]`);
        lines.push(`  style tier${tier.tier} fill:${colour(tier.tier)},stroke:#555`);
    }
    for (let i = 1; i < plan.tiers.length; i++)
        lines.push(`  tier${plan.tiers[i - 1].tier} --> tier${plan.tiers[i].tier}`);
    return lines;
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

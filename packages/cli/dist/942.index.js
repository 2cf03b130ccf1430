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
/* harmony import */ var _tierdeploy_aws__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(752);
/* harmony import */ var _tierdeploy_aws__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(6076);
/* harmony import */ var _tierdeploy_aws__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(5439);
/* harmony import */ var _tierdeploy_aws__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(4379);
/* harmony import */ var _tierdeploy_aws__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(3522);
/* harmony import */ var _tierdeploy_aws__WEBPACK_IMPORTED_MODULE_15__ = __webpack_require__(2515);
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7743);
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2332);
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(9094);
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(1333);
/* harmony import */ var _tierdeploy_graph__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(5517);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7109);
/* harmony import */ var _cli_io_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7801);
/* harmony import */ var _selection_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7124);
// Loaded only for `tierdeploy deploy` (commands/index.ts imports it lazily): the only CLI file that loads the AWS SDK.








const usage = [
    'tierdeploy deploy --env ENV (--tier N|all | --services A,B | --service A) [--with-dependencies] [--images FILE] [--dry-run]',
    '                  [--catalog DIR] [--cluster NAME] [--region REGION] [--commit SHA] [--timeout-minutes N] [--no-rollback] [--verbose]',
    '       tierdeploy deploy --rollback SERVICE --version previous|REVISION|COMMIT --env ENV [--cluster NAME] [--region REGION] [--dry-run]',
    '',
    '  --images FILE     JSON object, service -> REPOSITORY@sha256:DIGEST (build-push\'s images output). Services',
    '                    without an image keep theirs; only their catalog environment and secrets are applied.',
    '  --dry-run         print each service\'s task-definition change; no write call to AWS.',
    '  --no-rollback     on failure, leave services as they are instead of putting them back.',
    '  --region REGION   overrides the environment file\'s region; AWS_REGION is used only when the file has none.',
    '  --health-check [--promote-to-production]   run tierdeploy health on --env; with --promote-to-production, run',
    '                    tierdeploy promote from --env (or production\'s promotesFrom) to production instead.',
].join('\n');
async function run(args, io) {
    return runDeploy(args, io);
}
async function runDeploy(args, io, deps = {}) {
    const { values } = (0,_args_js__WEBPACK_IMPORTED_MODULE_2__/* .parseFlags */ .b)(args, {
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
        ..._selection_js__WEBPACK_IMPORTED_MODULE_3__/* .selectionOptions */ .lo,
    });
    // The requested interface: `deploy --health-check --promote-to-production` is `promote` to the production
    // environment, and `deploy --health-check` alone is `health`. Both always run the health gate.
    if (values['promote-to-production'])
        return promoteToProduction(values, io);
    if (values['health-check'])
        return forward('health', [...passThrough(values, ['catalog', 'env', 'tier', 'services', 'service', 'cluster', 'region', 'verbose'])], io);
    const envName = (0,_args_js__WEBPACK_IMPORTED_MODULE_2__/* .stringFlag */ .A)(values, 'env');
    if (!envName)
        throw new _cli_io_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .e('--env ENV is required');
    const rollbackService = (0,_args_js__WEBPACK_IMPORTED_MODULE_2__/* .stringFlag */ .A)(values, 'rollback');
    const version = (0,_args_js__WEBPACK_IMPORTED_MODULE_2__/* .stringFlag */ .A)(values, 'version');
    if (rollbackService === undefined && version !== undefined)
        throw new _cli_io_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .e('--version goes with --rollback SERVICE');
    if (rollbackService !== undefined && (values.tier !== undefined || values.services !== undefined || values.service !== undefined || values.images !== undefined)) {
        throw new _cli_io_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .e('--rollback SERVICE takes no --tier, --services, --service or --images');
    }
    const timeoutText = (0,_args_js__WEBPACK_IMPORTED_MODULE_2__/* .stringFlag */ .A)(values, 'timeout-minutes') ?? '15';
    if (!/^\d+$/.test(timeoutText) || Number(timeoutText) < 1 || Number(timeoutText) > 180)
        throw new _cli_io_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .e(`--timeout-minutes must be a whole number from 1 to 180, got '${timeoutText}'`);
    const timeoutMs = Number(timeoutText) * 60_000;
    const { catalog, warnings } = await (0,_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_5__/* .loadCatalog */ .a)({ dir: (0,_args_js__WEBPACK_IMPORTED_MODULE_2__/* .stringFlag */ .A)(values, 'catalog') ?? 'catalog', ...(io.catalogCache ? { cache: io.catalogCache } : {}) });
    for (const w of warnings)
        io.stderr((0,_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_6__/* .formatProblem */ .Vw)(w));
    const environment = (0,_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_7__/* .environmentNamed */ .b)(catalog, envName);
    const region = (0,_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_8__/* .regionFor */ .eM)(environment, { override: (0,_args_js__WEBPACK_IMPORTED_MODULE_2__/* .stringFlag */ .A)(values, 'region'), overrideName: '--region', env: io.env });
    const cluster = await (0,_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_8__/* .clusterFor */ .uM)(environment, (0,_args_js__WEBPACK_IMPORTED_MODULE_2__/* .stringFlag */ .A)(values, 'cluster'), '--cluster', { cloudformation: async () => deps.cloudformation ?? (0,_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_8__/* .makeCloudFormationClient */ .O6)(region) });
    const log = (0,_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_9__/* .streamLogger */ .VO)(io.stderr, values.verbose === true);
    const clock = deps.clock ?? _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_9__/* .systemClock */ .ml;
    const ecs = deps.ecs ?? (0,_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_10__/* .makeEcsClient */ .rq)({ region });
    const effects = { ecs, clock, log };
    try {
        if (rollbackService !== undefined) {
            const service = (0,_tierdeploy_graph__WEBPACK_IMPORTED_MODULE_11__/* .resolveServiceName */ .fV)(catalog, rollbackService);
            if (service.deployVia === 'cloudformation')
                throw new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_6__/* .ConfigurationError */ .j1(`${service.name} is deployed via CloudFormation stack ${service.cloudformation?.stack}: roll it back by deploying its previous image`);
            const target = (0,_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_12__/* .parseRollbackVersion */ .QZ)(version ?? 'previous', '--version');
            if (values['dry-run']) {
                const { current, target: to } = await (0,_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_12__/* .resolveRollbackTarget */ .aD)(service.name, target, { cluster }, effects);
                io.stdout(`${service.name}: would roll back ${current} -> ${to}`);
                return 0;
            }
            const result = await (0,_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_12__/* .rollBackService */ .Gg)(service.name, target, { cluster, timeoutMs }, effects);
            io.stdout((0,_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_13__/* .renderEcsResultText */ ._E)([result]));
            return result.status === 'rolled-back' ? 0 : 1;
        }
        const plan = (0,_tierdeploy_graph__WEBPACK_IMPORTED_MODULE_11__/* .resolveDeployWaves */ ._j)(catalog, (0,_selection_js__WEBPACK_IMPORTED_MODULE_3__/* .selectionFromFlags */ ._G)(values), environment);
        const images = readImages(catalog, (0,_args_js__WEBPACK_IMPORTED_MODULE_2__/* .stringFlag */ .A)(values, 'images'), io.cwd);
        const commitSha = (0,_args_js__WEBPACK_IMPORTED_MODULE_2__/* .stringFlag */ .A)(values, 'commit') ?? io.env.GITHUB_SHA;
        if (commitSha !== undefined && !/^[0-9a-f]{7,40}$/i.test(commitSha))
            throw new _cli_io_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .e(`--commit must be a commit SHA (7 to 40 hex characters), got '${commitSha}'`);
        if (!values.images)
            log.warning('no --images: every service keeps its image; only catalog environment and secrets are applied');
        const deployId = `cli-${new Date(clock.now()).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}`;
        const needsStacks = Object.keys(plan.nodes).some((n) => catalog.services.get(n)?.deployVia === 'cloudformation');
        const cloudformation = deps.cloudformation ?? (needsStacks ? await (0,_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_8__/* .makeCloudFormationClient */ .O6)(region) : undefined);
        const { results, ok, diffs } = await (0,_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_14__/* .deployPlan */ .L)({
            plan,
            catalog,
            environment,
            cluster,
            images,
            ...(commitSha ? { commitSha: commitSha.toLowerCase() } : {}),
            deployId,
            dryRun: values['dry-run'] === true,
            rollbackOnFailure: values['no-rollback'] !== true,
            serviceTimeoutMs: timeoutMs,
        }, { ...effects, ...(cloudformation ? { cloudformation } : {}) });
        if (values['dry-run']) {
            for (const r of results) {
                const diff = diffs[r.service];
                io.stdout(diff ? `${r.service}: would register a new revision of ${r.previousTaskDefinition ? (0,_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_13__/* .shortTaskDefinition */ .P5)(r.previousTaskDefinition) : '?'}\n  ${diff.join('\n  ')}` : `${r.service}: ${r.status}${r.reason ? ` (${r.reason})` : ''}`);
            }
        }
        if (results.length === 0) {
            io.stdout('nothing to deploy to ECS in this selection');
            return 0;
        }
        if (!values['dry-run'])
            io.stdout((0,_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_13__/* .renderEcsResultText */ ._E)(results));
        return ok ? 0 : 1;
    }
    finally {
        if (!deps.ecs)
            ecs.destroy();
    }
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
    const { catalog } = await (0,_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_5__/* .loadCatalog */ .a)({ dir: (0,_args_js__WEBPACK_IMPORTED_MODULE_2__/* .stringFlag */ .A)(values, 'catalog') ?? 'catalog', ...(io.catalogCache ? { cache: io.catalogCache } : {}) });
    const candidates = catalog.environments.has('production') ? ['production'] : [...catalog.environments.values()].filter(_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_7__/* .isProductionLike */ .r).map((e) => e.name);
    if (candidates.length !== 1) {
        throw new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_6__/* .ConfigurationError */ .j1(`--promote-to-production needs one production environment; ${catalog.dir}/environments has ${candidates.length ? candidates.join(', ') : 'none'} (use tierdeploy promote --to ENV)`);
    }
    const from = (0,_args_js__WEBPACK_IMPORTED_MODULE_2__/* .stringFlag */ .A)(values, 'env');
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
        throw new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_6__/* .ConfigurationError */ .j1(`--images ${file}: ${e.code === 'ENOENT' ? 'no such file' : `not valid JSON (${e.message})`}`);
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
        throw new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_6__/* .ConfigurationError */ .j1(`--images ${file} must hold a JSON object, service -> REPOSITORY@sha256:DIGEST`);
    const images = {};
    for (const [name, image] of Object.entries(parsed)) {
        const service = (0,_tierdeploy_graph__WEBPACK_IMPORTED_MODULE_11__/* .resolveServiceName */ .fV)(catalog, name);
        if (typeof image !== 'string' || !(0,_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_15__/* .isDigestImage */ .SN)(image))
            throw new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_6__/* .ConfigurationError */ .j1(`--images ${file}: the image of ${name} must be pinned by digest (REPOSITORY@sha256:<64 hex>), got ${JSON.stringify(image)}`);
        images[service.name] = image;
    }
    return images;
}


/***/ })

};

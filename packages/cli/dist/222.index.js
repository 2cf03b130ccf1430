(function (__tierdeployImportMeta) { return { id: 222,
ids: [222],
modules: {

/***/ 1841:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   run: () => (/* binding */ run),
/* harmony export */   usage: () => (/* binding */ usage)
/* harmony export */ });
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2332);
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7743);
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9094);
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(1333);
/* harmony import */ var _tierdeploy_graph__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(5517);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7109);
/* harmony import */ var _cli_io_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7801);
/* harmony import */ var _selection_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7124);





const usage = [
    'tierdeploy promote --to ENV [--from ENV] [--tier N|all | --services A,B | --service A] [--with-dependencies]',
    '                   [--catalog DIR] [--from-cluster NAME] [--to-cluster NAME] [--from-profile P] [--to-profile P]',
    '                   [--from-region REGION] [--to-region REGION]',
    '                   [--bake SECONDS] [--timeout-minutes N] [--dry-run] [--verbose]',
    '',
    '  Reads the task definitions and image digests running in --from (default: the --to environment\'s promotesFrom),',
    '  checks that exactly those are healthy there (ECS rollouts, load balancer targets, health URLs, alarms; refused if',
    '  --from changes meanwhile), then deploys those digests to --to, tier by tier. Nothing is rebuilt; services --to does',
    '  not enable are left out. Default selection: --tier all.',
    '  --from-profile / --to-profile name AWS profiles when the environments live in different accounts.',
    '  --from-region / --to-region override the environment files\' regions (AWS_REGION is used only when a file has none).',
].join('\n');
function wholeNumber(values, flag, fallback, max) {
    const v = (0,_args_js__WEBPACK_IMPORTED_MODULE_0__/* .stringFlag */ .AM)(values, flag);
    if (v === undefined)
        return fallback;
    if (!/^\d+$/.test(v) || Number(v) > max)
        throw new _cli_io_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .e(`--${flag} must be a whole number from 0 to ${max}, got '${v}'`);
    return Number(v);
}
/** The environment promoted from: --from, else the target's promotesFrom; they must agree when both are set. */
function sourceEnvironment(to, from) {
    if (from !== undefined && to.promotesFrom !== undefined && from !== to.promotesFrom) {
        throw new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${to.name} receives images only from ${to.promotesFrom} (promotesFrom in ${to.file}), not from ${from}`);
    }
    const name = from ?? to.promotesFrom;
    if (name === undefined)
        throw new _cli_io_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .e(`give --from ENV: ${to.file} names no promotesFrom`);
    if (name === to.name)
        throw new _cli_io_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .e(`--from and --to are both ${name}`);
    return name;
}
async function run(args, io, deps = {}) {
    const { values } = (0,_args_js__WEBPACK_IMPORTED_MODULE_0__/* .parseFlags */ .bQ)(args, {
        catalog: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        'from-cluster': { type: 'string' },
        'to-cluster': { type: 'string' },
        'from-profile': { type: 'string' },
        'to-profile': { type: 'string' },
        'from-region': { type: 'string' },
        'to-region': { type: 'string' },
        bake: { type: 'string' },
        'timeout-minutes': { type: 'string' },
        'dry-run': { type: 'boolean' },
        verbose: { type: 'boolean' },
        ..._selection_js__WEBPACK_IMPORTED_MODULE_3__/* .selectionOptions */ .lo,
    });
    const toName = (0,_args_js__WEBPACK_IMPORTED_MODULE_0__/* .stringFlag */ .AM)(values, 'to');
    if (toName === undefined)
        throw new _cli_io_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .e('--to ENV is required: the environment that receives the images');
    const bakeMs = wholeNumber(values, 'bake', 0, 3600) * 1000;
    const timeoutMs = wholeNumber(values, 'timeout-minutes', 15, 180) * 60_000;
    const flags = (0,_selection_js__WEBPACK_IMPORTED_MODULE_3__/* .selectionFromFlags */ ._G)(values);
    const selection = flags.tier === undefined && flags.services === undefined ? { ...flags, tier: 'all' } : flags;
    const { catalog, warnings } = await (0,_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_4__/* .loadCatalog */ .a)({ dir: (0,_args_js__WEBPACK_IMPORTED_MODULE_0__/* .stringFlag */ .AM)(values, 'catalog') ?? 'catalog', ...(0,_cli_io_js__WEBPACK_IMPORTED_MODULE_1__/* .catalogLoadOptions */ .W)(io) });
    for (const w of warnings)
        io.stderr((0,_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_2__/* .formatProblem */ .Vw)(w));
    const to = (0,_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_5__/* .environmentNamed */ .b)(catalog, toName);
    const from = (0,_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_5__/* .environmentNamed */ .b)(catalog, sourceEnvironment(to, (0,_args_js__WEBPACK_IMPORTED_MODULE_0__/* .stringFlag */ .AM)(values, 'from')));
    // What the target does not enable is left out, with a line saying so: never deployed, never a silent gap.
    const plan = (0,_tierdeploy_graph__WEBPACK_IMPORTED_MODULE_6__/* .resolveDeployWaves */ ._j)(catalog, { ...selection, onlyEnabled: true }, to);
    const services = Object.values(plan.nodes).filter((n) => n.kind === 'service').map((n) => n.name);
    const inSource = Object.values((0,_tierdeploy_graph__WEBPACK_IMPORTED_MODULE_6__/* .resolveDeployWaves */ ._j)(catalog, { ...selection, onlyEnabled: true }, from).nodes).filter((n) => n.kind === 'service').map((n) => n.name);
    const leftOut = [...new Set([...(plan.skipped ?? []), ...inSource.filter((n) => !services.includes(n))])].sort();
    if (leftOut.length)
        io.stderr(`left out, not enabled in ${to.name} (${to.file}): ${leftOut.join(', ')}`);
    if (services.length === 0) {
        io.stdout(`nothing to promote to ${to.name} in this selection`);
        return 0;
    }
    // The AWS SDK loads here, on use, never for plan or validate.
    const aws = await Promise.all(/* import() */[__webpack_require__.e(6), __webpack_require__.e(363), __webpack_require__.e(85), __webpack_require__.e(722), __webpack_require__.e(45), __webpack_require__.e(21)]).then(__webpack_require__.bind(__webpack_require__, 3045));
    const log = (0,_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_7__/* .streamLogger */ .VO)(io.stderr, values.verbose === true);
    const clock = deps.clock ?? _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_7__/* .systemClock */ .ml;
    const side = (env, which) => {
        const region = aws.regionFor(env, { override: (0,_args_js__WEBPACK_IMPORTED_MODULE_0__/* .stringFlag */ .AM)(values, `${which}-region`), overrideName: `--${which}-region`, env: io.env });
        const profile = (0,_args_js__WEBPACK_IMPORTED_MODULE_0__/* .stringFlag */ .AM)(values, `${which}-profile`);
        return { region, ...(profile ? { profile } : {}) };
    };
    const fromSide = side(from, 'from');
    const toSide = side(to, 'to');
    const fromEcs = deps.fromEcs ?? aws.makeEcsClient(fromSide);
    const toEcs = deps.toEcs ?? aws.makeEcsClient(toSide);
    try {
        // Before any AWS call: each side's credentials are for its environment's account (one may be a profile of another).
        await aws.verifyCallerAccount(from, { sts: deps.fromSts, ...fromSide }, log);
        await aws.verifyCallerAccount(to, { sts: deps.toSts, ...toSide }, log);
        const fromCluster = await aws.clusterFor(from, (0,_args_js__WEBPACK_IMPORTED_MODULE_0__/* .stringFlag */ .AM)(values, 'from-cluster'), '--from-cluster', { cloudformation: () => aws.makeCloudFormationClient(fromSide.region) });
        const toCluster = await aws.clusterFor(to, (0,_args_js__WEBPACK_IMPORTED_MODULE_0__/* .stringFlag */ .AM)(values, 'to-cluster'), '--to-cluster', { cloudformation: () => aws.makeCloudFormationClient(toSide.region) });
        // The exact revisions and digests staging runs are read first and gated; a deploy landing in staging while the
        // gate runs fails the promotion instead of sending production something the gate never saw.
        io.stderr(`checking ${services.length} service(s) in ${from.name} (cluster ${fromCluster}) before promoting to ${to.name}`);
        const gated = await aws.gateRunningRelease({ catalog, environment: from, services: services.map((n) => catalog.services.get(n)), cluster: fromCluster, gate: { checks: [...aws.CHECKS], timeoutMs, bakeMs } }, {
            ecs: fromEcs,
            elb: deps.elb ?? (await aws.makeElbClient(fromSide)),
            cloudwatch: deps.cloudwatch ?? (await aws.makeCloudWatchClient(fromSide)),
            clock,
            log,
            cloudformation: () => aws.makeCloudFormationClient(fromSide.region),
        });
        if (!gated.release) {
            io.stdout(aws.renderGateText(gated.report));
            io.stderr(`${from.name} is not healthy: nothing was promoted to ${to.name}`);
            return 1;
        }
        const images = gated.release.images;
        io.stderr(`promoting ${Object.keys(images).length} image(s) from ${from.name} to ${to.name}:\n${Object.entries(images).map(([s, i]) => `  ${s}  ${i}`).join('\n')}`);
        const needsStacks = services.some((n) => catalog.services.get(n)?.deployVia === 'cloudformation');
        // The same live progress as deploy (a dry run only reads, and logs as before).
        const { progressLogger, progressRendererFor } = await __webpack_require__.e(/* import() */ 7).then(__webpack_require__.bind(__webpack_require__, 4007));
        const renderer = progressRendererFor(io, {});
        const progress = values['dry-run'] ? {} : { log: progressLogger(renderer, values.verbose === true), progress: (e) => renderer.event(e) };
        const { results, ok, diffs } = await aws.deployPlan({
            plan,
            catalog,
            environment: to,
            cluster: toCluster,
            images,
            deployId: `promote-${from.name}-${new Date(clock.now()).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}`,
            dryRun: values['dry-run'] === true,
            serviceTimeoutMs: timeoutMs,
            region: toSide.region,
        }, { ecs: toEcs, clock, log, ...(needsStacks ? { cloudformation: await aws.makeCloudFormationClient(toSide.region) } : {}), ecr: async () => deps.toEcr ?? aws.makeEcrClient(toSide), ...progress }).finally(() => renderer.close());
        if (values['dry-run']) {
            for (const r of results)
                io.stdout(diffs[r.service] ? `${r.service}: would register\n  ${diffs[r.service].join('\n  ')}` : `${r.service}: ${r.status}`);
            return 0;
        }
        io.stdout(aws.renderEcsResultText(results));
        return ok ? 0 : 1;
    }
    finally {
        if (!deps.fromEcs)
            fromEcs.destroy();
        if (!deps.toEcs)
            toEcs.destroy();
    }
}


/***/ })

},
 } })

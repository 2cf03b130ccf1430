(function (__tierdeployImportMeta) { return { id: 256,
ids: [256],
modules: {

/***/ 3875:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   run: () => (/* binding */ run),
/* harmony export */   usage: () => (/* binding */ usage)
/* harmony export */ });
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7743);
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2332);
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9094);
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1333);
/* harmony import */ var _tierdeploy_graph__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5517);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7109);
/* harmony import */ var _cli_io_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7801);




const usage = 'tierdeploy health --env ENV (--tier N | --services A,B) [--catalog DIR] [--cluster NAME] [--region REGION] [--checks ecs,load-balancer,http,alarms] [--timeout SECONDS] [--bake SECONDS] [--target-groups JSON] [--json] [--verbose]';
function seconds(values, flag, fallback) {
    const v = (0,_args_js__WEBPACK_IMPORTED_MODULE_0__/* .stringFlag */ .AM)(values, flag);
    if (v === undefined)
        return fallback;
    if (!/^\d+$/.test(v))
        throw new _cli_io_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .e(`--${flag} must be a whole number of seconds, got '${v}'`);
    return Number(v);
}
/** Runs the health gate of the health-gate action against an environment and prints which check failed and why. */
async function run(args, io, deps = {}) {
    const { values } = (0,_args_js__WEBPACK_IMPORTED_MODULE_0__/* .parseFlags */ .bQ)(args, {
        catalog: { type: 'string' },
        env: { type: 'string' },
        tier: { type: 'string' },
        services: { type: 'string' },
        service: { type: 'string' },
        cluster: { type: 'string' },
        region: { type: 'string' },
        checks: { type: 'string' },
        timeout: { type: 'string' },
        bake: { type: 'string' },
        'target-groups': { type: 'string' },
        json: { type: 'boolean' },
        verbose: { type: 'boolean' },
    });
    const envName = (0,_args_js__WEBPACK_IMPORTED_MODULE_0__/* .stringFlag */ .AM)(values, 'env');
    if (envName === undefined)
        throw new _cli_io_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .e('--env ENV is required: the environment whose services to check');
    const tier = (0,_args_js__WEBPACK_IMPORTED_MODULE_0__/* .stringFlag */ .AM)(values, 'tier');
    const names = (0,_args_js__WEBPACK_IMPORTED_MODULE_0__/* .stringFlag */ .AM)(values, 'services') ?? (0,_args_js__WEBPACK_IMPORTED_MODULE_0__/* .stringFlag */ .AM)(values, 'service');
    if (tier === undefined && names === undefined)
        throw new _cli_io_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .e('give --tier N or --services A,B: which services to check');
    const timeoutSeconds = seconds(values, 'timeout', 600);
    const bakeSeconds = seconds(values, 'bake', 0);
    let targetGroupsJson;
    const tgFlag = (0,_args_js__WEBPACK_IMPORTED_MODULE_0__/* .stringFlag */ .AM)(values, 'target-groups');
    if (tgFlag !== undefined) {
        try {
            targetGroupsJson = JSON.parse(tgFlag);
        }
        catch {
            throw new _cli_io_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .e(`--target-groups must be JSON: {"SERVICE": "TARGET_GROUP_ARN"}`);
        }
    }
    // The AWS SDK loads here, on use, never for plan or validate.
    const aws = await Promise.all(/* import() */[__webpack_require__.e(6), __webpack_require__.e(363), __webpack_require__.e(85), __webpack_require__.e(722), __webpack_require__.e(45), __webpack_require__.e(21)]).then(__webpack_require__.bind(__webpack_require__, 3045));
    const checks = aws.parseChecks((0,_args_js__WEBPACK_IMPORTED_MODULE_0__/* .stringFlag */ .AM)(values, 'checks') === undefined ? undefined : (0,_tierdeploy_graph__WEBPACK_IMPORTED_MODULE_2__/* .parseNameList */ .HI)((0,_args_js__WEBPACK_IMPORTED_MODULE_0__/* .stringFlag */ .AM)(values, 'checks')), '--checks');
    const { catalog, warnings } = await (0,_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_3__/* .loadCatalog */ .a)({ dir: (0,_args_js__WEBPACK_IMPORTED_MODULE_0__/* .stringFlag */ .AM)(values, 'catalog') ?? 'catalog', ...(0,_cli_io_js__WEBPACK_IMPORTED_MODULE_1__/* .catalogLoadOptions */ .W)(io) });
    for (const w of warnings)
        io.stderr((0,_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_4__/* .formatProblem */ .Vw)(w));
    const environment = (0,_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_5__/* .environmentNamed */ .b)(catalog, envName);
    const services = aws.gateServices(catalog, environment, { ...(tier !== undefined ? { tier } : {}), ...(names !== undefined ? { services: (0,_tierdeploy_graph__WEBPACK_IMPORTED_MODULE_2__/* .parseNameList */ .HI)(names) } : {}) }, { tier: '--tier', services: '--services', deployResult: '--services' });
    // The environment file's region, --region over it; AWS_REGION only when the file has none (the rule deploy uses).
    const region = aws.regionFor(environment, { override: (0,_args_js__WEBPACK_IMPORTED_MODULE_0__/* .stringFlag */ .AM)(values, 'region'), overrideName: '--region', env: io.env });
    const cluster = await aws.clusterFor(environment, (0,_args_js__WEBPACK_IMPORTED_MODULE_0__/* .stringFlag */ .AM)(values, 'cluster'), '--cluster', { cloudformation: () => aws.makeCloudFormationClient(region) });
    const log = (0,_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_6__/* .streamLogger */ .VO)((line) => io.stderr(line), values.verbose === true);
    const targetGroups = aws.canonicalTargetGroups(catalog, aws.parseTargetGroups(targetGroupsJson, '--target-groups'), '--target-groups');
    if (services.length === 0) {
        io.stdout(values.json ? JSON.stringify({ passed: true, outcomes: [] }) : 'Nothing to check.');
        return 0;
    }
    const report = await aws.runHealthGate(aws.gateTargets(catalog, environment, services, targetGroups, log), {
        cluster,
        checks,
        timeoutMs: timeoutSeconds * 1000,
        bakeMs: bakeSeconds * 1000,
    }, {
        ecs: deps.ecs ?? aws.makeEcsClient({ region }),
        elb: await aws.makeElbClient({ region }),
        cloudwatch: await aws.makeCloudWatchClient({ region }),
        clock: deps.clock ?? _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_6__/* .systemClock */ .ml,
        log,
    });
    io.stdout(values.json ? JSON.stringify(report) : aws.renderGateText(report));
    return report.passed ? 0 : 1;
}


/***/ })

},
 } })

(function (__tierdeployImportMeta) { return { id: 699,
ids: [699,21],
modules: {

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

/***/ 9014:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ isDeployable)
/* harmony export */ });
/** TypeScript view of schema.ts. Keep the two in step: schema.test.ts fails when a schema key has no field here. */
/** Whether a service is built and deployed to ECS (not infrastructure, not a library). */
function isDeployable(s) {
    return s.kind === 'service';
}


/***/ }),

/***/ 6021:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ matchesPathPattern)
/* harmony export */ });
/** Whether an ALB path pattern (`*` any characters, `?` one character, everything else literal) matches a path. */
function matchesPathPattern(pattern, path) {
    const regex = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
    return regex.test(path);
}


/***/ }),

/***/ 1214:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ isEnabledIn),
/* harmony export */   bb: () => (/* binding */ serviceSize),
/* harmony export */   xw: () => (/* binding */ serviceSettings)
/* harmony export */ });
const BUILT_IN = { cpu: 256, memory: 512, desiredCount: 1, spot: false, schedule: 'always' };
function serviceSettings(catalog, service, environment) {
    // Layers from weakest to strongest; written out rather than looped over with closures, since deploys, plans
    // and the catalog's own size check call this once per service (issue 16: a 10,000-service plan runs it cold).
    const defaults = catalog.defaults;
    const envDefaults = environment?.defaults ?? NONE;
    const override = environment?.services?.[service.name] ?? NONE;
    const size = serviceSize(catalog, service, environment);
    const scaling = { ...defaults.autoscaling, ...service.autoscaling, ...envDefaults.autoscaling, ...override.autoscaling };
    return {
        cpu: size.cpu,
        memory: size.memory,
        desiredCount: size.desiredCount,
        spot: override.spot ?? envDefaults.spot ?? service.spot ?? defaults.spot ?? BUILT_IN.spot,
        schedule: override.schedule ?? envDefaults.schedule ?? service.schedule ?? defaults.schedule ?? BUILT_IN.schedule,
        autoscaling: { ...scaling, min: size.min, max: size.max },
        environment: { ...defaults.environment, ...service.environment, ...envDefaults.environment, ...override.environment },
        secrets: { ...defaults.secrets, ...service.secrets, ...envDefaults.secrets, ...override.secrets },
        healthCheck: { expectedStatus: 200, healthyThreshold: 3, timeoutSeconds: 5, intervalSeconds: 10, ...defaults.healthCheck, ...service.healthCheck, ...override.healthCheck },
        containerName: service.container?.name ?? defaults.container?.name ?? service.name,
        port: service.container?.port ?? defaults.container?.port,
    };
}
const NONE = {};
function serviceSize(catalog, service, environment) {
    const defaults = catalog.defaults;
    const envDefaults = environment?.defaults ?? NONE;
    const override = environment?.services?.[service.name] ?? NONE;
    const desiredCount = override.desiredCount ?? envDefaults.desiredCount ?? service.desiredCount ?? defaults.desiredCount ?? BUILT_IN.desiredCount;
    const min = override.autoscaling?.min ?? envDefaults.autoscaling?.min ?? service.autoscaling?.min ?? defaults.autoscaling?.min ?? desiredCount;
    const max = override.autoscaling?.max ?? envDefaults.autoscaling?.max ?? service.autoscaling?.max ?? defaults.autoscaling?.max ?? Math.max(desiredCount, min);
    return {
        cpu: override.cpu ?? envDefaults.cpu ?? service.cpu ?? defaults.cpu ?? BUILT_IN.cpu,
        memory: override.memory ?? envDefaults.memory ?? service.memory ?? defaults.memory ?? BUILT_IN.memory,
        desiredCount,
        min,
        max,
    };
}
/**
 * Whether the service takes part in deploys to this environment: not disabled, not switched off by the
 * environment, and, in an optional tier, enabled by the environment's optionalServices.
 */
function isEnabledIn(catalog, service, environment) {
    if (service.disabled)
        return false;
    if (!environment)
        return true;
    const override = environment.services?.[service.name]?.enabled;
    if (override !== undefined)
        return override;
    const tier = catalog.tiers.find((t) => t.id === service.tier);
    if (!tier?.optional)
        return true;
    const enabled = environment.optionalServices ?? [];
    return enabled.includes('*') || enabled.some((n) => catalog.names.get(n) === service.name);
}


/***/ }),

/***/ 2699:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run),
  usage: () => (/* binding */ usage)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./packages/catalog/src/load.ts + 1 modules
var load = __webpack_require__(7743);
// EXTERNAL MODULE: ./packages/catalog/src/errors.ts
var errors = __webpack_require__(2332);
// EXTERNAL MODULE: ./packages/catalog/src/environment.ts
var src_environment = __webpack_require__(9094);
// EXTERNAL MODULE: ./packages/catalog/src/effects.ts
var effects = __webpack_require__(1333);
// EXTERNAL MODULE: ./packages/catalog/src/locate.ts
var locate = __webpack_require__(1917);
// EXTERNAL MODULE: ./packages/catalog/src/settings.ts
var src_settings = __webpack_require__(1214);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./packages/catalog/src/model.ts
var model = __webpack_require__(9014);
// EXTERNAL MODULE: ./packages/catalog/src/routing.ts
var routing = __webpack_require__(6021);
;// CONCATENATED MODULE: ./packages/doctor/src/configuration.ts



/** Where a tunable is set for a service in an environment: the most specific layer that sets it. */
function whereSet(catalog, service, environment, key) {
    if (environment?.services?.[service.name]?.[key] !== undefined)
        return { file: environment.file, path: ['services', service.name, key] };
    if (environment?.defaults?.[key] !== undefined)
        return { file: environment.file, path: ['defaults', key] };
    if (service[key] !== undefined)
        return { file: catalog.file, path: ['services', service.name, key] };
    if (catalog.defaults[key] !== undefined)
        return { file: catalog.file, path: ['defaults', key] };
    return { file: environment?.file ?? catalog.file, path: environment ? [] : ['services', service.name] };
}
/**
 * The configuration mistakes a reviewer would flag. `environments` are the ones to check (all by default);
 * `root` is the repository root that service paths are relative to (for the Dockerfile check).
 */
function checkConfiguration(catalog, environments, root = catalog.root) {
    const findings = [];
    const at = (service, ...path) => ({ file: catalog.file, path: ['services', service.name, ...path] });
    const deployable = [...catalog.services.values()].filter((s) => (0,model/* isDeployable */.M)(s) && !s.disabled);
    for (const s of deployable) {
        if ((s.gpu ?? 0) > 0 && (s.capacity ?? 'fargate') === 'fargate') {
            findings.push({ check: 'gpu-on-fargate', service: s.name, severity: 'error', ...at(s, 'gpu'), message: `${s.name} asks for ${s.gpu} GPU on Fargate, which has no GPUs`, hint: 'set capacity: ec2-gpu (an EC2 capacity provider with GPU instances), or remove gpu' });
        }
        const health = (0,src_settings/* serviceSettings */.xw)(catalog, s).healthCheck;
        if (!health.path && !health.url) {
            findings.push({ check: 'no-health-check', service: s.name, severity: 'warning', ...at(s), message: `${s.name} has no health check path`, hint: 'set healthCheck.path (or defaults.healthCheck.path); without it a broken deploy is only noticed by users' });
        }
        if (s.routing?.public && !(s.routing.pathPatterns?.length)) {
            findings.push({ check: 'public-without-path', service: s.name, severity: 'error', ...at(s, 'routing'), message: `${s.name} is public but has no path rule`, hint: 'add routing.pathPatterns (e.g. ["/orders/*"]) so the load balancer knows which requests are its' });
        }
        const patterns = s.routing?.pathPatterns ?? [];
        if (s.routing?.public && health.path && !health.url && patterns.length && !patterns.some((p) => (0,routing/* matchesPathPattern */.R)(p, health.path))) {
            findings.push({ check: 'health-path-unrouted', service: s.name, severity: 'warning', ...at(s, 'healthCheck'), message: `${s.name}: health path ${health.path} is outside its ALB path patterns (${patterns.join(', ')})`, hint: 'through the load balancer that URL reaches another service; use a routed path such as ' + `${patterns[0].replace(/\*.*$/, '')}health` });
        }
        if (s.capacity === 'ec2-gpu' && s.spot) {
            findings.push({ check: 'spot-on-ec2', service: s.name, severity: 'warning', ...at(s, 'spot'), message: `${s.name} sets spot but runs on EC2 GPU capacity, where Fargate Spot does not apply`, hint: 'remove spot, or use a Spot EC2 capacity provider in terraform/modules/ecs-cluster' });
        }
        findings.push(...checkDockerfile(catalog, s, root));
    }
    for (const environment of [undefined, ...environments]) {
        for (const s of deployable) {
            if (environment && !(0,src_settings/* isEnabledIn */.Z)(catalog, s, environment))
                continue;
            const settings = (0,src_settings/* serviceSettings */.xw)(catalog, s, environment);
            if (s.tier === 1 && settings.spot) {
                // Report each place once: the catalog-wide setting, or the environment that turns Spot on.
                const where = whereSet(catalog, s, environment, 'spot');
                const seen = findings.some((f) => f.check === 'tier-1-on-spot' && f.service === s.name && f.file === where.file);
                if (!seen)
                    findings.push({ check: 'tier-1-on-spot', service: s.name, severity: 'error', ...where, message: `${s.name} is tier 1 and runs on Fargate Spot${environment ? ` in ${environment.name}` : ''}`, hint: 'tier 1 must never be on Spot: AWS can reclaim Spot tasks with two minutes\' notice; set spot: false' });
            }
            if (environment && (0,src_environment/* isProductionLike */.r)(environment) && settings.desiredCount === 1) {
                findings.push({ check: 'single-replica-production', service: s.name, severity: 'warning', ...whereSet(catalog, s, environment, 'desiredCount'), message: `${s.name} runs one task in ${environment.name}`, hint: 'a production service needs desiredCount: 2 or more so one failed task or AZ does not take it down' });
            }
        }
    }
    findings.push(...accountFindings(catalog, environments));
    return findings;
}
/**
 * An environment without `account`: deploy, rollback and the actions cannot check that the credentials are for it
 * (verifyCallerAccount only warns), so credentials of another environment write there unnoticed. Reported where that
 * mix-up can happen: a catalog of several environments, or a production-like one.
 */
function accountFindings(catalog, environments) {
    return environments
        .filter((e) => !e.account && (catalog.environments.size > 1 || (0,src_environment/* isProductionLike */.r)(e)))
        .map((e) => ({
        check: 'no-account',
        severity: 'warning',
        file: e.file,
        path: ['name'],
        message: `environment ${e.name} sets no account, so the AWS account of the credentials cannot be checked before a deploy or rollback writes to it`,
        hint: 'set account: "123456789012" (its 12-digit AWS account ID); credentials of another account are then refused',
    }));
}
/** A buildable service needs PATH/Dockerfile, a build.dockerfile that exists, or a build.template. */
function checkDockerfile(catalog, s, root) {
    if (s.deployVia === 'cloudformation' && !s.path)
        return [];
    if (!s.path || !(0,external_node_fs_.existsSync)((0,external_node_path_.join)(root, s.path)))
        return []; // `tierdeploy validate` reports a missing path
    const build = { ...catalog.defaults.build, ...s.build };
    if (s.build?.dockerfile) {
        const file = (0,external_node_path_.join)(s.build.context ?? s.path, s.build.dockerfile);
        const candidates = [(0,external_node_path_.join)(root, s.path, s.build.dockerfile), (0,external_node_path_.join)(root, file), (0,external_node_path_.join)(root, s.build.dockerfile)];
        if (candidates.some((c) => (0,external_node_fs_.existsSync)(c)))
            return [];
        return [{ check: 'missing-dockerfile', service: s.name, severity: 'error', file: catalog.file, path: ['services', s.name, 'build', 'dockerfile'], message: `${s.name}: build.dockerfile ${s.build.dockerfile} does not exist`, hint: `looked in ${s.path}/ and at the repository root` }];
    }
    if ((0,external_node_fs_.existsSync)((0,external_node_path_.join)(root, s.path, 'Dockerfile')))
        return [];
    if (build.template)
        return [];
    if (build.dockerfile && (0,external_node_fs_.existsSync)((0,external_node_path_.join)(root, s.path, build.dockerfile)))
        return [];
    return [{ check: 'missing-dockerfile', service: s.name, severity: 'error', file: catalog.file, path: ['services', s.name], message: `${s.name} has no Dockerfile: ${s.path}/Dockerfile does not exist and neither build.dockerfile nor build.template is set`, hint: 'add a Dockerfile, or set build.template: node or python' }];
}

// EXTERNAL MODULE: ./packages/doctor/src/dependencies.ts
var dependencies = __webpack_require__(2304);
;// CONCATENATED MODULE: ./packages/doctor/src/doctor.ts




/** Runs every check, fills in YAML line numbers, and sorts findings by file and line. */
async function runDoctor(catalog, options = {}) {
    const environments = options.environments ?? [...catalog.environments.values()];
    const findings = checkConfiguration(catalog, environments);
    let scanned = { services: 0, files: 0, skipped: 0 };
    if (options.scanCode !== false) {
        const scans = (0,dependencies/* scanServices */.sj)(catalog, environments, options);
        findings.push(...(0,dependencies/* dependencyFindings */.U_)(catalog, scans));
        scanned = { services: scans.length, files: scans.reduce((a, s) => a + s.files, 0), skipped: scans.reduce((a, s) => a + s.skipped, 0) };
    }
    const yamlFiles = [catalog.file, ...environments.map((e) => e.file)];
    const sources = yamlFiles.filter((f) => (0,external_node_fs_.existsSync)(f)).map((file) => ({ file, text: (0,external_node_fs_.readFileSync)(file, 'utf8') }));
    await (0,locate/* locateProblems */.D)(findings, sources);
    findings.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) || a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || a.message.localeCompare(b.message));
    const errors = findings.filter((f) => f.severity === 'error').length;
    return { findings, errors, warnings: findings.length - errors, scanned };
}

;// CONCATENATED MODULE: ./packages/doctor/src/render.ts

/** A finding without the internal key path: the documented JSON shape. */
function findingJson(f) {
    const { path: _path, atKey: _atKey, ...rest } = f;
    return rest;
}
function doctorJson(result) {
    return { ok: result.errors === 0, errors: result.errors, warnings: result.warnings, scanned: result.scanned, findings: result.findings.map(findingJson) };
}
function counts(result) {
    return `${result.errors} error${result.errors === 1 ? '' : 's'}, ${result.warnings} warning${result.warnings === 1 ? '' : 's'}`;
}
/** One line per finding, `file:line: severity: message (hint) [check]`, then a count. */
function renderDoctorText(result) {
    const lines = result.findings.map((f) => `${(0,errors/* formatProblem */.Vw)(f)} [${f.check}]`);
    const scanned = result.scanned.services ? `; scanned ${result.scanned.files} files of ${result.scanned.services} services${result.scanned.skipped ? ` (${result.scanned.skipped} skipped: large, binary or over the limit)` : ''}` : '';
    lines.push(`${result.findings.length ? '' : 'No problems found: '}${counts(result)}${scanned}`);
    return `${lines.join('\n')}\n`;
}
/** The job summary: a table of findings. */
function renderDoctorSummary(result) {
    const out = [`### tierdeploy doctor: ${counts(result)}`, ''];
    if (result.findings.length === 0)
        return `${out.join('\n')}No problems found.\n`;
    out.push('| Severity | Check | Service | Where | Finding |', '| --- | --- | --- | --- | --- |');
    const cell = (s) => s.replace(/\|/g, '\\|');
    for (const f of result.findings) {
        out.push(`| ${f.severity} | ${f.check} | ${f.service ? `\`${f.service}\`` : ''} | ${f.file}${f.line ? `:${f.line}` : ''} | ${cell(f.message)}${f.hint ? `: ${cell(f.hint)}` : ''} |`);
    }
    return `${out.join('\n')}\n`;
}

// EXTERNAL MODULE: ./packages/cli/src/args.ts
var src_args = __webpack_require__(7109);
// EXTERNAL MODULE: ./packages/cli/src/cli-io.ts
var cli_io = __webpack_require__(7801);
;// CONCATENATED MODULE: ./packages/cli/src/commands/doctor.ts





const usage = [
    'tierdeploy doctor [--catalog DIR] [--env ENV] [--no-code] [--live [--cluster NAME] [--region REGION]] [--json]',
    '',
    '  --live   also read the environment\'s ECS cluster (needs --env and AWS credentials): warns about services a',
    '           CloudFormation stack owns (aws:cloudformation:stack-name tag) that the catalog does not declare',
    '           deployVia: cloudformation, since updating them directly would drift the stack, and about services',
    '           whose last rollout failed or has not finished. Credentials of another account than the environment\'s',
    '           are reported (account-mismatch) instead of reading that account\'s cluster.',
    '  --region overrides the environment file\'s region (AWS_REGION is used only when the file has none).',
].join('\n');
async function run(args, io, deps = {}) {
    const { values } = (0,src_args/* parseFlags */.bQ)(args, {
        catalog: { type: 'string' },
        env: { type: 'string' },
        'no-code': { type: 'boolean' },
        live: { type: 'boolean' },
        cluster: { type: 'string' },
        region: { type: 'string' },
        json: { type: 'boolean' },
    });
    const envName = (0,src_args/* stringFlag */.AM)(values, 'env');
    if (values.live && envName === undefined)
        throw new cli_io/* UsageError */.e('--live needs --env ENV: the environment whose cluster to read');
    const { catalog, warnings } = await (0,load/* loadCatalog */.a)({ dir: (0,src_args/* stringFlag */.AM)(values, 'catalog') ?? 'catalog', ...(0,cli_io/* catalogLoadOptions */.W)(io) });
    if (!values.json)
        for (const w of warnings)
            io.stderr((0,errors/* formatProblem */.Vw)(w));
    const environment = envName === undefined ? undefined : (0,src_environment/* environmentNamed */.b)(catalog, envName);
    const result = await runDoctor(catalog, {
        ...(environment ? { environments: [environment] } : {}),
        scanCode: values['no-code'] !== true,
        cwd: io.cwd,
    });
    if (values.live && environment)
        addFindings(result, await liveFindings(catalog, environment, { cluster: (0,src_args/* stringFlag */.AM)(values, 'cluster'), region: (0,src_args/* stringFlag */.AM)(values, 'region') }, io, deps));
    if (values.json)
        io.stdout(JSON.stringify(doctorJson(result), null, 2));
    else
        io.stdout(renderDoctorText(result).trimEnd());
    return result.errors ? 1 : 0;
}
/**
 * What only the cluster can tell: services a CloudFormation stack owns but the catalog would update directly (they
 * would drift), and services whose rollout failed or is still going (judged by the rule deploy and health use). First,
 * the account rule deploy refuses by: credentials of another account are a finding, and that account's cluster is not
 * read (what it holds says nothing about this environment).
 */
async function liveFindings(catalog, environment, flags, io, deps) {
    const aws = await Promise.all(/* import() */[__webpack_require__.e(363), __webpack_require__.e(85), __webpack_require__.e(722), __webpack_require__.e(45), __webpack_require__.e(517)]).then(__webpack_require__.bind(__webpack_require__, 3045));
    const region = aws.regionFor(environment, { override: flags.region, overrideName: '--region', env: io.env });
    try {
        // An environment without account is the configuration check's finding (no-account), not a log line here.
        await aws.verifyCallerAccount(environment, { sts: deps.sts, region }, effects/* silentLogger */.qq);
    }
    catch (e) {
        if (!(e instanceof aws.AccountMismatchError))
            throw e;
        const finding = { check: 'account-mismatch', severity: 'error', file: environment.file, path: ['account'], message: e.message };
        await (0,locate/* locateProblems */.D)([finding], [{ file: environment.file, text: (0,external_node_fs_.readFileSync)(environment.file, 'utf8') }]);
        return [finding];
    }
    const cluster = await aws.clusterFor(environment, flags.cluster, '--cluster', { cloudformation: () => aws.makeCloudFormationClient(region) });
    const ecs = deps.ecs ?? aws.makeEcsClient({ region });
    try {
        const found = await aws.findUndeclaredStackServices(ecs, cluster, catalog);
        const findings = found.map((w) => ({
            check: 'stack-owned-service',
            service: w.service,
            severity: 'warning',
            file: catalog.file,
            ...(catalog.services.has(w.service) ? { path: ['services', w.service] } : {}),
            message: w.message,
        }));
        const deployed = [...catalog.services.values()].filter((s) => s.kind === 'service' && (0,src_settings/* isEnabledIn */.Z)(catalog, s, environment)).map((s) => s.name);
        const { services } = await aws.describeServicesInBatches(ecs, cluster, deployed);
        for (const service of services) {
            const verdict = aws.rolloutVerdict(service);
            if (verdict.state === 'done' || !service.serviceName)
                continue;
            const name = catalog.names.get(service.serviceName) ?? service.serviceName;
            findings.push({
                check: 'unfinished-rollout',
                service: name,
                severity: 'warning',
                file: catalog.file,
                ...(catalog.services.has(name) ? { path: ['services', name] } : {}),
                message: `${name} in cluster ${cluster}: rollout ${verdict.state === 'failed' ? 'failed' : 'not finished'}: ${verdict.detail}`,
            });
        }
        await (0,locate/* locateProblems */.D)(findings, [{ file: catalog.file, text: (0,external_node_fs_.readFileSync)(catalog.file, 'utf8') }]);
        return findings;
    }
    catch (e) {
        // No credentials, access denied, an unknown cluster: the user's to fix, so a message and not a stack trace.
        throw aws.configurationErrorOf(e, { cluster }) ?? aws.awsSetupError(e, `ECS (cluster '${cluster}')`) ?? e;
    }
    finally {
        if (!deps.ecs)
            ecs.destroy();
    }
}
function addFindings(result, findings) {
    result.findings.push(...findings);
    result.warnings += findings.filter((f) => f.severity === 'warning').length;
    result.errors += findings.filter((f) => f.severity === 'error').length;
}


/***/ })

},
 } })

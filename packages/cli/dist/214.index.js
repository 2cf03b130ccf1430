(function (__tierdeployImportMeta) { return { id: 214,
ids: [214],
modules: {

/***/ 4884:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FT: () => (/* binding */ SERVICE_NAME_PATTERN),
/* harmony export */   M3: () => (/* binding */ FARGATE_CPU_UNITS),
/* harmony export */   VW: () => (/* binding */ environmentSchema),
/* harmony export */   X8: () => (/* binding */ catalogSchema),
/* harmony export */   ql: () => (/* binding */ catalogSchemaDocument)
/* harmony export */ });
/* unused harmony export SECRET_ARN_PATTERN */
const str = (description, extra = {}) => ({ type: 'string', description, ...extra });
const int = (description, minimum, maximum) => ({
    type: 'integer',
    description,
    ...(minimum === undefined ? {} : { minimum }),
    ...(maximum === undefined ? {} : { maximum }),
});
const bool = (description, dflt) => ({ type: 'boolean', description, ...(dflt === undefined ? {} : { default: dflt }) });
const list = (description, items = { type: 'string', minLength: 1 }) => ({ type: 'array', description, items });
const obj = (description, properties, required) => ({
    type: 'object',
    description,
    properties,
    additionalProperties: false,
    ...(required ? { required } : {}),
});
const map = (description, values) => ({ type: 'object', description, additionalProperties: values });
const SERVICE_NAME_PATTERN = '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$';
/** A secret reference is an ARN (never a value): SSM Parameter Store or Secrets Manager. */
const SECRET_ARN_PATTERN = '^arn:aws[a-z-]*:(ssm|secretsmanager):[a-z0-9-]+:\\d{12}:(parameter/|secret:).+';
const FARGATE_CPU_UNITS = [256, 512, 1024, 2048, 4096, 8192, 16384];
/** A setting that may be a literal, a CloudFormation stack output or a Terraform output (issue 9). */
const reference = {
    anyOf: [
        { type: 'string', minLength: 1 },
        obj('The value of a CloudFormation stack output, as STACK.OUTPUT.', { stackOutput: str('STACK.OUTPUT', { pattern: '^[A-Za-z][A-Za-z0-9-]*\\.[A-Za-z0-9]+$' }) }, ['stackOutput']),
        obj('The value of a Terraform output of terraform-apply.', { terraformOutput: str('The output name', { minLength: 1 }) }, ['terraformOutput']),
    ],
};
/** Settings an environment may override per service; also the catalog-wide `defaults`. */
const tunables = {
    cpu: { type: 'integer', enum: [...FARGATE_CPU_UNITS], description: 'Task CPU units (Fargate sizes: 256 = 0.25 vCPU).' },
    memory: int('Task memory in MiB; must be valid for the CPU size.', 512, 122880),
    desiredCount: int('Tasks to run.', 0, 1000),
    autoscaling: obj('Target-tracking autoscaling bounds.', {
        min: int('Minimum tasks.', 0, 1000),
        max: int('Maximum tasks.', 1, 1000),
        cpuTarget: int('Target average CPU utilisation, percent.', 1, 100),
        memoryTarget: int('Target average memory utilisation, percent.', 1, 100),
    }),
    spot: bool('May run on Fargate Spot (interruptible, about 70% cheaper). Never for tier 1.'),
    schedule: { type: 'string', enum: ['always', 'business-hours'], description: 'When the service runs: always, or scaled to zero outside the environment\'s business hours.' },
    environment: map('Plain environment variables for the container.', { type: 'string' }),
    secrets: map('Environment variables filled from SSM Parameter Store or Secrets Manager: variable -> ARN (never a value).', str('An SSM parameter or Secrets Manager ARN', { pattern: SECRET_ARN_PATTERN })),
};
const healthCheck = obj('How health-gate and the load balancer decide the service is healthy.', {
    path: str('HTTP path that answers when the service is healthy.', { pattern: '^/' }),
    expectedStatus: int('HTTP status a healthy service answers.', 100, 599),
    healthyThreshold: int('Consecutive good answers required.', 1, 100),
    timeoutSeconds: int('Per-request timeout.', 1, 120),
    intervalSeconds: int('Seconds between checks.', 1, 300),
    gracePeriodSeconds: int('Seconds after start-up before health counts.', 0, 7200),
    url: str('Absolute URL to check instead of the environment URL plus path.'),
});
const service = obj('A deployable service, a piece of infrastructure, or a shared library.', {
    kind: { type: 'string', enum: ['service', 'infrastructure', 'library'], default: 'service', description: 'service: built and deployed to ECS. infrastructure: provisioned by Terraform, ordered like a service, never built or deployed. library: shared code, never deployed; a change affects its dependents.' },
    description: str('What the service does.'),
    owner: str('The owning team.'),
    // Not a pattern: the loader normalises the path (./auth, auth/ are auth) and refuses what it cannot (repo-path.ts).
    path: str('Directory of its code, relative to the repository root (./auth and auth/ are read as auth; no . or .. segments, not absolute).'),
    tier: int('Deploy tier: lower tiers deploy first.', 1, 9),
    dependsOn: list('Services, infrastructure or libraries this one needs (names or aliases).'),
    aliases: list('Short names accepted wherever a service is named (auth for indigenious-auth-service).', { type: 'string', pattern: SERVICE_NAME_PATTERN }),
    disabled: bool('Never selected, built or deployed.', false),
    container: obj('The container in the task definition that runs this service.', {
        name: str('Container name (defaults to the service name).'),
        port: int('Port the container listens on.', 1, 65535),
    }),
    healthCheck,
    ...tunables,
    gpu: int('GPUs per task. Fargate has none: needs capacity ec2-gpu.', 0, 8),
    capacity: { type: 'string', enum: ['fargate', 'ec2-gpu'], description: 'Where tasks run.', default: 'fargate' },
    build: obj('How build-push builds the image.', {
        dockerfile: str('Dockerfile, relative to the repository root (defaults to PATH/Dockerfile).'),
        context: str('Build context, relative to the repository root (defaults to the service path; . is the root).'),
        template: { type: 'string', enum: ['node', 'python'], description: 'Use a bundled multi-stage Dockerfile when the service has none.' },
        args: map('Build arguments.', { type: 'string' }),
    }),
    watch: list('Extra globs whose changes affect this service (repository-relative).'),
    ignore: list('Globs under the service path whose changes do not affect it (e.g. **/*.md).'),
    routing: obj('How the load balancer reaches the service.', {
        public: bool('Reachable through the public ALB.'),
        pathPatterns: list('ALB path patterns routed to it, e.g. /auth/*.', { type: 'string', pattern: '^/' }),
        priority: int('Listener rule priority.', 1, 50000),
    }),
    alarms: list('CloudWatch alarm names that must not be in ALARM after a deploy (defaults: alarms named after the service).'),
    deployVia: { type: 'string', enum: ['ecs', 'cloudformation'], default: 'ecs', description: 'ecs: tierdeploy updates the ECS service. cloudformation: it updates the stack that owns the service.' },
    cloudformation: obj('The stack that owns a deployVia: cloudformation service.', {
        stack: str('Stack name.', { minLength: 1 }),
        imageParameter: str('Stack parameter that carries the image.', { minLength: 1 }),
    }, ['stack', 'imageParameter']),
    ecr: obj('The image repository.', {
        repository: str('ECR repository name (defaults to PLATFORM/SERVICE).'),
        create: bool('build-push may create the repository when missing.'),
    }),
});
const tier = obj('A deploy tier.', {
    id: int('Tier number; lower tiers deploy first.', 1, 9),
    name: str('Short name, e.g. core.', { minLength: 1 }),
    description: str('What the tier holds.'),
    optional: bool('Services of this tier deploy only in environments that enable them (optionalServices).', false),
}, ['id', 'name']);
const catalogSchema = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://github.com/tierdeploy/tierdeploy/catalog/schema.json',
    title: 'tierdeploy service catalog (catalog/services.yaml)',
    type: 'object',
    additionalProperties: false,
    required: ['tiers', 'services'],
    properties: {
        version: { type: 'integer', enum: [1], description: 'Catalog format version.' },
        platform: str('Platform name, used in resource names.', { pattern: SERVICE_NAME_PATTERN }),
        description: str('What the platform is.'),
        tiers: { type: 'array', description: 'Deploy tiers, lowest first.', items: tier, minItems: 1 },
        globalPaths: list('Files or globs whose change affects every service.'),
        defaults: obj('Settings every service gets unless it sets its own.', {
            ...tunables,
            container: service.properties.container,
            healthCheck,
            build: service.properties.build,
            ignore: service.properties.ignore,
        }),
        services: { type: 'object', description: 'Services by name.', propertyNames: { type: 'string', pattern: SERVICE_NAME_PATTERN }, additionalProperties: service },
    },
};
const override = obj('Per-service settings for this environment.', {
    ...tunables,
    enabled: bool('Enable (an optional-tier service) or disable the service in this environment.'),
    healthCheck,
});
const environmentSchema = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://github.com/tierdeploy/tierdeploy/catalog/environment.schema.json',
    title: 'tierdeploy environment (catalog/environments/ENV.yaml)',
    type: 'object',
    additionalProperties: false,
    required: ['name', 'region'],
    properties: {
        name: str('Environment name; must match the file name.', { pattern: SERVICE_NAME_PATTERN }),
        description: str('What the environment is for.'),
        account: str('AWS account ID.', { pattern: '^\\d{12}$' }),
        region: str('AWS region.', { pattern: '^[a-z]{2}(-gov)?-[a-z]+-\\d$' }),
        cluster: { ...reference, description: 'ECS cluster name or ARN.' },
        roleArn: { ...reference, description: 'IAM role that deploys, assumed with GitHub OIDC.' },
        buildRoleArn: str('IAM role of the jobs before the approval (Terraform plan, image builds): reads state, pushes images, changes nothing that runs. deploy.yml falls back to roleArn without it.', { pattern: '^arn:aws[a-z-]*:iam::\\d{12}:role/.+' }),
        requireApproval: bool('Deploys wait for a reviewer (a GitHub environment with required reviewers).', false),
        url: str('Base URL of the environment, for health checks and the GitHub deployment.'),
        branches: list('Git branches (globs) that deploy to this environment.'),
        tags: list('Git tag patterns (globs) that deploy to this environment.'),
        promotesFrom: str('Environment whose verified images this one receives (production from staging).'),
        optionalServices: list('Services of optional tiers enabled here (names, aliases, or * for all).'),
        defaults: obj('Settings for every service in this environment.', { ...tunables }),
        services: { type: 'object', description: 'Per-service overrides.', additionalProperties: override },
        network: obj('Where tasks run.', {
            vpcCidr: str('VPC CIDR block (Terraform).', { pattern: '^\\d+\\.\\d+\\.\\d+\\.\\d+/\\d+$' }),
            natGateways: { type: 'string', enum: ['single', 'per-az'], description: 'One NAT gateway, or one per availability zone.' },
            subnets: list('Private subnet IDs for tasks.', reference),
            securityGroups: list('Security group IDs for tasks.', reference),
            assignPublicIp: bool('Give tasks public IPs (never in production).'),
        }),
        serviceConnectNamespace: { ...reference, description: 'Cloud Map namespace for Service Connect.' },
        logGroup: { ...reference, description: 'CloudWatch Logs group prefix.' },
        ssmPrefix: str('SSM Parameter Store prefix of this environment\'s configuration.', { pattern: '^/' }),
        businessHours: obj('When business-hours services run.', {
            timezone: str('IANA time zone, e.g. America/Toronto.'),
            start: str('Start, HH:MM.', { pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' }),
            end: str('End, HH:MM.', { pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' }),
            days: list('Days, mon..sun.', { type: 'string', enum: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] }),
        }),
        terraform: obj('The Terraform root of this environment and what to give it. Paths are relative to the repository (the catalog directory\'s parent).', {
            workingDirectory: str('Root module directory (default terraform/environments/ENV).', { minLength: 1 }),
            varFiles: list('-var-file files for plans, in order. The one named catalog.tfvars.json (or catalog.auto.tfvars.json) is where `tierdeploy terraform-vars` writes the catalog\'s values; without one, that is WORKING_DIRECTORY/catalog.auto.tfvars.json.'),
            backendConfig: list('-backend-config files (or key=value pairs) for terraform init: which state this environment uses.'),
            stateBucket: str('S3 bucket holding the state.'),
            stateKey: str('Key of this environment\'s state.'),
        }),
    },
};
/** The schema file written to catalog/schema.json: the catalog, with the environment schema under $defs. */
function catalogSchemaDocument() {
    return { ...catalogSchema, $defs: { environment: environmentSchema } };
}


/***/ }),

/***/ 5753:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H6: () => (/* binding */ unknownNameHint),
/* harmony export */   au: () => (/* binding */ didYouMean),
/* harmony export */   g9: () => (/* binding */ closestNames)
/* harmony export */ });
/* unused harmony export editDistance */
/** Optimal string alignment distance (Levenshtein plus adjacent transposition), case-insensitive. */
function editDistance(a, b) {
    a = a.toLowerCase();
    b = b.toLowerCase();
    if (a === b)
        return 0;
    const rows = a.length + 1;
    const cols = b.length + 1;
    const d = new Array(rows * cols).fill(0);
    for (let i = 0; i < rows; i++)
        d[i * cols] = i;
    for (let j = 0; j < cols; j++)
        d[j] = j;
    for (let i = 1; i < rows; i++) {
        for (let j = 1; j < cols; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let v = Math.min(d[(i - 1) * cols + j] + 1, d[i * cols + j - 1] + 1, d[(i - 1) * cols + j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
                v = Math.min(v, d[(i - 2) * cols + j - 2] + 1);
            d[i * cols + j] = v;
        }
    }
    return d[rows * cols - 1];
}
/**
 * The candidates nearest to `word`: the closest in spelling (and any nearly as close), or else those containing
 * it (so `pay` finds `indigenious-payment-service`). At most `limit`, nearest first.
 */
function closestNames(word, candidates, limit = 3) {
    const w = word.toLowerCase();
    const threshold = Math.max(1, Math.floor(w.length / 3));
    const spelled = [];
    const containing = [];
    for (const name of candidates) {
        const n = name.toLowerCase();
        const distance = editDistance(w, n);
        if (distance <= threshold)
            spelled.push({ name, score: distance });
        else if (w.length >= 3 && n.includes(w))
            containing.push({ name, score: n.length - w.length });
    }
    const byScore = (x, y) => x.score - y.score || x.name.localeCompare(y.name);
    if (spelled.length) {
        spelled.sort(byScore);
        const best = spelled[0].score;
        return spelled.filter((s) => s.score <= best + 1).slice(0, limit).map((s) => s.name);
    }
    return containing.sort(byScore).slice(0, limit).map((s) => s.name);
}
function didYouMean(word, candidates) {
    const near = closestNames(word, candidates);
    return near.length ? `did you mean ${near.map((n) => `'${n}'`).join(' or ')}?` : undefined;
}
/** A hint for a name that matches nothing: the near names, or else the few nearest in spelling, so there is always one. */
function unknownNameHint(word, candidates) {
    const all = [...candidates];
    const near = didYouMean(word, all);
    if (near)
        return near;
    const nearest = all
        .map((name) => ({ name, distance: editDistance(word, name) }))
        .sort((x, y) => x.distance - y.distance || x.name.localeCompare(y.name))
        .slice(0, 3)
        .map((n) => `'${n.name}'`);
    return nearest.length ? `no similar name; the closest are ${nearest.join(', ')}` : 'the catalog defines no services';
}


/***/ }),

/***/ 7109:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AM: () => (/* binding */ stringFlag),
/* harmony export */   bQ: () => (/* binding */ parseFlags),
/* harmony export */   ll: () => (/* binding */ refuseTogether)
/* harmony export */ });
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5753);
/* harmony import */ var _cli_io_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7801);



/** Parses flags strictly; an unknown flag or a missing value is a UsageError that suggests the near flag. */
function parseFlags(args, options) {
    try {
        // No command takes positional arguments: a stray word (`plan auth` for `plan --service auth`) is a mistake to
        // report, not something to ignore.
        const { values, positionals, tokens } = (0,node_util__WEBPACK_IMPORTED_MODULE_0__.parseArgs)({ args, options, strict: true, allowPositionals: false, tokens: true });
        refuseRepeatedValues(tokens, options);
        return { values: values, positionals };
    }
    catch (e) {
        if (e instanceof _cli_io_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .e)
            throw e;
        const message = e.message;
        const unknown = /Unknown option '(-{1,2}[^']+)'/.exec(message)?.[1];
        if (unknown) {
            const near = (0,_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_2__/* .closestNames */ .g9)(unknown.replace(/^-+/, ''), Object.keys(options));
            throw new _cli_io_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .e(`unknown option ${unknown}${near.length ? `; did you mean ${near.map((n) => `--${n}`).join(' or ')}?` : ''}`);
        }
        const stray = /Unexpected argument '([^']*)'/.exec(message)?.[1];
        if (stray !== undefined)
            throw new _cli_io_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .e(`unexpected argument '${stray}': this command takes only --options${/^[a-z0-9-]+$/.test(stray) ? ` (a service is named with --service ${stray})` : ''}`);
        throw new _cli_io_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .e(message.replace(/\. To specify a positional argument.*$/s, ''));
    }
}
function stringFlag(values, name) {
    const v = values[name];
    return typeof v === 'string' ? v : undefined;
}
/**
 * A single-value flag given twice (`--tier 1 --tier 2`) would silently keep the last: refuse it, naming the flag.
 * Repeating a switch (`--json --json`) changes nothing and is accepted.
 */
function refuseRepeatedValues(tokens, options) {
    const seen = new Map();
    for (const token of tokens) {
        if (token.kind !== 'option' || options[token.name]?.type !== 'string' || options[token.name]?.multiple)
            continue;
        const earlier = seen.get(token.name);
        if (earlier !== undefined)
            throw new _cli_io_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .e(`--${token.name} is given twice (${earlier} and ${token.value ?? ''}): it takes one value; give it once`);
        seen.set(token.name, token.value ?? '');
    }
}
/** Refuses flags that are alternatives to each other (`--env` or `--ref`), naming both. */
function refuseTogether(values, a, b, why) {
    if (values[a] !== undefined && values[b] !== undefined)
        throw new _cli_io_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .e(`give --${a} or --${b}, not both: ${why}`);
}


/***/ }),

/***/ 8833:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   run: () => (/* binding */ run),
/* harmony export */   usage: () => (/* binding */ usage)
/* harmony export */ });
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4884);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7109);


const usage = 'tierdeploy schema    (prints the catalog JSON Schema; npm run build writes it to catalog/schema.json)';
async function run(args, io) {
    // It takes no options; parsing anyway turns a typo into a usage error rather than silence.
    (0,_args_js__WEBPACK_IMPORTED_MODULE_0__/* .parseFlags */ .bQ)(args, {});
    io.stdout(JSON.stringify((0,_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_1__/* .catalogSchemaDocument */ .ql)(), null, 2));
    return 0;
}


/***/ })

},
 } })

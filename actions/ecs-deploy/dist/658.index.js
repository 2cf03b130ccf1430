export const id = 658;
export const ids = [658];
export const modules = {

/***/ 9161:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $I: () => (/* binding */ makeIamClient),
/* harmony export */   C4: () => (/* binding */ makeSecretsManagerClient),
/* harmony export */   Gz: () => (/* binding */ DEFAULT_MAX_ATTEMPTS),
/* harmony export */   Iv: () => (/* binding */ makeEc2Client),
/* harmony export */   K4: () => (/* binding */ makeServiceQuotasClient),
/* harmony export */   PA: () => (/* binding */ makeSsmClient),
/* harmony export */   Tw: () => (/* binding */ makeElbClient),
/* harmony export */   ff: () => (/* binding */ MIN_SEND_RATE),
/* harmony export */   mE: () => (/* binding */ makeCloudWatchClient),
/* harmony export */   mg: () => (/* binding */ makeEcrClient),
/* harmony export */   rw: () => (/* binding */ awsClientConfig)
/* harmony export */ });
/* harmony import */ var _smithy_core_retry__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3609);

const DEFAULT_MAX_ATTEMPTS = 10;
/**
 * Lowest send rate (requests/s) the adaptive limiter may fall to. The SDK's default floor is 0.5/s: a burst of
 * ThrottlingExceptions would then stretch a 200-service deploy (400 writes) over many minutes, while AWS's
 * sustained quotas are far above that. 10/s keeps the client polite without stalling.
 */
const MIN_SEND_RATE = 10;
/**
 * The configuration of every AWS client tierdeploy makes, one rule for all services: the SDK's adaptive retry mode
 * (on throttling it backs off and also slows its own send rate, a token bucket shared by every call of the client),
 * 10 attempts, and a floor on the send rate. Credentials come from the standard chain (OIDC through
 * aws-actions/configure-aws-credentials, profiles, environment).
 */
function awsClientConfig(options = {}) {
    const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    return {
        retryMode: 'adaptive',
        maxAttempts,
        // A number, not a provider: with options and a provider the strategy silently falls back to 3 attempts.
        retryStrategy: new _smithy_core_retry__WEBPACK_IMPORTED_MODULE_0__.AdaptiveRetryStrategy(maxAttempts, { rateLimiter: new _smithy_core_retry__WEBPACK_IMPORTED_MODULE_0__.DefaultRateLimiter({ minFillRate: MIN_SEND_RATE, minCapacity: MIN_SEND_RATE }) }),
        ...(options.region ? { region: options.region } : {}),
        ...(options.endpoint ? { endpoint: options.endpoint } : {}),
        ...(options.profile ? { profile: options.profile } : {}),
    };
}
/** An ECR client (loaded on first use: commands that never touch ECR never load its SDK). */
async function makeEcrClient(options = {}) {
    const { ECRClient } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 8249, 19));
    return new ECRClient(awsClientConfig(options));
}
async function makeElbClient(options = {}) {
    const { ElasticLoadBalancingV2Client } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 586, 19));
    return new ElasticLoadBalancingV2Client(awsClientConfig(options));
}
async function makeCloudWatchClient(options = {}) {
    const { CloudWatchClient } = await __webpack_require__.e(/* import() */ 85).then(__webpack_require__.t.bind(__webpack_require__, 4085, 19));
    return new CloudWatchClient(awsClientConfig(options));
}
/** Secrets Manager (preflight reads secret metadata with DescribeSecret, never values). */
async function makeSecretsManagerClient(options = {}) {
    const { SecretsManagerClient } = await __webpack_require__.e(/* import() */ 994).then(__webpack_require__.t.bind(__webpack_require__, 2994, 19));
    return new SecretsManagerClient(awsClientConfig(options));
}
/** SSM Parameter Store (preflight reads parameter names with DescribeParameters, never values). */
async function makeSsmClient(options = {}) {
    const { SSMClient } = await __webpack_require__.e(/* import() */ 736).then(__webpack_require__.t.bind(__webpack_require__, 4736, 19));
    return new SSMClient(awsClientConfig(options));
}
/** IAM is global; the region only picks the endpoint's partition. */
async function makeIamClient(options = {}) {
    const { IAMClient } = await __webpack_require__.e(/* import() */ 764).then(__webpack_require__.t.bind(__webpack_require__, 6764, 19));
    return new IAMClient(awsClientConfig(options));
}
async function makeServiceQuotasClient(options = {}) {
    const { ServiceQuotasClient } = await __webpack_require__.e(/* import() */ 924).then(__webpack_require__.t.bind(__webpack_require__, 2924, 19));
    return new ServiceQuotasClient(awsClientConfig(options));
}
async function makeEc2Client(options = {}) {
    const { EC2Client } = await __webpack_require__.e(/* import() */ 193).then(__webpack_require__.t.bind(__webpack_require__, 5193, 19));
    return new EC2Client(awsClientConfig(options));
}


/***/ }),

/***/ 2147:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I$: () => (/* binding */ DEFAULT_REPLICA_WAIT_MS),
/* harmony export */   TI: () => (/* binding */ parseEcrImage),
/* harmony export */   _X: () => (/* binding */ resolveReplicas)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8249);
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2332);
/* harmony import */ var _ecs_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5552);
/* harmony import */ var _ecs_concurrency_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3600);




const ECR_IMAGE = /^(\d{12})\.dkr\.ecr(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/([a-z0-9][a-z0-9._\-/]*)(?::([\w][\w.-]{0,127}))?(?:@(sha256:[a-f0-9]{64}))?$/;
/** The parts of an ECR image reference; undefined for any other registry (GHCR, Docker Hub, a private registry). */
function parseEcrImage(image) {
    const m = ECR_IMAGE.exec(image);
    if (!m)
        return undefined;
    return { account: m[1], region: m[2], repository: m[3], ...(m[4] ? { tag: m[4] } : {}), ...(m[5] ? { digest: m[5] } : {}) };
}
/** ECR replicates most images within 30 minutes; a promotion normally waits for images pushed long before. */
const DEFAULT_REPLICA_WAIT_MS = 10 * 60_000;
const DEFAULT_REPLICA_POLL_MS = 15_000;
/**
 * The images a deploy to `destination` runs, every one pullable there. Environments live in separate accounts
 * (staging in one, production in another), and production's task execution role may pull only from its own
 * registry: so an ECR image of another account or region is exchanged for the same digest in the destination's
 * registry, where ECR replication (terraform/modules/ecr `replication_destinations`) has copied it. The digest is
 * what was tested, so the bytes are the same; nothing is rebuilt or re-pushed. A replica that does not arrive within
 * `waitMs` refuses the deploy, naming every missing image, before anything is written. Images of other registries
 * (GHCR, Docker Hub) are left as they are: their access does not depend on the AWS account.
 */
async function resolveReplicas(images, destination, effects, options = {}) {
    const out = { ...images };
    const wanted = [];
    const problems = [];
    for (const [service, image] of Object.entries(images)) {
        const ref = parseEcrImage(image);
        if (!ref || (ref.account === destination.account && ref.region === destination.region))
            continue;
        if (!ref.digest) {
            problems.push(`${service}: ${image} is in account ${ref.account} (${ref.region}), not ${destination.environment}'s ${destination.account} (${destination.region}), and has no digest: only an image pinned by digest can be taken from a replica`);
            continue;
        }
        const to = `${destination.account}.dkr.ecr.${destination.region}.amazonaws.com/${ref.repository}@${ref.digest}`;
        wanted.push({ service, from: image, ref: ref, to });
    }
    if (problems.length)
        throw new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`cannot deploy to ${destination.environment}:\n  ${problems.join('\n  ')}`);
    if (wanted.length === 0)
        return { images: out, moved: [] };
    const waitMs = options.waitMs ?? DEFAULT_REPLICA_WAIT_MS;
    const pollMs = options.pollMs ?? DEFAULT_REPLICA_POLL_MS;
    const deadline = effects.clock.now() + waitMs;
    let pending = wanted;
    for (;;) {
        const missing = [];
        await (0,_ecs_concurrency_js__WEBPACK_IMPORTED_MODULE_1__/* .mapWithConcurrency */ .WS)(pending, 10, async (w) => {
            if (!(await replicaExists(w.ref, destination, effects.ecr)))
                missing.push(w);
        });
        if (missing.length === 0)
            break;
        if (effects.clock.now() + pollMs > deadline) {
            const lines = missing
                .sort((a, b) => a.service.localeCompare(b.service))
                .map((w) => `${w.service}: ${w.ref.repository}@${w.ref.digest} (from account ${w.ref.account}, ${w.ref.region})`);
            throw new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`cannot deploy to ${destination.environment}: ${missing.length} image(s) are not in its registry (account ${destination.account}, ${destination.region}) after waiting ${Math.round(waitMs / 60_000)} min for ECR replication:\n  ${lines.join('\n  ')}\n` +
                `Production pulls only from its own account: replicate the source environment's repositories to it (terraform/modules/ecr replication_destinations, with the destination's registry policy), or push these digests there. Nothing was deployed.`);
        }
        effects.log.info(`waiting for ECR replication of ${missing.length} image(s) into ${destination.account} (${destination.region}): ${missing.map((w) => w.service).join(', ')}`);
        await effects.clock.sleep(pollMs);
        pending = missing;
    }
    for (const w of wanted)
        out[w.service] = w.to;
    const moved = wanted.map((w) => ({ service: w.service, from: w.from, to: w.to }));
    for (const m of moved)
        effects.log.info(`${m.service}: runs ${m.to}, the replica in ${destination.environment}'s registry of ${m.from}`);
    return { images: out, moved };
}
async function replicaExists(ref, destination, ecr) {
    try {
        const found = await ecr.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_2__/* .DescribeImagesCommand */ .ji5({ registryId: destination.account, repositoryName: ref.repository, imageIds: [{ imageDigest: ref.digest }] }));
        return (found.imageDetails ?? []).some((d) => d.imageDigest === ref.digest);
    }
    catch (e) {
        const name = e instanceof Error ? e.name : '';
        // Replication creates the destination repository with the first image it copies.
        if (name === 'ImageNotFoundException' || name === 'RepositoryNotFoundException')
            return false;
        if (name === 'AccessDeniedException' || name === 'AccessDenied') {
            throw new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${destination.environment}'s credentials may not read ECR repository ${ref.repository} in account ${destination.account} (${(0,_ecs_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .describeErrorOf */ .V9)(e)}): grant the deploy role ecr:DescribeImages on its repositories`);
        }
        throw e;
    }
}


/***/ }),

/***/ 6076:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   r: () => (/* binding */ makeEcsClient)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(212);
/* harmony import */ var _client_config_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9161);


/**
 * An ECS client with the one AWS client configuration (awsClientConfig): adaptive retries, so a 60-service tier
 * sharing one client stays under ECS's per-account API rates.
 */
function makeEcsClient(options = {}) {
    return new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_0__/* .ECSClient */ .Zgc((0,_client_config_js__WEBPACK_IMPORTED_MODULE_1__/* .awsClientConfig */ .rw)(options));
}


/***/ }),

/***/ 3600:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Te: () => (/* binding */ throwIfAborted),
/* harmony export */   WS: () => (/* binding */ mapWithConcurrency),
/* harmony export */   bp: () => (/* binding */ sleepUnlessAborted),
/* harmony export */   jH: () => (/* binding */ allOrAbort)
/* harmony export */ });
/* harmony import */ var node_events__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8474);
/* harmony import */ var node_events__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_events__WEBPACK_IMPORTED_MODULE_0__);

/**
 * Runs `work` over `items` with at most `limit` at a time; results keep the items' order. After one item throws, no
 * further item starts (the ones in flight finish) and the first error is thrown.
 */
async function mapWithConcurrency(items, limit, work) {
    const results = new Array(items.length);
    let next = 0;
    let failed = false;
    const worker = async () => {
        while (!failed && next < items.length) {
            const i = next++;
            try {
                results[i] = await work(items[i], i);
            }
            catch (e) {
                failed = true;
                throw e;
            }
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
    return results;
}
/**
 * `Promise.all` that cancels: each task gets a signal that aborts (with the error as its reason) as soon as one task
 * throws, or when `parent` aborts, and the first error is thrown at once. Plain `Promise.all` also rejects at once,
 * but leaves the other checks polling AWS until their own deadline (issue 13, item 11).
 */
async function allOrAbort(tasks, parent) {
    const controller = new AbortController();
    // Every task (a gate of 60 services has 60) listens on this signal while it waits: not a leak.
    (0,node_events__WEBPACK_IMPORTED_MODULE_0__.setMaxListeners)(0, controller.signal);
    const forward = () => controller.abort(parent.reason);
    if (parent?.aborted)
        controller.abort(parent.reason);
    else
        parent?.addEventListener('abort', forward, { once: true });
    try {
        return await Promise.all(tasks.map(async (task) => {
            try {
                return await task(controller.signal);
            }
            catch (e) {
                if (!controller.signal.aborted)
                    controller.abort(e);
                throw e;
            }
        }));
    }
    finally {
        parent?.removeEventListener('abort', forward);
    }
}
/** Throws the signal's reason when it has been aborted: call before each AWS call or poll of a cancellable loop. */
function throwIfAborted(signal) {
    if (signal?.aborted)
        throw signal.reason;
}
/**
 * `clock.sleep(ms)` that ends early, throwing the signal's reason, when `signal` aborts. The catalog's Clock takes no
 * signal, so a system-clock timer may still run out in the background; the sleeper no longer waits for it.
 */
async function sleepUnlessAborted(clock, ms, signal) {
    throwIfAborted(signal);
    if (!signal)
        return clock.sleep(ms);
    let onAbort;
    const aborted = new Promise((_, reject) => {
        onAbort = () => reject(signal.reason);
        signal.addEventListener('abort', onAbort, { once: true });
    });
    try {
        await Promise.race([clock.sleep(ms), aborted]);
    }
    finally {
        signal.removeEventListener('abort', onAbort);
    }
}


/***/ }),

/***/ 5552:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dw: () => (/* binding */ awsSetupError),
/* harmony export */   V9: () => (/* binding */ describeErrorOf),
/* harmony export */   mZ: () => (/* binding */ SessionExpiredError),
/* harmony export */   m_: () => (/* binding */ configurationErrorOf),
/* harmony export */   qD: () => (/* binding */ sessionExpiredError),
/* harmony export */   wD: () => (/* binding */ rethrowConfigurationError)
/* harmony export */ });
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2332);

/** `Name: message` of an AWS SDK error (or anything thrown). */
function describeErrorOf(e) {
    if (e instanceof Error)
        return e.name && e.name !== 'Error' ? `${e.name}: ${e.message}` : e.message;
    return String(e);
}
/**
 * How AWS says the session behind the credentials has ended: ExpiredToken (STS and query APIs), ExpiredTokenException
 * (ECS and the other JSON APIs), RequestExpired (EC2-style APIs).
 */
const SESSION_EXPIRED = /^(ExpiredToken|ExpiredTokenException|RequestExpired)$/;
/**
 * The AWS session ended part-way through a step: the role's credentials last `role-duration-seconds` (one hour by
 * default in aws-actions/configure-aws-credentials), and a long wait or rollback outlives them. Nothing the step can
 * retry fixes it, so it ends the step as a configuration error saying what to raise. `results` is what the step had
 * done by then, when the caller knows (ecs-deploy still writes it, so a later job can roll back what was changed).
 */
class SessionExpiredError extends _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1 {
    results;
}
/** A SessionExpiredError for an expired-session answer from AWS (`calling`: what was being called); undefined otherwise. */
function sessionExpiredError(e, calling) {
    if (e instanceof SessionExpiredError)
        return e;
    if (!(e instanceof Error) || !SESSION_EXPIRED.test(e.name))
        return undefined;
    return new SessionExpiredError(`the AWS session expired during the step (${calling}: ${describeErrorOf(e)}): the credentials aws-actions/configure-aws-credentials gives last role-duration-seconds (1 hour by default); raise the workflow's 'role-duration-seconds' input, and the IAM role's MaxSessionDuration to at least as much (AWS refuses a longer session than the role allows)`);
}
/**
 * AWS errors that come from configuration (a wrong cluster name, missing permissions, no credentials, a session
 * that expired) as ConfigurationErrors that say what to fix; undefined for anything else, which the caller handles.
 */
function configurationErrorOf(e, where) {
    const expired = sessionExpiredError(e, `ECS${where.service ? ` for ${where.service}` : ''} in cluster '${where.cluster}'`);
    if (expired)
        return expired;
    const name = e instanceof Error ? e.name : '';
    if (name === 'ClusterNotFoundException') {
        return new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`ECS cluster '${where.cluster}' not found: check 'cluster' in the environment file (or the cluster input / --cluster) and the AWS region`);
    }
    if (name === 'CredentialsProviderError') {
        return new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`no AWS credentials: run aws-actions/configure-aws-credentials before this step (GitHub), or set AWS_PROFILE / AWS_ACCESS_KEY_ID (locally) (${describeErrorOf(e)})`);
    }
    if (name === 'AccessDeniedException' || name === 'AccessDenied' || name === 'UnrecognizedClientException') {
        return new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`AWS refused the call${where.service ? ` for ${where.service}` : ''} in cluster '${where.cluster}' (${describeErrorOf(e)}): check the deploy role's permissions (see docs/ecs-deploy.md, IAM permissions)`);
    }
    return undefined;
}
/** Throws configurationErrorOf(e) when there is one; returns otherwise. */
function rethrowConfigurationError(e, where) {
    const configuration = configurationErrorOf(e, where);
    if (configuration)
        throw configuration;
}
const NETWORK_CODES = /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH)$/;
/**
 * Set-up problems any AWS call can hit, whatever the service: no credentials, credentials AWS rejects, or an endpoint
 * out of reach (wrong region or AWS_ENDPOINT_URL_*, no network). A ConfigurationError naming `service` and what to
 * check, or undefined for any other error (which the caller classifies or rethrows).
 */
function awsSetupError(e, service) {
    const expired = sessionExpiredError(e, service);
    if (expired)
        return expired;
    const code = e?.code;
    const name = e instanceof Error ? e.name : '';
    if ((typeof code === 'string' && NETWORK_CODES.test(code)) || name === 'TimeoutError') {
        return new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`could not reach AWS ${service} (${describeErrorOf(e)}): check the network, the region and any AWS_ENDPOINT_URL* variable`);
    }
    if (name === 'CredentialsProviderError') {
        return new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`no AWS credentials for ${service} (${e.message}); in a workflow, run aws-actions/configure-aws-credentials first; locally, set AWS_PROFILE or the AWS_* variables`);
    }
    if (/^(UnrecognizedClientException|InvalidClientTokenId|InvalidSignatureException)$/.test(name)) {
        return new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`AWS rejected the credentials for ${service} (${describeErrorOf(e)}): refresh them or check the role`);
    }
    return undefined;
}


/***/ }),

/***/ 7715:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  K3: () => (/* reexport */ parse_inputs/* IMAGE_DIGEST_PATTERN */.K3),
  uY: () => (/* binding */ READ_ONLY_TASK_DEFINITION_FIELDS),
  t: () => (/* binding */ TERRAFORM_VARIABLES),
  Qf: () => (/* binding */ chooseBaseRevision),
  n2: () => (/* binding */ diffTaskDefinitions),
  SN: () => (/* reexport */ parse_inputs/* isDigestImage */.SN),
  DD: () => (/* binding */ registrationOf),
  P9: () => (/* binding */ renderTaskDefinition),
  YG: () => (/* binding */ sameRegistration)
});

// EXTERNAL MODULE: ./packages/catalog/src/errors.ts
var errors = __webpack_require__(2332);
;// CONCATENATED MODULE: ./packages/catalog/src/canonical-json.ts
/** JSON with object keys sorted at every level, so two equal values serialise alike whatever their key order. */
function canonicalJson(value) {
    if (Array.isArray(value))
        return `[${value.map(canonicalJson).join(',')}]`;
    if (value !== null && typeof value === 'object') {
        const record = value;
        return `{${Object.keys(record).sort().filter((k) => record[k] !== undefined).map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
    }
    return JSON.stringify(value) ?? 'null';
}

// EXTERNAL MODULE: ./packages/aws/src/ecs/rollout.ts
var rollout = __webpack_require__(3274);
// EXTERNAL MODULE: ./packages/aws/src/ecs/parse-inputs.ts
var parse_inputs = __webpack_require__(9648);
;// CONCATENATED MODULE: ./packages/aws/src/ecs/render.ts


/** Fields DescribeTaskDefinition returns that RegisterTaskDefinition does not accept. */
const READ_ONLY_TASK_DEFINITION_FIELDS = [
    'taskDefinitionArn',
    'revision',
    'status',
    'requiresAttributes',
    'compatibilities',
    'registeredAt',
    'registeredBy',
    'deregisteredAt',
];

/** The registration input that reproduces a described task definition: read-only and empty fields removed. */
function registrationOf(taskDefinition) {
    const copy = structuredClone(taskDefinition);
    for (const field of READ_ONLY_TASK_DEFINITION_FIELDS)
        delete copy[field];
    return pruneEmpty(copy);
}
/**
 * Variables and secrets the environment roots add to the catalog's (terraform/platform/main.tf: the SSM
 * prefix, and the data-store credentials of a service that depends on the database or the cache). The catalog does not
 * know their values, so a deploy takes them from the base revision Terraform registered; every other name of the
 * service container belongs to the catalog. A test checks this list against the roots.
 */
const TERRAFORM_VARIABLES = { environment: ['DATABASE_USER', 'DOCUMENTS_BUCKET', 'REDIS_USER', 'SSM_PREFIX'], secrets: [] };
/**
 * The task definition to register: the base with the catalog's settings rendered over it, authoritatively, so that a
 * setting removed from the catalog is removed from the tasks:
 * - task `cpu` and `memory`;
 * - the service container's environment and secret references: exactly the catalog's, plus TERRAFORM_VARIABLES as the
 *   base has them (names kept in the base's order, new ones appended by name);
 * - the service container's port (see renderPort);
 * - the service container's image (see RenderRequest.image).
 * Everything else (sidecars, roles, logging, volumes, runtime platform) comes from the base unchanged. The catalog's
 * health check is the load balancer's (path, status, thresholds): nothing of it belongs in the task definition.
 */
function renderTaskDefinition(request) {
    const { settings } = request;
    const next = registrationOf(request.base);
    const containers = next.containerDefinitions ?? [];
    const container = containers.find((c) => c.name === settings.containerName);
    if (!container) {
        const names = containers.map((c) => c.name).join(', ');
        throw new errors/* ConfigurationError */.j1(`${request.service}: task definition ${request.base.taskDefinitionArn ?? request.base.family} has no container '${settings.containerName}' (it has ${names || 'none'}); set container.name of ${request.service} in the catalog to the container that runs the service`);
    }
    const image = request.image ?? request.running.containerDefinitions?.find((c) => c.name === settings.containerName)?.image;
    if (image === undefined) {
        throw new errors/* ConfigurationError */.j1(`${request.service}: no image given, and the running task definition ${request.running.taskDefinitionArn ?? request.running.family} has no container '${settings.containerName}' to keep the image of; give ${request.service} an image to deploy`);
    }
    container.image = image;
    next.cpu = String(settings.cpu);
    next.memory = String(settings.memory);
    const environment = ownedPairs(container.environment ?? [], settings.environment, TERRAFORM_VARIABLES.environment, (name, value) => ({ name, value }), (p) => p.value);
    const secrets = ownedPairs(container.secrets ?? [], settings.secrets, TERRAFORM_VARIABLES.secrets, (name, valueFrom) => ({ name, valueFrom }), (p) => p.valueFrom);
    setOrDelete(container, 'environment', environment);
    setOrDelete(container, 'secrets', secrets);
    renderPort(container, settings.port);
    return next;
}
function setOrDelete(container, key, list) {
    if (list.length)
        container[key] = list;
    else
        delete container[key];
}
/**
 * The catalog's pairs plus the base's Terraform-owned ones, and nothing else. Names the base has keep their place (so
 * an unchanged catalog renders an identical list, and no revision is registered for a new order); new ones are
 * appended in name order. The catalog wins where it sets a Terraform-owned name too, as the roots' merge() does.
 */
function ownedPairs(base, catalog, terraform, make, valueOf) {
    const out = [];
    for (const p of base) {
        if (p.name === undefined)
            continue;
        if (p.name in catalog)
            out.push(valueOf(p) === catalog[p.name] ? p : make(p.name, catalog[p.name]));
        else if (terraform.includes(p.name))
            out.push(p);
    }
    const have = new Set(base.map((p) => p.name));
    for (const name of Object.keys(catalog).sort())
        if (!have.has(name))
            out.push(make(name, catalog[name]));
    return out;
}
/**
 * Sets the catalog's port on the service container's mapping named `http` (as the ecs-service module names it) or
 * its first one, and adds an `http` mapping when the container has none. A catalog without a port leaves the mappings
 * as the base has them: the service's load balancer and Service Connect name the port, and ECS refuses to run the
 * service on a revision without it, so removing a port is Terraform's change (the service's configuration and a
 * revision without the mapping), which reaches the tasks through the base.
 */
function renderPort(container, port) {
    if (port === undefined)
        return;
    const mappings = container.portMappings ?? [];
    const mapping = mappings.find((m) => m.name === 'http') ?? mappings[0];
    if (!mapping) {
        container.portMappings = [{ name: 'http', containerPort: port, protocol: 'tcp', appProtocol: 'http' }];
        return;
    }
    // awsvpc tasks repeat the container port as the host port; a bridge-mode dynamic host port (0) stays.
    if (mapping.hostPort !== undefined && mapping.hostPort === mapping.containerPort)
        mapping.hostPort = port;
    mapping.containerPort = port;
}
/** Whether two registrations would produce the same task definition (key order and empty lists aside). */
function sameRegistration(a, b) {
    return canonicalJson(withoutTags(a)) === canonicalJson(withoutTags(b));
}
function withoutTags(r) {
    const { tags: _tags, ...rest } = r;
    return pruneEmpty(rest);
}
/**
 * What registering `next` would change compared with `current`, one line per leaf: `~ path: old -> new`,
 * `+ path: value`, `- path: value`. Containers, environment variables and secrets are keyed by name.
 */
function diffTaskDefinitions(current, next) {
    const before = flatten(withoutTags(current));
    const after = flatten(withoutTags(next));
    const lines = [];
    for (const [path, value] of after) {
        const old = before.get(path);
        if (old === undefined)
            lines.push(`+ ${path}: ${value}`);
        else if (old !== value)
            lines.push(`~ ${path}: ${old} -> ${value}`);
    }
    for (const [path, value] of before)
        if (!after.has(path))
            lines.push(`- ${path}: ${value}`);
    return lines;
}
function flatten(value, path = '', out = new Map()) {
    if (Array.isArray(value)) {
        const named = value.every((v) => v && typeof v === 'object' && typeof v.name === 'string');
        value.forEach((v, i) => flatten(v, named ? `${path}[${v.name}]` : `${path}[${i}]`, out));
    }
    else if (value && typeof value === 'object') {
        for (const [k, v] of Object.entries(value))
            flatten(v, path ? `${path}.${k}` : k, out);
    }
    else
        out.set(path, JSON.stringify(value));
    return out;
}
function pruneEmpty(value) {
    if (Array.isArray(value))
        return value.map(pruneEmpty);
    if (value instanceof Date)
        return value;
    if (value && typeof value === 'object') {
        const out = {};
        for (const [k, v] of Object.entries(value)) {
            if (v === undefined || v === null)
                continue;
            const pruned = pruneEmpty(v);
            if (Array.isArray(pruned) && pruned.length === 0)
                continue;
            if (pruned && typeof pruned === 'object' && !Array.isArray(pruned) && Object.keys(pruned).length === 0)
                continue;
            out[k] = pruned;
        }
        return out;
    }
    return value;
}
/**
 * The revision a deploy renders on and the one the service runs, by one rule for the deploy and its preflight: the
 * family's latest ACTIVE revision (it carries what Terraform changed), unless the service runs a newer one, or the
 * latest lacks the catalog's container while the running one has it. `describe` reads a task definition (an ARN,
 * family:revision or family); with `missingIsUndefined`, a family with no ACTIVE revision is undefined.
 */
async function chooseBaseRevision(previous, containerName, describe) {
    const latest = await describe((0,rollout/* taskDefinitionFamily */.dm)(previous), true);
    if (latest?.taskDefinitionArn === previous)
        return { base: latest, running: latest, latest, chose: 'same' };
    const running = await describe(previous, false);
    if (!running)
        throw new Error(`DescribeTaskDefinition returned nothing for ${previous}`);
    if (!latest || (latest.revision ?? 0) < (running.revision ?? 0))
        return { base: running, running, ...(latest ? { latest } : {}), chose: 'newer' };
    const has = (td) => Boolean(td.containerDefinitions?.some((c) => c.name === containerName));
    if (!has(latest) && has(running))
        return { base: running, running, latest, chose: 'container' };
    return { base: latest, running, latest, chose: 'latest' };
}


/***/ }),

/***/ 3274:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $6: () => (/* binding */ rolloutVerdict),
/* harmony export */   JL: () => (/* binding */ sameTaskDefinition),
/* harmony export */   Zs: () => (/* binding */ describeServicesInBatches),
/* harmony export */   dm: () => (/* binding */ taskDefinitionFamily),
/* harmony export */   ip: () => (/* binding */ taskDefinitionName),
/* harmony export */   rP: () => (/* binding */ DESCRIBE_SERVICES_LIMIT)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(212);

/** DescribeServices accepts at most 10 services per call. */
const DESCRIBE_SERVICES_LIMIT = 10;
/**
 * DescribeServices for any number of names: 10 a call (the API's limit), the calls in parallel. `onError` decides what
 * a failed call means for its batch (rethrow, or record it and go on); without it the error is thrown.
 */
async function describeServicesInBatches(ecs, cluster, names, options = {}) {
    const batches = [];
    for (let i = 0; i < names.length; i += DESCRIBE_SERVICES_LIMIT)
        batches.push(names.slice(i, i + DESCRIBE_SERVICES_LIMIT));
    const services = [];
    const failures = [];
    await Promise.all(batches.map(async (batch) => {
        try {
            const out = await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_0__/* .DescribeServicesCommand */ .H7c({ cluster, services: batch, ...(options.include ? { include: options.include } : {}) }));
            services.push(...(out.services ?? []));
            failures.push(...(out.failures ?? []));
        }
        catch (e) {
            if (!options.onError)
                throw e;
            options.onError(e, batch);
        }
    }));
    return { services, failures };
}
/** `family:revision` of a task definition ARN (or the value itself when it already is one). */
function taskDefinitionName(arn) {
    return arn.replace(/^arn:[^:]+:ecs:[^:]*:\d*:task-definition\//, '');
}
/** The task definition family of an ARN or `family:revision`. */
function taskDefinitionFamily(arn) {
    return taskDefinitionName(arn).replace(/:\d+$/, '');
}
/** Whether two references (ARNs or `family:revision`) name the same task definition revision. */
function sameTaskDefinition(a, b) {
    return a !== undefined && b !== undefined && taskDefinitionName(a) === taskDefinitionName(b);
}
/**
 * The one rule for "has this service finished rolling out?", used by deploy's wait, the health gate's ECS check,
 * doctor and promotion. From one DescribeServices answer:
 *
 * - a service that is not ACTIVE, a FAILED deployment, or (with `expected`) a PRIMARY deployment on another revision
 *   has failed;
 * - rolloutState COMPLETED with the PRIMARY deployment running = desired is done, IN_PROGRESS is pending;
 * - rolloutState unset is decided by the task counts. ECS returns rolloutState only for rolling-update (ECS
 *   controller) services that are not behind a Classic Load Balancer, and reports FAILED only with the deployment
 *   circuit breaker on (ECS API reference, Deployment.rolloutState). Without it, a rollout is over when the PRIMARY
 *   deployment runs its desired count and no other deployment still has running tasks: an old ACTIVE deployment that
 *   still runs tasks means ECS is still draining it.
 */
function rolloutVerdict(service, expected) {
    if (service.status !== 'ACTIVE')
        return { state: 'failed', detail: `service is ${service.status ?? 'not active'}`, rolledBackByEcs: false };
    const deployments = service.deployments ?? [];
    const primary = deployments.find((d) => d.status === 'PRIMARY');
    const ours = expected ? deployments.find((d) => (expected.deploymentId ? d.id === expected.deploymentId : sameTaskDefinition(d.taskDefinition, expected.taskDefinition))) : primary;
    if (ours?.rolloutState === 'FAILED') {
        const back = primary && primary !== ours ? `; the ECS circuit breaker is rolling back to ${taskDefinitionName(primary.taskDefinition ?? '?')}` : '';
        return { state: 'failed', detail: `rollout of ${taskDefinitionName(ours.taskDefinition ?? '?')} FAILED: ${ours.rolloutStateReason ?? 'no reason given'}${back}`, deployment: ours, rolledBackByEcs: back !== '' };
    }
    const counts = `running ${primary?.runningCount ?? 0} of ${primary?.desiredCount ?? 0}`;
    if (!primary)
        return { state: 'pending', detail: `no PRIMARY deployment yet (service running ${service.runningCount ?? 0} of ${service.desiredCount ?? 0})` };
    const revision = taskDefinitionName(primary.taskDefinition ?? '?');
    if (expected && !sameTaskDefinition(primary.taskDefinition, expected.taskDefinition)) {
        const byBreaker = primary.rolloutStateReason?.includes('circuit breaker') ?? false;
        return { state: 'failed', detail: `the service now runs ${revision}, not ${taskDefinitionName(expected.taskDefinition)}${byBreaker ? ` (${primary.rolloutStateReason})` : ''}`, rolledBackByEcs: byBreaker };
    }
    const primaryRunning = (primary.runningCount ?? 0) === (primary.desiredCount ?? 0);
    if (primary.rolloutState === 'COMPLETED') {
        return primaryRunning && (service.runningCount ?? 0) === (service.desiredCount ?? 0)
            ? { state: 'done', detail: `${revision} COMPLETED, running ${service.runningCount ?? 0} of ${service.desiredCount ?? 0}` }
            : { state: 'pending', detail: `rollout of ${revision} COMPLETED but service running ${service.runningCount ?? 0} of ${service.desiredCount ?? 0}` };
    }
    if (primary.rolloutState)
        return { state: 'pending', detail: `rollout of ${revision} ${primary.rolloutState} (${counts})` };
    const draining = deployments.filter((d) => d !== primary && (d.runningCount ?? 0) > 0);
    if (!primaryRunning)
        return { state: 'pending', detail: `rollout of ${revision} (no rolloutState) ${counts}` };
    if (draining.length) {
        return { state: 'pending', detail: `rollout of ${revision} (no rolloutState) ${counts}; ${draining.map((d) => `${taskDefinitionName(d.taskDefinition ?? '?')} still runs ${d.runningCount}`).join(', ')}` };
    }
    return { state: 'done', detail: `${revision} settled (no rolloutState), ${counts}` };
}


/***/ })

};

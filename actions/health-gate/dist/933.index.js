export const id = 933;
export const ids = [933];
export const modules = {

/***/ 7933:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  asCredentialsError: () => (/* reexport */ asCredentialsError),
  clusterFor: () => (/* reexport */ clusterFor),
  gateRunningRelease: () => (/* reexport */ gateRunningRelease),
  gateTargets: () => (/* reexport */ gateTargets),
  makeCloudFormationClient: () => (/* reexport */ makeCloudFormationClient),
  makeCloudWatchClient: () => (/* reexport */ makeCloudWatchClient),
  makeEcsClient: () => (/* reexport */ makeEcsClient),
  makeElbClient: () => (/* reexport */ makeElbClient),
  renderGateTable: () => (/* reexport */ renderGateTable),
  renderRollbackTable: () => (/* reexport */ renderRollbackTable),
  rollBackRecordedDeploy: () => (/* reexport */ rollBackRecordedDeploy),
  runHealthGate: () => (/* reexport */ runHealthGate),
  verifyCallerAccount: () => (/* reexport */ verifyCallerAccount)
});

// UNUSED EXPORTS: AccountMismatchError, CHECKS, COMMIT_LOOKUP_LIMIT, DEFAULT_DEPLOY_CONCURRENCY, DEFAULT_MAX_ATTEMPTS, DEFAULT_MAX_POLL_INTERVAL_MS, DEFAULT_POLL_INTERVAL_MS, DEFAULT_REPLICA_WAIT_MS, DEFAULT_SERVICE_TIMEOUT_MS, DEFAULT_STACK_POLL_INTERVAL_MS, DESCRIBE_SERVICES_BURST, DESCRIBE_SERVICES_LIMIT, DESCRIBE_SERVICES_PER_SECOND, ECS_SERVICE_STATUSES, HEARTBEAT_MS, IMAGE_DIGEST_PATTERN, MANIFEST_MEDIA_TYPES, MIN_SEND_RATE, OciRegistryClient, ProgressState, READ_ONLY_TASK_DEFINITION_FIELDS, STACK_NAME_TAG, SessionExpiredError, TAG_COMMIT, TAG_DEPLOY_ID, TAG_REPLACES, TAG_SERVICE, TERRAFORM_VARIABLES, TIMELINE_MAX_WAVE_BARS, addImageTag, awsClientConfig, awsSetupError, buildAndPushImage, buildPushServices, buildxArgs, canonicalTargetGroups, checkHttpHealth, checkTargetGroups, chooseBaseRevision, classicBuildAndPush, classicBuildArgs, classicBuilderLimits, compareStatus, computeContentTag, configurationErrorOf, deployEcsServices, deployPlan, deployStackServices, describeAlarms, describeCommand, describeServiceStates, describeServices, describeServicesInBatches, describeSnapshot, detectBuilder, diffTaskDefinitions, dockerConfigFile, ecrAccessError, ecrImageRegistry, ecrRegistryRegion, emitProgress, ensureRepository, failureEventsOfLatestUpdate, findBuiltImages, findImage, findOciImage, findStack, findUndeclaredStackServices, formatBytes, formatDuration, formatStackEvent, gateServices, imageRegistryFor, imagesMap, isDigestImage, isInProgress, isUpdatable, libraryPathsOf, lineFor, lineRenderer, loginToRegistry, makeEc2Client, makeEcrClient, makeIamClient, makeSecretsManagerClient, makeServiceQuotasClient, makeSsmClient, makeStsClient, ociImageRegistry, parseChallenge, parseChecks, parseDeployResult, parseEcrImage, parseRollbackVersion, parseStatusReport, parseTargetGroups, readEnvironmentStatus, readRunningRelease, recordedRollbackTargets, regionFor, registrationOf, registryApiBase, renderBuildSummary, renderComparison, renderDeployTimeline, renderEcsResultTable, renderEcsResultText, renderGateText, renderStatus, renderTaskDefinition, resolveBuildSource, resolveEnvironment, resolveReplicas, resolveRollbackTarget, revisionCell, revisionOf, rollBackService, rollBackServices, rollBackStackService, rolloutVerdict, sameRegistration, sameTaskDefinition, serviceState, sessionExpiredError, shortTaskDefinition, shortenDigests, spawnExec, stackOutputLookup, stackOutputs, statusReport, storedDockerCredentials, taskDefinitionFamily, taskDefinitionName, templatePath, tokenBucket, waitForRollouts

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecs/dist-cjs/index.js
var dist_cjs = __webpack_require__(212);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-cjs/submodules/retry/index.js
var retry = __webpack_require__(3609);
;// CONCATENATED MODULE: ./packages/aws/src/client-config.ts

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
        retryStrategy: new retry.AdaptiveRetryStrategy(maxAttempts, { rateLimiter: new retry.DefaultRateLimiter({ minFillRate: MIN_SEND_RATE, minCapacity: MIN_SEND_RATE }) }),
        ...(options.region ? { region: options.region } : {}),
        ...(options.endpoint ? { endpoint: options.endpoint } : {}),
        ...(options.profile ? { profile: options.profile } : {}),
    };
}
/** An ECR client (loaded on first use: commands that never touch ECR never load its SDK). */
async function makeEcrClient(options = {}) {
    const { ECRClient } = await __webpack_require__.e(/* import() */ 249).then(__webpack_require__.t.bind(__webpack_require__, 8249, 19));
    return new ECRClient(awsClientConfig(options));
}
async function makeElbClient(options = {}) {
    const { ElasticLoadBalancingV2Client } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 586, 19));
    return new ElasticLoadBalancingV2Client(awsClientConfig(options));
}
async function makeCloudWatchClient(options = {}) {
    const { CloudWatchClient } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 4085, 19));
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

;// CONCATENATED MODULE: ./packages/aws/src/ecs/client.ts


/**
 * An ECS client with the one AWS client configuration (awsClientConfig): adaptive retries, so a 60-service tier
 * sharing one client stays under ECS's per-account API rates.
 */
function makeEcsClient(options = {}) {
    return new dist_cjs/* ECSClient */.Zgc(awsClientConfig(options));
}

// EXTERNAL MODULE: ./packages/catalog/src/errors.ts
var errors = __webpack_require__(2332);
;// CONCATENATED MODULE: ./packages/aws/src/ecs/errors.ts

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
class SessionExpiredError extends errors/* ConfigurationError */.j1 {
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
        return new errors/* ConfigurationError */.j1(`ECS cluster '${where.cluster}' not found: check 'cluster' in the environment file (or the cluster input / --cluster) and the AWS region`);
    }
    if (name === 'CredentialsProviderError') {
        return new errors/* ConfigurationError */.j1(`no AWS credentials: run aws-actions/configure-aws-credentials before this step (GitHub), or set AWS_PROFILE / AWS_ACCESS_KEY_ID (locally) (${describeErrorOf(e)})`);
    }
    if (name === 'AccessDeniedException' || name === 'AccessDenied' || name === 'UnrecognizedClientException') {
        return new errors/* ConfigurationError */.j1(`AWS refused the call${where.service ? ` for ${where.service}` : ''} in cluster '${where.cluster}' (${describeErrorOf(e)}): check the deploy role's permissions (see docs/ecs-deploy.md, IAM permissions)`);
    }
    return undefined;
}
/** Throws configurationErrorOf(e) when there is one; returns otherwise. */
function errors_rethrowConfigurationError(e, where) {
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
function errors_awsSetupError(e, service) {
    const expired = sessionExpiredError(e, service);
    if (expired)
        return expired;
    const code = e?.code;
    const name = e instanceof Error ? e.name : '';
    if ((typeof code === 'string' && NETWORK_CODES.test(code)) || name === 'TimeoutError') {
        return new errors/* ConfigurationError */.j1(`could not reach AWS ${service} (${describeErrorOf(e)}): check the network, the region and any AWS_ENDPOINT_URL* variable`);
    }
    if (name === 'CredentialsProviderError') {
        return new errors/* ConfigurationError */.j1(`no AWS credentials for ${service} (${e.message}); in a workflow, run aws-actions/configure-aws-credentials first; locally, set AWS_PROFILE or the AWS_* variables`);
    }
    if (/^(UnrecognizedClientException|InvalidClientTokenId|InvalidSignatureException)$/.test(name)) {
        return new errors/* ConfigurationError */.j1(`AWS rejected the credentials for ${service} (${describeErrorOf(e)}): refresh them or check the role`);
    }
    return undefined;
}

// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __webpack_require__(8474);
;// CONCATENATED MODULE: ./packages/aws/src/ecs/concurrency.ts

/**
 * Runs `work` over `items` with at most `limit` at a time; results keep the items' order. After one item throws, no
 * further item starts (the ones in flight finish) and the first error is thrown.
 */
async function concurrency_mapWithConcurrency(items, limit, work) {
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
    (0,external_node_events_.setMaxListeners)(0, controller.signal);
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

;// CONCATENATED MODULE: ./packages/aws/src/ecs/rollout.ts

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
            const out = await ecs.send(new dist_cjs/* DescribeServicesCommand */.H7c({ cluster, services: batch, ...(options.include ? { include: options.include } : {}) }));
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
function rollout_taskDefinitionFamily(arn) {
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

;// CONCATENATED MODULE: ./packages/aws/src/ecs/wait.ts




/** The fixed time between the starts of two polls (and before the first): a rollout is noticed at most this late. */
const DEFAULT_POLL_INTERVAL_MS = 5_000;
/** The wait after a poll whose DescribeServices call failed past the SDK's retries (throttling): once, then the fixed interval again. */
const DEFAULT_MAX_POLL_INTERVAL_MS = 10_000;
const DEFAULT_SERVICE_TIMEOUT_MS = 15 * 60_000;
/**
 * DescribeServices calls sent at once, then per second. ECS's service read actions (DescribeServices, ListServices)
 * share one token bucket per account and Region, refilled at 20 requests/s (ECS API reference, "Request throttling
 * for the Amazon ECS API"). A wait spends at most half of that, so the console, a health gate or another chunk's
 * deploy keep the rest: up to 100 services (10 calls) a poll goes out at once; 1,000 services (100 calls) are spread
 * over 9 s instead of tripping the bucket.
 */
const DESCRIBE_SERVICES_BURST = 10;
const DESCRIBE_SERVICES_PER_SECOND = 10;
/**
 * Waits for every rollout at once, on a fixed schedule: the first poll `pollIntervalMs` (5 s) after the wait starts,
 * then one every 5 s, so a rollout that ends at S is noticed by S + 5 s whatever S is. A schedule that stretches
 * while nothing settles (it used to grow \u00d71.5 up to 15 s) cost up to 12 s after S (issue 16). Each poll describes
 * the pending services 10 to a call (a 60-service tier costs 6 calls a poll; a rollout of S seconds costs at most
 * \u2308N/10\u2309 \u00d7 \u2308S/5\u2309 calls), paced by a token bucket (DESCRIBE_SERVICES_PER_SECOND) so 1,000 services stay inside ECS's
 * rate. A poll whose calls fail after the SDK's retries (throttling) delays only the next poll, to
 * `maxPollIntervalMs`; its services stay pending. Each answer is judged by `rolloutVerdict` (the rule the health gate
 * and doctor use too): a "steady" service whose circuit breaker rolled back is a failure.
 */
async function waitForRollouts(watches, options, effects) {
    const { clock, log } = effects;
    const interval = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
    const afterFailedPoll = Math.max(interval, options.maxPollIntervalMs ?? DEFAULT_MAX_POLL_INTERVAL_MS);
    const serviceTimeout = options.serviceTimeoutMs ?? DEFAULT_SERVICE_TIMEOUT_MS;
    const outcomes = new Map();
    const pending = new Map(watches.map((w) => [w.service, w]));
    const pacer = tokenBucket(clock, { burst: DESCRIBE_SERVICES_BURST, perSecond: DESCRIBE_SERVICES_PER_SECOND });
    let nextPollAt = clock.now() + interval;
    let polls = 0;
    const deadlineOf = (w) => Math.min(w.startedAt + serviceTimeout, options.deadline ?? Infinity);
    while (pending.size) {
        const nearest = Math.min(...[...pending.values()].map(deadlineOf));
        await sleepUnlessAborted(clock, Math.max(0, Math.min(nextPollAt, nearest) - clock.now()), options.signal);
        throwIfAborted(options.signal);
        const pollStartedAt = clock.now();
        polls++;
        const described = await wait_describeServices([...pending.keys()], options.cluster, effects, { pacer, signal: options.signal });
        const failures = [];
        const snapshots = [];
        for (const watch of [...pending.values()]) {
            const service = described.services.get(watch.service);
            const verdict = service
                ? rolloutVerdict(service, { taskDefinition: watch.taskDefinition, ...(watch.deploymentId ? { deploymentId: watch.deploymentId } : {}) })
                : described.error
                    ? { state: 'pending', detail: described.error }
                    : { state: 'failed', detail: `service ${watch.service} no longer exists in cluster ${options.cluster}`, rolledBackByEcs: false };
            if (verdict.state === 'done') {
                outcomes.set(watch.service, { service: watch.service, ok: true, settledAt: clock.now() });
                pending.delete(watch.service);
                emitProgress(effects, { type: 'service-done', at: clock.now(), service: watch.service, elapsedMs: clock.now() - watch.startedAt });
            }
            else if (verdict.state === 'failed') {
                failures.push({ watch, ...(service ? { service } : {}), ...(verdict.deployment ? { deployment: verdict.deployment } : {}), reason: verdict.detail, rolledBackByEcs: verdict.rolledBackByEcs });
                pending.delete(watch.service);
            }
            else if (clock.now() >= deadlineOf(watch)) {
                const minutes = ((clock.now() - watch.startedAt) / 60_000).toFixed(1);
                failures.push({ watch, ...(service ? { service } : {}), reason: `timed out after ${minutes} min: ${service ? progressOf(service) : (described.error ?? 'not described')}`, rolledBackByEcs: false });
                pending.delete(watch.service);
            }
            else {
                snapshots.push(snapshotOf(watch, service, clock.now(), described.error));
            }
        }
        await Promise.all(failures.map(async (f) => {
            const details = f.service ? await failureDetails(f.watch, f.service, options.cluster, effects) : [];
            const reason = [f.reason, ...details].join('; ');
            log.error(`${f.watch.service}: ${reason}`);
            outcomes.set(f.watch.service, { service: f.watch.service, ok: false, reason, ...(f.rolledBackByEcs ? { rolledBackByEcs: true } : {}), settledAt: clock.now() });
            emitProgress(effects, { type: 'service-failed', at: clock.now(), service: f.watch.service, reason, rolledBackByEcs: f.rolledBackByEcs, elapsedMs: clock.now() - f.watch.startedAt });
        }));
        emitProgress(effects, { type: 'poll', at: clock.now(), poll: polls, pending: snapshots, settled: outcomes.size, ...(described.error ? { error: described.error } : {}) });
        // Polls start on a fixed grid, whatever a poll's calls cost; a failed call moves only the next poll back.
        nextPollAt = pollStartedAt + (described.error ? afterFailedPoll : interval);
        // With a progress view, the poll event says this (and more); a plain log keeps a line per poll.
        if (pending.size && !effects.progress)
            log.info(`waiting for ${pending.size} rollout${pending.size === 1 ? '' : 's'} (${outcomes.size} settled)`);
    }
    return { outcomes, polls };
}
/**
 * A token bucket on the injected clock. Calls take tokens one after another (the caller awaits each `take` before
 * the next), so a fake clock's sleeps advance time once per wait, as real time would.
 */
function tokenBucket(clock, rate) {
    let tokens = rate.burst;
    let refilledAt = clock.now();
    const refill = () => {
        const now = clock.now();
        tokens = Math.min(rate.burst, tokens + ((now - refilledAt) * rate.perSecond) / 1000);
        refilledAt = now;
    };
    return {
        async take(signal) {
            refill();
            if (tokens < 1) {
                await sleepUnlessAborted(clock, Math.ceil(((1 - tokens) * 1000) / rate.perSecond), signal);
                refill();
            }
            tokens = Math.max(0, tokens - 1);
        },
    };
}
/** Reports a step's progress; a renderer that throws must not fail a deploy, so its error is only logged. */
function emitProgress(effects, event) {
    if (!effects.progress)
        return;
    try {
        effects.progress(event);
    }
    catch (e) {
        effects.log.debug(`progress renderer failed on ${event.type}: ${describeErrorOf(e)}`);
    }
}
/** What a still-pending rollout looks like in one DescribeServices answer, for the live view. */
function snapshotOf(watch, service, now, error) {
    const deployments = service?.deployments ?? [];
    const ours = deployments.find((d) => (watch.deploymentId ? d.id === watch.deploymentId : d.status === 'PRIMARY')) ?? deployments.find((d) => d.status === 'PRIMARY');
    const latest = service?.events?.[0];
    const recent = latest?.message && (!latest.createdAt || latest.createdAt.getTime() >= watch.startedAt) ? latest.message : undefined;
    return {
        service: watch.service,
        running: ours?.runningCount ?? 0,
        desired: ours?.desiredCount ?? service?.desiredCount ?? 0,
        pending: ours?.pendingCount ?? 0,
        failedTasks: ours?.failedTasks ?? 0,
        ...(ours?.rolloutState ? { rolloutState: ours.rolloutState } : {}),
        ...(recent ? { latestEvent: recent } : !service && error ? { latestEvent: error } : {}),
        elapsedMs: now - watch.startedAt,
    };
}
function progressOf(service) {
    const primary = service.deployments?.find((d) => d.status === 'PRIMARY');
    const latest = service.events?.[0]?.message;
    return `PRIMARY deployment ${primary?.rolloutState ?? 'unknown'}, running ${primary?.runningCount ?? 0}/${primary?.desiredCount ?? 0}, pending ${primary?.pendingCount ?? 0}, failed tasks ${primary?.failedTasks ?? 0}${latest ? `; latest event: ${latest}` : ''}`;
}
/**
 * DescribeServices for many names, 10 per call, paced by `pacer` (default: a fresh DESCRIBE_SERVICES_BURST /
 * DESCRIBE_SERVICES_PER_SECOND bucket, so up to 100 names go out at once). A failed call (after the SDK's retries)
 * is reported in `error`, with the SDK error in `cause`, not thrown: while waiting, the next poll may work.
 * Configuration errors (unknown cluster, access denied) are thrown.
 */
async function wait_describeServices(names, cluster, effects, options = {}) {
    let error;
    let cause;
    const pacer = options.pacer ?? tokenBucket(effects.clock, { burst: DESCRIBE_SERVICES_BURST, perSecond: DESCRIBE_SERVICES_PER_SECOND });
    const onError = (e) => {
        errors_rethrowConfigurationError(e, { cluster });
        error = `DescribeServices failed: ${describeErrorOf(e)}`;
        cause = e;
        effects.log.warning(error);
    };
    const calls = [];
    for (let i = 0; i < names.length; i += DESCRIBE_SERVICES_LIMIT) {
        await pacer.take(options.signal);
        const call = describeServicesInBatches(effects.ecs, cluster, names.slice(i, i + DESCRIBE_SERVICES_LIMIT), { onError });
        // Handled below by Promise.all; this keeps a rejection from going unhandled if the pacing is aborted first.
        call.catch(() => undefined);
        calls.push(call);
    }
    const answers = await Promise.all(calls);
    const out = { services: answers.flatMap((a) => a.services), failures: answers.flatMap((a) => a.failures) };
    const services = new Map(out.services.flatMap((s) => (s.serviceName ? [[s.serviceName, s]] : [])));
    const missing = names.filter((n) => out.failures.some((f) => f.arn === n || f.arn?.endsWith(`/${n}`)));
    return { services, missing, calls: calls.length, ...(error ? { error, cause } : {}) };
}
/** Why a rollout failed, from what ECS recorded: stopped tasks of the deployment and the latest service events. */
async function failureDetails(watch, service, cluster, effects) {
    const details = [];
    try {
        const listed = await effects.ecs.send(new dist_cjs/* ListTasksCommand */.MYg({ cluster, serviceName: watch.service, desiredStatus: 'STOPPED', maxResults: 100 }));
        const arns = listed.taskArns ?? [];
        if (arns.length) {
            const { tasks = [] } = await effects.ecs.send(new dist_cjs/* DescribeTasksCommand */.z8X({ cluster, tasks: arns }));
            const reasons = new Set();
            for (const t of tasks) {
                const ours = watch.deploymentId ? t.startedBy === watch.deploymentId : t.taskDefinitionArn === watch.taskDefinition;
                if (!ours || !t.stoppedReason)
                    continue;
                const container = t.containers?.find((c) => c.reason)?.reason;
                reasons.add(container ? `${t.stoppedReason} (${container})` : t.stoppedReason);
            }
            if (reasons.size)
                details.push(`stopped tasks: ${[...reasons].slice(0, 3).join(' | ')}`);
        }
    }
    catch (e) {
        effects.log.debug(`${watch.service}: could not read stopped tasks: ${describeErrorOf(e)}`);
    }
    const since = watch.startedAt;
    const events = (service.events ?? []).filter((e) => !e.createdAt || e.createdAt.getTime() >= since).slice(0, 3).map((e) => e.message);
    if (events.length)
        details.push(`latest events: ${events.join(' | ')}`);
    return details;
}

;// CONCATENATED MODULE: ./packages/aws/src/ecs/rollback.ts








/**
 * Puts services back on the given task definitions and waits for them (contract in index.ts). A service already on
 * its target (ECS's circuit breaker put it back, or an earlier rollback did) gets no UpdateService, only the wait.
 * An expired AWS session is thrown (SessionExpiredError) once the writes in flight are done: every later call would
 * fail the same way.
 */
async function rollBackServices(targets, options, effects) {
    if (targets.length === 0)
        return [];
    const { clock, log } = effects;
    const described = await wait_describeServices(targets.map((t) => t.service), options.cluster, effects);
    const results = new Map();
    const watches = [];
    let expired;
    await concurrency_mapWithConcurrency(targets, options.concurrency ?? 8, async (target) => {
        const current = described.services.get(target.service);
        const before = current?.taskDefinition;
        const base = { service: target.service, ...(before ? { previousTaskDefinition: before } : {}), taskDefinition: target.taskDefinition };
        if (!current) {
            results.set(target.service, { ...base, status: 'rollback-failed', reason: described.error ?? `service not found in cluster ${options.cluster}` });
            return;
        }
        if (sameTaskDefinition(current.taskDefinition, target.taskDefinition)) {
            const primary = current.deployments?.find((d) => d.status === 'PRIMARY');
            watches.push({ service: target.service, taskDefinition: current.taskDefinition, ...(primary?.id ? { deploymentId: primary.id } : {}), startedAt: clock.now() });
            return;
        }
        try {
            log.info(`${target.service}: rolling back from ${before} to ${target.taskDefinition}`);
            const out = await effects.ecs.send(new dist_cjs/* UpdateServiceCommand */.kZr({ cluster: options.cluster, service: target.service, taskDefinition: target.taskDefinition }));
            const primary = out.service?.deployments?.find((d) => d.status === 'PRIMARY');
            const arn = out.service?.taskDefinition ?? target.taskDefinition;
            results.set(target.service, { ...base, taskDefinition: arn, status: 'rolled-back' });
            watches.push({ service: target.service, taskDefinition: arn, ...(primary?.id ? { deploymentId: primary.id } : {}), startedAt: clock.now() });
        }
        catch (e) {
            // Recorded, not thrown: other services may already be rolling back, and the caller must hear about each.
            const configuration = configurationErrorOf(e, { cluster: options.cluster, service: target.service });
            if (configuration instanceof SessionExpiredError)
                expired ??= configuration;
            results.set(target.service, { ...base, status: 'rollback-failed', reason: configuration?.message ?? `UpdateService failed: ${describeErrorOf(e)}` });
        }
    });
    if (expired)
        throw expired;
    const { outcomes } = await waitForRollouts(watches, {
        cluster: options.cluster,
        serviceTimeoutMs: options.timeoutMs ?? 15 * 60_000,
        ...(options.pollIntervalMs !== undefined ? { pollIntervalMs: options.pollIntervalMs } : {}),
        ...(options.maxPollIntervalMs !== undefined ? { maxPollIntervalMs: options.maxPollIntervalMs } : {}),
    }, effects);
    for (const w of watches) {
        const outcome = outcomes.get(w.service);
        const previous = results.get(w.service);
        const before = described.services.get(w.service)?.taskDefinition;
        const base = { service: w.service, ...(before ? { previousTaskDefinition: before } : {}), taskDefinition: w.taskDefinition };
        results.set(w.service, outcome?.ok ? { ...(previous ?? base), status: 'rolled-back' } : { ...base, status: 'rollback-failed', reason: outcome?.reason ?? 'did not settle' });
    }
    return targets.map((t) => results.get(t.service));
}
/** How many recent revisions a commit lookup reads before giving up (each costs one DescribeTaskDefinition). */
const COMMIT_LOOKUP_LIMIT = 100;
/**
 * The task definition ARN to roll `service` back to. `previous` is what ran before the deploy that registered the
 * running revision (its tierdeploy:replaces tag, written at deploy time); a revision is `family:N` of the running
 * family; a commit is the newest revision tagged with that commit. Throws a ConfigurationError saying why when
 * there is nothing to roll back to.
 */
async function resolveRollbackTarget(service, version, options, effects) {
    try {
        return await findRollbackTarget(service, version, options, effects);
    }
    catch (e) {
        if (isConfigurationError(e))
            throw e;
        // Only reads happen here, so a refusal or an unreachable endpoint stops the rollback before any write.
        rethrowConfigurationError(e, { cluster: options.cluster, service });
        throw awsSetupError(e, `ECS (cluster '${options.cluster}')`) ?? e;
    }
}
async function findRollbackTarget(service, version, options, effects) {
    const described = await describeServices([service], options.cluster, effects);
    if (described.error)
        throw described.cause;
    const current = described.services.get(service)?.taskDefinition;
    if (!current)
        throw new ConfigurationError(`service '${service}' not found in ECS cluster '${options.cluster}': nothing to roll back`);
    const family = taskDefinitionFamily(current);
    const describe = async (ref) => {
        try {
            const out = await effects.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: ref, include: ['TAGS'] }));
            return { ...(out.taskDefinition ? { td: out.taskDefinition } : {}), tags: out.tags ?? [] };
        }
        catch (e) {
            if (e instanceof Error && e.name === 'ClientException')
                return { tags: [] };
            throw e;
        }
    };
    let target;
    if (version.kind === 'previous') {
        const { tags } = await describe(current);
        const replaces = tags.find((t) => t.key === TAG_REPLACES)?.value;
        if (!replaces) {
            throw new ConfigurationError(`${service}: nothing to roll back to: the running revision ${current} was not deployed by tierdeploy (it has no ${TAG_REPLACES} tag), so what ran before it is unknown; name a revision (--version N) or a commit instead`);
        }
        target = replaces;
    }
    else if (version.kind === 'revision') {
        const ref = `${family}:${version.revision}`;
        const { td } = await describe(ref);
        if (!td)
            throw new ConfigurationError(`${service}: task definition ${ref} does not exist`);
        if (td.status !== 'ACTIVE')
            throw new ConfigurationError(`${service}: task definition ${ref} is ${td.status}; ECS cannot deploy it, pick an ACTIVE revision`);
        target = td.taskDefinitionArn;
    }
    else {
        target = await findRevisionOfCommit(service, family, version.sha, effects);
    }
    if (target === current)
        throw new ConfigurationError(`${service} already runs ${current}: nothing to roll back`);
    return { current, target };
}
async function findRevisionOfCommit(service, family, sha, effects) {
    let checked = 0;
    let nextToken;
    do {
        const page = await effects.ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: family, sort: 'DESC', status: 'ACTIVE', maxResults: 100, ...(nextToken ? { nextToken } : {}) }));
        nextToken = page.nextToken;
        const arns = (page.taskDefinitionArns ?? []).slice(0, COMMIT_LOOKUP_LIMIT - checked);
        checked += arns.length;
        const tagged = await mapWithConcurrency(arns, 5, async (arn) => {
            const out = await effects.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: arn, include: ['TAGS'] }));
            return out.tags?.find((t) => t.key === TAG_COMMIT)?.value?.toLowerCase().startsWith(sha) ? arn : undefined;
        });
        const found = tagged.find((a) => a !== undefined);
        if (found)
            return found;
    } while (nextToken && checked < COMMIT_LOOKUP_LIMIT);
    throw new ConfigurationError(`${service}: no ACTIVE revision of ${family} among the latest ${checked} is tagged with commit ${sha} (${TAG_COMMIT})`);
}
/** Manual rollback of one service: resolve the version, put it back, wait. */
async function rollBackService(service, version, options, effects) {
    const { current, target } = await resolveRollbackTarget(service, version, options, effects);
    effects.log.info(`${service}: rolling back ${current} -> ${target}`);
    const [result] = await rollBackServices([{ service, taskDefinition: target }], options, effects);
    return result;
}
/**
 * What a recorded deploy result rolls back, the one rule for it (ecs-deploy's `rollback-version: recorded` and
 * health-gate's rollback-on-failure both use it): every service the result reports `deployed`, to the
 * `previousTaskDefinition` recorded for it, never "the revision before the running one", so a service an earlier
 * rollback already put back goes nowhere further. Every other entry is left alone, as is a first deploy (no previous
 * revision was recorded).
 */
function recordedRollbackTargets(result) {
    const targets = [];
    const leftAlone = [];
    for (const r of result) {
        if (r.status === 'deployed' && r.previousTaskDefinition)
            targets.push({ service: r.service, taskDefinition: r.previousTaskDefinition });
        else {
            const why = r.status === 'deployed' ? 'first deploy: no previous revision was recorded' : `the recorded deploy reports it ${r.status}${r.reason ? ` (${r.reason})` : ''}`;
            leftAlone.push({ service: r.service, status: 'skipped', ...(r.taskDefinition ? { taskDefinition: r.taskDefinition } : {}), reason: `not rolled back: ${why}` });
        }
    }
    return { targets, leftAlone };
}
/**
 * Rolls back what a recorded deploy result reports deployed (recordedRollbackTargets) and waits. One entry per result
 * entry, in its order: rolled-back or rollback-failed for each target (rolled-back without a write when the service
 * already runs its recorded previous revision), skipped for the rest. Running it twice changes nothing the second time.
 */
async function rollBackRecordedDeploy(result, options, effects) {
    const { targets, leftAlone } = recordedRollbackTargets(result);
    const firstDeploys = result.filter((r) => r.status === 'deployed' && !r.previousTaskDefinition).map((r) => r.service);
    if (firstDeploys.length)
        effects.log.warning(`no previous revision to roll back to (first deploy): ${firstDeploys.join(', ')}`);
    if (targets.length)
        effects.log.info(`rolling back to the recorded revisions: ${targets.map((t) => `${t.service} -> ${t.taskDefinition.split('/').at(-1)}`).join(', ')}`);
    else
        effects.log.info('nothing to roll back: the recorded deploy reports no service deployed');
    const rolled = await rollBackServices(targets, options, effects);
    const byService = new Map([...rolled, ...leftAlone].map((r) => [r.service, r]));
    return result.map((r) => byService.get(r.service));
}

;// CONCATENATED MODULE: ./packages/aws/src/ecs/index.ts
/**
 * ECS deploys: render task definitions, register them, update services, wait for every rollout at once, roll back.
 *
 * Stable API for other areas (health gate, promote):
 *
 *   rollBackServices(
 *     targets: { service: string; taskDefinition: string }[],   // service = ECS service name (= catalog name);
 *                                                             // taskDefinition = ARN (or family:revision) to put it back on
 *     options: { cluster: string; timeoutMs?: number; pollIntervalMs?: number; maxPollIntervalMs?: number; concurrency?: number },
 *     effects: { ecs: ECSClient; clock: Clock; log: Logger },
 *   ): Promise<EcsServiceResult[]>
 *
 *   It sends UpdateService only for services not already on their target (a service that ECS's circuit breaker has
 *   already put back is only waited for), waits until each PRIMARY deployment is COMPLETED with running = desired,
 *   and returns one entry per target: status 'rolled-back' (taskDefinition = the target it now runs,
 *   previousTaskDefinition = what it ran before) or 'rollback-failed' with a reason. It throws only for bugs and
 *   configuration errors found before any write (unknown cluster, access denied to DescribeServices): a service that
 *   does not settle, or whose UpdateService AWS refuses, is a 'rollback-failed' entry.
 *
 *   From ecs-deploy's `result` output (or its result-file): rollBackRecordedDeploy(result, options, effects) rolls back
 *   exactly the entries with status 'deployed' to their recorded previousTaskDefinition (recordedRollbackTargets is
 *   the rule) and reports the others 'skipped'. ecs-deploy's `rollback-version: recorded` and health-gate's
 *   rollback-on-failure both use it, so a service is never rolled back one revision too far.
 *
 *   An AWS session that expires mid-step (ExpiredToken, ExpiredTokenException, RequestExpired) ends deploys, waits and
 *   rollbacks with a SessionExpiredError (a ConfigurationError); from deployEcsServices it carries in `results` what
 *   the step had done.
 */













// EXTERNAL MODULE: ./packages/catalog/src/settings.ts
var settings = __webpack_require__(1214);
;// CONCATENATED MODULE: ./packages/catalog/src/routing.ts
/** Whether an ALB path pattern (`*` any characters, `?` one character, everything else literal) matches a path. */
function matchesPathPattern(pattern, path) {
    const regex = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
    return regex.test(path);
}

;// CONCATENATED MODULE: ./packages/aws/src/health/targets.ts

/**
 * What the gate checks per service, from the catalog: the health URL is healthCheck.url, or the environment's url
 * plus healthCheck.path for services reachable through the public ALB; alarms are the catalog's `alarms`, else
 * every alarm whose name starts with the service name. `targetGroups` (service -> ARN or ARNs) overrides discovery.
 */
function gateTargets(catalog, environment, services, targetGroups = {}, log) {
    return services.map((service) => {
        const health = (0,settings/* serviceSettings */.xw)(catalog, service, environment).healthCheck;
        const isPublic = service.routing?.public === true;
        let http;
        if (health.url)
            http = { url: health.url, expectedStatus: health.expectedStatus, healthyThreshold: health.healthyThreshold, requestTimeoutMs: health.timeoutSeconds * 1000, intervalMs: health.intervalSeconds * 1000 };
        else if (!isPublic)
            http = { skip: 'not on the public ALB (routing.public) and no healthCheck.url' };
        else if (!environment.url)
            http = { skip: `environment ${environment.name} has no url (${environment.file})` };
        else if (!health.path)
            http = { skip: 'no healthCheck.path' };
        else {
            const patterns = service.routing?.pathPatterns ?? [];
            if (patterns.length && !patterns.some((p) => matchesPathPattern(p, health.path))) {
                log?.warning(`${service.name}: health path ${health.path} is outside its ALB path patterns (${patterns.join(', ')}), so the public URL may reach another service; set healthCheck.path to a routed path or healthCheck.url`);
            }
            http = { url: `${environment.url.replace(/\/+$/, '')}${health.path}`, expectedStatus: health.expectedStatus, healthyThreshold: health.healthyThreshold, requestTimeoutMs: health.timeoutSeconds * 1000, intervalMs: health.intervalSeconds * 1000 };
        }
        const given = targetGroups[service.name];
        return {
            service: service.name,
            http,
            behindLoadBalancer: isPublic || given !== undefined,
            ...(given !== undefined ? { targetGroups: given } : {}),
            alarms: service.alarms?.length ? { names: service.alarms } : { prefix: service.name },
        };
    });
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-cloudwatch/dist-cjs/index.js
var client_cloudwatch_dist_cjs = __webpack_require__(4085);
;// CONCATENATED MODULE: ./packages/aws/src/health/alarm-check.ts

/** DescribeAlarms takes at most 100 alarm names per call. */
const NAMES_PER_CALL = 100;
/** Alarms (metric and composite) by exact name or by name prefix, following NextToken. */
async function describeAlarms(cloudwatch, query) {
    const requests = 'names' in query
        ? Array.from({ length: Math.ceil(query.names.length / NAMES_PER_CALL) }, (_, i) => ({ AlarmNames: query.names.slice(i * NAMES_PER_CALL, (i + 1) * NAMES_PER_CALL) }))
        : [{ AlarmNamePrefix: query.prefix }];
    const alarms = [];
    for (const request of requests) {
        let token;
        do {
            const out = await cloudwatch.send(new client_cloudwatch_dist_cjs/* DescribeAlarmsCommand */.zWD({ ...request, AlarmTypes: ['MetricAlarm', 'CompositeAlarm'], ...(token ? { NextToken: token } : {}) }));
            for (const a of [...(out.MetricAlarms ?? []), ...(out.CompositeAlarms ?? [])]) {
                if (a.AlarmName)
                    alarms.push({ name: a.AlarmName, state: a.StateValue ?? 'INSUFFICIENT_DATA', reason: a.StateReason ?? '' });
            }
            token = out.NextToken;
        } while (token);
    }
    return alarms;
}

;// CONCATENATED MODULE: ./packages/aws/src/health/ecs-check.ts


/** Every service's state, described in batches of 10 (in parallel). */
async function describeServiceStates(ecs, cluster, services, expected = {}) {
    const out = await describeServicesInBatches(ecs, cluster, services, {
        onError: (e) => {
            if (e.name === 'ClusterNotFoundException')
                throw new errors/* ConfigurationError */.j1(`ECS cluster '${cluster}' does not exist (check the environment's cluster or the 'cluster' input)`);
            throw e;
        },
    });
    const states = new Map();
    for (const s of out.services)
        if (s.serviceName)
            states.set(s.serviceName, serviceState(s, expected[s.serviceName]));
    for (const f of out.failures) {
        const name = f.arn?.split('/').at(-1) ?? '';
        states.set(name, { service: name, verdict: 'failed', detail: `not found in cluster ${cluster} (${f.reason ?? 'MISSING'})`, desiredCount: 0, targetGroups: [] });
    }
    for (const name of services) {
        if (!states.has(name))
            states.set(name, { service: name, verdict: 'failed', detail: `not found in cluster ${cluster}`, desiredCount: 0, targetGroups: [] });
    }
    return states;
}
/**
 * The service's rollout judged by `rolloutVerdict`, the rule deploy's wait uses too: done passes, failed fails,
 * anything else is pending. With `expected` (the revision ecs-deploy deployed), a PRIMARY on another revision fails:
 * ECS's circuit breaker put the service back, so it is healthy but not running what was deployed.
 */
function serviceState(s, expected) {
    const base = { service: s.serviceName, desiredCount: s.desiredCount ?? 0, targetGroups: (s.loadBalancers ?? []).flatMap((lb) => (lb.targetGroupArn ? [lb.targetGroupArn] : [])) };
    const verdict = rolloutVerdict(s, expected ? { taskDefinition: expected } : undefined);
    return { ...base, verdict: verdict.state === 'done' ? 'passed' : verdict.state, detail: verdict.detail };
}

;// CONCATENATED MODULE: ./packages/aws/src/health/http-check.ts

/**
 * Polls the URL every `intervalMs` until it answers `expectedStatus` `healthyThreshold` times in a row, or the
 * deadline (clock ms) passes. A request with no answer within `requestTimeoutMs` (or refused) is retried up to
 * `retries` times right away before it counts; any other status breaks the streak. Redirects are not followed
 * (a load balancer's health check does not follow them either).
 */
async function checkHttpHealth(target, options, effects) {
    const { clock } = effects;
    let streak = 0;
    let requests = 0;
    let last = 'no request made before the deadline';
    for (;;) {
        let answer = { error: 'not asked' };
        for (let attempt = 0; attempt <= options.retries; attempt++) {
            requests++;
            answer = await ask(target, effects, options.signal);
            if ('status' in answer)
                break;
        }
        if ('status' in answer && answer.status === target.expectedStatus) {
            streak++;
            if (streak >= target.healthyThreshold) {
                return { healthy: true, detail: `${target.url} answered ${target.expectedStatus} ${streak} time${streak === 1 ? '' : 's'} in a row`, requests };
            }
        }
        else {
            streak = 0;
            last = 'status' in answer ? `answered ${answer.status}, expected ${target.expectedStatus}` : answer.error;
        }
        if (clock.now() + target.intervalMs > options.deadline) {
            const progress = streak > 0 ? `; ${streak} of ${target.healthyThreshold} good answers in a row at the deadline` : '';
            return { healthy: false, detail: `${target.url} ${last}${progress} (${requests} request${requests === 1 ? '' : 's'})`, requests };
        }
        await sleepUnlessAborted(clock, target.intervalMs, options.signal);
    }
}
/** One request; `cancel` (the gate giving up) throws its reason, while the per-request timeout is a bad answer. */
async function ask(target, effects, cancel) {
    throwIfAborted(cancel);
    const doFetch = effects.fetch ?? fetch;
    const timeout = (effects.timeoutSignal ?? ((ms) => AbortSignal.timeout(ms)))(target.requestTimeoutMs);
    // One signal for fetch: the request's timeout or the gate's cancel. Listeners are removed after each request
    // (AbortSignal.any would keep one per request on the gate's signal for the whole gate).
    const request = new AbortController();
    const abort = () => request.abort();
    timeout.addEventListener('abort', abort, { once: true });
    cancel?.addEventListener('abort', abort, { once: true });
    const signal = request.signal;
    try {
        const response = await doFetch(target.url, { signal, redirect: 'manual', headers: { 'user-agent': 'tierdeploy-health-gate' } });
        // Free the connection: only the status matters.
        await response.body?.cancel().catch(() => { });
        return { status: response.status };
    }
    catch (e) {
        throwIfAborted(cancel);
        const error = e;
        if (signal.aborted || error.name === 'TimeoutError' || error.name === 'AbortError')
            return { error: `no answer within ${target.requestTimeoutMs / 1000} s` };
        return { error: `request failed (${error.cause?.code ?? error.cause?.message ?? error.message})` };
    }
    finally {
        timeout.removeEventListener('abort', abort);
        cancel?.removeEventListener('abort', abort);
    }
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-elastic-load-balancing-v2/dist-cjs/index.js
var client_elastic_load_balancing_v2_dist_cjs = __webpack_require__(586);
;// CONCATENATED MODULE: ./packages/aws/src/health/load-balancer-check.ts


const shortName = (arn) => /targetgroup\/([^/]+)/.exec(arn)?.[1] ?? arn;
/**
 * Healthy when every target group has at least one registered target and every target is healthy. Draining
 * targets are the old tasks a rolling deploy is removing, so they are left out.
 */
async function checkTargetGroups(elb, targetGroups, signal) {
    const problems = [];
    let healthyCount = 0;
    for (const arn of targetGroups) {
        let descriptions;
        try {
            if (signal?.aborted)
                throw signal.reason;
            descriptions = (await elb.send(new client_elastic_load_balancing_v2_dist_cjs/* DescribeTargetHealthCommand */.qyg({ TargetGroupArn: arn }))).TargetHealthDescriptions ?? [];
        }
        catch (e) {
            if (e.name === 'TargetGroupNotFoundException')
                throw new errors/* ConfigurationError */.j1(`target group ${arn} does not exist (check the 'target-groups' input or the ECS service's load balancer)`);
            throw e;
        }
        const current = descriptions.filter((d) => d.TargetHealth?.State !== 'draining');
        if (current.length === 0) {
            problems.push(`${shortName(arn)}: no registered targets`);
            continue;
        }
        const bad = current.filter((d) => d.TargetHealth?.State !== 'healthy');
        healthyCount += current.length - bad.length;
        for (const d of bad) {
            const target = `${d.Target?.Id ?? '?'}:${d.Target?.Port ?? '?'}`;
            const h = d.TargetHealth;
            problems.push(`${shortName(arn)}: ${target} ${h?.State ?? 'unknown'}${h?.Reason ? ` (${h.Reason}${h.Description ? `: ${h.Description}` : ''})` : ''}`);
        }
    }
    if (problems.length)
        return { healthy: false, detail: problems.join('; ') };
    return { healthy: true, detail: `${healthyCount} target${healthyCount === 1 ? '' : 's'} healthy in ${targetGroups.map(shortName).join(', ')}` };
}

// EXTERNAL MODULE: ./packages/aws/src/health/types.ts
var types = __webpack_require__(7801);
;// CONCATENATED MODULE: ./packages/aws/src/health/gate.ts









const DEFAULT_POLL_MS = 15_000;
const DEFAULT_BAKE_INTERVAL_MS = 30_000;
/**
 * Decides whether a deployed tier may proceed. In order: every ECS rollout (PRIMARY COMPLETED, running = desired);
 * then, for the services that passed, load balancer target health and the HTTP health URL side by side; then,
 * when everything passed, no alarm of any service in ALARM for the bake time. Every wait is on the injected clock.
 */
async function runHealthGate(targets, options, effects) {
    try {
        return await evaluateGate(targets, options, effects);
    }
    catch (e) {
        throw asCredentialsError(e);
    }
}
/** Missing, expired or refused credentials, or an endpoint out of reach, are the caller's set-up, not a bug: say what to fix. */
function asCredentialsError(e) {
    const setup = errors_awsSetupError(e, 'ECS, Elastic Load Balancing or CloudWatch (health gate)');
    if (setup)
        return setup;
    const name = e?.name ?? '';
    if (/AccessDenied/.test(name))
        return new errors/* ConfigurationError */.j1(`AWS denied a health-gate call (${name}: ${e.message}); see docs/health-gate.md for the IAM permissions it needs`);
    return e;
}
async function evaluateGate(targets, options, effects) {
    const { clock, log } = effects;
    const start = clock.now();
    const deadline = start + options.timeoutMs;
    const pollMs = options.pollIntervalMs ?? DEFAULT_POLL_MS;
    const enabled = (c) => options.checks.includes(c);
    const outcomes = [];
    const add = (service, check, status, detail) => {
        outcomes.push({ service, check, status, detail });
        if (status === 'failed')
            log.warning(`${service}: ${check} check failed: ${detail}`);
        else
            log.info(`${service}: ${check} ${status}: ${detail}`);
    };
    const names = targets.map((t) => t.service);
    const blocked = new Map();
    let states;
    if (enabled('ecs')) {
        states = await gate_waitForRollouts(names, options, deadline, pollMs, effects);
        for (const name of names) {
            const s = states.get(name);
            add(name, 'ecs', s.verdict === 'passed' ? 'passed' : 'failed', s.detail);
            if (s.verdict !== 'passed')
                blocked.set(name, 'ECS rollout did not pass');
        }
    }
    else if (enabled('load-balancer') && targets.some((t) => t.behindLoadBalancer && !t.targetGroups)) {
        states = await describeServiceStates(effects.ecs, options.cluster, names);
    }
    for (const [name, s] of states ?? [])
        if (!blocked.has(name) && s.desiredCount === 0 && s.verdict === 'passed')
            blocked.set(name, 'desired count is 0: nothing runs');
    // The first check to throw cancels the others (their polls, sleeps and requests) and is reported at once.
    await allOrAbort(targets.map((t) => async (signal) => {
        const reason = blocked.get(t.service);
        const both = ['load-balancer', 'http'].filter(enabled);
        if (reason) {
            for (const c of both)
                add(t.service, c, 'skipped', reason);
            return;
        }
        await allOrAbort([
            async (inner) => {
                if (!enabled('load-balancer'))
                    return;
                const [status, detail] = await checkLoadBalancer(t, states?.get(t.service), deadline, pollMs, effects, inner);
                add(t.service, 'load-balancer', status, detail);
            },
            async (inner) => {
                if (!enabled('http'))
                    return;
                const [status, detail] = await checkHttp(t, deadline, options.httpRetries ?? 2, effects, inner);
                add(t.service, 'http', status, detail);
            },
        ], signal);
    }));
    if (enabled('alarms')) {
        if (outcomes.some((o) => o.status === 'failed'))
            for (const t of targets)
                add(t.service, 'alarms', 'skipped', 'not baked: an earlier check failed');
        else
            for (const o of await bakeAlarms(targets, options, effects))
                add(o.service, 'alarms', o.status, o.detail);
    }
    const order = new Map(names.map((n, i) => [n, i]));
    outcomes.sort((a, b) => order.get(a.service) - order.get(b.service) || types/* CHECKS */.u.indexOf(a.check) - types/* CHECKS */.u.indexOf(b.check));
    return { passed: !outcomes.some((o) => o.status === 'failed'), outcomes, seconds: (clock.now() - start) / 1000 };
}
async function gate_waitForRollouts(names, options, deadline, pollMs, effects) {
    for (;;) {
        const states = await describeServiceStates(effects.ecs, options.cluster, names, options.expectedTaskDefinitions);
        const pending = [...states.values()].filter((s) => s.verdict === 'pending');
        if (pending.length === 0)
            return states;
        if (effects.clock.now() + pollMs > deadline) {
            for (const s of pending)
                states.set(s.service, { ...s, verdict: 'failed', detail: `not settled by the deadline: ${s.detail}` });
            return states;
        }
        effects.log.info(`waiting for ${pending.length} rollout${pending.length === 1 ? '' : 's'}: ${pending.map((s) => s.service).join(', ')}`);
        await effects.clock.sleep(pollMs);
    }
}
async function checkLoadBalancer(t, state, deadline, pollMs, effects, signal) {
    if (!t.behindLoadBalancer)
        return ['skipped', 'not behind the ALB (routing.public is not set)'];
    const groups = t.targetGroups ?? state?.targetGroups ?? [];
    if (groups.length === 0)
        return ['failed', 'routing.public is set but the ECS service has no load balancer target group (attach one, or give the target-groups input)'];
    for (;;) {
        throwIfAborted(signal);
        const verdict = await checkTargetGroups(effects.elb, groups, signal);
        if (verdict.healthy)
            return ['passed', verdict.detail];
        if (effects.clock.now() + pollMs > deadline)
            return ['failed', `not healthy by the deadline: ${verdict.detail}`];
        await sleepUnlessAborted(effects.clock, pollMs, signal);
    }
}
async function checkHttp(t, deadline, retries, effects, signal) {
    if ('skip' in t.http)
        return ['skipped', t.http.skip];
    const verdict = await checkHttpHealth(t.http, { deadline, retries, signal }, effects);
    return [verdict.healthy ? 'passed' : 'failed', verdict.detail];
}
/** Alarms in ALARM anywhere in the account and region (one paginated call however many services). */
async function alarmsFiring(effects) {
    const firing = [];
    let token;
    do {
        const out = await effects.cloudwatch.send(new client_cloudwatch_dist_cjs/* DescribeAlarmsCommand */.zWD({ StateValue: 'ALARM', AlarmTypes: ['MetricAlarm', 'CompositeAlarm'], ...(token ? { NextToken: token } : {}) }));
        for (const a of [...(out.MetricAlarms ?? []), ...(out.CompositeAlarms ?? [])])
            if (a.AlarmName)
                firing.push({ name: a.AlarmName, state: 'ALARM', reason: a.StateReason ?? '' });
        token = out.NextToken;
    } while (token);
    return firing;
}
const belongsTo = (t, alarm) => ('names' in t.alarms ? t.alarms.names.includes(alarm) : alarm.startsWith(t.alarms.prefix));
/**
 * Looks up each service's alarms once, then watches for any of them in ALARM until the bake time is over. Stops at
 * the first alarm: the gate has failed, and a rollback should not wait for the rest of the bake.
 */
async function bakeAlarms(targets, options, effects) {
    const { clock } = effects;
    const start = clock.now();
    const known = new Map();
    for (const t of targets)
        known.set(t.service, await describeAlarms(effects.cloudwatch, t.alarms));
    const fired = new Map();
    let firing = [...known.values()].flat().filter((a) => a.state === 'ALARM');
    const interval = options.bakeIntervalMs ?? DEFAULT_BAKE_INTERVAL_MS;
    for (;;) {
        for (const a of firing)
            for (const t of targets)
                if (belongsTo(t, a.name) && !fired.has(t.service))
                    fired.set(t.service, a);
        const elapsed = clock.now() - start;
        if (fired.size || elapsed >= options.bakeMs)
            break;
        await clock.sleep(Math.min(interval, options.bakeMs - elapsed));
        firing = await alarmsFiring(effects);
    }
    const baked = `${Math.round((clock.now() - start) / 1000)} s`;
    return targets.map((t) => {
        const alarm = fired.get(t.service);
        if (alarm)
            return { service: t.service, status: 'failed', detail: `${alarm.name} in ALARM after ${baked}${alarm.reason ? `: ${alarm.reason}` : ''}` };
        const found = known.get(t.service) ?? [];
        if ('names' in t.alarms) {
            const missing = t.alarms.names.filter((n) => !found.some((a) => a.name === n));
            if (missing.length)
                return { service: t.service, status: 'failed', detail: `catalog alarm${missing.length === 1 ? '' : 's'} ${missing.join(', ')} not found in CloudWatch` };
        }
        if (found.length === 0)
            return { service: t.service, status: 'skipped', detail: `no alarms named ${'prefix' in t.alarms ? `${t.alarms.prefix}*` : ''} to watch` };
        return { service: t.service, status: 'passed', detail: `${found.length} alarm${found.length === 1 ? '' : 's'} not in ALARM over ${baked}` };
    });
}

;// CONCATENATED MODULE: ./packages/aws/src/health/report.ts
const MARK = { passed: '\u2705 passed', failed: '\u274c failed', skipped: '\u23ed\ufe0f skipped' };
const cell = (text) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
/**
 * Markdown: the verdict, then one row per failed check (the why on top), counts, and every other check collapsed
 * (a 1,000-service gate has 3,000 rows).
 */
function renderGateTable(report, title = 'health gate') {
    const failed = report.outcomes.filter((o) => o.status === 'failed');
    const rest = report.outcomes.filter((o) => o.status !== 'failed');
    const services = new Set(report.outcomes.map((o) => o.service)).size;
    const failedServices = new Set(failed.map((o) => o.service)).size;
    const head = report.passed
        ? `### \u2705 ${title} passed: ${services} service${services === 1 ? '' : 's'} healthy`
        : `### \u274c ${title} failed: ${failed.length} check${failed.length === 1 ? '' : 's'} failed in ${failedServices} service${failedServices === 1 ? '' : 's'}`;
    const row = (o) => `| ${o.service} | ${o.check} | ${MARK[o.status]} | ${cell(o.detail)} |`;
    const lines = [head, ''];
    if (failed.length)
        lines.push('| service | check | result | why |', '|---|---|---|---|', ...failed.map(row), '');
    const counts = ['failed', 'passed', 'skipped'].map((s) => [s, report.outcomes.filter((o) => o.status === s).length]).filter(([, n]) => n > 0);
    if (counts.length)
        lines.push(`${counts.map(([s, n]) => `${MARK[s]}: ${n}`).join(' \u00b7 ')} (checks, in ${report.seconds.toFixed(0)} s)`, '');
    if (rest.length) {
        lines.push(`<details${rest.length <= 10 && failed.length === 0 ? ' open' : ''}><summary>${failed.length ? `The other check${rest.length === 1 ? '' : 's'}` : `Every check`} (${rest.length})</summary>`, '');
        lines.push('| service | check | result | why |', '|---|---|---|---|', ...rest.map(row), '', '</details>', '');
    }
    return lines.join('\n');
}
/** Plain text for the CLI: aligned columns, failures first. */
function renderGateText(report) {
    const rows = [...report.outcomes.filter((o) => o.status === 'failed'), ...report.outcomes.filter((o) => o.status !== 'failed')];
    const w1 = Math.max(7, ...rows.map((o) => o.service.length));
    const w2 = Math.max(5, ...rows.map((o) => o.check.length));
    const lines = [`${'SERVICE'.padEnd(w1)}  ${'CHECK'.padEnd(w2)}  RESULT   WHY`, ...rows.map((o) => `${o.service.padEnd(w1)}  ${o.check.padEnd(w2)}  ${o.status.padEnd(7)}  ${o.detail}`)];
    lines.push('', report.passed ? `health gate passed in ${report.seconds.toFixed(0)} s` : `health gate FAILED: ${rows.filter((o) => o.status === 'failed').length} failed check(s)`);
    return lines.join('\n');
}
/** Markdown: what a failed gate's rollback put back, and on which revision. */
function renderRollbackTable(results) {
    if (results.length === 0)
        return '\nNothing to roll back: no service of this deploy had a previous revision.\n';
    const rows = results.map((r) => `| ${r.service} | ${r.status === 'rolled-back' ? '\u21a9\ufe0f rolled back' : `\u274c ${r.status}`} | ${r.taskDefinition?.split('/').at(-1) ?? ''} | ${cell(r.reason ?? '')} |`);
    return ['', '#### Rollback', '', '| service | result | revision | why |', '|---|---|---|---|', ...rows, ''].join('\n');
}

;// CONCATENATED MODULE: ./packages/aws/src/health/index.ts










// EXTERNAL MODULE: ./packages/catalog/src/suggest.ts
var suggest = __webpack_require__(5753);
;// CONCATENATED MODULE: ./packages/catalog/src/references.ts


const SINGLE_KEYS = ['cluster', 'roleArn', 'serviceConnectNamespace', 'logGroup'];
/** Whether any setting of the environment is a stackOutput or terraformOutput (a caller may skip AWS set-up otherwise). */
function hasReferences(env) {
    return references(env).some((r) => typeof r !== 'string');
}
function references(env) {
    const refs = [...SINGLE_KEYS.map((k) => env[k]), ...(env.network?.subnets ?? []), ...(env.network?.securityGroups ?? [])];
    return refs.filter((r) => r !== undefined);
}
/**
 * Memoises a stack lookup so each stack is described once however many settings (and environments) name it.
 * Concurrent lookups of one stack share the same request.
 */
function cacheStackLookups(describe) {
    const cache = new Map();
    return (stack) => {
        let pending = cache.get(stack);
        if (!pending) {
            pending = describe(stack);
            cache.set(stack, pending);
            // A failed lookup (throttling, network) is not remembered, so a retry asks again.
            pending.catch(() => cache.delete(stack));
        }
        return pending;
    };
}
/**
 * The environment with every `{ stackOutput: STACK.OUTPUT }` and `{ terraformOutput: NAME }` replaced by its value.
 * In subnets and securityGroups, a list output (Terraform) or a comma-separated one (CloudFormation's
 * Fn::Join idiom) expands into several entries. Every unresolvable reference is reported in one error.
 */
async function resolveEnvironmentReferences(env, sources) {
    const describe = sources.describeStack ? cacheStackLookups(sources.describeStack) : undefined;
    const problems = [];
    const resolveOne = async (ref, where) => {
        if (typeof ref === 'string')
            return [ref];
        if ('stackOutput' in ref)
            return stackOutput(ref.stackOutput, where);
        return terraformOutput(ref.terraformOutput, where);
    };
    const stackOutput = async (spec, where) => {
        const dot = spec.indexOf('.');
        const stack = spec.slice(0, dot);
        const output = spec.slice(dot + 1);
        if (dot <= 0 || !output) {
            problems.push(`${where}: stackOutput '${spec}' is not STACK.OUTPUT (e.g. platform-prod.ClusterName)`);
            return undefined;
        }
        if (!describe) {
            problems.push(`${where}: stackOutput '${spec}' needs CloudFormation, which is not available here`);
            return undefined;
        }
        const outputs = await describe(stack);
        if (!outputs) {
            problems.push(`${where}: stack '${stack}' (stackOutput ${spec}) does not exist in ${env.region}${env.account ? ` of account ${env.account}` : ''}`);
            return undefined;
        }
        const value = outputs[output];
        if (value === undefined) {
            const known = Object.keys(outputs).sort();
            const hint = (0,suggest/* didYouMean */.au)(output, known);
            problems.push(`${where}: stack '${stack}' has no output '${output}'${hint ? ` (${hint})` : ''}; its outputs are: ${known.join(', ') || '(none)'}`);
            return undefined;
        }
        return [value];
    };
    const terraformOutput = (name, where) => {
        const outputs = sources.terraformOutputs;
        if (!outputs) {
            problems.push(`${where}: terraformOutput '${name}' needs Terraform outputs; pass terraform-apply's outputs (none were given)`);
            return undefined;
        }
        if (!Object.hasOwn(outputs, name)) {
            const known = Object.keys(outputs).sort();
            const hint = (0,suggest/* didYouMean */.au)(name, known);
            problems.push(`${where}: Terraform has no output '${name}'${hint ? ` (${hint})` : ''}; its outputs are: ${known.join(', ') || '(none)'}`);
            return undefined;
        }
        const raw = outputs[name];
        const value = raw !== null && typeof raw === 'object' && !Array.isArray(raw) && 'value' in raw ? raw.value : raw;
        const values = Array.isArray(value) ? value : [value];
        if (!values.every((v) => typeof v === 'string' || typeof v === 'number')) {
            problems.push(`${where}: Terraform output '${name}' is ${JSON.stringify(value)}, not a string or a list of strings`);
            return undefined;
        }
        return values.map(String);
    };
    const single = async (key) => {
        const ref = env[key];
        if (ref === undefined)
            return undefined;
        const values = await resolveOne(ref, `${env.file}: ${key}`);
        if (values && values.length !== 1)
            problems.push(`${env.file}: ${key}: the output is a list of ${values.length} values, but ${key} takes one`);
        return values?.[0];
    };
    const list = async (key) => {
        const refs = env.network?.[key];
        if (refs === undefined)
            return undefined;
        const resolved = [];
        for (const [i, ref] of refs.entries())
            resolved.push(await resolveOne(ref, `${env.file}: network.${key}[${i}]`));
        return resolved.flatMap((values, i) => (values ?? []).flatMap((v) => (typeof refs[i] === 'string' ? [v] : v.split(',').map((s) => s.trim()).filter(Boolean))));
    };
    // Describe every named stack at once, then resolve in setting order (from the cache), so problems read in file order.
    const stacks = new Set(references(env).flatMap((r) => (typeof r !== 'string' && 'stackOutput' in r && r.stackOutput.includes('.') ? [r.stackOutput.slice(0, r.stackOutput.indexOf('.'))] : [])));
    if (describe)
        await Promise.all([...stacks].map((name) => describe(name)));
    const cluster = await single('cluster');
    const roleArn = await single('roleArn');
    const serviceConnectNamespace = await single('serviceConnectNamespace');
    const logGroup = await single('logGroup');
    const subnets = await list('subnets');
    const securityGroups = await list('securityGroups');
    if (problems.length) {
        throw new errors/* ConfigurationError */.j1(`cannot resolve the settings of environment ${env.name}:\n  ${problems.join('\n  ')}`);
    }
    const { network, ...rest } = env;
    const resolved = { ...rest };
    const set = (k, v) => { if (v === undefined)
        delete resolved[k];
    else
        resolved[k] = v; };
    set('cluster', cluster);
    set('roleArn', roleArn);
    set('serviceConnectNamespace', serviceConnectNamespace);
    set('logGroup', logGroup);
    if (network) {
        const { subnets: _s, securityGroups: _g, ...networkRest } = network;
        resolved.network = { ...networkRest, ...(subnets ? { subnets } : {}), ...(securityGroups ? { securityGroups } : {}) };
    }
    return resolved;
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-cloudformation/dist-cjs/index.js
var client_cloudformation_dist_cjs = __webpack_require__(3805);
;// CONCATENATED MODULE: ./packages/aws/src/cloudformation/stacks.ts

/** The name and message of an AWS SDK error, or of anything else thrown. */
function awsError(e) {
    if (e instanceof Error)
        return { name: e.name, message: e.message };
    return { name: 'Error', message: String(e) };
}
/**
 * DescribeStacks for one stack; undefined when it does not exist. CloudFormation has no NotFound error: a missing
 * stack is a ValidationError "Stack with id NAME does not exist".
 */
async function findStack(cloudformation, name) {
    try {
        const out = await cloudformation.send(new client_cloudformation_dist_cjs/* DescribeStacksCommand */.Y47({ StackName: name }));
        return out.Stacks?.[0];
    }
    catch (e) {
        const { name: code, message } = awsError(e);
        if (code === 'ValidationError' && /does not exist/.test(message))
            return undefined;
        throw e;
    }
}
/** A stack operation is still running: nothing may update the stack until it settles. */
function isInProgress(status) {
    return status !== undefined && status.endsWith('_IN_PROGRESS');
}
/**
 * Settled states from which UpdateStack is accepted. ROLLBACK_COMPLETE (a failed creation), UPDATE_ROLLBACK_FAILED,
 * *_FAILED and DELETE_* are not: the stack needs a person first.
 */
const UPDATABLE = new Set(['CREATE_COMPLETE', 'UPDATE_COMPLETE', 'UPDATE_ROLLBACK_COMPLETE', 'IMPORT_COMPLETE', 'IMPORT_ROLLBACK_COMPLETE', 'UPDATE_FAILED']);
function isUpdatable(status) {
    return status !== undefined && UPDATABLE.has(status);
}
/** What a person must do before a stack in this settled state can be updated. */
function notUpdatableHint(status) {
    if (status === 'UPDATE_ROLLBACK_FAILED')
        return 'finish the rollback first (aws cloudformation continue-update-rollback), then deploy again';
    if (status === 'ROLLBACK_COMPLETE' || status === 'ROLLBACK_FAILED' || status === 'CREATE_FAILED')
        return 'its creation failed: delete and recreate the stack';
    if (status.startsWith('DELETE_'))
        return 'the stack is being or was deleted';
    return 'bring the stack to a *_COMPLETE state first';
}
/** Stack outputs as a plain map (OutputKey -> OutputValue). */
function stackOutputs(stack) {
    const outputs = {};
    for (const o of stack.Outputs ?? [])
        if (o.OutputKey !== undefined)
            outputs[o.OutputKey] = o.OutputValue ?? '';
    return outputs;
}

;// CONCATENATED MODULE: ./packages/aws/src/cloudformation/outputs.ts



/**
 * The `describeStack` that resolveEnvironmentReferences needs: one DescribeStacks per stack for the life of the
 * returned function (make one per run), undefined for a stack that does not exist.
 */
function stackOutputLookup(cloudformation) {
    return cacheStackLookups(async (name) => {
        try {
            const stack = await findStack(cloudformation, name);
            return stack ? stackOutputs(stack) : undefined;
        }
        catch (e) {
            const { name: code, message } = awsError(e);
            if (/AccessDenied/.test(code)) {
                throw new errors/* ConfigurationError */.j1(`reading the outputs of stack '${name}' was denied: ${message} (the deploy role needs cloudformation:DescribeStacks on that stack)`);
            }
            throw errors_awsSetupError(e, `CloudFormation to read the outputs of stack '${name}'`) ?? e;
        }
    });
}

;// CONCATENATED MODULE: ./packages/aws/src/environment.ts




/** AWS region names as the environment schema accepts them (us-east-1, ca-central-1, us-gov-west-1). */
/** A CloudFormation client for the region, loaded on first use (the CLI's `plan` never loads the SDK). */
async function makeCloudFormationClient(region) {
    const { CloudFormationClient } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 3805, 19));
    return new CloudFormationClient(awsClientConfig(region ? { region } : {}));
}
/**
 * The environment with every `{ stackOutput }` / `{ terraformOutput }` setting replaced by its value. One rule for
 * every action and command that needs the cluster, subnets or roles of an environment.
 */
async function resolveEnvironment(environment, sources = {}) {
    if (!hasReferences(environment))
        return environment;
    const needsStacks = JSON.stringify(environment).includes('"stackOutput"');
    const cloudformation = needsStacks ? await (sources.cloudformation ?? (() => makeCloudFormationClient(environment.region)))() : undefined;
    return resolveEnvironmentReferences(environment, {
        ...(cloudformation ? { describeStack: stackOutputLookup(cloudformation) } : {}),
        ...(sources.terraformOutputs ? { terraformOutputs: sources.terraformOutputs } : {}),
    });
}
/**
 * The cluster to work on: `override` (an input or flag, named `overrideName` in messages) when given, else the
 * environment's cluster, resolved from a stack or Terraform output when it is a reference.
 */
async function clusterFor(environment, override, overrideName, sources = {}) {
    if (override)
        return override;
    if (environment.cluster === undefined) {
        throw new errors/* ConfigurationError */.j1(`environment ${environment.name} has no cluster (${environment.file}): set cluster: there, or give ${overrideName}`);
    }
    const resolved = await resolveEnvironment({ ...environment, network: {}, roleArn: undefined, serviceConnectNamespace: undefined, logGroup: undefined }, sources);
    return resolved.cluster;
}

// EXTERNAL MODULE: ./packages/aws/src/ecs/parse-inputs.ts + 1 modules
var parse_inputs = __webpack_require__(7900);
;// CONCATENATED MODULE: ./packages/aws/src/promote.ts










/**
 * The image each service runs in an environment, pinned by digest: what promotion hands to the next environment,
 * so production receives exactly what staging verified and nothing is rebuilt. For an ECS service it is the image of
 * its container in the PRIMARY deployment's task definition; for a stack-owned service, the stack's image
 * parameter. Every problem (a missing service, a rollout still in progress, a mutable tag) is reported together.
 */
async function readRunningRelease(catalog, environment, services, cluster, effects) {
    const problems = [];
    const images = {};
    const viaEcs = services.filter((n) => catalog.services.get(n)?.deployVia !== 'cloudformation');
    const viaStack = services.filter((n) => catalog.services.get(n)?.deployVia === 'cloudformation');
    const described = await wait_describeServices(viaEcs, cluster, effects);
    if (described.error)
        throw new Error(`cannot read the services of cluster ${cluster} in ${environment.name}: ${described.error}`);
    for (const name of described.missing)
        problems.push(`${name}: no such service in cluster ${cluster}`);
    const taskDefinitions = new Map();
    for (const name of viaEcs) {
        const service = described.services.get(name);
        if (!service)
            continue;
        const verdict = rolloutVerdict(service);
        if (verdict.state !== 'done') {
            problems.push(`${name}: its rollout is not finished in ${environment.name} (${verdict.detail}); promote only what finished deploying`);
            continue;
        }
        const primary = service.deployments?.find((d) => d.status === 'PRIMARY');
        const taskDefinition = primary?.taskDefinition ?? service.taskDefinition;
        if (taskDefinition)
            taskDefinitions.set(name, taskDefinition);
        else
            problems.push(`${name}: runs no task definition in ${environment.name}`);
    }
    await concurrency_mapWithConcurrency([...taskDefinitions], 10, async ([name, arn]) => {
        try {
            const { taskDefinition } = await effects.ecs.send(new dist_cjs/* DescribeTaskDefinitionCommand */.Zy$({ taskDefinition: arn }));
            const containerName = (0,settings/* serviceSettings */.xw)(catalog, catalog.services.get(name), environment).containerName;
            const image = taskDefinition?.containerDefinitions?.find((c) => c.name === containerName)?.image;
            if (!image)
                problems.push(`${name}: ${arn} has no container named ${containerName} (set container.name in ${catalog.file})`);
            else if (!(0,parse_inputs/* isDigestImage */.SN)(image))
                problems.push(`${name}: runs ${image}, a mutable tag; promotion takes only images pinned by digest (deploy it with build-push's output first)`);
            else
                images[name] = image;
        }
        catch (e) {
            errors_rethrowConfigurationError(e, { cluster, service: name });
            throw e;
        }
    });
    if (viaStack.length) {
        const cloudformation = await effects.cloudformation();
        for (const name of viaStack) {
            const { stack, imageParameter } = catalog.services.get(name).cloudformation;
            const found = await findStack(cloudformation, stack);
            const image = found?.Parameters?.find((p) => p.ParameterKey === imageParameter)?.ParameterValue;
            if (!found)
                problems.push(`${name}: stack ${stack} does not exist`);
            else if (!image)
                problems.push(`${name}: stack ${stack} has no parameter ${imageParameter}`);
            else if (!(0,parse_inputs/* isDigestImage */.SN)(image))
                problems.push(`${name}: stack ${stack} runs ${image}, a mutable tag; promotion takes only images pinned by digest`);
            else
                images[name] = image;
        }
    }
    if (problems.length) {
        throw new errors/* ConfigurationError */.j1(`cannot promote from ${environment.name}:\n  ${problems.sort().join('\n  ')}`);
    }
    return { images: sortedRecord(images), taskDefinitions: sortedRecord(Object.fromEntries(taskDefinitions)) };
}
function sortedRecord(r) {
    return Object.fromEntries(Object.entries(r).sort(([a], [b]) => a.localeCompare(b)));
}
/**
 * The promotion gate: reads the exact task definitions and digests the source environment runs FIRST, gates those
 * (a service whose PRIMARY moves to another revision during the gate fails it), then reads them again and refuses if
 * anything changed. So what is promoted is exactly what was checked, even if a deploy lands in the source meanwhile.
 */
async function gateRunningRelease(request, effects) {
    const { catalog, environment, services, cluster } = request;
    const names = services.map((s) => s.name);
    const before = await readRunningRelease(catalog, environment, names, cluster, effects);
    const report = await runHealthGate(gateTargets(catalog, environment, services, request.targetGroups ?? {}, effects.log), { ...request.gate, cluster, expectedTaskDefinitions: before.taskDefinitions }, effects);
    if (!report.passed)
        return { report };
    const after = await readRunningRelease(catalog, environment, names, cluster, effects);
    const moved = names
        .filter((n) => before.images[n] !== after.images[n] || before.taskDefinitions[n] !== after.taskDefinitions[n])
        .map((n) => `${n}: ran ${shortRevision(before.taskDefinitions[n]) ?? before.images[n]} when the gate started, ${shortRevision(after.taskDefinitions[n]) ?? after.images[n]} when it ended`);
    if (moved.length) {
        throw new errors/* ConfigurationError */.j1(`${environment.name} changed while its health gate ran, so the gate did not check what it runs now; nothing was promoted (run the promotion again):\n  ${moved.join('\n  ')}`);
    }
    return { report, release: before };
}
function shortRevision(arn) {
    return arn === undefined ? undefined : taskDefinitionName(arn);
}

;// CONCATENATED MODULE: ./packages/aws/src/account.ts



/** The credentials are for another account than the environment's: nothing may be written with them. */
class AccountMismatchError extends errors/* ConfigurationError */.j1 {
    caller;
    expected;
    constructor(message, caller, expected) {
        super(message);
        this.caller = caller;
        this.expected = expected;
    }
}
/**
 * The account rule, one for every command and action that writes to AWS, asked once per run before the first write:
 * the caller's account (STS GetCallerIdentity) must be the environment file's `account`. Credentials of another
 * account (a profile or role left on dev while deploying production) are refused with an AccountMismatchError before
 * anything is changed; region mistakes are regionFor's. An environment without `account` cannot be checked: that is
 * logged as a warning, STS is not asked, and the result is undefined. STS failures (no credentials, an expired
 * session) are ConfigurationErrors saying what to set.
 */
async function verifyCallerAccount(environment, deps, log) {
    const expected = environment.account;
    if (!expected) {
        log.warning(`environment ${environment.name} sets no account (${environment.file}), so the AWS account of the credentials cannot be checked before writing: set account: "123456789012" there (the environment's 12-digit AWS account ID)`);
        return undefined;
    }
    const caller = await callerIdentity(deps, `STS (GetCallerIdentity, to check the account of environment ${environment.name})`);
    if (caller.account === expected)
        return caller;
    const role = typeof environment.roleArn === 'string' ? ` (${environment.roleArn})` : '';
    throw new AccountMismatchError(`credentials are for ${caller.account}, environment ${environment.name} is ${expected} (the account in ${environment.file}), so nothing was changed: ` +
        `assume ${environment.name}'s deploy role${role}, or pick an AWS profile of account ${expected} (AWS_PROFILE); the credentials in use are ${caller.arn || `account ${caller.account}`}`, caller, expected);
}
/** GetCallerIdentity through the injected client, or one made (and closed) here; set-up failures as ConfigurationErrors. */
async function callerIdentity(deps, calling) {
    const { GetCallerIdentityCommand } = await __webpack_require__.e(/* import() */ 695).then(__webpack_require__.t.bind(__webpack_require__, 1695, 19));
    const sts = deps.sts ?? (await makeStsClient({ ...(deps.region ? { region: deps.region } : {}), ...(deps.profile ? { profile: deps.profile } : {}) }));
    try {
        const answer = await sts.send(new GetCallerIdentityCommand({}));
        if (!answer.Account)
            throw new Error('STS GetCallerIdentity answered without an account');
        return { account: answer.Account, arn: answer.Arn ?? '' };
    }
    catch (e) {
        throw errors_awsSetupError(e, calling) ?? e;
    }
    finally {
        if (!deps.sts)
            sts.destroy();
    }
}
/**
 * An STS client for the region, loaded on first use (the CLI's `plan` and `validate` never load the SDK). The SDK itself
 * honours AWS_ENDPOINT_URL_STS, which points it at the fake control plane in tests and the workflow simulator.
 */
async function makeStsClient(options = {}) {
    const { STSClient } = await __webpack_require__.e(/* import() */ 695).then(__webpack_require__.t.bind(__webpack_require__, 1695, 19));
    return new STSClient(awsClientConfig({ maxAttempts: 5, ...options }));
}

;// CONCATENATED MODULE: ./packages/aws/src/index.ts
// Each area owns its folder and its own index.ts; this file only re-exports them.











/***/ })

};

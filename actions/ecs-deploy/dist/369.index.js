export const id = 369;
export const ids = [369];
export const modules = {

/***/ 7369:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  AccountMismatchError: () => (/* reexport */ AccountMismatchError),
  CHECKS: () => (/* reexport */ CHECKS),
  COMMIT_LOOKUP_LIMIT: () => (/* reexport */ COMMIT_LOOKUP_LIMIT),
  DEFAULT_DEPLOY_CONCURRENCY: () => (/* reexport */ DEFAULT_DEPLOY_CONCURRENCY),
  DEFAULT_MAX_ATTEMPTS: () => (/* reexport */ client_config/* DEFAULT_MAX_ATTEMPTS */.Gz),
  DEFAULT_MAX_POLL_INTERVAL_MS: () => (/* reexport */ DEFAULT_MAX_POLL_INTERVAL_MS),
  DEFAULT_POLL_INTERVAL_MS: () => (/* reexport */ DEFAULT_POLL_INTERVAL_MS),
  DEFAULT_REPLICA_WAIT_MS: () => (/* reexport */ replicas/* DEFAULT_REPLICA_WAIT_MS */.I$),
  DEFAULT_SERVICE_TIMEOUT_MS: () => (/* reexport */ DEFAULT_SERVICE_TIMEOUT_MS),
  DEFAULT_STACK_POLL_INTERVAL_MS: () => (/* reexport */ DEFAULT_STACK_POLL_INTERVAL_MS),
  DESCRIBE_SERVICES_BURST: () => (/* reexport */ DESCRIBE_SERVICES_BURST),
  DESCRIBE_SERVICES_LIMIT: () => (/* reexport */ rollout/* DESCRIBE_SERVICES_LIMIT */.rP),
  DESCRIBE_SERVICES_PER_SECOND: () => (/* reexport */ DESCRIBE_SERVICES_PER_SECOND),
  ECS_SERVICE_STATUSES: () => (/* reexport */ types/* ECS_SERVICE_STATUSES */.B),
  HEARTBEAT_MS: () => (/* reexport */ HEARTBEAT_MS),
  IMAGE_DIGEST_PATTERN: () => (/* reexport */ render/* IMAGE_DIGEST_PATTERN */.K3),
  MANIFEST_MEDIA_TYPES: () => (/* reexport */ MANIFEST_MEDIA_TYPES),
  MIN_SEND_RATE: () => (/* reexport */ client_config/* MIN_SEND_RATE */.ff),
  OciRegistryClient: () => (/* reexport */ OciRegistryClient),
  ProgressState: () => (/* reexport */ ProgressState),
  READ_ONLY_TASK_DEFINITION_FIELDS: () => (/* reexport */ render/* READ_ONLY_TASK_DEFINITION_FIELDS */.uY),
  STACK_NAME_TAG: () => (/* reexport */ STACK_NAME_TAG),
  SessionExpiredError: () => (/* reexport */ errors/* SessionExpiredError */.mZ),
  TAG_COMMIT: () => (/* reexport */ TAG_COMMIT),
  TAG_DEPLOY_ID: () => (/* reexport */ TAG_DEPLOY_ID),
  TAG_REPLACES: () => (/* reexport */ TAG_REPLACES),
  TAG_SERVICE: () => (/* reexport */ TAG_SERVICE),
  TERRAFORM_VARIABLES: () => (/* reexport */ render/* TERRAFORM_VARIABLES */.t),
  TIMELINE_MAX_WAVE_BARS: () => (/* reexport */ TIMELINE_MAX_WAVE_BARS),
  addImageTag: () => (/* reexport */ addImageTag),
  asCredentialsError: () => (/* reexport */ asCredentialsError),
  awsClientConfig: () => (/* reexport */ client_config/* awsClientConfig */.rw),
  awsSetupError: () => (/* reexport */ errors/* awsSetupError */.Dw),
  buildAndPushImage: () => (/* reexport */ buildAndPushImage),
  buildPushServices: () => (/* reexport */ buildPushServices),
  buildxArgs: () => (/* reexport */ buildxArgs),
  canonicalTargetGroups: () => (/* reexport */ canonicalTargetGroups),
  checkHttpHealth: () => (/* reexport */ checkHttpHealth),
  checkTargetGroups: () => (/* reexport */ checkTargetGroups),
  chooseBaseRevision: () => (/* reexport */ render/* chooseBaseRevision */.Qf),
  classicBuildAndPush: () => (/* reexport */ classicBuildAndPush),
  classicBuildArgs: () => (/* reexport */ classicBuildArgs),
  classicBuilderLimits: () => (/* reexport */ classicBuilderLimits),
  clusterFor: () => (/* reexport */ clusterFor),
  compareStatus: () => (/* reexport */ compareStatus),
  computeContentTag: () => (/* reexport */ computeContentTag),
  configurationErrorOf: () => (/* reexport */ errors/* configurationErrorOf */.m_),
  deployEcsServices: () => (/* reexport */ deployEcsServices),
  deployPlan: () => (/* reexport */ deployPlan),
  deployStackServices: () => (/* reexport */ deployStackServices),
  describeAlarms: () => (/* reexport */ describeAlarms),
  describeCommand: () => (/* reexport */ describeCommand),
  describeServiceStates: () => (/* reexport */ describeServiceStates),
  describeServices: () => (/* reexport */ describeServices),
  describeServicesInBatches: () => (/* reexport */ rollout/* describeServicesInBatches */.Zs),
  describeSnapshot: () => (/* reexport */ describeSnapshot),
  detectBuilder: () => (/* reexport */ detectBuilder),
  diffTaskDefinitions: () => (/* reexport */ render/* diffTaskDefinitions */.n2),
  dockerConfigFile: () => (/* reexport */ dockerConfigFile),
  ecrAccessError: () => (/* reexport */ ecrAccessError),
  ecrImageRegistry: () => (/* reexport */ ecrImageRegistry),
  ecrRegistryRegion: () => (/* reexport */ ecrRegistryRegion),
  emitProgress: () => (/* reexport */ emitProgress),
  ensureRepository: () => (/* reexport */ ensureRepository),
  failureEventsOfLatestUpdate: () => (/* reexport */ failureEventsOfLatestUpdate),
  findBuiltImages: () => (/* reexport */ findBuiltImages),
  findImage: () => (/* reexport */ findImage),
  findOciImage: () => (/* reexport */ findOciImage),
  findStack: () => (/* reexport */ findStack),
  findUndeclaredStackServices: () => (/* reexport */ findUndeclaredStackServices),
  formatBytes: () => (/* reexport */ formatBytes),
  formatDuration: () => (/* reexport */ formatDuration),
  formatStackEvent: () => (/* reexport */ formatStackEvent),
  gateRunningRelease: () => (/* reexport */ gateRunningRelease),
  gateServices: () => (/* reexport */ gateServices),
  gateTargets: () => (/* reexport */ gateTargets),
  imageRegistryFor: () => (/* reexport */ imageRegistryFor),
  imagesMap: () => (/* reexport */ imagesMap),
  isDigestImage: () => (/* reexport */ render/* isDigestImage */.SN),
  isInProgress: () => (/* reexport */ isInProgress),
  isUpdatable: () => (/* reexport */ isUpdatable),
  libraryPathsOf: () => (/* reexport */ libraryPathsOf),
  lineFor: () => (/* reexport */ lineFor),
  lineRenderer: () => (/* reexport */ lineRenderer),
  loginToRegistry: () => (/* reexport */ loginToRegistry),
  makeCloudFormationClient: () => (/* reexport */ makeCloudFormationClient),
  makeCloudWatchClient: () => (/* reexport */ client_config/* makeCloudWatchClient */.mE),
  makeEc2Client: () => (/* reexport */ client_config/* makeEc2Client */.Iv),
  makeEcrClient: () => (/* reexport */ client_config/* makeEcrClient */.mg),
  makeEcsClient: () => (/* reexport */ client/* makeEcsClient */.r),
  makeElbClient: () => (/* reexport */ client_config/* makeElbClient */.Tw),
  makeIamClient: () => (/* reexport */ client_config/* makeIamClient */.$I),
  makeSecretsManagerClient: () => (/* reexport */ client_config/* makeSecretsManagerClient */.C4),
  makeServiceQuotasClient: () => (/* reexport */ client_config/* makeServiceQuotasClient */.K4),
  makeSsmClient: () => (/* reexport */ client_config/* makeSsmClient */.PA),
  makeStsClient: () => (/* reexport */ makeStsClient),
  ociImageRegistry: () => (/* reexport */ ociImageRegistry),
  parseChallenge: () => (/* reexport */ parseChallenge),
  parseChecks: () => (/* reexport */ parseChecks),
  parseDeployResult: () => (/* reexport */ parse_inputs/* parseDeployResult */.mr),
  parseEcrImage: () => (/* reexport */ replicas/* parseEcrImage */.TI),
  parseRollbackVersion: () => (/* reexport */ parse_inputs/* parseRollbackVersion */.QZ),
  parseStatusReport: () => (/* reexport */ parseStatusReport),
  parseTargetGroups: () => (/* reexport */ parseTargetGroups),
  readEnvironmentStatus: () => (/* reexport */ readEnvironmentStatus),
  readRunningRelease: () => (/* reexport */ readRunningRelease),
  recordedRollbackTargets: () => (/* reexport */ recordedRollbackTargets),
  regionFor: () => (/* reexport */ region/* regionFor */.e),
  registrationOf: () => (/* reexport */ render/* registrationOf */.DD),
  registryApiBase: () => (/* reexport */ registryApiBase),
  renderBuildSummary: () => (/* reexport */ renderBuildSummary),
  renderComparison: () => (/* reexport */ renderComparison),
  renderDeployTimeline: () => (/* reexport */ renderDeployTimeline),
  renderEcsResultTable: () => (/* reexport */ renderEcsResultTable),
  renderEcsResultText: () => (/* reexport */ renderEcsResultText),
  renderGateTable: () => (/* reexport */ renderGateTable),
  renderGateText: () => (/* reexport */ renderGateText),
  renderRollbackTable: () => (/* reexport */ renderRollbackTable),
  renderStatus: () => (/* reexport */ renderStatus),
  renderTaskDefinition: () => (/* reexport */ render/* renderTaskDefinition */.P9),
  resolveBuildSource: () => (/* reexport */ resolveBuildSource),
  resolveEnvironment: () => (/* reexport */ resolveEnvironment),
  resolveReplicas: () => (/* reexport */ replicas/* resolveReplicas */._X),
  resolveRollbackTarget: () => (/* reexport */ resolveRollbackTarget),
  revisionCell: () => (/* reexport */ revisionCell),
  revisionOf: () => (/* reexport */ revisionOf),
  rollBackRecordedDeploy: () => (/* reexport */ rollBackRecordedDeploy),
  rollBackService: () => (/* reexport */ rollBackService),
  rollBackServices: () => (/* reexport */ rollBackServices),
  rollBackStackService: () => (/* reexport */ rollBackStackService),
  rolloutVerdict: () => (/* reexport */ rollout/* rolloutVerdict */.$6),
  runHealthGate: () => (/* reexport */ runHealthGate),
  sameRegistration: () => (/* reexport */ render/* sameRegistration */.YG),
  sameTaskDefinition: () => (/* reexport */ rollout/* sameTaskDefinition */.JL),
  serviceState: () => (/* reexport */ serviceState),
  sessionExpiredError: () => (/* reexport */ errors/* sessionExpiredError */.qD),
  shortTaskDefinition: () => (/* reexport */ shortTaskDefinition),
  shortenDigests: () => (/* reexport */ shortenDigests),
  spawnExec: () => (/* reexport */ spawnExec),
  stackOutputLookup: () => (/* reexport */ stackOutputLookup),
  stackOutputs: () => (/* reexport */ stackOutputs),
  statusReport: () => (/* reexport */ statusReport),
  storedDockerCredentials: () => (/* reexport */ storedDockerCredentials),
  taskDefinitionFamily: () => (/* reexport */ rollout/* taskDefinitionFamily */.dm),
  taskDefinitionName: () => (/* reexport */ rollout/* taskDefinitionName */.ip),
  templatePath: () => (/* reexport */ templatePath),
  tokenBucket: () => (/* reexport */ tokenBucket),
  verifyCallerAccount: () => (/* reexport */ verifyCallerAccount),
  waitForRollouts: () => (/* reexport */ waitForRollouts)
});

// EXTERNAL MODULE: ./packages/aws/src/ecs/types.ts
var types = __webpack_require__(1958);
// EXTERNAL MODULE: ./packages/aws/src/ecs/client.ts
var client = __webpack_require__(6076);
// EXTERNAL MODULE: ./packages/aws/src/ecs/render.ts + 1 modules
var render = __webpack_require__(7715);
// EXTERNAL MODULE: ./packages/aws/src/ecs/rollout.ts
var rollout = __webpack_require__(3274);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecs/dist-cjs/index.js
var dist_cjs = __webpack_require__(212);
// EXTERNAL MODULE: ./packages/aws/src/ecs/concurrency.ts
var ecs_concurrency = __webpack_require__(3600);
// EXTERNAL MODULE: ./packages/aws/src/ecs/errors.ts
var errors = __webpack_require__(5552);
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
        await (0,ecs_concurrency/* sleepUnlessAborted */.bp)(clock, Math.max(0, Math.min(nextPollAt, nearest) - clock.now()), options.signal);
        (0,ecs_concurrency/* throwIfAborted */.Te)(options.signal);
        const pollStartedAt = clock.now();
        polls++;
        const described = await describeServices([...pending.keys()], options.cluster, effects, { pacer, signal: options.signal });
        const failures = [];
        const snapshots = [];
        for (const watch of [...pending.values()]) {
            const service = described.services.get(watch.service);
            const verdict = service
                ? (0,rollout/* rolloutVerdict */.$6)(service, { taskDefinition: watch.taskDefinition, ...(watch.deploymentId ? { deploymentId: watch.deploymentId } : {}) })
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
                await (0,ecs_concurrency/* sleepUnlessAborted */.bp)(clock, Math.ceil(((1 - tokens) * 1000) / rate.perSecond), signal);
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
        effects.log.debug(`progress renderer failed on ${event.type}: ${(0,errors/* describeErrorOf */.V9)(e)}`);
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
async function describeServices(names, cluster, effects, options = {}) {
    let error;
    let cause;
    const pacer = options.pacer ?? tokenBucket(effects.clock, { burst: DESCRIBE_SERVICES_BURST, perSecond: DESCRIBE_SERVICES_PER_SECOND });
    const onError = (e) => {
        (0,errors/* rethrowConfigurationError */.wD)(e, { cluster });
        error = `DescribeServices failed: ${(0,errors/* describeErrorOf */.V9)(e)}`;
        cause = e;
        effects.log.warning(error);
    };
    const calls = [];
    for (let i = 0; i < names.length; i += rollout/* DESCRIBE_SERVICES_LIMIT */.rP) {
        await pacer.take(options.signal);
        const call = (0,rollout/* describeServicesInBatches */.Zs)(effects.ecs, cluster, names.slice(i, i + rollout/* DESCRIBE_SERVICES_LIMIT */.rP), { onError });
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
        effects.log.debug(`${watch.service}: could not read stopped tasks: ${(0,errors/* describeErrorOf */.V9)(e)}`);
    }
    const since = watch.startedAt;
    const events = (service.events ?? []).filter((e) => !e.createdAt || e.createdAt.getTime() >= since).slice(0, 3).map((e) => e.message);
    if (events.length)
        details.push(`latest events: ${events.join(' | ')}`);
    return details;
}

;// CONCATENATED MODULE: ./packages/aws/src/ecs/progress.ts
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

// EXTERNAL MODULE: ./packages/catalog/src/errors.ts
var src_errors = __webpack_require__(2332);
// EXTERNAL MODULE: ./packages/catalog/src/settings.ts
var src_settings = __webpack_require__(1214);
// EXTERNAL MODULE: ./packages/graph/src/plan.ts
var src_plan = __webpack_require__(5517);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-cloudformation/dist-cjs/index.js
var client_cloudformation_dist_cjs = __webpack_require__(3805);
;// CONCATENATED MODULE: ./packages/aws/src/cloudformation/events.ts

/** DescribeStackEvents returns newest first, 100 a page; a long-lived stack has thousands, so stop after this many. */
const MAX_EVENT_PAGES = 20;
/** An event as one line: `Service (AWS::ECS::Service) UPDATE_FAILED: reason`. */
function formatStackEvent(e) {
    const what = `${e.LogicalResourceId ?? '?'} (${e.ResourceType ?? '?'}) ${e.ResourceStatus ?? '?'}`;
    return e.ResourceStatusReason ? `${what}: ${e.ResourceStatusReason}` : what;
}
/**
 * The *_FAILED events of the stack's latest update, oldest first: what explains a rollback. The update starts at the
 * stack's own UPDATE_IN_PROGRESS event; with a client request token, only that operation's events count (every event
 * an operation causes carries its token).
 */
async function failureEventsOfLatestUpdate(cloudformation, stackName, token) {
    const failed = [];
    let nextToken;
    const ours = (e) => !token || !e.ClientRequestToken || e.ClientRequestToken === token;
    const isStart = (e) => e.ResourceType === 'AWS::CloudFormation::Stack' && e.LogicalResourceId === stackName && e.ResourceStatus === 'UPDATE_IN_PROGRESS' && ours(e);
    for (let page = 0; page < MAX_EVENT_PAGES; page++) {
        const out = await cloudformation.send(new client_cloudformation_dist_cjs/* DescribeStackEventsCommand */.Ie9({ StackName: stackName, ...(nextToken ? { NextToken: nextToken } : {}) }));
        for (const e of out.StackEvents ?? []) {
            if (isStart(e))
                return failed.reverse().map(formatStackEvent);
            if (ours(e) && e.ResourceStatus?.endsWith('_FAILED'))
                failed.push(e);
        }
        nextToken = out.NextToken;
        if (!nextToken)
            break;
    }
    return failed.reverse().map(formatStackEvent);
}

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

;// CONCATENATED MODULE: ./packages/aws/src/cloudformation/deploy.ts





/** CloudFormation's own waiters poll stacks every 30 s; ECS service updates inside a stack take minutes. */
const DEFAULT_STACK_POLL_INTERVAL_MS = 15_000;
/**
 * Deploy services owned by CloudFormation stacks by updating each stack's image parameter, never the ECS service
 * itself (that would drift from the stack). Services sharing a stack go in one UpdateStack; stacks update in parallel.
 * Every stack is checked (exists, declares the parameter) before any is updated, so a catalog mistake changes nothing.
 */
async function deployStackServices(requests, deps, options) {
    const byStack = new Map();
    for (const r of requests)
        byStack.set(r.stack, [...(byStack.get(r.stack) ?? []), r]);
    const stacks = await Promise.all([...byStack.keys()].map((name) => findStack(deps.cloudformation, name)));
    checkRequests(byStack, stacks);
    const outcomes = new Map();
    await Promise.all([...byStack].map(async ([name, reqs], i) => {
        outcomes.set(name, await updateStackImages(name, reqs, stacks[i], deps, options));
    }));
    return requests.map((r) => {
        const o = outcomes.get(r.stack);
        const previousImage = o.previous.get(r.imageParameter);
        return {
            service: r.service,
            status: o.status,
            ...(previousImage === undefined ? {} : { previousImage }),
            image: r.image,
            ...(o.reason ? { reason: o.reason } : {}),
            ...(o.events?.length ? { events: o.events } : {}),
        };
    });
}
/**
 * Put a stack-managed service back on a given image (usually a deploy's `previousImage`) by re-applying it as the
 * image parameter. `rolled-back` when the stack reached UPDATE_COMPLETE, `unchanged` when it already ran that image.
 */
async function rollBackStackService(request, deps, options) {
    deps.log.info(`${request.service}: rolling back stack ${request.stack} to ${request.imageParameter}=${request.image}`);
    const [result] = await deployStackServices([request], deps, { ...options, rollbackOnFailure: false });
    const r = result;
    if (r.status === 'deployed')
        return { ...r, status: 'rolled-back' };
    if (r.status === 'rolled-back')
        return { ...r, status: 'failed', reason: `rolling back to ${request.image} failed and CloudFormation reverted it: ${r.reason ?? ''}`.trimEnd() };
    return r;
}
function checkRequests(byStack, stacks) {
    const problems = [];
    [...byStack].forEach(([name, reqs], i) => {
        const stack = stacks[i];
        const services = reqs.map((r) => r.service).join(', ');
        if (!stack) {
            problems.push(`stack '${name}' of ${services} (catalog cloudformation.stack) does not exist in this account and region`);
            return;
        }
        const declared = (stack.Parameters ?? []).map((p) => p.ParameterKey).filter((k) => !!k);
        for (const r of reqs) {
            if (!declared.includes(r.imageParameter)) {
                problems.push(`stack '${name}' has no parameter '${r.imageParameter}' (service ${r.service}, catalog cloudformation.imageParameter); its parameters are: ${declared.join(', ') || '(none)'}`);
            }
        }
        const images = new Map();
        for (const r of reqs) {
            const other = images.get(r.imageParameter);
            if (other && other.image !== r.image)
                problems.push(`services ${other.service} and ${r.service} both set parameter '${r.imageParameter}' of stack '${name}' to different images`);
            images.set(r.imageParameter, r);
        }
    });
    if (problems.length)
        throw new src_errors/* ConfigurationError */.j1(`cannot deploy through CloudFormation:\n  ${problems.join('\n  ')}`);
}
function parameterValues(stack) {
    return new Map((stack.Parameters ?? []).filter((p) => p.ParameterKey).map((p) => [p.ParameterKey, p.ParameterValue]));
}
async function updateStackImages(name, reqs, initial, deps, options) {
    const { cloudformation, clock, log } = deps;
    const poll = options.pollIntervalMs ?? DEFAULT_STACK_POLL_INTERVAL_MS;
    const seconds = Math.round(options.timeoutMs / 1000);
    const images = new Map(reqs.map((r) => [r.imageParameter, r.image]));
    let stack = initial;
    let previous = parameterValues(stack);
    // A running operation (someone else's deploy, a drift fix) would make UpdateStack fail: wait for it, bounded.
    // UpdateStack can still lose that race, so a refusal "is in UPDATE_IN_PROGRESS state" sends us back to waiting.
    const waitDeadline = clock.now() + options.timeoutMs;
    let token;
    for (;;) {
        if (isInProgress(stack.StackStatus)) {
            log.info(`stack ${name} is ${stack.StackStatus}: waiting for it to finish before updating it`);
            const settled = await waitWhileInProgress(name, stack, waitDeadline, deps, poll);
            if (isInProgress(settled.StackStatus)) {
                return { status: 'failed', previous, reason: `stack ${name} is still ${settled.StackStatus} after ${seconds}s: another operation is running on it, so tierdeploy did not update it; deploy again when it has finished` };
            }
            stack = settled;
            previous = parameterValues(stack);
        }
        if (!isUpdatable(stack.StackStatus)) {
            return { status: 'failed', previous, reason: `stack ${name} is ${stack.StackStatus} and cannot be updated: ${notUpdatableHint(stack.StackStatus ?? '')}` };
        }
        if ([...images].every(([param, image]) => previous.get(param) === image)) {
            log.info(`stack ${name} already runs ${[...images.values()].join(', ')}`);
            return { status: 'unchanged', previous };
        }
        // Only the image parameters change: every other parameter keeps its value, the template and capabilities stay,
        // and omitting RoleARN, Tags and NotificationARNs keeps the stack's own.
        const parameters = (stack.Parameters ?? []).map((p) => images.has(p.ParameterKey) ? { ParameterKey: p.ParameterKey, ParameterValue: images.get(p.ParameterKey) } : { ParameterKey: p.ParameterKey, UsePreviousValue: true });
        // The token tags every event of this update, so the failure report holds this update's events only.
        token = `tierdeploy-${Math.floor(clock.now())}`;
        try {
            await cloudformation.send(new client_cloudformation_dist_cjs/* UpdateStackCommand */.zPv({
                StackName: name,
                UsePreviousTemplate: true,
                Parameters: parameters,
                ...(stack.Capabilities?.length ? { Capabilities: stack.Capabilities } : {}),
                ClientRequestToken: token,
            }));
            break;
        }
        catch (e) {
            const { name: code, message } = awsError(e);
            if (code === 'ValidationError' && /No updates are to be performed/i.test(message)) {
                log.info(`stack ${name}: no updates are to be performed`);
                return { status: 'unchanged', previous };
            }
            if (code === 'ValidationError' && /_IN_PROGRESS state/.test(message) && clock.now() < waitDeadline) {
                stack = (await findStack(cloudformation, name)) ?? stack;
                previous = parameterValues(stack);
                continue;
            }
            return { status: 'failed', previous, reason: `UpdateStack on ${name} was refused: ${code}: ${message}${code === 'AccessDenied' || code === 'AccessDeniedException' ? ' (the deploy role needs cloudformation:UpdateStack, and iam:PassRole on the stack\'s role if it has one)' : ''}` };
        }
    }
    log.info(`stack ${name}: updating ${[...images].map(([p, i]) => `${p}=${i}`).join(', ')}`);
    let settled = await waitWhileInProgress(name, stack, clock.now() + options.timeoutMs, deps, poll, true);
    if (isInProgress(settled.StackStatus) && settled.StackStatus !== 'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS') {
        if (settled.StackStatus?.startsWith('UPDATE_ROLLBACK')) {
            const events = await failureEventsOfLatestUpdate(cloudformation, name, token);
            return { status: 'failed', previous, events, reason: `stack ${name} failed to update and CloudFormation was still rolling it back (${settled.StackStatus}) after ${seconds}s: ${events[0] ?? settled.StackStatusReason ?? 'no failure event found'}` };
        }
        if (!options.rollbackOnFailure || settled.StackStatus !== 'UPDATE_IN_PROGRESS') {
            return { status: 'failed', previous, reason: `stack ${name} is still ${settled.StackStatus} after ${seconds}s; tierdeploy left it running` };
        }
        log.warning(`stack ${name} is still UPDATE_IN_PROGRESS after ${seconds}s: cancelling the update so CloudFormation rolls it back`);
        try {
            await cloudformation.send(new client_cloudformation_dist_cjs/* CancelUpdateStackCommand */.v6j({ StackName: name }));
        }
        catch (e) {
            const { name: code, message } = awsError(e);
            return { status: 'failed', previous, reason: `stack ${name} timed out after ${seconds}s and CancelUpdateStack failed: ${code}: ${message}` };
        }
        settled = await waitWhileInProgress(name, settled, clock.now() + options.timeoutMs, deps, poll);
        const events = await failureEventsOfLatestUpdate(cloudformation, name, token);
        if (settled.StackStatus === 'UPDATE_ROLLBACK_COMPLETE') {
            return { status: 'rolled-back', previous, events, reason: `stack ${name} did not finish updating within ${seconds}s; the update was cancelled and rolled back` };
        }
        return { status: 'failed', previous, events, reason: `stack ${name} did not finish updating within ${seconds}s and was cancelled; it is now ${settled.StackStatus}` };
    }
    const status = settled.StackStatus ?? '';
    if (status === 'UPDATE_COMPLETE' || status === 'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS')
        return { status: 'deployed', previous };
    const events = await failureEventsOfLatestUpdate(cloudformation, name, token);
    const cause = events.find((e) => !e.startsWith(`${name} (AWS::CloudFormation::Stack)`)) ?? events[0] ?? settled.StackStatusReason ?? 'no failure event found';
    if (status === 'UPDATE_ROLLBACK_COMPLETE') {
        return { status: 'rolled-back', previous, events, reason: `stack ${name} failed to update and CloudFormation rolled it back: ${cause}` };
    }
    const hint = status === 'UPDATE_ROLLBACK_FAILED' ? `; ${notUpdatableHint(status)}` : '';
    return { status: 'failed', previous, events, reason: `stack ${name} update ended ${status}: ${cause}${hint}` };
}
/**
 * Poll DescribeStacks until the stack is no longer *_IN_PROGRESS or the deadline passes; returns the last stack seen.
 * With `updateIsDone`, UPDATE_COMPLETE_CLEANUP_IN_PROGRESS also ends the wait: the new resources are in place and
 * CloudFormation is only deleting replaced ones.
 */
async function waitWhileInProgress(name, stack, deadline, deps, pollMs, updateIsDone = false) {
    const { cloudformation, clock, log } = deps;
    let current = stack;
    let lastStatus = current.StackStatus;
    for (;;) {
        (0,ecs_concurrency/* throwIfAborted */.Te)(deps.signal);
        const latest = await findStack(cloudformation, name);
        if (!latest)
            throw new Error(`stack ${name} disappeared while tierdeploy was waiting for it`);
        current = latest;
        if (current.StackStatus !== lastStatus) {
            log.info(`stack ${name}: ${current.StackStatus}${current.StackStatusReason ? ` (${current.StackStatusReason})` : ''}`);
            lastStatus = current.StackStatus;
        }
        if (!isInProgress(current.StackStatus))
            return current;
        if (updateIsDone && current.StackStatus === 'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS')
            return current;
        const left = deadline - clock.now();
        if (left <= 0)
            return current;
        await (0,ecs_concurrency/* sleepUnlessAborted */.bp)(clock, Math.min(pollMs, left), deps.signal);
    }
}

// EXTERNAL MODULE: ./packages/aws/src/ecr/replicas.ts
var replicas = __webpack_require__(2147);
// EXTERNAL MODULE: ./packages/aws/src/ecs/parse-inputs.ts
var parse_inputs = __webpack_require__(9648);
;// CONCATENATED MODULE: ./packages/aws/src/ecs/tags.ts
/** Tags tierdeploy puts on every task definition revision it registers (ECS tag keys: letters, digits, `:/_.-`). */
const TAG_COMMIT = 'tierdeploy:commit';
const TAG_DEPLOY_ID = 'tierdeploy:deploy-id';
/** The task definition ARN the service ran before this revision: what `--version previous` rolls back to. */
const TAG_REPLACES = 'tierdeploy:replaces';
const TAG_SERVICE = 'tierdeploy:service';

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
    const described = await describeServices(targets.map((t) => t.service), options.cluster, effects);
    const results = new Map();
    const watches = [];
    let expired;
    await (0,ecs_concurrency/* mapWithConcurrency */.WS)(targets, options.concurrency ?? 8, async (target) => {
        const current = described.services.get(target.service);
        const before = current?.taskDefinition;
        const base = { service: target.service, ...(before ? { previousTaskDefinition: before } : {}), taskDefinition: target.taskDefinition };
        if (!current) {
            results.set(target.service, { ...base, status: 'rollback-failed', reason: described.error ?? `service not found in cluster ${options.cluster}` });
            return;
        }
        if ((0,rollout/* sameTaskDefinition */.JL)(current.taskDefinition, target.taskDefinition)) {
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
            const configuration = (0,errors/* configurationErrorOf */.m_)(e, { cluster: options.cluster, service: target.service });
            if (configuration instanceof errors/* SessionExpiredError */.mZ)
                expired ??= configuration;
            results.set(target.service, { ...base, status: 'rollback-failed', reason: configuration?.message ?? `UpdateService failed: ${(0,errors/* describeErrorOf */.V9)(e)}` });
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
        if ((0,src_errors/* isConfigurationError */.p0)(e))
            throw e;
        // Only reads happen here, so a refusal or an unreachable endpoint stops the rollback before any write.
        (0,errors/* rethrowConfigurationError */.wD)(e, { cluster: options.cluster, service });
        throw (0,errors/* awsSetupError */.Dw)(e, `ECS (cluster '${options.cluster}')`) ?? e;
    }
}
async function findRollbackTarget(service, version, options, effects) {
    const described = await describeServices([service], options.cluster, effects);
    if (described.error)
        throw described.cause;
    const current = described.services.get(service)?.taskDefinition;
    if (!current)
        throw new src_errors/* ConfigurationError */.j1(`service '${service}' not found in ECS cluster '${options.cluster}': nothing to roll back`);
    const family = (0,rollout/* taskDefinitionFamily */.dm)(current);
    const describe = async (ref) => {
        try {
            const out = await effects.ecs.send(new dist_cjs/* DescribeTaskDefinitionCommand */.Zy$({ taskDefinition: ref, include: ['TAGS'] }));
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
            throw new src_errors/* ConfigurationError */.j1(`${service}: nothing to roll back to: the running revision ${current} was not deployed by tierdeploy (it has no ${TAG_REPLACES} tag), so what ran before it is unknown; name a revision (--version N) or a commit instead`);
        }
        target = replaces;
    }
    else if (version.kind === 'revision') {
        const ref = `${family}:${version.revision}`;
        const { td } = await describe(ref);
        if (!td)
            throw new src_errors/* ConfigurationError */.j1(`${service}: task definition ${ref} does not exist`);
        if (td.status !== 'ACTIVE')
            throw new src_errors/* ConfigurationError */.j1(`${service}: task definition ${ref} is ${td.status}; ECS cannot deploy it, pick an ACTIVE revision`);
        target = td.taskDefinitionArn;
    }
    else {
        target = await findRevisionOfCommit(service, family, version.sha, effects);
    }
    if (target === current)
        throw new src_errors/* ConfigurationError */.j1(`${service} already runs ${current}: nothing to roll back`);
    return { current, target };
}
async function findRevisionOfCommit(service, family, sha, effects) {
    let checked = 0;
    let nextToken;
    do {
        const page = await effects.ecs.send(new dist_cjs/* ListTaskDefinitionsCommand */.Pse({ familyPrefix: family, sort: 'DESC', status: 'ACTIVE', maxResults: 100, ...(nextToken ? { nextToken } : {}) }));
        nextToken = page.nextToken;
        const arns = (page.taskDefinitionArns ?? []).slice(0, COMMIT_LOOKUP_LIMIT - checked);
        checked += arns.length;
        const tagged = await (0,ecs_concurrency/* mapWithConcurrency */.WS)(arns, 5, async (arn) => {
            const out = await effects.ecs.send(new dist_cjs/* DescribeTaskDefinitionCommand */.Zy$({ taskDefinition: arn, include: ['TAGS'] }));
            return out.tags?.find((t) => t.key === TAG_COMMIT)?.value?.toLowerCase().startsWith(sha) ? arn : undefined;
        });
        const found = tagged.find((a) => a !== undefined);
        if (found)
            return found;
    } while (nextToken && checked < COMMIT_LOOKUP_LIMIT);
    throw new src_errors/* ConfigurationError */.j1(`${service}: no ACTIVE revision of ${family} among the latest ${checked} is tagged with commit ${sha} (${TAG_COMMIT})`);
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

;// CONCATENATED MODULE: ./packages/aws/src/ecs/deploy.ts












/** Writes (RegisterTaskDefinition + UpdateService) in flight at once: well under ECS's per-account API rates. */
const DEFAULT_DEPLOY_CONCURRENCY = 10;
/**
 * Deploys a step (a tier or a chunk of one): reads and renders every service before writing anything, registers and
 * updates only the services whose task definition changes, waits for all of a wave at once, and on failure (by
 * default) puts every service the step changed back on its previous revision. Returns one result per service.
 */
async function deployEcsServices(given, effects) {
    for (const [name, image] of Object.entries(given.images)) {
        if (!(0,parse_inputs/* isDigestImage */.SN)(image))
            throw new src_errors/* ConfigurationError */.j1(`image of ${name} must be pinned by digest (repository@sha256:<64 hex>), got '${image}'`);
    }
    // 0. Every image pullable by this environment's tasks: another account's image becomes its replica here, or nothing is written.
    const request = { ...given, images: await imagesPullableHere(given, effects) };
    const { catalog, cluster, clock, log } = { ...request, ...effects };
    const started = clock.now();
    const serviceTimeoutMs = request.serviceTimeoutMs ?? DEFAULT_SERVICE_TIMEOUT_MS;
    // By default each wave may take the service timeout; the step, one service timeout per wave.
    const deadline = started + (request.stepTimeoutMs ?? serviceTimeoutMs * Math.max(1, request.waves.length));
    const rollbackOnFailure = request.rollbackOnFailure ?? true;
    const concurrency = request.concurrency ?? DEFAULT_DEPLOY_CONCURRENCY;
    const all = request.waves.flat().map((name) => serviceNamed(catalog, name));
    const viaStack = new Set(all.filter((s) => s.deployVia === 'cloudformation').map((s) => s.name));
    // 1. Read everything before writing anything: a missing service or container changes nothing.
    const planned = await planServices(request, all.filter((s) => !viaStack.has(s.name)), effects);
    const diffs = Object.fromEntries([...planned.values()].filter((p) => p.changed).map((p) => [p.name, p.diff]));
    const results = new Map();
    const stackResults = new Map();
    if (request.dryRun) {
        for (const s of all) {
            const p = planned.get(s.name);
            if (p)
                results.set(s.name, { service: s.name, status: p.changed ? 'would-deploy' : 'unchanged', previousTaskDefinition: p.previous, ...(p.changed ? {} : { taskDefinition: p.previous }) });
            else
                results.set(s.name, stackPreview(s, request.images[s.name]));
        }
        return { ok: true, results: all.map((s) => results.get(s.name)), diffs, polls: 0 };
    }
    // 2. Wave by wave: write, then wait for the whole wave.
    emitProgress(effects, { type: 'step-started', at: clock.now(), deployId: request.deployId, cluster, waves: request.waves });
    const watches = [];
    const unconfirmed = new Set();
    let polls = 0;
    let failedWave;
    try {
        for (const [w, wave] of request.waves.entries()) {
            const waveStarted = clock.now();
            emitProgress(effects, { type: 'wave-started', at: waveStarted, wave: w + 1, waves: request.waves.length, services: wave });
            const ecsChanged = [];
            for (const name of wave) {
                const p = planned.get(name);
                if (!p)
                    continue;
                if (p.changed)
                    ecsChanged.push(p);
                else {
                    results.set(name, { service: name, status: 'unchanged', previousTaskDefinition: p.previous, taskDefinition: p.previous, reason: request.images[name] ? undefined : 'no new image given' });
                    emitProgress(effects, { type: 'service-unchanged', at: clock.now(), service: name });
                }
            }
            if (ecsChanged.length)
                log.info(`wave ${w + 1}: deploying ${ecsChanged.map((p) => p.name).join(', ')}`);
            for (const p of ecsChanged)
                log.info(`${p.name}: new revision of ${(0,rollout/* taskDefinitionName */.ip)(p.previous)}:\n  ${p.diff.join('\n  ')}`);
            const waveWatches = [];
            const refused = [];
            await (0,ecs_concurrency/* mapWithConcurrency */.WS)(ecsChanged, concurrency, async (p) => {
                const watch = await registerAndUpdate(p, request, effects, results, refused);
                if (watch) {
                    waveWatches.push(watch);
                    unconfirmed.add(p.name);
                    emitProgress(effects, { type: 'service-updated', at: clock.now(), service: p.name, revision: (0,rollout/* taskDefinitionName */.ip)(watch.taskDefinition), previousRevision: (0,rollout/* taskDefinitionName */.ip)(p.previous), ...(watch.deploymentId ? { deploymentId: watch.deploymentId } : {}) });
                }
                else
                    emitProgress(effects, { type: 'service-write-failed', at: clock.now(), service: p.name, reason: results.get(p.name)?.reason ?? 'write failed' });
            });
            // Every later call would fail the same way: stop, and let the caller record what changed.
            const expired = refused.find((r) => r instanceof errors/* SessionExpiredError */.mZ);
            if (expired)
                throw expired;
            // AWS refused a write for a set-up reason (permissions) before any service changed: one clear error, nothing to
            // roll back. Once something changed, the refusal is that service's failure and the step rolls the rest back.
            const changedEarlier = watches.length > 0 || [...stackResults.values()].some((r) => r.status === 'deployed');
            if (refused.length && waveWatches.length === 0 && !changedEarlier)
                throw refused[0];
            watches.push(...waveWatches);
            const stackWave = wave.filter((n) => viaStack.has(n)).map((n) => serviceNamed(catalog, n));
            // ECS rollouts and stack updates side by side; the first to throw (an expired session) stops the other's polling.
            let waited = { outcomes: new Map(), polls: 0 };
            await (0,ecs_concurrency/* allOrAbort */.jH)([
                async (signal) => {
                    waited = await waitForRollouts(waveWatches, { cluster, serviceTimeoutMs, deadline, signal, ...pollOptions(request) }, effects);
                },
                async (signal) => {
                    for (const x of await deployStackWave(stackWave, request, { ...effects, signal }, serviceTimeoutMs, rollbackOnFailure))
                        stackResults.set(x.service, x);
                },
            ]);
            polls += waited.polls;
            for (const watch of waveWatches) {
                const outcome = waited.outcomes.get(watch.service);
                const entry = results.get(watch.service);
                const settled = { settledAt: outcome.settledAt ?? clock.now() };
                results.set(watch.service, outcome.ok ? { ...entry, status: 'deployed', ...settled } : { ...entry, status: 'failed', reason: outcome.reason ?? 'rollout failed', ...settled });
                unconfirmed.delete(watch.service);
            }
            for (const s of stackWave)
                results.set(s.name, fromStackResult(stackResults.get(s.name)));
            const count = (status) => wave.filter((n) => results.get(n)?.status === status).length;
            emitProgress(effects, { type: 'wave-done', at: clock.now(), wave: w + 1, ok: count('failed') === 0, deployed: count('deployed'), failed: count('failed'), unchanged: count('unchanged'), elapsedMs: clock.now() - waveStarted });
            if (wave.some((n) => results.get(n)?.status === 'failed')) {
                failedWave = w;
                break;
            }
        }
        if (failedWave !== undefined) {
            const failed = [...results.values()].filter((r) => r.status === 'failed').map((r) => r.service);
            for (const name of request.waves.slice(failedWave + 1).flat()) {
                results.set(name, { service: name, status: 'skipped', reason: `not deployed: wave ${failedWave + 1} failed (${failed.join(', ')})` });
            }
            if (rollbackOnFailure)
                emitProgress(effects, { type: 'rollback-started', at: clock.now(), services: watches.map((x) => x.service), because: failed });
            if (rollbackOnFailure)
                await rollBackStep(watches, stackResults, failed, request, effects, serviceTimeoutMs, results);
            else {
                for (const w of watches) {
                    const r = results.get(w.service);
                    if (r.status === 'deployed' || r.status === 'failed')
                        results.set(w.service, { ...r, reason: [r.reason, 'left as it is: rollback-on-failure is off'].filter(Boolean).join('; ') });
                }
            }
        }
    }
    catch (e) {
        if (e instanceof errors/* SessionExpiredError */.mZ)
            e.results ??= all.map((s) => interruptedResult(s.name, results.get(s.name), unconfirmed.has(s.name)));
        throw e;
    }
    const list = all.map((s) => results.get(s.name));
    const ok = list.every((r) => r.status === 'deployed' || r.status === 'unchanged');
    log.info(`deploy ${request.deployId}: ${ok ? 'succeeded' : 'failed'} in ${((clock.now() - started) / 1000).toFixed(0)} s (${polls} polls)`);
    emitProgress(effects, { type: 'step-done', at: clock.now(), ok, elapsedMs: clock.now() - started, polls });
    return { ok, results: list, diffs, polls };
}
function pollOptions(request) {
    return {
        ...(request.pollIntervalMs !== undefined ? { pollIntervalMs: request.pollIntervalMs } : {}),
        ...(request.maxPollIntervalMs !== undefined ? { maxPollIntervalMs: request.maxPollIntervalMs } : {}),
    };
}
function serviceNamed(catalog, name) {
    const s = (0,src_plan/* resolveServiceName */.fV)(catalog, name);
    if (s.kind !== 'service')
        throw new src_errors/* ConfigurationError */.j1(`${s.name} is ${s.kind === 'library' ? 'a library' : 'infrastructure'}: it is not deployed to ECS`);
    return s;
}
/**
 * The images this environment's tasks can pull (resolveReplicas): an ECR image of another account or region is
 * exchanged for the same digest replicated into the environment's registry. Only an environment that names its
 * account can be judged; a dry run looks once instead of waiting for replication.
 */
async function imagesPullableHere(request, effects) {
    const account = request.environment.account;
    if (account === undefined)
        return request.images;
    const region = request.region ?? request.environment.region;
    const foreign = Object.values(request.images).some((image) => {
        const ref = (0,replicas/* parseEcrImage */.TI)(image);
        return ref !== undefined && (ref.account !== account || ref.region !== region);
    });
    if (!foreign)
        return request.images;
    if (!effects.ecr)
        throw new Error('deployEcsServices: an image comes from another registry and no ECR client was given');
    const destination = { environment: request.environment.name, file: request.environment.file, account, region };
    const resolved = await (0,replicas/* resolveReplicas */._X)(request.images, destination, { ecr: await effects.ecr(), clock: effects.clock, log: effects.log }, request.dryRun ? { waitMs: 0 } : {});
    return resolved.images;
}
/** Reads each service and its task definition, and renders what it should run. */
async function planServices(request, services, effects) {
    const planned = new Map();
    if (services.length === 0)
        return planned;
    const described = await describeServices(services.map((s) => s.name), request.cluster, effects);
    if (described.error)
        throw (0,errors/* awsSetupError */.Dw)(described.cause, `ECS (cluster '${request.cluster}')`) ?? new Error(`could not read the services of cluster ${request.cluster}: ${described.error}`);
    const missing = services.filter((s) => !described.services.has(s.name)).map((s) => s.name);
    if (missing.length) {
        throw new src_errors/* ConfigurationError */.j1(`not found in ECS cluster '${request.cluster}': ${missing.join(', ')}; create the services first (Terraform module ecs-service), or check the cluster of environment ${request.environment.name} (${request.environment.file})`);
    }
    await (0,ecs_concurrency/* mapWithConcurrency */.WS)(services, request.concurrency ?? DEFAULT_DEPLOY_CONCURRENCY, async (s) => {
        const service = described.services.get(s.name);
        if (service.status !== 'ACTIVE')
            throw new src_errors/* ConfigurationError */.j1(`ECS service ${s.name} in cluster '${request.cluster}' is ${service.status}: it cannot be deployed`);
        const controller = service.deploymentController?.type ?? 'ECS';
        if (controller !== 'ECS') {
            throw new src_errors/* ConfigurationError */.j1(`ECS service ${s.name} uses the ${controller} deployment controller: tierdeploy deploys rolling-update (ECS controller) services only; deploy it with its own controller or switch it to ECS`);
        }
        const previous = service.taskDefinition;
        const primary = service.deployments?.find((d) => d.status === 'PRIMARY');
        if (primary?.rolloutState === 'IN_PROGRESS' && (service.deployments?.length ?? 0) > 1) {
            // Rolling back would return to this unfinished revision; say so rather than hide it.
            effects.log.warning(`${s.name}: an earlier rollout to ${previous} is still in progress; this deploy replaces it, and a rollback would return to it`);
        }
        const settings = (0,src_settings/* serviceSettings */.xw)(request.catalog, s, request.environment);
        const { base, running } = await baseAndRunning(s.name, previous, settings.containerName, request, effects);
        const next = (0,render/* renderTaskDefinition */.P9)({ base, running, service: s.name, image: request.images[s.name], settings });
        // Compared with what runs, so the diff shows catalog removals and Terraform's changes alike.
        const before = (0,render/* registrationOf */.DD)(running);
        const changed = !(0,render/* sameRegistration */.YG)(before, next);
        planned.set(s.name, { name: s.name, previous, next, changed, diff: changed ? (0,render/* diffTaskDefinitions */.n2)(before, next) : [] });
    });
    return planned;
}
/**
 * The revision to render on and the one the service runs. The base is the family's latest ACTIVE revision: the
 * ecs-service module ignores the service's task_definition, so a revision Terraform registers after a deploy (roles,
 * logging, sidecars) reaches the tasks only through here. The running revision is the base when it is the newest (the
 * family has no ACTIVE revision after it, as when it was deregistered), and, with a warning, when the latest lacks
 * the catalog's container (registered by hand, or by Terraform with an older catalog): deploying on what runs beats
 * refusing the deploy.
 */
async function baseAndRunning(service, previous, containerName, request, effects) {
    const { base, running, latest, chose } = await (0,render/* chooseBaseRevision */.Qf)(previous, containerName, (ref, missingIsUndefined) => describeTaskDefinition(ref, service, request, effects, { missingIsUndefined }));
    const baseName = (0,rollout/* taskDefinitionName */.ip)(base.taskDefinitionArn ?? (0,rollout/* taskDefinitionFamily */.dm)(previous));
    if (chose === 'container') {
        const latestName = (0,rollout/* taskDefinitionName */.ip)(latest?.taskDefinitionArn ?? (0,rollout/* taskDefinitionFamily */.dm)(previous));
        const names = latest?.containerDefinitions?.map((c) => c.name).join(', ') || 'none';
        effects.log.warning(`${service}: the family's latest revision ${latestName} has no container '${containerName}' (it has ${names}); building on the running ${(0,rollout/* taskDefinitionName */.ip)(previous)} instead, so what ${latestName} changes does not reach the tasks until it has that container (Terraform's container_name comes from the catalog's container.name)`);
    }
    else if (chose === 'latest')
        effects.log.info(`${service}: building on ${baseName}, registered after the running ${(0,rollout/* taskDefinitionName */.ip)(previous)}`);
    return { base, running };
}
/** DescribeTaskDefinition of an ARN, family:revision or family; with missingIsUndefined, ECS's "not found" is undefined. */
async function describeTaskDefinition(ref, service, request, effects, options = {}) {
    try {
        return (await effects.ecs.send(new dist_cjs/* DescribeTaskDefinitionCommand */.Zy$({ taskDefinition: ref }))).taskDefinition;
    }
    catch (e) {
        (0,errors/* rethrowConfigurationError */.wD)(e, { cluster: request.cluster, service });
        // ECS answers ClientException "Unable to describe task definition." for a family with no ACTIVE revision.
        if (options.missingIsUndefined && e instanceof Error && e.name === 'ClientException')
            return undefined;
        throw (0,errors/* awsSetupError */.Dw)(e, `ECS (cluster '${request.cluster}')`) ?? e;
    }
}
/**
 * Registers the new revision (tagged) and points the service at it; returns what to wait for, or records the failure
 * (a set-up refusal also goes to `refused`). Never throws: other services of the wave may already be updating.
 */
async function registerAndUpdate(p, request, effects, results, refused) {
    const tags = [
        { key: TAG_SERVICE, value: p.name },
        { key: TAG_DEPLOY_ID, value: request.deployId },
        { key: TAG_REPLACES, value: p.previous },
        ...(request.commitSha ? [{ key: TAG_COMMIT, value: request.commitSha }] : []),
    ];
    let arn;
    try {
        const registered = await effects.ecs.send(new dist_cjs/* RegisterTaskDefinitionCommand */.$Hl({ ...p.next, tags }));
        arn = registered.taskDefinition?.taskDefinitionArn;
        if (!arn)
            throw new Error('RegisterTaskDefinition returned no ARN');
        effects.log.info(`${p.name}: registered ${arn}`);
        const updated = await effects.ecs.send(new dist_cjs/* UpdateServiceCommand */.kZr({ cluster: request.cluster, service: p.name, taskDefinition: arn }));
        const primary = updated.service?.deployments?.find((d) => d.status === 'PRIMARY');
        const startedAt = effects.clock.now();
        results.set(p.name, { service: p.name, status: 'deployed', previousTaskDefinition: p.previous, taskDefinition: arn, startedAt });
        return { service: p.name, taskDefinition: arn, ...(primary?.id ? { deploymentId: primary.id } : {}), startedAt };
    }
    catch (e) {
        const configuration = (0,errors/* configurationErrorOf */.m_)(e, { cluster: request.cluster, service: p.name });
        if (configuration)
            refused.push(configuration);
        const step = arn ? 'UpdateService' : 'RegisterTaskDefinition';
        results.set(p.name, { service: p.name, status: 'failed', previousTaskDefinition: p.previous, ...(arn ? { taskDefinition: arn } : {}), reason: configuration?.message ?? `${step} failed: ${(0,errors/* describeErrorOf */.V9)(e)}` });
        return undefined;
    }
}
async function deployStackWave(services, request, effects, timeoutMs, rollbackOnFailure) {
    const withImage = services.filter((s) => request.images[s.name]);
    const out = services.filter((s) => !request.images[s.name]).map((s) => ({ service: s.name, status: 'unchanged', image: '', reason: 'no new image given' }));
    if (withImage.length === 0)
        return out;
    if (!effects.cloudformation) {
        return [...out, ...withImage.map((s) => ({ service: s.name, status: 'failed', image: request.images[s.name], reason: 'deployVia: cloudformation needs a CloudFormation client, which this caller did not provide' }))];
    }
    const requests = withImage.map((s) => ({ service: s.name, stack: s.cloudformation.stack, imageParameter: s.cloudformation.imageParameter, image: request.images[s.name] }));
    const results = await deployStackServices(requests, { cloudformation: effects.cloudformation, clock: effects.clock, log: effects.log, signal: effects.signal }, { timeoutMs, rollbackOnFailure, ...(request.pollIntervalMs ? { pollIntervalMs: request.pollIntervalMs } : {}) });
    return [...out, ...results];
}
function stackPreview(s, image) {
    if (!image)
        return { service: s.name, status: 'unchanged', reason: 'no new image given' };
    return { service: s.name, status: 'would-deploy', reason: `via CloudFormation stack ${s.cloudformation?.stack}: ${s.cloudformation?.imageParameter}=${image}` };
}
function fromStackResult(r) {
    const via = `via CloudFormation${r.previousImage ? ` (image was ${r.previousImage})` : ''}`;
    // A stack that CloudFormation itself rolled back after a failed update is a failed deploy of this step.
    const status = r.status === 'rolled-back' ? 'failed' : r.status;
    return { service: r.service, status, reason: [r.reason, r.image ? `${via}, image ${r.image}` : undefined].filter(Boolean).join('; ') };
}
/**
 * What a service's result says when the AWS session expired mid-step. A service whose update went through stays
 * `deployed` (its rollout unconfirmed, or its rollback cut short), so that a later job with fresh credentials rolling
 * back to the recorded revisions (ecs-deploy `rollback-version: recorded`) puts it back.
 */
function interruptedResult(service, result, unconfirmed) {
    const expired = 'the AWS session expired';
    if (!result)
        return { service, status: 'skipped', reason: `not deployed: ${expired} first` };
    if (unconfirmed)
        return { ...result, reason: `updated, but the rollout was not confirmed: ${expired} while waiting` };
    return result;
}
/** Puts every service the step changed back on its previous revision (stacks on their previous image) and waits. */
async function rollBackStep(watches, stackResults, failed, request, effects, timeoutMs, results) {
    const targets = watches.map((w) => ({ service: w.service, taskDefinition: results.get(w.service).previousTaskDefinition }));
    effects.log.warning(`rolling back ${targets.length + [...stackResults.values()].filter((r) => r.status === 'deployed').length} service(s) changed by this step because ${failed.join(', ')} failed`);
    let rolled;
    try {
        rolled = await rollBackServices(targets, { cluster: request.cluster, timeoutMs, concurrency: request.concurrency ?? DEFAULT_DEPLOY_CONCURRENCY, ...pollOptions(request) }, effects);
    }
    catch (e) {
        if (e instanceof errors/* SessionExpiredError */.mZ) {
            for (const t of targets) {
                const before = results.get(t.service);
                results.set(t.service, { ...before, reason: [before.reason, `rollback to ${t.taskDefinition} cut short: the AWS session expired`].filter(Boolean).join('; ') });
            }
        }
        throw e;
    }
    for (const r of rolled) {
        const before = results.get(r.service);
        const back = r.status === 'rolled-back';
        if (before.status === 'failed') {
            results.set(r.service, { ...before, status: back ? 'failed' : 'rollback-failed', reason: `${before.reason}; ${back ? `rolled back to ${r.taskDefinition}` : `rollback failed: ${r.reason}`}` });
        }
        else {
            results.set(r.service, { ...before, status: back ? 'rolled-back' : 'rollback-failed', reason: back ? `rolled back because ${failed.join(', ')} failed` : `rollback failed: ${r.reason}` });
        }
    }
    const cloudformation = effects.cloudformation;
    const stacks = [...stackResults.values()].filter((r) => r.status === 'deployed' && r.previousImage);
    if (!cloudformation || stacks.length === 0)
        return;
    await Promise.all(stacks.map(async (r) => {
        const s = request.catalog.services.get(r.service);
        const back = await rollBackStackService({ service: r.service, stack: s.cloudformation.stack, imageParameter: s.cloudformation.imageParameter, image: r.previousImage }, { cloudformation, clock: effects.clock, log: effects.log }, { timeoutMs, ...(request.pollIntervalMs ? { pollIntervalMs: request.pollIntervalMs } : {}) });
        results.set(r.service, { service: r.service, status: back.status === 'rolled-back' || back.status === 'unchanged' ? 'rolled-back' : 'rollback-failed', reason: back.reason ?? `rolled back to image ${r.previousImage} because ${failed.join(', ')} failed` });
    }));
}

;// CONCATENATED MODULE: ./packages/aws/src/ecs/deploy-plan.ts

/**
 * Deploys a whole plan tier by tier, lowest first; a failed tier stops every tier above it (their services are
 * reported `skipped`). Infrastructure orders the plan but is never deployed to ECS. One rule for the CLI's deploy
 * and promote; in workflows each tier is its own job and calls deployEcsServices directly.
 */
async function deployPlan(request, effects) {
    const { plan, catalog, ...rest } = request;
    const results = [];
    const diffs = {};
    let ok = true;
    for (const tier of plan.tiers) {
        const waves = tier.waves.map((w) => w.filter((n) => catalog.services.get(n)?.kind === 'service')).filter((w) => w.length);
        if (waves.length === 0)
            continue;
        if (!ok) {
            results.push(...waves.flat().map((service) => ({ service, status: 'skipped', reason: `tier ${tier.tier} did not start: a lower tier failed` })));
            continue;
        }
        effects.log.info(`tier ${tier.tier} (${tier.name}): ${waves.flat().length} service(s) in ${waves.length} wave(s)`);
        const images = Object.fromEntries(waves.flat().filter((n) => request.images[n]).map((n) => [n, request.images[n]]));
        // The live view names the tier a step belongs to.
        const progress = effects.progress;
        const tierEffects = progress ? { ...effects, progress: (e) => progress(e.type === 'step-started' ? { ...e, tier: tier.tier, tierName: tier.name } : e) } : effects;
        const outcome = await deployEcsServices({ ...rest, catalog, waves, images }, tierEffects);
        results.push(...outcome.results);
        Object.assign(diffs, outcome.diffs);
        ok &&= outcome.ok;
    }
    return { ok, results, diffs };
}

;// CONCATENATED MODULE: ./packages/aws/src/ecs/summary.ts

const ICON = {
    deployed: '\u2705',
    unchanged: '\u2796',
    'would-deploy': '\ud83d\udcdd',
    failed: '\u274c',
    'rolled-back': '\u21a9\ufe0f',
    'rollback-failed': '\ud83d\udd25',
    skipped: '\u23ed\ufe0f',
};
/** Statuses that fail a step: they lead the summary, one row each with what was done about them. */
const FAILURES = ['failed', 'rollback-failed'];
/** `family:revision` of a task definition ARN (the ARN's prefix adds nothing in a table). */
function shortTaskDefinition(arn) {
    return arn ? (0,rollout/* taskDefinitionName */.ip)(arn) : '';
}
/** A revision as its number (`:42`) when its family is the service's name, else `family:42`. */
function revisionOf(service, arn) {
    if (!arn)
        return '';
    const name = (0,rollout/* taskDefinitionName */.ip)(arn);
    return (0,rollout/* taskDefinitionFamily */.dm)(name) === service ? name.slice(service.length) : name;
}
/** Image digests cut to 12 hex digits: the full value is in the step's JSON output (and on hover in the summary). */
function shortenDigests(text) {
    return text.replace(/sha256:([0-9a-f]{12})[0-9a-f]{52}/g, 'sha256:$1\u2026');
}
function cell(text) {
    return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
/** A table cell: digests shortened, the full text on hover when that lost anything. */
function reasonCell(text) {
    const short = shortenDigests(text);
    return short === text ? cell(text) : `<span title="${text.replace(/"/g, '&quot;')}">${cell(short)}</span>`;
}
/** Whether a failed service was put back on its previous revision by the step (deploy.ts appends "rolled back to"). */
function rolledBackAfterFailure(r) {
    return r.status === 'failed' && /(^|; )rolled back to /.test(r.reason ?? '');
}
/**
 * What the service ran, tried and runs now, as revision numbers: `:41 \u2192 :42` deployed, `:41 \u2192 :42 \u21a9 :41` rolled
 * back by this step. In a rollback (`mode: 'rollback'`) `taskDefinition` is the revision rolled back to: `:42 \u21a9 :41`.
 */
function revisionCell(r, mode = 'deploy') {
    const before = revisionOf(r.service, r.previousTaskDefinition);
    const after = revisionOf(r.service, r.taskDefinition);
    if (mode === 'rollback') {
        if (r.status === 'rolled-back' || r.status === 'would-deploy')
            return [before, after].filter(Boolean).join(' \u21a9 ');
        return after ? `${before} \u21a9 ${after} \u2717` : before;
    }
    switch (r.status) {
        case 'deployed':
            return before && after && before !== after ? `${before} \u2192 ${after}` : after || before;
        case 'unchanged':
        case 'skipped':
            return after || before;
        case 'would-deploy':
            return `${before} \u2192 new`;
        case 'rolled-back':
            return `${before} \u2192 ${after} \u21a9 ${before}`;
        case 'failed':
            if (!after)
                return `${before} \u2717`;
            return rolledBackAfterFailure(r) ? `${before} \u2192 ${after} \u2717 \u21a9 ${before}` : `${before} \u2192 ${after} \u2717`;
        case 'rollback-failed':
            return `${before} \u2192 ${after} \u2717 \u21a9 \u2717`;
    }
}
/** Where a failure happened, from its reason (the deploy writes each stage's failure in its own words). */
function stageOf(r, mode) {
    const reason = r.reason ?? '';
    if (mode === 'rollback' || r.status === 'rollback-failed')
        return 'rollback';
    if (reason.startsWith('RegisterTaskDefinition failed'))
        return 'register';
    if (reason.startsWith('UpdateService failed'))
        return 'update';
    if (reason.startsWith('timed out'))
        return 'rollout (timed out)';
    if (reason.includes('via CloudFormation'))
        return 'CloudFormation stack';
    return 'rollout';
}
/** The failure in words without what was done about it (that has its own column). */
function whyFailed(r) {
    return (r.reason ?? 'failed').replace(/; (rolled back to .*|left as it is: rollback-on-failure is off)$/, '');
}
function whatWasDone(r, mode) {
    const reason = r.reason ?? '';
    if (r.status === 'rollback-failed')
        return '\ud83d\udd25 rollback failed: needs attention';
    if (mode === 'rollback')
        return 'left on its current revision';
    if (rolledBackAfterFailure(r))
        return `rolled back to ${revisionOf(r.service, r.previousTaskDefinition)}`;
    if (reason.includes('left as it is'))
        return 'left as it is (rollback-on-failure is off)';
    if (!r.taskDefinition || reason.startsWith('RegisterTaskDefinition failed'))
        return 'nothing changed';
    return 'left for ECS (circuit breaker or manual)';
}
/**
 * The job summary of a deploy or rollback: the verdict, then each failure (service, stage, why, what was done about
 * it), then counts, the timeline, and every service in a collapsed table, so 1,000 rows never hide the one that failed.
 */
function renderEcsResultTable(results, title = 'ECS deploy', options = {}) {
    const mode = options.mode ?? 'deploy';
    const failures = results.filter((r) => FAILURES.includes(r.status));
    const counts = new Map();
    for (const r of results)
        counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
    const verdict = results.length === 0
        ? `\u2796 ${title}: nothing to deploy`
        : failures.length
            ? `\u274c ${title}: ${failures.length} of ${results.length} failed`
            : `\u2705 ${title}: ${results.length} service${results.length === 1 ? '' : 's'} ${mode === 'rollback' ? 'rolled back' : 'deployed or unchanged'}`;
    const lines = [`### ${verdict}`, ''];
    if (failures.length) {
        lines.push('| failed | stage | why | what was done |', '|---|---|---|---|');
        for (const r of failures)
            lines.push(`| ${ICON[r.status]} \`${cell(r.service)}\` ${cell(revisionCell(r, mode))} | ${stageOf(r, mode)} | ${reasonCell(whyFailed(r))} | ${cell(whatWasDone(r, mode))} |`);
        lines.push('');
    }
    if (results.length)
        lines.push(ECS_STATUS_ORDER.filter((s) => counts.has(s)).map((s) => `${ICON[s]} ${counts.get(s)} ${s}`).join(' \u00b7 '), '');
    const timeline = renderDeployTimeline(results, options);
    if (timeline)
        lines.push(timeline);
    if (results.length) {
        const ordered = [...failures, ...results.filter((r) => !FAILURES.includes(r.status))];
        lines.push(`<details${results.length <= 10 && failures.length === 0 ? ' open' : ''}><summary>Every service (${results.length})</summary>`, '');
        lines.push('| service | status | revision | reason |', '|---|---|---|---|');
        for (const r of ordered)
            lines.push(`| ${cell(r.service)} | ${ICON[r.status]} ${r.status} | ${cell(revisionCell(r, mode))} | ${reasonCell(r.reason ?? '')} |`);
        lines.push('', '</details>', '');
    }
    return `${lines.join('\n')}\n`;
}
/** The order statuses are counted in: what went wrong first. */
const ECS_STATUS_ORDER = ['failed', 'rollback-failed', 'rolled-back', 'skipped', 'deployed', 'would-deploy', 'unchanged'];
/** The same as plain text for the terminal (`tierdeploy deploy`): one row per service, revisions in full. */
function renderEcsResultText(results) {
    const rows = results.map((r) => [r.service, r.status, shortTaskDefinition(r.previousTaskDefinition), shortTaskDefinition(r.taskDefinition), r.reason ?? '']);
    const head = ['SERVICE', 'STATUS', 'BEFORE', 'AFTER', 'REASON'];
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const fmt = (r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('  ').trimEnd();
    return [fmt(head), ...rows.map(fmt)].join('\n');
}
/** Bars per tier before its waves are summed up in one bar: a gantt stays readable at ~40 bars. */
const TIMELINE_MAX_WAVE_BARS = 12;
/** Mermaid gantt task names end at ':' and '#' starts a comment. */
function ganttLabel(text) {
    return text.replace(/[:#;]/g, ' ');
}
/**
 * After a deploy, a Mermaid gantt of how long each tier and wave took, and the slowest rollouts (failures marked),
 * from the results' startedAt/settledAt. At most TIMELINE_MAX_WAVE_BARS waves per tier and `slowest` services are
 * bars, so 1,000 services draw a few dozen. Undefined when no result carries timings (a dry run, a rollback).
 */
function renderDeployTimeline(results, options = {}) {
    const timed = results.filter((r) => r.startedAt !== undefined && r.settledAt !== undefined);
    if (timed.length === 0)
        return undefined;
    const byService = new Map(timed.map((r) => [r.service, r]));
    const tiers = options.tiers ?? [{ tier: 0, name: 'deploy', waves: [timed.map((r) => r.service)] }];
    const span = (names) => {
        const members = names.map((n) => byService.get(n)).filter((r) => r !== undefined);
        if (members.length === 0)
            return undefined;
        return [Math.min(...members.map((r) => r.startedAt)), Math.max(...members.map((r) => r.settledAt))];
    };
    const minutes = (ms) => (ms >= 60_000 ? `${(ms / 60_000).toFixed(1)} min` : `${Math.round(ms / 1000)} s`);
    const lines = ['gantt', '  dateFormat x', '  axisFormat %H:%M', '  todayMarker off'];
    for (const tier of tiers) {
        const whole = span(tier.waves.flat());
        if (!whole)
            continue;
        lines.push(`  section ${ganttLabel(tier.tier ? `Tier ${tier.tier} ${tier.name}` : tier.name)}`);
        lines.push(`    ${ganttLabel(`whole tier, ${minutes(whole[1] - whole[0])}`)} :t${tier.tier}, ${whole[0]}, ${whole[1]}`);
        if (tier.waves.length > TIMELINE_MAX_WAVE_BARS)
            continue;
        tier.waves.forEach((wave, i) => {
            const s = span(wave);
            if (!s)
                return;
            const count = wave.filter((n) => byService.has(n)).length;
            lines.push(`    ${ganttLabel(`wave ${i + 1} (${count}), ${minutes(s[1] - s[0])}`)} :t${tier.tier}w${i + 1}, ${s[0]}, ${s[1]}`);
        });
    }
    const slowest = [...timed].sort((a, b) => b.settledAt - b.startedAt - (a.settledAt - a.startedAt)).slice(0, options.slowest ?? 8);
    lines.push(`  section ${slowest.length} slowest`);
    slowest.forEach((r, i) => {
        const failed = FAILURES.includes(r.status);
        lines.push(`    ${ganttLabel(`${r.service}, ${minutes(r.settledAt - r.startedAt)}`)} :${failed ? 'crit, ' : ''}s${i + 1}, ${r.startedAt}, ${r.settledAt}`);
    });
    return `\`\`\`mermaid\n${lines.join('\n')}\n\`\`\`\n`;
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













// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./packages/aws/src/ecr/exec.ts


const spawnExec = (file, args, options = {}) => new Promise((resolve, reject) => {
    const child = (0,external_node_child_process_.spawn)(file, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'], shell: false });
    let stdout = '';
    let stderr = '';
    const lines = (append) => {
        let partial = '';
        return (chunk) => {
            const text = chunk.toString('utf8');
            append(text);
            if (!options.onLine)
                return;
            const parts = (partial + text).split('\n');
            partial = parts.pop() ?? '';
            for (const line of parts)
                options.onLine(line);
        };
    };
    child.stdout.on('data', lines((t) => (stdout += t)));
    child.stderr.on('data', lines((t) => (stderr += t)));
    child.on('error', (e) => reject(e.code === 'ENOENT' ? new src_errors/* ConfigurationError */.j1(`${file} is not installed or not on PATH: this step runs it, so use a runner that has it (GitHub's ubuntu runners have git, docker and buildx)`) : e));
    child.on('close', (code, signal) => resolve({ exitCode: code ?? (signal ? 128 : 1), stdout, stderr }));
    child.stdin.on('error', () => { }); // a child that exits without reading stdin must not crash us with EPIPE
    child.stdin.end(options.stdin ?? '');
});
/** The command line as a person would type it, for error messages (never includes stdin). */
function describeCommand(file, args) {
    return [file, ...args].map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}

// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
;// CONCATENATED MODULE: ./packages/catalog/src/docker-ignore.ts
/**
 * What a `.dockerignore` keeps out of a build context, read the way Docker reads it (moby/patternmatcher, which
 * BuildKit uses): one pattern a line, `#` at the start of a line a comment, a leading `!` an exception, patterns
 * cleaned like Go's filepath.Clean (`./a/` is `a`, a leading `/` dropped). `*` and `?` stop at `/`, `**` crosses
 * it, `[...]` is a class, `\` escapes. Patterns apply in order and the last that matches a path, or one of the
 * directories above it, decides: `*` then `!src` keeps `src/a.ts`.
 *
 * A pattern Docker would refuse (an unclosed `[`) matches nothing here: the build fails on it anyway, and a file
 * that is wrongly counted as an input costs a rebuild, never a missed change.
 *
 * Returns whether a path relative to the context is excluded.
 */
function dockerIgnoreMatcher(text) {
    const patterns = readPatterns(text).flatMap((p) => {
        const regex = patternRegex(p.pattern);
        return regex ? [{ exception: p.exception, regex }] : [];
    });
    if (patterns.length === 0)
        return () => false;
    return (path) => {
        const dirs = path.split('/').slice(0, -1);
        let excluded = false;
        for (const p of patterns) {
            // An exclusion only matters once the path is excluded, an exception only once it is.
            if (p.exception !== excluded)
                continue;
            let match = p.regex.test(path);
            for (let i = 1; !match && i <= dirs.length; i++)
                match = p.regex.test(dirs.slice(0, i).join('/'));
            if (match)
                excluded = !p.exception;
        }
        return excluded;
    };
}
function readPatterns(text) {
    const out = [];
    for (const raw of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
        if (raw.startsWith('#'))
            continue;
        let line = raw.trim();
        if (line === '')
            continue;
        const exception = line.startsWith('!');
        if (exception)
            line = line.slice(1).trim();
        if (line === '')
            continue; // a lone `!` is refused by Docker
        let pattern = goClean(line);
        if (pattern.length > 1 && pattern.startsWith('/'))
            pattern = pattern.slice(1);
        out.push({ pattern, exception });
    }
    return out;
}
/** Go's path.Clean: no empty or `.` segments, `..` resolved where it can be, `.` for nothing. */
function goClean(path) {
    const rooted = path.startsWith('/');
    const out = [];
    for (const s of path.split('/')) {
        if (s === '' || s === '.')
            continue;
        if (s === '..' && out.length > 0 && out.at(-1) !== '..')
            out.pop();
        else if (s !== '..' || !rooted)
            out.push(s);
    }
    const joined = out.join('/');
    return rooted ? `/${joined}` : joined || '.';
}
/** A character that matches itself in a regular expression. */
function literal(ch) {
    return /[\\^$.*+?()[\]{}|/]/.test(ch) ? `\\${ch}` : ch;
}
/** moby/patternmatcher's translation of a pattern into a regular expression. */
function patternRegex(pattern) {
    let source = '^';
    let inClass = false;
    for (let i = 0; i < pattern.length; i++) {
        const ch = pattern[i];
        if (inClass) {
            if (ch === '\\' && i + 1 < pattern.length)
                source += literal(pattern[++i]);
            else {
                if (ch === ']')
                    inClass = false;
                source += ch;
            }
        }
        else if (ch === '*') {
            if (pattern[i + 1] === '*') {
                i++;
                if (pattern[i + 1] === '/')
                    i++;
                source += i + 1 >= pattern.length ? '.*' : '(.*/)?';
            }
            else
                source += '[^/]*';
        }
        else if (ch === '?')
            source += '[^/]';
        else if (ch === '\\')
            source += literal(i + 1 < pattern.length ? pattern[++i] : '\\');
        else if (ch === '[') {
            inClass = true;
            source += ch;
        }
        else
            source += literal(ch);
    }
    if (inClass)
        return undefined;
    try {
        return new RegExp(`${source}$`);
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./packages/catalog/src/build-inputs.ts


/** Whether `file` is `dir` or lies under it; everything lies under the repository root '.'. */
function isUnder(file, dir) {
    return dir === '.' || file === dir || (file.length > dir.length && file.startsWith(dir) && file[dir.length] === '/');
}
/** A path joined onto a directory in the catalog's form ('.' is the root). */
function joinRepoPath(dir, name) {
    return dir === '.' ? name : `${dir}/${name}`;
}
/** The libraries a service's image holds: its `dependsOn` of kind library and theirs, never through other services. */
function librariesOf(catalog, service) {
    const seen = new Set();
    const out = [];
    const visit = (names) => {
        for (const name of names) {
            const dep = catalog.services.get(name);
            if (!dep || dep.kind !== 'library' || seen.has(name))
                continue;
            seen.add(name);
            out.push(dep);
            visit(dep.dependsOn);
        }
    };
    visit(service.dependsOn);
    return out;
}
const nestedByCatalog = new WeakMap();
/** Paths of the services inside `path`, from one pass over the catalog (kept for the catalog's lifetime). */
function nestedPaths(catalog, path) {
    let byPath = nestedByCatalog.get(catalog);
    if (!byPath) {
        byPath = new Map();
        const paths = new Set();
        for (const s of catalog.services.values())
            if (s.path !== undefined)
                paths.add(s.path);
        for (const p of paths) {
            for (let dir = p.slice(0, Math.max(0, p.lastIndexOf('/'))); dir !== ''; dir = dir.slice(0, Math.max(0, dir.lastIndexOf('/')))) {
                if (!paths.has(dir))
                    continue;
                const list = byPath.get(dir);
                if (list)
                    list.push(p);
                else
                    byPath.set(dir, [p]);
            }
        }
        nestedByCatalog.set(catalog, byPath);
    }
    return byPath.get(path) ?? [];
}
/** A service's or library's own code: its path (less the services nested in it), watch and ignore globs. */
function codeInputsOf(catalog, service) {
    const defaults = catalog.defaults.ignore ?? NONE;
    const { name, path, watch, ignore } = service;
    return {
        service: name,
        path,
        nested: path !== undefined ? nestedPaths(catalog, path) : NONE,
        watch: watch ?? NONE,
        // The defaults' own array when the service adds nothing, so 10,000 services compile one list (compileIgnore).
        ignore: ignore?.length ? [...defaults, ...ignore] : defaults,
    };
}
const NONE = [];
const NO_PATTERNS = [];
/** The build context, Dockerfile and docker ignore files of a service (kind service), when it has a context. */
function imageInputsOf(catalog, service) {
    if (service.kind !== 'service')
        return undefined;
    const build = service.build;
    const context = build?.context ?? service.path;
    if (context === undefined)
        return undefined;
    const set = build?.dockerfile ?? catalog.defaults.build?.dockerfile;
    const dockerfile = set ?? joinRepoPath(context, DOCKERFILE);
    return { context, dockerfile, dockerfileSet: set !== undefined, ignoreFiles: [`${dockerfile}${DOCKERIGNORE}`, joinRepoPath(context, DOCKERIGNORE)] };
}
const DOCKERFILE = 'Dockerfile';
const DOCKERIGNORE = '.dockerignore';
/** The build files of the usual service (context and Dockerfile from `path`), relative to its path. */
const DEFAULT_BUILD_FILES = [DOCKERFILE, `${DOCKERFILE}${DOCKERIGNORE}`, DOCKERIGNORE];
/**
 * What an index of every service needs for one service's image besides its path and watch globs: the image's
 * inputs (for a build context beyond its path, contextBeyondPath) and the Dockerfile and docker ignore files that
 * its path rule does not already count (a Dockerfile outside `path`, or one its ignore globs drop). Undefined
 * when there is nothing: not a built service, or the usual one, which builds PATH/Dockerfile from PATH. That case
 * is answered without building the image's inputs, so indexing 10,000 services costs what it did before.
 */
function imageBeyondCode(catalog, service, code) {
    if (service.kind !== 'service')
        return undefined;
    if (service.build === undefined && catalog.defaults.build?.dockerfile === undefined && code.countsOwn(DEFAULT_BUILD_FILES))
        return undefined;
    const image = imageInputsOf(catalog, service);
    return image && { image, files: code.buildFilesBeyond(image) };
}
/** Everything a service's image is built from: see BuildInputRule for the rules. */
function buildInputsOf(catalog, service) {
    const image = imageInputsOf(catalog, service);
    return {
        ...codeInputsOf(catalog, service),
        ...(image ? { image } : {}),
        libraries: librariesOf(catalog, service).map((l) => codeInputsOf(catalog, l)).sort((a, b) => (a.path ?? '').localeCompare(b.path ?? '')),
        globalPaths: catalog.globalPaths,
    };
}
/**
 * The part of the build context outside the service's `path`, whose files are inputs unless docker ignores them:
 * the context itself when it is neither `path` nor inside it, else nothing (the path rule decides for files under
 * `path`). Only services with such a context need their docker ignore file read.
 */
function contextBeyondPath(inputs) {
    const context = inputs.image?.context;
    if (context === undefined || (inputs.path !== undefined && isUnder(context, inputs.path)))
        return undefined;
    return context;
}
/** The docker ignore file Docker reads for this image: the first of `ignoreFiles` that exists, if any. */
function dockerIgnoreFileOf(image, exists) {
    return image.ignoreFiles.find(exists);
}
// `*` stops at `/`, `**` crosses it; dotfiles match like any other file.
const GLOB_OPTIONS = { dot: true };
const compiledPatterns = new Map();
const compiledLists = new Map();
const compiledArrays = new WeakMap();
function compilePathPattern(pattern) {
    let p = compiledPatterns.get(pattern);
    if (!p) {
        const scan = picomatch_default().scan(pattern);
        p = scan.isGlob
            ? { pattern, base: scan.base, glob: true, matches: picomatch_default()(pattern, GLOB_OPTIONS) }
            : { pattern, base: pattern, glob: false, matches: (file) => isUnder(file, pattern) };
        compiledPatterns.set(pattern, p);
    }
    return p;
}
/** One matcher for a list of `ignore` globs (compiled once per distinct list: services share the defaults). */
function compileIgnore(patterns) {
    if (patterns.length === 0)
        return undefined;
    let m = compiledArrays.get(patterns);
    if (m)
        return m;
    const key = JSON.stringify(patterns);
    m = compiledLists.get(key);
    if (!m)
        compiledLists.set(key, (m = picomatch_default()(patterns, GLOB_OPTIONS)));
    compiledArrays.set(patterns, m);
    return m;
}
/** countsOwn's answers for names under a path (`Dockerfile`, `.dockerignore`), per compiled ignore list. */
const keptNames = new WeakMap();
/** The path and watch rules of one service or library, compiled. */
class CodeRules {
    code;
    /** The compiled ignore globs: one function for every service with the same list. */
    ignored;
    watch;
    /** Where a file's path relative to `path` starts, less one (no path: never). */
    pathEnd;
    constructor(code) {
        this.code = code;
        this.ignored = compileIgnore(code.ignore);
        this.watch = code.watch.length ? code.watch.map(compilePathPattern) : NO_PATTERNS;
        this.pathEnd = code.path !== undefined ? code.path.length : Infinity;
    }
    /**
     * For a file whose innermost owner is this service: whether it counts. Ignore globs are relative to the service's
     * directory (`docs/**` is its own docs); the path itself (a submodule) always counts.
     */
    keepsOwnFile(file) {
        return this.ignored === undefined || file.length <= this.pathEnd || !this.ignored(file.slice(this.pathEnd + 1));
    }
    /** For a file reached otherwise (a watch glob, the build context): ignore globs match the repository path. */
    keepsOtherFile(file) {
        return !this.ignored?.(file);
    }
    /** The path rule without an index: under `path` and not under a nested service's. */
    owns(file) {
        const { path, nested } = this.code;
        return path !== undefined && isUnder(file, path) && !nested.some((n) => isUnder(file, n)) && this.keepsOwnFile(file);
    }
    watches(file) {
        return this.watch.some((p) => p.matches(file)) && this.keepsOtherFile(file);
    }
    /**
     * The image's Dockerfile and docker ignore files that the path rule does not already count: a Dockerfile outside
     * `path`, or one its ignore globs drop. An index needs entries for these alone; PATH/Dockerfile is the owner's.
     */
    buildFilesBeyond(image) {
        const path = this.code.path;
        const files = [image.dockerfile, ...image.ignoreFiles];
        if (path === undefined)
            return files;
        return files.filter((file) => !isUnder(file, path) || (file !== path && !this.countsOwn([file.slice(path.length + 1)])));
    }
    /** Whether the path rule counts each of these paths, relative to `path` (asked once per name and ignore list). */
    countsOwn(names) {
        const path = this.code.path;
        if (path === undefined)
            return false;
        const nested = this.code.nested;
        for (const name of names) {
            if (nested.length && nested.some((n) => isUnder(`${path}/${name}`, n)))
                return false;
            if (!this.ignored)
                continue;
            let kept = keptNames.get(this.ignored);
            if (!kept)
                keptNames.set(this.ignored, (kept = new Map()));
            let keeps = kept.get(name);
            if (keeps === undefined)
                kept.set(name, (keeps = !this.ignored(name)));
            if (!keeps)
                return false;
        }
        return true;
    }
}
/** The build rule of one service, compiled; `dockerIgnore` is the text of its docker ignore file (dockerIgnoreFileOf). */
class ImageRules {
    code;
    image;
    beyond;
    /**
     * The part of `holds` that is the same for every service with this context, docker ignore file and ignore globs:
     * whether docker sends the file and the ignore globs keep it. Shared (one function for all of them), so an index
     * asks it once per file for 100 services built from the repository root.
     */
    contextKeeps;
    constructor(code, image, dockerIgnore) {
        this.code = code;
        this.image = image;
        this.beyond = contextBeyondPath({ ...code.code, image });
        this.contextKeeps = this.beyond !== undefined ? contextKeeper(this.beyond, code.ignored, dockerIgnore) : undefined;
    }
    /** The Dockerfile and the docker ignore files: always inputs (Docker reads them even when they ignore themselves). */
    isBuildFile(file) {
        return isUnder(file, this.image.dockerfile) || this.image.ignoreFiles.some((f) => isUnder(file, f));
    }
    /**
     * A file of the context beyond `path` (see contextBeyondPath) that docker sends and the ignore globs keep. `kept`
     * is contextKeeps' answer when the caller already has it.
     */
    holds(file, kept) {
        const beyond = this.beyond;
        if (beyond === undefined || !isUnder(file, beyond))
            return false;
        const path = this.code.code.path;
        if (path !== undefined && isUnder(file, path))
            return false;
        return kept ?? this.contextKeeps(file);
    }
}
const NO_IGNORE = () => false;
const keepers = new WeakMap();
/** ImageRules.contextKeeps, one per context, ignore globs and docker ignore text. */
function contextKeeper(beyond, ignored, dockerIgnore) {
    const byIgnore = ignored ?? NO_IGNORE;
    let cache = keepers.get(byIgnore);
    if (!cache)
        keepers.set(byIgnore, (cache = new Map()));
    const key = `${beyond}\0${dockerIgnore ?? ''}`;
    let keeps = cache.get(key);
    if (!keeps) {
        const excluded = dockerIgnore !== undefined ? dockerIgnoreMatcher(dockerIgnore) : undefined;
        keeps = (file) => !ignored?.(file) && !excluded?.(beyond === '.' ? file : file.slice(beyond.length + 1));
        cache.set(key, keeps);
    }
    return keeps;
}
/**
 * Which rule makes `file` one of the service's build inputs, or undefined when it is none: the definition the
 * content tag lists files by, and the one change detection's index (packages/changes) answers for every service at
 * once. `dockerIgnore` is the text of the docker ignore file (dockerIgnoreFileOf), when there is one.
 */
function buildInputMatcher(inputs, dockerIgnore) {
    const own = new CodeRules(inputs);
    const image = inputs.image ? new ImageRules(own, inputs.image, dockerIgnore) : undefined;
    const libraries = inputs.libraries.map((l) => new CodeRules(l));
    const global = inputs.globalPaths.map(compilePathPattern);
    return (file) => {
        if (own.owns(file))
            return 'path';
        if (own.watches(file))
            return 'watch';
        if (image && (image.isBuildFile(file) || image.holds(file)))
            return 'build';
        if (libraries.some((l) => l.owns(file) || l.watches(file)))
            return 'library';
        if (global.some((g) => g.matches(file)))
            return 'global';
        return undefined;
    };
}
/**
 * The smallest set of repository paths every build input lies under ('.' for the whole repository): what to list
 * (`git ls-tree`) before testing each file with buildInputMatcher.
 */
function buildInputRoots(inputs) {
    const roots = new Set();
    const code = (c) => {
        if (c.path !== undefined)
            roots.add(c.path);
        for (const w of c.watch)
            roots.add(compilePathPattern(w).base || '.');
    };
    code(inputs);
    for (const l of inputs.libraries)
        code(l);
    for (const g of inputs.globalPaths)
        roots.add(compilePathPattern(g).base || '.');
    if (inputs.image) {
        roots.add(inputs.image.dockerfile);
        for (const f of inputs.image.ignoreFiles)
            roots.add(f);
        const beyond = contextBeyondPath(inputs);
        if (beyond !== undefined)
            roots.add(beyond);
    }
    const sorted = [...roots].sort();
    return sorted.filter((r) => !sorted.some((other) => other !== r && isUnder(r, other)));
}

;// CONCATENATED MODULE: ./packages/aws/src/ecr/build-source.ts

/** Library paths a service's image contains: its `dependsOn` libraries and theirs, never through other services. */
function libraryPathsOf(catalog, service) {
    return [...new Set(librariesOf(catalog, service).flatMap((l) => (l.path !== undefined ? [l.path] : [])))].sort();
}
/**
 * Where a service's image comes from: catalog `build` settings (service over catalog defaults), else
 * PATH/Dockerfile when it exists, else the bundled template. `exists` answers for repository-relative paths.
 */
function resolveBuildSource(catalog, service, exists) {
    if (service.kind !== 'service')
        throw new src_errors/* ConfigurationError */.j1(`${service.name} is a ${service.kind} in ${catalog.file}: only services (kind: service) are built`);
    const inputs = buildInputsOf(catalog, service);
    const image = inputs.image;
    if (!image) {
        throw new src_errors/* ConfigurationError */.j1(`${service.name} has no path and no build.context in ${catalog.file}: build-push needs the directory to build (set path: or build.context:)`);
    }
    const { context } = image;
    if (!exists(context)) {
        throw new src_errors/* ConfigurationError */.j1(`build context '${context}' of ${service.name} does not exist in the checkout (${catalog.file}: ${service.build?.context !== undefined ? 'build.context' : 'path'})`);
    }
    const defaults = catalog.defaults.build ?? {};
    const own = service.build ?? {};
    let dockerfile;
    let template;
    if (image.dockerfileSet) {
        dockerfile = image.dockerfile;
        if (!exists(dockerfile))
            throw new src_errors/* ConfigurationError */.j1(`Dockerfile '${dockerfile}' of ${service.name} does not exist (${catalog.file}: build.dockerfile)`);
    }
    else if (exists(image.dockerfile)) {
        dockerfile = image.dockerfile;
    }
    else {
        template = own.template ?? defaults.template;
        if (!template) {
            throw new src_errors/* ConfigurationError */.j1(`${service.name} has no ${image.dockerfile} and no build.template in ${catalog.file}: add a Dockerfile, or set build.template: node or python`);
        }
    }
    return {
        service: service.name,
        context,
        ...(dockerfile !== undefined ? { dockerfile } : {}),
        ...(template !== undefined ? { template } : {}),
        args: { ...defaults.args, ...own.args },
        libraries: libraryPathsOf(catalog, service),
        globalPaths: [...new Set(catalog.globalPaths)].sort(),
        inputs,
        repository: service.ecr?.repository ?? `${catalog.platform}/${service.name}`,
        createRepository: service.ecr?.create === true,
    };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./packages/aws/src/ecr/content-tag.ts


/**
 * The image's content tag: one hash over the files the image is built from, each with its mode and git object id
 * at HEAD, plus the bundled template's text, the build args and the target platform. Which files: exactly the
 * catalog's build inputs (buildInputMatcher: the service's path and watch files less its ignore globs, its
 * Dockerfile, its build context less what .dockerignore excludes, its libraries, the global paths), the
 * definition change detection affects services by. So a service is affected by a change exactly when its content
 * tag changes (catalog definition changes aside), and an image is never reused for inputs it was not built from.
 *
 * Any of these changing gives a new tag; a re-run or a revert gives a tag ECR already has, so nothing is built.
 * Uncommitted changes are not seen: CI builds what is committed.
 */
async function computeContentTag(source, deps) {
    const commit = await headCommit(deps);
    const roots = buildInputRoots(source.inputs);
    const tree = await listTree(commit, roots, deps);
    if (!source.inputs.image || ![...tree.keys()].some((p) => isUnder(p, source.context))) {
        throw new src_errors/* ConfigurationError */.j1(`build context '${source.context}' of ${source.service} is not committed at HEAD: build-push tags images by committed content`);
    }
    // Only a context beyond the service's path is filtered by .dockerignore (build-inputs.ts); read it only then.
    let dockerIgnore;
    const ignoreFile = contextBeyondPath(source.inputs) !== undefined ? dockerIgnoreFileOf(source.inputs.image, (p) => tree.has(p)) : undefined;
    if (ignoreFile !== undefined)
        dockerIgnore = await blobText(tree.get(ignoreFile).object, deps);
    const isInput = buildInputMatcher(source.inputs, dockerIgnore);
    const files = [...tree.keys()].filter((p) => isInput(p) !== undefined).sort();
    const hash = (0,external_node_crypto_.createHash)('sha256');
    const byRoot = new Map(roots.map((r) => [r, (0,external_node_crypto_.createHash)('sha256')]));
    const counted = new Map();
    for (const path of files) {
        const { mode, object } = tree.get(path);
        const line = `file\t${path}\t${mode}\t${object}\n`;
        hash.update(line);
        // Roots never nest (buildInputRoots), so a file lies under exactly one.
        const root = roots.find((r) => isUnder(path, r));
        byRoot.get(root).update(line);
        counted.set(root, (counted.get(root) ?? 0) + 1);
    }
    if (source.template)
        hash.update(`template\t${source.template}\t${(0,external_node_crypto_.createHash)('sha256').update(deps.templateText ?? '').digest('hex')}\n`);
    // An image built for other platforms is another image: switching linux/amd64 to linux/arm64 must rebuild.
    if (deps.platform)
        hash.update(`platform\t${deps.platform}\n`);
    for (const [k, v] of Object.entries(source.args).sort(([a], [b]) => a.localeCompare(b)))
        hash.update(`arg\t${k}=${v}\n`);
    const parts = roots.map((path) => ({ path, object: counted.has(path) ? byRoot.get(path).digest('hex').slice(0, 40) : 'absent' }));
    return { tag: `tree-${hash.digest('hex').slice(0, 40)}`, parts, files: files.length };
}
async function headCommit(deps) {
    const head = await deps.exec('git', ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], { cwd: deps.root });
    if (head.exitCode !== 0)
        throw new src_errors/* ConfigurationError */.j1(`${deps.root} is not a git checkout with a commit${head.stderr.trim() ? ` (git: ${head.stderr.trim()})` : ''}; build-push tags images by git content`);
    return head.stdout.trim();
}
/**
 * Every file at `commit` under `roots` (relative to `root`, the catalog's root, like the catalog's paths), from one
 * `git ls-tree -r -z`: NUL-separated, so any file name arrives unquoted.
 */
async function listTree(commit, roots, deps) {
    const result = await deps.exec('git', ['--literal-pathspecs', 'ls-tree', '-r', '-z', commit, '--', ...roots], { cwd: deps.root });
    if (result.exitCode !== 0)
        throw new Error(`git ls-tree failed in ${deps.root}: ${result.stderr.trim()}`);
    const tree = new Map();
    for (const record of result.stdout.split('\0')) {
        const tab = record.indexOf('\t');
        if (tab < 0)
            continue;
        // `<mode> <type> <object>\t<path>`; a submodule is a `commit` entry, hashed like a file.
        const [mode, , object] = record.slice(0, tab).split(' ');
        tree.set(record.slice(tab + 1), { mode: mode, object: object });
    }
    return tree;
}
async function blobText(object, deps) {
    const result = await deps.exec('git', ['cat-file', 'blob', object], { cwd: deps.root });
    if (result.exitCode !== 0)
        throw new Error(`git cat-file blob ${object} failed in ${deps.root}: ${result.stderr.trim()}`);
    return result.stdout;
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecr/dist-cjs/index.js
var client_ecr_dist_cjs = __webpack_require__(8249);
;// CONCATENATED MODULE: ./packages/aws/src/ecr/registry.ts




const errorName = (e) => e?.name ?? '';
/** An AWS "access denied" is the user's IAM policy, not a bug: say which permission on what is missing. */
function ecrAccessError(e, action, resource) {
    const setup = (0,errors/* awsSetupError */.Dw)(e, `ECR for ${action} on ${resource}`);
    if (setup)
        return setup;
    if (/AccessDenied|UnauthorizedOperation/.test(errorName(e))) {
        return new src_errors/* ConfigurationError */.j1(`AWS refused ${action} on ${resource} (${errorName(e)}: ${e.message}); grant the deploy role ${action} (see docs/build-push.md, IAM permissions)`);
    }
    return e;
}
/**
 * Logs docker in to the account's ECR registry. The token is masked before anything can print it and reaches
 * docker on stdin (`--password-stdin`), never in argv where `ps` and logs would show it. Returns the registry host.
 */
async function loginToRegistry(ecr, deps) {
    let data;
    try {
        data = (await ecr.send(new client_ecr_dist_cjs/* GetAuthorizationTokenCommand */.Eu6({}))).authorizationData?.[0];
    }
    catch (e) {
        throw ecrAccessError(e, 'ecr:GetAuthorizationToken', 'the ECR registry');
    }
    if (!data?.authorizationToken || !data.proxyEndpoint)
        throw new Error('ECR GetAuthorizationToken returned no token');
    deps.setSecret(data.authorizationToken);
    const decoded = Buffer.from(data.authorizationToken, 'base64').toString('utf8');
    const separator = decoded.indexOf(':');
    const username = decoded.slice(0, separator);
    const password = decoded.slice(separator + 1);
    deps.setSecret(password);
    const registry = data.proxyEndpoint.replace(/^https?:\/\//, '').replace(/\/+$/, '');
    const args = ['login', '--username', username || 'AWS', '--password-stdin', registry];
    const result = await deps.exec('docker', args, { stdin: password });
    if (result.exitCode !== 0) {
        throw new src_errors/* ConfigurationError */.j1(`${describeCommand('docker', args)} failed (exit ${result.exitCode}): ${result.stderr.trim()}; check that the Docker daemon runs on the runner and the registry ${registry} is reachable`);
    }
    deps.log.info(`logged in to ${registry}`);
    return registry;
}
/** The repository, created when missing and the catalog allows it (`ecr.create: true`). */
async function ensureRepository(ecr, name, options) {
    try {
        const found = (await ecr.send(new client_ecr_dist_cjs/* DescribeRepositoriesCommand */.pE_({ repositoryNames: [name] }))).repositories?.[0];
        if (found?.repositoryUri)
            return { name, uri: found.repositoryUri, created: false };
    }
    catch (e) {
        if (errorName(e) !== 'RepositoryNotFoundException')
            throw ecrAccessError(e, 'ecr:DescribeRepositories', `repository ${name}`);
    }
    if (!options.create) {
        throw new src_errors/* ConfigurationError */.j1(`ECR repository '${name}' of ${options.service} does not exist: create it (terraform), or set ecr.create: true on the service in the catalog so build-push creates it`);
    }
    try {
        const created = await ecr.send(new client_ecr_dist_cjs/* CreateRepositoryCommand */.WTe({
            repositoryName: name,
            imageScanningConfiguration: { scanOnPush: true },
            imageTagMutability: 'MUTABLE',
            encryptionConfiguration: { encryptionType: 'AES256' },
        }));
        if (!created.repository?.repositoryUri)
            throw new Error(`ECR CreateRepository returned no URI for ${name}`);
        options.log.info(`created ECR repository ${name}`);
        return { name, uri: created.repository.repositoryUri, created: true };
    }
    catch (e) {
        // Another matrix job may have created it between our two calls.
        if (errorName(e) === 'RepositoryAlreadyExistsException')
            return ensureRepository(ecr, name, { ...options, create: false });
        throw ecrAccessError(e, 'ecr:CreateRepository', `repository ${name}`);
    }
}
/** The image with this tag or digest, or undefined when the repository has none. */
async function findImage(ecr, repository, id) {
    try {
        const imageId = 'tag' in id ? { imageTag: id.tag } : { imageDigest: id.digest };
        const detail = (await ecr.send(new client_ecr_dist_cjs/* DescribeImagesCommand */.ji5({ repositoryName: repository, imageIds: [imageId] }))).imageDetails?.[0];
        if (!detail?.imageDigest)
            return undefined;
        return { digest: detail.imageDigest, ...(detail.imageSizeInBytes !== undefined ? { sizeBytes: detail.imageSizeInBytes } : {}), tags: detail.imageTags ?? [] };
    }
    catch (e) {
        if (errorName(e) === 'ImageNotFoundException')
            return undefined;
        throw ecrAccessError(e, 'ecr:DescribeImages', `repository ${repository}`);
    }
}
/**
 * Adds a tag to an image already in ECR without pulling it (BatchGetImage + PutImage of the same manifest), so
 * a reused image also carries the commit SHA. Best effort: a tag that cannot be added is a warning, not a failure.
 */
async function addImageTag(ecr, repository, digest, tag, log) {
    try {
        const image = (await ecr.send(new client_ecr_dist_cjs/* BatchGetImageCommand */.P8n({
            repositoryName: repository,
            imageIds: [{ imageDigest: digest }],
            acceptedMediaTypes: [
                'application/vnd.oci.image.index.v1+json',
                'application/vnd.docker.distribution.manifest.list.v2+json',
                'application/vnd.oci.image.manifest.v1+json',
                'application/vnd.docker.distribution.manifest.v2+json',
            ],
        }))).images?.[0];
        if (!image?.imageManifest)
            throw new Error(`no manifest for ${digest}`);
        await ecr.send(new client_ecr_dist_cjs/* PutImageCommand */.SUU({
            repositoryName: repository,
            imageManifest: image.imageManifest,
            ...(image.imageManifestMediaType ? { imageManifestMediaType: image.imageManifestMediaType } : {}),
            imageDigest: digest,
            imageTag: tag,
        }));
        return true;
    }
    catch (e) {
        if (errorName(e) === 'ImageAlreadyExistsException')
            return true;
        log.warning(`could not tag ${repository}@${digest} as ${tag} (${errorName(e) || 'error'}: ${e.message}); the image is still usable by digest`);
        return false;
    }
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./packages/aws/src/ecr/buildx.ts




/**
 * Which builder this runner has: GitHub's hosted runners have the buildx plugin, many self-hosted ones (and Debian's
 * docker.io) do not. A real probe (`docker buildx version`), not a guess from the docker version; callers ask once
 * per run.
 */
async function detectBuilder(deps) {
    const result = await deps.exec('docker', ['buildx', 'version'], deps.env ? { env: deps.env } : {});
    return result.exitCode === 0 ? 'buildx' : 'classic';
}
/** The `docker buildx build --push` argument list (no shell: each value is one argument). */
function buildxArgs(r, metadataFile) {
    const args = ['buildx', 'build', '--file', r.dockerfile, '--platform', r.platform];
    for (const tag of r.tags)
        args.push('--tag', tag);
    for (const [k, v] of Object.entries(r.labels))
        args.push('--label', `${k}=${v}`);
    for (const [k, v] of Object.entries(r.args))
        args.push('--build-arg', `${k}=${v}`);
    args.push(`--provenance=${r.provenance}`);
    if (r.cache === 'gha') {
        // One cache scope per service: without it every service of the monorepo overwrites the same GHA cache entry.
        args.push('--cache-from', `type=gha,scope=${r.service}`, '--cache-to', `type=gha,scope=${r.service},mode=max`);
    }
    else if (r.cache === 'registry') {
        // The cache lives in the MUTABLE sibling repository terraform/modules/ecr creates (the image repository is IMMUTABLE).
        const ref = `${r.repositoryUri}-cache:buildcache`;
        args.push('--cache-from', `type=registry,ref=${ref}`, '--cache-to', `type=registry,ref=${ref},mode=max,image-manifest=true,oci-mediatypes=true`);
    }
    args.push('--metadata-file', metadataFile, '--push', r.context);
    return args;
}
/** Builds and pushes; returns the pushed image's digest as buildx wrote it to the metadata file. */
async function buildAndPushImage(r, deps) {
    const metadataFile = (0,external_node_path_.join)(r.workDir, `${r.service}.metadata.json`);
    const args = buildxArgs(r, metadataFile);
    const result = await deps.exec('docker', args, { ...(deps.onLine ? { onLine: deps.onLine } : {}), ...(deps.env ? { env: deps.env } : {}) });
    if (result.exitCode !== 0) {
        const tail = result.stderr.trim().split('\n').slice(-15).join('\n');
        // The service's own Dockerfile or code failed to build: the user's to fix, so no stack trace of ours.
        throw new src_errors/* ConfigurationError */.j1(`docker buildx build failed for ${r.service} (exit ${result.exitCode}): ${describeCommand('docker', args)}\n${tail}`);
    }
    let metadata;
    try {
        metadata = JSON.parse(await (0,promises_.readFile)(metadataFile, 'utf8'));
    }
    catch (e) {
        throw new src_errors/* ConfigurationError */.j1(`docker buildx build wrote no readable metadata file ${metadataFile} for ${r.service} (${e.message}); buildx 0.9 or later is required on the runner`);
    }
    const digest = metadata['containerimage.digest'];
    if (typeof digest !== 'string' || !/^sha256:[0-9a-f]{64}$/.test(digest)) {
        throw new Error(`buildx metadata for ${r.service} has no containerimage.digest (got ${JSON.stringify(digest)})`);
    }
    return digest;
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
;// CONCATENATED MODULE: ./packages/aws/src/ecr/classic-build.ts


/** The `docker build` argument list of the classic builder: the buildx request less cache, provenance and --push. */
function classicBuildArgs(r) {
    const args = ['build', '--file', r.dockerfile, '--platform', r.platform];
    for (const tag of r.tags)
        args.push('--tag', tag);
    for (const [k, v] of Object.entries(r.labels))
        args.push('--label', `${k}=${v}`);
    for (const [k, v] of Object.entries(r.args))
        args.push('--build-arg', `${k}=${v}`);
    args.push(r.context);
    return args;
}
/** What the classic builder cannot do that the request asks for, for one warning per run. */
function classicBuilderLimits(r) {
    return [
        ...(r.cache !== 'none' ? [`no ${r.cache} layer cache (only the daemon's local layers)`] : []),
        ...(r.provenance !== 'false' ? ['no provenance attestation'] : []),
    ];
}
/**
 * Builds with `docker build` and pushes each tag with `docker push`, for runners without buildx. Returns the digest
 * `docker push` printed (`TAG: digest: sha256:\u2026 size: N`), or undefined when it printed none (the caller then asks
 * the registry for the content tag).
 */
async function classicBuildAndPush(r, deps) {
    if (r.platform.includes(',')) {
        throw new src_errors/* ConfigurationError */.j1(`${r.service}: platform '${r.platform}' is several platforms, which only buildx builds, and docker on this runner has no buildx: install it (docker/setup-buildx-action) or build one platform`);
    }
    // DOCKER_BUILDKIT=1 without the buildx plugin makes docker 23+ refuse to build at all; the classic builder is the point.
    const env = { ...(deps.env ?? process.env), DOCKER_BUILDKIT: '0' };
    const run = async (args, what) => {
        const result = await deps.exec('docker', args, { env, ...(deps.onLine ? { onLine: deps.onLine } : {}) });
        if (result.exitCode !== 0) {
            const tail = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-15).join('\n');
            throw new src_errors/* ConfigurationError */.j1(`${what} failed for ${r.service} (exit ${result.exitCode}): ${describeCommand('docker', args)}\n${tail}`);
        }
        return result.stdout;
    };
    await run(classicBuildArgs(r), 'docker build');
    let digest;
    for (const tag of r.tags) {
        const out = await run(['push', tag], 'docker push');
        digest ??= /digest: (sha256:[0-9a-f]{64})/.exec(out)?.[1];
    }
    return digest;
}

;// CONCATENATED MODULE: ./packages/aws/src/ecr/docker-credentials.ts



/** Docker's client configuration file: DOCKER_CONFIG/config.json, else ~/.docker/config.json. */
function dockerConfigFile(env) {
    return (0,external_node_path_.join)(env.DOCKER_CONFIG ?? (0,external_node_path_.join)(env.HOME ?? (0,external_node_os_.homedir)(), '.docker'), 'config.json');
}
/**
 * The credentials `docker login` stored for a registry host, found the way docker finds them: a credential helper
 * for that host, else the `auths` entry, else the default credential store. Undefined when docker has none.
 */
async function storedDockerCredentials(host, deps) {
    let config;
    try {
        config = JSON.parse(await (0,promises_.readFile)(dockerConfigFile(deps.env), 'utf8'));
    }
    catch {
        return undefined;
    }
    const keys = [host, `https://${host}`, `http://${host}`, ...(host === 'docker.io' ? ['https://index.docker.io/v1/'] : [])];
    const helper = config.credHelpers?.[host];
    if (helper)
        return fromHelper(helper, host, deps);
    for (const key of keys) {
        const entry = config.auths?.[key];
        if (entry?.auth) {
            const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
            const separator = decoded.indexOf(':');
            if (separator > 0)
                return { username: decoded.slice(0, separator), password: decoded.slice(separator + 1) };
        }
        if (entry?.username && entry.password)
            return { username: entry.username, password: entry.password };
    }
    return config.credsStore ? fromHelper(config.credsStore, host, deps) : undefined;
}
async function fromHelper(helper, host, deps) {
    // The credential-helper protocol: the server URL on stdin, {"Username","Secret"} on stdout, non-zero when none.
    const result = await deps.exec(`docker-credential-${helper}`, ['get'], { stdin: host, env: deps.env }).catch(() => undefined);
    if (!result || result.exitCode !== 0)
        return undefined;
    try {
        const { Username, Secret } = JSON.parse(result.stdout);
        return Username && Secret ? { username: Username, password: Secret } : undefined;
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./packages/aws/src/ecr/oci-registry.ts


/**
 * Every manifest type an image can be pushed as, so the registry answers a tag with the manifest actually pushed:
 * a registry that is not offered the index or list media types converts or refuses, and then reports another digest.
 */
const MANIFEST_MEDIA_TYPES = [
    'application/vnd.oci.image.index.v1+json',
    'application/vnd.docker.distribution.manifest.list.v2+json',
    'application/vnd.oci.image.manifest.v1+json',
    'application/vnd.docker.distribution.manifest.v2+json',
];
const INDEX_TYPES = new Set([MANIFEST_MEDIA_TYPES[0], MANIFEST_MEDIA_TYPES[1]]);
/** Where the registry's HTTP API is for an image host: loopback registries speak plain HTTP, as docker allows them to. */
function registryApiBase(host) {
    if (host === 'docker.io' || host === 'index.docker.io')
        return 'https://registry-1.docker.io';
    const hostname = host.replace(/:\d+$/, '');
    const loopback = hostname === 'localhost' || /^127\.\d+\.\d+\.\d+$/.test(hostname) || hostname === '[::1]';
    return `${loopback ? 'http' : 'https'}://${host}`;
}
/** `Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:o/n:pull"` -> scheme and parameters. */
function parseChallenge(header) {
    const space = header.indexOf(' ');
    const scheme = (space < 0 ? header : header.slice(0, space)).toLowerCase();
    const params = {};
    for (const m of (space < 0 ? '' : header.slice(space + 1)).matchAll(/(\w+)=(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g)) {
        params[m[1].toLowerCase()] = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[3];
    }
    return { scheme, params };
}
/**
 * The distribution API (`/v2/`) of one registry: GHCR, Docker Hub, a self-hosted `registry:2`, and any other OCI
 * registry. Authentication follows the registry's own challenge: a 401 names Basic or a Bearer token service, which
 * is asked for a token scoped to the repository (with the stored credentials, or anonymously when there are none).
 */
class OciRegistryClient {
    host;
    deps;
    base;
    doFetch;
    tokens = new Map();
    credentials;
    constructor(host, deps) {
        this.host = host;
        this.deps = deps;
        this.base = registryApiBase(host);
        this.doFetch = deps.fetch ?? fetch;
    }
    /** The tag's or digest's manifest digest and media type (HEAD), or undefined when the registry has none. */
    async headManifest(repository, reference) {
        const response = await this.request('HEAD', repository, `manifests/${reference}`, { accept: MANIFEST_MEDIA_TYPES.join(', ') });
        if (response.status === 404)
            return undefined;
        await this.expectOk(response, `HEAD ${repository} manifest ${reference}`);
        const mediaType = response.headers.get('content-type') ?? '';
        const digest = response.headers.get('docker-content-digest');
        if (digest && /^sha256:[0-9a-f]{64}$/.test(digest))
            return { digest, mediaType };
        // Some registries leave the digest header off a HEAD: the digest is the hash of the manifest's bytes.
        const manifest = await this.getManifest(repository, reference);
        return manifest && { digest: manifest.digest, mediaType: manifest.mediaType };
    }
    /** The manifest's exact bytes (what its digest is computed over), or undefined when absent. */
    async getManifest(repository, reference) {
        const response = await this.request('GET', repository, `manifests/${reference}`, { accept: MANIFEST_MEDIA_TYPES.join(', ') });
        if (response.status === 404)
            return undefined;
        await this.expectOk(response, `GET ${repository} manifest ${reference}`);
        const bytes = Buffer.from(await response.arrayBuffer());
        return { digest: `sha256:${(0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex')}`, mediaType: response.headers.get('content-type') ?? '', bytes };
    }
    /** Stores `bytes` (a manifest already in the repository) under another tag: tagging without pulling. */
    async putManifest(repository, tag, manifest) {
        const response = await this.request('PUT', repository, `manifests/${tag}`, { 'content-type': manifest.mediaType }, manifest.bytes, true);
        await this.expectOk(response, `PUT ${repository} manifest ${tag}`);
    }
    /** The image's compressed size as stored: config and layers of each platform's manifest (attestations left out). */
    async imageSize(repository, digest) {
        const manifest = await this.getManifest(repository, digest);
        if (!manifest)
            return undefined;
        const parsed = JSON.parse(manifest.bytes.toString('utf8'));
        if (!INDEX_TYPES.has(manifest.mediaType) && !parsed.manifests)
            return sizeOf(parsed);
        let total = 0;
        for (const child of parsed.manifests ?? []) {
            if (child.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest')
                continue;
            const image = await this.getManifest(repository, child.digest);
            if (image)
                total += sizeOf(JSON.parse(image.bytes.toString('utf8')));
        }
        return total;
    }
    async request(method, repository, path, headers, body, push = false) {
        const url = `${this.base}/v2/${repository}/${path}`;
        const scope = `repository:${repository}:${push ? 'pull,push' : 'pull'}`;
        const send = (authorization) => this.doFetch(url, { method, headers: { ...headers, ...(authorization ? { authorization } : {}) }, ...(body ? { body: new Uint8Array(body) } : {}) }).catch((e) => {
            throw new src_errors/* ConfigurationError */.j1(`could not reach the registry ${this.host} (${method} ${url}: ${e.cause instanceof Error ? e.cause.message : e.message}); check the registry input and the network`);
        });
        const cached = this.tokens.get(scope);
        const first = await send(cached);
        if (first.status !== 401)
            return first;
        const header = first.headers.get('www-authenticate');
        if (!header)
            return first;
        const authorization = await this.authorize(parseChallenge(header), scope);
        if (!authorization)
            return first;
        this.tokens.set(scope, authorization);
        return send(authorization);
    }
    /** The Authorization header the challenge asks for, or undefined when there is nothing better to send. */
    async authorize(challenge, scope) {
        const credentials = await (this.credentials ??= this.deps.credentials());
        const basic = credentials && `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
        if (challenge.scheme === 'basic')
            return basic;
        if (challenge.scheme !== 'bearer' || !challenge.params.realm)
            return undefined;
        const tokenUrl = new URL(challenge.params.realm);
        if (challenge.params.service)
            tokenUrl.searchParams.set('service', challenge.params.service);
        tokenUrl.searchParams.set('scope', scope);
        const response = await this.doFetch(tokenUrl, { headers: basic ? { authorization: basic } : {} }).catch((e) => {
            throw new src_errors/* ConfigurationError */.j1(`could not reach the token service ${tokenUrl.origin} of the registry ${this.host} (${e.message})`);
        });
        if (response.status === 401 || response.status === 403) {
            throw new src_errors/* ConfigurationError */.j1(`the registry ${this.host} refused ${credentials ? `the credentials of ${credentials.username}` : 'an anonymous token'} for ${scope} (HTTP ${response.status}); ${loginAdvice(this.host)}`);
        }
        if (!response.ok)
            throw new Error(`token service ${tokenUrl.origin} of ${this.host} answered HTTP ${response.status}: ${(await response.text()).slice(0, 300)}`);
        const json = (await response.json());
        const token = json.token ?? json.access_token;
        if (!token)
            throw new Error(`token service ${tokenUrl.origin} of ${this.host} returned no token`);
        return `Bearer ${token}`;
    }
    async expectOk(response, what) {
        if (response.ok)
            return;
        const text = (await response.text().catch(() => '')).slice(0, 300);
        if (response.status === 401 || response.status === 403) {
            throw new src_errors/* ConfigurationError */.j1(`the registry ${this.host} refused ${what} (HTTP ${response.status}${text ? `: ${text}` : ''}); ${loginAdvice(this.host)}`);
        }
        throw new Error(`the registry ${this.host} answered ${what} with HTTP ${response.status}${text ? `: ${text}` : ''}`);
    }
}
const sizeOf = (m) => (m.config?.size ?? 0) + (m.layers ?? []).reduce((sum, l) => sum + (l.size ?? 0), 0);
function loginAdvice(host) {
    return host === 'ghcr.io'
        ? 'give the job `permissions: packages: write` (GITHUB_TOKEN is used for ghcr.io) or run docker/login-action for ghcr.io first'
        : `log docker in to ${host} first (docker/login-action, or docker login ${host})`;
}
/** findImage for an OCI registry: the same answer ECR's DescribeImages gives (digest, stored size, this tag). */
async function findOciImage(client, repository, id) {
    const reference = 'tag' in id ? id.tag : id.digest;
    const found = await client.headManifest(repository, reference);
    if (!found)
        return undefined;
    const sizeBytes = await client.imageSize(repository, found.digest);
    return { digest: found.digest, ...(sizeBytes !== undefined ? { sizeBytes } : {}), tags: 'tag' in id ? [id.tag] : [] };
}

;// CONCATENATED MODULE: ./packages/aws/src/ecr/image-registry.ts





const ECR_HOST = /^\d{12}\.dkr\.ecr(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?$/;
/** The AWS region of an ECR registry host (`111111111111.dkr.ecr.ca-central-1.amazonaws.com`), else undefined. */
function ecrRegistryRegion(host) {
    return ECR_HOST.exec(host)?.[1];
}
/**
 * Where build-push pushes: `location` is `HOST[/NAMESPACE]` (`ghcr.io/acme`, `127.0.0.1:5000`), or undefined for
 * the ECR registry of the credentials' account. An ECR host keeps ECR's API (repositories are created there, and
 * DescribeImages gives sizes); any other host is an OCI registry, asked through its `/v2/` API.
 */
function imageRegistryFor(location, deps) {
    const host = location?.split('/')[0];
    if (host === undefined || ecrRegistryRegion(host) !== undefined) {
        if (!deps.ecr)
            throw new Error('an ECR client is needed to push to ECR');
        return ecrImageRegistry(deps.ecr, deps, host);
    }
    return ociImageRegistry(location, deps);
}
/** ECR through its API. `host`, when given, must be the registry the credentials reach (ECR calls name no other). */
function ecrImageRegistry(ecr, deps, host) {
    let login;
    return {
        kind: 'ecr',
        repository: async (name, options) => {
            const repository = await ensureRepository(ecr, name, { ...options, log: deps.log });
            if (host && !repository.uri.startsWith(`${host}/`)) {
                throw new src_errors/* ConfigurationError */.j1(`the registry ${host} is not the ECR registry of these AWS credentials (${repository.uri.split('/')[0]}): use credentials for that account and region, or leave the registry input empty`);
            }
            return repository;
        },
        existingRepository: async (name, service) => {
            try {
                return await ensureRepository(ecr, name, { create: false, service, log: deps.log });
            }
            catch (e) {
                if (e instanceof src_errors/* ConfigurationError */.j1 && /does not exist/.test(e.message))
                    return undefined;
                throw e;
            }
        },
        findImage: (repository, id) => findImage(ecr, repository.name, id),
        addTag: (repository, digest, tag) => addImageTag(ecr, repository.name, digest, tag, deps.log),
        login: async () => {
            await (login ??= loginToRegistry(ecr, deps));
        },
    };
}
function ociImageRegistry(location, deps) {
    const [host, ...namespace] = location.replace(/\/+$/, '').split('/');
    const env = deps.env ?? process.env;
    let usedGithubToken = false;
    const credentials = async () => {
        const stored = await storedDockerCredentials(host, { exec: deps.exec, env });
        if (stored || host !== 'ghcr.io' || !env.GITHUB_TOKEN)
            return stored;
        usedGithubToken = true;
        return { username: env.GITHUB_ACTOR || 'x-access-token', password: env.GITHUB_TOKEN };
    };
    const client = new OciRegistryClient(host, { credentials, ...(deps.fetch ? { fetch: deps.fetch } : {}) });
    const path = (name) => [...namespace, name].join('/');
    let login;
    return {
        kind: 'oci',
        // Distribution registries create a repository on its first push: there is nothing to create beforehand.
        repository: async (name) => ({ name: path(name), uri: `${location.replace(/\/+$/, '')}/${name}`, created: false }),
        existingRepository: async (name) => ({ name: path(name), uri: `${location.replace(/\/+$/, '')}/${name}`, created: false }),
        findImage: (repository, id) => findOciImage(client, repository.name, id),
        addTag: async (repository, digest, tag) => {
            try {
                const manifest = await client.getManifest(repository.name, digest);
                if (!manifest)
                    throw new Error(`no manifest ${digest}`);
                await client.putManifest(repository.name, tag, manifest);
                return true;
            }
            catch (e) {
                deps.log.warning(`could not tag ${repository.uri}@${digest} as ${tag} (${e.message}); the image is still usable by digest`);
                return false;
            }
        },
        login: () => (login ??= (async () => {
            const found = await credentials();
            // Credentials docker stored are docker's already; only GITHUB_TOKEN has to be handed to docker for ghcr.io.
            if (!found || !usedGithubToken)
                return;
            deps.setSecret(found.password);
            const args = ['login', '--username', found.username, '--password-stdin', host];
            const result = await deps.exec('docker', args, { stdin: found.password, ...(deps.env ? { env: deps.env } : {}) });
            if (result.exitCode !== 0)
                throw new src_errors/* ConfigurationError */.j1(`${describeCommand('docker', args)} failed (exit ${result.exitCode}): ${result.stderr.trim()}; the job needs permissions: packages: write`);
            deps.log.info(`logged in to ${host} with GITHUB_TOKEN`);
        })()),
    };
}

;// CONCATENATED MODULE: ./packages/aws/src/ecr/build-push.ts









function templatePath(templatesDir, template) {
    return (0,external_node_path_.join)(templatesDir, `${template}.Dockerfile`);
}
/**
 * Builds and pushes each service's image once. The image is tagged by its content (see computeContentTag);
 * when the registry already has that tag the existing digest is returned and nothing is built. docker logs in,
 * and is probed for buildx, only when something has to be built.
 */
async function buildPushServices(catalog, services, options, effects) {
    const registry = imageRegistryFor(options.registry, effects);
    let builder;
    const run = {
        registry,
        builder: () => (builder ??= detectBuilder(effects).then((kind) => {
            const limits = kind === 'classic' ? classicBuilderLimits(options) : [];
            if (kind === 'classic')
                effects.log.warning(`docker has no buildx on this runner: building with docker build + docker push${limits.length ? ` (${limits.join(', ')})` : ''}`);
            return kind;
        })),
    };
    const results = [];
    for (const service of services)
        results.push(await buildPushService(catalog, service, options, effects, run));
    return results;
}
/** What a service's image is built from, and the content tag naming it (the same for finding and for building). */
async function contentOf(catalog, service, options, effects) {
    const source = resolveBuildSource(catalog, service, (p) => (0,external_node_fs_.existsSync)((0,external_node_path_.join)(catalog.root, p)));
    const templateFile = source.template ? templatePath(options.templatesDir, source.template) : undefined;
    let templateText;
    if (templateFile) {
        try {
            templateText = (0,external_node_fs_.readFileSync)(templateFile, 'utf8');
        }
        catch {
            throw new Error(`bundled template ${templateFile} is missing: the action's checkout is incomplete`);
        }
    }
    const content = await computeContentTag(source, { exec: effects.exec, root: catalog.root, platform: options.platform, ...(templateText !== undefined ? { templateText } : {}) });
    effects.log.debug(`${service.name}: content ${content.parts.map((p) => `${p.path || '.'}=${p.object.slice(0, 12)}`).join(' ')}`);
    return { source, templateFile, content };
}
/**
 * Looks up each service's image by its content tag without building, creating a repository or adding a tag: read-only,
 * so the deploy's plan job can run it with the build role and start build jobs only for the images that are missing.
 * One lookup per repository (each service has its own), 10 at a time.
 */
async function findBuiltImages(catalog, services, options, effects) {
    const registry = imageRegistryFor(options.registry, effects);
    const looked = await (0,ecs_concurrency/* mapWithConcurrency */.WS)(services, 10, async (service) => {
        const started = effects.clock.now();
        const { source, content } = await contentOf(catalog, service, options, effects);
        const repo = await registry.existingRepository(source.repository, service.name);
        const existing = repo && (await registry.findImage(repo, { tag: content.tag }));
        if (!repo || !existing) {
            effects.log.info(`${service.name}: no image ${repo?.uri ?? source.repository}:${content.tag} yet; to build`);
            return service.name;
        }
        effects.log.info(`${service.name}: ${repo.uri}:${content.tag} exists (${existing.digest}); no build`);
        return {
            service: service.name,
            repository: repo.uri,
            digest: existing.digest,
            image: `${repo.uri}@${existing.digest}`,
            contentTag: content.tag,
            tags: [content.tag],
            built: false,
            ...(existing.sizeBytes !== undefined ? { sizeBytes: existing.sizeBytes } : {}),
            seconds: (effects.clock.now() - started) / 1000,
            dockerfile: source.dockerfile ?? `template:${source.template}`,
        };
    });
    return { found: looked.filter((r) => typeof r !== 'string'), missing: looked.filter((r) => typeof r === 'string') };
}
async function buildPushService(catalog, service, options, effects, run) {
    const { registry } = run;
    const started = effects.clock.now();
    const { log } = effects;
    const { source, templateFile, content } = await contentOf(catalog, service, options, effects);
    const repo = await registry.repository(source.repository, { create: source.createRepository, service: service.name });
    const revisionTag = options.revision;
    const done = (digest, built, sizeBytes, tags) => ({
        service: service.name,
        repository: repo.uri,
        digest,
        image: `${repo.uri}@${digest}`,
        contentTag: content.tag,
        tags,
        built: built !== false,
        ...(built !== false ? { builder: built } : {}),
        ...(sizeBytes !== undefined ? { sizeBytes } : {}),
        seconds: (effects.clock.now() - started) / 1000,
        dockerfile: source.dockerfile ?? `template:${source.template}`,
    });
    const existing = await registry.findImage(repo, { tag: content.tag });
    if (existing) {
        log.info(`${service.name}: ${repo.uri}:${content.tag} already exists (${existing.digest}); nothing to build`);
        const tags = [content.tag];
        if (revisionTag && (existing.tags.includes(revisionTag) || (await registry.addTag(repo, existing.digest, revisionTag))))
            tags.push(revisionTag);
        return done(existing.digest, false, existing.sizeBytes, tags);
    }
    await registry.login();
    const builder = await run.builder();
    const workDir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'tierdeploy-build-'));
    try {
        const tags = [content.tag, ...(revisionTag ? [revisionTag] : [])];
        const request = {
            service: service.name,
            context: (0,external_node_path_.join)(catalog.root, source.context),
            dockerfile: templateFile ?? (0,external_node_path_.join)(catalog.root, source.dockerfile),
            tags: tags.map((t) => `${repo.uri}:${t}`),
            repositoryUri: repo.uri,
            labels: {
                ...(options.sourceUrl ? { 'org.opencontainers.image.source': options.sourceUrl } : {}),
                ...(options.revision ? { 'org.opencontainers.image.revision': options.revision } : {}),
                'org.opencontainers.image.title': service.name,
            },
            args: source.args,
            platform: options.platform,
            provenance: options.provenance,
            cache: options.cache,
            workDir,
        };
        const dockerDeps = { exec: effects.exec, onLine: (line) => log.info(`[${service.name}] ${line}`), ...(effects.env ? { env: effects.env } : {}) };
        const digest = builder === 'buildx' ? await buildAndPushImage(request, dockerDeps) : await classicBuildAndPush(request, dockerDeps);
        // docker push prints the digest; when it did not, the registry knows what the content tag now points at.
        const pushed = await registry.findImage(repo, digest ? { digest } : { tag: content.tag });
        const pushedDigest = digest ?? pushed?.digest;
        if (!pushedDigest)
            throw new Error(`${repo.uri}:${content.tag} is not in the registry right after docker pushed it`);
        log.info(`${service.name}: pushed ${repo.uri}@${pushedDigest} (${builder === 'buildx' ? 'docker buildx build' : 'docker build + docker push'})`);
        return done(pushedDigest, builder, pushed?.sizeBytes, tags);
    }
    finally {
        (0,external_node_fs_.rmSync)(workDir, { recursive: true, force: true });
    }
}
/** ecs-deploy's `images` input: service -> repository@digest. */
function imagesMap(results) {
    return Object.fromEntries(results.map((r) => [r.service, r.image]));
}
function formatBytes(bytes) {
    if (bytes === undefined)
        return '?';
    const units = ['B', 'KiB', 'MiB', 'GiB'];
    let value = bytes;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
    }
    return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}
/** Markdown build summary: built vs reused, compressed size in the registry, time, and which builder ran. */
function renderBuildSummary(results) {
    const built = results.filter((r) => r.built).length;
    const builders = new Set(results.flatMap((r) => (r.builder ? [r.builder] : [])));
    const lines = [
        `### tierdeploy build-push: ${built} built, ${results.length - built} reused`,
        '',
        ...(builders.has('buildx') ? ['Built with `docker buildx build --push`.', ''] : []),
        ...(builders.has('classic')
            ? ['Built with the classic `docker build` + `docker push`: this runner\'s docker has no buildx. That builder has no registry or GitHub Actions layer cache (only the daemon\'s local layers), writes no provenance attestation and builds one platform; install buildx (docker/setup-buildx-action) for those.', '']
            : []),
        '| service | result | image | size | time | Dockerfile |',
        '|---|---|---|---|---|---|',
        ...results.map((r) => `| ${r.service} | ${r.built ? 'built' : 'reused'} | \`${r.image}\` | ${formatBytes(r.sizeBytes)} | ${r.seconds.toFixed(1)} s | ${r.dockerfile} |`),
    ];
    return `${lines.join('\n')}\n`;
}

;// CONCATENATED MODULE: ./packages/aws/src/ecr/index.ts












;// CONCATENATED MODULE: ./packages/aws/src/health/types.ts
const CHECKS = ['ecs', 'load-balancer', 'http', 'alarms'];

;// CONCATENATED MODULE: ./packages/aws/src/health/ecs-check.ts


/** Every service's state, described in batches of 10 (in parallel). */
async function describeServiceStates(ecs, cluster, services, expected = {}) {
    const out = await (0,rollout/* describeServicesInBatches */.Zs)(ecs, cluster, services, {
        onError: (e) => {
            if (e.name === 'ClusterNotFoundException')
                throw new src_errors/* ConfigurationError */.j1(`ECS cluster '${cluster}' does not exist (check the environment's cluster or the 'cluster' input)`);
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
    const verdict = (0,rollout/* rolloutVerdict */.$6)(s, expected ? { taskDefinition: expected } : undefined);
    return { ...base, verdict: verdict.state === 'done' ? 'passed' : verdict.state, detail: verdict.detail };
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
                throw new src_errors/* ConfigurationError */.j1(`target group ${arn} does not exist (check the 'target-groups' input or the ECS service's load balancer)`);
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
        await (0,ecs_concurrency/* sleepUnlessAborted */.bp)(clock, target.intervalMs, options.signal);
    }
}
/** One request; `cancel` (the gate giving up) throws its reason, while the per-request timeout is a bad answer. */
async function ask(target, effects, cancel) {
    (0,ecs_concurrency/* throwIfAborted */.Te)(cancel);
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
        (0,ecs_concurrency/* throwIfAborted */.Te)(cancel);
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
        const health = (0,src_settings/* serviceSettings */.xw)(catalog, service, environment).healthCheck;
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
    const setup = (0,errors/* awsSetupError */.Dw)(e, 'ECS, Elastic Load Balancing or CloudWatch (health gate)');
    if (setup)
        return setup;
    const name = e?.name ?? '';
    if (/AccessDenied/.test(name))
        return new src_errors/* ConfigurationError */.j1(`AWS denied a health-gate call (${name}: ${e.message}); see docs/health-gate.md for the IAM permissions it needs`);
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
    await (0,ecs_concurrency/* allOrAbort */.jH)(targets.map((t) => async (signal) => {
        const reason = blocked.get(t.service);
        const both = ['load-balancer', 'http'].filter(enabled);
        if (reason) {
            for (const c of both)
                add(t.service, c, 'skipped', reason);
            return;
        }
        await (0,ecs_concurrency/* allOrAbort */.jH)([
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
    outcomes.sort((a, b) => order.get(a.service) - order.get(b.service) || CHECKS.indexOf(a.check) - CHECKS.indexOf(b.check));
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
        (0,ecs_concurrency/* throwIfAborted */.Te)(signal);
        const verdict = await checkTargetGroups(effects.elb, groups, signal);
        if (verdict.healthy)
            return ['passed', verdict.detail];
        if (effects.clock.now() + pollMs > deadline)
            return ['failed', `not healthy by the deadline: ${verdict.detail}`];
        await (0,ecs_concurrency/* sleepUnlessAborted */.bp)(effects.clock, pollMs, signal);
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
const report_cell = (text) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
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
    const row = (o) => `| ${o.service} | ${o.check} | ${MARK[o.status]} | ${report_cell(o.detail)} |`;
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
    const rows = results.map((r) => `| ${r.service} | ${r.status === 'rolled-back' ? '\u21a9\ufe0f rolled back' : `\u274c ${r.status}`} | ${r.taskDefinition?.split('/').at(-1) ?? ''} | ${report_cell(r.reason ?? '')} |`);
    return ['', '#### Rollback', '', '| service | result | revision | why |', '|---|---|---|---|', ...rows, ''].join('\n');
}

// EXTERNAL MODULE: ./packages/catalog/src/suggest.ts
var suggest = __webpack_require__(5753);
;// CONCATENATED MODULE: ./packages/aws/src/health/selection.ts



/**
 * The services the gate checks: a tier's deployable services (as resolve-graph plans them for the environment),
 * the named ones, or, when neither is given, those in ecs-deploy's result.
 */
function gateServices(catalog, environment, given, names = { tier: 'tier', services: 'services', deployResult: 'deploy-result' }) {
    if (given.tier && given.services?.length)
        throw new src_errors/* ConfigurationError */.j1(`give '${names.tier}' or '${names.services}', not both`);
    if (given.tier) {
        const plan = (0,src_plan/* resolveDeployWaves */._j)(catalog, { tier: (0,src_plan/* parseTier */.aW)(given.tier) }, environment);
        return plan.tiers.flatMap((t) => t.waves.flat()).map((n) => catalog.services.get(n)).filter((s) => s.kind === 'service');
    }
    const selected = given.services?.length ? given.services : given.deployResult?.filter((r) => r.status !== 'skipped').map((r) => r.service);
    if (!selected)
        throw new src_errors/* ConfigurationError */.j1(`give '${names.tier}', '${names.services}' or '${names.deployResult}': nothing is selected to check`);
    const services = [...new Set(selected.map((n) => (0,src_plan/* resolveServiceName */.fV)(catalog, n)))];
    const notDeployed = services.filter((s) => s.kind !== 'service');
    if (notDeployed.length)
        throw new src_errors/* ConfigurationError */.j1(`${notDeployed.map((s) => `${s.name} (${s.kind})`).join(', ')} ${notDeployed.length === 1 ? 'is' : 'are'} not deployed to ECS, so there is no health to check`);
    return services;
}
function parseChecks(list, input) {
    if (!list)
        return [...CHECKS];
    return list.map((c) => {
        if (CHECKS.includes(c))
            return c;
        const near = (0,suggest/* closestNames */.g9)(c, CHECKS);
        throw new src_errors/* ConfigurationError */.j1(`input '${input}': unknown check '${c}'${near.length ? `; did you mean '${near[0]}'?` : ''} (checks: ${CHECKS.join(', ')})`);
    });
}
/** `{"service": "arn..." | ["arn...", ...]}` -> service -> ARNs. */
function parseTargetGroups(value, input) {
    if (value === undefined)
        return {};
    if (!value || typeof value !== 'object' || Array.isArray(value))
        throw new src_errors/* ConfigurationError */.j1(`input '${input}' must be a JSON object: {"SERVICE": "TARGET_GROUP_ARN" or ["ARN", ...]}`);
    return Object.fromEntries(Object.entries(value).map(([service, arns]) => {
        const list = typeof arns === 'string' ? [arns] : arns;
        if (!Array.isArray(list) || list.some((a) => typeof a !== 'string' || !a.startsWith('arn:'))) {
            throw new src_errors/* ConfigurationError */.j1(`input '${input}': ${service} must map to a target group ARN or a list of them`);
        }
        return [service, list];
    }));
}
/** Target group map keyed by canonical service names (aliases accepted). */
function canonicalTargetGroups(catalog, groups, input) {
    return Object.fromEntries(Object.entries(groups).map(([name, arns]) => {
        const canonical = catalog.names.get(name);
        if (!canonical)
            throw new src_errors/* ConfigurationError */.j1(`input '${input}': unknown service '${name}'${(0,suggest/* closestNames */.g9)(name, catalog.names.keys()).length ? `; did you mean '${(0,suggest/* closestNames */.g9)(name, catalog.names.keys())[0]}'?` : ''}`);
        return [canonical, arns];
    }));
}

;// CONCATENATED MODULE: ./packages/aws/src/health/index.ts










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
        throw new src_errors/* ConfigurationError */.j1(`cannot resolve the settings of environment ${env.name}:\n  ${problems.join('\n  ')}`);
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
                throw new src_errors/* ConfigurationError */.j1(`reading the outputs of stack '${name}' was denied: ${message} (the deploy role needs cloudformation:DescribeStacks on that stack)`);
            }
            throw (0,errors/* awsSetupError */.Dw)(e, `CloudFormation to read the outputs of stack '${name}'`) ?? e;
        }
    });
}

;// CONCATENATED MODULE: ./packages/aws/src/cloudformation/doctor.ts


/** The tag CloudFormation puts on the taggable resources it creates, ECS services among them. */
const STACK_NAME_TAG = 'aws:cloudformation:stack-name';
/**
 * Services of the cluster that a CloudFormation stack owns (its `aws:cloudformation:stack-name` tag) but whose catalog
 * entry would have tierdeploy update them directly: an UpdateService there drifts the stack, and the stack's next
 * update silently reverts the deploy. Also warns when the catalog names a different stack than the one that owns it.
 * ECS services that are not in the catalog are none of tierdeploy's business and are skipped.
 */
async function findUndeclaredStackServices(ecs, cluster, catalog) {
    const arns = [];
    let nextToken;
    do {
        const page = await ecs.send(new dist_cjs/* ListServicesCommand */.qde({ cluster, maxResults: 100, ...(nextToken ? { nextToken } : {}) }));
        arns.push(...(page.serviceArns ?? []));
        nextToken = page.nextToken;
    } while (nextToken);
    // Only services the catalog knows need their tags: skip the rest before describing anything.
    const known = arns.filter((arn) => catalog.names.has(arn.slice(arn.lastIndexOf('/') + 1)));
    const warnings = [];
    const { services } = await (0,rollout/* describeServicesInBatches */.Zs)(ecs, cluster, known, { include: ['TAGS'] });
    for (const s of services) {
        const stack = s.tags?.find((t) => t.key === STACK_NAME_TAG)?.value;
        const name = s.serviceName ? catalog.names.get(s.serviceName) : undefined;
        if (!stack || !name)
            continue;
        const entry = catalog.services.get(name);
        if (entry.deployVia !== 'cloudformation') {
            warnings.push({
                service: name,
                stack,
                message: `${name} belongs to CloudFormation stack ${stack} (tag ${STACK_NAME_TAG}) but the catalog deploys it directly; declare deployVia: cloudformation with cloudformation: { stack: ${stack}, imageParameter: PARAM }, or a deploy will drift the stack`,
            });
        }
        else if (entry.cloudformation && !ownedBy(stack, entry.cloudformation.stack)) {
            warnings.push({
                service: name,
                stack,
                message: `${name} belongs to CloudFormation stack ${stack} (tag ${STACK_NAME_TAG}) but the catalog names stack ${entry.cloudformation.stack}`,
            });
        }
    }
    return warnings.sort((a, b) => a.service.localeCompare(b.service));
}
/** A service in a nested stack carries the nested stack's name, PARENT-LogicalId-RANDOM, while the catalog names the root. */
function ownedBy(tagStack, catalogStack) {
    return tagStack === catalogStack || tagStack.startsWith(`${catalogStack}-`);
}

;// CONCATENATED MODULE: ./packages/aws/src/cloudformation/index.ts






// EXTERNAL MODULE: ./packages/aws/src/client-config.ts
var client_config = __webpack_require__(9161);
// EXTERNAL MODULE: ./packages/aws/src/region.ts
var region = __webpack_require__(4173);
;// CONCATENATED MODULE: ./packages/aws/src/environment.ts




/** AWS region names as the environment schema accepts them (us-east-1, ca-central-1, us-gov-west-1). */
/** A CloudFormation client for the region, loaded on first use (the CLI's `plan` never loads the SDK). */
async function makeCloudFormationClient(region) {
    const { CloudFormationClient } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 3805, 19));
    return new CloudFormationClient((0,client_config/* awsClientConfig */.rw)(region ? { region } : {}));
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
        throw new src_errors/* ConfigurationError */.j1(`environment ${environment.name} has no cluster (${environment.file}): set cluster: there, or give ${overrideName}`);
    }
    const resolved = await resolveEnvironment({ ...environment, network: {}, roleArn: undefined, serviceConnectNamespace: undefined, logGroup: undefined }, sources);
    return resolved.cluster;
}

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
    const described = await describeServices(viaEcs, cluster, effects);
    if (described.error)
        throw new Error(`cannot read the services of cluster ${cluster} in ${environment.name}: ${described.error}`);
    for (const name of described.missing)
        problems.push(`${name}: no such service in cluster ${cluster}`);
    const taskDefinitions = new Map();
    for (const name of viaEcs) {
        const service = described.services.get(name);
        if (!service)
            continue;
        const verdict = (0,rollout/* rolloutVerdict */.$6)(service);
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
    await (0,ecs_concurrency/* mapWithConcurrency */.WS)([...taskDefinitions], 10, async ([name, arn]) => {
        try {
            const { taskDefinition } = await effects.ecs.send(new dist_cjs/* DescribeTaskDefinitionCommand */.Zy$({ taskDefinition: arn }));
            const containerName = (0,src_settings/* serviceSettings */.xw)(catalog, catalog.services.get(name), environment).containerName;
            const image = taskDefinition?.containerDefinitions?.find((c) => c.name === containerName)?.image;
            if (!image)
                problems.push(`${name}: ${arn} has no container named ${containerName} (set container.name in ${catalog.file})`);
            else if (!(0,parse_inputs/* isDigestImage */.SN)(image))
                problems.push(`${name}: runs ${image}, a mutable tag; promotion takes only images pinned by digest (deploy it with build-push's output first)`);
            else
                images[name] = image;
        }
        catch (e) {
            (0,errors/* rethrowConfigurationError */.wD)(e, { cluster, service: name });
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
        throw new src_errors/* ConfigurationError */.j1(`cannot promote from ${environment.name}:\n  ${problems.sort().join('\n  ')}`);
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
        throw new src_errors/* ConfigurationError */.j1(`${environment.name} changed while its health gate ran, so the gate did not check what it runs now; nothing was promoted (run the promotion again):\n  ${moved.join('\n  ')}`);
    }
    return { report, release: before };
}
function shortRevision(arn) {
    return arn === undefined ? undefined : (0,rollout/* taskDefinitionName */.ip)(arn);
}

;// CONCATENATED MODULE: ./packages/aws/src/account.ts



/** The credentials are for another account than the environment's: nothing may be written with them. */
class AccountMismatchError extends src_errors/* ConfigurationError */.j1 {
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
        throw (0,errors/* awsSetupError */.Dw)(e, calling) ?? e;
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
    return new STSClient((0,client_config/* awsClientConfig */.rw)({ maxAttempts: 5, ...options }));
}

;// CONCATENATED MODULE: ./packages/aws/src/status.ts








/**
 * The status of services in one environment: read-only (DescribeServices in batches of 10, one DescribeTaskDefinition
 * with tags per service, 10 at a time). Drift is what rendering the catalog's settings over the running revision
 * changes: the settings a deploy would apply.
 */
async function readEnvironmentStatus(catalog, environment, services, cluster, effects) {
    const described = await describeServices(services, cluster, effects);
    if (described.error)
        throw new src_errors/* ConfigurationError */.j1(`cannot read the services of cluster ${cluster} in ${environment.name}: ${described.error}`);
    const out = new Map();
    for (const name of described.missing)
        out.set(name, { service: name, rollout: 'missing', rolloutDetail: `not in cluster ${cluster}`, running: 0, desired: 0, drift: [] });
    await (0,ecs_concurrency/* mapWithConcurrency */.WS)([...described.services.entries()], 10, async ([name, service]) => {
        const verdict = (0,rollout/* rolloutVerdict */.$6)(service);
        const primary = service.deployments?.find((d) => d.status === 'PRIMARY');
        const arn = primary?.taskDefinition ?? service.taskDefinition;
        const status = {
            service: name,
            rollout: verdict.state,
            rolloutDetail: verdict.detail,
            running: service.runningCount ?? 0,
            desired: service.desiredCount ?? 0,
            ...(primary?.createdAt ? { deployedAt: new Date(primary.createdAt).getTime() } : {}),
            drift: [],
        };
        out.set(name, status);
        if (!arn)
            return;
        status.taskDefinition = (0,rollout/* taskDefinitionName */.ip)(arn);
        let taskDefinition;
        let tags;
        try {
            const answer = await effects.ecs.send(new dist_cjs/* DescribeTaskDefinitionCommand */.Zy$({ taskDefinition: arn, include: ['TAGS'] }));
            taskDefinition = answer.taskDefinition;
            tags = Object.fromEntries((answer.tags ?? []).map((t) => [t.key ?? '', t.value ?? '']));
        }
        catch (e) {
            (0,errors/* rethrowConfigurationError */.wD)(e, { cluster, service: name });
            throw e;
        }
        if (!taskDefinition)
            return;
        const settings = (0,src_settings/* serviceSettings */.xw)(catalog, catalog.services.get(name), environment);
        const image = taskDefinition.containerDefinitions?.find((c) => c.name === settings.containerName)?.image;
        if (image) {
            status.image = image;
            const digest = /@(sha256:[a-f0-9]{64})$/.exec(image)?.[1];
            if (digest)
                status.digest = digest;
            status.drift = (0,render/* diffTaskDefinitions */.n2)((0,render/* registrationOf */.DD)(taskDefinition), (0,render/* renderTaskDefinition */.P9)({ base: taskDefinition, running: taskDefinition, service: name, settings }));
        }
        else {
            status.drift = [`the task definition has no container '${settings.containerName}' (container.name in ${catalog.file})`];
        }
        if (tags[TAG_COMMIT])
            status.commit = tags[TAG_COMMIT];
        if (tags[TAG_DEPLOY_ID])
            status.deployId = tags[TAG_DEPLOY_ID];
    });
    return services.map((n) => out.get(n)).filter(Boolean);
}
/**
 * Which services run different images in two environments (the promotion preview): compared by digest, the bytes,
 * so the same commit built twice still counts as different; each side named by its commit where the tags give one.
 */
function compareStatus(here, there) {
    const other = new Map(there.map((s) => [s.service, s]));
    const label = (s) => s?.commit?.slice(0, 12) ?? s?.digest?.slice(0, 19) ?? s?.taskDefinition;
    const out = [];
    for (const s of here) {
        const o = other.get(s.service);
        const hereRuns = s.rollout !== 'missing';
        const thereRuns = o !== undefined && o.rollout !== 'missing';
        if (hereRuns && !thereRuns)
            out.push({ service: s.service, ...(label(s) ? { here: label(s) } : {}), reason: 'only here' });
        else if (!hereRuns && thereRuns)
            out.push({ service: s.service, ...(label(o) ? { there: label(o) } : {}), reason: 'only there' });
        else if (hereRuns && thereRuns && (s.digest ?? s.image) !== (o.digest ?? o.image)) {
            out.push({ service: s.service, ...(label(s) ? { here: label(s) } : {}), ...(label(o) ? { there: label(o) } : {}), reason: 'different image' });
        }
    }
    return out;
}
/** The status as a table: text for a terminal, or Markdown for a job summary or a pull-request comment. */
function renderStatus(environment, statuses, format, now) {
    const header = ['service', 'revision', 'commit', 'image', 'rollout', 'tasks', 'deployed', 'drift'];
    const rows = statuses.map((s) => [
        s.service,
        s.taskDefinition ? `:${s.taskDefinition.split(':').at(-1)}` : '-',
        s.commit?.slice(0, 12) ?? '-',
        s.digest ? `${s.digest.slice(0, 19)}\u2026` : (s.image ?? '-'),
        s.rollout === 'done' ? 'done' : `${s.rollout}${s.rolloutDetail ? ` (${s.rolloutDetail})` : ''}`,
        `${s.running}/${s.desired}`,
        s.deployedAt === undefined ? '-' : age(now - s.deployedAt),
        s.drift.length ? `${s.drift.length} setting(s)` : '-',
    ]);
    if (format === 'markdown') {
        const cell = (c) => c.replace(/\|/g, '\\|');
        const lines = [`### ${environment}: ${statuses.length} service(s)`, '', `| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)];
        const drifted = statuses.filter((s) => s.drift.length);
        if (drifted.length)
            lines.push('', '<details><summary>What the next deploy would change (catalog settings)</summary>', '', ...drifted.flatMap((s) => [`**${s.service}**`, '```diff', ...s.drift, '```']), '</details>');
        return `${lines.join('\n')}\n`;
    }
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (r) => r.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
    const drift = statuses.filter((s) => s.drift.length).flatMap((s) => [`${s.service} would change:`, ...s.drift.map((d) => `  ${d}`)]);
    return [`${environment}: ${statuses.length} service(s)`, line(header), ...rows.map(line), ...(drift.length ? ['', ...drift] : [])].join('\n');
}
function age(ms) {
    const minutes = Math.max(0, Math.round(ms / 60_000));
    if (minutes < 60)
        return `${minutes} min ago`;
    const hours = Math.round(minutes / 60);
    return hours < 48 ? `${hours} h ago` : `${Math.round(hours / 24)} days ago`;
}
function renderComparison(here, there, differences) {
    if (differences.length === 0)
        return `${here} and ${there} run the same images.`;
    return [
        `${differences.length} service(s) differ between ${here} and ${there}:`,
        ...differences.map((d) => `  ${d.service}: ${d.reason === 'only here' ? `only in ${here} (${d.here ?? '?'})` : d.reason === 'only there' ? `only in ${there} (${d.there ?? '?'})` : `${here} ${d.here ?? '?'}, ${there} ${d.there ?? '?'}`}`),
    ].join('\n');
}
function statusReport(environment, services, compared) {
    return { environment, services, ...(compared ? { compare: compared.environment, differences: compareStatus(services, compared.services) } : {}) };
}
const ROLLOUTS = ['done', 'pending', 'failed', 'missing'];
/**
 * A status report another step (or `tierdeploy status --format json`) wrote, checked before use: comparing against
 * a malformed one would call every service different (or none).
 */
function parseStatusReport(value, where) {
    const bad = (what) => new src_errors/* ConfigurationError */.j1(`${where}: ${what}; give the status output of another status step (or tierdeploy status --format json)`);
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        throw bad('expected a JSON object {"environment", "services": [...]}');
    const { environment, services } = value;
    if (typeof environment !== 'string' || !environment)
        throw bad('"environment" must be the name of the environment it describes');
    if (!Array.isArray(services))
        throw bad('"services" must be an array');
    services.forEach((s, i) => {
        const item = s;
        if (typeof item !== 'object' || item === null || typeof item.service !== 'string' || !ROLLOUTS.includes(item.rollout)) {
            throw bad(`services[${i}] must have a "service" name and a "rollout" of ${ROLLOUTS.join(', ')}`);
        }
        for (const key of ['digest', 'image', 'commit', 'taskDefinition']) {
            if (item[key] !== undefined && typeof item[key] !== 'string')
                throw bad(`services[${i}].${key} must be a string`);
        }
    });
    return { environment, services: services };
}

;// CONCATENATED MODULE: ./packages/aws/src/index.ts
// Each area owns its folder and its own index.ts; this file only re-exports them.











/***/ })

};

export const id = 452;
export const ids = [452];
export const modules = {

/***/ 9452:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  clusterFor: () => (/* reexport */ clusterFor),
  gateServices: () => (/* reexport */ gateServices),
  makeCloudFormationClient: () => (/* reexport */ makeCloudFormationClient),
  makeEcsClient: () => (/* reexport */ makeEcsClient),
  parseStatusReport: () => (/* reexport */ parseStatusReport),
  readEnvironmentStatus: () => (/* reexport */ readEnvironmentStatus),
  regionFor: () => (/* reexport */ regionFor),
  renderComparison: () => (/* reexport */ renderComparison),
  renderStatus: () => (/* reexport */ renderStatus),
  statusReport: () => (/* reexport */ statusReport),
  verifyCallerAccount: () => (/* reexport */ verifyCallerAccount)
});

// UNUSED EXPORTS: AccountMismatchError, CHECKS, COMMIT_LOOKUP_LIMIT, DEFAULT_DEPLOY_CONCURRENCY, DEFAULT_MAX_ATTEMPTS, DEFAULT_MAX_POLL_INTERVAL_MS, DEFAULT_POLL_INTERVAL_MS, DEFAULT_REPLICA_WAIT_MS, DEFAULT_SERVICE_TIMEOUT_MS, DEFAULT_STACK_POLL_INTERVAL_MS, DESCRIBE_SERVICES_BURST, DESCRIBE_SERVICES_LIMIT, DESCRIBE_SERVICES_PER_SECOND, ECS_SERVICE_STATUSES, HEARTBEAT_MS, IMAGE_DIGEST_PATTERN, MANIFEST_MEDIA_TYPES, MIN_SEND_RATE, OciRegistryClient, ProgressState, READ_ONLY_TASK_DEFINITION_FIELDS, STACK_NAME_TAG, SessionExpiredError, TAG_COMMIT, TAG_DEPLOY_ID, TAG_REPLACES, TAG_SERVICE, TERRAFORM_VARIABLES, TIMELINE_MAX_WAVE_BARS, addImageTag, asCredentialsError, awsClientConfig, awsSetupError, buildAndPushImage, buildPushServices, buildxArgs, canonicalTargetGroups, checkHttpHealth, checkTargetGroups, chooseBaseRevision, classicBuildAndPush, classicBuildArgs, classicBuilderLimits, compareStatus, computeContentTag, configurationErrorOf, deployEcsServices, deployPlan, deployStackServices, describeAlarms, describeCommand, describeServiceStates, describeServices, describeServicesInBatches, describeSnapshot, detectBuilder, diffTaskDefinitions, dockerConfigFile, ecrAccessError, ecrImageRegistry, ecrRegistryRegion, emitProgress, ensureRepository, failureEventsOfLatestUpdate, findBuiltImages, findImage, findOciImage, findStack, findUndeclaredStackServices, formatBytes, formatDuration, formatStackEvent, gateRunningRelease, gateTargets, imageRegistryFor, imagesMap, isDigestImage, isInProgress, isUpdatable, libraryPathsOf, lineFor, lineRenderer, loginToRegistry, makeCloudWatchClient, makeEc2Client, makeEcrClient, makeElbClient, makeIamClient, makeSecretsManagerClient, makeServiceQuotasClient, makeSsmClient, makeStsClient, ociImageRegistry, parseChallenge, parseChecks, parseDeployResult, parseEcrImage, parseRollbackVersion, parseTargetGroups, readRunningRelease, recordedRollbackTargets, registrationOf, registryApiBase, renderBuildSummary, renderDeployTimeline, renderEcsResultTable, renderEcsResultText, renderGateTable, renderGateText, renderRollbackTable, renderTaskDefinition, resolveBuildSource, resolveEnvironment, resolveReplicas, resolveRollbackTarget, revisionCell, revisionOf, rollBackRecordedDeploy, rollBackService, rollBackServices, rollBackStackService, rolloutVerdict, runHealthGate, sameRegistration, sameTaskDefinition, serviceState, sessionExpiredError, shortTaskDefinition, shortenDigests, spawnExec, stackOutputLookup, stackOutputs, storedDockerCredentials, taskDefinitionFamily, taskDefinitionName, templatePath, tokenBucket, waitForRollouts

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
    const { ElasticLoadBalancingV2Client } = await __webpack_require__.e(/* import() */ 586).then(__webpack_require__.t.bind(__webpack_require__, 586, 19));
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

;// CONCATENATED MODULE: ./packages/aws/src/ecs/client.ts


/**
 * An ECS client with the one AWS client configuration (awsClientConfig): adaptive retries, so a 60-service tier
 * sharing one client stays under ECS's per-account API rates.
 */
function makeEcsClient(options = {}) {
    return new dist_cjs/* ECSClient */.Zgc(awsClientConfig(options));
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













// EXTERNAL MODULE: ./packages/catalog/src/errors.ts
var errors = __webpack_require__(2332);
// EXTERNAL MODULE: ./packages/catalog/src/suggest.ts
var suggest = __webpack_require__(5753);
// EXTERNAL MODULE: ./packages/catalog/src/settings.ts
var src_settings = __webpack_require__(1214);
;// CONCATENATED MODULE: ./packages/graph/src/plan.ts

/** Resolves a service name or alias, or throws naming the closest names. */
function resolveServiceName(catalog, name) {
    const canonical = catalog.names.get(name.trim());
    if (canonical)
        return catalog.services.get(canonical);
    const near = (0,suggest/* closestNames */.g9)(name, catalog.names.keys());
    throw new errors/* ConfigurationError */.j1(`unknown service '${name}'${near.length ? `; did you mean ${near.map((n) => `'${n}'`).join(', ')}?` : ''} (see ${catalog.file}; \`tierdeploy plan --tier all\` lists every service)`);
}
/** Why a service does not deploy in the environment (disabled, or an optional tier's service not enabled there); undefined when it does. */
function whyNotEnabled(catalog, service, environment) {
    if (service.disabled)
        return `${service.name} is disabled in ${catalog.file}`;
    if (!(0,src_settings/* isEnabledIn */.Z)(catalog, service, environment))
        return `${service.name} is not enabled${environment ? ` in ${environment.name}` : ''}: add it to optionalServices in ${environment?.file}`;
    return undefined;
}
/** Parses a tier given as a flag or input: a tier number or `all`. */
function parseTier(value) {
    const v = value.trim().toLowerCase();
    if (v === 'all')
        return 'all';
    if (/^\d+$/.test(v))
        return Number(v);
    throw new errors/* ConfigurationError */.j1(`tier must be a tier number or 'all', got '${value}'`);
}
/** Parses a comma or newline separated list of names, dropping blanks. */
function parseNameList(value) {
    return value.split(/[,\n]/).map((s) => s.trim()).filter(Boolean);
}
function resolveDeployWaves(catalog, selection, environment) {
    // A tier selection gives every service it selects the same first reason: they share one frozen list, and only a
    // service with more reasons gets a list of its own (issue 16: a plan of 10,000 allocated 10,000 lists here).
    let tierReason;
    const inTierSelection = (s) => s.kind !== 'library' && (0,src_settings/* isEnabledIn */.Z)(catalog, s, environment) && (selection.tier === undefined || selection.tier === 'all' || s.tier === selection.tier);
    const reasons = new Map();
    const because = (name, reason) => {
        let list = reasons.get(name);
        if (!list)
            reasons.set(name, (list = tierReason && inTierSelection(catalog.services.get(name)) ? [...tierReason] : []));
        if (!list.includes(reason))
            list.push(reason);
    };
    const reasonsOf = (s) => reasons.get(s.name) ?? (tierReason && inTierSelection(s) ? tierReason : NO_REASONS);
    if (selection.tier === undefined && selection.services === undefined && selection.changed === undefined) {
        throw new errors/* ConfigurationError */.j1('nothing selected: choose a tier (1, 2, ... or all), services, or a change to deploy');
    }
    if (typeof selection.tier === 'number' && !catalog.tiers.some((t) => t.id === selection.tier)) {
        throw new errors/* ConfigurationError */.j1(`unknown tier ${selection.tier}: ${catalog.file} defines tiers ${catalog.tiers.map((t) => t.id).join(', ')} (or use all)`);
    }
    let base;
    const skipped = [];
    if (selection.services !== undefined) {
        if (selection.services.length === 0)
            throw new errors/* ConfigurationError */.j1('the service list is empty: name at least one service');
        base = [];
        for (const s of selection.services.map((n) => resolveServiceName(catalog, n))) {
            if (s.kind === 'library')
                throw new errors/* ConfigurationError */.j1(`${s.name} is a library: it is never deployed (a change to it deploys its dependents)`);
            const notEnabled = whyNotEnabled(catalog, s, environment);
            if (notEnabled && !selection.onlyEnabled)
                throw new errors/* ConfigurationError */.j1(notEnabled);
            if (notEnabled) {
                if (!skipped.includes(s.name))
                    skipped.push(s.name);
                continue;
            }
            if (typeof selection.tier === 'number' && s.tier !== selection.tier) {
                throw new errors/* ConfigurationError */.j1(`${s.name} is in tier ${s.tier}, not tier ${selection.tier}: drop the tier or the service`);
            }
            because(s.name, 'named');
            base.push(s);
        }
    }
    else {
        base = [...catalog.services.values()].filter(inTierSelection);
        if (selection.tier !== undefined)
            tierReason = Object.freeze([selection.tier === 'all' ? 'all tiers' : `in tier ${selection.tier}`]);
    }
    if (selection.changed !== undefined) {
        const changed = new Set(selection.changed.map((n) => resolveServiceName(catalog, n).name));
        base = base.filter((s) => changed.has(s.name));
        for (const s of base) {
            const why = selection.changedBecause?.[s.name];
            because(s.name, why?.length ? `changed: ${why.join('; ')}` : 'changed');
        }
    }
    // Only a walk through dependencies needs the selection by name.
    let selectedServices = base;
    if (selection.withDependencies) {
        const selected = new Map(base.map((s) => [s.name, s]));
        selectedServices = selected.values();
        const queue = [...selected.values()];
        while (queue.length) {
            const s = queue.pop();
            for (const depName of s.dependsOn) {
                const dep = catalog.services.get(depName);
                // Libraries are walked through (their dependencies are libraries) but never planned.
                if (dep.kind !== 'library')
                    because(dep.name, `dependency of ${s.name}`);
                if (!selected.has(dep.name)) {
                    selected.set(dep.name, dep);
                    queue.push(dep);
                }
            }
        }
        for (const [name, s] of selected)
            if (s.kind === 'library')
                selected.delete(name);
    }
    const nodes = {};
    const tiers = [];
    const byTier = new Map();
    for (const s of selectedServices) {
        const list = byTier.get(s.tier);
        if (list)
            list.push(s);
        else
            byTier.set(s.tier, [s]);
    }
    for (const tierId of [...byTier.keys()].sort((a, b) => a - b)) {
        const members = byTier.get(tierId);
        const waveOf = assignWaves(members);
        const waves = [];
        for (let i = 0; i < members.length; i++) {
            const s = members[i];
            const w = waveOf[i];
            (waves[w] ??= []).push(s.name);
            nodes[s.name] = { name: s.name, kind: s.kind, tier: s.tier, wave: w, reasons: reasonsOf(s) };
        }
        for (const wave of waves)
            wave.sort();
        tiers.push({ tier: tierId, name: catalog.tiers.find((t) => t.id === tierId)?.name ?? String(tierId), waves });
    }
    return { ...(environment ? { environment: environment.name } : {}), tiers, nodes, ...(skipped.length ? { skipped } : {}) };
}
/**
 * A node's wave is one more than the latest wave among its selected dependencies of the same tier (Kahn's
 * algorithm, so depth is not limited by the call stack). Dependencies elsewhere do not shape waves.
 */
function assignWaves(members) {
    // Members by position; dependencies outside the tier are not in `at` and are skipped. The edges (dependency ->
    // dependent) are kept flat, then grouped by dependency: no array per member (issue 16: plans of 10,000).
    const n = members.length;
    const at = new Map();
    for (let i = 0; i < n; i++)
        at.set(members[i].name, i);
    const pending = new Int32Array(n);
    const edgeFrom = [];
    const edgeTo = [];
    for (let i = 0; i < n; i++) {
        const deps = members[i].dependsOn;
        for (let k = 0; k < deps.length; k++) {
            const j = at.get(deps[k]);
            if (j === undefined)
                continue;
            pending[i]++;
            edgeFrom.push(j);
            edgeTo.push(i);
        }
    }
    const start = new Int32Array(n + 1);
    for (let e = 0; e < edgeFrom.length; e++)
        start[edgeFrom[e] + 1]++;
    for (let i = 0; i < n; i++)
        start[i + 1] += start[i];
    const next = start.slice(0, n);
    const dependents = new Int32Array(edgeFrom.length);
    for (let e = 0; e < edgeFrom.length; e++)
        dependents[next[edgeFrom[e]]++] = edgeTo[e];
    const wave = new Int32Array(n);
    const ready = [];
    for (let i = 0; i < n; i++)
        if (pending[i] === 0)
            ready.push(i);
    for (let k = 0; k < ready.length; k++) {
        const i = ready[k];
        for (let e = start[i]; e < start[i + 1]; e++) {
            const dependent = dependents[e];
            if (wave[i] + 1 > wave[dependent])
                wave[dependent] = wave[i] + 1;
            if (--pending[dependent] === 0)
                ready.push(dependent);
        }
    }
    if (ready.length !== n) {
        // The catalog validator rejects cycles, so reaching this is a bug, not a user mistake.
        throw new Error(`dependency cycle among ${members.filter((_, i) => pending[i] > 0).map((s) => s.name).join(', ')}`);
    }
    return Array.from(wave);
}
const NO_REASONS = Object.freeze([]);
/** The plan's node names in deploy order (tier, then wave, then name). */
function deployOrder(plan) {
    return plan.tiers.flatMap((t) => t.waves.flat());
}

;// CONCATENATED MODULE: ./packages/aws/src/health/selection.ts



/**
 * The services the gate checks: a tier's deployable services (as resolve-graph plans them for the environment),
 * the named ones, or, when neither is given, those in ecs-deploy's result.
 */
function gateServices(catalog, environment, given, names = { tier: 'tier', services: 'services', deployResult: 'deploy-result' }) {
    if (given.tier && given.services?.length)
        throw new errors/* ConfigurationError */.j1(`give '${names.tier}' or '${names.services}', not both`);
    if (given.tier) {
        const plan = resolveDeployWaves(catalog, { tier: parseTier(given.tier) }, environment);
        return plan.tiers.flatMap((t) => t.waves.flat()).map((n) => catalog.services.get(n)).filter((s) => s.kind === 'service');
    }
    const selected = given.services?.length ? given.services : given.deployResult?.filter((r) => r.status !== 'skipped').map((r) => r.service);
    if (!selected)
        throw new errors/* ConfigurationError */.j1(`give '${names.tier}', '${names.services}' or '${names.deployResult}': nothing is selected to check`);
    const services = [...new Set(selected.map((n) => resolveServiceName(catalog, n)))];
    const notDeployed = services.filter((s) => s.kind !== 'service');
    if (notDeployed.length)
        throw new errors/* ConfigurationError */.j1(`${notDeployed.map((s) => `${s.name} (${s.kind})`).join(', ')} ${notDeployed.length === 1 ? 'is' : 'are'} not deployed to ECS, so there is no health to check`);
    return services;
}
function parseChecks(list, input) {
    if (!list)
        return [...CHECKS];
    return list.map((c) => {
        if (CHECKS.includes(c))
            return c;
        const near = closestNames(c, CHECKS);
        throw new ConfigurationError(`input '${input}': unknown check '${c}'${near.length ? `; did you mean '${near[0]}'?` : ''} (checks: ${CHECKS.join(', ')})`);
    });
}
/** `{"service": "arn..." | ["arn...", ...]}` -> service -> ARNs. */
function parseTargetGroups(value, input) {
    if (value === undefined)
        return {};
    if (!value || typeof value !== 'object' || Array.isArray(value))
        throw new ConfigurationError(`input '${input}' must be a JSON object: {"SERVICE": "TARGET_GROUP_ARN" or ["ARN", ...]}`);
    return Object.fromEntries(Object.entries(value).map(([service, arns]) => {
        const list = typeof arns === 'string' ? [arns] : arns;
        if (!Array.isArray(list) || list.some((a) => typeof a !== 'string' || !a.startsWith('arn:'))) {
            throw new ConfigurationError(`input '${input}': ${service} must map to a target group ARN or a list of them`);
        }
        return [service, list];
    }));
}
/** Target group map keyed by canonical service names (aliases accepted). */
function canonicalTargetGroups(catalog, groups, input) {
    return Object.fromEntries(Object.entries(groups).map(([name, arns]) => {
        const canonical = catalog.names.get(name);
        if (!canonical)
            throw new ConfigurationError(`input '${input}': unknown service '${name}'${closestNames(name, catalog.names.keys()).length ? `; did you mean '${closestNames(name, catalog.names.keys())[0]}'?` : ''}`);
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

;// CONCATENATED MODULE: ./packages/aws/src/region.ts

const REGION_PATTERN = /^[a-z]{2}(-gov)?-[a-z]+-\d$/;
/**
 * The AWS region every command and action talks to for an environment, one rule for all of them:
 * an explicit override (`--region`, a `region` input) wins; otherwise the environment file's `region`; the process
 * environment (AWS_REGION, AWS_DEFAULT_REGION) only when there is no environment or its file has no region. The
 * environment file wins over AWS_REGION on purpose: a shell or a configure-aws-credentials step left on another
 * region must not send `deploy --env staging` somewhere `health --env staging` does not look.
 */
function regionFor(environment, choice = {}) {
    const override = choice.override?.trim();
    if (override) {
        if (!REGION_PATTERN.test(override))
            throw new errors/* ConfigurationError */.j1(`${choice.overrideName ?? 'the region'} must be an AWS region such as ca-central-1, got '${override}'`);
        return override;
    }
    if (environment?.region)
        return environment.region;
    const fromProcess = choice.env?.AWS_REGION || choice.env?.AWS_DEFAULT_REGION;
    if (fromProcess)
        return fromProcess;
    const give = choice.overrideName ? `, give ${choice.overrideName}` : '';
    throw new errors/* ConfigurationError */.j1(environment
        ? `no AWS region for environment ${environment.name}: ${environment.file} sets none; set region: there${give}, or set AWS_REGION`
        : `no AWS region: name an environment (its file's region)${give}, or set AWS_REGION`);
}

;// CONCATENATED MODULE: ./packages/aws/src/ecs/errors.ts

/** `Name: message` of an AWS SDK error (or anything thrown). */
function errors_describeErrorOf(e) {
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
    return new SessionExpiredError(`the AWS session expired during the step (${calling}: ${errors_describeErrorOf(e)}): the credentials aws-actions/configure-aws-credentials gives last role-duration-seconds (1 hour by default); raise the workflow's 'role-duration-seconds' input, and the IAM role's MaxSessionDuration to at least as much (AWS refuses a longer session than the role allows)`);
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
        return new errors/* ConfigurationError */.j1(`no AWS credentials: run aws-actions/configure-aws-credentials before this step (GitHub), or set AWS_PROFILE / AWS_ACCESS_KEY_ID (locally) (${errors_describeErrorOf(e)})`);
    }
    if (name === 'AccessDeniedException' || name === 'AccessDenied' || name === 'UnrecognizedClientException') {
        return new errors/* ConfigurationError */.j1(`AWS refused the call${where.service ? ` for ${where.service}` : ''} in cluster '${where.cluster}' (${errors_describeErrorOf(e)}): check the deploy role's permissions (see docs/ecs-deploy.md, IAM permissions)`);
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
        return new errors/* ConfigurationError */.j1(`could not reach AWS ${service} (${errors_describeErrorOf(e)}): check the network, the region and any AWS_ENDPOINT_URL* variable`);
    }
    if (name === 'CredentialsProviderError') {
        return new errors/* ConfigurationError */.j1(`no AWS credentials for ${service} (${e.message}); in a workflow, run aws-actions/configure-aws-credentials first; locally, set AWS_PROFILE or the AWS_* variables`);
    }
    if (/^(UnrecognizedClientException|InvalidClientTokenId|InvalidSignatureException)$/.test(name)) {
        return new errors/* ConfigurationError */.j1(`AWS rejected the credentials for ${service} (${errors_describeErrorOf(e)}): refresh them or check the role`);
    }
    return undefined;
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
            throw awsSetupError(e, `CloudFormation to read the outputs of stack '${name}'`) ?? e;
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
        throw awsSetupError(e, calling) ?? e;
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

// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __webpack_require__(8474);
;// CONCATENATED MODULE: ./packages/aws/src/ecs/concurrency.ts

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
    setMaxListeners(0, controller.signal);
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
function concurrency_throwIfAborted(signal) {
    if (signal?.aborted)
        throw signal.reason;
}
/**
 * `clock.sleep(ms)` that ends early, throwing the signal's reason, when `signal` aborts. The catalog's Clock takes no
 * signal, so a system-clock timer may still run out in the background; the sleeper no longer waits for it.
 */
async function concurrency_sleepUnlessAborted(clock, ms, signal) {
    concurrency_throwIfAborted(signal);
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
    const latest = await describe(taskDefinitionFamily(previous), true);
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
function rollout_rolloutVerdict(service, expected) {
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

;// CONCATENATED MODULE: ./packages/aws/src/ecs/tags.ts
/** Tags tierdeploy puts on every task definition revision it registers (ECS tag keys: letters, digits, `:/_.-`). */
const TAG_COMMIT = 'tierdeploy:commit';
const TAG_DEPLOY_ID = 'tierdeploy:deploy-id';
/** The task definition ARN the service ran before this revision: what `--version previous` rolls back to. */
const TAG_REPLACES = 'tierdeploy:replaces';
const TAG_SERVICE = 'tierdeploy:service';

;// CONCATENATED MODULE: ./packages/aws/src/ecs/wait.ts




/** The fixed time between the starts of two polls (and before the first): a rollout is noticed at most this late. */
const DEFAULT_POLL_INTERVAL_MS = 5_000;
/** The wait after a poll whose DescribeServices call failed past the SDK's retries (throttling): once, then the fixed interval again. */
const DEFAULT_MAX_POLL_INTERVAL_MS = 10_000;
const DEFAULT_SERVICE_TIMEOUT_MS = (/* unused pure expression or super */ null && (15 * 60_000));
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
        const described = await describeServices([...pending.keys()], options.cluster, effects, { pacer, signal: options.signal });
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
                await concurrency_sleepUnlessAborted(clock, Math.ceil(((1 - tokens) * 1000) / rate.perSecond), signal);
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
async function describeServices(names, cluster, effects, options = {}) {
    let error;
    let cause;
    const pacer = options.pacer ?? tokenBucket(effects.clock, { burst: DESCRIBE_SERVICES_BURST, perSecond: DESCRIBE_SERVICES_PER_SECOND });
    const onError = (e) => {
        rethrowConfigurationError(e, { cluster });
        error = `DescribeServices failed: ${errors_describeErrorOf(e)}`;
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
        const listed = await effects.ecs.send(new ListTasksCommand({ cluster, serviceName: watch.service, desiredStatus: 'STOPPED', maxResults: 100 }));
        const arns = listed.taskArns ?? [];
        if (arns.length) {
            const { tasks = [] } = await effects.ecs.send(new DescribeTasksCommand({ cluster, tasks: arns }));
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

;// CONCATENATED MODULE: ./packages/aws/src/status.ts








/**
 * The status of services in one environment: read-only (DescribeServices in batches of 10, one DescribeTaskDefinition
 * with tags per service, 10 at a time). Drift is what rendering the catalog's settings over the running revision
 * changes: the settings a deploy would apply.
 */
async function readEnvironmentStatus(catalog, environment, services, cluster, effects) {
    const described = await describeServices(services, cluster, effects);
    if (described.error)
        throw new errors/* ConfigurationError */.j1(`cannot read the services of cluster ${cluster} in ${environment.name}: ${described.error}`);
    const out = new Map();
    for (const name of described.missing)
        out.set(name, { service: name, rollout: 'missing', rolloutDetail: `not in cluster ${cluster}`, running: 0, desired: 0, drift: [] });
    await mapWithConcurrency([...described.services.entries()], 10, async ([name, service]) => {
        const verdict = rollout_rolloutVerdict(service);
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
        status.taskDefinition = taskDefinitionName(arn);
        let taskDefinition;
        let tags;
        try {
            const answer = await effects.ecs.send(new dist_cjs/* DescribeTaskDefinitionCommand */.Zy$({ taskDefinition: arn, include: ['TAGS'] }));
            taskDefinition = answer.taskDefinition;
            tags = Object.fromEntries((answer.tags ?? []).map((t) => [t.key ?? '', t.value ?? '']));
        }
        catch (e) {
            rethrowConfigurationError(e, { cluster, service: name });
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
            status.drift = diffTaskDefinitions(registrationOf(taskDefinition), renderTaskDefinition({ base: taskDefinition, running: taskDefinition, service: name, settings }));
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
    const bad = (what) => new errors/* ConfigurationError */.j1(`${where}: ${what}; give the status output of another status step (or tierdeploy status --format json)`);
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


/***/ })

};

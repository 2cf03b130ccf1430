(function (__tierdeployImportMeta) { return { id: 722,
ids: [722],
modules: {

/***/ 1294:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   YW: () => (/* binding */ AccountMismatchError),
/* harmony export */   kI: () => (/* binding */ makeStsClient),
/* harmony export */   sq: () => (/* binding */ verifyCallerAccount)
/* harmony export */ });
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2332);
/* harmony import */ var _ecs_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5552);
/* harmony import */ var _client_config_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9161);



/** The credentials are for another account than the environment's: nothing may be written with them. */
class AccountMismatchError extends _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1 {
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
        throw (0,_ecs_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .awsSetupError */ .Dw)(e, calling) ?? e;
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
    return new STSClient((0,_client_config_js__WEBPACK_IMPORTED_MODULE_2__/* .awsClientConfig */ .rw)({ maxAttempts: 5, ...options }));
}


/***/ }),

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

/***/ 8039:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   eV: () => (/* binding */ DEFAULT_STACK_POLL_INTERVAL_MS),
/* harmony export */   up: () => (/* binding */ rollBackStackService),
/* harmony export */   wW: () => (/* binding */ deployStackServices)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3805);
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2332);
/* harmony import */ var _ecs_concurrency_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3600);
/* harmony import */ var _events_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1797);
/* harmony import */ var _stacks_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1557);





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
    const stacks = await Promise.all([...byStack.keys()].map((name) => (0,_stacks_js__WEBPACK_IMPORTED_MODULE_0__/* .findStack */ .eF)(deps.cloudformation, name)));
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
        throw new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`cannot deploy through CloudFormation:\n  ${problems.join('\n  ')}`);
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
        if ((0,_stacks_js__WEBPACK_IMPORTED_MODULE_0__/* .isInProgress */ .LT)(stack.StackStatus)) {
            log.info(`stack ${name} is ${stack.StackStatus}: waiting for it to finish before updating it`);
            const settled = await waitWhileInProgress(name, stack, waitDeadline, deps, poll);
            if ((0,_stacks_js__WEBPACK_IMPORTED_MODULE_0__/* .isInProgress */ .LT)(settled.StackStatus)) {
                return { status: 'failed', previous, reason: `stack ${name} is still ${settled.StackStatus} after ${seconds}s: another operation is running on it, so tierdeploy did not update it; deploy again when it has finished` };
            }
            stack = settled;
            previous = parameterValues(stack);
        }
        if (!(0,_stacks_js__WEBPACK_IMPORTED_MODULE_0__/* .isUpdatable */ .Ng)(stack.StackStatus)) {
            return { status: 'failed', previous, reason: `stack ${name} is ${stack.StackStatus} and cannot be updated: ${(0,_stacks_js__WEBPACK_IMPORTED_MODULE_0__/* .notUpdatableHint */ .VO)(stack.StackStatus ?? '')}` };
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
            await cloudformation.send(new _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_2__/* .UpdateStackCommand */ .zPv({
                StackName: name,
                UsePreviousTemplate: true,
                Parameters: parameters,
                ...(stack.Capabilities?.length ? { Capabilities: stack.Capabilities } : {}),
                ClientRequestToken: token,
            }));
            break;
        }
        catch (e) {
            const { name: code, message } = (0,_stacks_js__WEBPACK_IMPORTED_MODULE_0__/* .awsError */ .es)(e);
            if (code === 'ValidationError' && /No updates are to be performed/i.test(message)) {
                log.info(`stack ${name}: no updates are to be performed`);
                return { status: 'unchanged', previous };
            }
            if (code === 'ValidationError' && /_IN_PROGRESS state/.test(message) && clock.now() < waitDeadline) {
                stack = (await (0,_stacks_js__WEBPACK_IMPORTED_MODULE_0__/* .findStack */ .eF)(cloudformation, name)) ?? stack;
                previous = parameterValues(stack);
                continue;
            }
            return { status: 'failed', previous, reason: `UpdateStack on ${name} was refused: ${code}: ${message}${code === 'AccessDenied' || code === 'AccessDeniedException' ? ' (the deploy role needs cloudformation:UpdateStack, and iam:PassRole on the stack\'s role if it has one)' : ''}` };
        }
    }
    log.info(`stack ${name}: updating ${[...images].map(([p, i]) => `${p}=${i}`).join(', ')}`);
    let settled = await waitWhileInProgress(name, stack, clock.now() + options.timeoutMs, deps, poll, true);
    if ((0,_stacks_js__WEBPACK_IMPORTED_MODULE_0__/* .isInProgress */ .LT)(settled.StackStatus) && settled.StackStatus !== 'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS') {
        if (settled.StackStatus?.startsWith('UPDATE_ROLLBACK')) {
            const events = await (0,_events_js__WEBPACK_IMPORTED_MODULE_3__/* .failureEventsOfLatestUpdate */ .f)(cloudformation, name, token);
            return { status: 'failed', previous, events, reason: `stack ${name} failed to update and CloudFormation was still rolling it back (${settled.StackStatus}) after ${seconds}s: ${events[0] ?? settled.StackStatusReason ?? 'no failure event found'}` };
        }
        if (!options.rollbackOnFailure || settled.StackStatus !== 'UPDATE_IN_PROGRESS') {
            return { status: 'failed', previous, reason: `stack ${name} is still ${settled.StackStatus} after ${seconds}s; tierdeploy left it running` };
        }
        log.warning(`stack ${name} is still UPDATE_IN_PROGRESS after ${seconds}s: cancelling the update so CloudFormation rolls it back`);
        try {
            await cloudformation.send(new _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_2__/* .CancelUpdateStackCommand */ .v6j({ StackName: name }));
        }
        catch (e) {
            const { name: code, message } = (0,_stacks_js__WEBPACK_IMPORTED_MODULE_0__/* .awsError */ .es)(e);
            return { status: 'failed', previous, reason: `stack ${name} timed out after ${seconds}s and CancelUpdateStack failed: ${code}: ${message}` };
        }
        settled = await waitWhileInProgress(name, settled, clock.now() + options.timeoutMs, deps, poll);
        const events = await (0,_events_js__WEBPACK_IMPORTED_MODULE_3__/* .failureEventsOfLatestUpdate */ .f)(cloudformation, name, token);
        if (settled.StackStatus === 'UPDATE_ROLLBACK_COMPLETE') {
            return { status: 'rolled-back', previous, events, reason: `stack ${name} did not finish updating within ${seconds}s; the update was cancelled and rolled back` };
        }
        return { status: 'failed', previous, events, reason: `stack ${name} did not finish updating within ${seconds}s and was cancelled; it is now ${settled.StackStatus}` };
    }
    const status = settled.StackStatus ?? '';
    if (status === 'UPDATE_COMPLETE' || status === 'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS')
        return { status: 'deployed', previous };
    const events = await (0,_events_js__WEBPACK_IMPORTED_MODULE_3__/* .failureEventsOfLatestUpdate */ .f)(cloudformation, name, token);
    const cause = events.find((e) => !e.startsWith(`${name} (AWS::CloudFormation::Stack)`)) ?? events[0] ?? settled.StackStatusReason ?? 'no failure event found';
    if (status === 'UPDATE_ROLLBACK_COMPLETE') {
        return { status: 'rolled-back', previous, events, reason: `stack ${name} failed to update and CloudFormation rolled it back: ${cause}` };
    }
    const hint = status === 'UPDATE_ROLLBACK_FAILED' ? `; ${(0,_stacks_js__WEBPACK_IMPORTED_MODULE_0__/* .notUpdatableHint */ .VO)(status)}` : '';
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
        (0,_ecs_concurrency_js__WEBPACK_IMPORTED_MODULE_4__/* .throwIfAborted */ .Te)(deps.signal);
        const latest = await (0,_stacks_js__WEBPACK_IMPORTED_MODULE_0__/* .findStack */ .eF)(cloudformation, name);
        if (!latest)
            throw new Error(`stack ${name} disappeared while tierdeploy was waiting for it`);
        current = latest;
        if (current.StackStatus !== lastStatus) {
            log.info(`stack ${name}: ${current.StackStatus}${current.StackStatusReason ? ` (${current.StackStatusReason})` : ''}`);
            lastStatus = current.StackStatus;
        }
        if (!(0,_stacks_js__WEBPACK_IMPORTED_MODULE_0__/* .isInProgress */ .LT)(current.StackStatus))
            return current;
        if (updateIsDone && current.StackStatus === 'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS')
            return current;
        const left = deadline - clock.now();
        if (left <= 0)
            return current;
        await (0,_ecs_concurrency_js__WEBPACK_IMPORTED_MODULE_4__/* .sleepUnlessAborted */ .bp)(clock, Math.min(pollMs, left), deps.signal);
    }
}


/***/ }),

/***/ 1797:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ formatStackEvent),
/* harmony export */   f: () => (/* binding */ failureEventsOfLatestUpdate)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3805);

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
        const out = await cloudformation.send(new _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_0__/* .DescribeStackEventsCommand */ .Ie9({ StackName: stackName, ...(nextToken ? { NextToken: nextToken } : {}) }));
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


/***/ }),

/***/ 7340:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ stackOutputLookup)
/* harmony export */ });
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(173);
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2332);
/* harmony import */ var _ecs_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5552);
/* harmony import */ var _stacks_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1557);



/**
 * The `describeStack` that resolveEnvironmentReferences needs: one DescribeStacks per stack for the life of the
 * returned function (make one per run), undefined for a stack that does not exist.
 */
function stackOutputLookup(cloudformation) {
    return (0,_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_0__/* .cacheStackLookups */ .ah)(async (name) => {
        try {
            const stack = await (0,_stacks_js__WEBPACK_IMPORTED_MODULE_1__/* .findStack */ .eF)(cloudformation, name);
            return stack ? (0,_stacks_js__WEBPACK_IMPORTED_MODULE_1__/* .stackOutputs */ .XC)(stack) : undefined;
        }
        catch (e) {
            const { name: code, message } = (0,_stacks_js__WEBPACK_IMPORTED_MODULE_1__/* .awsError */ .es)(e);
            if (/AccessDenied/.test(code)) {
                throw new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`reading the outputs of stack '${name}' was denied: ${message} (the deploy role needs cloudformation:DescribeStacks on that stack)`);
            }
            throw (0,_ecs_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .awsSetupError */ .Dw)(e, `CloudFormation to read the outputs of stack '${name}'`) ?? e;
        }
    });
}


/***/ }),

/***/ 1557:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LT: () => (/* binding */ isInProgress),
/* harmony export */   Ng: () => (/* binding */ isUpdatable),
/* harmony export */   VO: () => (/* binding */ notUpdatableHint),
/* harmony export */   XC: () => (/* binding */ stackOutputs),
/* harmony export */   eF: () => (/* binding */ findStack),
/* harmony export */   es: () => (/* binding */ awsError)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3805);

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
        const out = await cloudformation.send(new _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_0__/* .DescribeStacksCommand */ .Y47({ StackName: name }));
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

/***/ 3522:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ deployPlan)
/* harmony export */ });
/* harmony import */ var _deploy_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7884);

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
        const outcome = await (0,_deploy_js__WEBPACK_IMPORTED_MODULE_0__/* .deployEcsServices */ .X)({ ...rest, catalog, waves, images }, tierEffects);
        results.push(...outcome.results);
        Object.assign(diffs, outcome.diffs);
        ok &&= outcome.ok;
    }
    return { ok, results, diffs };
}


/***/ }),

/***/ 7884:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ deployEcsServices),
/* harmony export */   _: () => (/* binding */ DEFAULT_DEPLOY_CONCURRENCY)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(212);
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2332);
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(1214);
/* harmony import */ var _tierdeploy_graph__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(5517);
/* harmony import */ var _cloudformation_index_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(8039);
/* harmony import */ var _concurrency_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3600);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5552);
/* harmony import */ var _ecr_replicas_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(2147);
/* harmony import */ var _render_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9648);
/* harmony import */ var _render_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(2515);
/* harmony import */ var _rollback_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(5439);
/* harmony import */ var _tags_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(758);
/* harmony import */ var _wait_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5826);
/* harmony import */ var _rollout_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3274);












/** Writes (RegisterTaskDefinition + UpdateService) in flight at once: well under ECS's per-account API rates. */
const DEFAULT_DEPLOY_CONCURRENCY = 10;
/**
 * Deploys a step (a tier or a chunk of one): reads and renders every service before writing anything, registers and
 * updates only the services whose task definition changes, waits for all of a wave at once, and on failure (by
 * default) puts every service the step changed back on its previous revision. Returns one result per service.
 */
async function deployEcsServices(given, effects) {
    for (const [name, image] of Object.entries(given.images)) {
        if (!(0,_render_js__WEBPACK_IMPORTED_MODULE_0__/* .isDigestImage */ .SN)(image))
            throw new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`image of ${name} must be pinned by digest (repository@sha256:<64 hex>), got '${image}'`);
    }
    // 0. Every image pullable by this environment's tasks: another account's image becomes its replica here, or nothing is written.
    const request = { ...given, images: await imagesPullableHere(given, effects) };
    const { catalog, cluster, clock, log } = { ...request, ...effects };
    const started = clock.now();
    const serviceTimeoutMs = request.serviceTimeoutMs ?? _wait_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_SERVICE_TIMEOUT_MS */ .H0;
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
    (0,_wait_js__WEBPACK_IMPORTED_MODULE_2__/* .emitProgress */ .Dt)(effects, { type: 'step-started', at: clock.now(), deployId: request.deployId, cluster, waves: request.waves });
    const watches = [];
    const unconfirmed = new Set();
    let polls = 0;
    let failedWave;
    try {
        for (const [w, wave] of request.waves.entries()) {
            const waveStarted = clock.now();
            (0,_wait_js__WEBPACK_IMPORTED_MODULE_2__/* .emitProgress */ .Dt)(effects, { type: 'wave-started', at: waveStarted, wave: w + 1, waves: request.waves.length, services: wave });
            const ecsChanged = [];
            for (const name of wave) {
                const p = planned.get(name);
                if (!p)
                    continue;
                if (p.changed)
                    ecsChanged.push(p);
                else {
                    results.set(name, { service: name, status: 'unchanged', previousTaskDefinition: p.previous, taskDefinition: p.previous, reason: request.images[name] ? undefined : 'no new image given' });
                    (0,_wait_js__WEBPACK_IMPORTED_MODULE_2__/* .emitProgress */ .Dt)(effects, { type: 'service-unchanged', at: clock.now(), service: name });
                }
            }
            if (ecsChanged.length)
                log.info(`wave ${w + 1}: deploying ${ecsChanged.map((p) => p.name).join(', ')}`);
            for (const p of ecsChanged)
                log.info(`${p.name}: new revision of ${(0,_rollout_js__WEBPACK_IMPORTED_MODULE_3__/* .taskDefinitionName */ .ip)(p.previous)}:\n  ${p.diff.join('\n  ')}`);
            const waveWatches = [];
            const refused = [];
            await (0,_concurrency_js__WEBPACK_IMPORTED_MODULE_4__/* .mapWithConcurrency */ .WS)(ecsChanged, concurrency, async (p) => {
                const watch = await registerAndUpdate(p, request, effects, results, refused);
                if (watch) {
                    waveWatches.push(watch);
                    unconfirmed.add(p.name);
                    (0,_wait_js__WEBPACK_IMPORTED_MODULE_2__/* .emitProgress */ .Dt)(effects, { type: 'service-updated', at: clock.now(), service: p.name, revision: (0,_rollout_js__WEBPACK_IMPORTED_MODULE_3__/* .taskDefinitionName */ .ip)(watch.taskDefinition), previousRevision: (0,_rollout_js__WEBPACK_IMPORTED_MODULE_3__/* .taskDefinitionName */ .ip)(p.previous), ...(watch.deploymentId ? { deploymentId: watch.deploymentId } : {}) });
                }
                else
                    (0,_wait_js__WEBPACK_IMPORTED_MODULE_2__/* .emitProgress */ .Dt)(effects, { type: 'service-write-failed', at: clock.now(), service: p.name, reason: results.get(p.name)?.reason ?? 'write failed' });
            });
            // Every later call would fail the same way: stop, and let the caller record what changed.
            const expired = refused.find((r) => r instanceof _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .SessionExpiredError */ .mZ);
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
            await (0,_concurrency_js__WEBPACK_IMPORTED_MODULE_4__/* .allOrAbort */ .jH)([
                async (signal) => {
                    waited = await (0,_wait_js__WEBPACK_IMPORTED_MODULE_2__/* .waitForRollouts */ .hS)(waveWatches, { cluster, serviceTimeoutMs, deadline, signal, ...pollOptions(request) }, effects);
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
            (0,_wait_js__WEBPACK_IMPORTED_MODULE_2__/* .emitProgress */ .Dt)(effects, { type: 'wave-done', at: clock.now(), wave: w + 1, ok: count('failed') === 0, deployed: count('deployed'), failed: count('failed'), unchanged: count('unchanged'), elapsedMs: clock.now() - waveStarted });
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
                (0,_wait_js__WEBPACK_IMPORTED_MODULE_2__/* .emitProgress */ .Dt)(effects, { type: 'rollback-started', at: clock.now(), services: watches.map((x) => x.service), because: failed });
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
        if (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .SessionExpiredError */ .mZ)
            e.results ??= all.map((s) => interruptedResult(s.name, results.get(s.name), unconfirmed.has(s.name)));
        throw e;
    }
    const list = all.map((s) => results.get(s.name));
    const ok = list.every((r) => r.status === 'deployed' || r.status === 'unchanged');
    log.info(`deploy ${request.deployId}: ${ok ? 'succeeded' : 'failed'} in ${((clock.now() - started) / 1000).toFixed(0)} s (${polls} polls)`);
    (0,_wait_js__WEBPACK_IMPORTED_MODULE_2__/* .emitProgress */ .Dt)(effects, { type: 'step-done', at: clock.now(), ok, elapsedMs: clock.now() - started, polls });
    return { ok, results: list, diffs, polls };
}
function pollOptions(request) {
    return {
        ...(request.pollIntervalMs !== undefined ? { pollIntervalMs: request.pollIntervalMs } : {}),
        ...(request.maxPollIntervalMs !== undefined ? { maxPollIntervalMs: request.maxPollIntervalMs } : {}),
    };
}
function serviceNamed(catalog, name) {
    const s = (0,_tierdeploy_graph__WEBPACK_IMPORTED_MODULE_6__/* .resolveServiceName */ .fV)(catalog, name);
    if (s.kind !== 'service')
        throw new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${s.name} is ${s.kind === 'library' ? 'a library' : 'infrastructure'}: it is not deployed to ECS`);
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
        const ref = (0,_ecr_replicas_js__WEBPACK_IMPORTED_MODULE_7__/* .parseEcrImage */ .TI)(image);
        return ref !== undefined && (ref.account !== account || ref.region !== region);
    });
    if (!foreign)
        return request.images;
    if (!effects.ecr)
        throw new Error('deployEcsServices: an image comes from another registry and no ECR client was given');
    const destination = { environment: request.environment.name, file: request.environment.file, account, region };
    const resolved = await (0,_ecr_replicas_js__WEBPACK_IMPORTED_MODULE_7__/* .resolveReplicas */ ._X)(request.images, destination, { ecr: await effects.ecr(), clock: effects.clock, log: effects.log }, request.dryRun ? { waitMs: 0 } : {});
    return resolved.images;
}
/** Reads each service and its task definition, and renders what it should run. */
async function planServices(request, services, effects) {
    const planned = new Map();
    if (services.length === 0)
        return planned;
    const described = await (0,_wait_js__WEBPACK_IMPORTED_MODULE_2__/* .describeServices */ .Ge)(services.map((s) => s.name), request.cluster, effects);
    if (described.error)
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .awsSetupError */ .Dw)(described.cause, `ECS (cluster '${request.cluster}')`) ?? new Error(`could not read the services of cluster ${request.cluster}: ${described.error}`);
    const missing = services.filter((s) => !described.services.has(s.name)).map((s) => s.name);
    if (missing.length) {
        throw new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`not found in ECS cluster '${request.cluster}': ${missing.join(', ')}; create the services first (Terraform module ecs-service), or check the cluster of environment ${request.environment.name} (${request.environment.file})`);
    }
    await (0,_concurrency_js__WEBPACK_IMPORTED_MODULE_4__/* .mapWithConcurrency */ .WS)(services, request.concurrency ?? DEFAULT_DEPLOY_CONCURRENCY, async (s) => {
        const service = described.services.get(s.name);
        if (service.status !== 'ACTIVE')
            throw new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`ECS service ${s.name} in cluster '${request.cluster}' is ${service.status}: it cannot be deployed`);
        const controller = service.deploymentController?.type ?? 'ECS';
        if (controller !== 'ECS') {
            throw new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`ECS service ${s.name} uses the ${controller} deployment controller: tierdeploy deploys rolling-update (ECS controller) services only; deploy it with its own controller or switch it to ECS`);
        }
        const previous = service.taskDefinition;
        const primary = service.deployments?.find((d) => d.status === 'PRIMARY');
        if (primary?.rolloutState === 'IN_PROGRESS' && (service.deployments?.length ?? 0) > 1) {
            // Rolling back would return to this unfinished revision; say so rather than hide it.
            effects.log.warning(`${s.name}: an earlier rollout to ${previous} is still in progress; this deploy replaces it, and a rollback would return to it`);
        }
        const settings = (0,_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_8__/* .serviceSettings */ .xw)(request.catalog, s, request.environment);
        const { base, running } = await baseAndRunning(s.name, previous, settings.containerName, request, effects);
        const next = (0,_render_js__WEBPACK_IMPORTED_MODULE_9__/* .renderTaskDefinition */ .P9)({ base, running, service: s.name, image: request.images[s.name], settings });
        // Compared with what runs, so the diff shows catalog removals and Terraform's changes alike.
        const before = (0,_render_js__WEBPACK_IMPORTED_MODULE_9__/* .registrationOf */ .DD)(running);
        const changed = !(0,_render_js__WEBPACK_IMPORTED_MODULE_9__/* .sameRegistration */ .YG)(before, next);
        planned.set(s.name, { name: s.name, previous, next, changed, diff: changed ? (0,_render_js__WEBPACK_IMPORTED_MODULE_9__/* .diffTaskDefinitions */ .n2)(before, next) : [] });
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
    const { base, running, latest, chose } = await (0,_render_js__WEBPACK_IMPORTED_MODULE_9__/* .chooseBaseRevision */ .Qf)(previous, containerName, (ref, missingIsUndefined) => describeTaskDefinition(ref, service, request, effects, { missingIsUndefined }));
    const baseName = (0,_rollout_js__WEBPACK_IMPORTED_MODULE_3__/* .taskDefinitionName */ .ip)(base.taskDefinitionArn ?? (0,_rollout_js__WEBPACK_IMPORTED_MODULE_3__/* .taskDefinitionFamily */ .dm)(previous));
    if (chose === 'container') {
        const latestName = (0,_rollout_js__WEBPACK_IMPORTED_MODULE_3__/* .taskDefinitionName */ .ip)(latest?.taskDefinitionArn ?? (0,_rollout_js__WEBPACK_IMPORTED_MODULE_3__/* .taskDefinitionFamily */ .dm)(previous));
        const names = latest?.containerDefinitions?.map((c) => c.name).join(', ') || 'none';
        effects.log.warning(`${service}: the family's latest revision ${latestName} has no container '${containerName}' (it has ${names}); building on the running ${(0,_rollout_js__WEBPACK_IMPORTED_MODULE_3__/* .taskDefinitionName */ .ip)(previous)} instead, so what ${latestName} changes does not reach the tasks until it has that container (Terraform's container_name comes from the catalog's container.name)`);
    }
    else if (chose === 'latest')
        effects.log.info(`${service}: building on ${baseName}, registered after the running ${(0,_rollout_js__WEBPACK_IMPORTED_MODULE_3__/* .taskDefinitionName */ .ip)(previous)}`);
    return { base, running };
}
/** DescribeTaskDefinition of an ARN, family:revision or family; with missingIsUndefined, ECS's "not found" is undefined. */
async function describeTaskDefinition(ref, service, request, effects, options = {}) {
    try {
        return (await effects.ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_10__/* .DescribeTaskDefinitionCommand */ .Zy$({ taskDefinition: ref }))).taskDefinition;
    }
    catch (e) {
        (0,_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .rethrowConfigurationError */ .wD)(e, { cluster: request.cluster, service });
        // ECS answers ClientException "Unable to describe task definition." for a family with no ACTIVE revision.
        if (options.missingIsUndefined && e instanceof Error && e.name === 'ClientException')
            return undefined;
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .awsSetupError */ .Dw)(e, `ECS (cluster '${request.cluster}')`) ?? e;
    }
}
/**
 * Registers the new revision (tagged) and points the service at it; returns what to wait for, or records the failure
 * (a set-up refusal also goes to `refused`). Never throws: other services of the wave may already be updating.
 */
async function registerAndUpdate(p, request, effects, results, refused) {
    const tags = [
        { key: _tags_js__WEBPACK_IMPORTED_MODULE_11__/* .TAG_SERVICE */ .Fj, value: p.name },
        { key: _tags_js__WEBPACK_IMPORTED_MODULE_11__/* .TAG_DEPLOY_ID */ .Lh, value: request.deployId },
        { key: _tags_js__WEBPACK_IMPORTED_MODULE_11__/* .TAG_REPLACES */ .VS, value: p.previous },
        ...(request.commitSha ? [{ key: _tags_js__WEBPACK_IMPORTED_MODULE_11__/* .TAG_COMMIT */ .rJ, value: request.commitSha }] : []),
    ];
    let arn;
    try {
        const registered = await effects.ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_10__/* .RegisterTaskDefinitionCommand */ .$Hl({ ...p.next, tags }));
        arn = registered.taskDefinition?.taskDefinitionArn;
        if (!arn)
            throw new Error('RegisterTaskDefinition returned no ARN');
        effects.log.info(`${p.name}: registered ${arn}`);
        const updated = await effects.ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_10__/* .UpdateServiceCommand */ .kZr({ cluster: request.cluster, service: p.name, taskDefinition: arn }));
        const primary = updated.service?.deployments?.find((d) => d.status === 'PRIMARY');
        const startedAt = effects.clock.now();
        results.set(p.name, { service: p.name, status: 'deployed', previousTaskDefinition: p.previous, taskDefinition: arn, startedAt });
        return { service: p.name, taskDefinition: arn, ...(primary?.id ? { deploymentId: primary.id } : {}), startedAt };
    }
    catch (e) {
        const configuration = (0,_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .configurationErrorOf */ .m_)(e, { cluster: request.cluster, service: p.name });
        if (configuration)
            refused.push(configuration);
        const step = arn ? 'UpdateService' : 'RegisterTaskDefinition';
        results.set(p.name, { service: p.name, status: 'failed', previousTaskDefinition: p.previous, ...(arn ? { taskDefinition: arn } : {}), reason: configuration?.message ?? `${step} failed: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .describeErrorOf */ .V9)(e)}` });
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
    const results = await (0,_cloudformation_index_js__WEBPACK_IMPORTED_MODULE_12__/* .deployStackServices */ .wW)(requests, { cloudformation: effects.cloudformation, clock: effects.clock, log: effects.log, signal: effects.signal }, { timeoutMs, rollbackOnFailure, ...(request.pollIntervalMs ? { pollIntervalMs: request.pollIntervalMs } : {}) });
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
        rolled = await (0,_rollback_js__WEBPACK_IMPORTED_MODULE_13__/* .rollBackServices */ .L7)(targets, { cluster: request.cluster, timeoutMs, concurrency: request.concurrency ?? DEFAULT_DEPLOY_CONCURRENCY, ...pollOptions(request) }, effects);
    }
    catch (e) {
        if (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .SessionExpiredError */ .mZ) {
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
        const back = await (0,_cloudformation_index_js__WEBPACK_IMPORTED_MODULE_12__/* .rollBackStackService */ .up)({ service: r.service, stack: s.cloudformation.stack, imageParameter: s.cloudformation.imageParameter, image: r.previousImage }, { cloudformation, clock: effects.clock, log: effects.log }, { timeoutMs, ...(request.pollIntervalMs ? { pollIntervalMs: request.pollIntervalMs } : {}) });
        results.set(r.service, { service: r.service, status: back.status === 'rolled-back' || back.status === 'unchanged' ? 'rolled-back' : 'rollback-failed', reason: back.reason ?? `rolled back to image ${r.previousImage} because ${failed.join(', ')} failed` });
    }));
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

/***/ 9648:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K3: () => (/* binding */ IMAGE_DIGEST_PATTERN),
/* harmony export */   QZ: () => (/* binding */ parseRollbackVersion),
/* harmony export */   SN: () => (/* binding */ isDigestImage),
/* harmony export */   mr: () => (/* binding */ parseDeployResult)
/* harmony export */ });
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2332);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1958);
// What actions read from their inputs about ECS (rollback versions, deploy results, image references), apart from
// the code that calls ECS: an action checks its inputs before it loads the SDK (`@tierdeploy/aws/inputs`).


/** An image pinned by digest, as build-push outputs it: `repository@sha256:<64 hex>` (a tag may precede the digest). */
const IMAGE_DIGEST_PATTERN = /^[a-z0-9]+(?:[._\-/:][a-z0-9]+)*(?::[\w][\w.-]{0,127})?@sha256:[a-f0-9]{64}$/;
function isDigestImage(image) {
    return IMAGE_DIGEST_PATTERN.test(image);
}
function parseRollbackVersion(value, where = 'rollback-version') {
    const v = value.trim();
    if (v === '' || v === 'previous')
        return { kind: 'previous' };
    // Revisions rarely reach a million; seven or more characters are a commit SHA even when all digits.
    if (/^\d{1,6}$/.test(v) && Number(v) > 0)
        return { kind: 'revision', revision: Number(v) };
    if (/^[0-9a-f]{7,40}$/i.test(v))
        return { kind: 'commit', sha: v.toLowerCase() };
    throw new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${where} must be 'previous', a task-definition revision number (e.g. 42, up to 6 digits) or a commit SHA (7 to 40 hex characters), got '${value}'`);
}
/**
 * Checks a deploy result (ecs-deploy's `result` output, or the file its `result-file` wrote) given to an input;
 * `where` names the input (and file) in the message, e.g. "input 'deploy-result-file' (results/tier-1.json)".
 */
function parseDeployResult(value, where) {
    const shape = `a JSON array of {"service","status","previousTaskDefinition","taskDefinition"} (ecs-deploy's result output)`;
    if (!Array.isArray(value))
        throw new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${where} must be ${shape}`);
    const seen = new Set();
    value.forEach((entry, i) => {
        const e = entry;
        if (!e || typeof e !== 'object' || typeof e.service !== 'string' || typeof e.status !== 'string')
            throw new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${where}[${i}] must have string service and status: ${shape}`);
        if (!_types_js__WEBPACK_IMPORTED_MODULE_1__/* .ECS_SERVICE_STATUSES */ .B.includes(e.status))
            throw new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${where}[${i}].status must be one of ${_types_js__WEBPACK_IMPORTED_MODULE_1__/* .ECS_SERVICE_STATUSES */ .B.join(', ')}, got '${e.status}'`);
        for (const k of ['previousTaskDefinition', 'taskDefinition', 'reason']) {
            if (e[k] !== undefined && typeof e[k] !== 'string')
                throw new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${where}[${i}].${k} must be a string`);
        }
        if (seen.has(e.service))
            throw new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${where} lists ${e.service} twice: give one deploy's result`);
        seen.add(e.service);
    });
    return value;
}


/***/ }),

/***/ 400:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $A: () => (/* binding */ ProgressState),
/* harmony export */   _U: () => (/* binding */ lineRenderer),
/* harmony export */   a3: () => (/* binding */ formatDuration),
/* harmony export */   e4: () => (/* binding */ describeSnapshot),
/* harmony export */   m: () => (/* binding */ HEARTBEAT_MS),
/* harmony export */   y1: () => (/* binding */ lineFor)
/* harmony export */ });
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


/***/ }),

/***/ 2515:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DD: () => (/* binding */ registrationOf),
/* harmony export */   K3: () => (/* reexport safe */ _parse_inputs_js__WEBPACK_IMPORTED_MODULE_0__.K3),
/* harmony export */   P9: () => (/* binding */ renderTaskDefinition),
/* harmony export */   Qf: () => (/* binding */ chooseBaseRevision),
/* harmony export */   SN: () => (/* reexport safe */ _parse_inputs_js__WEBPACK_IMPORTED_MODULE_0__.SN),
/* harmony export */   YG: () => (/* binding */ sameRegistration),
/* harmony export */   n2: () => (/* binding */ diffTaskDefinitions),
/* harmony export */   t: () => (/* binding */ TERRAFORM_VARIABLES),
/* harmony export */   uY: () => (/* binding */ READ_ONLY_TASK_DEFINITION_FIELDS)
/* harmony export */ });
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2332);
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3184);
/* harmony import */ var _rollout_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3274);
/* harmony import */ var _parse_inputs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9648);


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
        throw new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${request.service}: task definition ${request.base.taskDefinitionArn ?? request.base.family} has no container '${settings.containerName}' (it has ${names || 'none'}); set container.name of ${request.service} in the catalog to the container that runs the service`);
    }
    const image = request.image ?? request.running.containerDefinitions?.find((c) => c.name === settings.containerName)?.image;
    if (image === undefined) {
        throw new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${request.service}: no image given, and the running task definition ${request.running.taskDefinitionArn ?? request.running.family} has no container '${settings.containerName}' to keep the image of; give ${request.service} an image to deploy`);
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
    return (0,_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_2__/* .canonicalJson */ .d)(withoutTags(a)) === (0,_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_2__/* .canonicalJson */ .d)(withoutTags(b));
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
    const latest = await describe((0,_rollout_js__WEBPACK_IMPORTED_MODULE_3__/* .taskDefinitionFamily */ .dm)(previous), true);
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

/***/ 5439:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gg: () => (/* binding */ rollBackService),
/* harmony export */   L7: () => (/* binding */ rollBackServices),
/* harmony export */   QZ: () => (/* reexport safe */ _parse_inputs_js__WEBPACK_IMPORTED_MODULE_0__.QZ),
/* harmony export */   _H: () => (/* binding */ rollBackRecordedDeploy),
/* harmony export */   aD: () => (/* binding */ resolveRollbackTarget),
/* harmony export */   mr: () => (/* reexport safe */ _parse_inputs_js__WEBPACK_IMPORTED_MODULE_0__.mr),
/* harmony export */   xQ: () => (/* binding */ recordedRollbackTargets),
/* harmony export */   z4: () => (/* binding */ COMMIT_LOOKUP_LIMIT)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(212);
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2332);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5552);
/* harmony import */ var _concurrency_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3600);
/* harmony import */ var _tags_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(758);
/* harmony import */ var _wait_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5826);
/* harmony import */ var _rollout_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3274);
/* harmony import */ var _parse_inputs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9648);








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
    const described = await (0,_wait_js__WEBPACK_IMPORTED_MODULE_1__/* .describeServices */ .Ge)(targets.map((t) => t.service), options.cluster, effects);
    const results = new Map();
    const watches = [];
    let expired;
    await (0,_concurrency_js__WEBPACK_IMPORTED_MODULE_2__/* .mapWithConcurrency */ .WS)(targets, options.concurrency ?? 8, async (target) => {
        const current = described.services.get(target.service);
        const before = current?.taskDefinition;
        const base = { service: target.service, ...(before ? { previousTaskDefinition: before } : {}), taskDefinition: target.taskDefinition };
        if (!current) {
            results.set(target.service, { ...base, status: 'rollback-failed', reason: described.error ?? `service not found in cluster ${options.cluster}` });
            return;
        }
        if ((0,_rollout_js__WEBPACK_IMPORTED_MODULE_3__/* .sameTaskDefinition */ .JL)(current.taskDefinition, target.taskDefinition)) {
            const primary = current.deployments?.find((d) => d.status === 'PRIMARY');
            watches.push({ service: target.service, taskDefinition: current.taskDefinition, ...(primary?.id ? { deploymentId: primary.id } : {}), startedAt: clock.now() });
            return;
        }
        try {
            log.info(`${target.service}: rolling back from ${before} to ${target.taskDefinition}`);
            const out = await effects.ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_4__/* .UpdateServiceCommand */ .kZr({ cluster: options.cluster, service: target.service, taskDefinition: target.taskDefinition }));
            const primary = out.service?.deployments?.find((d) => d.status === 'PRIMARY');
            const arn = out.service?.taskDefinition ?? target.taskDefinition;
            results.set(target.service, { ...base, taskDefinition: arn, status: 'rolled-back' });
            watches.push({ service: target.service, taskDefinition: arn, ...(primary?.id ? { deploymentId: primary.id } : {}), startedAt: clock.now() });
        }
        catch (e) {
            // Recorded, not thrown: other services may already be rolling back, and the caller must hear about each.
            const configuration = (0,_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .configurationErrorOf */ .m_)(e, { cluster: options.cluster, service: target.service });
            if (configuration instanceof _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .SessionExpiredError */ .mZ)
                expired ??= configuration;
            results.set(target.service, { ...base, status: 'rollback-failed', reason: configuration?.message ?? `UpdateService failed: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .describeErrorOf */ .V9)(e)}` });
        }
    });
    if (expired)
        throw expired;
    const { outcomes } = await (0,_wait_js__WEBPACK_IMPORTED_MODULE_1__/* .waitForRollouts */ .hS)(watches, {
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
        if ((0,_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_6__/* .isConfigurationError */ .p0)(e))
            throw e;
        // Only reads happen here, so a refusal or an unreachable endpoint stops the rollback before any write.
        (0,_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .rethrowConfigurationError */ .wD)(e, { cluster: options.cluster, service });
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .awsSetupError */ .Dw)(e, `ECS (cluster '${options.cluster}')`) ?? e;
    }
}
async function findRollbackTarget(service, version, options, effects) {
    const described = await (0,_wait_js__WEBPACK_IMPORTED_MODULE_1__/* .describeServices */ .Ge)([service], options.cluster, effects);
    if (described.error)
        throw described.cause;
    const current = described.services.get(service)?.taskDefinition;
    if (!current)
        throw new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_6__/* .ConfigurationError */ .j1(`service '${service}' not found in ECS cluster '${options.cluster}': nothing to roll back`);
    const family = (0,_rollout_js__WEBPACK_IMPORTED_MODULE_3__/* .taskDefinitionFamily */ .dm)(current);
    const describe = async (ref) => {
        try {
            const out = await effects.ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_4__/* .DescribeTaskDefinitionCommand */ .Zy$({ taskDefinition: ref, include: ['TAGS'] }));
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
        const replaces = tags.find((t) => t.key === _tags_js__WEBPACK_IMPORTED_MODULE_7__/* .TAG_REPLACES */ .VS)?.value;
        if (!replaces) {
            throw new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_6__/* .ConfigurationError */ .j1(`${service}: nothing to roll back to: the running revision ${current} was not deployed by tierdeploy (it has no ${_tags_js__WEBPACK_IMPORTED_MODULE_7__/* .TAG_REPLACES */ .VS} tag), so what ran before it is unknown; name a revision (--version N) or a commit instead`);
        }
        target = replaces;
    }
    else if (version.kind === 'revision') {
        const ref = `${family}:${version.revision}`;
        const { td } = await describe(ref);
        if (!td)
            throw new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_6__/* .ConfigurationError */ .j1(`${service}: task definition ${ref} does not exist`);
        if (td.status !== 'ACTIVE')
            throw new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_6__/* .ConfigurationError */ .j1(`${service}: task definition ${ref} is ${td.status}; ECS cannot deploy it, pick an ACTIVE revision`);
        target = td.taskDefinitionArn;
    }
    else {
        target = await findRevisionOfCommit(service, family, version.sha, effects);
    }
    if (target === current)
        throw new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_6__/* .ConfigurationError */ .j1(`${service} already runs ${current}: nothing to roll back`);
    return { current, target };
}
async function findRevisionOfCommit(service, family, sha, effects) {
    let checked = 0;
    let nextToken;
    do {
        const page = await effects.ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_4__/* .ListTaskDefinitionsCommand */ .Pse({ familyPrefix: family, sort: 'DESC', status: 'ACTIVE', maxResults: 100, ...(nextToken ? { nextToken } : {}) }));
        nextToken = page.nextToken;
        const arns = (page.taskDefinitionArns ?? []).slice(0, COMMIT_LOOKUP_LIMIT - checked);
        checked += arns.length;
        const tagged = await (0,_concurrency_js__WEBPACK_IMPORTED_MODULE_2__/* .mapWithConcurrency */ .WS)(arns, 5, async (arn) => {
            const out = await effects.ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_4__/* .DescribeTaskDefinitionCommand */ .Zy$({ taskDefinition: arn, include: ['TAGS'] }));
            return out.tags?.find((t) => t.key === _tags_js__WEBPACK_IMPORTED_MODULE_7__/* .TAG_COMMIT */ .rJ)?.value?.toLowerCase().startsWith(sha) ? arn : undefined;
        });
        const found = tagged.find((a) => a !== undefined);
        if (found)
            return found;
    } while (nextToken && checked < COMMIT_LOOKUP_LIMIT);
    throw new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_6__/* .ConfigurationError */ .j1(`${service}: no ACTIVE revision of ${family} among the latest ${checked} is tagged with commit ${sha} (${_tags_js__WEBPACK_IMPORTED_MODULE_7__/* .TAG_COMMIT */ .rJ})`);
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


/***/ }),

/***/ 4379:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DT: () => (/* binding */ revisionOf),
/* harmony export */   P5: () => (/* binding */ shortTaskDefinition),
/* harmony export */   SW: () => (/* binding */ TIMELINE_MAX_WAVE_BARS),
/* harmony export */   _E: () => (/* binding */ renderEcsResultText),
/* harmony export */   bP: () => (/* binding */ renderDeployTimeline),
/* harmony export */   fQ: () => (/* binding */ shortenDigests),
/* harmony export */   n5: () => (/* binding */ renderEcsResultTable),
/* harmony export */   w5: () => (/* binding */ revisionCell)
/* harmony export */ });
/* harmony import */ var _rollout_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3274);

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
    return arn ? (0,_rollout_js__WEBPACK_IMPORTED_MODULE_0__/* .taskDefinitionName */ .ip)(arn) : '';
}
/** A revision as its number (`:42`) when its family is the service's name, else `family:42`. */
function revisionOf(service, arn) {
    if (!arn)
        return '';
    const name = (0,_rollout_js__WEBPACK_IMPORTED_MODULE_0__/* .taskDefinitionName */ .ip)(arn);
    return (0,_rollout_js__WEBPACK_IMPORTED_MODULE_0__/* .taskDefinitionFamily */ .dm)(name) === service ? name.slice(service.length) : name;
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


/***/ }),

/***/ 758:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fj: () => (/* binding */ TAG_SERVICE),
/* harmony export */   Lh: () => (/* binding */ TAG_DEPLOY_ID),
/* harmony export */   VS: () => (/* binding */ TAG_REPLACES),
/* harmony export */   rJ: () => (/* binding */ TAG_COMMIT)
/* harmony export */ });
/** Tags tierdeploy puts on every task definition revision it registers (ECS tag keys: letters, digits, `:/_.-`). */
const TAG_COMMIT = 'tierdeploy:commit';
const TAG_DEPLOY_ID = 'tierdeploy:deploy-id';
/** The task definition ARN the service ran before this revision: what `--version previous` rolls back to. */
const TAG_REPLACES = 'tierdeploy:replaces';
const TAG_SERVICE = 'tierdeploy:service';


/***/ }),

/***/ 1958:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ ECS_SERVICE_STATUSES)
/* harmony export */ });
/**
 * What happened to one service.
 * - deployed: the new revision runs (PRIMARY COMPLETED, running = desired).
 * - unchanged: the rendered task definition equals the running one; nothing was registered or updated.
 * - would-deploy: dry run; the revision differs and would be registered.
 * - failed: the rollout (or the write) failed; `reason` says why and whether it was rolled back.
 * - rolled-back: it is back on `previousTaskDefinition` (its own deploy succeeded but another in the step failed, or
 *   a manual rollback).
 * - rollback-failed: putting it back did not settle; it needs attention.
 * - skipped: not attempted because an earlier wave failed (or, rolling back to recorded revisions, left alone because
 *   the recorded deploy did not deploy it).
 */
const ECS_SERVICE_STATUSES = ['deployed', 'unchanged', 'would-deploy', 'failed', 'rolled-back', 'rollback-failed', 'skipped'];


/***/ }),

/***/ 5826:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dt: () => (/* binding */ emitProgress),
/* harmony export */   GU: () => (/* binding */ DESCRIBE_SERVICES_BURST),
/* harmony export */   Ge: () => (/* binding */ describeServices),
/* harmony export */   H0: () => (/* binding */ DEFAULT_SERVICE_TIMEOUT_MS),
/* harmony export */   Kl: () => (/* binding */ DESCRIBE_SERVICES_PER_SECOND),
/* harmony export */   P: () => (/* binding */ DEFAULT_POLL_INTERVAL_MS),
/* harmony export */   YV: () => (/* binding */ tokenBucket),
/* harmony export */   hS: () => (/* binding */ waitForRollouts),
/* harmony export */   ik: () => (/* binding */ DEFAULT_MAX_POLL_INTERVAL_MS)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(212);
/* harmony import */ var _concurrency_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3600);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5552);
/* harmony import */ var _rollout_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3274);




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
        await (0,_concurrency_js__WEBPACK_IMPORTED_MODULE_0__/* .sleepUnlessAborted */ .bp)(clock, Math.max(0, Math.min(nextPollAt, nearest) - clock.now()), options.signal);
        (0,_concurrency_js__WEBPACK_IMPORTED_MODULE_0__/* .throwIfAborted */ .Te)(options.signal);
        const pollStartedAt = clock.now();
        polls++;
        const described = await describeServices([...pending.keys()], options.cluster, effects, { pacer, signal: options.signal });
        const failures = [];
        const snapshots = [];
        for (const watch of [...pending.values()]) {
            const service = described.services.get(watch.service);
            const verdict = service
                ? (0,_rollout_js__WEBPACK_IMPORTED_MODULE_1__/* .rolloutVerdict */ .$6)(service, { taskDefinition: watch.taskDefinition, ...(watch.deploymentId ? { deploymentId: watch.deploymentId } : {}) })
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
                await (0,_concurrency_js__WEBPACK_IMPORTED_MODULE_0__/* .sleepUnlessAborted */ .bp)(clock, Math.ceil(((1 - tokens) * 1000) / rate.perSecond), signal);
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
        effects.log.debug(`progress renderer failed on ${event.type}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .describeErrorOf */ .V9)(e)}`);
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
        (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .rethrowConfigurationError */ .wD)(e, { cluster });
        error = `DescribeServices failed: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .describeErrorOf */ .V9)(e)}`;
        cause = e;
        effects.log.warning(error);
    };
    const calls = [];
    for (let i = 0; i < names.length; i += _rollout_js__WEBPACK_IMPORTED_MODULE_1__/* .DESCRIBE_SERVICES_LIMIT */ .rP) {
        await pacer.take(options.signal);
        const call = (0,_rollout_js__WEBPACK_IMPORTED_MODULE_1__/* .describeServicesInBatches */ .Zs)(effects.ecs, cluster, names.slice(i, i + _rollout_js__WEBPACK_IMPORTED_MODULE_1__/* .DESCRIBE_SERVICES_LIMIT */ .rP), { onError });
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
        const listed = await effects.ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_3__/* .ListTasksCommand */ .MYg({ cluster, serviceName: watch.service, desiredStatus: 'STOPPED', maxResults: 100 }));
        const arns = listed.taskArns ?? [];
        if (arns.length) {
            const { tasks = [] } = await effects.ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_3__/* .DescribeTasksCommand */ .z8X({ cluster, tasks: arns }));
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
        effects.log.debug(`${watch.service}: could not read stopped tasks: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .describeErrorOf */ .V9)(e)}`);
    }
    const since = watch.startedAt;
    const events = (service.events ?? []).filter((e) => !e.createdAt || e.createdAt.getTime() >= since).slice(0, 3).map((e) => e.message);
    if (events.length)
        details.push(`latest events: ${events.join(' | ')}`);
    return details;
}


/***/ }),

/***/ 752:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O6: () => (/* binding */ makeCloudFormationClient),
/* harmony export */   eM: () => (/* reexport safe */ _region_js__WEBPACK_IMPORTED_MODULE_0__.e),
/* harmony export */   g9: () => (/* binding */ resolveEnvironment),
/* harmony export */   uM: () => (/* binding */ clusterFor)
/* harmony export */ });
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(173);
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2332);
/* harmony import */ var _client_config_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9161);
/* harmony import */ var _region_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4173);
/* harmony import */ var _cloudformation_outputs_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7340);




/** AWS region names as the environment schema accepts them (us-east-1, ca-central-1, us-gov-west-1). */
/** A CloudFormation client for the region, loaded on first use (the CLI's `plan` never loads the SDK). */
async function makeCloudFormationClient(region) {
    const { CloudFormationClient } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 3805, 19));
    return new CloudFormationClient((0,_client_config_js__WEBPACK_IMPORTED_MODULE_1__/* .awsClientConfig */ .rw)(region ? { region } : {}));
}
/**
 * The environment with every `{ stackOutput }` / `{ terraformOutput }` setting replaced by its value. One rule for
 * every action and command that needs the cluster, subnets or roles of an environment.
 */
async function resolveEnvironment(environment, sources = {}) {
    if (!(0,_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_2__/* .hasReferences */ .jh)(environment))
        return environment;
    const needsStacks = JSON.stringify(environment).includes('"stackOutput"');
    const cloudformation = needsStacks ? await (sources.cloudformation ?? (() => makeCloudFormationClient(environment.region)))() : undefined;
    return (0,_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_2__/* .resolveEnvironmentReferences */ .u1)(environment, {
        ...(cloudformation ? { describeStack: (0,_cloudformation_outputs_js__WEBPACK_IMPORTED_MODULE_3__/* .stackOutputLookup */ .E)(cloudformation) } : {}),
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
        throw new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_4__/* .ConfigurationError */ .j1(`environment ${environment.name} has no cluster (${environment.file}): set cluster: there, or give ${overrideName}`);
    }
    const resolved = await resolveEnvironment({ ...environment, network: {}, roleArn: undefined, serviceConnectNamespace: undefined, logGroup: undefined }, sources);
    return resolved.cluster;
}


/***/ }),

/***/ 4173:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ regionFor)
/* harmony export */ });
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2332);

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
            throw new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${choice.overrideName ?? 'the region'} must be an AWS region such as ca-central-1, got '${override}'`);
        return override;
    }
    if (environment?.region)
        return environment.region;
    const fromProcess = choice.env?.AWS_REGION || choice.env?.AWS_DEFAULT_REGION;
    if (fromProcess)
        return fromProcess;
    const give = choice.overrideName ? `, give ${choice.overrideName}` : '';
    throw new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(environment
        ? `no AWS region for environment ${environment.name}: ${environment.file} sets none; set region: there${give}, or set AWS_REGION`
        : `no AWS region: name an environment (its file's region)${give}, or set AWS_REGION`);
}


/***/ }),

/***/ 3184:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ canonicalJson)
/* harmony export */ });
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


/***/ }),

/***/ 173:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ah: () => (/* binding */ cacheStackLookups),
/* harmony export */   jh: () => (/* binding */ hasReferences),
/* harmony export */   u1: () => (/* binding */ resolveEnvironmentReferences)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2332);
/* harmony import */ var _suggest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5753);


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
            const hint = (0,_suggest_js__WEBPACK_IMPORTED_MODULE_0__/* .didYouMean */ .au)(output, known);
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
            const hint = (0,_suggest_js__WEBPACK_IMPORTED_MODULE_0__/* .didYouMean */ .au)(name, known);
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`cannot resolve the settings of environment ${env.name}:\n  ${problems.join('\n  ')}`);
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


/***/ })

},
 } })

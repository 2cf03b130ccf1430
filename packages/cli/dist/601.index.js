(function (__tierdeployImportMeta) { return { id: 601,
ids: [601],
modules: {

/***/ 3432:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Gv: () => (/* binding */ makePreflightClients),
  AV: () => (/* binding */ preflightServices),
  hg: () => (/* binding */ runPreflight)
});

// UNUSED EXPORTS: EXECUTION_ROLE_ACTIONS, FARGATE_VCPU_QUOTAS, FINDING_STATUSES, PREFLIGHT_CHECKS, isAccessDenied, preflightVerdict, renderPreflight, rolloutSurge, sortFindings, tasksByProvider

// EXTERNAL MODULE: ./packages/aws/src/client-config.ts
var client_config = __webpack_require__(9161);
// EXTERNAL MODULE: ./packages/aws/src/ecs/client.ts
var client = __webpack_require__(6076);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecs/dist-cjs/index.js
var dist_cjs = __webpack_require__(212);
// EXTERNAL MODULE: ./packages/aws/src/ecs/errors.ts
var errors = __webpack_require__(5552);
;// CONCATENATED MODULE: ./packages/aws/src/preflight/denied.ts

/** How AWS says "not allowed": JSON APIs (AccessDeniedException), query APIs (AccessDenied), EC2 (UnauthorizedOperation). */
const DENIED = /^(AccessDenied|AccessDeniedException|UnauthorizedOperation|AuthorizationError|AuthorizationErrorException)$/;
function isAccessDenied(e) {
    return e instanceof Error && DENIED.test(e.name);
}
const NETWORK_CODES = /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH)$/;
/**
 * An endpoint out of reach. A runner in a private subnet may have VPC endpoints for ECS and ECR but none for IAM or
 * Service Quotas: the deploy works there, so the checks that need those endpoints report what they could not read.
 */
function isUnreachable(e) {
    const code = e?.code;
    return (typeof code === 'string' && NETWORK_CODES.test(code)) || (e instanceof Error && e.name === 'TimeoutError');
}
/** A read that was refused or could not be made: the check reports 'unknown' for it. */
function isUnread(e) {
    return isAccessDenied(e) || isUnreachable(e);
}
/**
 * A read that was refused (or whose endpoint is out of reach): 'unknown', naming the permission that is missing and
 * what therefore went unchecked. A denied read is never a silent pass and never ends the other checks.
 */
function deniedFinding(check, resource, permission, unchecked, e, services) {
    const why = isAccessDenied(e)
        ? `${permission} denied: ${unchecked} not checked (${(0,errors/* describeErrorOf */.V9)(e)}); grant the deploy role ${permission} to check it`
        : `could not reach AWS for ${permission}: ${unchecked} not checked (${(0,errors/* describeErrorOf */.V9)(e)}); check the network, VPC endpoints and AWS_ENDPOINT_URL* variables`;
    return { check, status: 'unknown', resource, message: why, ...(services?.length ? { services } : {}) };
}
/** `[a, b]` -> "a, b", sorted and without repeats. */
function listOf(names) {
    return [...new Set(names)].sort().join(', ');
}
function errorName(e) {
    return e instanceof Error ? e.name : '';
}

;// CONCATENATED MODULE: ./packages/aws/src/preflight/capacity.ts



const FARGATE_PROVIDERS = new Set(['FARGATE', 'FARGATE_SPOT']);
/**
 * The cluster has the capacity providers the services need: those their capacity provider strategies name (what
 * the rollout launches on), FARGATE_SPOT for a catalog `spot: true` service above tier 1 (the ecs-service module's
 * use_spot rule), and an EC2 (GPU) provider for a `capacity: ec2-gpu` service.
 */
async function checkCapacityProviders(targets, cluster, ecs) {
    const wanted = new Map();
    const want = (provider, service, why) => {
        const entry = wanted.get(provider) ?? { services: new Set(), why };
        entry.services.add(service);
        wanted.set(provider, entry);
    };
    const gpu = [];
    for (const t of targets) {
        for (const item of t.ecsService.capacityProviderStrategy ?? [])
            if (item.capacityProvider)
                want(item.capacityProvider, t.name, 'its capacity provider strategy uses it');
        const capacity = t.service.capacity ?? 'fargate';
        if (capacity === 'fargate' && t.settings.spot && t.service.tier > 1)
            want('FARGATE_SPOT', t.name, 'the catalog sets spot: true');
        if (capacity === 'ec2-gpu')
            gpu.push(t.name);
    }
    if (wanted.size === 0 && gpu.length === 0)
        return [];
    const everyone = targets.map((t) => t.name);
    let providers;
    try {
        const out = await ecs.send(new dist_cjs/* DescribeClustersCommand */._2_({ clusters: [cluster] }));
        const found = out.clusters?.find((c) => c.status === 'ACTIVE' || c.status === 'PROVISIONING');
        if (!found)
            return [{ check: 'capacity', status: 'fail', resource: `cluster ${cluster}`, message: `cluster not found (or not ACTIVE): ${out.failures?.map((f) => f.reason).join(', ') || out.clusters?.[0]?.status || 'MISSING'}`, services: everyone }];
        providers = found.capacityProviders ?? [];
    }
    catch (e) {
        if (isUnread(e))
            return [deniedFinding('capacity', `cluster ${cluster}`, 'ecs:DescribeClusters', "the cluster's capacity providers", e, everyone)];
        throw (0,errors/* awsSetupError */.Dw)(e, 'ECS') ?? e;
    }
    const findings = [];
    const has = `cluster ${cluster} has ${providers.length ? providers.join(', ') : 'no capacity providers'}`;
    for (const [provider, { services, why }] of [...wanted].sort(([a], [b]) => a.localeCompare(b))) {
        const names = [...services].sort();
        findings.push(providers.includes(provider)
            ? { check: 'capacity', status: 'pass', resource: provider, message: `${has}`, services: names }
            : { check: 'capacity', status: 'fail', resource: provider, message: `${listOf(names)} need${names.length === 1 ? 's' : ''} it (${why}), but ${has}; add it to the cluster (terraform/modules/ecs-cluster)`, services: names });
    }
    if (gpu.length) {
        const ec2 = providers.filter((p) => !FARGATE_PROVIDERS.has(p));
        findings.push(ec2.length
            ? { check: 'capacity', status: 'pass', resource: `GPU capacity (${ec2.join(', ')})`, message: has, services: gpu.sort() }
            : { check: 'capacity', status: 'fail', resource: 'GPU capacity', message: `${listOf(gpu)} ask for capacity: ec2-gpu, but ${has} (no EC2 capacity provider); set enable_gpu_capacity in terraform/modules/ecs-cluster`, services: gpu.sort() });
    }
    return findings;
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecr/dist-cjs/index.js
var client_ecr_dist_cjs = __webpack_require__(8249);
// EXTERNAL MODULE: ./packages/aws/src/ecs/concurrency.ts
var ecs_concurrency = __webpack_require__(3600);
// EXTERNAL MODULE: ./packages/aws/src/ecr/replicas.ts
var replicas = __webpack_require__(2147);
;// CONCATENATED MODULE: ./packages/aws/src/preflight/images.ts





/** BatchGetImage takes at most 100 image ids per call. */
const BATCH_GET_IMAGE_LIMIT = 100;
/**
 * Every image of every container the deploy would register (sidecars too), and for each ECR image where the tasks
 * pull it: an image of another account or region than the environment's is run from its replica in the environment's
 * registry, as deployEcsServices does (resolveReplicas). Images of other registries are returned apart.
 */
function plannedImages(targets, environment, region) {
    const users = new Map();
    for (const t of targets) {
        for (const c of t.next.containerDefinitions ?? []) {
            if (!c.image)
                continue;
            if (!users.has(c.image))
                users.set(c.image, new Set());
            users.get(c.image).add(t.name);
        }
    }
    const ecr = [];
    const other = [];
    for (const [image, names] of [...users].sort(([a], [b]) => a.localeCompare(b))) {
        const services = [...names].sort();
        const ref = (0,replicas/* parseEcrImage */.TI)(image);
        if (!ref) {
            other.push({ image, services });
            continue;
        }
        const account = environment.account;
        const foreign = account !== undefined && (ref.account !== account || ref.region !== region) && ref.digest !== undefined;
        ecr.push(foreign ? { image, services, pulledFrom: { account, region, repository: ref.repository, digest: ref.digest }, replicaOf: ref } : { image, services, pulledFrom: ref });
    }
    return { ecr, other };
}
/**
 * Every image the deploy would run exists, read by digest (or tag) with BatchGetImage: one call per repository and
 * 100 images, so a tier of 200 services costs a few calls. An image of another account must already be replicated
 * into the environment's registry; one not there yet, in a repository replication has created, is a warning (the
 * deploy waits for replication), and one whose repository does not exist there fails.
 */
async function checkImages(targets, environment, region, ecr, concurrency = 10) {
    const { ecr: images, other } = plannedImages(targets, environment, region);
    const findings = other.map(({ image, services }) => ({ check: 'images', status: 'warn', resource: image, message: 'not an Amazon ECR image: its registry is not checked', services }));
    const byRepository = new Map();
    for (const image of images) {
        const key = `${image.pulledFrom.account}/${image.pulledFrom.region}/${image.pulledFrom.repository}`;
        if (!byRepository.has(key))
            byRepository.set(key, []);
        byRepository.get(key).push(image);
    }
    const batches = [];
    for (const list of byRepository.values())
        for (let i = 0; i < list.length; i += BATCH_GET_IMAGE_LIMIT)
            batches.push(list.slice(i, i + BATCH_GET_IMAGE_LIMIT));
    await (0,ecs_concurrency/* mapWithConcurrency */.WS)(batches, concurrency, async (batch) => {
        const { account, repository } = batch[0].pulledFrom;
        const registry = `${repository} (account ${account}, ${batch[0].pulledFrom.region})`;
        let found;
        try {
            const out = await ecr.send(new client_ecr_dist_cjs/* BatchGetImageCommand */.P8n({ registryId: account, repositoryName: repository, imageIds: batch.map((i) => imageIdOf(i.pulledFrom)) }));
            found = new Set((out.images ?? []).flatMap((i) => [i.imageId?.imageDigest, i.imageId?.imageTag].filter((x) => x !== undefined)));
            // A failure for an id means that id is not pullable, even when another id of the same image was found.
            for (const f of out.failures ?? [])
                for (const id of [f.imageId?.imageDigest, f.imageId?.imageTag])
                    if (id)
                        found.delete(id);
        }
        catch (e) {
            const services = batch.flatMap((i) => i.services);
            if (isUnread(e)) {
                findings.push(deniedFinding('images', `repository ${registry}`, 'ecr:BatchGetImage', `${batch.length} image(s)`, e, services));
                return;
            }
            if (errorName(e) === 'RepositoryNotFoundException') {
                for (const i of batch)
                    findings.push({ check: 'images', status: 'fail', resource: i.image, message: missingRepository(i, registry, environment), services: i.services });
                return;
            }
            throw (0,errors/* awsSetupError */.Dw)(e, 'ECR') ?? new Error(`BatchGetImage on ${registry} failed: ${(0,errors/* describeErrorOf */.V9)(e)}`);
        }
        for (const i of batch) {
            const id = i.pulledFrom.digest ?? i.pulledFrom.tag ?? 'latest';
            const there = found.has(id);
            if (i.replicaOf) {
                findings.push(there
                    ? { check: 'images', status: 'pass', resource: i.image, message: `runs its replica in ${environment.name}'s registry (${repository}@${i.pulledFrom.digest})`, services: i.services }
                    : { check: 'images', status: 'warn', resource: i.image, message: `not yet in ${environment.name}'s registry (${registry}): it will be copied by ECR replication, and the deploy waits ${replicas/* DEFAULT_REPLICA_WAIT_MS */.I$ / 60_000} min for it`, services: i.services });
            }
            else {
                findings.push(there ? { check: 'images', status: 'pass', resource: i.image, message: `exists in ${registry}`, services: i.services } : { check: 'images', status: 'fail', resource: i.image, message: `not found in ${registry}: push it (build-push) or fix the image given for ${listOf(i.services)}`, services: i.services });
            }
        }
    });
    return findings;
}
function imageIdOf(ref) {
    return ref.digest ? { imageDigest: ref.digest } : { imageTag: ref.tag ?? 'latest' };
}
function missingRepository(image, registry, environment) {
    if (!image.replicaOf)
        return `repository ${registry} does not exist: create it (terraform/modules/ecr) and push the image`;
    return `is in account ${image.replicaOf.account} (${image.replicaOf.region}), and ${environment.name}'s registry has no repository ${image.pulledFrom.repository} for its replica: ECR replication is not configured to it (terraform/modules/ecr replication_destinations), so the deploy would fail`;
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-iam/dist-cjs/index.js
var client_iam_dist_cjs = __webpack_require__(6764);
;// CONCATENATED MODULE: ./packages/aws/src/preflight/permissions.ts




/** What a task's execution role does before the container starts, per kind of resource. */
const EXECUTION_ROLE_ACTIONS = {
    pull: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
    login: ['ecr:GetAuthorizationToken'],
    secret: ['secretsmanager:GetSecretValue'],
    parameter: ['ssm:GetParameters'],
    key: ['kms:Decrypt'],
};
/**
 * The execution role of each task definition the deploy would register may pull its images and read its secrets:
 * IAM policy simulation (SimulatePrincipalPolicy) of the role's identity policies, one call per kind of resource.
 * Resource policies (a repository's, a key's) are not part of the simulation. A task definition without an
 * execution role cannot pull from ECR or read secrets at all.
 */
async function checkExecutionRoles(targets, environment, region, secrets, iam) {
    const findings = [];
    const byRole = new Map();
    for (const t of targets) {
        const role = t.next.executionRoleArn ?? '';
        if (!byRole.has(role))
            byRole.set(role, []);
        byRole.get(role).push(t);
    }
    for (const [role, users] of [...byRole].sort(([a], [b]) => a.localeCompare(b))) {
        const services = users.map((t) => t.name);
        const images = plannedImages(users, environment, region).ecr;
        const valueFroms = new Set(users.flatMap((t) => (t.next.containerDefinitions ?? []).flatMap((c) => (c.secrets ?? []).flatMap((s) => (s.valueFrom ? [s.valueFrom] : [])))));
        if (!role) {
            if (images.length || valueFroms.size)
                findings.push({ check: 'permissions', status: 'fail', resource: 'executionRoleArn', message: `the task definition has no execution role, so ECS can neither pull from ECR nor read secrets; set execution_role_arn in the ecs-service module`, services });
            continue;
        }
        const partition = /^arn:([^:]+):/.exec(role)?.[1] ?? 'aws';
        const repositories = [...new Set(images.map((i) => `arn:${partition}:ecr:${i.pulledFrom.region}:${i.pulledFrom.account}:repository/${i.pulledFrom.repository}`))];
        // The ARNs the secrets check resolved (a secret it could not find fails there, not here).
        const arns = [...new Set([...valueFroms].flatMap((v) => secrets.arns.get(v) ?? []))];
        const secretArns = arns.filter((a) => a.split(':')[2] === 'secretsmanager');
        const parameterArns = arns.filter((a) => a.split(':')[2] === 'ssm');
        const keyArns = [...new Set([...valueFroms].flatMap((v) => secrets.keys.get(v) ?? []))];
        const asks = [
            { actions: EXECUTION_ROLE_ACTIONS.pull, resources: repositories },
            { actions: EXECUTION_ROLE_ACTIONS.login, resources: repositories.length ? ['*'] : [] },
            { actions: EXECUTION_ROLE_ACTIONS.secret, resources: secretArns },
            { actions: EXECUTION_ROLE_ACTIONS.parameter, resources: parameterArns },
            { actions: EXECUTION_ROLE_ACTIONS.key, resources: keyArns },
        ].filter((a) => a.resources.length);
        if (asks.length === 0)
            continue;
        const denied = [];
        try {
            for (const ask of asks)
                denied.push(...(await simulate(iam, role, ask.actions, ask.resources)).filter((r) => r.EvalDecision !== 'allowed'));
        }
        catch (e) {
            if (isUnread(e)) {
                findings.push(deniedFinding('permissions', role, 'iam:SimulatePrincipalPolicy', "the execution role's permissions (image pull, secrets)", e, services));
                continue;
            }
            throw (0,errors/* awsSetupError */.Dw)(e, 'IAM') ?? new Error(`SimulatePrincipalPolicy for ${role} failed: ${(0,errors/* describeErrorOf */.V9)(e)}`);
        }
        for (const r of denied) {
            findings.push({ check: 'permissions', status: 'fail', resource: role, message: `may not ${r.EvalActionName} on ${r.EvalResourceName} (${r.EvalDecision}): the tasks of ${listOf(services)} would fail to start; grant it in the role's policy`, services });
        }
        if (denied.length === 0) {
            const what = [repositories.length ? `pull from ${repositories.length} repositor${repositories.length === 1 ? 'y' : 'ies'}` : '', secretArns.length + parameterArns.length ? `read ${secretArns.length + parameterArns.length} secret(s)` : ''].filter(Boolean).join(' and ');
            findings.push({ check: 'permissions', status: 'pass', resource: role, message: `may ${what} (IAM policy simulation; resource policies not included)`, services });
        }
    }
    return findings;
}
async function simulate(iam, role, actions, resources) {
    const results = [];
    let marker;
    do {
        const out = await iam.send(new client_iam_dist_cjs/* SimulatePrincipalPolicyCommand */.kUw({ PolicySourceArn: role, ActionNames: [...actions], ResourceArns: resources, ...(marker ? { Marker: marker } : {}) }));
        results.push(...(out.EvaluationResults ?? []));
        marker = out.IsTruncated ? out.Marker : undefined;
    } while (marker);
    return results;
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-service-quotas/dist-cjs/index.js
var client_service_quotas_dist_cjs = __webpack_require__(2924);
;// CONCATENATED MODULE: ./packages/aws/src/preflight/quota.ts




/** Service Quotas codes of the account's concurrent Fargate vCPUs (service code `fargate`), per capacity provider. */
const FARGATE_VCPU_QUOTAS = {
    FARGATE: { code: 'L-3032A538', name: 'Fargate On-Demand vCPU resource count' },
    FARGATE_SPOT: { code: 'L-36FBB829', name: 'Fargate Spot vCPU resource count' },
};
/** DescribeTasks takes at most 100 tasks per call. */
const DESCRIBE_TASKS_LIMIT = 100;
/** ECS's default maximumPercent: a rolling update may run twice the desired count. */
const DEFAULT_MAXIMUM_PERCENT = 200;
/** Where a service's tasks go: its capacity provider strategy (base first, then by weight), or its launch type. */
function tasksByProvider(strategy, launchType, tasks) {
    if (!strategy?.length)
        return launchType === 'FARGATE' || launchType === undefined ? { FARGATE: tasks } : {};
    const out = {};
    let left = tasks;
    for (const item of strategy) {
        const base = Math.min(left, item.base ?? 0);
        out[item.capacityProvider] = (out[item.capacityProvider] ?? 0) + base;
        left -= base;
    }
    const weight = strategy.reduce((n, i) => n + (i.weight ?? 0), 0);
    if (left > 0 && weight > 0)
        for (const item of strategy)
            out[item.capacityProvider] = (out[item.capacityProvider] ?? 0) + (left * (item.weight ?? 0)) / weight;
    return out;
}
function rolloutSurge(target) {
    const s = target.ecsService;
    const desired = s.desiredCount ?? 0;
    const running = s.runningCount ?? 0;
    const maximumPercent = s.deploymentConfiguration?.maximumPercent ?? DEFAULT_MAXIMUM_PERCENT;
    const peakTasks = Math.max(desired, Math.floor((desired * maximumPercent) / 100));
    const oldVcpu = Number(target.running.cpu ?? 0) / 1024;
    const newVcpu = Number(target.next.cpu ?? target.running.cpu ?? 0) / 1024;
    const extra = Math.max(0, peakTasks * Math.max(oldVcpu, newVcpu) - running * oldVcpu);
    const share = tasksByProvider(s.capacityProviderStrategy, s.launchType, peakTasks);
    const extraVcpu = {};
    for (const provider of Object.keys(FARGATE_VCPU_QUOTAS)) {
        const tasks = share[provider] ?? 0;
        if (tasks > 0 && peakTasks > 0)
            extraVcpu[provider] = (extra * tasks) / peakTasks;
    }
    return { service: target.name, peakTasks, extraVcpu };
}
/**
 * The account's Fargate vCPU quotas (On-Demand and Spot) cover what runs in the cluster plus the rollout's surge of
 * the services being deployed. Quotas are per account and region: tasks of other clusters count too but are not read
 * here, so the verdict is an estimate and says so.
 */
async function checkFargateQuota(targets, cluster, clients) {
    const surges = targets.map(rolloutSurge);
    const needed = new Map();
    for (const s of surges) {
        for (const [provider, vcpu] of Object.entries(s.extraVcpu)) {
            const entry = needed.get(provider) ?? { vcpu: 0, services: [] };
            entry.vcpu += vcpu;
            entry.services.push(s.service);
            needed.set(provider, entry);
        }
    }
    if (needed.size === 0)
        return [];
    const findings = [];
    let usage;
    try {
        usage = await clusterFargateUsage(clients.ecs, cluster);
    }
    catch (e) {
        if (!isUnread(e))
            throw (0,errors/* awsSetupError */.Dw)(e, 'ECS') ?? e;
        findings.push(deniedFinding('quota', `cluster ${cluster}`, 'ecs:ListTasks/ecs:DescribeTasks', 'the vCPUs the cluster runs now (counted as 0 below)', e));
    }
    for (const [provider, need] of needed) {
        const quota = FARGATE_VCPU_QUOTAS[provider];
        const resource = `${quota.name} (${quota.code})`;
        let value;
        try {
            value = (await clients.serviceQuotas.send(new client_service_quotas_dist_cjs/* GetServiceQuotaCommand */.HSc({ ServiceCode: 'fargate', QuotaCode: quota.code }))).Quota?.Value;
        }
        catch (e) {
            if (isUnread(e)) {
                findings.push(deniedFinding('quota', resource, 'servicequotas:GetServiceQuota', 'the quota', e, need.services));
                continue;
            }
            if (errorName(e) === 'NoSuchResourceException') {
                findings.push({ check: 'quota', status: 'unknown', resource, message: `Service Quotas has no value for ${quota.code} in this account and region: quota not checked (${(0,errors/* describeErrorOf */.V9)(e)})`, services: need.services });
                continue;
            }
            throw (0,errors/* awsSetupError */.Dw)(e, 'Service Quotas') ?? e;
        }
        if (value === undefined)
            continue;
        const now = usage?.[provider] ?? 0;
        const total = now + need.vcpu;
        const detail = `${usage ? fmt(now) : '? (not read, counted as 0)'} vCPU running in cluster ${cluster} + ${fmt(need.vcpu)} for the rollout surge of ${listOf(need.services)} = ${fmt(total)} of ${fmt(value)} (an estimate: tasks of other clusters in the account count against the quota too and are not included)`;
        findings.push(total > value ? { check: 'quota', status: 'fail', resource, message: `too small: ${detail}; request an increase in Service Quotas, or deploy fewer services at once`, services: need.services } : { check: 'quota', status: 'pass', resource, message: detail, services: need.services });
    }
    return findings;
}
/** vCPUs of the RUNNING tasks of the cluster per Fargate provider (ListTasks, then DescribeTasks 100 a call). */
async function clusterFargateUsage(ecs, cluster) {
    const arns = [];
    let token;
    do {
        const out = await ecs.send(new dist_cjs/* ListTasksCommand */.MYg({ cluster, desiredStatus: 'RUNNING', ...(token ? { nextToken: token } : {}) }));
        arns.push(...(out.taskArns ?? []));
        token = out.nextToken;
    } while (token);
    const usage = { FARGATE: 0, FARGATE_SPOT: 0 };
    for (let i = 0; i < arns.length; i += DESCRIBE_TASKS_LIMIT) {
        const { tasks } = await ecs.send(new dist_cjs/* DescribeTasksCommand */.z8X({ cluster, tasks: arns.slice(i, i + DESCRIBE_TASKS_LIMIT) }));
        for (const t of tasks ?? []) {
            const provider = t.capacityProviderName === 'FARGATE_SPOT' ? 'FARGATE_SPOT' : t.capacityProviderName === 'FARGATE' || (!t.capacityProviderName && t.launchType === 'FARGATE') ? 'FARGATE' : undefined;
            if (provider)
                usage[provider] += Number(t.cpu ?? 0) / 1024;
        }
    }
    return usage;
}
function fmt(n) {
    return Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/0+$/, '');
}

// EXTERNAL MODULE: ./packages/aws/src/preflight/render.ts + 1 modules
var render = __webpack_require__(6170);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-elastic-load-balancing-v2/dist-cjs/index.js
var client_elastic_load_balancing_v2_dist_cjs = __webpack_require__(586);
;// CONCATENATED MODULE: ./packages/aws/src/preflight/routing.ts



/** The health-check path the alb module gives a target group when the catalog sets none (catalog-vars' rule). */
const DEFAULT_HEALTH_CHECK_PATH = '/health';
const shortName = (arn) => /targetgroup\/([^/]+)/.exec(arn)?.[1] ?? arn;
/**
 * Routed services (routing.public, or any service registered in a target group) have their target groups, the
 * target groups' health-check path is the catalog's, and a listener rule forwards to each. A routed service whose
 * ECS service has no target group would deploy tasks nobody reaches.
 */
async function checkRouting(targets, elb) {
    const findings = [];
    const rulesOf = new Map();
    for (const t of targets) {
        const routed = t.service.routing?.public === true;
        const groups = (t.ecsService.loadBalancers ?? []).flatMap((lb) => (lb.targetGroupArn ? [lb.targetGroupArn] : []));
        if (groups.length === 0) {
            if (routed)
                findings.push({ check: 'routing', status: 'fail', resource: `service ${t.name}`, message: `routing.public is set but the ECS service has no target group: the ALB cannot reach its tasks (apply Terraform: alb and ecs-service modules)`, services: [t.name] });
            continue;
        }
        for (const arn of groups) {
            try {
                findings.push(...(await checkTargetGroup(t, arn, elb, rulesOf)));
            }
            catch (e) {
                if (isUnread(e))
                    findings.push(deniedFinding('routing', shortName(arn), 'elasticloadbalancing:DescribeTargetGroups/DescribeListeners/DescribeRules', 'the target group and its listener rule', e, [t.name]));
                else
                    throw (0,errors/* awsSetupError */.Dw)(e, 'Elastic Load Balancing') ?? new Error(`reading target group ${arn} failed: ${(0,errors/* describeErrorOf */.V9)(e)}`);
            }
        }
    }
    return findings;
}
async function checkTargetGroup(t, arn, elb, rulesOf) {
    const resource = `target group ${shortName(arn)}`;
    let group;
    try {
        group = (await elb.send(new client_elastic_load_balancing_v2_dist_cjs/* DescribeTargetGroupsCommand */.sC7({ TargetGroupArns: [arn] }))).TargetGroups?.[0];
    }
    catch (e) {
        if (errorName(e) !== 'TargetGroupNotFoundException')
            throw e;
    }
    if (!group)
        return [{ check: 'routing', status: 'fail', resource, message: `does not exist (${arn}), but the ECS service registers its tasks in it: apply Terraform (alb module)`, services: [t.name] }];
    const findings = [];
    const wantPath = t.settings.healthCheck.path ?? DEFAULT_HEALTH_CHECK_PATH;
    if (group.HealthCheckPath !== undefined && group.HealthCheckPath !== wantPath) {
        findings.push({ check: 'routing', status: 'fail', resource, message: `health check path is ${group.HealthCheckPath}, the catalog's is ${wantPath}: the load balancer would judge the new tasks on another path; apply Terraform (alb module) so it follows the catalog`, services: [t.name] });
    }
    const rules = (await Promise.all((group.LoadBalancerArns ?? []).map((lb) => rulesOfLoadBalancer(lb, elb, rulesOf)))).flat();
    const forwarding = rules.filter((r) => r.Actions?.some((a) => a.TargetGroupArn === arn || a.ForwardConfig?.TargetGroups?.some((g) => g.TargetGroupArn === arn)));
    if (forwarding.length === 0) {
        findings.push({ check: 'routing', status: 'fail', resource, message: `no listener rule forwards to it${group.LoadBalancerArns?.length ? '' : ' (it is attached to no load balancer)'}: requests never reach ${t.name}; apply Terraform (alb module)`, services: [t.name] });
        return findings;
    }
    const patterns = new Set(forwarding.flatMap((r) => (r.Conditions ?? []).flatMap((c) => c.PathPatternConfig?.Values ?? c.Values ?? [])));
    const unrouted = (t.service.routing?.pathPatterns ?? []).filter((p) => !patterns.has(p));
    if (unrouted.length)
        findings.push({ check: 'routing', status: 'warn', resource, message: `no listener rule routes the catalog's path pattern(s) ${unrouted.join(', ')} to it (rules route ${[...patterns].join(', ') || 'no path'}): apply Terraform (alb module)`, services: [t.name] });
    if (findings.length === 0)
        findings.push({ check: 'routing', status: 'pass', resource, message: `health check ${wantPath}; forwarded by ${forwarding.length} listener rule(s)`, services: [t.name] });
    return findings;
}
/** Every rule of every listener of a load balancer, read once per preflight. */
function rulesOfLoadBalancer(lb, elb, cache) {
    let rules = cache.get(lb);
    if (!rules) {
        rules = (async () => {
            const listeners = [];
            let marker;
            do {
                const out = await elb.send(new client_elastic_load_balancing_v2_dist_cjs/* DescribeListenersCommand */.AKE({ LoadBalancerArn: lb, ...(marker ? { Marker: marker } : {}) }));
                listeners.push(...(out.Listeners ?? []).flatMap((l) => (l.ListenerArn ? [l.ListenerArn] : [])));
                marker = out.NextMarker;
            } while (marker);
            const all = [];
            for (const listener of listeners) {
                let next;
                do {
                    const out = await elb.send(new client_elastic_load_balancing_v2_dist_cjs/* DescribeRulesCommand */.Ggo({ ListenerArn: listener, ...(next ? { Marker: next } : {}) }));
                    all.push(...(out.Rules ?? []));
                    next = out.NextMarker;
                } while (next);
            }
            return all;
        })();
        cache.set(lb, rules);
    }
    return rules;
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-secrets-manager/dist-cjs/index.js
var client_secrets_manager_dist_cjs = __webpack_require__(2994);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ssm/dist-cjs/index.js
var client_ssm_dist_cjs = __webpack_require__(4736);
;// CONCATENATED MODULE: ./packages/aws/src/preflight/secrets.ts





/** A ParameterStringFilter takes at most 50 values. */
const PARAMETER_FILTER_LIMIT = 50;
const SECRET_ARN = /^arn:(aws[a-z-]*):secretsmanager:([a-z0-9-]*):(\d{12}):secret:([^:]+)/;
const PARAMETER_ARN = /^arn:(aws[a-z-]*):ssm:([a-z0-9-]*):(\d{12}):parameter(\/.+)$/;
/**
 * What a `valueFrom` names: a Secrets Manager ARN (optionally `:json-key:version-stage:version-id` after it), an SSM
 * parameter ARN, or a bare SSM parameter name (ECS's rule for a non-ARN valueFrom). A parameter ARN of `/a/b` is
 * `parameter/a/b`; one of a name without a slash is `parameter/name`.
 */
function secretReferenceOf(valueFrom, services) {
    const secret = SECRET_ARN.exec(valueFrom);
    if (secret)
        return { valueFrom, services, kind: 'secretsmanager', id: `arn:${secret[1]}:secretsmanager:${secret[2]}:${secret[3]}:secret:${secret[4]}`, partition: secret[1], region: secret[2], account: secret[3] };
    const parameter = PARAMETER_ARN.exec(valueFrom);
    if (parameter) {
        const path = parameter[4];
        return { valueFrom, services, kind: 'ssm', id: path.slice(1).includes('/') ? path : path.slice(1), partition: parameter[1], region: parameter[2], account: parameter[3] };
    }
    return { valueFrom, services, kind: 'ssm', id: valueFrom, partition: 'aws' };
}
/** Every secret reference of every container the deploy would register, once each. */
function plannedSecrets(targets) {
    const users = new Map();
    for (const t of targets) {
        for (const c of t.next.containerDefinitions ?? []) {
            for (const s of c.secrets ?? []) {
                if (!s.valueFrom)
                    continue;
                if (!users.has(s.valueFrom))
                    users.set(s.valueFrom, new Set());
                users.get(s.valueFrom).add(t.name);
            }
        }
    }
    return [...users].sort(([a], [b]) => a.localeCompare(b)).map(([valueFrom, names]) => secretReferenceOf(valueFrom, [...names].sort()));
}
/**
 * Every secret and parameter the tasks would read exists, in the environment's account and region. Only names and
 * metadata are read: DescribeSecret (never GetSecretValue) and DescribeParameters (never GetParameters, which
 * returns values). Returns what the permissions check simulates against.
 */
async function checkSecrets(targets, environment, region, clients, concurrency = 10) {
    const findings = [];
    const resources = { arns: new Map(), keys: new Map() };
    const local = [];
    for (const ref of plannedSecrets(targets)) {
        const wrongAccount = ref.account !== undefined && environment.account !== undefined && ref.account !== environment.account;
        const wrongRegion = ref.region !== undefined && ref.region !== region;
        if (wrongAccount || wrongRegion) {
            const where = [wrongAccount ? `account ${ref.account}` : '', wrongRegion ? `region ${ref.region}` : ''].filter(Boolean).join(' and ');
            findings.push({ check: 'secrets', status: 'fail', resource: ref.valueFrom, message: `is in ${where}, but ${environment.name} runs in ${[environment.account ? `account ${environment.account}` : '', `region ${region}`].filter(Boolean).join(' and ')}: the task's execution role would read another environment's value, or none; use this environment's own (${environment.file})`, services: ref.services });
        }
        else
            local.push(ref);
    }
    await (0,ecs_concurrency/* mapWithConcurrency */.WS)(local.filter((r) => r.kind === 'secretsmanager'), concurrency, async (ref) => {
        try {
            const out = await clients.secretsManager.send(new client_secrets_manager_dist_cjs/* DescribeSecretCommand */.X5({ SecretId: ref.id }));
            if (out.DeletedDate) {
                findings.push({ check: 'secrets', status: 'fail', resource: ref.valueFrom, message: `secret ${out.Name ?? ref.id} is scheduled for deletion (${out.DeletedDate.toISOString()}): restore it or point the service at another`, services: ref.services });
                return;
            }
            resources.arns.set(ref.valueFrom, out.ARN ?? ref.id);
            if (out.KmsKeyId?.startsWith('arn:'))
                resources.keys.set(ref.valueFrom, out.KmsKeyId);
            findings.push({ check: 'secrets', status: 'pass', resource: ref.valueFrom, message: `secret ${out.Name ?? ref.id} exists`, services: ref.services });
        }
        catch (e) {
            if (isUnread(e))
                findings.push(deniedFinding('secrets', ref.valueFrom, 'secretsmanager:DescribeSecret', 'this secret', e, ref.services));
            else if (errorName(e) === 'ResourceNotFoundException')
                findings.push({ check: 'secrets', status: 'fail', resource: ref.valueFrom, message: `no such secret in Secrets Manager (${region}): create it, or fix the ARN in the catalog`, services: ref.services });
            else
                throw (0,errors/* awsSetupError */.Dw)(e, 'Secrets Manager') ?? new Error(`DescribeSecret ${ref.id} failed: ${(0,errors/* describeErrorOf */.V9)(e)}`);
        }
    });
    const parameters = local.filter((r) => r.kind === 'ssm');
    const found = await describeParameters(parameters, clients.ssm, findings);
    if (found) {
        for (const ref of parameters) {
            const name = found.has(ref.id) ? ref.id : found.has(`/${ref.id}`) ? `/${ref.id}` : undefined;
            if (name === undefined) {
                findings.push({ check: 'secrets', status: 'fail', resource: ref.valueFrom, message: `no such SSM parameter '${ref.id}' in ${region}: create it, or fix the name in the catalog`, services: ref.services });
                continue;
            }
            const { keyId } = found.get(name);
            const account = ref.account ?? environment.account;
            if (account)
                resources.arns.set(ref.valueFrom, `arn:${ref.partition}:ssm:${region}:${account}:parameter${name.startsWith('/') ? name : `/${name}`}`);
            if (keyId?.startsWith('arn:'))
                resources.keys.set(ref.valueFrom, keyId);
            findings.push({ check: 'secrets', status: 'pass', resource: ref.valueFrom, message: `SSM parameter ${name} exists`, services: ref.services });
        }
    }
    return { findings, resources };
}
/**
 * The named parameters that exist (name -> its KMS key), 25 names a call (each name is looked up with and without a
 * leading slash, which its ARN does not tell apart); undefined when the read was denied (the finding says so).
 */
async function describeParameters(parameters, ssm, findings) {
    const found = new Map();
    const per = PARAMETER_FILTER_LIMIT / 2;
    for (let i = 0; i < parameters.length; i += per) {
        const batch = parameters.slice(i, i + per);
        const values = [...new Set(batch.flatMap((r) => (r.id.startsWith('/') ? [r.id] : [r.id, `/${r.id}`])))];
        let token;
        try {
            do {
                const out = await ssm.send(new client_ssm_dist_cjs/* DescribeParametersCommand */.$hz({ ParameterFilters: [{ Key: 'Name', Option: 'Equals', Values: values }], MaxResults: 50, ...(token ? { NextToken: token } : {}) }));
                for (const p of out.Parameters ?? [])
                    if (p.Name)
                        found.set(p.Name, p.KeyId ? { keyId: p.KeyId } : {});
                token = out.NextToken;
            } while (token);
        }
        catch (e) {
            if (isUnread(e)) {
                findings.push(deniedFinding('secrets', `${parameters.length} SSM parameter(s)`, 'ssm:DescribeParameters', 'the SSM parameters', e, [...new Set(parameters.flatMap((p) => p.services))].sort()));
                return undefined;
            }
            throw (0,errors/* awsSetupError */.Dw)(e, 'SSM') ?? new Error(`DescribeParameters failed: ${(0,errors/* describeErrorOf */.V9)(e)}`);
        }
    }
    return found;
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ec2/dist-cjs/index.js
var client_ec2_dist_cjs = __webpack_require__(5193);
;// CONCATENATED MODULE: ./packages/aws/src/preflight/subnets.ts




/**
 * The subnets of the services being deployed have a free address for every task the rollout starts beside the
 * running ones (awsvpc: one elastic network interface, so one address, per task). Services that share subnets share
 * their free addresses, so the surge is summed per set of subnets (the service's networkConfiguration).
 */
async function checkSubnets(targets, ec2) {
    const groups = new Map();
    for (const t of targets) {
        const subnets = [...(t.ecsService.networkConfiguration?.awsvpcConfiguration?.subnets ?? [])].sort();
        if (subnets.length === 0)
            continue;
        const extraTasks = Math.max(0, rolloutSurge(t).peakTasks - (t.ecsService.runningCount ?? 0));
        const key = subnets.join(',');
        const group = groups.get(key) ?? { subnets, extraTasks: 0, services: [] };
        group.extraTasks += extraTasks;
        group.services.push(t.name);
        groups.set(key, group);
    }
    if (groups.size === 0)
        return [];
    const ids = [...new Set([...groups.values()].flatMap((g) => g.subnets))].sort();
    const findings = [];
    let subnets;
    try {
        subnets = await describeSubnets(ec2, ids);
    }
    catch (e) {
        if (isUnread(e))
            return [deniedFinding('subnets', listOf(ids), 'ec2:DescribeSubnets', 'free IP addresses', e, [...groups.values()].flatMap((g) => g.services))];
        throw (0,errors/* awsSetupError */.Dw)(e, 'EC2') ?? new Error(`DescribeSubnets failed: ${(0,errors/* describeErrorOf */.V9)(e)}`);
    }
    for (const group of groups.values()) {
        const missing = group.subnets.filter((id) => !subnets.has(id));
        for (const id of missing)
            findings.push({ check: 'subnets', status: 'fail', resource: id, message: `subnet not found: the services' network configuration names a subnet that does not exist (apply Terraform)`, services: group.services });
        const present = group.subnets.filter((id) => subnets.has(id));
        if (present.length === 0)
            continue;
        const free = present.reduce((n, id) => n + (subnets.get(id).AvailableIpAddressCount ?? 0), 0);
        const resource = present.join(', ');
        const detail = `${free} free address(es) in ${present.length} subnet(s) for ${group.extraTasks} task(s) the rollout of ${listOf(group.services)} starts`;
        if (group.extraTasks > free)
            findings.push({ check: 'subnets', status: 'fail', resource, message: `too few addresses: ${detail}; free addresses (stop unused tasks or interfaces) or add larger subnets`, services: group.services });
        else
            findings.push({ check: 'subnets', status: 'pass', resource, message: detail, services: group.services });
    }
    return findings;
}
/** The subnets that exist among `ids`. One call normally; when one id is unknown EC2 refuses the whole call, so each is then asked alone. */
async function describeSubnets(ec2, ids) {
    const found = new Map();
    try {
        for (const s of (await ec2.send(new client_ec2_dist_cjs/* DescribeSubnetsCommand */.jSW({ SubnetIds: ids }))).Subnets ?? [])
            found.set(s.SubnetId, s);
        return found;
    }
    catch (e) {
        if (errorName(e) !== 'InvalidSubnetID.NotFound')
            throw e;
    }
    for (const id of ids) {
        try {
            for (const s of (await ec2.send(new client_ec2_dist_cjs/* DescribeSubnetsCommand */.jSW({ SubnetIds: [id] }))).Subnets ?? [])
                found.set(s.SubnetId, s);
        }
        catch (e) {
            if (errorName(e) !== 'InvalidSubnetID.NotFound')
                throw e;
        }
    }
    return found;
}

// EXTERNAL MODULE: ./packages/catalog/src/settings.ts
var src_settings = __webpack_require__(1214);
// EXTERNAL MODULE: ./packages/catalog/src/errors.ts
var src_errors = __webpack_require__(2332);
// EXTERNAL MODULE: ./packages/graph/src/plan.ts
var plan = __webpack_require__(5517);
// EXTERNAL MODULE: ./packages/aws/src/ecs/render.ts
var ecs_render = __webpack_require__(2515);
// EXTERNAL MODULE: ./packages/aws/src/ecs/rollout.ts
var rollout = __webpack_require__(3274);
;// CONCATENATED MODULE: ./packages/aws/src/preflight/targets.ts








const DEFAULT_PREFLIGHT_CONCURRENCY = 10;
/**
 * The services as the deploy would find them (DescribeServices, 10 a call) and the task definition it would register
 * for each (renderTaskDefinition over the same base revision), so every later check judges exactly what the deploy
 * would run. A service that is missing, inactive, or whose task definition cannot be rendered is a failing finding.
 */
async function readPreflightTargets(request, ecs) {
    const findings = [];
    const targets = [];
    if (request.services.length === 0)
        return { targets, findings };
    let described;
    try {
        described = await (0,rollout/* describeServicesInBatches */.Zs)(ecs, request.cluster, request.services);
    }
    catch (e) {
        if (isUnread(e))
            return { targets, findings: [deniedFinding('services', `cluster ${request.cluster}`, 'ecs:DescribeServices', 'every service (and so every other check)', e, request.services)] };
        if (errorName(e) === 'ClusterNotFoundException') {
            return { targets, findings: [{ check: 'services', status: 'fail', resource: `cluster ${request.cluster}`, message: `ECS cluster '${request.cluster}' not found in ${request.region}: check cluster of environment ${request.environment.name} (${request.environment.file}) or --cluster`, services: request.services }] };
        }
        throw (0,errors/* awsSetupError */.Dw)(e, `ECS (cluster '${request.cluster}')`) ?? e;
    }
    const byName = new Map(described.services.map((s) => [s.serviceName, s]));
    await (0,ecs_concurrency/* mapWithConcurrency */.WS)(request.services, request.concurrency ?? DEFAULT_PREFLIGHT_CONCURRENCY, async (name) => {
        const ecsService = byName.get(name);
        const resource = `service ${name}`;
        if (!ecsService) {
            findings.push({ check: 'services', status: 'fail', resource, message: `not found in ECS cluster '${request.cluster}': create it first (Terraform module ecs-service)`, services: [name] });
            return;
        }
        if (ecsService.status !== 'ACTIVE') {
            findings.push({ check: 'services', status: 'fail', resource, message: `ECS service is ${ecsService.status}: it cannot be deployed`, services: [name] });
            return;
        }
        const service = (0,plan/* resolveServiceName */.fV)(request.catalog, name);
        const settings = (0,src_settings/* serviceSettings */.xw)(request.catalog, service, request.environment);
        try {
            const { base, running } = await baseAndRunning(ecs, ecsService.taskDefinition, settings.containerName);
            const next = (0,ecs_render/* renderTaskDefinition */.P9)({ base, running, service: name, image: request.images[name], settings });
            targets.push({ name, service, settings, ecsService, running, next });
            findings.push({ check: 'services', status: 'pass', resource, message: `runs ${ecsService.taskDefinition.replace(/^.*task-definition\//, '')} (${ecsService.runningCount ?? 0}/${ecsService.desiredCount ?? 0} tasks)`, services: [name] });
        }
        catch (e) {
            if (isUnread(e))
                findings.push(deniedFinding('services', resource, 'ecs:DescribeTaskDefinition', 'its task definition (and the checks that read it)', e, [name]));
            else if ((0,src_errors/* isConfigurationError */.p0)(e))
                findings.push({ check: 'services', status: 'fail', resource, message: e.message, services: [name] });
            else
                throw (0,errors/* awsSetupError */.Dw)(e, 'ECS') ?? e;
        }
    });
    targets.sort((a, b) => a.name.localeCompare(b.name));
    return { targets, findings };
}
/** The rule of the deploy (chooseBaseRevision), without its log lines and with preflight's own error handling. */
function baseAndRunning(ecs, previous, containerName) {
    return (0,ecs_render/* chooseBaseRevision */.Qf)(previous, containerName, async (ref, missingIsUndefined) => {
        try {
            return (await ecs.send(new dist_cjs/* DescribeTaskDefinitionCommand */.Zy$({ taskDefinition: ref }))).taskDefinition;
        }
        catch (e) {
            if (missingIsUndefined && errorName(e) === 'ClientException')
                return undefined;
            throw e;
        }
    });
}

;// CONCATENATED MODULE: ./packages/aws/src/preflight/index.ts
/**
 * Preflight: read-only checks that predict a deploy's failures before anything is written (issue 17).
 *
 *   runPreflight(request: PreflightRequest, effects: { clients: PreflightClients; log }): Promise<PreflightReport>
 *
 * Each check returns findings { check, status: pass|fail|warn|unknown, resource, message, services? }; a read that
 * AWS denies is 'unknown' naming the missing permission (never a pass, never a crash). The report fails when any
 * finding fails. `tierdeploy preflight`, `tierdeploy deploy` and ecs-deploy (input `preflight`) run it.
 */
















/**
 * The services of a plan that a deploy changes through ECS, in plan order: what preflight checks. Infrastructure and
 * libraries are not deployed; `deployVia: cloudformation` services are changed by their stack, not a task definition.
 */
function preflightServices(catalog, plan) {
    return plan.tiers.flatMap((t) => t.waves.flat()).filter((n) => {
        const s = catalog.services.get(n);
        return s?.kind === 'service' && s.deployVia !== 'cloudformation';
    });
}
/**
 * Runs every check on the services as the deploy would change them (readPreflightTargets renders their task
 * definitions with the deploy's own renderTaskDefinition). Only reads: Describe*, List*, BatchGetImage, GetServiceQuota,
 * SimulatePrincipalPolicy. Set-up errors (no credentials, no network) throw; denied reads become 'unknown' findings.
 */
async function runPreflight(request, effects) {
    const { clients } = effects;
    const { environment, region, cluster } = request;
    const concurrency = request.concurrency ?? DEFAULT_PREFLIGHT_CONCURRENCY;
    const { targets, findings } = await readPreflightTargets(request, clients.ecs);
    const checked = await Promise.all([
        checkImages(targets, environment, region, clients.ecr, concurrency),
        (async () => {
            const secrets = await checkSecrets(targets, environment, region, clients, concurrency);
            return [...secrets.findings, ...(await checkExecutionRoles(targets, environment, region, secrets.resources, clients.iam))];
        })(),
        checkFargateQuota(targets, cluster, clients),
        checkSubnets(targets, clients.ec2),
        checkRouting(targets, clients.elb),
        checkCapacityProviders(targets, cluster, clients.ecs),
    ]);
    const all = (0,render/* sortFindings */.Tc)([...findings, ...checked.flat()]);
    const report = { ok: !all.some((f) => f.status === 'fail'), environment: environment.name, cluster, services: [...request.services], findings: all };
    effects.log.debug(`preflight: ${all.length} finding(s) for ${request.services.length} service(s)`);
    return report;
}
/**
 * The clients preflight reads with, in the environment's region: the ones given (tests, or the deploy's own ECS and
 * ECR clients) and new ones for the rest. `destroy` closes only the ones made here.
 */
async function makePreflightClients(options, given = {}) {
    const made = [];
    const use = async (client, make) => {
        if (client)
            return client;
        const created = await make();
        made.push(created);
        return created;
    };
    const clients = {
        ecs: await use(given.ecs, () => (0,client/* makeEcsClient */.r)(options)),
        ecr: await use(given.ecr, () => (0,client_config/* makeEcrClient */.mg)(options)),
        secretsManager: await use(given.secretsManager, () => (0,client_config/* makeSecretsManagerClient */.C4)(options)),
        ssm: await use(given.ssm, () => (0,client_config/* makeSsmClient */.PA)(options)),
        iam: await use(given.iam, () => (0,client_config/* makeIamClient */.$I)(options)),
        serviceQuotas: await use(given.serviceQuotas, () => (0,client_config/* makeServiceQuotasClient */.K4)(options)),
        ec2: await use(given.ec2, () => (0,client_config/* makeEc2Client */.Iv)(options)),
        elb: await use(given.elb, () => (0,client_config/* makeElbClient */.Tw)(options)),
    };
    return { clients, destroy: () => made.forEach((c) => c.destroy()) };
}


/***/ }),

/***/ 6170:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  jb: () => (/* binding */ preflightVerdict),
  _O: () => (/* binding */ renderPreflight),
  Tc: () => (/* binding */ sortFindings)
});

;// CONCATENATED MODULE: ./packages/aws/src/preflight/types.ts
/** The checks, in the order a report lists them. */
const PREFLIGHT_CHECKS = ['services', 'images', 'secrets', 'permissions', 'quota', 'subnets', 'routing', 'capacity'];
/**
 * - pass: read and found right.
 * - fail: the deploy would fail (or run without what the catalog asks for) for this reason.
 * - warn: worth knowing, not a reason to stop.
 * - unknown: could not be read (a denied permission, named): never a silent pass.
 */
const FINDING_STATUSES = ['fail', 'unknown', 'warn', 'pass'];

;// CONCATENATED MODULE: ./packages/aws/src/preflight/render.ts

const ICON = { pass: '\u2705', fail: '\u274c', warn: '\u26a0\ufe0f', unknown: '\u2754' };
/** Findings in report order: by check, then failures first, then by resource. */
function sortFindings(findings) {
    const rank = (f) => [PREFLIGHT_CHECKS.indexOf(f.check), FINDING_STATUSES.indexOf(f.status)];
    return [...findings].sort((a, b) => {
        const [ca, sa] = rank(a);
        const [cb, sb] = rank(b);
        return ca - cb || sa - sb || a.resource.localeCompare(b.resource);
    });
}
/** "preflight failed: 2 fail, 1 unknown, 14 pass" */
function preflightVerdict(report) {
    const counts = FINDING_STATUSES.map((s) => [s, report.findings.filter((f) => f.status === s).length]).filter(([, n]) => n > 0);
    const tally = counts.map(([s, n]) => `${n} ${s}`).join(', ') || 'nothing to check';
    return `preflight of ${report.environment} (cluster ${report.cluster}, ${report.services.length} service(s)) ${report.ok ? 'passed' : 'failed'}: ${tally}`;
}
function cell(text) {
    return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
/**
 * The report as a terminal table or a Markdown table (job summary). `onlyProblems` leaves out the passes, as a
 * deploy prints it: what would fail, and what could not be checked.
 */
function renderPreflight(report, format, options = {}) {
    const findings = sortFindings(report.findings).filter((f) => !options.onlyProblems || f.status !== 'pass');
    if (format === 'markdown') {
        const lines = [
            `### ${report.ok ? '\u2705' : '\u274c'} ${preflightVerdict(report)}`,
            '',
            ...(findings.length
                ? ['| check | status | resource | services | finding |', '|---|---|---|---|---|', ...findings.map((f) => `| ${f.check} | ${ICON[f.status]} ${f.status} | ${cell(f.resource)} | ${cell((f.services ?? []).join(', '))} | ${cell(f.message)} |`)]
                : []),
        ];
        return `${lines.join('\n')}\n`;
    }
    const head = ['CHECK', 'STATUS', 'RESOURCE', 'SERVICES', 'FINDING'];
    const rows = findings.map((f) => [f.check, f.status.toUpperCase(), f.resource, (f.services ?? []).join(','), f.message]);
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const fmt = (r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('  ').trimEnd();
    return [...(rows.length ? [fmt(head), ...rows.map(fmt), ''] : []), preflightVerdict(report)].join('\n');
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
/* harmony export */   readImages: () => (/* binding */ readImages),
/* harmony export */   run: () => (/* binding */ run),
/* harmony export */   runDeploy: () => (/* binding */ runDeploy),
/* harmony export */   usage: () => (/* binding */ usage)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_readline_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6848);
/* harmony import */ var node_readline_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_readline_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _tierdeploy_aws__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(4173);
/* harmony import */ var _tierdeploy_aws__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(752);
/* harmony import */ var _tierdeploy_aws__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(6076);
/* harmony import */ var _tierdeploy_aws__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(1294);
/* harmony import */ var _tierdeploy_aws__WEBPACK_IMPORTED_MODULE_15__ = __webpack_require__(9648);
/* harmony import */ var _tierdeploy_aws__WEBPACK_IMPORTED_MODULE_16__ = __webpack_require__(5439);
/* harmony import */ var _tierdeploy_aws__WEBPACK_IMPORTED_MODULE_17__ = __webpack_require__(4379);
/* harmony import */ var _tierdeploy_aws__WEBPACK_IMPORTED_MODULE_21__ = __webpack_require__(3522);
/* harmony import */ var _tierdeploy_aws__WEBPACK_IMPORTED_MODULE_22__ = __webpack_require__(9161);
/* harmony import */ var _tierdeploy_aws__WEBPACK_IMPORTED_MODULE_25__ = __webpack_require__(758);
/* harmony import */ var _tierdeploy_aws_preflight__WEBPACK_IMPORTED_MODULE_18__ = __webpack_require__(3432);
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7743);
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(2332);
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(9094);
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(1333);
/* harmony import */ var _tierdeploy_changes__WEBPACK_IMPORTED_MODULE_24__ = __webpack_require__(6441);
/* harmony import */ var _tierdeploy_graph__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(5517);
/* harmony import */ var _tierdeploy_graph__WEBPACK_IMPORTED_MODULE_23__ = __webpack_require__(1742);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7109);
/* harmony import */ var _cli_io_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7801);
/* harmony import */ var _progress_js__WEBPACK_IMPORTED_MODULE_20__ = __webpack_require__(4007);
/* harmony import */ var _selection_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7124);
/* harmony import */ var _preflight_js__WEBPACK_IMPORTED_MODULE_19__ = __webpack_require__(2058);
// Loaded only for `tierdeploy deploy` (commands/index.ts imports it lazily): the only CLI file that loads the AWS SDK.













const usage = [
    'tierdeploy deploy --env ENV (--tier N|all | --services A,B | --service A) [--with-dependencies] [--images FILE] [--dry-run]',
    '                  [--catalog DIR] [--cluster NAME] [--region REGION] [--commit SHA] [--timeout-minutes N] [--no-rollback] [--no-preflight] [--yes] [--verbose]',
    '                  [--quiet | --json]',
    '       tierdeploy deploy --rollback SERVICE --version previous|REVISION|COMMIT --env ENV [--cluster NAME] [--region REGION] [--dry-run] [--yes]',
    '',
    '  --images FILE     JSON object, service -> REPOSITORY@sha256:DIGEST (build-push\'s images output). Services',
    '                    without an image keep theirs; only their catalog environment and secrets are applied.',
    '  --dry-run         print each service\'s task-definition change; no write call to AWS.',
    '  --no-rollback     on failure, leave services as they are instead of putting them back.',
    '  --no-preflight    skip the read-only checks (tierdeploy preflight) a deploy, dry runs included, runs first;',
    '                    a failing check stops the deploy before any write.',
    '  --commit SHA      the commit the registered revisions are tagged with (tierdeploy:commit), what',
    '                    --rollback SERVICE --version SHA finds later. Default: GITHUB_SHA in GitHub Actions, else',
    '                    the HEAD commit of the repository holding the catalog (refused outside a git repository).',
    '  --yes             deploy to an environment with requireApproval: true without asking. Without it such a',
    '                    deploy shows its plan and asks for confirmation, and is refused when not in a terminal.',
    '  --region REGION   overrides the environment file\'s region; AWS_REGION is used only when the file has none.',
    '  --quiet           no progress: only warnings, errors and the result table.',
    '  --json            progress as newline-delimited JSON events on stdout, ending with one {"type":"result"} event',
    '                    (ok, results, diffs) instead of the table. Without either: a live view in a terminal, one',
    '                    line per state change otherwise (in ::group:: blocks when GITHUB_ACTIONS=true).',
    '  --health-check [--promote-to-production]   run tierdeploy health on --env; with --promote-to-production, run',
    '                    tierdeploy promote from --env (or production\'s promotesFrom) to production instead.',
].join('\n');
async function run(args, io) {
    return runDeploy(args, io);
}
async function runDeploy(args, io, deps = {}) {
    const { values } = (0,_args_js__WEBPACK_IMPORTED_MODULE_3__/* .parseFlags */ .bQ)(args, {
        catalog: { type: 'string' },
        env: { type: 'string' },
        images: { type: 'string' },
        'dry-run': { type: 'boolean' },
        cluster: { type: 'string' },
        region: { type: 'string' },
        commit: { type: 'string' },
        'timeout-minutes': { type: 'string' },
        'no-rollback': { type: 'boolean' },
        'no-preflight': { type: 'boolean' },
        rollback: { type: 'string' },
        version: { type: 'string' },
        verbose: { type: 'boolean' },
        quiet: { type: 'boolean' },
        json: { type: 'boolean' },
        'health-check': { type: 'boolean' },
        'promote-to-production': { type: 'boolean' },
        yes: { type: 'boolean' },
        ..._selection_js__WEBPACK_IMPORTED_MODULE_4__/* .selectionOptions */ .lo,
    });
    // The requested interface: `deploy --health-check --promote-to-production` is `promote` to the production
    // environment, and `deploy --health-check` alone is `health`. Both always run the health gate.
    if (values['promote-to-production'])
        return promoteToProduction(values, io);
    if (values['health-check'])
        return forward('health', [...passThrough(values, ['catalog', 'env', 'tier', 'services', 'service', 'cluster', 'region', 'verbose'])], io);
    const envName = (0,_args_js__WEBPACK_IMPORTED_MODULE_3__/* .stringFlag */ .AM)(values, 'env');
    if (!envName)
        throw new _cli_io_js__WEBPACK_IMPORTED_MODULE_5__/* .UsageError */ .e('--env ENV is required');
    const rollbackService = (0,_args_js__WEBPACK_IMPORTED_MODULE_3__/* .stringFlag */ .AM)(values, 'rollback');
    const version = (0,_args_js__WEBPACK_IMPORTED_MODULE_3__/* .stringFlag */ .AM)(values, 'version');
    if (rollbackService === undefined && version !== undefined)
        throw new _cli_io_js__WEBPACK_IMPORTED_MODULE_5__/* .UsageError */ .e('--version goes with --rollback SERVICE');
    if (rollbackService !== undefined && (values.tier !== undefined || values.services !== undefined || values.service !== undefined || values.images !== undefined)) {
        throw new _cli_io_js__WEBPACK_IMPORTED_MODULE_5__/* .UsageError */ .e('--rollback SERVICE takes no --tier, --services, --service or --images');
    }
    if (values.quiet && values.json)
        throw new _cli_io_js__WEBPACK_IMPORTED_MODULE_5__/* .UsageError */ .e('--quiet and --json do not go together: --json already prints only events');
    const timeoutText = (0,_args_js__WEBPACK_IMPORTED_MODULE_3__/* .stringFlag */ .AM)(values, 'timeout-minutes') ?? '15';
    if (!/^\d+$/.test(timeoutText) || Number(timeoutText) < 1 || Number(timeoutText) > 180)
        throw new _cli_io_js__WEBPACK_IMPORTED_MODULE_5__/* .UsageError */ .e(`--timeout-minutes must be a whole number from 1 to 180, got '${timeoutText}'`);
    const timeoutMs = Number(timeoutText) * 60_000;
    const { catalog, warnings } = await (0,_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_6__/* .loadCatalog */ .a)({ dir: (0,_args_js__WEBPACK_IMPORTED_MODULE_3__/* .stringFlag */ .AM)(values, 'catalog') ?? 'catalog', ...(0,_cli_io_js__WEBPACK_IMPORTED_MODULE_5__/* .catalogLoadOptions */ .W)(io) });
    for (const w of warnings)
        io.stderr((0,_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_7__/* .formatProblem */ .Vw)(w));
    const environment = (0,_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_8__/* .environmentNamed */ .b)(catalog, envName);
    const region = (0,_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_9__/* .regionFor */ .e)(environment, { override: (0,_args_js__WEBPACK_IMPORTED_MODULE_3__/* .stringFlag */ .AM)(values, 'region'), overrideName: '--region', env: io.env });
    const cluster = await (0,_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_10__/* .clusterFor */ .uM)(environment, (0,_args_js__WEBPACK_IMPORTED_MODULE_3__/* .stringFlag */ .AM)(values, 'cluster'), '--cluster', { cloudformation: async () => deps.cloudformation ?? (0,_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_10__/* .makeCloudFormationClient */ .O6)(region) });
    const log = (0,_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_11__/* .streamLogger */ .VO)(io.stderr, values.verbose === true);
    const clock = deps.clock ?? _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_11__/* .systemClock */ .ml;
    const ecs = deps.ecs ?? (0,_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_12__/* .makeEcsClient */ .r)({ region });
    const effects = { ecs, clock, log };
    const dryRun = values['dry-run'] === true;
    // A dry run writes nothing, so it needs no confirmation.
    const approval = environment.requireApproval === true && !dryRun && values.yes !== true;
    const terminal = deps.terminal ?? { input: process.stdin, output: process.stdout };
    try {
        // Before the first call that could write (and before a dry run reads what it would change): credentials of another
        // account than the environment's are refused here, whatever the mode.
        await (0,_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_13__/* .verifyCallerAccount */ .sq)(environment, { sts: deps.sts, region }, log);
        if (rollbackService !== undefined) {
            const service = (0,_tierdeploy_graph__WEBPACK_IMPORTED_MODULE_14__/* .resolveServiceName */ .fV)(catalog, rollbackService);
            if (service.deployVia === 'cloudformation')
                throw new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_7__/* .ConfigurationError */ .j1(`${service.name} is deployed via CloudFormation stack ${service.cloudformation?.stack}: roll it back by deploying its previous image`);
            const target = (0,_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_15__/* .parseRollbackVersion */ .QZ)(version ?? 'previous', '--version');
            if (approval) {
                refuseWithoutTerminal(environment, terminal);
                const { current, target: to } = await (0,_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_16__/* .resolveRollbackTarget */ .aD)(service.name, target, { cluster }, effects);
                if (!(await confirm(`${service.name}: roll back ${current} -> ${to}`, environment, terminal, io)))
                    return notConfirmed(environment, io);
            }
            if (values['dry-run']) {
                const { current, target: to } = await (0,_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_16__/* .resolveRollbackTarget */ .aD)(service.name, target, { cluster }, effects);
                io.stdout(`${service.name}: would roll back ${current} -> ${to}`);
                return 0;
            }
            const result = await (0,_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_16__/* .rollBackService */ .Gg)(service.name, target, { cluster, timeoutMs }, effects);
            io.stdout((0,_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_17__/* .renderEcsResultText */ ._E)([result]));
            return result.status === 'rolled-back' ? 0 : 1;
        }
        const plan = (0,_tierdeploy_graph__WEBPACK_IMPORTED_MODULE_14__/* .resolveDeployWaves */ ._j)(catalog, (0,_selection_js__WEBPACK_IMPORTED_MODULE_4__/* .selectionFromFlags */ ._G)(values), environment);
        const images = readImages(catalog, (0,_args_js__WEBPACK_IMPORTED_MODULE_3__/* .stringFlag */ .AM)(values, 'images'), io.cwd);
        const commitSha = await deployCommit((0,_args_js__WEBPACK_IMPORTED_MODULE_3__/* .stringFlag */ .AM)(values, 'commit'), io.env, catalog, dryRun);
        if (!values.images)
            log.warning('no --images: every service keeps its running image; the catalog settings (cpu, memory, environment, secrets, port) are applied');
        if (approval)
            refuseWithoutTerminal(environment, terminal);
        if (values['no-preflight'] !== true) {
            const request = { catalog, environment, cluster, region, services: (0,_tierdeploy_aws_preflight__WEBPACK_IMPORTED_MODULE_18__/* .preflightServices */ .AV)(catalog, plan), images };
            if (!(await (0,_preflight_js__WEBPACK_IMPORTED_MODULE_19__.preflightBeforeDeploy)(request, { io, log, region, clients: { ecs, ...(deps.ecr ? { ecr: deps.ecr } : {}), ...deps.preflight } })))
                return 1;
        }
        const deployId = `cli-${new Date(clock.now()).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}`;
        const needsStacks = Object.keys(plan.nodes).some((n) => catalog.services.get(n)?.deployVia === 'cloudformation');
        const cloudformation = deps.cloudformation ?? (needsStacks ? await (0,_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_10__/* .makeCloudFormationClient */ .O6)(region) : undefined);
        const renderer = (0,_progress_js__WEBPACK_IMPORTED_MODULE_20__.progressRendererFor)(io, { json: values.json === true, quiet: values.quiet === true });
        const deploy = (asDryRun) => (0,_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_21__/* .deployPlan */ .L)({
            plan,
            catalog,
            environment,
            cluster,
            images,
            ...(commitSha ? { commitSha } : {}),
            deployId,
            dryRun: asDryRun,
            rollbackOnFailure: values['no-rollback'] !== true,
            serviceTimeoutMs: timeoutMs,
            region,
        }, {
            ...effects,
            ...(cloudformation ? { cloudformation } : {}),
            ecr: async () => deps.ecr ?? (0,_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_22__/* .makeEcrClient */ .mg)({ region }),
            // A dry run only reads: its log says what it found. A deploy shows its progress instead.
            ...(asDryRun ? {} : { log: (0,_progress_js__WEBPACK_IMPORTED_MODULE_20__.progressLogger)(renderer, values.verbose === true), progress: (e) => renderer.event(e) }),
        }).finally(() => renderer.close());
        if (approval) {
            // The plan the reviewer confirms is the dry run's: every service and its task-definition change.
            const preview = await deploy(true);
            if (preview.results.length > 0) {
                const summary = `${(0,_tierdeploy_graph__WEBPACK_IMPORTED_MODULE_23__/* .renderPlanText */ .$D)(plan)}\n${renderDryRun(preview.results, preview.diffs).join('\n')}`;
                if (!(await confirm(summary, environment, terminal, io)))
                    return notConfirmed(environment, io);
            }
        }
        const { results, ok, diffs } = await deploy(dryRun);
        if (values.json) {
            io.stdout(JSON.stringify({ type: 'result', ok, results, diffs }));
            return ok ? 0 : 1;
        }
        if (dryRun)
            for (const line of renderDryRun(results, diffs))
                io.stdout(line);
        if (results.length === 0) {
            io.stdout('nothing to deploy to ECS in this selection');
            return 0;
        }
        if (!values['dry-run'])
            io.stdout((0,_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_17__/* .renderEcsResultText */ ._E)(results));
        return ok ? 0 : 1;
    }
    finally {
        if (!deps.ecs)
            ecs.destroy();
    }
}
/** Each service's line of a dry run: its task-definition change, or its status. */
function renderDryRun(results, diffs) {
    return results.map((r) => {
        const diff = diffs[r.service];
        return diff ? `${r.service}: would register a new revision of ${r.previousTaskDefinition ? (0,_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_17__/* .shortTaskDefinition */ .P5)(r.previousTaskDefinition) : '?'}\n  ${diff.join('\n  ')}` : `${r.service}: ${r.status}${r.reason ? ` (${r.reason})` : ''}`;
    });
}
/**
 * The commit the registered revisions are tagged with (TAG_COMMIT), so `--rollback SERVICE --version SHA` finds them:
 * --commit, else GITHUB_SHA (the workflow's commit), else the HEAD of the repository holding the catalog. Outside a
 * repository a deploy is refused rather than registering revisions no commit rollback could find; a dry run registers
 * nothing and needs none.
 */
async function deployCommit(flag, env, catalog, dryRun) {
    const given = flag ?? env.GITHUB_SHA;
    if (given !== undefined) {
        if (!/^[0-9a-f]{7,40}$/i.test(given))
            throw new _cli_io_js__WEBPACK_IMPORTED_MODULE_5__/* .UsageError */ .e(`--commit must be a commit SHA (7 to 40 hex characters), got '${given}'`);
        return given.toLowerCase();
    }
    if (dryRun)
        return undefined;
    const head = await new _tierdeploy_changes__WEBPACK_IMPORTED_MODULE_24__/* .Git */ .TU((0,_tierdeploy_changes__WEBPACK_IMPORTED_MODULE_24__/* .gitRunner */ .XZ)(catalog.root, env)).commitOf('HEAD');
    if (head)
        return head;
    throw new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_7__/* .ConfigurationError */ .j1(`${catalog.root} is not in a git repository with a commit, so the revisions this deploy registers could not be tagged with their commit (${_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_25__/* .TAG_COMMIT */ .rJ}) for --rollback SERVICE --version SHA: run in a clone of the repository, or give --commit SHA`);
}
/** Without a terminal to ask in, a deploy to a requireApproval environment needs --yes: say so before any write. */
function refuseWithoutTerminal(environment, terminal) {
    if (terminal.input.isTTY && terminal.output.isTTY)
        return;
    throw new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_7__/* .ConfigurationError */ .j1(`environment ${environment.name} sets requireApproval: true (${environment.file}), and there is no terminal to confirm in: run in a terminal to confirm the plan, or pass --yes to deploy without asking`);
}
/** Shows what is about to happen and asks; only "y" or "yes" confirms (an empty answer or end of input does not). */
async function confirm(summary, environment, terminal, io) {
    io.stdout(summary);
    const prompt = (0,node_readline_promises__WEBPACK_IMPORTED_MODULE_2__.createInterface)({ input: terminal.input, output: terminal.output, terminal: false });
    try {
        const closed = new Promise((resolve) => prompt.once('close', () => resolve('')));
        const answer = await Promise.race([prompt.question(`Environment ${environment.name} requires approval (requireApproval: true). Deploy? [y/N] `), closed]);
        return /^y(es)?$/i.test(answer.trim());
    }
    finally {
        prompt.close();
    }
}
function notConfirmed(environment, io) {
    io.stderr(`not confirmed: nothing was deployed to ${environment.name}`);
    return 1;
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
    const { catalog } = await (0,_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_6__/* .loadCatalog */ .a)({ dir: (0,_args_js__WEBPACK_IMPORTED_MODULE_3__/* .stringFlag */ .AM)(values, 'catalog') ?? 'catalog', ...(0,_cli_io_js__WEBPACK_IMPORTED_MODULE_5__/* .catalogLoadOptions */ .W)(io) });
    const candidates = catalog.environments.has('production') ? ['production'] : [...catalog.environments.values()].filter(_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_8__/* .isProductionLike */ .r).map((e) => e.name);
    if (candidates.length !== 1) {
        throw new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_7__/* .ConfigurationError */ .j1(`--promote-to-production needs one production environment; ${catalog.dir}/environments has ${candidates.length ? candidates.join(', ') : 'none'} (use tierdeploy promote --to ENV)`);
    }
    const from = (0,_args_js__WEBPACK_IMPORTED_MODULE_3__/* .stringFlag */ .AM)(values, 'env');
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
        throw new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_7__/* .ConfigurationError */ .j1(`--images ${file}: ${e.code === 'ENOENT' ? 'no such file' : `not valid JSON (${e.message})`}`);
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
        throw new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_7__/* .ConfigurationError */ .j1(`--images ${file} must hold a JSON object, service -> REPOSITORY@sha256:DIGEST`);
    const images = {};
    for (const [name, image] of Object.entries(parsed)) {
        const service = (0,_tierdeploy_graph__WEBPACK_IMPORTED_MODULE_14__/* .resolveServiceName */ .fV)(catalog, name);
        if (typeof image !== 'string' || !(0,_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_15__/* .isDigestImage */ .SN)(image))
            throw new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_7__/* .ConfigurationError */ .j1(`--images ${file}: the image of ${name} must be pinned by digest (REPOSITORY@sha256:<64 hex>), got ${JSON.stringify(image)}`);
        images[service.name] = image;
    }
    return images;
}


/***/ }),

/***/ 2058:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   preflightBeforeDeploy: () => (/* binding */ preflightBeforeDeploy),
/* harmony export */   run: () => (/* binding */ run),
/* harmony export */   runPreflightCommand: () => (/* binding */ runPreflightCommand),
/* harmony export */   usage: () => (/* binding */ usage)
/* harmony export */ });
/* harmony import */ var _tierdeploy_aws__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(4173);
/* harmony import */ var _tierdeploy_aws__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(752);
/* harmony import */ var _tierdeploy_aws__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(1294);
/* harmony import */ var _tierdeploy_aws_preflight__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(3432);
/* harmony import */ var _tierdeploy_aws_preflight__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(6170);
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7743);
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2332);
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9094);
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(1333);
/* harmony import */ var _tierdeploy_graph__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(5517);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7109);
/* harmony import */ var _cli_io_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7801);
/* harmony import */ var _selection_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7124);
/* harmony import */ var _deploy_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(5942);








const usage = [
    'tierdeploy preflight --env ENV [--tier N|all | --services A,B | --service A] [--with-dependencies] [--images FILE]',
    '                     [--catalog DIR] [--cluster NAME] [--region REGION] [--format table|markdown|json] [--verbose]',
    '',
    '  Read-only checks that predict what a deploy of the selection would fail on, before anything is written: each',
    '  image exists (or is replicated into the environment\'s registry), each secret and parameter exists in the',
    '  environment\'s account and region, the execution role may pull and read them (IAM policy simulation), the',
    '  Fargate vCPU quotas and the subnets\' free addresses cover the rollout surge, routed services have their target',
    '  groups, health-check path and listener rules, and the cluster has the capacity providers asked for. A denied',
    '  read is reported as unknown, naming the permission. Default selection: every service ENV enables.',
    '  --images FILE     as for deploy: the images to check; services without one are checked on their running image.',
    '  Exit code 1 when any check fails.',
].join('\n');
const FORMATS = ['table', 'markdown', 'json'];
async function run(args, io) {
    return runPreflightCommand(args, io);
}
async function runPreflightCommand(args, io, deps = {}) {
    const { values } = (0,_args_js__WEBPACK_IMPORTED_MODULE_0__/* .parseFlags */ .bQ)(args, {
        catalog: { type: 'string' },
        env: { type: 'string' },
        images: { type: 'string' },
        cluster: { type: 'string' },
        region: { type: 'string' },
        format: { type: 'string' },
        verbose: { type: 'boolean' },
        ..._selection_js__WEBPACK_IMPORTED_MODULE_1__/* .selectionOptions */ .lo,
    });
    const envName = (0,_args_js__WEBPACK_IMPORTED_MODULE_0__/* .stringFlag */ .AM)(values, 'env');
    if (envName === undefined)
        throw new _cli_io_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .e('--env ENV is required: the environment to check');
    const format = (0,_args_js__WEBPACK_IMPORTED_MODULE_0__/* .stringFlag */ .AM)(values, 'format') ?? 'table';
    if (!FORMATS.includes(format))
        throw new _cli_io_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .e(`--format must be one of ${FORMATS.join(', ')}, got '${format}'`);
    const selection = (0,_selection_js__WEBPACK_IMPORTED_MODULE_1__/* .selectionFromFlags */ ._G)(values);
    const { catalog, warnings } = await (0,_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_3__/* .loadCatalog */ .a)({ dir: (0,_args_js__WEBPACK_IMPORTED_MODULE_0__/* .stringFlag */ .AM)(values, 'catalog') ?? 'catalog', ...(0,_cli_io_js__WEBPACK_IMPORTED_MODULE_2__/* .catalogLoadOptions */ .W)(io) });
    for (const w of warnings)
        io.stderr((0,_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_4__/* .formatProblem */ .Vw)(w));
    const environment = (0,_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_5__/* .environmentNamed */ .b)(catalog, envName);
    const plan = (0,_tierdeploy_graph__WEBPACK_IMPORTED_MODULE_6__/* .resolveDeployWaves */ ._j)(catalog, selection.tier === undefined && selection.services === undefined ? { ...selection, tier: 'all' } : selection, environment);
    const images = (0,_deploy_js__WEBPACK_IMPORTED_MODULE_7__.readImages)(catalog, (0,_args_js__WEBPACK_IMPORTED_MODULE_0__/* .stringFlag */ .AM)(values, 'images'), io.cwd);
    const region = (0,_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_8__/* .regionFor */ .e)(environment, { override: (0,_args_js__WEBPACK_IMPORTED_MODULE_0__/* .stringFlag */ .AM)(values, 'region'), overrideName: '--region', env: io.env });
    const cluster = await (0,_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_9__/* .clusterFor */ .uM)(environment, (0,_args_js__WEBPACK_IMPORTED_MODULE_0__/* .stringFlag */ .AM)(values, 'cluster'), '--cluster', { cloudformation: async () => deps.cloudformation ?? (0,_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_9__/* .makeCloudFormationClient */ .O6)(region) });
    const log = (0,_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_10__/* .streamLogger */ .VO)(io.stderr, values.verbose === true);
    // The same account check as deploy: another account's answers would describe another environment.
    await (0,_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_11__/* .verifyCallerAccount */ .sq)(environment, { sts: deps.sts, region }, log);
    const { clients, destroy } = await (0,_tierdeploy_aws_preflight__WEBPACK_IMPORTED_MODULE_12__/* .makePreflightClients */ .Gv)({ region }, deps.clients);
    try {
        const report = await (0,_tierdeploy_aws_preflight__WEBPACK_IMPORTED_MODULE_12__/* .runPreflight */ .hg)({ catalog, environment, cluster, region, services: (0,_tierdeploy_aws_preflight__WEBPACK_IMPORTED_MODULE_12__/* .preflightServices */ .AV)(catalog, plan), images }, { clients, log });
        io.stdout(format === 'json' ? JSON.stringify(report, null, 2) : (0,_tierdeploy_aws_preflight__WEBPACK_IMPORTED_MODULE_13__/* .renderPreflight */ ._O)(report, format));
        return report.ok ? 0 : 1;
    }
    finally {
        destroy();
    }
}
/**
 * Preflight as `tierdeploy deploy` runs it first (unless --no-preflight), dry runs included: passes print one line
 * (and each warning or unknown) on stderr; a failure prints the problems table on stderr and the deploy stops before
 * any write. Returns whether the deploy may go on.
 */
async function preflightBeforeDeploy(request, options) {
    if (request.services.length === 0)
        return true;
    const { clients, destroy } = await (0,_tierdeploy_aws_preflight__WEBPACK_IMPORTED_MODULE_12__/* .makePreflightClients */ .Gv)({ region: options.region }, options.clients);
    try {
        const report = await (0,_tierdeploy_aws_preflight__WEBPACK_IMPORTED_MODULE_12__/* .runPreflight */ .hg)(request, { clients, log: options.log });
        if (!report.ok) {
            options.io.stderr(`${(0,_tierdeploy_aws_preflight__WEBPACK_IMPORTED_MODULE_13__/* .renderPreflight */ ._O)(report, 'table', { onlyProblems: true })}\nnothing was deployed to ${request.environment.name}: fix the failures above (tierdeploy preflight --env ${request.environment.name} shows every check), or skip the checks with --no-preflight`);
            return false;
        }
        for (const f of report.findings)
            if (f.status === 'warn' || f.status === 'unknown')
                options.log.warning(`preflight ${f.check}: ${f.resource}: ${f.message}`);
        options.log.info((0,_tierdeploy_aws_preflight__WEBPACK_IMPORTED_MODULE_13__/* .preflightVerdict */ .jb)(report));
        return true;
    }
    finally {
        destroy();
    }
}


/***/ }),

/***/ 4007:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   progressLogger: () => (/* binding */ progressLogger),
/* harmony export */   progressRendererFor: () => (/* binding */ progressRendererFor)
/* harmony export */ });
/* unused harmony exports LIVE_ROWS, ttyRenderer, jsonRenderer, quietRenderer */
/* harmony import */ var _tierdeploy_aws__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(400);
// Renders a deploy's progress events (DeployEvent, from @tierdeploy/aws) for a person or a program: the live block
// redrawn in a terminal, NDJSON for scripts, or nothing; the CI-log lines (lineRenderer) live beside the events in
// @tierdeploy/aws, since the ecs-deploy action prints them too. Only event times are used (each event's `at`, on the
// engine's injected clock), so tests replay a scripted sequence and get exact output.

/** Rolling services the terminal view lists (the slowest first); the rest are counted. */
const LIVE_ROWS = 5;
/**
 * A terminal: a compact block redrawn in place (ANSI: cursor up, erase to the end of the screen) under the log
 * lines, each line cut to the terminal's width so none wraps. The block: where the step is, counts of done /
 * rolling / failed / unchanged, and the LIVE_ROWS slowest rollouts with what they wait for. Wave outcomes, failures
 * and log lines are printed above it and stay.
 */
function ttyRenderer(write, options = {}) {
    const state = new _tierdeploy_aws__WEBPACK_IMPORTED_MODULE_0__/* .ProgressState */ .$A();
    let drawn = 0;
    let active = false;
    const width = () => Math.max(20, (options.columns?.() ?? 80) - 1);
    const fit = (text) => (text.length > width() ? `${text.slice(0, width() - 1)}\u2026` : text);
    const erase = () => {
        if (drawn)
            write(`\x1b[${drawn}A\r\x1b[J`);
        drawn = 0;
    };
    const draw = () => {
        if (!active)
            return;
        const rolling = state.rolling();
        const lines = [
            `${state.label()}: ${(0,_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(state.now - state.stepStartedAt)}`,
            `  ${state.count('done')} done, ${rolling.length} rolling, ${state.count('failed')} failed, ${state.count('unchanged')} unchanged`,
            ...rolling.slice(0, LIVE_ROWS).map(([name, t]) => `  ${name}  ${(0,_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(state.now - (t.startedAt ?? state.now))}  ${t.snapshot ? (0,_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_0__/* .describeSnapshot */ .e4)(t.snapshot) : `starting ${t.revision ?? ''}`.trim()}`),
            ...(rolling.length > LIVE_ROWS ? [`  \u2026 and ${rolling.length - LIVE_ROWS} more rolling`] : []),
        ];
        write(`${lines.map(fit).join('\n')}\n`);
        drawn = lines.length;
    };
    const above = (text) => {
        erase();
        write(`${text}\n`);
        draw();
    };
    return {
        event(e) {
            state.apply(e);
            if (e.type === 'step-started')
                active = true;
            const keep = e.type === 'service-failed' || e.type === 'service-write-failed' || e.type === 'wave-done' || e.type === 'rollback-started' || e.type === 'step-done' || (e.type === 'poll' && e.error);
            if (e.type === 'step-done')
                active = false;
            erase();
            if (keep)
                write(`${fit((0,_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_0__/* .lineFor */ .y1)(e, state) ?? '')}\n`);
            draw();
        },
        above,
        close() {
            erase();
            active = false;
        },
    };
}
/** `--json`: every event as one JSON object per line (newline-delimited JSON) on `write`; log lines go to `logs`. */
function jsonRenderer(write, logs) {
    return {
        event: (e) => write(JSON.stringify(e)),
        above: logs,
        close: () => undefined,
    };
}
/** `--quiet`: nothing but what `above` is given (warnings and errors). */
function quietRenderer(write) {
    return { event: () => undefined, above: write, close: () => undefined };
}
/**
 * The renderer for this run: NDJSON on stdout with --json; nothing with --quiet; the live view when stderr is a
 * terminal; lines (in ::group:: blocks when GITHUB_ACTIONS=true) otherwise. Progress goes to stderr so stdout keeps
 * the result table.
 */
function progressRendererFor(io, choice) {
    if (choice.json)
        return jsonRenderer(io.stdout, io.stderr);
    if (choice.quiet)
        return quietRenderer(io.stderr);
    if (io.isTTY && io.stderrRaw)
        return ttyRenderer(io.stderrRaw, { columns: () => io.columns });
    return (0,_tierdeploy_aws__WEBPACK_IMPORTED_MODULE_0__/* .lineRenderer */ ._U)(io.stderr, { groups: io.env.GITHUB_ACTIONS === 'true' });
}
/**
 * The step's logger while a renderer shows its progress: warnings and errors always (printed above the live view),
 * info and debug only with --verbose, since the progress lines say what they said.
 */
function progressLogger(renderer, verbose) {
    return {
        debug: (m) => {
            if (verbose)
                renderer.above(`debug: ${m}`);
        },
        info: (m) => {
            if (verbose)
                renderer.above(m);
        },
        warning: (m) => renderer.above(`warning: ${m}`),
        error: (m) => renderer.above(`error: ${m}`),
    };
}


/***/ }),

/***/ 1742:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $D: () => (/* binding */ renderPlanText),
/* harmony export */   iY: () => (/* binding */ planJson)
/* harmony export */ });
/* unused harmony exports renderPlanTable, renderPlanSummary, DIAGRAM_MAX_NODES, DIAGRAM_MAX_EDGES, DIAGRAM_MAX_WAVES, planDiagramLevel, renderPlanMermaid */
/** The plan for a terminal: tiers, waves, and why each node is included. */
function renderPlanText(plan) {
    if (plan.tiers.length === 0)
        return `Nothing to deploy${plan.environment ? ` to ${plan.environment}` : ''}.\n`;
    const lines = [`Deploy plan${plan.environment ? ` for ${plan.environment}` : ''}: ${Object.keys(plan.nodes).length} node(s) in ${plan.tiers.length} tier(s)`];
    for (const tier of plan.tiers) {
        lines.push('', `Tier ${tier.tier} (${tier.name})`);
        tier.waves.forEach((wave, i) => {
            lines.push(`  wave ${i + 1}`);
            for (const name of wave) {
                const node = plan.nodes[name];
                const kind = node.kind === 'service' ? '' : ` [${node.kind}]`;
                lines.push(`    ${name}${kind}  (${node.reasons.join('; ') || 'selected'})`);
            }
        });
    }
    return `${lines.join('\n')}\n`;
}
function escapeCell(s) {
    return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
function plural(n, word, many = `${word}s`) {
    return `${n.toLocaleString('en-US')} ${n === 1 ? word : many}`;
}
/** The plan as a Markdown table for a job summary. */
function renderPlanTable(plan) {
    if (plan.tiers.length === 0)
        return 'Nothing to deploy.\n';
    const rows = ['| Tier | Wave | Service | Kind | Why |', '| --- | --- | --- | --- | --- |'];
    for (const tier of plan.tiers) {
        tier.waves.forEach((wave, i) => {
            for (const name of wave) {
                const node = plan.nodes[name];
                rows.push(`| ${tier.tier} (${tier.name}) | ${i + 1} | \`${name}\` | ${node.kind} | ${escapeCell(node.reasons.join('; '))} |`);
            }
        });
    }
    return `${rows.join('\n')}\n`;
}
/** What brought a node in, as one word for the counts line: the start of its first reason. */
function reasonKind(reason) {
    if (reason.startsWith('changed'))
        return 'changed';
    if (reason.startsWith('dependency of'))
        return 'dependency';
    if (reason.startsWith('in tier') || reason === 'all tiers')
        return 'tier selected';
    return reason;
}
/**
 * The job summary of a plan: the verdict (how much deploys, where), counts per tier and per reason, the diagram, and
 * the full table collapsed, so 1,000 rows never push the picture off the page.
 */
function renderPlanSummary(plan, catalog, options = {}) {
    const title = options.title ?? `tierdeploy plan${plan.environment ? ` for ${plan.environment}` : ''}`;
    const notes = (options.notes ?? []).map((n) => `${n}\n\n`).join('');
    if (plan.tiers.length === 0)
        return `### ${title}: nothing to deploy\n\nNothing to deploy${options.nothing ? `: ${options.nothing}` : ''}.\n\n${notes}`;
    const nodes = Object.values(plan.nodes);
    const waves = plan.tiers.reduce((sum, t) => sum + t.waves.length, 0);
    const byKind = countBy(nodes.map((n) => n.kind));
    const kinds = [...byKind].sort(([a], [b]) => Number(b === 'service') - Number(a === 'service')).map(([kind, n]) => plural(n, kind === 'service' ? 'service' : kind, kind === 'service' ? 'services' : kind)).join(' and ');
    const byReason = countBy(nodes.map((n) => reasonKind(n.reasons[0] ?? 'selected')));
    const out = [
        `### ${title}: ${kinds} in ${plural(plan.tiers.length, 'tier')}, ${plural(waves, 'wave')}`,
        '',
        `${plan.tiers.map((t) => `tier ${t.tier} (${t.name}): ${t.waves.flat().length} in ${plural(t.waves.length, 'wave')}`).join(' \u00b7 ')}  `,
        `Why: ${[...byReason].map(([why, n]) => `${n} ${why}`).join(', ')}`,
        '',
        notes + renderPlanMermaid(plan, catalog),
        `<details><summary>Every node: tier, wave and why (${nodes.length})</summary>`,
        '',
        renderPlanTable(plan),
        '</details>',
        '',
    ];
    return out.join('\n');
}
function countBy(values) {
    const counts = new Map();
    for (const v of values)
        counts.set(v, (counts.get(v) ?? 0) + 1);
    return counts;
}
const TIER_COLOURS = (/* unused pure expression or super */ null && (['#d4edda', '#cce5ff', '#fff3cd', '#f8d7da', '#e2e3e5', '#d1ecf1', '#fde2c8', '#e7d4f5', '#f5f5d4']));
/**
 * Past these, the service-level diagram is not readable, so the plan is drawn one node per wave. Measured on
 * generated catalogs (packages/testkit generateCatalog, top to bottom): the widest rank of the bundled 20-node
 * catalog (40 edges) is about 1,200 px, which a ~1,000 px job summary shows at ~0.85x; 40 services (106 edges) is
 * the same width; at 60 services (165 edges) it is ~2,000 px (0.5x, 16 px labels shrink to 8 px) and at 79 services
 * (220 edges) 2,300 px before the bends of long edges widen it further (a browser showed 0.16x left to right).
 */
const DIAGRAM_MAX_NODES = 40;
const DIAGRAM_MAX_EDGES = 120;
/**
 * Past this many waves, one node per tier. A wave chain is one node wide, so it reads at full size whatever its
 * height, but 60 waves are already ~5,000 px tall (a generated 1,000-service catalog has 42); the tier diagram keeps
 * far inside mermaid's limits (500 edges, 50,000 characters) whatever the catalog.
 */
const DIAGRAM_MAX_WAVES = 60;
/** Which picture renderPlanMermaid draws for a plan. */
function planDiagramLevel(plan, catalog) {
    const nodes = Object.keys(plan.nodes);
    if (nodes.length <= DIAGRAM_MAX_NODES && planEdges(plan, catalog).length <= DIAGRAM_MAX_EDGES)
        return 'services';
    return plan.tiers.reduce((sum, t) => sum + t.waves.length, 0) <= DIAGRAM_MAX_WAVES ? 'waves' : 'tiers';
}
/** Dependency edges between planned nodes, [dependency, dependent]. */
function planEdges(plan, catalog) {
    const edges = [];
    for (const name of Object.keys(plan.nodes)) {
        for (const dep of catalog.services.get(name)?.dependsOn ?? [])
            if (plan.nodes[dep])
                edges.push([dep, name]);
    }
    return edges;
}
/** Mermaid label text: quotes and markup characters would end the label. */
function label(text) {
    return text.replace(/"/g, '#quot;').replace(/[<>]/g, '');
}
/**
 * A Mermaid flowchart of the plan, tiers top to bottom, one colour per tier: every node and dependency for a small
 * plan; one node per wave (with counts) past DIAGRAM_MAX_NODES/EDGES; one node per tier past DIAGRAM_MAX_WAVES.
 */
function renderPlanMermaid(plan, catalog) {
    const level = planDiagramLevel(plan, catalog);
    const lines = level === 'services' ? serviceDiagram(plan, catalog) : level === 'waves' ? waveDiagram(plan) : tierDiagram(plan);
    return `\`\`\`mermaid\n${lines.join('\n')}\n\`\`\`\n`;
}
function tierTitle(tier) {
    return label(`Tier ${tier.tier}: ${tier.name}`);
}
function colour(tier) {
    return TIER_COLOURS[(tier - 1) % TIER_COLOURS.length];
}
function serviceDiagram(plan, catalog) {
    const ids = new Map();
    Object.keys(plan.nodes).forEach((name, i) => ids.set(name, `n${i}`));
    const lines = ['flowchart TB'];
    for (const tier of plan.tiers) {
        lines.push(`  subgraph tier${tier.tier}["${tierTitle(tier)}"]`);
        for (const name of tier.waves.flat()) {
            const kind = plan.nodes[name].kind;
            lines.push(`    ${ids.get(name)}${kind === 'infrastructure' ? `[("${label(name)}")]` : `["${label(name)}"]`}`);
        }
        lines.push('  end');
    }
    // Invisible links keep the tiers in order even where no dependency joins them.
    for (let i = 1; i < plan.tiers.length; i++)
        lines.push(`  tier${plan.tiers[i - 1].tier} ~~~ tier${plan.tiers[i].tier}`);
    for (const [dep, name] of planEdges(plan, catalog))
        lines.push(`  ${ids.get(dep)} --> ${ids.get(name)}`);
    for (const tier of plan.tiers) {
        lines.push(`  classDef t${tier.tier} fill:${colour(tier.tier)},stroke:#555`);
        lines.push(`  class ${tier.waves.flat().map((n) => ids.get(n)).join(',')} t${tier.tier}`);
    }
    return lines;
}
/** A wave's label: its size, and its members when there are few enough to read. */
function waveLabel(plan, wave, index) {
    const infrastructure = wave.filter((n) => plan.nodes[n].kind === 'infrastructure').length;
    const services = wave.length - infrastructure;
    const counts = [services ? plural(services, 'service') : '', infrastructure ? `${infrastructure} infrastructure` : ''].filter(Boolean).join(', ');
    const members = wave.length <= 3 ? `<br/>${wave.map(label).join(', ')}` : '';
    return `wave ${index + 1}: ${counts}${members}`;
}
function waveDiagram(plan) {
    const lines = ['flowchart TB'];
    const chain = [];
    for (const tier of plan.tiers) {
        lines.push(`  subgraph tier${tier.tier}["${tierTitle(tier)} \u00b7 ${plural(tier.waves.flat().length, 'node')}"]`);
        tier.waves.forEach((wave, i) => {
            const id = `t${tier.tier}w${i + 1}`;
            chain.push(id);
            lines.push(`    ${id}["${waveLabel(plan, wave, i)}"]`);
        });
        lines.push('  end');
    }
    // Deploy order: each wave after the one before it, the first wave of a tier after the last of the tier below.
    for (let i = 1; i < chain.length; i++)
        lines.push(`  ${chain[i - 1]} --> ${chain[i]}`);
    for (const tier of plan.tiers) {
        lines.push(`  classDef t${tier.tier} fill:${colour(tier.tier)},stroke:#555`);
        lines.push(`  class ${tier.waves.map((_, i) => `t${tier.tier}w${i + 1}`).join(',')} t${tier.tier}`);
    }
    return lines;
}
function tierDiagram(plan) {
    const lines = ['flowchart TB'];
    for (const tier of plan.tiers) {
        lines.push(`  tier${tier.tier}["${tierTitle(tier)}<br/>${plural(tier.waves.flat().length, 'node')} in ${plural(tier.waves.length, 'wave')}"]`);
        lines.push(`  style tier${tier.tier} fill:${colour(tier.tier)},stroke:#555`);
    }
    for (let i = 1; i < plan.tiers.length; i++)
        lines.push(`  tier${plan.tiers[i - 1].tier} --> tier${plan.tiers[i].tier}`);
    return lines;
}
/** The `--json` shape of `tierdeploy plan`: tiers ascending with their waves; extra keys for tools. */
function planJson(plan) {
    return {
        ...(plan.environment ? { environment: plan.environment } : {}),
        tiers: plan.tiers.map((t) => ({ tier: t.tier, name: t.name, waves: t.waves })),
        nodes: plan.nodes,
    };
}


/***/ })

},
 } })

(function (__tierdeployImportMeta) { return { id: 45,
ids: [45],
modules: {

/***/ 3045:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  AccountMismatchError: () => (/* reexport */ account/* AccountMismatchError */.YW),
  CHECKS: () => (/* reexport */ CHECKS),
  COMMIT_LOOKUP_LIMIT: () => (/* reexport */ rollback/* COMMIT_LOOKUP_LIMIT */.z4),
  DEFAULT_DEPLOY_CONCURRENCY: () => (/* reexport */ deploy/* DEFAULT_DEPLOY_CONCURRENCY */._),
  DEFAULT_MAX_ATTEMPTS: () => (/* reexport */ client_config/* DEFAULT_MAX_ATTEMPTS */.Gz),
  DEFAULT_MAX_POLL_INTERVAL_MS: () => (/* reexport */ wait/* DEFAULT_MAX_POLL_INTERVAL_MS */.ik),
  DEFAULT_POLL_INTERVAL_MS: () => (/* reexport */ wait/* DEFAULT_POLL_INTERVAL_MS */.P),
  DEFAULT_REPLICA_WAIT_MS: () => (/* reexport */ replicas/* DEFAULT_REPLICA_WAIT_MS */.I$),
  DEFAULT_SERVICE_TIMEOUT_MS: () => (/* reexport */ wait/* DEFAULT_SERVICE_TIMEOUT_MS */.H0),
  DEFAULT_STACK_POLL_INTERVAL_MS: () => (/* reexport */ cloudformation_deploy/* DEFAULT_STACK_POLL_INTERVAL_MS */.eV),
  DESCRIBE_SERVICES_BURST: () => (/* reexport */ wait/* DESCRIBE_SERVICES_BURST */.GU),
  DESCRIBE_SERVICES_LIMIT: () => (/* reexport */ rollout/* DESCRIBE_SERVICES_LIMIT */.rP),
  DESCRIBE_SERVICES_PER_SECOND: () => (/* reexport */ wait/* DESCRIBE_SERVICES_PER_SECOND */.Kl),
  ECS_SERVICE_STATUSES: () => (/* reexport */ types/* ECS_SERVICE_STATUSES */.B),
  HEARTBEAT_MS: () => (/* reexport */ progress/* HEARTBEAT_MS */.m),
  IMAGE_DIGEST_PATTERN: () => (/* reexport */ render/* IMAGE_DIGEST_PATTERN */.K3),
  MANIFEST_MEDIA_TYPES: () => (/* reexport */ MANIFEST_MEDIA_TYPES),
  MIN_SEND_RATE: () => (/* reexport */ client_config/* MIN_SEND_RATE */.ff),
  OciRegistryClient: () => (/* reexport */ OciRegistryClient),
  ProgressState: () => (/* reexport */ progress/* ProgressState */.$A),
  READ_ONLY_TASK_DEFINITION_FIELDS: () => (/* reexport */ render/* READ_ONLY_TASK_DEFINITION_FIELDS */.uY),
  STACK_NAME_TAG: () => (/* reexport */ STACK_NAME_TAG),
  SessionExpiredError: () => (/* reexport */ errors/* SessionExpiredError */.mZ),
  TAG_COMMIT: () => (/* reexport */ ecs_tags/* TAG_COMMIT */.rJ),
  TAG_DEPLOY_ID: () => (/* reexport */ ecs_tags/* TAG_DEPLOY_ID */.Lh),
  TAG_REPLACES: () => (/* reexport */ ecs_tags/* TAG_REPLACES */.VS),
  TAG_SERVICE: () => (/* reexport */ ecs_tags/* TAG_SERVICE */.Fj),
  TERRAFORM_VARIABLES: () => (/* reexport */ render/* TERRAFORM_VARIABLES */.t),
  TIMELINE_MAX_WAVE_BARS: () => (/* reexport */ summary/* TIMELINE_MAX_WAVE_BARS */.SW),
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
  clusterFor: () => (/* reexport */ environment/* clusterFor */.uM),
  compareStatus: () => (/* reexport */ compareStatus),
  computeContentTag: () => (/* reexport */ computeContentTag),
  configurationErrorOf: () => (/* reexport */ errors/* configurationErrorOf */.m_),
  deployEcsServices: () => (/* reexport */ deploy/* deployEcsServices */.X),
  deployPlan: () => (/* reexport */ deploy_plan/* deployPlan */.L),
  deployStackServices: () => (/* reexport */ cloudformation_deploy/* deployStackServices */.wW),
  describeAlarms: () => (/* reexport */ describeAlarms),
  describeCommand: () => (/* reexport */ describeCommand),
  describeServiceStates: () => (/* reexport */ describeServiceStates),
  describeServices: () => (/* reexport */ wait/* describeServices */.Ge),
  describeServicesInBatches: () => (/* reexport */ rollout/* describeServicesInBatches */.Zs),
  describeSnapshot: () => (/* reexport */ progress/* describeSnapshot */.e4),
  detectBuilder: () => (/* reexport */ detectBuilder),
  diffTaskDefinitions: () => (/* reexport */ render/* diffTaskDefinitions */.n2),
  dockerConfigFile: () => (/* reexport */ dockerConfigFile),
  ecrAccessError: () => (/* reexport */ ecrAccessError),
  ecrImageRegistry: () => (/* reexport */ ecrImageRegistry),
  ecrRegistryRegion: () => (/* reexport */ ecrRegistryRegion),
  emitProgress: () => (/* reexport */ wait/* emitProgress */.Dt),
  ensureRepository: () => (/* reexport */ ensureRepository),
  failureEventsOfLatestUpdate: () => (/* reexport */ events/* failureEventsOfLatestUpdate */.f),
  findBuiltImages: () => (/* reexport */ findBuiltImages),
  findImage: () => (/* reexport */ findImage),
  findOciImage: () => (/* reexport */ findOciImage),
  findStack: () => (/* reexport */ stacks/* findStack */.eF),
  findUndeclaredStackServices: () => (/* reexport */ findUndeclaredStackServices),
  formatBytes: () => (/* reexport */ formatBytes),
  formatDuration: () => (/* reexport */ progress/* formatDuration */.a3),
  formatStackEvent: () => (/* reexport */ events/* formatStackEvent */.e),
  gateRunningRelease: () => (/* reexport */ gateRunningRelease),
  gateServices: () => (/* reexport */ gateServices),
  gateTargets: () => (/* reexport */ gateTargets),
  imageRegistryFor: () => (/* reexport */ imageRegistryFor),
  imagesMap: () => (/* reexport */ imagesMap),
  isDigestImage: () => (/* reexport */ render/* isDigestImage */.SN),
  isInProgress: () => (/* reexport */ stacks/* isInProgress */.LT),
  isUpdatable: () => (/* reexport */ stacks/* isUpdatable */.Ng),
  libraryPathsOf: () => (/* reexport */ libraryPathsOf),
  lineFor: () => (/* reexport */ progress/* lineFor */.y1),
  lineRenderer: () => (/* reexport */ progress/* lineRenderer */._U),
  loginToRegistry: () => (/* reexport */ loginToRegistry),
  makeCloudFormationClient: () => (/* reexport */ environment/* makeCloudFormationClient */.O6),
  makeCloudWatchClient: () => (/* reexport */ client_config/* makeCloudWatchClient */.mE),
  makeEc2Client: () => (/* reexport */ client_config/* makeEc2Client */.Iv),
  makeEcrClient: () => (/* reexport */ client_config/* makeEcrClient */.mg),
  makeEcsClient: () => (/* reexport */ client/* makeEcsClient */.r),
  makeElbClient: () => (/* reexport */ client_config/* makeElbClient */.Tw),
  makeIamClient: () => (/* reexport */ client_config/* makeIamClient */.$I),
  makeSecretsManagerClient: () => (/* reexport */ client_config/* makeSecretsManagerClient */.C4),
  makeServiceQuotasClient: () => (/* reexport */ client_config/* makeServiceQuotasClient */.K4),
  makeSsmClient: () => (/* reexport */ client_config/* makeSsmClient */.PA),
  makeStsClient: () => (/* reexport */ account/* makeStsClient */.kI),
  ociImageRegistry: () => (/* reexport */ ociImageRegistry),
  parseChallenge: () => (/* reexport */ parseChallenge),
  parseChecks: () => (/* reexport */ parseChecks),
  parseDeployResult: () => (/* reexport */ rollback/* parseDeployResult */.mr),
  parseEcrImage: () => (/* reexport */ replicas/* parseEcrImage */.TI),
  parseRollbackVersion: () => (/* reexport */ rollback/* parseRollbackVersion */.QZ),
  parseStatusReport: () => (/* reexport */ parseStatusReport),
  parseTargetGroups: () => (/* reexport */ parseTargetGroups),
  readEnvironmentStatus: () => (/* reexport */ readEnvironmentStatus),
  readRunningRelease: () => (/* reexport */ readRunningRelease),
  recordedRollbackTargets: () => (/* reexport */ rollback/* recordedRollbackTargets */.xQ),
  regionFor: () => (/* reexport */ environment/* regionFor */.eM),
  registrationOf: () => (/* reexport */ render/* registrationOf */.DD),
  registryApiBase: () => (/* reexport */ registryApiBase),
  renderBuildSummary: () => (/* reexport */ renderBuildSummary),
  renderComparison: () => (/* reexport */ renderComparison),
  renderDeployTimeline: () => (/* reexport */ summary/* renderDeployTimeline */.bP),
  renderEcsResultTable: () => (/* reexport */ summary/* renderEcsResultTable */.n5),
  renderEcsResultText: () => (/* reexport */ summary/* renderEcsResultText */._E),
  renderGateTable: () => (/* reexport */ renderGateTable),
  renderGateText: () => (/* reexport */ renderGateText),
  renderRollbackTable: () => (/* reexport */ renderRollbackTable),
  renderStatus: () => (/* reexport */ renderStatus),
  renderTaskDefinition: () => (/* reexport */ render/* renderTaskDefinition */.P9),
  resolveBuildSource: () => (/* reexport */ resolveBuildSource),
  resolveEnvironment: () => (/* reexport */ environment/* resolveEnvironment */.g9),
  resolveReplicas: () => (/* reexport */ replicas/* resolveReplicas */._X),
  resolveRollbackTarget: () => (/* reexport */ rollback/* resolveRollbackTarget */.aD),
  revisionCell: () => (/* reexport */ summary/* revisionCell */.w5),
  revisionOf: () => (/* reexport */ summary/* revisionOf */.DT),
  rollBackRecordedDeploy: () => (/* reexport */ rollback/* rollBackRecordedDeploy */._H),
  rollBackService: () => (/* reexport */ rollback/* rollBackService */.Gg),
  rollBackServices: () => (/* reexport */ rollback/* rollBackServices */.L7),
  rollBackStackService: () => (/* reexport */ cloudformation_deploy/* rollBackStackService */.up),
  rolloutVerdict: () => (/* reexport */ rollout/* rolloutVerdict */.$6),
  runHealthGate: () => (/* reexport */ runHealthGate),
  sameRegistration: () => (/* reexport */ render/* sameRegistration */.YG),
  sameTaskDefinition: () => (/* reexport */ rollout/* sameTaskDefinition */.JL),
  serviceState: () => (/* reexport */ serviceState),
  sessionExpiredError: () => (/* reexport */ errors/* sessionExpiredError */.qD),
  shortTaskDefinition: () => (/* reexport */ summary/* shortTaskDefinition */.P5),
  shortenDigests: () => (/* reexport */ summary/* shortenDigests */.fQ),
  spawnExec: () => (/* reexport */ spawnExec),
  stackOutputLookup: () => (/* reexport */ outputs/* stackOutputLookup */.E),
  stackOutputs: () => (/* reexport */ stacks/* stackOutputs */.XC),
  statusReport: () => (/* reexport */ statusReport),
  storedDockerCredentials: () => (/* reexport */ storedDockerCredentials),
  taskDefinitionFamily: () => (/* reexport */ rollout/* taskDefinitionFamily */.dm),
  taskDefinitionName: () => (/* reexport */ rollout/* taskDefinitionName */.ip),
  templatePath: () => (/* reexport */ templatePath),
  tokenBucket: () => (/* reexport */ wait/* tokenBucket */.YV),
  verifyCallerAccount: () => (/* reexport */ account/* verifyCallerAccount */.sq),
  waitForRollouts: () => (/* reexport */ wait/* waitForRollouts */.hS)
});

// EXTERNAL MODULE: ./packages/aws/src/ecs/types.ts
var types = __webpack_require__(1958);
// EXTERNAL MODULE: ./packages/aws/src/ecs/client.ts
var client = __webpack_require__(6076);
// EXTERNAL MODULE: ./packages/aws/src/ecs/render.ts
var render = __webpack_require__(2515);
// EXTERNAL MODULE: ./packages/aws/src/ecs/rollout.ts
var rollout = __webpack_require__(3274);
// EXTERNAL MODULE: ./packages/aws/src/ecs/wait.ts
var wait = __webpack_require__(5826);
// EXTERNAL MODULE: ./packages/aws/src/ecs/progress.ts
var progress = __webpack_require__(400);
// EXTERNAL MODULE: ./packages/aws/src/ecs/deploy.ts
var deploy = __webpack_require__(7884);
// EXTERNAL MODULE: ./packages/aws/src/ecs/deploy-plan.ts
var deploy_plan = __webpack_require__(3522);
// EXTERNAL MODULE: ./packages/aws/src/ecs/rollback.ts
var rollback = __webpack_require__(5439);
// EXTERNAL MODULE: ./packages/aws/src/ecs/summary.ts
var summary = __webpack_require__(4379);
// EXTERNAL MODULE: ./packages/aws/src/ecs/tags.ts
var ecs_tags = __webpack_require__(758);
// EXTERNAL MODULE: ./packages/aws/src/ecs/errors.ts
var errors = __webpack_require__(5552);
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
// EXTERNAL MODULE: ./packages/catalog/src/errors.ts
var src_errors = __webpack_require__(2332);
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

// EXTERNAL MODULE: ./packages/catalog/src/build-inputs.ts + 1 modules
var build_inputs = __webpack_require__(7725);
;// CONCATENATED MODULE: ./packages/aws/src/ecr/build-source.ts

/** Library paths a service's image contains: its `dependsOn` libraries and theirs, never through other services. */
function libraryPathsOf(catalog, service) {
    return [...new Set((0,build_inputs/* librariesOf */.DJ)(catalog, service).flatMap((l) => (l.path !== undefined ? [l.path] : [])))].sort();
}
/**
 * Where a service's image comes from: catalog `build` settings (service over catalog defaults), else
 * PATH/Dockerfile when it exists, else the bundled template. `exists` answers for repository-relative paths.
 */
function resolveBuildSource(catalog, service, exists) {
    if (service.kind !== 'service')
        throw new src_errors/* ConfigurationError */.j1(`${service.name} is a ${service.kind} in ${catalog.file}: only services (kind: service) are built`);
    const inputs = (0,build_inputs/* buildInputsOf */.Pc)(catalog, service);
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
    const roots = (0,build_inputs/* buildInputRoots */.WV)(source.inputs);
    const tree = await listTree(commit, roots, deps);
    if (!source.inputs.image || ![...tree.keys()].some((p) => (0,build_inputs/* isUnder */.Jo)(p, source.context))) {
        throw new src_errors/* ConfigurationError */.j1(`build context '${source.context}' of ${source.service} is not committed at HEAD: build-push tags images by committed content`);
    }
    // Only a context beyond the service's path is filtered by .dockerignore (build-inputs.ts); read it only then.
    let dockerIgnore;
    const ignoreFile = (0,build_inputs/* contextBeyondPath */.qA)(source.inputs) !== undefined ? (0,build_inputs/* dockerIgnoreFileOf */.WC)(source.inputs.image, (p) => tree.has(p)) : undefined;
    if (ignoreFile !== undefined)
        dockerIgnore = await blobText(tree.get(ignoreFile).object, deps);
    const isInput = (0,build_inputs/* buildInputMatcher */.NG)(source.inputs, dockerIgnore);
    const files = [...tree.keys()].filter((p) => isInput(p) !== undefined).sort();
    const hash = (0,external_node_crypto_.createHash)('sha256');
    const byRoot = new Map(roots.map((r) => [r, (0,external_node_crypto_.createHash)('sha256')]));
    const counted = new Map();
    for (const path of files) {
        const { mode, object } = tree.get(path);
        const line = `file\t${path}\t${mode}\t${object}\n`;
        hash.update(line);
        // Roots never nest (buildInputRoots), so a file lies under exactly one.
        const root = roots.find((r) => (0,build_inputs/* isUnder */.Jo)(path, r));
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
var dist_cjs = __webpack_require__(8249);
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
        data = (await ecr.send(new dist_cjs/* GetAuthorizationTokenCommand */.Eu6({}))).authorizationData?.[0];
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
        const found = (await ecr.send(new dist_cjs/* DescribeRepositoriesCommand */.pE_({ repositoryNames: [name] }))).repositories?.[0];
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
        const created = await ecr.send(new dist_cjs/* CreateRepositoryCommand */.WTe({
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
        const detail = (await ecr.send(new dist_cjs/* DescribeImagesCommand */.ji5({ repositoryName: repository, imageIds: [imageId] }))).imageDetails?.[0];
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
        const image = (await ecr.send(new dist_cjs/* BatchGetImageCommand */.P8n({
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
        await ecr.send(new dist_cjs/* PutImageCommand */.SUU({
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

// EXTERNAL MODULE: ./packages/aws/src/ecs/concurrency.ts
var concurrency = __webpack_require__(3600);
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
    const looked = await (0,concurrency/* mapWithConcurrency */.WS)(services, 10, async (service) => {
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

// EXTERNAL MODULE: ./packages/aws/src/ecr/replicas.ts
var replicas = __webpack_require__(2147);
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
        await (0,concurrency/* sleepUnlessAborted */.bp)(clock, target.intervalMs, options.signal);
    }
}
/** One request; `cancel` (the gate giving up) throws its reason, while the per-request timeout is a bad answer. */
async function ask(target, effects, cancel) {
    (0,concurrency/* throwIfAborted */.Te)(cancel);
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
        (0,concurrency/* throwIfAborted */.Te)(cancel);
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

// EXTERNAL MODULE: ./packages/catalog/src/settings.ts
var src_settings = __webpack_require__(1214);
// EXTERNAL MODULE: ./packages/catalog/src/routing.ts
var routing = __webpack_require__(6021);
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
            if (patterns.length && !patterns.some((p) => (0,routing/* matchesPathPattern */.R)(p, health.path))) {
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
        states = await waitForRollouts(names, options, deadline, pollMs, effects);
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
    await (0,concurrency/* allOrAbort */.jH)(targets.map((t) => async (signal) => {
        const reason = blocked.get(t.service);
        const both = ['load-balancer', 'http'].filter(enabled);
        if (reason) {
            for (const c of both)
                add(t.service, c, 'skipped', reason);
            return;
        }
        await (0,concurrency/* allOrAbort */.jH)([
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
async function waitForRollouts(names, options, deadline, pollMs, effects) {
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
        (0,concurrency/* throwIfAborted */.Te)(signal);
        const verdict = await checkTargetGroups(effects.elb, groups, signal);
        if (verdict.healthy)
            return ['passed', verdict.detail];
        if (effects.clock.now() + pollMs > deadline)
            return ['failed', `not healthy by the deadline: ${verdict.detail}`];
        await (0,concurrency/* sleepUnlessAborted */.bp)(effects.clock, pollMs, signal);
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

// EXTERNAL MODULE: ./packages/catalog/src/suggest.ts
var suggest = __webpack_require__(5753);
// EXTERNAL MODULE: ./packages/graph/src/plan.ts
var src_plan = __webpack_require__(5517);
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










// EXTERNAL MODULE: ./packages/aws/src/cloudformation/deploy.ts
var cloudformation_deploy = __webpack_require__(8039);
// EXTERNAL MODULE: ./packages/aws/src/cloudformation/events.ts
var events = __webpack_require__(1797);
// EXTERNAL MODULE: ./packages/aws/src/cloudformation/stacks.ts
var stacks = __webpack_require__(1557);
// EXTERNAL MODULE: ./packages/aws/src/cloudformation/outputs.ts
var outputs = __webpack_require__(7340);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecs/dist-cjs/index.js
var client_ecs_dist_cjs = __webpack_require__(212);
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
        const page = await ecs.send(new client_ecs_dist_cjs/* ListServicesCommand */.qde({ cluster, maxResults: 100, ...(nextToken ? { nextToken } : {}) }));
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






// EXTERNAL MODULE: ./packages/aws/src/environment.ts
var environment = __webpack_require__(752);
// EXTERNAL MODULE: ./packages/aws/src/ecs/parse-inputs.ts
var parse_inputs = __webpack_require__(9648);
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
    const described = await (0,wait/* describeServices */.Ge)(viaEcs, cluster, effects);
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
    await (0,concurrency/* mapWithConcurrency */.WS)([...taskDefinitions], 10, async ([name, arn]) => {
        try {
            const { taskDefinition } = await effects.ecs.send(new client_ecs_dist_cjs/* DescribeTaskDefinitionCommand */.Zy$({ taskDefinition: arn }));
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
            const found = await (0,stacks/* findStack */.eF)(cloudformation, stack);
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

// EXTERNAL MODULE: ./packages/aws/src/account.ts
var account = __webpack_require__(1294);
// EXTERNAL MODULE: ./packages/aws/src/client-config.ts
var client_config = __webpack_require__(9161);
;// CONCATENATED MODULE: ./packages/aws/src/status.ts








/**
 * The status of services in one environment: read-only (DescribeServices in batches of 10, one DescribeTaskDefinition
 * with tags per service, 10 at a time). Drift is what rendering the catalog's settings over the running revision
 * changes: the settings a deploy would apply.
 */
async function readEnvironmentStatus(catalog, environment, services, cluster, effects) {
    const described = await (0,wait/* describeServices */.Ge)(services, cluster, effects);
    if (described.error)
        throw new src_errors/* ConfigurationError */.j1(`cannot read the services of cluster ${cluster} in ${environment.name}: ${described.error}`);
    const out = new Map();
    for (const name of described.missing)
        out.set(name, { service: name, rollout: 'missing', rolloutDetail: `not in cluster ${cluster}`, running: 0, desired: 0, drift: [] });
    await (0,concurrency/* mapWithConcurrency */.WS)([...described.services.entries()], 10, async ([name, service]) => {
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
            const answer = await effects.ecs.send(new client_ecs_dist_cjs/* DescribeTaskDefinitionCommand */.Zy$({ taskDefinition: arn, include: ['TAGS'] }));
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
        if (tags[ecs_tags/* TAG_COMMIT */.rJ])
            status.commit = tags[ecs_tags/* TAG_COMMIT */.rJ];
        if (tags[ecs_tags/* TAG_DEPLOY_ID */.Lh])
            status.deployId = tags[ecs_tags/* TAG_DEPLOY_ID */.Lh];
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











/***/ }),

/***/ 7725:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  LY: () => (/* binding */ CodeRules),
  Th: () => (/* binding */ ImageRules),
  NG: () => (/* binding */ buildInputMatcher),
  WV: () => (/* binding */ buildInputRoots),
  Pc: () => (/* binding */ buildInputsOf),
  kZ: () => (/* binding */ codeInputsOf),
  Zu: () => (/* binding */ compilePathPattern),
  qA: () => (/* binding */ contextBeyondPath),
  WC: () => (/* binding */ dockerIgnoreFileOf),
  q6: () => (/* binding */ imageBeyondCode),
  CZ: () => (/* binding */ imageInputsOf),
  Jo: () => (/* binding */ isUnder),
  DJ: () => (/* binding */ librariesOf)
});

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


/***/ })

},
 } })

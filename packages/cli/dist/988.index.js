(function (__tierdeployImportMeta) { return { id: 988,
ids: [988,819],
modules: {

/***/ 819:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   environmentForRef: () => (/* binding */ environmentForRef),
/* harmony export */   matchingPattern: () => (/* binding */ matchingPattern),
/* harmony export */   overlappingRefProblems: () => (/* binding */ overlappingRefProblems),
/* harmony export */   parseGitRef: () => (/* binding */ parseGitRef),
/* harmony export */   targetEnvironment: () => (/* binding */ targetEnvironment)
/* harmony export */ });
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4006);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(picomatch__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2332);
/* harmony import */ var _environment_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9094);



/** refs/heads/x and bare names are branches, refs/tags/x tags; refs/pull/N/merge and the like are `other`. */
function parseGitRef(ref) {
    const trimmed = ref.trim();
    if (trimmed.startsWith('refs/heads/'))
        return { kind: 'branch', name: trimmed.slice('refs/heads/'.length), ref: trimmed };
    if (trimmed.startsWith('refs/tags/'))
        return { kind: 'tag', name: trimmed.slice('refs/tags/'.length), ref: trimmed };
    if (trimmed.startsWith('refs/'))
        return { kind: 'other', name: trimmed, ref: trimmed };
    return { kind: 'branch', name: trimmed, ref: trimmed };
}
// GitHub's branch filters: `*` stops at `/`, `**` crosses it. Names starting with a dot are valid refs, so match them.
const GLOB_OPTIONS = { dot: true };
const compiled = new Map();
function globMatcher(pattern) {
    let m = compiled.get(pattern);
    if (!m)
        compiled.set(pattern, (m = picomatch__WEBPACK_IMPORTED_MODULE_0___default()(pattern, GLOB_OPTIONS)));
    return m;
}
/**
 * The pattern of `patterns` that selects `name`, GitHub style: patterns apply in order, and a later `!pattern`
 * takes back what an earlier one matched (`[release/*, '!release/old']`). Undefined when none selects it.
 */
function matchingPattern(patterns, name) {
    let selected;
    for (const p of patterns) {
        if (p.startsWith('!')) {
            if (selected !== undefined && globMatcher(p.slice(1))(name))
                selected = undefined;
        }
        else if (selected === undefined && globMatcher(p)(name))
            selected = p;
    }
    return selected;
}
function patternsFor(env, kind) {
    return (kind === 'branch' ? env.branches : env.tags) ?? [];
}
/**
 * The environment whose `branches` (or `tags`) select this ref. None is a normal outcome (a feature branch deploys
 * nothing); two is a catalog mistake, since a push must not deploy to two environments by accident.
 */
function environmentForRef(catalog, ref) {
    const parsed = parseGitRef(ref);
    if (!parsed.name)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`empty git ref '${ref}': give a branch (main, refs/heads/main) or a tag (refs/tags/v1.2.0)`);
    if (parsed.kind === 'other') {
        return { deploys: false, ref: parsed, reason: `${parsed.ref} is neither a branch nor a tag, so it deploys nothing` };
    }
    const kind = parsed.kind;
    const matches = [];
    for (const environment of catalog.environments.values()) {
        const pattern = matchingPattern(patternsFor(environment, kind), parsed.name);
        if (pattern !== undefined)
            matches.push({ environment, pattern });
    }
    const key = kind === 'branch' ? 'branches' : 'tags';
    if (matches.length === 0) {
        const declared = [...catalog.environments.values()]
            .filter((e) => patternsFor(e, kind).length)
            .map((e) => `${e.name}: ${patternsFor(e, kind).join(', ')}`);
        return {
            deploys: false,
            ref: parsed,
            reason: `${kind} ${parsed.name} deploys nothing: no environment lists it in ${key}${declared.length ? ` (${declared.join('; ')})` : ` (no environment in ${catalog.dir}/environments declares ${key})`}`,
        };
    }
    if (matches.length > 1) {
        const list = matches.map((m) => `${m.environment.file} (${key}: ${m.pattern})`).join(' and ');
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${kind} ${parsed.name} matches more than one environment: ${list}; a ref may deploy to one environment only, so narrow one of the patterns`);
    }
    const [{ environment, pattern }] = matches;
    return { deploys: true, environment, ref: parsed, pattern };
}
const GLOB_CHARACTERS = /[*?[\]{}()!+@]/;
/**
 * Catalog-time check: a literal branch or tag (no glob characters) that two environments select. Globs against
 * globs are not compared (that needs language intersection); environmentForRef still refuses such a ref when pushed.
 */
function overlappingRefProblems(environments) {
    const envs = [...environments];
    const problems = [];
    for (const kind of ['branch', 'tag']) {
        const key = kind === 'branch' ? 'branches' : 'tags';
        for (const [i, env] of envs.entries()) {
            for (const [index, literal] of patternsFor(env, kind).entries()) {
                if (GLOB_CHARACTERS.test(literal))
                    continue;
                for (const other of envs.slice(0, i)) {
                    const pattern = matchingPattern(patternsFor(other, kind), literal);
                    if (pattern === undefined)
                        continue;
                    problems.push({
                        file: env.file,
                        path: [key, index],
                        severity: 'error',
                        message: `${kind} ${literal} deploys to both ${other.name} (${other.file}, ${key}: ${pattern}) and ${env.name}`,
                        hint: `a ${kind} may deploy to one environment only: remove it from one of them`,
                    });
                }
                for (const other of envs.slice(i + 1)) {
                    // Literal-to-literal pairs were reported from the later file above; here only the other's globs.
                    const pattern = matchingPattern(patternsFor(other, kind), literal);
                    if (pattern === undefined || !GLOB_CHARACTERS.test(pattern))
                        continue;
                    problems.push({
                        file: env.file,
                        path: [key, index],
                        severity: 'error',
                        message: `${kind} ${literal} deploys to both ${env.name} and ${other.name} (${other.file}, ${key}: ${pattern})`,
                        hint: `a ${kind} may deploy to one environment only: narrow the pattern or remove the ${kind}`,
                    });
                }
            }
        }
    }
    return problems;
}
/**
 * The environment a plan or deploy targets: the one named, else the one the ref maps to. `nothing` holds why a ref
 * deploys nothing. A catalog whose environments declare no branches or tags does not use ref mapping, so a ref then
 * targets no particular environment (as if none were given).
 */
function targetEnvironment(catalog, given) {
    if (given.environment)
        return { environment: (0,_environment_js__WEBPACK_IMPORTED_MODULE_2__/* .environmentNamed */ .b)(catalog, given.environment) };
    if (!given.ref)
        return {};
    const mapped = [...catalog.environments.values()].some((e) => e.branches?.length || e.tags?.length);
    if (!mapped)
        return {};
    const result = environmentForRef(catalog, given.ref);
    return result.deploys ? { environment: result.environment } : { nothing: result.reason };
}


/***/ }),

/***/ 4776:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ parseAnyYaml),
/* harmony export */   r: () => (/* binding */ loadFullYaml)
/* harmony export */ });
/* harmony import */ var js_yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3243);
/* harmony import */ var _yaml_source_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(674);


/**
 * parseYaml with js-yaml loaded up front, for synchronous callers that read YAML outside a catalog load (a pricing
 * file, a catalog file at another commit) and for tests. Its own module (`@tierdeploy/catalog/full-yaml`), so
 * that code which only loads catalogs never carries js-yaml (loadCatalog loads it when a file needs it).
 */
function parseAnyYaml(source) {
    (0,_yaml_source_js__WEBPACK_IMPORTED_MODULE_1__.useJsYaml)(js_yaml__WEBPACK_IMPORTED_MODULE_0__);
    return (0,_yaml_source_js__WEBPACK_IMPORTED_MODULE_1__.parseYaml)(source);
}
/** Makes every later parseYaml in this process able to read any YAML (buildCatalog calls it). */
function loadFullYaml() {
    (0,_yaml_source_js__WEBPACK_IMPORTED_MODULE_1__.useJsYaml)(js_yaml__WEBPACK_IMPORTED_MODULE_0__);
}


/***/ }),

/***/ 9988:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  BUNDLED_WORKFLOWS: () => (/* binding */ BUNDLED_WORKFLOWS),
  callerWorkflows: () => (/* binding */ callerWorkflows),
  discoveryFlags: () => (/* binding */ discoveryFlags),
  run: () => (/* binding */ run),
  runDiscovery: () => (/* binding */ runDiscovery),
  setupChecklist: () => (/* binding */ setupChecklist),
  summarise: () => (/* binding */ summarise),
  usage: () => (/* binding */ usage),
  writeCallerWorkflows: () => (/* binding */ writeCallerWorkflows)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
// EXTERNAL MODULE: ./packages/catalog/src/schema.ts
var schema = __webpack_require__(4884);
// EXTERNAL MODULE: ./packages/catalog/src/branches.ts
var branches = __webpack_require__(819);
// EXTERNAL MODULE: ./packages/catalog/src/build-core.ts + 4 modules
var build_core = __webpack_require__(113);
// EXTERNAL MODULE: ./packages/catalog/src/full-yaml.ts
var full_yaml = __webpack_require__(4776);
;// CONCATENATED MODULE: ./packages/catalog/src/build.ts




/**
 * Parses and validates a catalog from its YAML sources, synchronously, with everything loaded: js-yaml for any YAML
 * and the branch rules. loadCatalog, the usual way in, loads those two only for a catalog that needs them.
 */
function buildCatalog(input) {
    (0,full_yaml/* loadFullYaml */.r)();
    return (0,build_core.buildCatalogCore)(input, { overlappingRefs: branches.overlappingRefProblems });
}

// EXTERNAL MODULE: ./packages/catalog/src/errors.ts
var src_errors = __webpack_require__(2332);
// EXTERNAL MODULE: ./packages/catalog/src/load.ts + 1 modules
var load = __webpack_require__(7743);
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
// EXTERNAL MODULE: ./packages/doctor/src/dependencies.ts
var dependencies = __webpack_require__(2304);
;// CONCATENATED MODULE: ./packages/discover/src/scan.ts




/** The repository on disk. Files over `maxBytes` (default 256 KiB) read as missing: manifests are never that large. */
function nodeRepoFs(root, maxBytes = 256 * 1024) {
    return {
        list(dir) {
            try {
                return (0,external_node_fs_.readdirSync)((0,external_node_path_.join)(root, dir), { withFileTypes: true }).map((e) => ({ name: e.name, directory: e.isDirectory() }));
            }
            catch {
                return [];
            }
        },
        read(file) {
            try {
                const path = (0,external_node_path_.join)(root, file);
                if ((0,external_node_fs_.statSync)(path).size > maxBytes)
                    return undefined;
                return (0,external_node_fs_.readFileSync)(path, 'utf8');
            }
            catch {
                return undefined;
            }
        },
    };
}
/** Files that mark a directory as kept, not as having code. */
const PLACEHOLDER_FILE = /^(\.gitkeep|\.keep|\.DS_Store|README(\..*)?|readme(\..*)?)$/;
/**
 * Directories inside a project (a directory with a manifest) that hold its code, tests or assets, never another service: not walked, so a test
 * fixture's package.json is not taken for a nested service, and a 1,000-service repository reads few directories.
 */
const CODE_DIRECTORIES = new Set(['src', 'test', 'tests', '__tests__', 'spec', 'fixtures', '__fixtures__', 'e2e', 'docs', 'public', 'static', 'assets', 'migrations', 'pages', 'components', 'views', 'templates', 'coverage']);
/** Files that make a directory a project (a service, a library, a separate project). */
const MANIFESTS = ['Dockerfile', 'package.json', 'pyproject.toml', 'requirements.txt', 'Pipfile', 'setup.py'];
/** Walks the repository's directories (not files' contents) up to `maxDepth`. */
function scanRepository(fs, options = {}) {
    const maxDepth = options.maxDepth ?? 4;
    const exclude = new Set(options.exclude ?? []);
    const patterns = options.ignore ?? [];
    const matchers = patterns.map((p) => ({ pattern: p, match: picomatch_default()(p.replace(/^\/+|\/+$/g, ''), { dot: true }) }));
    const directories = new Map();
    const ignored = [];
    const walk = (path, depth) => {
        const facts = { path, depth, files: new Set(), dirs: [], content: 0 };
        directories.set(path, facts);
        const entries = fs.list(path);
        for (const entry of entries) {
            if (entry.directory)
                continue;
            facts.files.add(entry.name);
            if (!PLACEHOLDER_FILE.test(entry.name))
                facts.content++;
        }
        const isProject = depth > 0 && MANIFESTS.some((m) => facts.files.has(m));
        for (const entry of entries) {
            if (!entry.directory)
                continue;
            const child = path ? `${path}/${entry.name}` : entry.name;
            if (entry.name.startsWith('.') || dependencies/* SKIPPED_DIRECTORIES */.j8.has(entry.name) || exclude.has(child))
                continue;
            const matched = matchers.find((m) => m.match(child));
            if (matched) {
                ignored.push({ path: child, pattern: matched.pattern });
                continue;
            }
            // Below the depth limit, or a code directory of something: its existence is content, its inside is not read.
            if (depth + 1 > maxDepth || (isProject && CODE_DIRECTORIES.has(entry.name))) {
                facts.content++;
                continue;
            }
            facts.dirs.push(child);
            facts.content += walk(child, depth + 1).content;
        }
        facts.dirs.sort();
        return facts;
    };
    walk('', 0);
    return { directories, ignored: ignored.sort((a, b) => (a.path < b.path ? -1 : 1)) };
}
/** Patterns of an ignore file (`.tierdeployignore`): one directory glob a line, `#` comments. */
function parseIgnoreFile(text) {
    if (!text)
        return [];
    return text.split('\n').map((l) => l.replace(/#.*$/, '').trim()).filter(Boolean);
}

;// CONCATENATED MODULE: ./packages/discover/src/classify.ts


const NODE_LOCKFILES = ['package-lock.json', 'yarn.lock', 'pnpm-lock.yaml', 'npm-shrinkwrap.json'];
const PYTHON_MANIFESTS = ['pyproject.toml', 'requirements.txt', 'Pipfile', 'setup.py'];
const PYTHON_ENTRIES = ['main.py', 'app.py', 'server.py', 'manage.py', 'wsgi.py', 'asgi.py', 'app/main.py', 'src/main.py'];
const INFRASTRUCTURE_FOLDER = /^(terraform|infra|infrastructure|iac|k8s|kubernetes|helm|charts|deploy|deployment|deployments|cdk|pulumi|ansible|cloudformation|manifests|docker)$/;
/** Reads what a directory's manifests say about it. */
function readProject(fs, facts) {
    const at = (f) => (facts.path ? `${facts.path}/${f}` : f);
    const manifests = new Map();
    const read = (f) => {
        const text = fs.read(at(f));
        if (text !== undefined)
            manifests.set(at(f), text);
        return text;
    };
    const project = { path: facts.path, dockerfile: facts.files.has('Dockerfile'), nodeDependencies: {}, manifests, deployable: false };
    if (project.dockerfile) {
        const dockerfile = fs.read(at('Dockerfile')) ?? '';
        const expose = /^\s*EXPOSE\s+(\d+)/im.exec(dockerfile);
        if (expose)
            project.exposed = Number(expose[1]);
        if (/^\s*FROM\s+\S*node/im.test(dockerfile))
            project.language = 'node';
        else if (/^\s*FROM\s+\S*python/im.test(dockerfile))
            project.language = 'python';
    }
    project.lockfile = NODE_LOCKFILES.find((f) => facts.files.has(f));
    const pkgText = facts.files.has('package.json') ? read('package.json') : undefined;
    if (pkgText !== undefined) {
        let pkg = {};
        try {
            pkg = JSON.parse(pkgText);
        }
        catch {
            // A malformed package.json is not a manifest to trust; the directory is judged by its other files.
        }
        project.language = 'node';
        if (typeof pkg.name === 'string')
            project.packageName = pkg.name;
        if (typeof pkg.scripts?.start === 'string') {
            project.start = 'package.json start script';
            // templates/docker/node.Dockerfile runs `npm run build`, then `node $ENTRY` (default dist/index.js).
            const entry = /^node\s+(?:--\S+\s+)*(\S+?\.[cm]?js)\b/.exec(pkg.scripts.start)?.[1];
            project.template = { args: entry && entry !== 'dist/index.js' ? { ENTRY: entry } : {}, notes: typeof pkg.scripts.build === 'string' ? [] : ['the node template runs `npm run build`, which package.json does not define: add a build script or a Dockerfile'] };
        }
        for (const key of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']) {
            const deps = pkg[key];
            if (deps && typeof deps === 'object')
                for (const [n, v] of Object.entries(deps))
                    if (typeof v === 'string')
                        project.nodeDependencies[n] = v;
        }
        const deps = project.nodeDependencies;
        project.framework = deps.next ? 'Next.js' : deps['@nestjs/core'] ? 'NestJS' : deps.fastify ? 'Fastify' : deps.express ? 'Express' : undefined;
    }
    else if (PYTHON_MANIFESTS.some((f) => facts.files.has(f))) {
        project.language = 'python';
        for (const f of PYTHON_MANIFESTS)
            if (facts.files.has(f))
                read(f);
        const pyproject = manifests.get(at('pyproject.toml'));
        if (pyproject)
            project.packageName = /^\[(?:project|tool\.poetry)\][^[]*?^name\s*=\s*["']([^"']+)["']/m.exec(pyproject)?.[1];
        const entry = PYTHON_ENTRIES.find((f) => (f.includes('/') ? fs.read(at(f)) !== undefined : facts.files.has(f)));
        if (entry) {
            project.start = `Python entry point ${entry}`;
            // templates/docker/python.Dockerfile installs requirements.txt and runs gunicorn on $APP_MODULE (default app:app).
            const module = /^(app|main|server|src\/main|app\/main)\.py$/.test(entry) ? `${entry.replace(/\.py$/, '').replace(/\//g, '.')}:app` : undefined;
            const notes = facts.files.has('requirements.txt') ? [] : ['the python template installs requirements.txt, which this service does not have: add one or a Dockerfile'];
            if (/fastapi|starlette|quart|sanic|aiohttp/.test([...manifests.values()].join('\n').toLowerCase()))
                notes.push('the python template runs gunicorn (WSGI); an ASGI app needs a uvicorn worker or a Dockerfile');
            project.template = { args: module && module !== 'app:app' ? { APP_MODULE: module } : {}, notes };
        }
        else if (pyproject && /^\[(project\.scripts|tool\.poetry\.scripts)\]/m.test(pyproject))
            project.start = 'pyproject.toml scripts';
        const all = [...manifests.values()].join('\n').toLowerCase();
        project.framework = /\bfastapi\b/.test(all) ? 'FastAPI' : /\bdjango\b/.test(all) ? 'Django' : /\bflask\b/.test(all) ? 'Flask' : undefined;
    }
    project.deployable = project.dockerfile || project.start !== undefined;
    return project;
}
/**
 * The container port: the Dockerfile's EXPOSE; built from a bundled template, the PORT the template sets (node 3000,
 * python 5000); else PORT in an example environment file, else the framework's default.
 */
function portOf(fs, project, envFiles) {
    if (project.exposed)
        return { value: project.exposed, source: 'EXPOSE in its Dockerfile' };
    if (!project.dockerfile && project.language)
        return { value: project.language === 'python' ? 5000 : 3000, source: `the PORT of the ${project.language} template` };
    for (const file of envFiles) {
        const m = /^\s*PORT\s*=\s*["']?(\d{2,5})\b/m.exec(fs.read(file) ?? '');
        if (m)
            return { value: Number(m[1]), source: `PORT in ${file.slice(project.path.length + 1)}` };
    }
    if (project.language === 'python') {
        return project.framework === 'Flask' ? { value: 5000, source: 'the Flask default' } : { value: 8000, source: `the ${project.framework ?? 'Python (uvicorn, gunicorn)'} default` };
    }
    if (project.language === 'node')
        return { value: 3000, source: `the ${project.framework ?? 'Node'} default` };
    return undefined;
}
/**
 * Sorts every directory into services, packages (possible libraries) and skipped directories with the reason.
 * A separate project (in a workspace, its own Node lockfile and no Dockerfile: it is built and released on its own)
 * is skipped with everything inside it. Where deployable directories nest, the innermost is the service, unless the outer one has
 * its own Dockerfile (then both are: nesting is fine in the catalog).
 */
function classifyDirectories(fs, scan) {
    const skipped = scan.ignored.map(({ path, pattern }) => ({ path, reason: 'ignored', detail: `listed in .tierdeployignore (${pattern})` }));
    const projects = new Map();
    const separate = new Set();
    // Only in a workspace (a lockfile or workspaces at the root) does a lockfile of its own make a project separate;
    // in a repository of independent services every service has one.
    const root = scan.directories.get('');
    const workspace = NODE_LOCKFILES.some((f) => root.files.has(f)) || /"workspaces"\s*:/.test(root.files.has('package.json') ? fs.read('package.json') ?? '' : '');
    for (const facts of scan.directories.values()) {
        if (facts.depth === 0 || !MANIFESTS.some((m) => facts.files.has(m)))
            continue;
        if ([...separate].some((s) => facts.path.startsWith(`${s}/`)))
            continue;
        const project = readProject(fs, facts);
        if (workspace && project.lockfile && !project.dockerfile) {
            separate.add(facts.path);
            skipped.push({ path: facts.path, reason: 'separate-project', detail: `its own ${project.lockfile} and no Dockerfile: a separate project${project.framework ? ` (${project.framework})` : ''}, built and released on its own` });
            continue;
        }
        projects.set(facts.path, project);
    }
    // Directories are visited parent first, so a separate project's subtree is excluded before its children are read.
    for (const p of [...projects.keys()])
        if ([...separate].some((s) => p.startsWith(`${s}/`)))
            projects.delete(p);
    const ancestors = (path) => path.split('/').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('/'));
    const deployable = [...projects.values()].filter((p) => p.deployable);
    const holdsDeployable = new Set(deployable.flatMap((p) => ancestors(p.path)));
    const services = deployable.filter((p) => p.dockerfile || !holdsDeployable.has(p.path));
    const serviceSet = new Set(services.map((s) => s.path));
    // A package inside a service is part of it (a vendored module); only packages beside services can be libraries.
    const packages = [...projects.values()].filter((p) => !serviceSet.has(p.path) && !ancestors(p.path).some((a) => serviceSet.has(a)) && !(p.deployable && !p.dockerfile));
    const occupied = new Set([...serviceSet, ...packages.map((p) => p.path), ...separate, ...scan.ignored.map((i) => i.path)]);
    const containers = new Set(['']);
    for (const path of occupied) {
        const parts = path.split('/');
        for (let i = 1; i < parts.length; i++)
            containers.add(parts.slice(0, i).join('/'));
    }
    for (const container of containers) {
        // A service holding another service keeps its other directories (its code) to itself.
        if (occupied.has(container))
            continue;
        for (const dir of scan.directories.get(container)?.dirs ?? []) {
            if (containers.has(dir) || occupied.has(dir))
                continue;
            const facts = scan.directories.get(dir);
            const name = dir.slice(dir.lastIndexOf('/') + 1);
            if (facts.content === 0)
                skipped.push({ path: dir, reason: 'empty', detail: 'empty: no code yet' });
            else if (INFRASTRUCTURE_FOLDER.test(name) || [...facts.files].some((f) => f.endsWith('.tf')))
                skipped.push({ path: dir, reason: 'infrastructure-folder', detail: 'infrastructure code, not a service' });
            else
                skipped.push({ path: dir, reason: 'not-a-service', detail: 'no Dockerfile, package.json or Python manifest' });
        }
    }
    for (const p of projects.values()) {
        if (p.deployable && !p.dockerfile && !serviceSet.has(p.path)) {
            const inner = services.filter((s) => s.path.startsWith(`${p.path}/`)).map((s) => s.path);
            skipped.push({ path: p.path, reason: 'not-a-service', detail: `holds ${inner.join(', ')}: the innermost directory is the service` });
        }
    }
    return { services, packages, skipped: skipped.sort((a, b) => (a.path < b.path ? -1 : 1)), containers };
}
const NAME = new RegExp(schema/* SERVICE_NAME_PATTERN */.FT);
/** A directory name as a catalog name (lower case, `-` for anything else, at most 63 characters). */
function catalogName(text) {
    const name = text.toLowerCase().replace(/^@[^/]+\//, '').replace(/[^a-z0-9-]+/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '').slice(0, 63).replace(/-$/, '');
    return NAME.test(name) ? name : `x${name}`.slice(0, 63);
}
/**
 * Names for directories: the directory's own name, or the name of the outermost directory that holds only this one
 * (`indigenious-gateway-service/indigenious-api-gateway` is indigenious-gateway-service, as the users' old scripts
 * called it); where two directories would get one name, both are named by their whole path.
 */
function nameDirectories(paths, containers, taken = []) {
    const held = new Map();
    for (const path of paths) {
        const parts = path.split('/');
        for (let i = 1; i < parts.length; i++)
            held.set(parts.slice(0, i).join('/'), (held.get(parts.slice(0, i).join('/')) ?? 0) + 1);
    }
    const isPath = new Set(paths);
    const proposed = new Map();
    for (const path of paths) {
        let named = path;
        const parts = path.split('/');
        for (let i = parts.length - 1; i >= 1; i--) {
            const outer = parts.slice(0, i).join('/');
            if (!containers.has(outer) || held.get(outer) !== 1 || isPath.has(outer))
                break;
            named = outer;
        }
        proposed.set(path, catalogName(named.slice(named.lastIndexOf('/') + 1)));
    }
    const count = new Map();
    for (const n of [...proposed.values(), ...taken])
        count.set(n, (count.get(n) ?? 0) + 1);
    for (const [path, name] of proposed)
        if (count.get(name) > 1)
            proposed.set(path, catalogName(path.replace(/\//g, '-')));
    return proposed;
}
/**
 * The prefix most names share (`indigenious-`), which a short alias leaves out; a prefix shared by fewer than half
 * the names is no prefix.
 */
function commonPrefix(names) {
    const counts = new Map();
    for (const n of names) {
        const m = /^([a-z0-9]+-)/.exec(n);
        if (m)
            counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
    }
    const [best] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
    return best && names.length >= 2 && best[1] * 2 >= names.length ? best[0] : '';
}
/** The short name of a service: without the shared prefix and a `-service` suffix (indigenious-auth-service -> auth). */
function shortName(name, prefix) {
    let short = prefix && name.startsWith(prefix) ? name.slice(prefix.length) : name;
    short = short.replace(/-(service|svc)$/, '');
    return short.length > 0 ? short : name;
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./packages/discover/src/compose.ts




const COMPOSE_FILE = /^(docker-)?compose(\.[\w-]+)?\.ya?ml$/;
/** Images of data stores and brokers: in AWS they are managed services (RDS, ElastiCache, MSK...), so infrastructure. */
const DATA_STORE_IMAGE = /^(postgres|postgis|mysql|mariadb|mongo|mongodb|redis|valkey|memcached|rabbitmq|cp-kafka|kafka|zookeeper|elasticsearch|opensearch|minio|localstack|dynamodb-local|nats|cassandra|neo4j|clickhouse-server|clickhouse|timescaledb)$/;
/** docker-compose files at the root and one or two levels down. */
function composeFiles(scan) {
    const out = [];
    for (const facts of scan.directories.values()) {
        if (facts.depth > 2)
            continue;
        for (const f of [...facts.files].sort())
            if (COMPOSE_FILE.test(f))
                out.push(facts.path ? `${facts.path}/${f}` : f);
    }
    return out;
}
const str = (n) => ((0,dist.isScalar)(n) && (typeof n.value === 'string' || typeof n.value === 'number') ? String(n.value) : undefined);
const lineOf = (node, lines) => (node?.range ? lines.linePos(node.range[0]).line : 0);
/**
 * Reads the docker-compose files: each compose service is matched to a discovered entry by its build context, else
 * by name; a data-store image (postgres, redis...) becomes an infrastructure entry; other image-only services
 * (mail catchers, admin UIs) are development tools and are listed as skipped.
 */
function readCompose(fs, scan, units, names) {
    const services = [];
    const infrastructure = [];
    const skipped = [];
    const byPath = new Map(units.filter((u) => u.path !== undefined).map((u) => [u.path, u.name]));
    for (const file of composeFiles(scan)) {
        const text = fs.read(file);
        if (text === undefined)
            continue;
        const lines = new dist.LineCounter();
        const doc = (0,dist.parseDocument)(text, { lineCounter: lines });
        // A compose file that does not parse is not evidence; `docker compose config` reports it better than we could.
        if (doc.errors.length)
            continue;
        const list = doc.get('services', true);
        if (!(0,dist.isMap)(list))
            continue;
        const dir = external_node_path_.posix.dirname(file) === '.' ? '' : external_node_path_.posix.dirname(file);
        for (const pair of list.items) {
            const key = str(pair.key);
            if (key === undefined || !(0,dist.isMap)(pair.value))
                continue;
            const node = pair.value;
            const service = { file, key, node, lines };
            const build = node.get('build', true);
            const context = str(build) ?? ((0,dist.isMap)(build) ? str(build.get('context', true)) : undefined);
            if (context !== undefined) {
                const path = external_node_path_.posix.normalize(external_node_path_.posix.join(dir || '.', context)).replace(/\/+$/, '');
                service.unit = byPath.get(path) ?? [...byPath.entries()].filter(([p]) => path.startsWith(`${p}/`)).sort((a, b) => b[0].length - a[0].length)[0]?.[1];
            }
            const image = str(node.get('image', true));
            const base = image?.split('@')[0].split(':')[0].split('/').pop();
            if (service.unit === undefined && context === undefined && base !== undefined && DATA_STORE_IMAGE.test(base)) {
                const name = catalogName(key);
                if (!infrastructure.some((u) => u.name === name)) {
                    infrastructure.push({ name, kind: 'infrastructure', dockerfile: false, aliases: [], found: `docker-compose service ${key} (image ${image}) in ${file}:${lineOf(pair.key, lines)}`, description: `${image} in ${file}: provision its AWS counterpart with Terraform` });
                }
                service.unit = name;
            }
            service.unit ??= names.get(key) ?? names.get(catalogName(key));
            if (service.unit === undefined && context === undefined && image !== undefined) {
                skipped.push({ path: `${file}#${key}`, reason: 'not-a-service', detail: `docker-compose service with image ${image}: a development tool, not in the catalog` });
            }
            services.push(service);
        }
    }
    return { services, infrastructure, skipped };
}
/** `depends_on` (list or map form) and the `environment` of compose services as evidence. */
function composeEvidence(compose, names, edges) {
    const unitOf = new Map();
    for (const s of compose)
        if (s.unit)
            unitOf.set(`${s.file}\0${s.key}`, s.unit);
    for (const s of compose) {
        if (!s.unit)
            continue;
        const dependsOn = s.node.get('depends_on', true);
        const deps = (0,dist.isSeq)(dependsOn) ? dependsOn.items : (0,dist.isMap)(dependsOn) ? dependsOn.items.map((p) => p.key) : [];
        for (const dep of deps) {
            const key = str(dep);
            const target = key === undefined ? undefined : unitOf.get(`${s.file}\0${key}`);
            if (target)
                edges.add(s.unit, target, { kind: 'compose', file: s.file, line: lineOf(dep, s.lines), text: key });
        }
        const environment = s.node.get('environment', true);
        const entries = (0,dist.isMap)(environment)
            ? environment.items.map((p) => ({ text: `${str(p.key) ?? ''}=${str(p.value) ?? ''}`, node: p.key }))
            : (0,dist.isSeq)(environment) ? environment.items.map((n) => ({ text: str(n) ?? '', node: n })) : [];
        for (const { text, node } of entries) {
            for (const r of (0,dependencies/* referencesInLine */.om)(text, names, [])) {
                if (r.via === 'name')
                    continue; // a bare name in a value is not settled evidence; the files' scan proposes those
                edges.add(s.unit, r.target, { kind: r.via, file: s.file, line: lineOf(node, s.lines), text: r.text });
            }
        }
    }
}

// EXTERNAL MODULE: ./packages/discover/src/evidence.ts
var evidence = __webpack_require__(6908);
;// CONCATENATED MODULE: ./packages/discover/src/tiers.ts
/** Tier names of the users' layout; a proposal with fewer tiers uses the first ones. */
const TIER_NAMES = [
    { name: 'core', description: 'Data stores, the gateway and what they need; deploys first' },
    { name: 'business', description: 'Services the core does not need' },
    { name: 'intelligence', description: 'Services that build on the business tier' },
    { name: 'optional', description: 'Services nothing else depends on (mark the tier optional: true to deploy them only where an environment enables them)' },
];
const GATEWAY = /(^|-)(gateway|api-gateway|proxy|ingress|edge)(-|$)/;
/**
 * Tiers from the dependency graph (edges must be acyclic). Each entry's height is the longest chain of dependents
 * above it; entries nothing depends on are at the top, and each dependency sits at least one tier lower, capped at
 * `maxTiers`. Data stores (infrastructure) and gateways go to tier 1 with everything they depend on, since tier 1 is
 * what the rest needs running. Tiers only ever decrease along a dependency, so no service ends up depending on a
 * higher tier (the catalog's rule; validate checks the written catalog with it).
 */
function proposeTiers(units, edges, maxTiers = 4) {
    const tiered = units.filter((u) => u.kind !== 'library');
    const isTiered = new Set(tiered.map((u) => u.name));
    const deps = new Map(tiered.map((u) => [u.name, []]));
    const dependents = new Map(tiered.map((u) => [u.name, []]));
    for (const e of edges) {
        if (!isTiered.has(e.from) || !isTiered.has(e.to))
            continue;
        deps.get(e.from).push(e.to);
        dependents.get(e.to).push(e.from);
    }
    // Heights in topological order, dependents first (Kahn's algorithm over the dependents' counts).
    const height = new Map();
    const waiting = new Map([...dependents].map(([n, d]) => [n, d.length]));
    const ready = [...tiered.map((u) => u.name).filter((n) => waiting.get(n) === 0)].sort();
    while (ready.length) {
        const name = ready.pop();
        const h = Math.max(-1, ...dependents.get(name).map((d) => height.get(d))) + 1;
        height.set(name, h);
        for (const d of deps.get(name)) {
            const left = waiting.get(d) - 1;
            waiting.set(d, left);
            if (left === 0)
                ready.push(d);
        }
    }
    if (height.size !== tiered.length)
        throw new Error('proposeTiers: the dependency graph has a cycle; break cycles first');
    const top = Math.min(maxTiers, Math.max(0, ...height.values()) + 1);
    const of = new Map();
    for (const u of tiered) {
        const h = height.get(u.name);
        const reason = h === 0 ? 'nothing depends on it' : `${dependents.get(u.name).length} service(s) depend on it; longest chain above it: ${h}`;
        of.set(u.name, { tier: top - Math.min(h, top - 1), reason });
    }
    // Tier 1 for data stores and gateways, and (so no tier-1 entry depends on a higher one) for all they depend on.
    const pull = (name, reason) => {
        const stack = [name];
        of.set(name, { tier: 1, reason });
        while (stack.length) {
            for (const d of deps.get(stack.pop())) {
                if (of.get(d).tier === 1)
                    continue;
                of.set(d, { tier: 1, reason: `a dependency of ${name} (tier 1)` });
                stack.push(d);
            }
        }
    };
    for (const u of tiered) {
        if (u.kind === 'infrastructure')
            pull(u.name, 'data store: tier 1');
        else if (GATEWAY.test(u.name) || u.aliases.some((a) => GATEWAY.test(a)))
            pull(u.name, 'gateway: tier 1');
    }
    const used = Math.max(1, ...[...of.values()].map((t) => t.tier));
    const tiers = Array.from({ length: used }, (_, i) => ({ id: i + 1, ...(TIER_NAMES[i] ?? { name: `tier-${i + 1}`, description: '' }) }));
    // With fewer tiers than names, the top tier is still "what nothing depends on".
    if (used > 1 && used < TIER_NAMES.length)
        tiers[used - 1] = { id: used, ...TIER_NAMES[TIER_NAMES.length - 1] };
    return { tiers, of };
}

;// CONCATENATED MODULE: ./packages/discover/src/discover.ts







const ROOT_GLOBAL_FILES = ['package-lock.json', 'yarn.lock', 'pnpm-lock.yaml', 'tsconfig.base.json', '.nvmrc', '.node-version', '.python-version'];
const IGNORE_FILE = '.tierdeployignore';
/**
 * Scans a repository and proposes its catalog: the deployable directories (innermost where they nest), libraries
 * other services depend on, data stores from docker-compose, dependencies with their evidence, and tiers.
 */
function discover(options) {
    const fs = options.fs ?? nodeRepoFs(options.root);
    const catalogDir = options.catalogDir ?? 'catalog';
    const scan = scanRepository(fs, {
        // The catalog directory is not scanned once it holds a catalog; before that, a service there is still found
        // (and the CLI refuses to write the catalog into it).
        exclude: catalogDir && fs.read(`${catalogDir}/services.yaml`) !== undefined ? [catalogDir] : [],
        ignore: parseIgnoreFile(fs.read(IGNORE_FILE)),
        ...(options.maxDepth === undefined ? {} : { maxDepth: options.maxDepth }),
    });
    const classified = classifyDirectories(fs, scan);
    const skipped = [...classified.skipped];
    const projects = [...classified.services, ...classified.packages];
    const named = nameDirectories(projects.map((p) => p.path), classified.containers);
    const envFiles = new Map(classified.services.map((p) => [p.path, (0,evidence/* configFiles */.ap)(fs, scan, p.path)]));
    const isService = new Set(classified.services);
    let units = projects.map((p) => {
        const service = isService.has(p);
        const unit = {
            name: named.get(p.path),
            kind: service ? 'service' : 'library',
            path: p.path,
            dockerfile: p.dockerfile,
            aliases: [],
            found: service ? [p.dockerfile ? 'Dockerfile' : '', p.start ?? ''].filter(Boolean).join(', ') : `${p.language === 'python' ? 'Python package' : 'package.json'} without a start entry, which other packages depend on`,
        };
        if (p.language)
            unit.language = p.language;
        if (service && !p.dockerfile && p.template) {
            if (Object.keys(p.template.args).length)
                unit.templateArgs = p.template.args;
            if (p.template.notes.length)
                unit.notes = p.template.notes;
        }
        if (p.packageName)
            unit.packageName = p.packageName;
        const port = service ? portOf(fs, p, envFiles.get(p.path)) : undefined;
        if (port)
            unit.port = port;
        return unit;
    });
    const prefix = options.platform && units.some((u) => u.name.startsWith(`${options.platform}-`)) ? `${options.platform}-` : commonPrefix(units.map((u) => u.name));
    assignAliases(units, prefix);
    const names = new Map();
    for (const u of units) {
        names.set(u.name, u.name);
        for (const a of u.aliases)
            names.set(a, u.name);
    }
    const compose = readCompose(fs, scan, units, names);
    for (const infra of compose.infrastructure) {
        // A data store named like a directory's entry is that entry (its compose service builds it).
        if (names.get(infra.name) === infra.name)
            continue;
        const owner = names.get(infra.name);
        if (owner)
            units.find((u) => u.name === owner).aliases = units.find((u) => u.name === owner).aliases.filter((a) => a !== infra.name);
        units.push(infra);
        names.set(infra.name, infra.name);
    }
    skipped.push(...compose.skipped);
    for (const s of compose.services)
        if (s.unit && !names.has(s.key))
            names.set(s.key, s.unit);
    const edges = new evidence/* EdgeSet */.y_();
    const proposed = new evidence/* EdgeSet */.y_();
    (0,evidence/* packageEvidence */.KD)(projects, units, edges);
    composeEvidence(compose.services, names, edges);
    for (const u of units)
        if (u.kind === 'service')
            (0,evidence/* referenceEvidence */.Bb)(fs, u, envFiles.get(u.path) ?? [], names, edges, proposed);
    // A package is a library only if a service needs it, directly or through another library.
    const keep = libraryNeeds(units, edges.edges());
    for (const u of units.filter((x) => x.kind === 'library' && !keep.has(x.name))) {
        skipped.push({ path: u.path, reason: 'not-a-service', detail: `${u.found.replace(/, which other packages depend on$/, '')}, and no service depends on it` });
    }
    units = units.filter((u) => u.kind !== 'library' || keep.has(u.name));
    const present = new Set(units.map((u) => u.name));
    const within = (e) => present.has(e.from) && present.has(e.to);
    let certain = edges.edges().filter(within);
    const settled = new Set(certain.map((e) => `${e.from}\0${e.to}`));
    let suggested = proposed.edges().filter((e) => within(e) && !settled.has(`${e.from}\0${e.to}`));
    if (options.acceptSuggested) {
        certain = [...certain, ...suggested];
        suggested = [];
    }
    const kindOf = new Map(units.map((u) => [u.name, u.kind]));
    const demoted = [];
    certain = certain.filter((e) => {
        if (kindOf.get(e.from) !== 'library' || kindOf.get(e.to) === 'library')
            return true;
        demoted.push({ ...e, doubt: 'a library may depend only on libraries' });
        return false;
    });
    certain = breakCycles(certain, demoted);
    suggested = [...suggested, ...demoted].sort((a, b) => (a.from + a.to < b.from + b.to ? -1 : 1));
    const tiers = proposeTiers(units, certain, options.maxTiers);
    const order = (u) => `${u.kind === 'infrastructure' ? 0 : u.kind === 'service' ? 1 : 2}${String(tiers.of.get(u.name)?.tier ?? 0).padStart(2, '0')}${u.name}`;
    units.sort((a, b) => (order(a) < order(b) ? -1 : 1));
    const sortEdges = (list) => [...list].sort((a, b) => (a.from === b.from ? (a.to < b.to ? -1 : 1) : a.from < b.from ? -1 : 1));
    return {
        platform: catalogName(options.platform ?? (prefix.replace(/-$/, '') || packageName(fs) || (0,external_node_path_.basename)(options.root))),
        units,
        edges: sortEdges(certain),
        suggested: sortEdges(suggested),
        skipped: skipped.sort((a, b) => (a.path < b.path ? -1 : 1)),
        tiers,
        globalPaths: ROOT_GLOBAL_FILES.filter((f) => scan.directories.get('').files.has(f)),
    };
}
function packageName(fs) {
    try {
        const name = JSON.parse(fs.read('package.json') ?? '{}').name;
        return typeof name === 'string' ? name : undefined;
    }
    catch {
        return undefined;
    }
}
/**
 * Short names as aliases (indigenious-auth-service -> auth; a service named after the directory holding it also
 * gets its inner directory's short name). An alias that is another entry's name, or that two entries would share,
 * is left out.
 */
function assignAliases(units, prefix) {
    const proposed = new Map();
    for (const u of units) {
        if (u.kind === 'infrastructure')
            continue;
        const candidates = [shortName(u.name, prefix)];
        if (u.path && !u.path.endsWith(`/${u.name}`) && u.path !== u.name)
            candidates.push(shortName(catalogName(u.path.slice(u.path.lastIndexOf('/') + 1)), prefix));
        proposed.set(u.name, [...new Set(candidates)].filter((a) => a !== u.name));
    }
    const count = new Map();
    for (const u of units)
        count.set(u.name, (count.get(u.name) ?? 0) + 2);
    for (const list of proposed.values())
        for (const a of list)
            count.set(a, (count.get(a) ?? 0) + 1);
    for (const u of units)
        u.aliases = (proposed.get(u.name) ?? []).filter((a) => count.get(a) === 1);
}
/** Libraries a service needs, directly or through other libraries. */
function libraryNeeds(units, edges) {
    const kind = new Map(units.map((u) => [u.name, u.kind]));
    const needed = new Set();
    const stack = edges.filter((e) => kind.get(e.from) === 'service' && kind.get(e.to) === 'library').map((e) => e.to);
    while (stack.length) {
        const lib = stack.pop();
        if (needed.has(lib))
            continue;
        needed.add(lib);
        for (const e of edges)
            if (e.from === lib && kind.get(e.to) === 'library')
                stack.push(e.to);
    }
    return needed;
}
/**
 * Removes the weakest edge of each dependency cycle (a bare reference before a compose `depends_on` before a
 * package dependency) into `demoted`, naming the cycle, until none is left: a catalog with a cycle does not validate.
 */
function breakCycles(edges, demoted) {
    let kept = edges;
    for (;;) {
        const graph = new Map();
        for (const e of kept) {
            if (!graph.has(e.from))
                graph.set(e.from, { dependsOn: [] });
            if (!graph.has(e.to))
                graph.set(e.to, { dependsOn: [] });
            graph.get(e.from).dependsOn.push(e.to);
        }
        const cycles = (0,build_core.findCycles)(graph);
        if (cycles.length === 0)
            return kept;
        for (const cycle of cycles) {
            const inCycle = cycle.map((from, i) => kept.find((e) => e.from === from && e.to === cycle[(i + 1) % cycle.length])).filter(Boolean);
            const strength = (e) => Math.max(...e.evidence.map((x) => evidence/* EVIDENCE_STRENGTH */.Sy[x.kind])) * 1000 + e.evidence.length;
            const weakest = inCycle.sort((a, b) => strength(a) - strength(b))[0];
            demoted.push({ ...weakest, doubt: `it would close the cycle ${[...cycle, cycle[0]].join(' -> ')}` });
            kept = kept.filter((e) => e !== weakest);
        }
    }
}

// EXTERNAL MODULE: ./packages/discover/src/render.ts
var render = __webpack_require__(7889);
;// CONCATENATED MODULE: ./packages/discover/src/merge.ts




const MISSING_NOTE = '# tierdeploy init --update:';
const repoPath = (p) => p.replace(/^(\.\/)+/, '').replace(/\/+$/, '').replace(/\/{2,}/g, '/');
/**
 * Merges a new discovery into an existing catalog (`init --update`) by adding text, so every hand-written field,
 * comment and format stays byte for byte: new entries go at the end of `services`, with their comments; an entry
 * whose directory is gone gets a comment above it and is listed, not removed (its dependents are the user's to fix).
 * A discovered entry is already in the catalog when an entry has its name, one of its aliases, or its path.
 */
function mergeCatalog(existing, file, discovery, pathExists) {
    const lines = new dist.LineCounter();
    const doc = (0,dist.parseDocument)(existing, { lineCounter: lines });
    if (doc.errors.length) {
        const e = doc.errors[0];
        const at = lines.linePos(e.pos[0]);
        throw new src_errors/* ConfigurationError */.j1(`${file}:${at.line}:${at.col}: cannot update a catalog that does not parse: ${e.message.split('\n')[0]} (fix it, or rewrite it with --force)`);
    }
    const services = doc.get('services', true);
    if (!(0,dist.isMap)(services) || services.items.length === 0 || services.flow)
        throw new src_errors/* ConfigurationError */.j1(`${file} has no block mapping of services to add to (rewrite it with --force)`);
    // What the catalog has: names, aliases, paths and tiers.
    const known = new Map();
    const byPath = new Map();
    const tierOf = new Map();
    const pairs = services.items;
    for (const pair of pairs) {
        const name = String(pair.key.value);
        known.set(name, name);
        if (!(0,dist.isMap)(pair.value))
            continue;
        const path = pair.value.get('path');
        if (typeof path === 'string')
            byPath.set(repoPath(path), name);
        const tier = pair.value.get('tier');
        if (typeof tier === 'number')
            tierOf.set(name, tier);
        const aliases = pair.value.get('aliases', true);
        if ((0,dist.isSeq)(aliases))
            for (const a of aliases.items)
                if ((0,dist.isScalar)(a) && typeof a.value === 'string' && !known.has(a.value))
                    known.set(a.value, name);
    }
    const tierList = doc.get('tiers', true);
    const tierIds = ((0,dist.isSeq)(tierList) ? tierList.items : []).map((t) => ((0,dist.isMap)(t) ? t.get('id') : undefined)).filter((id) => typeof id === 'number').sort((a, b) => a - b);
    // Discovered name -> catalog name, for entries the catalog has.
    const existingName = new Map();
    for (const u of discovery.units) {
        const name = known.get(u.name) ?? (u.path === undefined ? undefined : byPath.get(u.path));
        if (name)
            existingName.set(u.name, name);
    }
    const isNew = (u) => !existingName.has(u.name);
    const inputs = (0,render/* entryInputs */.gA)(discovery);
    let added = inputs.filter((i) => isNew(i.unit) && i.unit.kind !== 'infrastructure');
    // A data store is added only when an added service needs it: the catalog may call it something else already.
    const needed = new Set(added.flatMap((i) => i.dependsOn.map((e) => e.to)));
    added = [...inputs.filter((i) => isNew(i.unit) && i.unit.kind === 'infrastructure' && needed.has(i.unit.name)), ...added];
    const addedNames = new Set(added.map((i) => i.unit.name));
    const resolved = added.map((i) => withCatalogNames(i, existingName, known));
    // Tiers: an added entry goes no lower than its proposal and its dependencies, on a tier the catalog defines.
    const top = tierIds.at(-1) ?? 1;
    const tierFor = new Map();
    const tierOfName = (n) => tierOf.get(n) ?? tierFor.get(n) ?? 0;
    for (let pass = 0; pass <= resolved.length; pass++) {
        for (const i of resolved) {
            if (i.unit.kind === 'library' || !i.tier)
                continue;
            const need = Math.max(Math.min(i.tier.tier, top), ...i.dependsOn.map((e) => tierOfName(e.to)));
            tierFor.set(i.unit.name, tierIds.find((id) => id >= need) ?? top);
        }
    }
    for (const i of resolved) {
        const t = tierFor.get(i.unit.name);
        if (t !== undefined && i.tier)
            i.tier = { tier: t, reason: t === i.tier.tier ? i.tier.reason : `its dependencies' tiers in this catalog (proposed ${i.tier.tier})` };
    }
    const insertions = [];
    if (resolved.length) {
        const end = services.range[1];
        const indent = lines.linePos(pairs[0].key.range[0]).col - 1;
        const block = `\n${(0,render/* renderEntries */.nU)(resolved, indent).replace(/^(\s*)#/, `$1# added by tierdeploy init --update\n$1#`)}`;
        insertions.push(existing[end - 1] === '\n' || end === 0 ? { at: end, text: block } : { at: end, text: `\n${block}` });
    }
    const missing = [];
    for (const pair of pairs) {
        const name = String(pair.key.value);
        if (!(0,dist.isMap)(pair.value))
            continue;
        const path = pair.value.get('path');
        if (typeof path !== 'string' || pair.value.get('disabled') === true || pathExists(repoPath(path)))
            continue;
        missing.push({ name, path });
        const start = pair.key.range[0];
        const lineStart = existing.lastIndexOf('\n', start - 1) + 1;
        const previous = existing.slice(existing.lastIndexOf('\n', lineStart - 2) + 1, lineStart);
        if (previous.trimStart().startsWith(MISSING_NOTE))
            continue;
        insertions.push({ at: lineStart, text: `${' '.repeat(start - lineStart)}${MISSING_NOTE} ${repoPath(path)} no longer exists; remove ${name} or fix its path\n` });
    }
    let text = existing;
    for (const { at, text: insert } of insertions.sort((a, b) => b.at - a.at))
        text = text.slice(0, at) + insert + text.slice(at);
    const notes = [];
    for (const e of discovery.edges) {
        const from = existingName.get(e.from);
        if (from && addedNames.has(e.to))
            notes.push(`${from} refers to the added ${e.to}: ${(0,evidence/* describeEvidence */.RQ)(e.evidence[0])}; add it to ${from}'s dependsOn if it needs it`);
    }
    return { text, added: [...addedNames], missing, notes };
}
/** An added entry with its dependencies named as the catalog names them, and aliases the catalog does not use yet. */
function withCatalogNames(input, existingName, known) {
    const rename = (e) => ({ ...e, to: existingName.get(e.to) ?? e.to });
    return {
        ...input,
        unit: { ...input.unit, aliases: input.unit.aliases.filter((a) => !known.has(a)) },
        dependsOn: input.dependsOn.map(rename),
        suggested: input.suggested.map(rename),
    };
}

;// CONCATENATED MODULE: ./packages/discover/src/files.ts


/** The files `tierdeploy init` writes, by path relative to the catalog directory. */
function catalogFiles(discovery, options) {
    const files = {
        'services.yaml': (0,render/* renderCatalog */.ek)(discovery),
        'schema.json': `${JSON.stringify((0,schema/* catalogSchemaDocument */.ql)(), null, 2)}\n`,
    };
    options.environments.forEach((name, i) => {
        const production = i === options.environments.length - 1 && options.environments.length > 1;
        files[`environments/${name}.yaml`] = (0,render/* renderEnvironment */.Cp)(name, {
            platform: discovery.platform,
            region: options.region,
            regionGiven: options.regionGiven,
            production,
            ...(i > 0 ? { previous: options.environments[i - 1] } : {}),
        });
    });
    return files;
}

;// CONCATENATED MODULE: ./packages/workflows/src/release-pins.ts
/**
 * Release pinning: rewriting tierdeploy's own `uses:` references (tierdeploy/tierdeploy/actions/NAME and
 * tierdeploy/tierdeploy/.github/workflows/FILE.yml) from the floating major tag to commit SHAs, so a caller pinning
 * one released workflow by SHA runs nothing that can still move. docs/releasing.md explains the release commits.
 */

const FIRST_PARTY_PREFIX = 'tierdeploy/tierdeploy/';
/** A `uses:` line naming a tierdeploy action or reusable workflow: key, quote, path, ref, and any comment after it. */
const USES_LINE = /^([ \t]*(?:-[ \t]+)?uses:[ \t]*)(["']?)tierdeploy\/tierdeploy\/(actions\/[\w.-]+|\.github\/workflows\/[\w.-]+\.ya?ml)@([^\s"'#]+)\2([ \t]*#[^\n]*)?$/gm;
const SHA = /^[0-9a-f]{40}$/;
const VERSION = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/;
/** Every reference a workflow or action file makes to tierdeploy's own actions and reusable workflows. */
function firstPartyReferences(text) {
    return [...text.matchAll(USES_LINE)].map((m) => {
        const version = /#\s*v(\d+\.\d+\.\d+\S*)/.exec(m[5] ?? '')?.[1];
        return { line: text.slice(0, m.index).split('\n').length, path: m[3], ref: m[4], ...(version ? { version } : {}) };
    });
}
/**
 * Rewrites every first-party reference to `@SHA # vVERSION`, whatever it named before (the major tag, or the SHA of
 * an earlier release pass); third-party `uses:` lines and everything else are left byte for byte.
 */
function pinFirstPartyReferences(text, sha, version) {
    if (!SHA.test(sha))
        throw new Error(`pinFirstPartyReferences: '${sha}' is not a full lower-case commit SHA (40 hex digits)`);
    if (!VERSION.test(version))
        throw new Error(`pinFirstPartyReferences: '${version}' is not a release version such as 1.2.0 (no leading v)`);
    return text.replace(USES_LINE, (_line, key, quote, path) => `${key}${quote}${FIRST_PARTY_PREFIX}${path}@${sha}${quote} # v${version}`);
}
/** The file a reference runs: an action's action.yml, or the reusable workflow itself. */
function referencedFile(path) {
    return path.startsWith('actions/') ? `${path}/action.yml` : path;
}
/**
 * Which files of the repository carry first-party references that a release pins: the reusable workflows, the
 * examples callers copy, the copy of the examples bundled with the CLI (what `tierdeploy init --workflows` writes),
 * and the actions (none refers to another today; a composite one could).
 */
function isPinnedOnRelease(path) {
    return /^(\.github\/workflows|examples\/workflows|packages\/cli\/dist\/workflows)\/[^/]+\.ya?ml$/.test(path) || /^actions\/[^/]+\/action\.ya?ml$/.test(path);
}
/**
 * How many release commits pin a chain of calls fully: the longest chain of first-party references starting at any
 * file (an example calls promote.yml, which calls deploy.yml, which calls release.yml, which uses the actions: 4).
 * A commit cannot name its own SHA, so each release commit pins every reference to its parent; after N commits a file
 * N calls deep reaches only commits whose own references are pinned (docs/releasing.md, "Release commits").
 */
function pinningPasses(files) {
    const depth = new Map();
    const visit = (file, seen) => {
        if (seen.includes(file))
            throw new Error(`first-party references form a cycle: ${[...seen, file].join(' -> ')}`);
        const known = depth.get(file);
        if (known !== undefined)
            return known;
        const text = files[file];
        const d = text === undefined ? 0 : Math.max(0, ...firstPartyReferences(text).map((r) => 1 + visit(referencedFile(r.path), [...seen, file])));
        depth.set(file, d);
        return d;
    };
    return Math.max(0, ...Object.keys(files).map((f) => visit(f, [])));
}
/**
 * Follows every first-party reference from `files` (as they are at `commit`) through the commits they name, and
 * returns each reference that can still move (a tag or branch rather than a commit SHA), as `file@commit: path@ref`.
 * `show(commit, path)` reads a file at a commit (undefined when it does not exist there).
 */
function unpinnedReferences(commit, files, show) {
    const problems = [];
    const seen = new Set();
    const walk = (at, file) => {
        const key = `${file}@${at}`;
        if (seen.has(key))
            return;
        seen.add(key);
        const text = show(at, file);
        if (text === undefined) {
            problems.push(`${key}: no such file`);
            return;
        }
        for (const r of firstPartyReferences(text)) {
            if (!SHA.test(r.ref))
                problems.push(`${key}:${r.line}: ${r.path}@${r.ref}`);
            else
                walk(r.ref, referencedFile(r.path));
        }
    };
    for (const file of files)
        walk(commit, file);
    return problems;
}
/**
 * Makes the release commits on top of HEAD (the released code): each pins every first-party reference of the
 * release's files to its parent, as many times as `pinningPasses` says. Returns the commits made, the last being
 * the one to tag. Fails when the floating reference is not the version's major tag, or when, afterwards, a
 * reference reachable from the last commit can still move.
 */
function pinRelease(options) {
    const { version, git } = options;
    const log = options.log ?? (() => { });
    const major = `v${version.split('.')[0]}`;
    if (FIRST_PARTY_REF !== major) {
        throw new Error(`the workflows float on ${FIRST_PARTY_REF} (FIRST_PARTY_REF, packages/workflows/src/pins.ts) but this release is ${version}, whose major tag is ${major}: release a ${FIRST_PARTY_REF.slice(1)}.x.y version, or change FIRST_PARTY_REF and rebuild first`);
    }
    if (git('status', '--porcelain'))
        throw new Error('the working tree has uncommitted changes: the release commits must hold only the pinned references');
    const paths = git('ls-files').split('\n').filter(isPinnedOnRelease);
    const passes = pinningPasses(Object.fromEntries(paths.map((p) => [p, options.read(p)])));
    const commits = [];
    for (let pass = 1; pass <= passes; pass++) {
        const parent = git('rev-parse', 'HEAD');
        const changed = paths.filter((p) => {
            const text = options.read(p);
            const pinned = pinFirstPartyReferences(text, parent, version);
            if (pinned === text)
                return false;
            options.write(p, pinned);
            return true;
        });
        git('add', '--', ...changed);
        git('commit', '--quiet', '--no-verify', '-m', `release v${version}: pin tierdeploy's own references to ${parent.slice(0, 12)} (${pass} of ${passes})`);
        commits.push(git('rev-parse', 'HEAD'));
        log(`pass ${pass} of ${passes}: ${changed.length} files pinned to ${parent}`);
    }
    const head = commits.at(-1) ?? git('rev-parse', 'HEAD');
    const show = (commit, path) => {
        try {
            return git('show', `${commit}:${path}`);
        }
        catch {
            return undefined;
        }
    };
    const unpinned = unpinnedReferences(head, paths, show);
    if (unpinned.length)
        throw new Error(`after ${passes} release commits, references can still move:\n  ${unpinned.join('\n  ')}`);
    return { commits, passes };
}
/**
 * A release's notes: the body of CHANGELOG.md's `## [VERSION]` section (Keep a Changelog), without its heading and
 * link definitions. Fails when there is none or it is empty, so nothing is released without notes.
 */
function releaseNotes(changelog, version) {
    const lines = changelog.split('\n');
    const start = lines.findIndex((l) => new RegExp(`^## \\[${version.replace(/\./g, '\\.')}\\]( - \\d{4}-\\d{2}-\\d{2})?\\s*$`).test(l));
    if (start === -1)
        throw new Error(`CHANGELOG.md has no "## [${version}] - YYYY-MM-DD" section: move the Unreleased entries under it before releasing`);
    const end = lines.findIndex((l, i) => i > start && (/^## /.test(l) || /^\[[^\]]+\]:\s/.test(l)));
    const body = lines.slice(start + 1, end === -1 ? undefined : end).join('\n').trim();
    if (!body)
        throw new Error(`CHANGELOG.md's section for ${version} is empty: say what changed`);
    return `${body}\n`;
}

// EXTERNAL MODULE: ./packages/cli/src/args.ts
var src_args = __webpack_require__(7109);
// EXTERNAL MODULE: ./packages/cli/src/cli-io.ts
var cli_io = __webpack_require__(7801);
;// CONCATENATED MODULE: ./packages/cli/src/commands/init.ts








const usage = 'tierdeploy init [--dir REPO] [--catalog DIR] [--update | --force] [--accept-suggested] [--platform NAME] [--environments dev,staging,production] [--region REGION] [--workflows] [--dry-run]';
/**
 * The caller workflows `--workflows` writes: examples/workflows (which the workflow simulator runs) from source; the
 * bundler (ncc) copies that folder into dist/workflows and replaces this expression with the copy's path. A release
 * pins the copy's references to the release's commits (scripts/pin-release.mjs), so an installed tierdeploy writes
 * workflows pinned to itself.
 */
const workflowsLocation = __webpack_require__.ab + "workflows";
const BUNDLED_WORKFLOWS = typeof workflowsLocation === 'string' ? workflowsLocation : (0,external_node_url_.fileURLToPath)(workflowsLocation);
const REGION = /^[a-z]{2}(-gov)?-[a-z]+-\d$/;
/** The flags `init` and `discover` share: where the repository is and how to read it. */
const discoveryFlags = { dir: { type: 'string' }, catalog: { type: 'string' }, platform: { type: 'string' }, 'accept-suggested': { type: 'boolean' } };
/** Reads the shared flags, checks them, and discovers the repository. */
function runDiscovery(values, io) {
    const root = (0,external_node_path_.resolve)(io.cwd, (0,src_args/* stringFlag */.AM)(values, 'dir') ?? '.');
    if (!(0,external_node_fs_.existsSync)(root) || !(0,external_node_fs_.statSync)(root).isDirectory())
        throw new cli_io/* UsageError */.e(`--dir ${(0,src_args/* stringFlag */.AM)(values, 'dir')}: no such directory (the repository to scan)`);
    const catalogFlag = (0,src_args/* stringFlag */.AM)(values, 'catalog');
    const catalogDir = catalogFlag === undefined ? (0,external_node_path_.join)(root, 'catalog') : (0,external_node_path_.resolve)(io.cwd, catalogFlag);
    const platform = (0,src_args/* stringFlag */.AM)(values, 'platform');
    if (platform !== undefined && !new RegExp(schema/* SERVICE_NAME_PATTERN */.FT).test(platform))
        throw new cli_io/* UsageError */.e(`--platform '${platform}' is not a valid name: lower-case letters, digits and -, like indigenious`);
    const inRepo = (0,external_node_path_.relative)(root, catalogDir);
    const discovery = discover({
        root,
        catalogDir: inRepo.startsWith('..') || (0,external_node_path_.isAbsolute)(inRepo) ? '' : inRepo.split('\\').join('/'),
        ...(platform ? { platform } : {}),
        ...(values['accept-suggested'] ? { acceptSuggested: true } : {}),
    });
    return { root, catalogDir, shown: (0,external_node_path_.relative)(io.cwd, catalogDir) || '.', discovery };
}
/** Counts and the lists to act on: proposed dependencies and directories left out. */
function summarise(discovery) {
    const count = (kind) => discovery.units.filter((u) => u.kind === kind).length;
    const lines = [
        `found ${count('service')} services, ${count('library')} libraries and ${count('infrastructure')} data stores in ${discovery.tiers.tiers.length} tiers; ${discovery.edges.length} dependencies with evidence`,
    ];
    if (discovery.suggested.length) {
        lines.push(`${discovery.suggested.length} dependencies proposed, not written (add them by hand, or run with --accept-suggested for those without a doubt):`);
        for (const e of discovery.suggested)
            lines.push(`  ${e.from} -> ${e.to}: ${(0,evidence/* describeEvidence */.RQ)(e.evidence[0])}${e.doubt ? ` (not written: ${e.doubt})` : ''}`);
    }
    if (discovery.skipped.length) {
        lines.push(`${discovery.skipped.length} directories not in the catalog:`);
        for (const s of discovery.skipped)
            lines.push(`  ${s.path}: ${s.detail}`);
    }
    return lines;
}
/** The files validated in memory (a dry run writes nothing, so validate cannot read them). */
function checkInMemory(run, files) {
    const file = (f) => (0,external_node_path_.join)(run.shown, f);
    return buildCatalog({
        dir: run.shown,
        root: run.root,
        services: { file: file('services.yaml'), text: files['services.yaml'] },
        environments: Object.entries(files).filter(([f]) => f.startsWith('environments/')).map(([f, text]) => ({ file: file(f), text })),
        pathExists: (p) => (0,external_node_fs_.existsSync)((0,external_node_path_.join)(run.root, p)),
    });
}
function report(problems, io, what) {
    for (const p of problems)
        io.stderr((0,src_errors/* formatProblem */.Vw)(p));
    const errors = problems.filter((p) => p.severity === 'error').length;
    io.stderr(errors ? `${what}: ${errors} error${errors === 1 ? '' : 's'} (tierdeploy validate lists them with file:line; please report a catalog init writes that does not validate)` : `${what}: valid${problems.length ? ` (${problems.length} warning${problems.length === 1 ? '' : 's'})` : ''}`);
    return errors ? 1 : 0;
}
async function run(args, io) {
    const { values } = (0,src_args/* parseFlags */.bQ)(args, { ...discoveryFlags, update: { type: 'boolean' }, force: { type: 'boolean' }, environments: { type: 'string' }, region: { type: 'string' }, workflows: { type: 'boolean' }, 'dry-run': { type: 'boolean' } });
    if (values.update && values.force)
        throw new cli_io/* UsageError */.e('give --update or --force, not both: --update adds to the catalog, --force rewrites it');
    const environments = ((0,src_args/* stringFlag */.AM)(values, 'environments') ?? 'dev,staging,production').split(',').map((e) => e.trim());
    const badEnv = environments.find((e) => !new RegExp(schema/* SERVICE_NAME_PATTERN */.FT).test(e));
    if (badEnv !== undefined)
        throw new cli_io/* UsageError */.e(`--environments: '${badEnv}' is not an environment name (lower-case letters, digits and -), e.g. --environments dev,staging,production`);
    if (new Set(environments).size !== environments.length)
        throw new cli_io/* UsageError */.e(`--environments names an environment twice: ${environments.join(',')}`);
    const regionFlag = (0,src_args/* stringFlag */.AM)(values, 'region') ?? io.env.AWS_REGION ?? io.env.AWS_DEFAULT_REGION;
    if (regionFlag !== undefined && !REGION.test(regionFlag))
        throw new cli_io/* UsageError */.e(`--region '${regionFlag}' is not an AWS region, e.g. ca-central-1`);
    const started = Date.now();
    const run = runDiscovery(values, io);
    const owner = run.discovery.units.find((u) => u.path !== undefined && (run.catalogDir === (0,external_node_path_.join)(run.root, u.path) || run.catalogDir.startsWith(`${(0,external_node_path_.join)(run.root, u.path)}/`)));
    if (owner)
        throw new src_errors/* ConfigurationError */.j1(`${run.shown} is inside ${owner.name} (${owner.path}): writing the catalog there would change that service; pass --catalog DIR`);
    const servicesFile = (0,external_node_path_.join)(run.catalogDir, 'services.yaml');
    const shownFile = (0,external_node_path_.join)(run.shown, 'services.yaml');
    for (const line of summarise(run.discovery))
        io.stderr(line);
    io.stderr(`scanned ${run.root} in ${Date.now() - started} ms`);
    if (values.update) {
        if (!(0,external_node_fs_.existsSync)(servicesFile))
            throw new src_errors/* ConfigurationError */.j1(`no catalog at ${shownFile} to update: run tierdeploy init without --update to write one`);
        const merged = mergeCatalog((0,external_node_fs_.readFileSync)(servicesFile, 'utf8'), shownFile, run.discovery, (p) => (0,external_node_fs_.existsSync)((0,external_node_path_.join)(run.root, p)));
        io.stdout(merged.added.length ? `${values['dry-run'] ? 'would add' : 'added'} ${merged.added.length}: ${merged.added.join(', ')}` : 'nothing new to add');
        for (const m of merged.missing)
            io.stdout(`${m.name}: its directory ${m.path} no longer exists; remove the entry or fix its path (a comment above it says so)`);
        for (const note of merged.notes)
            io.stdout(note);
        if (!values['dry-run'])
            (0,external_node_fs_.writeFileSync)(servicesFile, merged.text);
        const checked = await (0,load/* checkCatalog */.k)({ dir: run.catalogDir, root: run.root, checkPaths: true });
        if (values['dry-run'] && !values.workflows)
            return 0;
        return withWorkflows(values['dry-run'] ? 0 : report(checked.problems, io, shownFile), checked, run, values, io);
    }
    if ((0,external_node_fs_.existsSync)(servicesFile) && !values.force) {
        throw new src_errors/* ConfigurationError */.j1(`${shownFile} already exists: run tierdeploy init --update to add what is new and keep what is written, or --force to overwrite it`);
    }
    const files = catalogFiles(run.discovery, { environments, region: regionFlag ?? 'us-east-1', regionGiven: regionFlag !== undefined });
    if (values['dry-run']) {
        io.stdout(files['services.yaml'].trimEnd());
        const checked = checkInMemory(run, files);
        return withWorkflows(report(checked.problems, io, `${shownFile} (not written: --dry-run)`), checked, run, values, io);
    }
    const written = [];
    for (const [name, text] of Object.entries(files)) {
        const path = (0,external_node_path_.join)(run.catalogDir, name);
        // Environment files already there are the user's (a catalog directory started by hand): kept unless --force.
        if (name.startsWith('environments/') && (0,external_node_fs_.existsSync)(path) && !values.force)
            continue;
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(path), { recursive: true });
        (0,external_node_fs_.writeFileSync)(path, text);
        written.push((0,external_node_path_.join)(run.shown, name));
    }
    io.stdout(`wrote ${written.join(', ')}`);
    if ((0,external_node_path_.dirname)(run.catalogDir) !== run.root)
        io.stdout(`note: the other commands read service paths relative to the catalog's parent directory (${(0,external_node_path_.dirname)(run.catalogDir)}), not ${run.root}`);
    if (regionFlag === undefined)
        io.stdout('the environment files use region us-east-1 as a placeholder: set each one\'s region, account and roleArn');
    const checked = await (0,load/* checkCatalog */.k)({ dir: run.catalogDir, root: run.root, checkPaths: true });
    return withWorkflows(report(checked.problems, io, shownFile), checked, run, values, io);
}
/** After the catalog: with --workflows (and a catalog that validates), the caller workflows and the checklist. */
function withWorkflows(code, checked, run, values, io) {
    if (!values.workflows || code !== 0 || !checked.catalog)
        return code;
    const written = writeCallerWorkflows(checked.catalog, run.root, { force: values.force === true, dryRun: values['dry-run'] === true });
    const shown = (files) => files.map((f) => (0,external_node_path_.relative)(io.cwd, (0,external_node_path_.join)(run.root, f)) || f).join(', ');
    if (written.written.length)
        io.stdout(`${values['dry-run'] ? 'would write' : 'wrote'} ${shown(written.written)}`);
    if (written.kept.length)
        io.stdout(`kept ${shown(written.kept)}: already there (--force overwrites them)`);
    io.stdout(written.pinnedTo);
    for (const line of setupChecklist(checked.catalog))
        io.stdout(line);
    return 0;
}
/** The caller workflows, by file name: what `--workflows` writes into .github/workflows/. */
function callerWorkflows(dir = BUNDLED_WORKFLOWS) {
    const names = (0,external_node_fs_.readdirSync)(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
    return Object.fromEntries(names.map((name) => [name, (0,external_node_fs_.readFileSync)((0,external_node_path_.join)(dir, name), 'utf8')]));
}
/** The environments the caller workflows deploy to by name: push -> staging, promotion -> production. */
const WORKFLOW_ENVIRONMENTS = ['staging', 'production'];
/**
 * Writes the caller workflows into ROOT/.github/workflows, keeping files already there unless `force`. Returns
 * the paths written and kept (relative to root), and a line saying which tierdeploy they run.
 */
function writeCallerWorkflows(catalog, root, options) {
    const missing = WORKFLOW_ENVIRONMENTS.filter((e) => !catalog.environments.has(e));
    if (missing.length) {
        throw new src_errors/* ConfigurationError */.j1(`--workflows writes workflows that deploy to staging on every push and promote to production, but the catalog has no ${missing.map((e) => `environment '${e}' (${(0,external_node_path_.join)((0,external_node_path_.relative)(root, catalog.dir) || '.', 'environments', `${e}.yaml`)})`).join(' and no ')}: add ${missing.length === 1 ? 'it' : 'them'} (tierdeploy init --environments dev,staging,production), or copy and adapt examples/workflows by hand`);
    }
    const templates = callerWorkflows(options.templates);
    const written = [];
    const kept = [];
    for (const [name, text] of Object.entries(templates)) {
        const file = (0,external_node_path_.join)('.github/workflows', name);
        if ((0,external_node_fs_.existsSync)((0,external_node_path_.join)(root, file)) && !options.force) {
            kept.push(file);
            continue;
        }
        written.push(file);
        if (options.dryRun)
            continue;
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.join)(root, '.github/workflows'), { recursive: true });
        (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(root, file), text);
    }
    return { written, kept, pinnedTo: describePin(Object.values(templates)) };
}
/** Which tierdeploy the written workflows run: a release's commit (a release build), or the moving major tag. */
function describePin(texts) {
    const refs = new Map(texts.flatMap((t) => firstPartyReferences(t)).map((r) => [r.ref, r.version]));
    const [ref, version] = refs.size === 1 ? [...refs][0] : [];
    if (ref !== undefined && /^[0-9a-f]{40}$/.test(ref))
        return `the workflows run tierdeploy ${version ? `v${version} ` : ''}pinned by commit ${ref}; to upgrade, put a newer release's commit in their uses: lines (docs/releasing.md)`;
    return `the workflows run tierdeploy@${[...refs.keys()].join(', @')}, a tag that moves with each release: this tierdeploy is not a published release (a release pins its commit); pin a commit SHA before production use`;
}
/**
 * What to set up in GitHub and AWS before the first run, as a checklist (docs/workflows.md, "GitHub environments
 * to create" and "AWS roles (OIDC)"): the catalog's environments with their deployment branches, the approval
 * environment, the OIDC subject claim the roles trust, the two roles per environment, and no secrets.
 */
function setupChecklist(catalog) {
    // Promotion order as far as the catalog tells it: environments that ask for an approval (production) last.
    const environments = [...catalog.environments.values()].sort((a, b) => Number(a.requireApproval === true) - Number(b.requireApproval === true));
    // GitHub refuses a job whose ref the environment's deployment branches do not allow: the catalog's refs for the
    // environment, and main for the two the written workflows deploy on a push to main.
    const refs = (e) => {
        const branches = [...new Set([...(WORKFLOW_ENVIRONMENTS.includes(e.name) ? ['main'] : []), ...(e.branches ?? [])])];
        return [branches.length ? `branches ${branches.join(', ')}` : '', e.tags?.length ? `tags ${e.tags.join(', ')}` : ''].filter(Boolean).join(' and ') || 'the branches you deploy from';
    };
    const lines = ['', 'Before the first run (docs/workflows.md, "GitHub environments to create" and "AWS roles (OIDC)"):', 'GitHub, Settings > Environments:'];
    for (const e of environments) {
        lines.push(`  [ ] ${e.name}: deployment ${refs(e)}; no required reviewers, no wait timer (every job of a ${e.name} deploy runs in it)`);
        if (e.requireApproval) {
            lines.push(`  [ ] ${e.name}-approval: required reviewers (your release managers), prevent self-review on, administrators may not bypass; deployment ${refs(e)}; no secrets (only the approve job runs in it)`);
        }
    }
    lines.push("GitHub, the OIDC subject claim (the roles trust the job_workflow_ref of tierdeploy's workflows):", "  [ ] gh api -X PUT repos/OWNER/REPO/actions/oidc/customization/sub -F use_default=false -f 'include_claim_keys[]=repo' -f 'include_claim_keys[]=context' -f 'include_claim_keys[]=job_workflow_ref'", 'AWS, once per account: terraform/bootstrap (with terraform/modules/github-oidc) creates the OIDC provider and two roles per environment (terraform output deploy_role_arns, build_role_arns):');
    for (const e of environments) {
        const role = (kind) => `arn:aws:iam::${e.account ?? 'ACCOUNT'}:role/${catalog.platform}-${e.name}-${kind}`;
        const deploy = typeof e.roleArn === 'string' ? `roleArn ${e.roleArn} (set)` : `roleArn ${role('deploy')}`;
        const build = e.buildRoleArn ? `buildRoleArn ${e.buildRoleArn} (set)` : `buildRoleArn ${role('build')}`;
        lines.push(`  [ ] ${e.name}: ${deploy}, ${build}; set both, and account, in ${(0,external_node_path_.relative)(catalog.root, e.file) || e.file}`);
    }
    lines.push('Secrets and variables:', '  [ ] none to create: AWS is reached with OIDC, deployments are recorded with github.token; keep AWS keys out of GitHub');
    return lines;
}


/***/ }),

/***/ 6908:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bb: () => (/* binding */ referenceEvidence),
/* harmony export */   KD: () => (/* binding */ packageEvidence),
/* harmony export */   RQ: () => (/* binding */ describeEvidence),
/* harmony export */   Sy: () => (/* binding */ EVIDENCE_STRENGTH),
/* harmony export */   ap: () => (/* binding */ configFiles),
/* harmony export */   y_: () => (/* binding */ EdgeSet)
/* harmony export */ });
/* unused harmony export lineAt */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _tierdeploy_doctor__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2304);


/** 1-based line of a character offset. */
function lineAt(text, index) {
    let line = 1;
    for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1))
        line++;
    return line;
}
/** Collects evidence into edges, one per (from, to), in the order found. */
class EdgeSet {
    byKey = new Map();
    add(from, to, evidence) {
        if (from === to)
            return; // a service naming itself is not a dependency
        const key = `${from}\0${to}`;
        const edge = this.byKey.get(key);
        if (!edge)
            this.byKey.set(key, { from, to, evidence: [evidence] });
        else if (!edge.evidence.some((e) => e.file === evidence.file && e.line === evidence.line && e.text === evidence.text))
            edge.evidence.push(evidence);
    }
    edges() {
        return [...this.byKey.values()];
    }
}
/** The unit owning a repository path: the one with exactly that path, else the innermost holding it. */
function unitAt(units, path) {
    let best;
    for (const u of units) {
        if (u.path === undefined || !(path === u.path || path.startsWith(`${u.path}/`)))
            continue;
        if (!best || u.path.length > best.path.length)
            best = u;
    }
    return best;
}
/** A path relative to a directory, as a repository path; undefined when it leaves the repository. */
function resolveFrom(dir, relative) {
    const joined = node_path__WEBPACK_IMPORTED_MODULE_0__.posix.normalize(node_path__WEBPACK_IMPORTED_MODULE_0__.posix.join(dir || '.', relative.replace(/^file:(\/\/)?/, ''))).replace(/\/+$/, '');
    return joined === '..' || joined.startsWith('../') || node_path__WEBPACK_IMPORTED_MODULE_0__.posix.isAbsolute(joined) ? undefined : joined;
}
/**
 * Workspace dependencies: a package.json dependency on a sibling package (by its name, or a file:/link: path), and a
 * Python path dependency (pyproject `path = "../x"`, requirements `-e ../x`). Certain: the build needs them.
 */
function packageEvidence(projects, units, edges) {
    const byPackage = new Map();
    for (const u of units)
        if (u.packageName)
            byPackage.set(u.packageName, u);
    const byPath = new Map(units.filter((u) => u.path !== undefined).map((u) => [u.path, u]));
    for (const project of projects) {
        const from = byPath.get(project.path);
        if (!from)
            continue;
        const packageJson = project.manifests.get(`${project.path}/package.json`) ?? '';
        for (const [name, spec] of Object.entries(project.nodeDependencies)) {
            const local = /^(file|link|portal):/.test(spec) ? resolveFrom(project.path, spec.replace(/^(link|portal):/, '')) : undefined;
            const target = byPackage.get(name) ?? (local === undefined ? undefined : unitAt(units, local));
            if (!target)
                continue;
            const index = packageJson.indexOf(`"${name}"`);
            edges.add(from.name, target.name, { kind: 'package', file: `${project.path}/package.json`, line: index < 0 ? 0 : lineAt(packageJson, index), text: name });
        }
        for (const [file, text] of project.manifests) {
            if (file.endsWith('package.json'))
                continue;
            const pattern = file.endsWith('requirements.txt') ? /^[ \t]*(?:-e[ \t]+)?((?:file:)?\.{1,2}\/[^\s#;]*)/gm : /\bpath\s*=\s*["']([^"']+)["']/g;
            for (const m of text.matchAll(pattern)) {
                const resolved = resolveFrom(project.path, m[1]);
                const target = resolved === undefined ? undefined : unitAt(units, resolved);
                if (target)
                    edges.add(from.name, target.name, { kind: 'python-path', file, line: lineAt(text, m.index), text: m[1] });
            }
        }
    }
}
const ENV_FILE = /^(\.env(\..+)?|.+\.env)$/;
const CONFIG_FILE = /\.(ya?ml|json|toml|ini|env|conf|properties|[cm]?js|ts)$/;
const NOT_CONFIG = /^(package(-lock)?\.json|pyproject\.toml|tsconfig.*\.json|.*lock.*|(docker-)?compose.*\.ya?ml|jest\.config\..*|vitest\.config\..*|eslint.*|\.eslintrc.*|\.prettierrc.*)$/;
/** A service's environment files (`.env.example`, `*.env`) and configuration (`config/*`, top-level YAML/TOML/INI). */
function configFiles(fs, scan, path) {
    const files = [...(scan.directories.get(path)?.files ?? [])].sort();
    const out = files.filter((f) => ENV_FILE.test(f) || (/\.(ya?ml|toml|ini)$/.test(f) && !NOT_CONFIG.test(f))).map((f) => `${path}/${f}`);
    for (const entry of fs.list(`${path}/config`))
        if (!entry.directory && CONFIG_FILE.test(entry.name) && !NOT_CONFIG.test(entry.name))
            out.push(`${path}/config/${entry.name}`);
    return out;
}
/** How sure a reference is: a URL host or a *_SERVICE_URL variable names a service; a bare name may be prose. */
const CERTAIN_VIA = new Set(['url', 'variable', 'service-connect']);
/**
 * References to other entries in a service's environment and config files, found by the doctor's rule
 * (`referencesInText`: URL hosts, Service Connect names, `*_SERVICE_URL` variables, whole names). A bare name
 * is proposed, not written.
 */
function referenceEvidence(fs, from, files, names, edges, suggested) {
    for (const file of files) {
        const text = fs.read(file);
        if (text === undefined)
            continue;
        for (const r of (0,_tierdeploy_doctor__WEBPACK_IMPORTED_MODULE_1__/* .referencesInText */ .Hk)(text, names, [])) {
            const kind = r.via;
            (CERTAIN_VIA.has(r.via) ? edges : suggested).add(from.name, r.target, { kind, file, line: r.line, text: r.text });
        }
    }
}
/** Words for each kind of evidence, for comments and reports. */
function describeEvidence(e) {
    const where = `${e.file}${e.line ? `:${e.line}` : ''}`;
    switch (e.kind) {
        case 'package': return `package.json dependency ${e.text} (${where})`;
        case 'python-path': return `path dependency ${e.text} (${where})`;
        case 'compose': return `docker-compose depends_on ${e.text} (${where})`;
        case 'url': return `URL host ${e.text} (${where})`;
        case 'variable': return `${e.text} (${where})`;
        case 'service-connect': return `Service Connect name ${e.text} (${where})`;
        default: return `the name ${e.text} (${where})`;
    }
}
/** Strength of evidence, strongest first: which edge gives way when two edges close a cycle. */
const EVIDENCE_STRENGTH = { package: 6, 'python-path': 6, compose: 5, variable: 4, url: 4, 'service-connect': 4, name: 1 };


/***/ }),

/***/ 7889:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cp: () => (/* binding */ renderEnvironment),
/* harmony export */   Zj: () => (/* binding */ discoveryJson),
/* harmony export */   ek: () => (/* binding */ renderCatalog),
/* harmony export */   gA: () => (/* binding */ entryInputs),
/* harmony export */   nU: () => (/* binding */ renderEntries)
/* harmony export */ });
/* unused harmony export DEFAULT_PORT */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _evidence_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6908);


/** The catalog default port: an entry whose port differs says so itself. */
const DEFAULT_PORT = 3000;
const STRINGIFY = { lineWidth: 0, flowCollectionPadding: false };
function entryValue(input) {
    const { unit } = input;
    const value = {};
    if (unit.kind !== 'service')
        value.kind = unit.kind;
    if (unit.description)
        value.description = unit.description;
    if (unit.path !== undefined)
        value.path = unit.path;
    if (input.tier && unit.kind !== 'library')
        value.tier = input.tier.tier;
    if (unit.aliases.length)
        value.aliases = unit.aliases;
    if (input.dependsOn.length)
        value.dependsOn = input.dependsOn.map((e) => e.to);
    if (unit.kind === 'service' && unit.port && unit.port.value !== DEFAULT_PORT)
        value.container = { port: unit.port.value };
    if (unit.kind === 'service' && !unit.dockerfile && unit.language)
        value.build = { template: unit.language, ...(unit.templateArgs ? { args: unit.templateArgs } : {}) };
    return value;
}
/** Evidence for a comment: the first two places, and how many more. */
function evidenceText(edge) {
    // A line such as AUTH_SERVICE_URL=http://auth:3000 is one piece of evidence, though two rules match it.
    const places = edge.evidence.filter((e, i) => edge.evidence.findIndex((x) => x.file === e.file && x.line === e.line) === i);
    const shown = places.slice(0, 2).map(_evidence_js__WEBPACK_IMPORTED_MODULE_1__/* .describeEvidence */ .RQ).join('; ');
    return places.length > 2 ? `${shown}; +${places.length - 2} more` : shown;
}
/** The comment above an entry: why it is one, where its port comes from, and the dependencies only proposed. */
function entryComment(input) {
    const { unit } = input;
    const lines = [` ${unit.kind === 'library' ? 'library' : 'found'}: ${unit.found}${unit.kind === 'service' && unit.port ? `; port ${unit.port.value} from ${unit.port.source}` : ''}`];
    if (unit.kind === 'service' && !unit.dockerfile && unit.language)
        lines.push(` no Dockerfile: built from the bundled ${unit.language} template (templates/docker/${unit.language}.Dockerfile)`);
    for (const note of unit.notes ?? [])
        lines.push(` check: ${note}`);
    for (const s of input.suggested)
        lines.push(` suggested dependsOn ${s.to}: ${evidenceText(s)}${s.doubt ? ` (${s.doubt})` : ''}`);
    return lines.join('\n');
}
/** Sets the comments of an entry created from entryValue: evidence beside each dependency, the reason beside the tier. */
function commentEntry(pair, input) {
    ;
    pair.key.commentBefore = entryComment(input);
    const map = pair.value;
    const aliases = map.get('aliases', true);
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__.isSeq)(aliases))
        aliases.flow = true;
    const tier = map.get('tier', true);
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__.isScalar)(tier) && input.tier)
        tier.comment = ` proposed: ${input.tier.reason}`;
    const deps = map.get('dependsOn', true);
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__.isSeq)(deps))
        deps.items.forEach((item, i) => { if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__.isScalar)(item))
            item.comment = ` ${evidenceText(input.dependsOn[i])}`; });
    for (const key of ['container', 'build']) {
        const v = map.get(key, true);
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__.isMap)(v))
            v.flow = true;
    }
}
function entryInputs(discovery) {
    const from = (edges) => {
        const by = new Map();
        for (const e of edges)
            by.set(e.from, [...(by.get(e.from) ?? []), e]);
        return by;
    };
    const dependsOn = from(discovery.edges);
    const suggested = from(discovery.suggested);
    return discovery.units.map((unit) => ({
        unit,
        dependsOn: dependsOn.get(unit.name) ?? [],
        suggested: suggested.get(unit.name) ?? [],
        ...(discovery.tiers.of.has(unit.name) ? { tier: discovery.tiers.of.get(unit.name) } : {}),
    }));
}
/** Entries as YAML text at the indentation of a `services:` mapping's keys (for `--update`, which adds text). */
function renderEntries(inputs, indent = 2) {
    const doc = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .Document */ .yo({ services: Object.fromEntries(inputs.map((i) => [i.unit.name, entryValue(i)])) });
    const services = doc.get('services', true);
    services.items.forEach((pair, i) => commentEntry(pair, inputs[i]));
    const lines = doc.toString(STRINGIFY).split('\n').slice(1);
    return lines.map((l) => (l ? `${' '.repeat(indent)}${l.slice(2)}` : l)).join('\n').replace(/\n+$/, '\n');
}
function groupTitle(unit, discovery) {
    if (unit.kind === 'library')
        return 'shared code';
    const id = discovery.tiers.of.get(unit.name).tier;
    const tier = discovery.tiers.tiers.find((t) => t.id === id);
    return `tier ${id}${tier ? `: ${tier.name}` : ''}`;
}
/**
 * The catalog as YAML with comments (the `yaml` Document API): each entry says why it is one, each dependency
 * its evidence, each tier its reason; proposed dependencies and the directories left out are comments to act on.
 */
function renderCatalog(discovery) {
    const inputs = entryInputs(discovery);
    const doc = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .Document */ .yo({
        version: 1,
        platform: discovery.platform,
        tiers: discovery.tiers.tiers,
        ...(discovery.globalPaths.length ? { globalPaths: discovery.globalPaths } : {}),
        defaults: { cpu: 256, memory: 512, desiredCount: 1, container: { port: DEFAULT_PORT }, healthCheck: { path: '/health' } },
        services: Object.fromEntries(inputs.map((i) => [i.unit.name, entryValue(i)])),
    });
    doc.commentBefore = [
        ' yaml-language-server: $schema=./schema.json',
        ' Written by `tierdeploy init` from the repository; check it, then edit freely: `tierdeploy init --update` adds',
        ' services found later and never changes what is written here. Tiers are a proposal from the dependency graph.',
    ].join('\n');
    const defaults = doc.get('defaults', true);
    for (const key of ['container', 'healthCheck'])
        defaults.get(key, true).flow = true;
    defaults.items.find((p) => (0,yaml__WEBPACK_IMPORTED_MODULE_0__.isScalar)(p.key) && p.key.value === 'healthCheck').key.commentBefore = ' check that every service answers here, or give it its own healthCheck';
    const services = doc.get('services', true);
    let group = '';
    services.items.forEach((pair, i) => {
        const input = inputs[i];
        commentEntry(pair, input);
        const title = groupTitle(input.unit, discovery);
        if (title !== group) {
            const key = pair.key;
            key.commentBefore = ` ---- ${title} ${'-'.repeat(Math.max(4, 100 - title.length))}\n${key.commentBefore ?? ''}`;
            if (i > 0)
                key.spaceBefore = true;
            group = title;
        }
    });
    if (discovery.skipped.length) {
        doc.comment = [' Not in the catalog:', ...discovery.skipped.map((s) => `   ${s.path}: ${s.detail}`)].join('\n');
    }
    return doc.toString(STRINGIFY);
}
const BRANCHES = {
    dev: { branches: ['develop'] },
    staging: { branches: ['main'] },
    production: { tags: ['v*'] },
};
/**
 * An environment file stub that validates: name, a region, a cluster name; the account and deploy role are left
 * as comments to fill in (until the account is set, deploys warn that they cannot check it).
 */
function renderEnvironment(name, options) {
    const doc = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .Document */ .yo({
        name,
        description: `${name} (written by tierdeploy init; fill in the account and role)`,
        region: options.region,
        cluster: `${options.platform}-${name}`,
        requireApproval: options.production,
        ...(BRANCHES[name] ?? {}),
        ...(options.production && options.previous ? { promotesFrom: options.previous } : {}),
        ...(options.production ? {} : { optionalServices: ['*'] }),
    });
    doc.commentBefore = ' yaml-language-server: $schema=../schema.json#/$defs/environment';
    const pairs = doc.contents.items;
    const key = (k) => pairs.find((p) => (0,yaml__WEBPACK_IMPORTED_MODULE_0__.isScalar)(p.key) && p.key.value === k).key;
    key('region').commentBefore = [
        ` account: "123456789012"   # the AWS account ID; deploys refuse credentials of another account once it is set`,
        ...(options.regionGiven ? [] : [' region below is a placeholder: set the region this environment runs in']),
    ].join('\n');
    // The names terraform/modules/github-oidc gives the roles (PLATFORM-ENV-deploy and -build).
    key('requireApproval').commentBefore = [
        ` roleArn: arn:aws:iam::ACCOUNT:role/${options.platform}-${name}-deploy   # the role releases assume (GitHub OIDC)`,
        ` buildRoleArn: arn:aws:iam::ACCOUNT:role/${options.platform}-${name}-build   # builds and plans before the approval`,
    ].join('\n');
    for (const k of ['branches', 'tags', 'optionalServices']) {
        const v = doc.contents.get(k, true);
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__.isSeq)(v))
            v.flow = true;
    }
    return doc.toString(STRINGIFY);
}
/** `tierdeploy discover --json`: the discovery as plain data (documented in the README). */
function discoveryJson(discovery) {
    const edge = (e) => ({ name: e.to, evidence: e.evidence, ...(e.doubt ? { doubt: e.doubt } : {}) });
    return {
        platform: discovery.platform,
        tiers: discovery.tiers.tiers,
        services: discovery.units.map((u) => ({
            name: u.name,
            kind: u.kind,
            ...(u.path === undefined ? {} : { path: u.path }),
            ...(discovery.tiers.of.has(u.name) ? { tier: discovery.tiers.of.get(u.name).tier } : {}),
            aliases: u.aliases,
            found: u.found,
            ...(u.port ? { port: u.port.value, portFrom: u.port.source } : {}),
            ...(u.kind === 'service' && !u.dockerfile && u.language ? { template: u.language } : {}),
            dependsOn: discovery.edges.filter((e) => e.from === u.name).map(edge),
            suggested: discovery.suggested.filter((e) => e.from === u.name).map(edge),
        })),
        skipped: discovery.skipped,
    };
}


/***/ })

},
 } })

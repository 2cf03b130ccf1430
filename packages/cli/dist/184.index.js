(function (__tierdeployImportMeta) { return { id: 184,
ids: [184],
modules: {

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

/***/ 217:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A9: () => (/* binding */ servicesAffectedBy),
/* harmony export */   _1: () => (/* binding */ changeIndexFor),
/* harmony export */   vl: () => (/* binding */ changedPaths)
/* harmony export */ });
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9014);
/* harmony import */ var _model_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6216);
/* harmony import */ var _ownership_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5216);



function changeIndexFor(catalog, options = {}) {
    return new _ownership_js__WEBPACK_IMPORTED_MODULE_0__/* .ChangeIndex */ .D(catalog, {
        infrastructureDirs: [options.catalogDir ?? 'catalog', ...(options.infrastructureDirs ?? ['terraform'])],
        ...(options.readDockerIgnore ? { readDockerIgnore: options.readDockerIgnore } : {}),
    });
}
/** Every path a change touches: both sides of a rename. */
function changedPaths(changes) {
    const paths = [];
    for (const c of changes) {
        paths.push(c.path);
        if (c.oldPath !== undefined && c.status === 'renamed')
            paths.push(c.oldPath);
    }
    return paths;
}
/**
 * Which services a set of changed files affects. Pure: the git work (diff, deleted directories, catalog at
 * base) is done by the caller.
 *
 * - A file affects a service when it is one of the service's build inputs (the catalog's buildInputMatcher, the
 *   definition build-push's content tag hashes by): it belongs to the innermost service whose path contains it,
 *   unless that service's ignore globs (plus the catalog's `defaults.ignore`) drop it; `watch` globs add files
 *   outside the service's directory; so do its Dockerfile, its docker ignore files and a build context reaching
 *   beyond its path (less what the docker ignore file excludes).
 * - A changed library affects every service that depends on it, transitively through libraries. A runtime
 *   `dependsOn` between services does not propagate: auth changing does not redeploy payment.
 * - `globalPaths` affect every deployable service; the catalog and terraform directories set `infrastructure`.
 */
function servicesAffectedBy(catalog, changes, options = {}) {
    const index = options.index ?? changeIndexFor(catalog, options);
    // Per service, its files (path and watch rules, then the build rule) and the index of the last path counted, so a
    // file gives each service one reason however many rules reach it.
    const direct = new Map();
    const built = new Map();
    const global = { count: 0, files: [] };
    const infrastructureFiles = { count: 0, files: [] };
    const unclaimed = { count: 0, files: [] };
    const paths = changedPaths(changes);
    const touch = (lists, service, file, at) => {
        const counted = lists.get(service);
        if (!counted)
            lists.set(service, { list: { count: 1, files: [file] }, at });
        else if (counted.at !== at) {
            (0,_model_js__WEBPACK_IMPORTED_MODULE_1__/* .addToList */ .vH)(counted.list, file);
            counted.at = at;
        }
    };
    for (let at = 0; at < paths.length; at++) {
        const file = paths[at];
        const { owner, claims } = index.claim(file);
        if (owner !== undefined)
            touch(direct, owner, file, at);
        let isGlobal = false;
        let isInfrastructure = false;
        for (const c of claims)
            if (c.type === 'watch')
                touch(direct, c.service, file, at);
        for (const c of claims) {
            if (c.type === 'build') {
                if (direct.get(c.service)?.at !== at)
                    touch(built, c.service, file, at);
            }
            else if (c.type === 'global')
                isGlobal = true;
            else if (c.type === 'infrastructure')
                isInfrastructure = true;
        }
        if (isGlobal)
            (0,_model_js__WEBPACK_IMPORTED_MODULE_1__/* .addToList */ .vH)(global, file);
        if (isInfrastructure)
            (0,_model_js__WEBPACK_IMPORTED_MODULE_1__/* .addToList */ .vH)(infrastructureFiles, file);
        if (owner === undefined && claims.length === 0)
            (0,_model_js__WEBPACK_IMPORTED_MODULE_1__/* .addToList */ .vH)(unclaimed, file);
    }
    const reasons = new Map();
    const because = (service, reason) => {
        const list = reasons.get(service);
        if (list)
            list.push(reason);
        else
            reasons.set(service, [reason]);
    };
    const libraries = [];
    let infrastructure = infrastructureFiles.count > 0;
    for (const [name, { list }] of direct) {
        const s = catalog.services.get(name);
        if (s.kind === 'library')
            libraries.push(name);
        else if (s.kind === 'infrastructure')
            infrastructure = true;
        because(name, { kind: 'files', count: list.count, files: list.files });
    }
    for (const [name, { list }] of built)
        because(name, { kind: 'build', count: list.count, files: list.files });
    for (const [service, reason] of propagateFromLibraries(catalog, libraries))
        because(service, reason);
    if (global.count) {
        for (const s of catalog.services.values())
            if ((0,_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_2__/* .isDeployable */ .M)(s))
                because(s.name, { kind: 'global', count: global.count, files: global.files });
    }
    for (const [service, file] of options.definitions ?? [])
        if (catalog.services.has(service))
            because(service, { kind: 'definition', file });
    if (options.everything !== undefined) {
        for (const s of catalog.services.values())
            if ((0,_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_2__/* .isDeployable */ .M)(s))
                because(s.name, { kind: 'everything', because: options.everything });
    }
    const services = [];
    const deleted = [];
    const reported = {};
    for (const [name, list] of reasons) {
        const s = catalog.services.get(name);
        if (!isChangeDeployable(s))
            continue;
        if (options.gone?.has(name)) {
            deleted.push(name);
            reported[name] = [{ kind: 'deleted', path: s.path }];
        }
        else {
            services.push(name);
            reported[name] = list;
        }
    }
    // A deleted directory with no other change left in it still has to be reported.
    for (const name of options.gone ?? []) {
        const s = catalog.services.get(name);
        if (s && isChangeDeployable(s) && !reported[name]) {
            deleted.push(name);
            reported[name] = [{ kind: 'deleted', path: s.path }];
        }
    }
    for (const [name, file] of options.removed ?? []) {
        if (!catalog.services.has(name) && !reported[name]) {
            deleted.push(name);
            reported[name] = [{ kind: 'deleted', file }];
        }
    }
    services.sort();
    deleted.sort();
    libraries.sort();
    const sortedReasons = {};
    for (const name of [...services, ...deleted])
        sortedReasons[name] = reported[name];
    return { services, deleted, infrastructure, reasons: sortedReasons, libraries, infrastructureFiles, unclaimed, files: paths.length };
}
/** What a change can deploy: a service the catalog deploys (not a library or infrastructure) that is not disabled. */
function isChangeDeployable(s) {
    return (0,_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_2__/* .isDeployable */ .M)(s) && !s.disabled;
}
/**
 * Services reached from the changed libraries through reverse `dependsOn` edges, walking on only through
 * libraries (a library may depend only on libraries, so a service is always the end of a path). Each service
 * gets one reason per changed library that reaches it, with the shortest chain of libraries in between.
 */
function propagateFromLibraries(catalog, changed) {
    if (changed.length === 0)
        return [];
    const dependents = new Map();
    for (const s of catalog.services.values()) {
        for (const d of s.dependsOn) {
            const list = dependents.get(d);
            if (list)
                list.push(s.name);
            else
                dependents.set(d, [s.name]);
        }
    }
    const out = [];
    for (const library of [...changed].sort()) {
        const via = new Map([[library, []]]);
        const queue = [library];
        for (let i = 0; i < queue.length; i++) {
            const current = queue[i];
            const chain = via.get(current);
            for (const dependent of dependents.get(current) ?? []) {
                if (via.has(dependent))
                    continue;
                const s = catalog.services.get(dependent);
                const next = current === library ? [] : [...chain, current];
                via.set(dependent, next);
                if (s.kind === 'library')
                    queue.push(dependent);
                else
                    out.push([dependent, { kind: 'library', library, via: next }]);
            }
        }
    }
    return out;
}


/***/ }),

/***/ 6696:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   gy: () => (/* binding */ ZERO_SHA),
/* harmony export */   hK: () => (/* binding */ chooseRange),
/* harmony export */   tE: () => (/* binding */ eventHeadSha)
/* harmony export */ });
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2332);

const ZERO_SHA = /^0{40}$|^0{64}$/;
function field(payload, ...path) {
    let v = payload;
    for (const key of path)
        v = v !== null && typeof v === 'object' ? v[key] : undefined;
    return typeof v === 'string' && v !== '' ? v : undefined;
}
/**
 * Decides which commits to compare for an event, and how (docs/changes.md has the table). Pure over the payload;
 * git is reached only through `git`.
 *
 * A deploy compares trees: what is deployed against what will be. So:
 * - an explicit `base` is compared tree to tree with head (`mergeBase` opts into the review comparison);
 * - push: `before` \u2192 `after`, tree to tree, force pushes included (`before` need not be an ancestor: a deployed
 *   commit that was force-pushed away still differs from `after`, and those files must redeploy);
 * - push whose `before` is gone from the repository: the deployed tree cannot be read, so everything;
 * - first push of the default branch (`before` all zeros): everything;
 * - first push of another branch: nothing was deployed from it, so the default branch's tip \u2192 `after`;
 * - pull_request and merge_group review a change: from the merge base of their base and head;
 * - a pushed tag, a deleted branch, workflow_dispatch, schedule and others: no change-based selection.
 */
async function chooseRange(event, inputs, git) {
    const payload = event?.payload ?? {};
    const defaultBranch = inputs.defaultBranch ?? field(payload, 'repository', 'default_branch');
    const needDefault = () => {
        if (defaultBranch)
            return defaultBranch;
        throw new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`the event names no default branch (repository.default_branch): set the 'default-branch' input`);
    };
    const eventHead = eventHeadSha(event) ?? inputs.sha;
    if (inputs.base !== undefined) {
        const head = await git.commit(inputs.head ?? eventHead ?? 'HEAD', inputs.head !== undefined ? 'head' : 'the checked-out commit');
        const base = await git.commit(inputs.base, 'base');
        if (inputs.mergeBase) {
            return { mode: 'changes', base: await git.mergeBase(base, head, `base '${inputs.base}'`, 'head'), head, comparison: 'merge-base', why: `since head left ${inputs.base}` };
        }
        return { mode: 'changes', base, head, comparison: 'trees', why: `since ${inputs.base}` };
    }
    const explicitHead = inputs.head !== undefined ? await git.commit(inputs.head, 'head') : undefined;
    switch (event?.name) {
        case 'push': {
            if (payload.deleted === true)
                return { mode: 'inputs', why: 'the push deleted the branch: nothing to deploy from it' };
            // A tag names a release, not a change: comparing it with the branch it was cut from finds nothing.
            if (field(payload, 'ref')?.startsWith('refs/tags/'))
                return { mode: 'inputs', why: `the push of tag ${field(payload, 'ref').slice('refs/tags/'.length)} is a release, not a change: the workflow's inputs choose what deploys` };
            const after = explicitHead ?? (await git.commit(field(payload, 'after') ?? eventHead ?? 'HEAD', 'the pushed commit (after)'));
            const before = field(payload, 'before');
            const branch = field(payload, 'ref')?.replace(/^refs\/heads\//, '');
            if (before === undefined || ZERO_SHA.test(before)) {
                if (branch !== undefined && branch === defaultBranch) {
                    return { mode: 'everything', head: after, why: `first push of ${branch}: there is no earlier commit to compare with` };
                }
                const main = await git.defaultBranch(needDefault());
                return { mode: 'changes', base: main, head: after, comparison: 'trees', why: `first push of ${branch ?? 'a new branch'}: nothing was deployed from it yet, so compared with the tip of ${defaultBranch}` };
            }
            const previous = await git.tryCommit(before, 'the previous tip (before)');
            // No ancestry check: a force-pushed-away `before` is still what was deployed, and its tree is what to compare.
            if (previous)
                return { mode: 'changes', base: previous, head: after, comparison: 'trees', why: 'push: from the previous tip (before) to the pushed commit' };
            return {
                mode: 'everything',
                head: after,
                why: `the previous tip ${before.slice(0, 12)} (before) is no longer in the repository (force-pushed away): what it deployed cannot be compared, so every service counts as changed`,
            };
        }
        case 'pull_request':
        case 'pull_request_target': {
            const baseSha = field(payload, 'pull_request', 'base', 'sha');
            const headSha = field(payload, 'pull_request', 'head', 'sha');
            if (!baseSha || !headSha)
                throw new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`the ${event.name} event has no pull_request.base.sha or head.sha: pass the 'base' and 'head' inputs`);
            const head = explicitHead ?? (await git.commit(headSha, 'the pull request head'));
            const base = await git.commit(baseSha, 'the pull request base');
            return { mode: 'changes', base: await git.mergeBase(base, head, 'the pull request base', 'its head'), head, comparison: 'merge-base', why: 'pull request: changes since it left its base branch' };
        }
        case 'merge_group': {
            const baseSha = field(payload, 'merge_group', 'base_sha');
            const headSha = field(payload, 'merge_group', 'head_sha');
            if (!baseSha || !headSha)
                throw new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`the merge_group event has no merge_group.base_sha or head_sha: pass the 'base' and 'head' inputs`);
            const head = explicitHead ?? (await git.commit(headSha, 'the merge group head'));
            const base = await git.commit(baseSha, 'the merge group base');
            return { mode: 'changes', base: await git.mergeBase(base, head, 'the merge group base', 'its head'), head, comparison: 'merge-base', why: 'merge queue: changes of the queued pull requests' };
        }
        default:
            return { mode: 'inputs', why: `${event ? `the ${event.name} event` : 'this run'} does not describe a change: the workflow's inputs choose what deploys` };
    }
}
/** The commit an event names as its head (a push's after, a pull request's head); undefined for none or a zero SHA. */
function eventHeadSha(event) {
    if (!event)
        return undefined;
    const p = event.payload;
    const sha = field(p, 'after') ?? field(p, 'pull_request', 'head', 'sha') ?? field(p, 'merge_group', 'head_sha');
    return sha && !ZERO_SHA.test(sha) ? sha : undefined;
}


/***/ }),

/***/ 9314:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ detectChangedServices)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1333);
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7725);
/* harmony import */ var _affected_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(217);
/* harmony import */ var _base_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6696);
/* harmony import */ var _git_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6441);
/* harmony import */ var _history_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2885);






/**
 * Which services a push, pull request or merge queue affects: chooses the commits from the event (or explicit
 * refs), fetches what a shallow clone lacks, diffs them, and maps the changed files to services.
 */
async function detectChangedServices(options) {
    const { catalog } = options;
    const log = options.log ?? _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_1__/* .silentLogger */ .qq;
    const git = new _git_js__WEBPACK_IMPORTED_MODULE_2__/* .Git */ .TU(options.git, catalog.root);
    const inputs = {
        ...(options.base !== undefined ? { base: options.base } : {}),
        ...(options.head !== undefined ? { head: options.head } : {}),
        ...(options.defaultBranch !== undefined ? { defaultBranch: options.defaultBranch } : {}),
        ...(options.sha !== undefined ? { sha: options.sha } : {}),
        ...(options.mergeBase ? { mergeBase: true } : {}),
    };
    const remote = options.remote ?? 'origin';
    const quick = await quickRange(options.event, inputs, git, remote);
    const range = quick?.range ?? (await (0,_base_js__WEBPACK_IMPORTED_MODULE_3__/* .chooseRange */ .hK)(options.event, inputs, new _history_js__WEBPACK_IMPORTED_MODULE_4__/* .History */ .B(git, { log, remote })));
    log.info(`change range: ${range.why}${range.mode === 'changes' ? ` (${range.base.slice(0, 12)}..${range.head.slice(0, 12)}, ${range.comparison === 'trees' ? 'tree to tree' : 'from the merge base'})` : ''}`);
    const catalogDir = toPosix((0,node_path__WEBPACK_IMPORTED_MODULE_0__.relative)(catalog.root, (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(catalog.dir))) || '.';
    const affectedOptions = { catalogDir, ...(options.infrastructureDirs ? { infrastructureDirs: options.infrastructureDirs } : {}) };
    if (range.mode === 'inputs') {
        return { ...(0,_affected_js__WEBPACK_IMPORTED_MODULE_5__/* .servicesAffectedBy */ .A9)(catalog, [], affectedOptions), mode: 'inputs', why: range.why };
    }
    if (range.mode === 'everything') {
        return { ...(0,_affected_js__WEBPACK_IMPORTED_MODULE_5__/* .servicesAffectedBy */ .A9)(catalog, [], { ...affectedOptions, everything: range.why }), mode: 'everything', head: range.head, why: range.why };
    }
    const changes = quick?.changes ?? (await git.diff(range.base, range.head));
    const readDockerIgnore = changes.length ? await dockerIgnoreReader(git, catalog, range.head) : undefined;
    const index = (0,_affected_js__WEBPACK_IMPORTED_MODULE_5__/* .changeIndexFor */ ._1)(catalog, { ...affectedOptions, ...(readDockerIgnore ? { readDockerIgnore } : {}) });
    const gone = await goneServices(git, catalog, index, changes, range.head);
    const definitions = await definitionChanges(git, catalog, catalogDir, changes, range.base, range.head);
    for (const file of definitions.unreadable)
        log.warning(`${file} could not be read at ${range.base.slice(0, 12)}: every service it describes counts as changed`);
    const affected = (0,_affected_js__WEBPACK_IMPORTED_MODULE_5__/* .servicesAffectedBy */ .A9)(catalog, changes, { ...affectedOptions, index, gone, definitions: definitions.definitions, removed: definitions.removed });
    return { ...affected, mode: 'changes', base: range.base, head: range.head, comparison: range.comparison, why: range.why };
}
/** Raised by the quick range's effects when the full path (History) has to take over. */
class NeedsHistory extends Error {
}
/**
 * The usual range and its diff in as few git processes as possible (issue 16): refs read from the repository's files
 * (Git.peekCommit; `git rev-parse` only for what needs git, like HEAD~1), `git merge-base` when the range asks for it,
 * and one `git diff` that verifies both commits as it lists the files. A plain `--base origin/main` or a push event
 * is one process. Undefined whenever anything is unusual: a commit this clone lacks, histories that do not meet, a
 * range that is not a diff, any error at all. The full path (chooseRange over History) then runs from the start, so
 * fetching a shallow clone's missing commits and every message about a bad ref stay exactly as they are.
 */
async function quickRange(event, inputs, git, remote) {
    const found = (sha) => {
        if (sha === undefined)
            throw new NeedsHistory();
        return sha;
    };
    const commit = async (ref) => found(git.peekCommit(ref) ?? (ref.startsWith('-') ? undefined : await git.commitOf(ref)));
    const effects = {
        commit,
        // Missing here, `before` may be fetchable or force-pushed away: History decides which.
        tryCommit: commit,
        mergeBase: async (a, b) => found(await git.mergeBase(a, b)),
        defaultBranch: (branch) => commit(`refs/remotes/${remote}/${branch}`),
    };
    try {
        // `--base REF~1 --head REF` (the previous commit): the commit, its parent and the diff in one `git log`.
        const headRef = inputs.head ?? (0,_base_js__WEBPACK_IMPORTED_MODULE_3__/* .eventHeadSha */ .tE)(event) ?? inputs.sha ?? 'HEAD';
        if (inputs.base !== undefined && !inputs.mergeBase && [`${headRef}~1`, `${headRef}~`, `${headRef}^`, `${headRef}^1`].includes(inputs.base)) {
            const fromParent = await git.diffFromFirstParent(headRef);
            if (fromParent)
                return { range: { mode: 'changes', base: fromParent.parent, head: fromParent.head, comparison: 'trees', why: `since ${inputs.base}` }, changes: fromParent.changes };
        }
        const range = await (0,_base_js__WEBPACK_IMPORTED_MODULE_3__/* .chooseRange */ .hK)(event, inputs, effects);
        if (range.mode !== 'changes')
            return undefined;
        const changes = await git.diffCommits(range.base, range.head);
        return changes && { range, changes };
    }
    catch {
        return undefined;
    }
}
/**
 * Services whose directory no longer exists at head. Only services above a deleted (or renamed-away) file can
 * have lost their directory, so only those are asked about, in one `git cat-file --batch-check`.
 */
async function goneServices(git, catalog, index, changes, head) {
    const candidates = new Set();
    const seen = new Set();
    for (const c of changes) {
        const removed = c.status === 'deleted' ? c.path : c.status === 'renamed' ? c.oldPath : undefined;
        if (removed === undefined)
            continue;
        for (let dir = removed; dir !== ''; dir = dir.includes('/') ? dir.slice(0, dir.lastIndexOf('/')) : '') {
            if (seen.has(dir))
                break;
            seen.add(dir);
            const owner = index.ownerOf(dir);
            if (owner !== undefined && catalog.services.get(owner).path === dir)
                candidates.add(owner);
        }
    }
    if (candidates.size === 0)
        return candidates;
    const byPath = new Map([...candidates].map((name) => [catalog.services.get(name).path, name]));
    const missing = await git.missingAt(head, [...byPath.keys()]);
    return new Set([...missing].map((p) => byPath.get(p)));
}
/**
 * The docker ignore files (CONTEXT/.dockerignore, DOCKERFILE.dockerignore) of the services whose build context
 * reaches beyond their path, read at head: they decide which of the context's files are build inputs. Head, not
 * base, and that is enough: a docker ignore file is itself a build input, so when it changed between base and head
 * its service is affected whichever version decides about the other files, and when it did not, the two agree.
 * One `git cat-file --batch-check` finds which exist and only those are read; with no such context (the common
 * case) nothing is read at all.
 */
async function dockerIgnoreReader(git, catalog, head) {
    const paths = new Set();
    for (const s of catalog.services.values()) {
        const image = (0,_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_6__/* .imageInputsOf */ .CZ)(catalog, s);
        if (image && (0,_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_6__/* .contextBeyondPath */ .qA)({ path: s.path, image }) !== undefined)
            for (const f of image.ignoreFiles)
                paths.add(f);
    }
    if (paths.size === 0)
        return undefined;
    const missing = await git.missingAt(head, [...paths]);
    const texts = new Map();
    await Promise.all([...paths].filter((p) => !missing.has(p)).map(async (p) => {
        const text = await git.show(head, p);
        if (text !== undefined)
            texts.set(p, text);
    }));
    return (path) => texts.get(path);
}
/** Services whose catalog definition changed: services.yaml and environments/*.yaml compared at base and head. */
async function definitionChanges(git, catalog, catalogDir, changes, base, head) {
    const into = { definitions: new Map(), removed: new Map(), unreadable: [] };
    const servicesFile = `${catalogDir}/services.yaml`;
    const environment = new RegExp(`^${catalogDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/environments/[^/]+\\.ya?ml$`);
    const files = new Set();
    for (const c of changes)
        for (const p of [c.path, c.oldPath])
            if (p === servicesFile || (p !== undefined && environment.test(p)))
                files.add(p);
    if (files.size === 0)
        return into;
    // The YAML parser loads only when a catalog file changed: most ranges leave the catalog alone (issue 16).
    const { compareEnvironmentFile, compareServicesFile } = await Promise.all(/* import() */[__webpack_require__.e(243), __webpack_require__.e(674), __webpack_require__.e(472)]).then(__webpack_require__.bind(__webpack_require__, 1472));
    for (const file of [...files].sort()) {
        const [before, after] = await Promise.all([git.show(base, file), git.show(head, file)]);
        if (file === servicesFile)
            compareServicesFile(catalog, file, before, after, into);
        else
            compareEnvironmentFile(catalog, file, before, after, into);
    }
    return into;
}
function toPosix(p) {
    return node_path__WEBPACK_IMPORTED_MODULE_0__.sep === '/' ? p : p.split(node_path__WEBPACK_IMPORTED_MODULE_0__.sep).join('/');
}


/***/ }),

/***/ 2885:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ History),
/* harmony export */   d: () => (/* binding */ FETCH_DEPTH_HINT)
/* harmony export */ });
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1333);
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2332);

/** How a workflow gets the history change detection needs. */
const FETCH_DEPTH_HINT = 'check out with actions/checkout and `fetch-depth: 0` so the history is there';
/**
 * Commits and merge bases, fetching what a shallow clone lacks. actions/checkout clones one commit by default,
 * so the base of a push or pull request is usually missing: this fetches it by SHA, then deepens both sides
 * until they meet (doubling steps, then --unshallow). When fetching is impossible it fails with a message
 * saying to use `fetch-depth: 0`: reporting nothing (or everything) as changed would deploy the wrong thing.
 */
class History {
    git;
    remote;
    steps;
    log;
    constructor(git, options = {}) {
        this.git = git;
        this.remote = options.remote ?? 'origin';
        this.steps = options.deepenSteps ?? [50, 200, 1000];
        this.log = options.log ?? _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_0__/* .silentLogger */ .qq;
    }
    /** The commit a user-given ref names, fetched when this clone lacks it; a ConfigurationError naming it otherwise. */
    async commit(ref, label) {
        if (ref.startsWith('-'))
            throw new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${label} '${ref}' is not a git ref (it starts with '-')`);
        const found = (await this.git.commitOf(ref)) ?? (await this.fetchCommit(ref));
        if (found)
            return found;
        const shallow = await this.git.isShallow();
        throw new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${label} '${ref}' is not a commit in this repository${shallow ? ` (the clone is shallow and '${ref}' could not be fetched from ${this.remote}: ${FETCH_DEPTH_HINT})` : ' (check the branch, tag or SHA)'}`);
    }
    /**
     * The commit if this clone has it or can fetch it; undefined when the remote no longer has it (a
     * force-pushed-away `before`). When a shallow clone cannot reach its remote, a missing commit says nothing
     * about a force push, so that fails instead of guessing.
     */
    async tryCommit(sha, label = sha) {
        const found = (await this.git.commitOf(sha)) ?? (await this.fetchCommit(sha));
        if (found)
            return found;
        // A full clone lacks only commits no branch reaches any more; a shallow one may just not have fetched it.
        if ((await this.git.isShallow()) && !(await this.git.reachable(this.remote))) {
            throw new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${label} (${sha.slice(0, 12)}) is not in this clone and ${this.remote} cannot be reached to fetch it: ${FETCH_DEPTH_HINT}`);
        }
        return undefined;
    }
    /** The tip of the default branch on the remote, fetched when the clone has only the checked-out ref. */
    async defaultBranch(branch) {
        const tracking = `refs/remotes/${this.remote}/${branch}`;
        const have = await this.git.commitOf(tracking);
        if (have)
            return have;
        const shallow = await this.git.isShallow();
        const fetched = await this.git.fetch([...(shallow ? ['--depth=1'] : []), this.remote, `+refs/heads/${branch}:${tracking}`]);
        if (fetched.ok) {
            const sha = await this.git.commitOf(tracking);
            if (sha)
                return sha;
        }
        const local = await this.git.commitOf(`refs/heads/${branch}`);
        if (local)
            return local;
        throw new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`default branch '${branch}' is not in this clone and could not be fetched from ${this.remote}${fetched.message ? ` (${fetched.message})` : ''}: set the 'default-branch' input, or ${FETCH_DEPTH_HINT}`);
    }
    /** Whether `ancestor` is in the history of `descendant`, deepening a shallow clone to find out. */
    async isAncestor(ancestor, descendant) {
        return (await this.mergeBase(ancestor, descendant, 'base', 'head')) === ancestor;
    }
    /** The merge base of two commits this clone has, deepening a shallow clone until their histories meet. */
    async mergeBase(a, b, labelA = a, labelB = b) {
        for (let round = 0;; round++) {
            const base = await this.git.mergeBase(a, b);
            if (base)
                return base;
            if (!(await this.git.isShallow())) {
                throw new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${labelA} (${a.slice(0, 12)}) and ${labelB} (${b.slice(0, 12)}) share no history, so there is no change between them to detect: pass a base that is an ancestor of the head`);
            }
            const step = this.steps[round];
            const args = step !== undefined ? [`--deepen=${step}`, this.remote, a, b] : ['--unshallow', this.remote];
            this.log.info(step !== undefined ? `shallow clone: fetching ${step} more commits of history to find where ${labelA} and ${labelB} meet` : 'shallow clone: fetching the whole history');
            const fetched = await this.git.fetch(args);
            if (!fetched.ok) {
                throw new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`the clone is shallow and the history between ${labelA} (${a.slice(0, 12)}) and ${labelB} (${b.slice(0, 12)}) could not be fetched from ${this.remote}${fetched.message ? ` (${fetched.message})` : ''}: ${FETCH_DEPTH_HINT}`);
            }
            if (step === undefined && (await this.git.isShallow())) {
                throw new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`the clone is still shallow after fetching its whole history from ${this.remote}: ${FETCH_DEPTH_HINT}`);
            }
        }
    }
    async fetchCommit(ref) {
        // Only full SHAs and names the remote knows can be fetched; one commit is enough, history comes later.
        const shallow = await this.git.isShallow();
        const fetched = await this.git.fetch([...(shallow ? ['--depth=1'] : []), this.remote, ref]);
        if (!fetched.ok) {
            this.log.debug(`could not fetch ${ref} from ${this.remote}: ${fetched.message}`);
            return undefined;
        }
        this.log.info(`fetched ${ref} from ${this.remote}`);
        return (await this.git.commitOf(ref)) ?? (await this.git.commitOf('FETCH_HEAD'));
    }
}


/***/ }),

/***/ 6216:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ly: () => (/* binding */ affectedJson),
/* harmony export */   Zh: () => (/* binding */ MAX_LISTED_FILES),
/* harmony export */   e2: () => (/* binding */ reasonsJson),
/* harmony export */   vH: () => (/* binding */ addToList)
/* harmony export */ });
/** At most this many files are listed in one reason, so outputs stay small when 100,000 files change. */
const MAX_LISTED_FILES = 20;
/** The JSON shape of the CLI's `--json` and the action's outputs. */
function affectedJson(a) {
    return { services: a.services, deleted: a.deleted, infrastructure: a.infrastructure, reasons: a.reasons };
}
function addToList(list, file) {
    list.count++;
    if (list.files.length < MAX_LISTED_FILES)
        list.files.push(file);
}
/**
 * The `reasons` JSON, kept under `limit` characters: GitHub caps a job's outputs at 1 MB, and a global change
 * over 10,000 services repeats its file list 10,000 times. Past the limit, file lists are dropped (counts kept).
 */
function reasonsJson(reasons, limit = 500_000) {
    const json = JSON.stringify(reasons);
    if (json.length <= limit)
        return { json, trimmed: false };
    const compact = Object.fromEntries(Object.entries(reasons).map(([name, list]) => [name, list.map((r) => (r.kind === 'files' || r.kind === 'build' || r.kind === 'global' ? { ...r, files: [] } : r))]));
    return { json: JSON.stringify(compact), trimmed: true };
}


/***/ }),

/***/ 5216:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ ChangeIndex)
/* harmony export */ });
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7725);

const NO_CLAIMS = [];
/** The text of the docker ignore file Docker would read for an image, if there is one. */
function dockerIgnoreOf(image, read) {
    if (!read)
        return undefined;
    const file = (0,_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_0__/* .dockerIgnoreFileOf */ .WC)(image, (p) => read(p) !== undefined);
    return file !== undefined ? read(file) : undefined;
}
/**
 * Answers, for a changed file, which services have it among their build inputs (the catalog's buildInputMatcher
 * rules, packages/catalog/src/build-inputs.ts) and what else claims it, without testing every pattern against every
 * file. Service paths, literal watch/global/build paths and the static bases of globs
 * (picomatch.scan: `shared/proto/**` under `shared/proto`) sit in a trie of path segments. A file walks the
 * trie from the root along its own segments and stops where the trie ends (for `services/auth/src/a/b.ts`,
 * after `services/auth`), so it costs a few map lookups whatever the catalog's size, and it is tested only
 * against the globs rooted on its own path.
 */
class ChangeIndex {
    root = {};
    scratch = [];
    constructor(catalog, options) {
        const contexts = new Map();
        for (const s of catalog.services.values()) {
            const code = new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_0__/* .CodeRules */ .LY((0,_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_0__/* .codeInputsOf */ .kZ)(catalog, s));
            const { service: name, path } = code.code;
            if (path !== undefined) {
                const node = this.node(path);
                node.owner = name;
                node.rules = code;
            }
            if (code.watch.length) {
                const keeps = (file) => code.keepsOtherFile(file);
                for (const pattern of code.watch)
                    this.add(pattern, { claim: { type: 'watch', service: name }, keeps });
            }
            const beyond = (0,_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_0__/* .imageBeyondCode */ .q6)(catalog, s, code);
            if (!beyond)
                continue;
            const { image, files } = beyond;
            const build = { type: 'build', service: name };
            for (const file of files)
                this.addLiteral(file, { claim: build });
            if ((0,_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_0__/* .contextBeyondPath */ .qA)({ path, image }) !== undefined) {
                const rules = new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_0__/* .ImageRules */ .Th(code, image, dockerIgnoreOf(image, options.readDockerIgnore));
                let group = contexts.get(rules.contextKeeps);
                if (!group) {
                    contexts.set(rules.contextKeeps, (group = { claim: build, keeps: rules.contextKeeps, members: [] }));
                    this.addLiteral(rules.beyond, group);
                }
                group.members.push({ claim: build, rules });
            }
        }
        for (const pattern of catalog.globalPaths)
            this.add((0,_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_0__/* .compilePathPattern */ .Zu)(pattern), { claim: { type: 'global', pattern } });
        for (const dir of options.infrastructureDirs)
            this.add((0,_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_0__/* .compilePathPattern */ .Zu)(dir), { claim: { type: 'infrastructure' } });
    }
    node(path) {
        let node = this.root;
        if (path === '' || path === '.')
            return node;
        for (const segment of path.split('/')) {
            node.children ??= new Map();
            let child = node.children.get(segment);
            if (!child)
                node.children.set(segment, (child = {}));
            node = child;
        }
        return node;
    }
    /** A watch or global pattern: a glob is filed under its static base, a literal path claims itself and what is under it. */
    add(pattern, entry) {
        this.addLiteral(pattern.base, pattern.glob ? { ...entry, match: pattern.matches } : entry);
    }
    /** A path (a Dockerfile, a build context) that claims itself and everything under it, whatever characters it has. */
    addLiteral(path, entry) {
        ;
        (this.node(path).entries ??= []).push(entry);
    }
    /** The innermost service whose path contains `file` or is `file` (ignore globs not applied). */
    ownerOf(file) {
        let node = this.root;
        let owner;
        for (let start = 0; node.children;) {
            const slash = file.indexOf('/', start);
            const child = node.children.get(slash < 0 ? file.slice(start) : file.slice(start, slash));
            if (!child)
                break;
            node = child;
            if (node.owner !== undefined)
                owner = node.owner;
            if (slash < 0)
                break;
            start = slash + 1;
        }
        return owner;
    }
    /** Everything that claims one repository-relative file. */
    claim(file) {
        let node = this.root;
        let owner;
        let rules;
        const entries = this.scratch;
        entries.length = 0;
        if (node.entries)
            entries.push(...node.entries);
        for (let start = 0; node.children;) {
            const slash = file.indexOf('/', start);
            const child = node.children.get(file.slice(start, slash < 0 ? file.length : slash));
            if (!child)
                break;
            node = child;
            // A path equal to a service path (a submodule, or a directory replaced by a file) belongs to that service.
            if (node.owner !== undefined) {
                owner = node.owner;
                rules = node.rules;
            }
            if (node.entries)
                entries.push(...node.entries);
            if (slash < 0)
                break;
            start = slash + 1;
        }
        let ignoredBy;
        if (rules !== undefined && !rules.keepsOwnFile(file)) {
            ignoredBy = owner;
            owner = undefined;
        }
        // Most files reach no entry.
        if (entries.length === 0)
            return { owner, ignoredBy, claims: NO_CLAIMS };
        let claims;
        for (const e of entries) {
            if ((e.match && !e.match(file)) || (e.keeps && !e.keeps(file)))
                continue;
            if (!e.members)
                (claims ??= []).push(e.claim);
            else
                for (const m of e.members)
                    if (m.rules.holds(file, true))
                        (claims ??= []).push(m.claim);
        }
        return { owner, ignoredBy, claims: claims ?? NO_CLAIMS };
    }
}


/***/ }),

/***/ 9293:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GB: () => (/* binding */ reasonsInWords),
/* harmony export */   Gk: () => (/* binding */ describeReason),
/* harmony export */   f_: () => (/* binding */ renderChangeSummary)
/* harmony export */ });
function code(s) {
    return `\`${s.replace(/`/g, "'").replace(/\|/g, '\\|')}\``;
}
function fileList(list) {
    const shown = list.files.slice(0, 3).map(code).join(', ');
    return list.count > 3 ? `${shown} and ${list.count - 3} more` : shown;
}
/** One reason in words, for the summary table and the CLI's text output. */
function describeReason(r, markdown = true) {
    const q = markdown ? code : (s) => s;
    const files = (l) => (markdown ? fileList(l) : `${l.files.slice(0, 3).join(', ')}${l.count > 3 ? ` and ${l.count - 3} more` : ''}`);
    switch (r.kind) {
        case 'files':
            return `${r.count} file${r.count === 1 ? '' : 's'}: ${files(r)}`;
        case 'build':
            return `${r.count} build file${r.count === 1 ? '' : 's'} (Dockerfile, build context): ${files(r)}`;
        case 'library':
            return `library ${q(r.library)} changed${r.via.length ? ` (via ${r.via.map(q).join(' \u2192 ')})` : ''}`;
        case 'global':
            return `global path${r.count === 1 ? '' : 's'}: ${files(r)}`;
        case 'definition':
            return `definition changed in ${q(r.file)}`;
        case 'everything':
            return r.because;
        case 'deleted':
            return r.path !== undefined ? `directory ${q(r.path)} deleted` : `removed from ${q(r.file ?? 'the catalog')}`;
    }
}
/**
 * Each service's reasons in words, plain text: what resolve-graph and `tierdeploy plan --base` put in the plan's
 * "why" (`changed: 2 files: services/a/x.ts, services/a/y.ts`). A kind this version does not know is shown by name.
 */
function reasonsInWords(reasons) {
    return Object.fromEntries(Object.entries(reasons).map(([service, list]) => [service, list.map((r) => describeReason(r, false) ?? r.kind)]));
}
/**
 * The job summary of detect-changed-services: the verdict (how many services deploy), the range, counts by reason,
 * then the services with their reasons (collapsed past 20 rows), deletions, libraries and infrastructure.
 */
function renderChangeSummary(d) {
    const n = d.services.length;
    const verdict = d.mode === 'inputs' ? 'no change-based selection' : n ? `${n} service${n === 1 ? '' : 's'} to deploy` : 'no service to deploy';
    const lines = [`### Changed services: ${verdict}`, ''];
    const range = d.mode === 'changes' ? ` (${code(`${d.base.slice(0, 12)}..${d.head.slice(0, 12)}`)}, ${d.files} changed path${d.files === 1 ? '' : 's'})` : '';
    lines.push(`${d.why.charAt(0).toUpperCase()}${d.why.slice(1)}${range}.`, '');
    if (d.mode === 'inputs')
        return `${lines.join('\n')}\n`;
    if (n) {
        const kinds = new Map();
        for (const name of d.services)
            for (const kind of new Set(d.reasons[name].map((r) => r.kind)))
                kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
        lines.push(`Why: ${[...kinds].map(([kind, count]) => `${count} by ${KIND_WORDS[kind] ?? kind}`).join(', ')}.`, '');
        lines.push(`<details${n <= 20 ? ' open' : ''}><summary>${n} service${n === 1 ? '' : 's'} and why</summary>`, '', '| Service | Why |', '| --- | --- |');
        for (const name of d.services)
            lines.push(`| ${code(name)} | ${d.reasons[name].map((r) => describeReason(r)).join('; ')} |`);
        lines.push('', '</details>', '');
    }
    if (d.deleted.length) {
        lines.push(`Deleted, never deployed: ${d.deleted.map((name) => `${code(name)} (${d.reasons[name].map((r) => describeReason(r)).join('; ')})`).join(', ')}.`, '');
    }
    if (d.libraries.length)
        lines.push(`Changed libraries: ${d.libraries.map(code).join(', ')}.`, '');
    if (d.infrastructure)
        lines.push(`Infrastructure changed${d.infrastructureFiles.count ? `: ${fileList(d.infrastructureFiles)}` : ' (an infrastructure entry\'s path)'}.`, '');
    if (d.unclaimed.count)
        lines.push(`${d.unclaimed.count} changed path${d.unclaimed.count === 1 ? '' : 's'} affect no service (outside every service, or ignored): ${fileList(d.unclaimed)}.`, '');
    return `${lines.join('\n')}\n`;
}
/** A reason kind in the counts line ("12 by files, 3 by library"). */
const KIND_WORDS = {
    files: 'their files',
    build: 'build files',
    library: 'a library',
    global: 'a global path',
    definition: 'their catalog definition',
    everything: 'a first deploy (everything)',
};


/***/ })

},
 } })

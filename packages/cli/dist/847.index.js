(function (__tierdeployImportMeta) { return { id: 847,
ids: [847,517],
modules: {

/***/ 1333:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   VO: () => (/* binding */ streamLogger),
/* harmony export */   ml: () => (/* binding */ systemClock),
/* harmony export */   qq: () => (/* binding */ silentLogger)
/* harmony export */ });
const systemClock = {
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
const silentLogger = { debug() { }, info() { }, warning() { }, error() { } };
/** A logger that writes to a stream (the CLI's stderr), with debug lines only when asked. */
function streamLogger(write, verbose = false) {
    return {
        debug: (m) => { if (verbose)
            write(`debug: ${m}`); },
        info: (m) => write(m),
        warning: (m) => write(`warning: ${m}`),
        error: (m) => write(`error: ${m}`),
    };
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

/***/ 7743:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  k: () => (/* binding */ checkCatalog),
  a: () => (/* binding */ loadCatalog)
});

// EXTERNAL MODULE: external "node:buffer"
var external_node_buffer_ = __webpack_require__(4573);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./packages/catalog/src/cache.ts



/**
 * A short name for a catalog directory's cache file (two 32-bit FNV-1a hashes in hex). Only a file name: a
 * collision makes two catalogs share a file, so each finds the other's key and rebuilds, never a wrong catalog.
 */
function fileNameHash(text) {
    let a = 0x811c9dc5;
    let b = 0x01000193;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        a = Math.imul(a ^ c, 0x01000193);
        b = Math.imul(b ^ c, 0x811c9dc5);
    }
    return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}
/** The cache file of a catalog directory: one per directory, so the cache never grows past one entry per catalog. */
function cacheFileOf(cache, catalogDir) {
    return (0,external_node_path_.join)(cache.dir, `catalog-${fileNameHash(catalogDir)}.json`);
}
/** The cached catalog when its key matches; anything unreadable is a miss, never an error. */
function readCachedCatalog(cacheFile, key) {
    let file;
    try {
        // Plain ASCII (the usual catalog) decodes byte for byte, several times faster than Node 20's UTF-8 read.
        const bytes = (0,external_node_fs_.readFileSync)(cacheFile);
        file = JSON.parse((0,external_node_buffer_.isAscii)(bytes) ? bytes.toString('latin1') : bytes.toString('utf8'));
    }
    catch {
        return undefined;
    }
    if (file.format !== 2 || file.key !== key)
        return undefined;
    const { services, names, environments, ...rest } = file.catalog;
    return {
        catalog: { ...rest, services: new Map(services.map((s) => [s.name, s])), names: new Map(names), environments: new Map(environments.map((e) => [e.name, e])) },
        warnings: file.warnings,
    };
}
/** Stores a validated catalog. Best effort: a read-only or full disk only costs the next run its speed. */
function writeCachedCatalog(cache, cacheFile, key, loaded) {
    const { services, names, environments, ...rest } = loaded.catalog;
    const file = {
        format: 2,
        key,
        catalog: { ...rest, services: [...services.values()], names: [...names], environments: [...environments.values()] },
        warnings: loaded.warnings,
    };
    try {
        (0,external_node_fs_.mkdirSync)(cache.dir, { recursive: true });
        const target = cacheFile;
        // Write then rename, so a concurrent run never reads half a file.
        const temporary = `${target}.${process.pid}.tmp`;
        (0,external_node_fs_.writeFileSync)(temporary, JSON.stringify(file));
        (0,external_node_fs_.renameSync)(temporary, target);
    }
    catch {
        // see above
    }
}

// EXTERNAL MODULE: ./packages/catalog/src/errors.ts
var src_errors = __webpack_require__(2332);
// EXTERNAL MODULE: ./packages/catalog/src/locate.ts
var locate = __webpack_require__(1917);
;// CONCATENATED MODULE: ./packages/catalog/src/load.ts






/**
 * Reads catalog/services.yaml and catalog/environments/*.yaml. Throws a ConfigurationError listing every error
 * (with file:line) when the catalog is invalid; returns the warnings otherwise.
 */
async function loadCatalog(options = {}) {
    const sources = readSources(options);
    options.beforeLoad?.(lengthOf(sources));
    const key = options.cache && !options.checkPaths ? cacheKey(sources, options.cache.codeVersion, options) : undefined;
    const cacheFile = key ? cacheFileOf(options.cache, sources.absolute) : undefined;
    const cached = key && cacheFile ? readCachedCatalog(cacheFile, key) : undefined;
    if (cached)
        return cached;
    const result = await checkSources(sources, options);
    const errors = result.problems.filter((p) => p.severity === 'error');
    if (errors.length || !result.catalog) {
        throw new src_errors/* ConfigurationError */.j1(`the catalog has ${errors.length} error${errors.length === 1 ? '' : 's'}:\n${errors.map((p) => `  ${(0,src_errors/* formatProblem */.Vw)(p)}`).join('\n')}`, result.problems);
    }
    const loaded = { catalog: result.catalog, warnings: result.problems.filter((p) => p.severity === 'warning') };
    if (key && cacheFile)
        writeCachedCatalog(options.cache, cacheFile, key, loaded);
    return loaded;
}
/** Like loadCatalog, but returns every problem instead of throwing (for `tierdeploy validate`). */
async function checkCatalog(options = {}) {
    const sources = readSources(options);
    options.beforeLoad?.(lengthOf(sources));
    return checkSources(sources, options);
}
function lengthOf(sources) {
    return sources.environments.reduce((n, e) => n + e.text.length, sources.services.text.length);
}
function readSources(options) {
    const dir = options.dir ?? 'catalog';
    const absolute = (0,external_node_path_.resolve)(dir);
    const root = (0,external_node_path_.resolve)(options.root ?? (0,external_node_path_.dirname)(absolute));
    const file = (0,external_node_path_.join)(dir, 'services.yaml');
    if (!(0,external_node_fs_.existsSync)((0,external_node_path_.join)(absolute, 'services.yaml'))) {
        const hint = (0,external_node_fs_.existsSync)(absolute) ? `${dir} has no services.yaml` : `${dir} does not exist; pass --catalog DIR`;
        throw new src_errors/* ConfigurationError */.j1(`no catalog at ${file} (${hint})`);
    }
    const services = { file, text: readCatalogFile((0,external_node_path_.join)(absolute, 'services.yaml'), file) };
    const envDir = (0,external_node_path_.join)(absolute, 'environments');
    let envFiles = [];
    if ((0,external_node_fs_.existsSync)(envDir)) {
        try {
            envFiles = (0,external_node_fs_.readdirSync)(envDir).filter((f) => /\.ya?ml$/.test(f)).sort();
        }
        catch (e) {
            throw new src_errors/* ConfigurationError */.j1(`cannot list ${(0,external_node_path_.join)(dir, 'environments')}: ${e.message} (it should be a directory of <environment>.yaml files)`);
        }
    }
    const environments = envFiles.map((f) => {
        const name = (0,external_node_path_.join)(dir, 'environments', f);
        return { file: name, text: readCatalogFile((0,external_node_path_.join)(envDir, f), name) };
    });
    return { dir, absolute, root, services, environments };
}
/** A catalog file's text; a directory or unreadable file in its place is the user's to fix, not a crash. */
function readCatalogFile(path, shown) {
    try {
        const bytes = (0,external_node_fs_.readFileSync)(path);
        // Plain ASCII (most catalogs) decodes byte for byte, several times faster than Node 20's UTF-8 read of a
        // 1 MB file; anything else is decoded as UTF-8.
        return (0,external_node_buffer_.isAscii)(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
    }
    catch (e) {
        const code = e.code;
        throw new src_errors/* ConfigurationError */.j1(`cannot read ${shown}: ${code === 'EISDIR' ? 'it is a directory, expected a YAML file' : e.message}`);
    }
}
/**
 * Everything the validated catalog depends on, verbatim: every file's name and text, the options, the code version.
 * The cache compares it whole (no hash to compute, so no node:crypto to load: issue 16), so a hit is exact.
 */
function cacheKey(sources, codeVersion, options) {
    let key = `${codeVersion}\0${sources.dir}\0${sources.root}\0${options.strict === true}\0`;
    for (const s of [sources.services, ...sources.environments])
        key += `${s.file}\0${s.text.length}\0${s.text}\0`;
    return key;
}
async function checkSources(sources, options) {
    // The parser and validator load only when the catalog has to be read (not on a cache hit).
    const { root, services, environments } = sources;
    // The glob matcher the branch rules use loads only for a catalog with environments.
    const [{ buildCatalogCore }, { prepareYaml }, branches] = await Promise.all([Promise.all(/* import() */[__webpack_require__.e(674), __webpack_require__.e(113)]).then(__webpack_require__.bind(__webpack_require__, 113)), __webpack_require__.e(/* import() */ 674).then(__webpack_require__.bind(__webpack_require__, 674)), environments.length ? Promise.all(/* import() */[__webpack_require__.e(6), __webpack_require__.e(200)]).then(__webpack_require__.bind(__webpack_require__, 819)) : undefined]);
    await prepareYaml([services, ...environments]);
    const result = buildCatalogCore({
        dir: sources.dir,
        root,
        services,
        environments,
        ...(!options.checkPaths ? {} : { pathExists: (p) => (0,external_node_fs_.existsSync)((0,external_node_path_.join)(root, p)) }),
        ...(options.strict ? { strict: true } : {}),
    }, branches ? { overlappingRefs: branches.overlappingRefProblems } : {});
    await (0,locate/* locateProblems */.D)(result.problems, [services, ...environments]);
    return result;
}


/***/ }),

/***/ 1917:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ locateProblems)
/* harmony export */ });
/**
 * Fills in line and column for problems that carry a key path. Loads the positioned `yaml` parser only here,
 * when there is something to report, so a clean catalog never pays for it.
 */
async function locateProblems(problems, sources) {
    const pending = problems.filter((p) => p.path && p.line === undefined);
    if (pending.length === 0)
        return;
    const { parseDocument, LineCounter, isMap, isSeq, isPair, isScalar } = await __webpack_require__.e(/* import() */ 815).then(__webpack_require__.t.bind(__webpack_require__, 8815, 19));
    const byFile = new Map(sources.map((s) => [s.file, s]));
    const docs = new Map();
    // Each mapping's keys indexed once: a catalog with every path missing has one problem per service, and a linear
    // search per problem made a 100,000-service file take minutes.
    const indexes = new WeakMap();
    const pairOf = (map, key) => {
        let index = indexes.get(map);
        if (!index) {
            index = new Map();
            for (const p of map.items)
                if (isPair(p) && isScalar(p.key) && !index.has(String(p.key.value)))
                    index.set(String(p.key.value), p);
            indexes.set(map, index);
        }
        return index.get(key);
    };
    for (const problem of pending) {
        const source = byFile.get(problem.file);
        if (!source)
            continue;
        let parsed = docs.get(problem.file);
        if (!parsed) {
            const lines = new LineCounter();
            parsed = { doc: parseDocument(source.text, { lineCounter: lines, uniqueKeys: false }), lines };
            docs.set(problem.file, parsed);
        }
        // Walk as far down the path as the document goes; report the deepest node found (its key for unknown keys).
        let node = parsed.doc.contents;
        let offset = node?.range?.[0];
        for (const [i, key] of problem.path.entries()) {
            const last = i === problem.path.length - 1;
            if (isMap(node)) {
                const pair = pairOf(node, String(key));
                if (!isPair(pair))
                    break;
                const keyNode = pair.key;
                offset = keyNode.range?.[0] ?? offset;
                if (last && problem.atKey)
                    break;
                node = pair.value;
                const valueRange = node?.range;
                if (last && valueRange)
                    offset = valueRange[0];
            }
            else if (isSeq(node) && typeof key === 'number') {
                node = node.items[key];
                offset = node?.range?.[0] ?? offset;
            }
            else
                break;
        }
        if (offset !== undefined) {
            const pos = parsed.lines.linePos(offset);
            problem.line = pos.line;
            problem.column = pos.col;
        }
    }
}


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

/***/ 2847:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   run: () => (/* binding */ run),
/* harmony export */   usage: () => (/* binding */ usage)
/* harmony export */ });
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7743);
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2332);
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9094);
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1333);
/* harmony import */ var _tierdeploy_graph__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5517);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7109);
/* harmony import */ var _cli_io_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7801);




const usage = [
    'tierdeploy status --env ENV [--compare ENV] [--tier N|all | --services A,B] [--format table|json|markdown]',
    '                  [--catalog DIR] [--cluster NAME] [--region REGION] [--compare-cluster NAME] [--compare-region REGION]',
    '',
    '  What runs in ENV now, per service: the revision, the image digest, the commit and deploy that registered it (the',
    '  tags every deploy writes), the rollout, running/desired tasks, when it was deployed, and what the next deploy',
    '  would change from the catalog alone. --compare ENV: which services run different images there, by commit (the',
    '  promotion preview). Reads only. Default selection: every service ENV enables.',
].join('\n');
const FORMATS = ['table', 'json', 'markdown'];
async function run(args, io, deps = {}) {
    const { values } = (0,_args_js__WEBPACK_IMPORTED_MODULE_0__/* .parseFlags */ .bQ)(args, {
        catalog: { type: 'string' },
        env: { type: 'string' },
        compare: { type: 'string' },
        tier: { type: 'string' },
        services: { type: 'string' },
        service: { type: 'string' },
        cluster: { type: 'string' },
        region: { type: 'string' },
        'compare-cluster': { type: 'string' },
        'compare-region': { type: 'string' },
        format: { type: 'string' },
    });
    const envName = (0,_args_js__WEBPACK_IMPORTED_MODULE_0__/* .stringFlag */ .AM)(values, 'env');
    if (envName === undefined)
        throw new _cli_io_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .e('--env ENV is required: the environment to show');
    const format = (0,_args_js__WEBPACK_IMPORTED_MODULE_0__/* .stringFlag */ .AM)(values, 'format') ?? 'table';
    if (!FORMATS.includes(format))
        throw new _cli_io_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .e(`--format must be one of ${FORMATS.join(', ')}, got '${format}'`);
    const tier = (0,_args_js__WEBPACK_IMPORTED_MODULE_0__/* .stringFlag */ .AM)(values, 'tier');
    const names = (0,_args_js__WEBPACK_IMPORTED_MODULE_0__/* .stringFlag */ .AM)(values, 'services') ?? (0,_args_js__WEBPACK_IMPORTED_MODULE_0__/* .stringFlag */ .AM)(values, 'service');
    if (tier !== undefined && names !== undefined)
        throw new _cli_io_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .e('give --tier or --services, not both');
    const { catalog, warnings } = await (0,_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_2__/* .loadCatalog */ .a)({ dir: (0,_args_js__WEBPACK_IMPORTED_MODULE_0__/* .stringFlag */ .AM)(values, 'catalog') ?? 'catalog', ...(0,_cli_io_js__WEBPACK_IMPORTED_MODULE_1__/* .catalogLoadOptions */ .W)(io) });
    for (const w of warnings)
        io.stderr((0,_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_3__/* .formatProblem */ .Vw)(w));
    const environment = (0,_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_4__/* .environmentNamed */ .b)(catalog, envName);
    const compareName = (0,_args_js__WEBPACK_IMPORTED_MODULE_0__/* .stringFlag */ .AM)(values, 'compare');
    const other = compareName === undefined ? undefined : (0,_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_4__/* .environmentNamed */ .b)(catalog, compareName);
    if (other?.name === environment.name)
        throw new _cli_io_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .e(`--compare names ${environment.name} itself`);
    // The AWS SDK loads here, on use, never for plan or validate.
    const aws = await Promise.all(/* import() */[__webpack_require__.e(6), __webpack_require__.e(363), __webpack_require__.e(85), __webpack_require__.e(722), __webpack_require__.e(45), __webpack_require__.e(21)]).then(__webpack_require__.bind(__webpack_require__, 3045));
    const selection = { ...(names !== undefined ? { services: (0,_tierdeploy_graph__WEBPACK_IMPORTED_MODULE_5__/* .parseNameList */ .HI)(names) } : { tier: tier ?? 'all' }) };
    const select = (env) => aws.gateServices(catalog, env, selection, { tier: '--tier', services: '--services', deployResult: '--services' }).map((s) => s.name);
    const clock = deps.clock ?? _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_6__/* .systemClock */ .ml;
    const read = async (env, services, which, injected) => {
        const region = aws.regionFor(env, { override: (0,_args_js__WEBPACK_IMPORTED_MODULE_0__/* .stringFlag */ .AM)(values, `${which}region`), overrideName: `--${which}region`, env: io.env });
        const cluster = await aws.clusterFor(env, (0,_args_js__WEBPACK_IMPORTED_MODULE_0__/* .stringFlag */ .AM)(values, `${which}cluster`), `--${which}cluster`, { cloudformation: () => aws.makeCloudFormationClient(region) });
        const ecs = injected ?? aws.makeEcsClient({ region });
        try {
            return await aws.readEnvironmentStatus(catalog, env, services, cluster, { ecs, clock, log: { debug() { }, info() { }, warning: (m) => io.stderr(`warning: ${m}`), error: (m) => io.stderr(`error: ${m}`) } });
        }
        finally {
            if (!injected)
                ecs.destroy();
        }
    };
    const services = select(environment);
    const statuses = await read(environment, services, '', deps.ecs);
    // The same services in the other environment: one it does not run shows as missing there.
    const compared = other ? await read(other, services, 'compare-', deps.compareEcs ?? deps.ecs) : undefined;
    const differences = compared ? aws.compareStatus(statuses, compared) : undefined;
    if (format === 'json') {
        io.stdout(JSON.stringify(aws.statusReport(environment.name, statuses, other && compared ? { environment: other.name, services: compared } : undefined), null, 2));
    }
    else {
        io.stdout(aws.renderStatus(environment.name, statuses, format, clock.now()));
        if (other && differences)
            io.stdout(`\n${aws.renderComparison(environment.name, other.name, differences)}`);
    }
    return statuses.some((s) => s.rollout === 'missing' || s.rollout === 'failed') ? 1 : 0;
}


/***/ }),

/***/ 5517:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HI: () => (/* binding */ parseNameList),
/* harmony export */   _j: () => (/* binding */ resolveDeployWaves),
/* harmony export */   aW: () => (/* binding */ parseTier),
/* harmony export */   fV: () => (/* binding */ resolveServiceName)
/* harmony export */ });
/* unused harmony exports whyNotEnabled, deployOrder */
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5753);
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2332);
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1214);

/** Resolves a service name or alias, or throws naming the closest names. */
function resolveServiceName(catalog, name) {
    const canonical = catalog.names.get(name.trim());
    if (canonical)
        return catalog.services.get(canonical);
    const near = (0,_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_0__/* .closestNames */ .g9)(name, catalog.names.keys());
    throw new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`unknown service '${name}'${near.length ? `; did you mean ${near.map((n) => `'${n}'`).join(', ')}?` : ''} (see ${catalog.file}; \`tierdeploy plan --tier all\` lists every service)`);
}
/** Why a service does not deploy in the environment (disabled, or an optional tier's service not enabled there); undefined when it does. */
function whyNotEnabled(catalog, service, environment) {
    if (service.disabled)
        return `${service.name} is disabled in ${catalog.file}`;
    if (!(0,_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_2__/* .isEnabledIn */ .Z)(catalog, service, environment))
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
    throw new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`tier must be a tier number or 'all', got '${value}'`);
}
/** Parses a comma or newline separated list of names, dropping blanks. */
function parseNameList(value) {
    return value.split(/[,\n]/).map((s) => s.trim()).filter(Boolean);
}
function resolveDeployWaves(catalog, selection, environment) {
    // A tier selection gives every service it selects the same first reason: they share one frozen list, and only a
    // service with more reasons gets a list of its own (issue 16: a plan of 10,000 allocated 10,000 lists here).
    let tierReason;
    const inTierSelection = (s) => s.kind !== 'library' && (0,_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_2__/* .isEnabledIn */ .Z)(catalog, s, environment) && (selection.tier === undefined || selection.tier === 'all' || s.tier === selection.tier);
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
        throw new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1('nothing selected: choose a tier (1, 2, ... or all), services, or a change to deploy');
    }
    if (typeof selection.tier === 'number' && !catalog.tiers.some((t) => t.id === selection.tier)) {
        throw new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`unknown tier ${selection.tier}: ${catalog.file} defines tiers ${catalog.tiers.map((t) => t.id).join(', ')} (or use all)`);
    }
    let base;
    const skipped = [];
    if (selection.services !== undefined) {
        if (selection.services.length === 0)
            throw new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1('the service list is empty: name at least one service');
        base = [];
        for (const s of selection.services.map((n) => resolveServiceName(catalog, n))) {
            if (s.kind === 'library')
                throw new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${s.name} is a library: it is never deployed (a change to it deploys its dependents)`);
            const notEnabled = whyNotEnabled(catalog, s, environment);
            if (notEnabled && !selection.onlyEnabled)
                throw new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(notEnabled);
            if (notEnabled) {
                if (!skipped.includes(s.name))
                    skipped.push(s.name);
                continue;
            }
            if (typeof selection.tier === 'number' && s.tier !== selection.tier) {
                throw new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${s.name} is in tier ${s.tier}, not tier ${selection.tier}: drop the tier or the service`);
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


/***/ })

},
 } })

(function (__tierdeployImportMeta) { return { id: 669,
ids: [669],
modules: {

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

/***/ 6669:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run),
  usage: () => (/* binding */ usage)
});

// EXTERNAL MODULE: ./packages/catalog/src/load.ts + 1 modules
var load = __webpack_require__(7743);
// EXTERNAL MODULE: ./packages/catalog/src/errors.ts
var errors = __webpack_require__(2332);
// EXTERNAL MODULE: ./packages/catalog/src/environment.ts
var src_environment = __webpack_require__(9094);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./packages/catalog/src/suggest.ts
var suggest = __webpack_require__(5753);
// EXTERNAL MODULE: ./packages/catalog/src/full-yaml.ts
var full_yaml = __webpack_require__(4776);
;// CONCATENATED MODULE: ./packages/cost/src/default-pricing.ts
/**
 * The built-in pricing table: AWS list prices (USD, Linux/x86, on-demand) for the regions the bundled catalog and
 * most users deploy to. They are estimates: AWS changes prices, Fargate Spot prices move with spare capacity, and
 * usage-based charges (LCUs beyond the assumed count, NAT data processing, Aurora storage and I/O, data transfer,
 * CloudWatch) are not included. Override any figure with CATALOG/pricing.yaml or `--pricing FILE` (same shape, only
 * the keys you change).
 *
 * `checked` lists the figure groups that were compared with a published price on `date`, and where. AWS's own
 * pricing pages render regional figures with JavaScript, so the confirmations are secondary sources quoting them.
 * Every group not listed there is an UNVERIFIED ESTIMATE, and the report says so.
 */
const DEFAULT_PRICING = {
    date: '2026-11-22',
    currency: 'USD',
    note: 'Estimates from AWS list prices; Fargate Spot taken as 70 % below on-demand (AWS: "up to 70 %"); usage-based charges excluded; figure groups not in `checked` are unverified.',
    sources: {
        fargate: 'https://aws.amazon.com/fargate/pricing/',
        alb: 'https://aws.amazon.com/elasticloadbalancing/pricing/',
        natGateway: 'https://aws.amazon.com/vpc/pricing/',
        aurora: 'https://aws.amazon.com/rds/aurora/pricing/',
        redis: 'https://aws.amazon.com/elasticache/pricing/',
        gpu: 'https://aws.amazon.com/ec2/pricing/on-demand/',
    },
    checked: {
        'us-east-1.fargate': '0.04048 $/vCPU-h, 0.004445 $/GB-h (Linux/x86): https://www.vantage.sh/blog/fargate-pricing and https://www.wring.co/blog/aws-fargate-pricing-guide (2026-03)',
        'us-east-1.alb': '0.0225 $/h and 0.008 $/LCU-h: https://cloud-horizons.com/blog/alb-the-line-item-nobody-watches/ (2026-05)',
        'us-east-1.natGateway': '0.045 $/h: https://www.wring.co/blog/aws-nat-gateway-pricing-guide and https://basavytix.com/blog/aws-nat-gateway-pricing',
        'us-east-1.aurora': '~0.12 $/ACU-h, 0.5 ACU floor: https://c3x.dev/blog/aws-aurora-serverless-v2-cost/ and https://awsnegotiations.com/blog/aurora-serverless-v2-pricing.html (2026-05, "approximately")',
        'ca-central-1.natGateway': '~0.05 $/h for Canada (Central): https://cloudpipelines.pages.dev/guides/aws-nat-gateway-pricing-2026/ (approximate)',
    },
    hoursPerMonth: 730,
    availabilityZones: 3,
    regions: {
        'us-east-1': {
            fargate: { vcpuHour: 0.04048, gbHour: 0.004445 },
            // Unverified: Spot prices float; 30 % of on-demand (AWS's "up to 70 % off").
            fargateSpot: { vcpuHour: 0.012144, gbHour: 0.0013335 },
            alb: { hour: 0.0225, lcuHour: 0.008, lcus: 1 },
            natGateway: { hour: 0.045 },
            aurora: { acuHour: 0.12, minAcus: 0.5 },
            // Unverified estimates: not confirmed against a published price.
            redis: { nodeType: 'cache.t4g.small', hour: 0.032, nodes: 1 },
            gpu: { instanceType: 'g4dn.xlarge', hour: 0.526 },
        },
        'ca-central-1': {
            // Unverified estimates (except natGateway): ca-central-1 is roughly 10 % above us-east-1 for these services.
            fargate: { vcpuHour: 0.04456, gbHour: 0.00489 },
            fargateSpot: { vcpuHour: 0.013368, gbHour: 0.001467 },
            alb: { hour: 0.02475, lcuHour: 0.0088, lcus: 1 },
            natGateway: { hour: 0.05 },
            aurora: { acuHour: 0.13, minAcus: 0.5 },
            redis: { nodeType: 'cache.t4g.small', hour: 0.035, nodes: 1 },
            gpu: { instanceType: 'g4dn.xlarge', hour: 0.584 },
        },
    },
};

;// CONCATENATED MODULE: ./packages/cost/src/pricing.ts





const isPlain = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
/**
 * Checks an override document against the shape of the built-in table: known keys only (any region name),
 * numbers that are finite and not negative, strings where the table has strings. Returns every problem.
 */
function checkPricingOverride(value, file) {
    const problems = [];
    const add = (path, message, hint) => {
        problems.push({ file, severity: 'error', message: `${path.join('.')}: ${message}`, path, ...(hint ? { hint } : {}) });
    };
    if (!isPlain(value))
        return [{ file, severity: 'error', message: 'the pricing file must be a mapping (date, sources, regions: { REGION: { fargate: ... } })' }];
    const regionTemplate = DEFAULT_PRICING.regions['us-east-1'];
    const walk = (node, template, path) => {
        if (isPlain(template)) {
            if (!isPlain(node))
                return add(path, 'must be a mapping');
            for (const [key, child] of Object.entries(node)) {
                const isRegionMap = path.length === 1 && path[0] === 'regions';
                const isSources = path.length === 1 && (path[0] === 'sources' || path[0] === 'checked');
                const next = isRegionMap ? regionTemplate : isSources ? '' : template[key];
                if (next === undefined) {
                    add([...path, key], 'is not a pricing key', (0,suggest/* didYouMean */.au)(key, Object.keys(template)));
                    continue;
                }
                walk(child, next, [...path, key]);
            }
        }
        else if (typeof template === 'number') {
            if (typeof node !== 'number' || !Number.isFinite(node) || node < 0)
                add(path, `must be a number of ${path.at(-1) === 'lcus' || path.at(-1) === 'nodes' || path.at(-1) === 'minAcus' ? 'units' : 'USD'}, 0 or more, got ${JSON.stringify(node)}`);
        }
        else if (typeof template === 'string' && typeof node !== 'string')
            add(path, `must be a string, got ${JSON.stringify(node)}`);
    };
    walk(value, DEFAULT_PRICING, []);
    return problems;
}
function deepMerge(base, override) {
    if (!isPlain(base) || !isPlain(override))
        return (override === undefined ? base : override);
    const out = { ...base };
    for (const [k, v] of Object.entries(override))
        out[k] = k in out ? deepMerge(out[k], v) : v;
    return out;
}
/** The built-in table with an override document (already parsed) merged over it, key by key. */
function mergePricing(base, override) {
    return deepMerge(base, override);
}
/** Parses and checks one override file's text; throws a ConfigurationError naming the file and key. */
function parsePricingOverride(file, text) {
    const parsed = (0,full_yaml/* parseAnyYaml */.d)({ file, text });
    if (parsed.problem) {
        const { line, column } = parsed.problem;
        throw new errors/* ConfigurationError */.j1(`${file}${line ? `:${line}${column ? `:${column}` : ''}` : ''}: ${parsed.problem.message}`, [parsed.problem]);
    }
    const problems = checkPricingOverride(parsed.value ?? {}, file);
    if (problems.length) {
        throw new errors/* ConfigurationError */.j1(`${file} is not a valid pricing table:\n${problems.map((p) => `  ${p.message}${p.hint ? ` (${p.hint})` : ''}`).join('\n')}`, problems);
    }
    return parsed.value ?? {};
}
/** `REGION.group` of every figure group an override sets: the user vouches for those, so they are no longer ours to flag. */
function groupsSetBy(override, file) {
    const regions = isPlain(override) && isPlain(override.regions) ? override.regions : {};
    return Object.fromEntries(Object.entries(regions).flatMap(([region, groups]) => (isPlain(groups) ? Object.keys(groups).map((g) => [`${region}.${g}`, `set by ${file}`]) : [])));
}
/** The figure groups of a region that nobody has checked (see PricingTable.checked), in table order. */
function unverifiedGroups(table, region) {
    return Object.keys(table.regions[region] ?? {}).filter((group) => !(`${region}.${group}` in (table.checked ?? {})));
}
/**
 * The pricing table to use: the built-in one, then CATALOG/pricing.yaml when it exists, then `file` (--pricing,
 * the action's `pricing` input), each merged over the previous.
 */
function loadPricing(options = {}) {
    let table = DEFAULT_PRICING;
    const overrides = [];
    const candidates = [];
    if (options.catalogDir)
        candidates.push({ file: (0,external_node_path_.join)(options.catalogDir, 'pricing.yaml'), required: false });
    if (options.file)
        candidates.push({ file: options.file, required: true });
    for (const { file, required } of candidates) {
        if (!(0,external_node_fs_.existsSync)(file)) {
            if (required)
                throw new errors/* ConfigurationError */.j1(`pricing file ${file} does not exist`, [{ file, severity: 'error', message: 'pricing file not found' }]);
            continue;
        }
        const override = parsePricingOverride(file, (0,external_node_fs_.readFileSync)(file, 'utf8'));
        table = mergePricing(table, override);
        table = { ...table, checked: { ...table.checked, ...groupsSetBy(override, file) } };
        overrides.push(file);
    }
    return { table, overrides };
}
/** The prices of a region, or a ConfigurationError that says how to add them. */
function regionPrices(table, region, where) {
    const prices = table.regions[region];
    if (!prices) {
        throw new errors/* ConfigurationError */.j1(`${where}: the pricing table has no prices for region ${region}`, [
            { file: where, severity: 'error', message: `no prices for region ${region}`, hint: `add regions.${region} to catalog/pricing.yaml (known: ${Object.keys(table.regions).join(', ')})` },
        ]);
    }
    const template = DEFAULT_PRICING.regions['us-east-1'];
    const given = prices;
    const missing = Object.entries(template).flatMap(([group, keys]) => {
        const g = given[group];
        return Object.keys(keys).filter((k) => !isPlain(g) || g[k] === undefined).map((k) => `${group}.${k}`);
    });
    if (missing.length) {
        throw new errors/* ConfigurationError */.j1(`pricing for region ${region} lacks ${missing.join(', ')}`, [
            { file: where, severity: 'error', message: `pricing for ${region} lacks ${missing.join(', ')}`, hint: `a new region needs every figure: ${Object.entries(template).map(([g, keys]) => `${g}: { ${Object.keys(keys).join(', ')} }`).join('; ')}` },
        ]);
    }
    return prices;
}

// EXTERNAL MODULE: ./packages/catalog/src/settings.ts
var src_settings = __webpack_require__(1214);
// EXTERNAL MODULE: ./packages/catalog/src/model.ts
var model = __webpack_require__(9014);
;// CONCATENATED MODULE: ./packages/cost/src/estimate.ts


const DAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const DEFAULT_HOURS = { start: '08:00', end: '18:00', days: ['mon', 'tue', 'wed', 'thu', 'fri'] };
function minutes(hhmm) {
    const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
    return m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
}
/**
 * Hours a month that a business-hours service runs: hours a day x days a week x weeks a month, where a month is
 * hoursPerMonth / 168 weeks (730 / 168 = 4.345), so the two columns use the same month.
 */
function businessHoursPerMonth(environment, hoursPerMonth) {
    const bh = { ...DEFAULT_HOURS, ...environment.businessHours };
    const start = minutes(bh.start);
    const end = minutes(bh.end);
    const daily = Number.isFinite(start) && Number.isFinite(end) ? (end > start ? end - start : end + 24 * 60 - start) / 60 : 10;
    const days = new Set(bh.days.map((d) => d.toLowerCase().slice(0, 3)).filter((d) => DAY_NAMES.includes(d))).size;
    return { hours: (daily * days * hoursPerMonth) / 168, label: `${bh.start}\u2013${bh.end} ${bh.days.join(', ')}${environment.businessHours ? '' : ' (default)'}` };
}
/** On-demand or Spot price of one task-hour of a Fargate task size. */
function fargateHour(prices, cpu, memory) {
    return (cpu / 1024) * prices.vcpuHour + (memory / 1024) * prices.gbHour;
}
/** Which platform resource an infrastructure entry is, from its name and description. */
function platformItemOf(service) {
    const text = `${service.name} ${service.description ?? ''}`;
    if (/aurora|rds\b|postgres/i.test(text))
        return 'aurora';
    if (/redis|elasticache|valkey/i.test(text))
        return 'redis';
    return undefined;
}
/**
 * Monthly cost of one environment: every enabled service at its desired count (autoscaling above it is not
 * predicted), in four columns, per tier, plus the fixed platform cost, and what would save money.
 */
function estimateCost(catalog, environment, table, overrides = []) {
    const prices = regionPrices(table, environment.region, environment.file);
    const month = table.hoursPerMonth;
    const business = businessHoursPerMonth(environment, month);
    const productionLike = (0,src_environment/* isProductionLike */.r)(environment);
    const notes = [];
    const services = [];
    const recommendations = [];
    const enabled = [...catalog.services.values()].filter((s) => (0,src_settings/* isEnabledIn */.Z)(catalog, s, environment));
    for (const service of enabled.filter(model/* isDeployable */.M)) {
        const settings = (0,src_settings/* serviceSettings */.xw)(catalog, service, environment);
        const tasks = settings.desiredCount;
        const capacity = service.capacity ?? 'fargate';
        const tier1 = service.tier === 1;
        let onDemandHour;
        let spotHour;
        let note;
        if (capacity === 'ec2-gpu') {
            // A GPU task holds a whole instance; EC2 Spot prices vary too much to estimate, so Spot is on-demand here.
            onDemandHour = prices.gpu.hour * tasks;
            spotHour = onDemandHour;
            note = `one EC2 ${prices.gpu.instanceType} per task, on-demand; EC2 Spot not estimated`;
        }
        else {
            onDemandHour = fargateHour(prices.fargate, settings.cpu, settings.memory) * tasks;
            spotHour = tier1 ? onDemandHour : fargateHour(prices.fargateSpot, settings.cpu, settings.memory) * tasks;
        }
        const configuredHour = settings.spot && capacity === 'fargate' ? fargateHour(prices.fargateSpot, settings.cpu, settings.memory) * tasks : onDemandHour;
        const configuredHours = settings.schedule === 'business-hours' ? business.hours : month;
        const cost = {
            service: service.name,
            tier: service.tier,
            capacity,
            cpu: settings.cpu,
            memory: settings.memory,
            tasks,
            spotConfigured: settings.spot,
            schedule: settings.schedule,
            hourly: onDemandHour,
            configured: configuredHour * configuredHours,
            alwaysOn: onDemandHour * month,
            businessHours: onDemandHour * (tier1 ? month : business.hours),
            spot: spotHour * month,
            ...(note ? { note } : {}),
        };
        services.push(cost);
        if (tasks === 0)
            continue;
        if (tier1 && settings.spot && capacity === 'fargate') {
            const onDemand = onDemandHour * configuredHours;
            recommendations.push({ kind: 'tier-1-on-spot', service: service.name, monthlySavings: cost.configured - onDemand, message: `${service.name} is tier 1 and on Spot: Spot tasks can be reclaimed with two minutes' notice; run it on-demand` });
        }
        if (service.tier >= 3 && capacity === 'fargate' && !settings.spot) {
            const withSpot = fargateHour(prices.fargateSpot, settings.cpu, settings.memory) * tasks * configuredHours;
            recommendations.push({ kind: 'spot', service: service.name, monthlySavings: cost.configured - withSpot, message: `run ${service.name} (tier ${service.tier}) on Fargate Spot (spot: true)` });
        }
        // Tier 1 must run 24/7; in production only internal tier 3-4 services may sleep outside business hours.
        const mayBeScheduled = service.tier >= 2 && (!productionLike || (service.tier >= 3 && !service.routing?.public));
        if (mayBeScheduled && settings.schedule === 'always') {
            const scheduled = configuredHour * business.hours;
            recommendations.push({ kind: 'schedule', service: service.name, monthlySavings: cost.configured - scheduled, message: `run ${service.name} in business hours only (schedule: business-hours)` });
        }
    }
    // Out of line: a Fargate task costing 4x or more the median task of its tier (tiers of three or more).
    for (const tier of catalog.tiers) {
        const peers = services.filter((s) => s.tier === tier.id && s.capacity === 'fargate' && s.tasks > 0);
        if (peers.length < 3)
            continue;
        const perTask = (s) => s.hourly / s.tasks;
        const sorted = peers.map(perTask).sort((a, b) => a - b);
        const mid = sorted.length / 2;
        const median = sorted.length % 2 ? sorted[Math.floor(mid)] : (sorted[mid - 1] + sorted[mid]) / 2;
        for (const s of peers) {
            if (perTask(s) < 4 * median)
                continue;
            recommendations.push({
                kind: 'size',
                service: s.service,
                monthlySavings: s.configured * (1 - median / perTask(s)),
                message: `${s.service} (${s.cpu} CPU / ${s.memory} MiB) costs ${(perTask(s) / median).toFixed(1)}x the median task of tier ${tier.id}; check its CPU and memory use and size it down if it allows`,
            });
        }
    }
    const platform = platformCosts(catalog, environment, enabled, prices, table);
    const unpriced = enabled.filter((s) => s.kind === 'infrastructure' && !platform.some((p) => p.service === s.name)).map((s) => s.name);
    if (unpriced.length)
        notes.push(`Not priced (usage-based): ${unpriced.join(', ')}.`);
    if (services.some((s) => s.capacity === 'ec2-gpu'))
        notes.push(`Services on ec2-gpu capacity are priced as one ${prices.gpu.instanceType} instance per task, on-demand, in every column.`);
    notes.push('Desired counts only: autoscaling above them, data transfer, storage, logs and LCUs beyond the assumed count are not included.');
    const unverified = unverifiedGroups(table, environment.region);
    if (unverified.length)
        notes.push(`Unverified estimates for ${environment.region} (not checked against a published price): ${unverified.join(', ')}; set them in catalog/pricing.yaml to use your own.`);
    const sum = (rows) => ({
        configured: rows.reduce((a, r) => a + r.configured, 0),
        alwaysOn: rows.reduce((a, r) => a + r.alwaysOn, 0),
        businessHours: rows.reduce((a, r) => a + r.businessHours, 0),
        spot: rows.reduce((a, r) => a + r.spot, 0),
    });
    const tiers = catalog.tiers
        .map((t) => ({ tier: t.id, name: t.name, services: services.filter((s) => s.tier === t.id).length, ...sum(services.filter((s) => s.tier === t.id)) }))
        .filter((t) => t.services > 0);
    const servicesTotal = sum(services);
    const platformTotal = platform.reduce((a, p) => a + p.monthly, 0);
    recommendations.sort((a, b) => b.monthlySavings - a.monthlySavings || a.service.localeCompare(b.service));
    return {
        environment: environment.name,
        region: environment.region,
        currency: table.currency,
        pricingDate: table.date,
        pricingSources: table.sources,
        pricingOverrides: overrides,
        hoursPerMonth: month,
        businessHoursPerMonth: business.hours,
        businessHours: business.label,
        services,
        tiers,
        platform,
        totals: {
            configured: servicesTotal.configured + platformTotal,
            alwaysOn: servicesTotal.alwaysOn + platformTotal,
            businessHours: servicesTotal.businessHours + platformTotal,
            spot: servicesTotal.spot + platformTotal,
            services: servicesTotal,
            platform: platformTotal,
        },
        recommendations,
        notes,
    };
}
function platformCosts(catalog, environment, enabled, prices, table) {
    const month = table.hoursPerMonth;
    const out = [];
    if (enabled.some((s) => (0,model/* isDeployable */.M)(s) && s.routing?.public)) {
        out.push({ item: 'alb', label: 'ALB', description: `Application Load Balancer (${prices.alb.lcus} LCU assumed)`, monthly: (prices.alb.hour + prices.alb.lcuHour * prices.alb.lcus) * month });
    }
    const deployable = enabled.some(model/* isDeployable */.M);
    if (deployable) {
        const perAz = environment.network?.natGateways === 'per-az';
        const count = perAz ? table.availabilityZones : 1;
        out.push({ item: 'nat-gateway', label: `NAT gateway x${count}`, description: `${count} NAT gateway${count === 1 ? '' : 's'} (${perAz ? 'one per AZ' : 'single'}${environment.network?.natGateways ? '' : ', assumed'}; data processing excluded)`, monthly: prices.natGateway.hour * count * month });
    }
    for (const s of enabled.filter((x) => x.kind === 'infrastructure')) {
        const item = platformItemOf(s);
        if (item === 'aurora')
            out.push({ item, service: s.name, label: `Aurora ${prices.aurora.minAcus} ACU`, description: `Aurora Serverless v2 at its minimum ${prices.aurora.minAcus} ACU (storage and I/O excluded)`, monthly: prices.aurora.acuHour * prices.aurora.minAcus * month });
        if (item === 'redis')
            out.push({ item, service: s.name, label: `Redis ${prices.redis.nodeType}`, description: `ElastiCache ${prices.redis.nodeType} x ${prices.redis.nodes}`, monthly: prices.redis.hour * prices.redis.nodes * month });
    }
    return out;
}

;// CONCATENATED MODULE: ./packages/cost/src/render.ts
/** Whole cents, so JSON and tables agree with each other and with hand arithmetic. */
function cents(value) {
    return Math.round(value * 100) / 100;
}
function money(value) {
    const sign = value < 0 ? '-' : '';
    return `${sign}$${Math.abs(cents(value)).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}
function size(cpu, memory) {
    return `${cpu / 1024} vCPU / ${memory / 1024} GB`;
}
function roundColumns(c) {
    return { ...c, configured: cents(c.configured), alwaysOn: cents(c.alwaysOn), businessHours: cents(c.businessHours), spot: cents(c.spot) };
}
/** The report with every amount rounded to cents: the documented shape of `tierdeploy cost --format json`. */
function costJson(report) {
    return {
        ...report,
        businessHoursPerMonth: cents(report.businessHoursPerMonth),
        services: report.services.map((s) => ({ ...roundColumns(s), hourly: Math.round(s.hourly * 1e6) / 1e6 })),
        tiers: report.tiers.map(roundColumns),
        platform: report.platform.map((p) => ({ ...p, monthly: cents(p.monthly) })),
        totals: { ...roundColumns(report.totals), services: roundColumns(report.totals.services), platform: cents(report.totals.platform) },
        recommendations: report.recommendations.map((r) => ({ ...r, monthlySavings: cents(r.monthlySavings) })),
    };
}
function footnote(report) {
    const overrides = report.pricingOverrides.length ? `, overridden by ${report.pricingOverrides.join(', ')}` : '';
    return `Estimates in ${report.currency} from list prices of ${report.pricingDate}${overrides}; ${report.hoursPerMonth} h a month, business hours ${report.businessHours} = ${report.businessHoursPerMonth.toFixed(1)} h a month.`;
}
function escapeCell(s) {
    return s.replace(/\|/g, '\\|');
}
/** The full report as Markdown: tiers in the users' columns, services, platform, recommendations. */
function renderCostMarkdown(report) {
    const out = [`### Estimated monthly cost: ${report.environment} (${report.region})`, '', footnote(report), ''];
    out.push('| Tier | Services | As configured | Always on | Business hours only | Fargate Spot |', '| --- | ---: | ---: | ---: | ---: | ---: |');
    for (const t of report.tiers)
        out.push(`| ${t.tier} ${t.name} | ${t.services} | ${money(t.configured)} | ${money(t.alwaysOn)} | ${money(t.businessHours)} | ${money(t.spot)} |`);
    const p = report.totals.platform;
    out.push(`| platform (fixed) | | ${money(p)} | ${money(p)} | ${money(p)} | ${money(p)} |`);
    const t = report.totals;
    out.push(`| **Total** | ${report.services.length} | **${money(t.configured)}** | **${money(t.alwaysOn)}** | **${money(t.businessHours)}** | **${money(t.spot)}** |`, '');
    out.push('Tier 1 counts as always on and on-demand in every column: it must run 24/7 and never on Spot.', '');
    out.push('<details><summary>Per service</summary>', '');
    out.push('| Tier | Service | Size | Tasks | As configured | Always on | Business hours only | Fargate Spot |', '| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: |');
    for (const s of report.services) {
        const setting = [s.spotConfigured ? 'Spot' : '', s.schedule === 'business-hours' ? 'business hours' : ''].filter(Boolean).join(', ');
        const sized = s.capacity === 'ec2-gpu' ? `EC2 GPU: ${escapeCell(s.note ?? '')}` : size(s.cpu, s.memory);
        out.push(`| ${s.tier} | \`${s.service}\`${setting ? ` (${setting})` : ''} | ${sized} | ${s.tasks} | ${money(s.configured)} | ${money(s.alwaysOn)} | ${money(s.businessHours)} | ${money(s.spot)} |`);
    }
    out.push('', '</details>', '');
    if (report.platform.length) {
        out.push('| Platform | Monthly |', '| --- | ---: |');
        for (const item of report.platform)
            out.push(`| ${escapeCell(item.description)}${item.service ? ` (\`${item.service}\`)` : ''} | ${money(item.monthly)} |`);
        out.push('');
    }
    if (report.recommendations.length) {
        out.push('**Recommendations** (each against the configured cost; they overlap, so savings do not simply add up)', '');
        for (const r of report.recommendations)
            out.push(`- ${r.message}: ${r.monthlySavings >= 0 ? `saves ${money(r.monthlySavings)}` : `costs ${money(-r.monthlySavings)}`} a month`);
        out.push('');
    }
    for (const n of report.notes)
        out.push(`_${n}_`);
    out.push('', `_Sources: ${Object.values(report.pricingSources).join(', ')}_`, '');
    return `${out.join('\n')}\n`;
}
/** A short cost section for another summary (the deploy summary): the tier table and the top recommendations. */
function renderCostSection(report, options = {}) {
    const out = [`#### Estimated monthly cost of ${report.environment}: ${money(report.totals.configured)}`, ''];
    out.push('| Tier | As configured | Always on | Business hours only | Fargate Spot |', '| --- | ---: | ---: | ---: | ---: |');
    for (const t of report.tiers)
        out.push(`| ${t.tier} ${t.name} | ${money(t.configured)} | ${money(t.alwaysOn)} | ${money(t.businessHours)} | ${money(t.spot)} |`);
    out.push(`| platform (fixed) | ${money(report.totals.platform)} | ${money(report.totals.platform)} | ${money(report.totals.platform)} | ${money(report.totals.platform)} |`, '');
    const top = report.recommendations.filter((r) => r.monthlySavings > 0 || r.kind === 'tier-1-on-spot').slice(0, options.recommendations ?? 3);
    for (const r of top)
        out.push(`- ${r.message} (${r.monthlySavings >= 0 ? `saves ${money(r.monthlySavings)}` : `costs ${money(-r.monthlySavings)}`}/month)`);
    out.push('', `_${footnote(report)} \`tierdeploy cost --env ${report.environment}\` shows every service._`, '');
    return `${out.join('\n')}\n`;
}
function pad(rows, rightAligned) {
    const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
    return rows.map((r) => r.map((c, i) => (rightAligned.has(i) ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd()).join('\n');
}
/** The report as aligned plain text for a terminal. */
function renderCostTable(report) {
    const head = ['tier', 'service', 'size', 'tasks', 'configured', 'always on', 'business hrs', 'spot'];
    const rows = [head];
    for (const s of report.services) {
        rows.push([String(s.tier), s.service, s.capacity === 'ec2-gpu' ? 'ec2-gpu' : size(s.cpu, s.memory), String(s.tasks), money(s.configured), money(s.alwaysOn), money(s.businessHours), money(s.spot)]);
    }
    // The tasks column counts tasks on every row (a tier row sums its services' tasks), never services.
    const tasksOf = (tier) => report.services.filter((s) => tier === undefined || s.tier === tier).reduce((a, s) => a + s.tasks, 0);
    for (const t of report.tiers)
        rows.push([String(t.tier), `tier ${t.tier} ${t.name}`, '', String(tasksOf(t.tier)), money(t.configured), money(t.alwaysOn), money(t.businessHours), money(t.spot)]);
    for (const p of report.platform)
        rows.push(['', p.label, '', '', money(p.monthly), money(p.monthly), money(p.monthly), money(p.monthly)]);
    const t = report.totals;
    rows.push(['', 'TOTAL', '', String(tasksOf()), money(t.configured), money(t.alwaysOn), money(t.businessHours), money(t.spot)]);
    const out = [`Estimated monthly cost: ${report.environment} (${report.region})`, footnote(report), '', pad(rows, new Set([0, 3, 4, 5, 6, 7]))];
    if (report.recommendations.length) {
        out.push('', 'Recommendations:');
        for (const r of report.recommendations)
            out.push(`  - ${r.message}: ${r.monthlySavings >= 0 ? `saves ${money(r.monthlySavings)}` : `costs ${money(-r.monthlySavings)}`}/month`);
    }
    if (report.notes.length)
        out.push('', ...report.notes);
    return `${out.join('\n')}\n`;
}

// EXTERNAL MODULE: ./packages/cli/src/args.ts
var src_args = __webpack_require__(7109);
// EXTERNAL MODULE: ./packages/cli/src/cli-io.ts
var cli_io = __webpack_require__(7801);
;// CONCATENATED MODULE: ./packages/cli/src/commands/cost.ts




const usage = 'tierdeploy cost [--catalog DIR] [--env ENV] [--format table|markdown|json] [--pricing FILE]';
const FORMATS = ['table', 'markdown', 'json'];
async function run(args, io) {
    const { values } = (0,src_args/* parseFlags */.bQ)(args, { catalog: { type: 'string' }, env: { type: 'string' }, format: { type: 'string' }, pricing: { type: 'string' } });
    const format = (0,src_args/* stringFlag */.AM)(values, 'format') ?? 'table';
    if (!FORMATS.includes(format))
        throw new cli_io/* UsageError */.e(`--format must be one of ${FORMATS.join(', ')}, got '${format}'`);
    const dir = (0,src_args/* stringFlag */.AM)(values, 'catalog') ?? 'catalog';
    const { catalog, warnings } = await (0,load/* loadCatalog */.a)({ dir });
    for (const w of warnings)
        io.stderr((0,errors/* formatProblem */.Vw)(w));
    const pricingFile = (0,src_args/* stringFlag */.AM)(values, 'pricing');
    const { table, overrides } = loadPricing({ catalogDir: dir, ...(pricingFile ? { file: pricingFile } : {}) });
    const envName = (0,src_args/* stringFlag */.AM)(values, 'env');
    const environments = envName === undefined ? [...catalog.environments.values()] : [(0,src_environment/* environmentNamed */.b)(catalog, envName)];
    if (environments.length === 0)
        io.stderr(`${catalog.file}: no environments in ${dir}/environments, so there is no region or size to price`);
    const reports = environments.map((e) => estimateCost(catalog, e, table, overrides));
    if (format === 'json')
        io.stdout(JSON.stringify({ environments: reports.map(costJson) }, null, 2));
    else
        io.stdout(reports.map(format === 'markdown' ? renderCostMarkdown : renderCostTable).join('\n').trimEnd());
    return 0;
}


/***/ })

},
 } })

(function (__tierdeployImportMeta) { return { id: 366,
ids: [366],
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

/***/ 2366:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run),
  usage: () => (/* binding */ usage)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./packages/catalog/src/load.ts + 1 modules
var load = __webpack_require__(7743);
// EXTERNAL MODULE: ./packages/catalog/src/errors.ts
var errors = __webpack_require__(2332);
// EXTERNAL MODULE: ./packages/catalog/src/environment.ts
var src_environment = __webpack_require__(9094);
// EXTERNAL MODULE: ./packages/catalog/src/model.ts
var model = __webpack_require__(9014);
// EXTERNAL MODULE: ./packages/catalog/src/settings.ts
var src_settings = __webpack_require__(1214);
;// CONCATENATED MODULE: ./packages/terraform/src/catalog-vars.ts

/**
 * Where promotion needs ECR replication: from each environment to those promoted from it (`promotesFrom`) that are in
 * another account or region, so the target's tasks pull the promoted digest from their own registry. An account is
 * needed on both sides to know: one side without it is refused rather than guessed.
 */
function imageReplication(catalog, environment) {
    const crossing = (from, to) => {
        if ((from.account === undefined) !== (to.account === undefined) && from.region === to.region) {
            const missing = from.account === undefined ? from : to;
            throw new errors/* ConfigurationError */.j1(`${missing.file}: account is required: ${to.name} is promoted from ${from.name} and only one of them names its account, so tierdeploy cannot tell whether promotion crosses accounts (ECR replication)`);
        }
        return from.account !== to.account || from.region !== to.region;
    };
    const destinations = [...catalog.environments.values()]
        .filter((to) => to.promotesFrom === environment.name && to.name !== environment.name && crossing(environment, to))
        .map((to) => {
        if (to.account === undefined)
            throw new errors/* ConfigurationError */.j1(`${to.file}: account is required: ${to.name} is promoted from ${environment.name} in another region, and ECR replication names the destination account`);
        return { account_id: to.account, region: to.region };
    });
    const unique = [...new Map(destinations.map((d) => [`${d.account_id}/${d.region}`, d])).values()].sort((a, b) => `${a.account_id}/${a.region}`.localeCompare(`${b.account_id}/${b.region}`));
    const source = environment.promotesFrom !== undefined ? catalog.environments.get(environment.promotesFrom) : undefined;
    const sources = source && source.account !== undefined && crossing(source, environment) && source.account !== environment.account ? [source.account] : [];
    return { image_replication_destinations: unique, image_replication_sources: sources };
}
function literal(ref, fallback) {
    // A stack or terraform output cannot name what Terraform itself creates; the default name is used instead.
    return typeof ref === 'string' ? ref : fallback;
}
function repositoryName(catalog, service) {
    return service.ecr?.repository ?? `${catalog.platform}/${service.name}`;
}
/** Services the environment root creates: deployable, enabled there, and updated through ECS (not a stack). */
function terraformServices(catalog, environment) {
    return [...catalog.services.values()]
        .filter((s) => (0,model/* isDeployable */.M)(s) && (0,src_settings/* isEnabledIn */.Z)(catalog, s, environment) && (s.deployVia ?? 'ecs') === 'ecs')
        .sort((a, b) => a.name.localeCompare(b.name));
}
/** Builds the environment root's variables from the catalog, so Terraform and the catalog can never disagree. */
function catalogTerraformVars(catalog, environment) {
    const services = terraformServices(catalog, environment);
    const names = new Set(services.map((s) => s.name));
    const called = new Set(services.flatMap((s) => s.dependsOn).filter((d) => names.has(d)));
    const out = {};
    const used = new Map();
    for (const service of services) {
        const settings = (0,src_settings/* serviceSettings */.xw)(catalog, service, environment);
        const routing = service.routing;
        const isPublic = Boolean(routing?.public && routing.pathPatterns?.length && settings.port !== undefined);
        const priority = isPublic ? (routing?.priority ?? null) : null;
        if (isPublic && priority === null) {
            throw new errors/* ConfigurationError */.j1(`${catalog.file}: service '${service.name}' is public but has no routing.priority (a number from 1 to 50000, unique among public services; lower matches first)`);
        }
        if (priority !== null) {
            const other = used.get(priority);
            if (other)
                throw new errors/* ConfigurationError */.j1(`${catalog.file}: services '${other}' and '${service.name}' share routing.priority ${priority}; ALB listener rule priorities must be unique`);
            used.set(priority, service.name);
        }
        const hc = settings.healthCheck;
        out[service.name] = {
            tier: service.tier,
            cpu: settings.cpu,
            memory: settings.memory,
            desired_count: settings.desiredCount,
            // desiredCount 0 switches a service off in the environment: autoscaling must not bring it back.
            min_capacity: settings.desiredCount === 0 ? 0 : settings.autoscaling.min,
            max_capacity: settings.autoscaling.max,
            ...(settings.autoscaling.cpuTarget !== undefined ? { cpu_target: settings.autoscaling.cpuTarget } : {}),
            ...(settings.autoscaling.memoryTarget !== undefined ? { memory_target: settings.autoscaling.memoryTarget } : {}),
            spot: settings.spot,
            schedule: settings.schedule,
            capacity: service.capacity ?? 'fargate',
            gpu: service.gpu ?? 0,
            container_name: settings.containerName,
            port: settings.port ?? null,
            public: isPublic,
            path_patterns: isPublic ? [...(routing?.pathPatterns ?? [])] : [],
            priority,
            health_check: {
                path: hc.path ?? '/health',
                matcher: String(hc.expectedStatus),
                healthy_threshold: hc.healthyThreshold,
                interval_seconds: hc.intervalSeconds,
                timeout_seconds: hc.timeoutSeconds,
                grace_period_seconds: hc.gracePeriodSeconds ?? 60,
            },
            internal: called.has(service.name),
            repository: repositoryName(catalog, service),
            depends_on: [...service.dependsOn].sort(),
            environment: settings.environment,
            secrets: settings.secrets,
        };
    }
    const network = environment.network ?? {};
    const hours = environment.businessHours ?? {};
    const name = `${catalog.platform}-${environment.name}`;
    if (!network.vpcCidr) {
        throw new errors/* ConfigurationError */.j1(`${environment.file}: network.vpcCidr is required to generate Terraform variables (e.g. 10.1.0.0/16)`);
    }
    return {
        environment: environment.name,
        platform: catalog.platform,
        account_id: environment.account ?? null,
        region: environment.region,
        domain: environment.url ? new URL(environment.url).hostname : null,
        cluster_name: literal(environment.cluster, name),
        vpc_cidr: network.vpcCidr,
        nat_gateway_mode: network.natGateways ?? 'per-az',
        service_connect_namespace: literal(environment.serviceConnectNamespace, `${name}.local`),
        log_group_prefix: literal(environment.logGroup, `/ecs/${name}`),
        ssm_prefix: environment.ssmPrefix ?? `/${catalog.platform}/${environment.name}`,
        business_hours: {
            timezone: hours.timezone ?? 'UTC',
            start: hours.start ?? '08:00',
            end: hours.end ?? '18:00',
            days: hours.days ?? ['mon', 'tue', 'wed', 'thu', 'fri'],
        },
        ecr_repositories: [...new Set(services.map((s) => out[s.name].repository))].sort(),
        ...imageReplication(catalog, environment),
        services: out,
    };
}
/** The file's text: stable key order and a trailing newline, so regenerating an unchanged catalog changes nothing. */
function renderTerraformVars(vars) {
    return `${JSON.stringify(vars, null, 2)}\n`;
}
const TFVARS_FILE = 'catalog.auto.tfvars.json';
/**
 * Keeps a root's catalog.auto.tfvars.json what the catalog generates, in the user's repository as in this one: a plan
 * against stale values would plan the previous catalog. Returns 'written' when the file was stale (or missing) and is
 * now regenerated, so the caller can say so; the file is then the one to commit.
 */
function refreshTerraformVars(catalog, environment, path, files) {
    const fresh = renderTerraformVars(catalogTerraformVars(catalog, environment));
    if (files.readFile(path) === fresh)
        return 'unchanged';
    files.writeFile(path, fresh);
    return 'written';
}

;// CONCATENATED MODULE: ./packages/terraform/src/root.ts



/** Names a var file may have to be the one `tierdeploy terraform-vars` writes. */
const CATALOG_VAR_FILE_NAMES = ['catalog.tfvars.json', TFVARS_FILE];
function repositoryPath(value, field, environment) {
    const normalized = external_node_path_.posix.normalize(value.replace(/\\/g, '/')).replace(/\/$/, '');
    if (!value.trim() || external_node_path_.posix.isAbsolute(normalized) || normalized === '..' || normalized.startsWith('../')) {
        throw new errors/* ConfigurationError */.j1(`${environment.file}: terraform.${field} '${value}' must be a path inside the repository, relative to it (e.g. terraform/environments/${environment.name}/backend.tfbackend)`);
    }
    return normalized;
}
function terraformRootOf(environment) {
    const tf = environment.terraform ?? {};
    const workingDirectory = repositoryPath(tf.workingDirectory ?? `terraform/environments/${environment.name}`, 'workingDirectory', environment);
    const varFiles = (tf.varFiles ?? []).map((f) => repositoryPath(f, 'varFiles', environment));
    // key=value pairs are passed as they are; anything else is a file in the repository.
    const backendConfig = (tf.backendConfig ?? []).map((b) => (/^[A-Za-z_][A-Za-z0-9_]*=/.test(b) ? b : repositoryPath(b, 'backendConfig', environment)));
    const catalogVars = varFiles.find((f) => CATALOG_VAR_FILE_NAMES.includes(external_node_path_.posix.basename(f))) ?? external_node_path_.posix.join(workingDirectory, TFVARS_FILE);
    return { workingDirectory, varFiles, backendConfig, catalogVars };
}
/** A repository-relative path as the root module sees it (terraform runs in the working directory). */
function relativeToRoot(root, path) {
    return /^[A-Za-z_][A-Za-z0-9_]*=/.test(path) ? path : posix.relative(root.workingDirectory, path) || '.';
}

// EXTERNAL MODULE: ./packages/cli/src/args.ts
var src_args = __webpack_require__(7109);
// EXTERNAL MODULE: ./packages/cli/src/cli-io.ts
var cli_io = __webpack_require__(7801);
;// CONCATENATED MODULE: ./packages/cli/src/commands/terraform-vars.ts






const usage = `tierdeploy terraform-vars --env ENV [--catalog DIR] [--out FILE | --stdout]
       writes the environment's catalog-generated Terraform variables: by default to its var file named catalog.tfvars.json
       (terraform.varFiles), else to catalog.auto.tfvars.json in its root (terraform.workingDirectory, else terraform/environments/ENV)`;
async function run(args, io) {
    const { values } = (0,src_args/* parseFlags */.bQ)(args, { env: { type: 'string' }, catalog: { type: 'string' }, out: { type: 'string' }, stdout: { type: 'boolean' } });
    const envName = (0,src_args/* stringFlag */.AM)(values, 'env');
    if (!envName)
        throw new cli_io/* UsageError */.e('--env ENV is required');
    if (values.stdout && values.out !== undefined)
        throw new cli_io/* UsageError */.e('give --out FILE or --stdout, not both');
    const { catalog, warnings } = await (0,load/* loadCatalog */.a)({ dir: (0,src_args/* stringFlag */.AM)(values, 'catalog') ?? 'catalog', ...(0,cli_io/* catalogLoadOptions */.W)(io) });
    for (const w of warnings)
        io.stderr((0,errors/* formatProblem */.Vw)(w));
    const environment = (0,src_environment/* environmentNamed */.b)(catalog, envName);
    const text = renderTerraformVars(catalogTerraformVars(catalog, environment));
    if (values.stdout) {
        io.stdout(text.trimEnd());
        return 0;
    }
    // The default lands in the environment root of the repository the catalog belongs to, wherever it runs from.
    const given = (0,src_args/* stringFlag */.AM)(values, 'out');
    const rootRelative = terraformRootOf(environment).catalogVars;
    const target = given !== undefined ? (0,external_node_path_.resolve)(io.cwd, given) : (0,external_node_path_.join)(catalog.root, rootRelative);
    const dir = (0,external_node_path_.dirname)(target);
    if (!(0,external_node_fs_.existsSync)(dir) || !(0,external_node_fs_.statSync)(dir).isDirectory()) {
        throw new errors/* ConfigurationError */.j1(given !== undefined
            ? `--out ${given}: the directory ${(0,external_node_path_.dirname)(given)} does not exist; create it or write elsewhere`
            : `${(0,external_node_path_.dirname)(rootRelative)} (where environment '${envName}' keeps its Terraform variables) does not exist in ${catalog.root}; create it (as terraform/environments/dev), set terraform.varFiles or terraform.workingDirectory of the environment in the catalog, or pass --out FILE`);
    }
    try {
        (0,external_node_fs_.writeFileSync)(target, text);
    }
    catch (error) {
        throw new errors/* ConfigurationError */.j1(`could not write ${given ?? rootRelative}: ${error.message}`);
    }
    io.stderr(`wrote ${given ?? rootRelative} (${Object.keys(JSON.parse(text).services).length} services)`);
    return 0;
}


/***/ })

},
 } })

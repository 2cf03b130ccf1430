(function (__tierdeployImportMeta) { return { id: 433,
ids: [433],
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

/***/ 2304:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hk: () => (/* binding */ referencesInText),
/* harmony export */   U_: () => (/* binding */ dependencyFindings),
/* harmony export */   j8: () => (/* binding */ SKIPPED_DIRECTORIES),
/* harmony export */   om: () => (/* binding */ referencesInLine),
/* harmony export */   sj: () => (/* binding */ scanServices)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4006);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(picomatch__WEBPACK_IMPORTED_MODULE_2__);



/** Directories never scanned: installed packages, build output, VCS data, caches. */
const SKIPPED_DIRECTORIES = new Set(['node_modules', 'dist', '.git', '.next', 'build', 'coverage', '__pycache__', '.venv', 'venv', 'vendor', '.terraform', '.turbo', '.cache']);
/** Generated files that name packages, not services. */
const SKIPPED_FILES = new Set(['package-lock.json', 'yarn.lock', 'pnpm-lock.yaml', 'poetry.lock', 'Pipfile.lock']);
const COMMENT_LINE = /^\s*(\/\/|#|\/\*|\*|<!--|--\s)/;
const VARIABLE = /\b([A-Z][A-Z0-9_]*?)_SERVICE_(?:URL|URI|HOST|HOSTNAME|ADDR|ADDRESS|ENDPOINT|BASE_URL)\b/g;
const URL_HOST = /:\/\/([a-z0-9][a-z0-9-]*)(?=[:/"'`\s)]|$)/gi;
const TOKEN = /[A-Za-z0-9][A-Za-z0-9_-]*/g;
/**
 * Finds references to catalog entries in a text. Canonical names and hyphenated aliases of 6+ characters count
 * anywhere as whole words; short aliases (`user`, `auth`) only as a URL host (`http://user:3000`), a Service
 * Connect name (`user.indigenious-dev.local`) or a `USER_SERVICE_URL`-style variable, since as plain words they
 * are everywhere.
 */
function matchesIn(text, names, namespaces) {
    const found = [];
    for (const m of text.matchAll(VARIABLE)) {
        const prefix = m[1].toLowerCase().replace(/_/g, '-');
        const target = names.get(prefix) ?? names.get(`${prefix}-service`);
        if (target)
            found.push({ target, index: m.index, text: m[0], via: 'variable' });
    }
    for (const m of text.matchAll(URL_HOST)) {
        const target = names.get(m[1].toLowerCase());
        if (target)
            found.push({ target, index: m.index + 3, text: m[1], via: 'url' });
    }
    for (const m of text.matchAll(TOKEN)) {
        const word = m[0];
        const target = names.get(word);
        if (!target)
            continue;
        const end = m.index + word.length;
        const namespace = text.charCodeAt(end) === 46 /* . */ ? namespaces.find((ns) => text.startsWith(ns, end + 1)) : undefined;
        if (namespace)
            found.push({ target, index: m.index, text: `${word}.${namespace}`, via: 'service-connect' });
        else if (word.length >= 6 && word.includes('-'))
            found.push({ target, index: m.index, text: word, via: 'name' });
    }
    return found;
}
/** References in one line, with 1-based columns. */
function referencesInLine(text, names, namespaces) {
    return matchesIn(text, names, namespaces).map((m) => ({ target: m.target, text: m.text, via: m.via, column: m.index + 1 }));
}
/**
 * References in a whole file, with 1-based line and column, leaving out full-line comments (a commented-out call
 * is not a dependency). The file is matched as one string and lines are found only for matches, which is several
 * times faster than matching line by line.
 */
function referencesInText(text, names, namespaces) {
    const matches = matchesIn(text, names, namespaces);
    if (matches.length === 0)
        return [];
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1))
        starts.push(i + 1);
    const comment = new Map();
    const out = [];
    for (const m of matches.sort((a, b) => a.index - b.index)) {
        const index = m.index;
        let lo = 0;
        let hi = starts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (starts[mid] <= index)
                lo = mid;
            else
                hi = mid - 1;
        }
        let isComment = comment.get(lo);
        if (isComment === undefined) {
            isComment = COMMENT_LINE.test(text.slice(starts[lo], (starts[lo + 1] ?? text.length + 1) - 1));
            comment.set(lo, isComment);
        }
        // Plain object literals: object rest/spread takes a slow runtime path in V8, and this runs per match.
        if (!isComment)
            out.push({ target: m.target, text: m.text, via: m.via, line: lo + 1, column: index - starts[lo] + 1 });
    }
    return out;
}
function isBinary(buffer, length) {
    return buffer.subarray(0, Math.min(length, 8000)).includes(0);
}
/** The files of one service: its directory minus skipped directories, other services nested in it and ignored files. */
function* serviceFiles(root, dir, nested, ignored) {
    const stack = [dir];
    while (stack.length) {
        const current = stack.pop();
        let entries;
        try {
            entries = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, current), { withFileTypes: true });
        }
        catch {
            continue;
        }
        entries.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
        for (const entry of entries) {
            const path = current ? `${current}/${entry.name}` : entry.name;
            if (entry.isDirectory()) {
                if (!SKIPPED_DIRECTORIES.has(entry.name) && !nested.has(path))
                    stack.push(path);
            }
            else if (entry.isFile() && !SKIPPED_FILES.has(entry.name) && !ignored(path.slice(dir.length + 1)))
                yield path;
        }
    }
}
/**
 * Reads each deployable service's code (bounded: file size, file count, no binaries) and its catalog
 * environment variables, and records where it refers to other catalog entries.
 */
function scanServices(catalog, environments, options = {}) {
    const maxBytes = options.maxFileBytes ?? 256 * 1024;
    const maxFiles = options.maxFilesPerService ?? 10_000;
    const cwd = options.cwd ?? process.cwd();
    const namespaces = [...new Set([...catalog.environments.values()].map((e) => e.serviceConnectNamespace).filter((n) => typeof n === 'string'))];
    const paths = [...catalog.services.values()].filter((s) => s.path).map((s) => s.path.replace(/\/+$/, ''));
    const buffer = Buffer.alloc(maxBytes);
    const scans = [];
    for (const service of [...catalog.services.values()].filter((s) => s.kind === 'service' && !s.disabled && s.path)) {
        const dir = service.path.replace(/\/+$/, '');
        const nested = new Set(paths.filter((p) => p !== dir && p.startsWith(`${dir}/`)));
        const patterns = service.ignore ?? catalog.defaults.ignore ?? [];
        const ignored = patterns.length ? picomatch__WEBPACK_IMPORTED_MODULE_2___default()(patterns, { dot: true }) : () => false;
        const scan = { service: service.name, files: 0, skipped: 0, references: new Map() };
        const record = (ref) => {
            if (ref.target === service.name)
                return; // a service naming itself is not a dependency
            const seen = scan.references.get(ref.target);
            if (seen)
                seen.count++;
            else
                scan.references.set(ref.target, Object.assign(ref, { count: 1 }));
        };
        for (const path of serviceFiles(catalog.root, dir, nested, ignored)) {
            if (scan.files >= maxFiles) {
                scan.skipped++;
                continue;
            }
            const absolute = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(catalog.root, path);
            let size;
            try {
                size = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(absolute).size;
            }
            catch {
                continue;
            }
            if (size > maxBytes) {
                scan.skipped++;
                continue;
            }
            const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(absolute, 'r');
            let length;
            try {
                length = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readSync)(fd, buffer, 0, size, 0);
            }
            finally {
                (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
            }
            if (isBinary(buffer, length)) {
                scan.skipped++;
                continue;
            }
            scan.files++;
            const file = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(cwd, absolute).split(node_path__WEBPACK_IMPORTED_MODULE_1__.sep).join('/');
            for (const r of referencesInText(buffer.toString('utf8', 0, length), catalog.names, namespaces))
                record({ target: r.target, text: r.text, via: r.via, line: r.line, column: r.column, file });
        }
        scanConfig(catalog, service, environments, namespaces, record);
        scans.push(scan);
    }
    return scans;
}
/** The service's `environment` variables in services.yaml and in each environment file count as its config. */
function scanConfig(catalog, service, environments, namespaces, record) {
    const sources = [{ file: catalog.file, vars: service.environment ?? {} }];
    for (const e of environments)
        sources.push({ file: e.file, vars: e.services?.[service.name]?.environment ?? {} });
    for (const { file, vars } of sources) {
        for (const [key, value] of Object.entries(vars)) {
            for (const r of referencesInLine(`${key}=${value}`, catalog.names, namespaces)) {
                // Line found later from the key path (locateProblems); 0 means "not yet located".
                record({ ...r, file, line: 0, column: 0, path: ['services', service.name, 'environment', key] });
            }
        }
    }
}
/**
 * Dependencies used but not declared (warning, at the first reference) and declared but never referenced
 * (warning, at the dependsOn entry). Only dependencies on deployable services are reported as unused:
 * infrastructure and libraries are reached through their own variables (DATABASE_URL) and imports.
 */
function dependencyFindings(catalog, scans) {
    const findings = [];
    for (const scan of scans) {
        const service = catalog.services.get(scan.service);
        for (const [target, ref] of scan.references) {
            if (service.dependsOn.includes(target))
                continue;
            const path = ref.path;
            const seen = ref.count > 1 ? ` (and ${ref.count - 1} more reference${ref.count > 2 ? 's' : ''})` : '';
            findings.push({
                check: 'undeclared-dependency',
                service: scan.service,
                severity: 'warning',
                file: ref.file,
                ...(ref.line ? { line: ref.line, column: ref.column } : {}),
                ...(path ? { path } : {}),
                message: `${scan.service} uses ${target} (${describe(ref)}) but does not declare it${seen}`,
                hint: `add ${target} to dependsOn of ${scan.service} so it deploys after ${target}`,
            });
        }
        if (scan.files === 0)
            continue; // no code to judge by
        service.dependsOn.forEach((dep, i) => {
            if (catalog.services.get(dep)?.kind !== 'service' || scan.references.has(dep))
                return;
            findings.push({
                check: 'unused-dependency',
                service: scan.service,
                severity: 'warning',
                file: catalog.file,
                path: ['services', scan.service, 'dependsOn', i],
                message: `${scan.service} declares a dependency on ${dep}, but none of its ${scan.files} files refers to it`,
                hint: `remove it if ${scan.service} does not call ${dep}; the scan looks for its name, URL hosts, Service Connect names and *_SERVICE_URL variables`,
            });
        });
    }
    return findings;
}
function describe(ref) {
    switch (ref.via) {
        case 'url': return `URL host '${ref.text}'`;
        case 'service-connect': return `Service Connect name '${ref.text}'`;
        case 'variable': return `variable ${ref.text}`;
        default: return `'${ref.text}'`;
    }
}


/***/ })

},
 } })

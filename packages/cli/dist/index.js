const __tierdeployImportMeta = { url: require("node:url").pathToFileURL(__filename).href, filename: __filename, dirname: __dirname }; const { createRequire: __WEBPACK_EXTERNAL_createRequire } = require("module");
/******/ var __webpack_modules__ = ({

/***/ 2332:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Vw: () => (/* binding */ formatProblem),
/* harmony export */   j1: () => (/* binding */ ConfigurationError),
/* harmony export */   p0: () => (/* binding */ isConfigurationError)
/* harmony export */ });
/**
 * A mistake the user can fix (bad input, unknown service, missing file), as opposed to a bug in tierdeploy.
 * Entry points print its message without a stack trace; bugs keep theirs.
 */
class ConfigurationError extends Error {
    problems;
    constructor(message, problems = []) {
        super(message);
        this.name = 'ConfigurationError';
        this.problems = problems;
    }
}
function formatProblem(p) {
    const where = p.line ? `${p.file}:${p.line}${p.column ? `:${p.column}` : ''}` : p.file;
    return `${where}: ${p.severity}: ${p.message}${p.hint ? ` (${p.hint})` : ''}`;
}
function isConfigurationError(e) {
    return e instanceof ConfigurationError || (e instanceof Error && e.name === 'ConfigurationError');
}


/***/ }),

/***/ 7801:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ catalogLoadOptions),
/* harmony export */   e: () => (/* binding */ UsageError)
/* harmony export */ });
/** What every command passes to loadCatalog from the process: the kept catalogs and the heap's preparation. */
function catalogLoadOptions(io) {
    return { ...(io.catalogCache ? { cache: io.catalogCache } : {}), ...(io.beforeCatalogLoad ? { beforeLoad: io.beforeCatalogLoad } : {}) };
}
/** A mistake in how the command was called (unknown flag, missing value): exit code 2. */
class UsageError extends Error {
    constructor(message) {
        super(message);
        this.name = 'UsageError';
    }
}


/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__tierdeployImportMeta.url)("buffer");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__tierdeployImportMeta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__tierdeployImportMeta.url)("node:buffer");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__tierdeployImportMeta.url)("node:child_process");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__tierdeployImportMeta.url)("node:crypto");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__tierdeployImportMeta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__tierdeployImportMeta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__tierdeployImportMeta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__tierdeployImportMeta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__tierdeployImportMeta.url)("node:http2");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__tierdeployImportMeta.url)("node:https");

/***/ }),

/***/ 8995:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__tierdeployImportMeta.url)("node:module");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__tierdeployImportMeta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__tierdeployImportMeta.url)("node:path");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__tierdeployImportMeta.url)("node:process");

/***/ }),

/***/ 6848:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__tierdeployImportMeta.url)("node:readline/promises");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__tierdeployImportMeta.url)("node:stream");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__tierdeployImportMeta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__tierdeployImportMeta.url)("node:util");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__tierdeployImportMeta.url)("node:zlib");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(__tierdeployImportMeta.url)("process");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', __tierdeployImportMeta.url).pathname).slice(__tierdeployImportMeta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = globalThis[Symbol.for("tierdeploy.loadChunk")](__nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __nccwpck_require__(3136);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
;// CONCATENATED MODULE: ./packages/cli/src/build-id.ts


/**
 * Which build of the CLI is running, for the caches that must never trust what another build wrote.
 *
 * scripts/build.mjs replaces the string below with a hash of the whole bundle (every file of dist/). A file's path,
 * size and modification time are not enough: npm sets every installed file's modification time to 1985-10-26, so two
 * versions installed at one path differ only in content, and a change inside one chunk may leave index.js's size as
 * it was. Run from source (tests, tsx), the string is left as written and this file's own path, size and time stand
 * in for it.
 */
const stamped = 'c1f7704ae9102529cf1d5b14bbbc5196';
function buildId() {
    if (!stamped.startsWith('@@'))
        return stamped;
    try {
        const self = (0,external_node_url_.fileURLToPath)(__tierdeployImportMeta.url);
        const { size, mtimeMs } = (0,external_node_fs_.statSync)(self);
        return `source:${self}:${size}:${mtimeMs}`;
    }
    catch {
        return undefined;
    }
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(8161);
;// CONCATENATED MODULE: ./packages/cli/src/catalog-cache.ts



/**
 * Where the CLI keeps what it may reuse between runs (validated catalogs, compiled code): $TIERDEPLOY_CACHE_DIR, else
 * $XDG_CACHE_HOME/tierdeploy, else ~/.cache/tierdeploy. TIERDEPLOY_CACHE=off turns every cache off.
 */
function cacheDirectory(env) {
    if (/^(off|0|false|no)$/i.test(env.TIERDEPLOY_CACHE ?? ''))
        return undefined;
    const home = (() => {
        try {
            return (0,external_node_os_.homedir)();
        }
        catch {
            return '';
        }
    })();
    return env.TIERDEPLOY_CACHE_DIR || (0,external_node_path_.join)(env.XDG_CACHE_HOME || (home ? (0,external_node_path_.join)(home, '.cache') : (0,external_node_os_.tmpdir)()), 'tierdeploy');
}
/**
 * The validated-catalog cache. Its code version is the build's content hash (build-id.ts), so a rebuilt or upgraded
 * tierdeploy never trusts a catalog an older one validated.
 */
function catalogCache(env) {
    const dir = cacheDirectory(env);
    const codeVersion = buildId();
    return dir === undefined || codeVersion === undefined ? undefined : { dir, codeVersion };
}
/**
 * Where compiled chunks of the CLI are kept (chunk-loader.ts): the cache directory's code/, unless every cache is off
 * or Node's own switch for its compile cache, NODE_DISABLE_COMPILE_CACHE, is set.
 */
function codeCacheDirectory(env) {
    const dir = cacheDirectory(env);
    return dir === undefined || env.NODE_DISABLE_COMPILE_CACHE ? undefined : (0,external_node_path_.join)(dir, 'code');
}

// EXTERNAL MODULE: external "node:module"
var external_node_module_ = __nccwpck_require__(8995);
;// CONCATENATED MODULE: external "node:vm"
const external_node_vm_namespaceObject = __WEBPACK_EXTERNAL_createRequire(__tierdeployImportMeta.url)("node:vm");
;// CONCATENATED MODULE: ./packages/cli/src/chunk-loader.ts





/** The global the bundle's runtime calls to load a chunk (scripts/script-chunks.mjs writes the call). */
const CHUNK_LOADER_KEY = 'tierdeploy.loadChunk';
/** Makes `loader` the bundle's chunk loader. */
function installChunkLoader(loader) {
    ;
    globalThis[Symbol.for(CHUNK_LOADER_KEY)] = (name) => loader.load(name);
}
/**
 * Loads the CLI's chunks (scripts/script-chunks.mjs) with V8's code cache, which Node 20 offers for scripts but not
 * for ES modules. The first run of a command compiles what it needs and, as it exits, writes the compiled code (with
 * the functions the run compiled on the way) to `codeCacheDir`; later runs read it instead of compiling.
 *
 * The cache can only make a run faster, never different:
 * - a cache file is named by the build's content hash and the chunk, and V8 also checks the source's length, its own
 *   version and its flags, and rejects anything else (then the chunk is compiled and the file rewritten);
 * - a file that is missing, unreadable or damaged is compiled from source; each file carries its own checksum,
 *   since V8 does not check one (a byte changed in the middle of its data was accepted); writing is best-effort,
 *   and a failed write costs only the next run's time;
 * - compiled code runs as the user, so the cache directory must be the user's own and writable by nobody else
 *   (checked before it is read; otherwise it is not used at all).
 */
function chunkLoader(options) {
    // Checked (and made) when the first chunk loads: a command that loads none (--version) touches no directory.
    let checked;
    const cacheDirectory = () => (checked ??= { dir: options.codeCacheDir !== undefined && usableDirectory(options.codeCacheDir) ? options.codeCacheDir : undefined }).dir;
    /** Chunks compiled from source in this run, with their code once taken (beforeFlagsChange). */
    const toWrite = [];
    options.atExit(() => {
        const cacheDir = checked?.dir;
        if (cacheDir === undefined || toWrite.length === 0)
            return;
        removeOtherBuilds(cacheDir, options.buildId);
        for (const { file, script, data } of toWrite)
            writeAtomically(file, seal(data ?? script.createCachedData()));
    });
    return {
        async load(name) {
            const file = (0,external_node_path_.join)(options.dir, name);
            const source = (0,external_node_fs_.readFileSync)(file, 'utf8');
            const cacheDir = cacheDirectory();
            const cacheFile = cacheDir === undefined ? undefined : (0,external_node_path_.join)(cacheDir, `${options.buildId}-${name}.v8`);
            const cachedData = cacheFile === undefined ? undefined : unseal(readIfPresent(cacheFile));
            const script = new external_node_vm_namespaceObject.Script(source, { filename: file, ...(cachedData ? { cachedData } : {}) });
            if (cacheFile !== undefined && (cachedData === undefined || script.cachedDataRejected === true))
                toWrite.push({ file: cacheFile, script });
            const url = (0,external_node_url_.pathToFileURL)(file).href;
            return script.runInThisContext()({ url, filename: file, dirname: options.dir });
        },
        beforeFlagsChange() {
            for (const entry of toWrite)
                entry.data ??= entry.script.createCachedData();
        },
    };
}
/** The directory exists or can be made, belongs to this user and no one else can write to it. */
function usableDirectory(dir) {
    try {
        (0,external_node_fs_.mkdirSync)(dir, { recursive: true, mode: 0o700 });
        const st = (0,external_node_fs_.statSync)(dir);
        const uid = process.getuid?.();
        return st.isDirectory() && (uid === undefined || st.uid === uid) && (st.mode & 0o022) === 0;
    }
    catch {
        return false;
    }
}
// node:zlib loads when a cache file is read or written, not on every start (a command that never reads one).
const requireBuiltin = (0,external_node_module_.createRequire)(__tierdeployImportMeta.url);
const crc32 = (data) => requireBuiltin('node:zlib').crc32(data);
const MAGIC = 0x32636474; // 'tdc2'
const HEADER = 12;
/** The data behind a header: a magic number, the data's length and its CRC-32 (Node's own, native: well under 1 ms). */
function seal(data) {
    const sealed = Buffer.alloc(HEADER + data.length);
    sealed.writeUInt32LE(MAGIC, 0);
    sealed.writeUInt32LE(data.length, 4);
    sealed.writeUInt32LE(crc32(data), 8);
    sealed.set(data, HEADER);
    return sealed;
}
/** The data a sealed file holds, if it is whole and unchanged. */
function unseal(file) {
    if (file === undefined || file.length < HEADER || file.readUInt32LE(0) !== MAGIC)
        return undefined;
    const data = file.subarray(HEADER);
    return data.length === file.readUInt32LE(4) && crc32(data) === file.readUInt32LE(8) ? data : undefined;
}
function readIfPresent(file) {
    try {
        return (0,external_node_fs_.readFileSync)(file);
    }
    catch {
        return undefined;
    }
}
/** Another build's files are of no use to this one; two builds in turn (two checkouts) rewrite theirs, no worse. */
function removeOtherBuilds(dir, buildId) {
    try {
        for (const name of (0,external_node_fs_.readdirSync)(dir))
            if (name.endsWith('.v8') && !name.startsWith(`${buildId}-`))
                (0,external_node_fs_.rmSync)((0,external_node_path_.join)(dir, name), { force: true });
    }
    catch {
        // best-effort: a file left behind is only disk space
    }
}
/** Written whole or not at all: a reader never sees half a file (rename replaces atomically). */
function writeAtomically(file, data) {
    const temp = `${file}.${process.pid}.tmp`;
    try {
        (0,external_node_fs_.writeFileSync)(temp, data, { mode: 0o600 });
        (0,external_node_fs_.renameSync)(temp, file);
    }
    catch {
        try {
            (0,external_node_fs_.rmSync)(temp, { force: true });
        }
        catch {
            // best-effort, as above
        }
    }
}

// EXTERNAL MODULE: ./packages/catalog/src/errors.ts
var errors = __nccwpck_require__(2332);
// EXTERNAL MODULE: ./packages/cli/src/cli-io.ts
var cli_io = __nccwpck_require__(7801);
;// CONCATENATED MODULE: ./packages/cli/src/commands/index.ts
/** Every command. Issues that add a command add one line here and a file beside this one. */
const commands = {
    plan: { summary: 'show what would deploy, tier by tier and wave by wave', load: () => Promise.all(/* import() */[__nccwpck_require__.e(682), __nccwpck_require__.e(246)]).then(__nccwpck_require__.bind(__nccwpck_require__, 4246)) },
    validate: { summary: 'check the catalog and environment files', load: () => __nccwpck_require__.e(/* import() */ 715).then(__nccwpck_require__.bind(__nccwpck_require__, 7715)) },
    schema: { summary: 'print the catalog JSON Schema (catalog/schema.json)', load: () => __nccwpck_require__.e(/* import() */ 214).then(__nccwpck_require__.bind(__nccwpck_require__, 8833)) },
    changed: { summary: 'list the services a git change affects (--base REF)', load: () => Promise.all(/* import() */[__nccwpck_require__.e(6), __nccwpck_require__.e(965), __nccwpck_require__.e(682), __nccwpck_require__.e(184), __nccwpck_require__.e(777)]).then(__nccwpck_require__.bind(__nccwpck_require__, 2777)) },
    promote: { summary: 'health-check one environment, then deploy its running images to the next', load: () => Promise.all(/* import() */[__nccwpck_require__.e(682), __nccwpck_require__.e(841)]).then(__nccwpck_require__.bind(__nccwpck_require__, 1841)) },
    deploy: { summary: 'deploy to ECS, or roll back (--rollback)', load: () => Promise.all(/* import() */[__nccwpck_require__.e(363), __nccwpck_require__.e(193), __nccwpck_require__.e(736), __nccwpck_require__.e(764), __nccwpck_require__.e(924), __nccwpck_require__.e(994), __nccwpck_require__.e(965), __nccwpck_require__.e(682), __nccwpck_require__.e(722), __nccwpck_require__.e(601)]).then(__nccwpck_require__.bind(__nccwpck_require__, 5942)) },
    cost: { summary: 'estimate the monthly AWS cost per service and tier, with savings', load: () => Promise.all(/* import() */[__nccwpck_require__.e(243), __nccwpck_require__.e(674), __nccwpck_require__.e(669)]).then(__nccwpck_require__.bind(__nccwpck_require__, 6669)) },
    doctor: { summary: 'find undeclared dependencies and configuration mistakes', load: () => Promise.all(/* import() */[__nccwpck_require__.e(6), __nccwpck_require__.e(433), __nccwpck_require__.e(699)]).then(__nccwpck_require__.bind(__nccwpck_require__, 2699)) },
    preflight: { summary: 'read-only checks that predict what a deploy would fail on (images, secrets, IAM, quota, subnets, routing)', load: () => Promise.all(/* import() */[__nccwpck_require__.e(363), __nccwpck_require__.e(193), __nccwpck_require__.e(736), __nccwpck_require__.e(764), __nccwpck_require__.e(924), __nccwpck_require__.e(994), __nccwpck_require__.e(965), __nccwpck_require__.e(682), __nccwpck_require__.e(722), __nccwpck_require__.e(601)]).then(__nccwpck_require__.bind(__nccwpck_require__, 2058)) },
    status: { summary: 'what runs in an environment now, from which commit, and how it differs from another (--compare)', load: () => __nccwpck_require__.e(/* import() */ 847).then(__nccwpck_require__.bind(__nccwpck_require__, 2847)) },
    health: { summary: 'check that deployed services are healthy (ECS, load balancer, HTTP, alarms)', load: () => __nccwpck_require__.e(/* import() */ 875).then(__nccwpck_require__.bind(__nccwpck_require__, 3875)) },
    'terraform-vars': { summary: 'write an environment root\'s catalog.auto.tfvars.json from the catalog', load: () => __nccwpck_require__.e(/* import() */ 366).then(__nccwpck_require__.bind(__nccwpck_require__, 2366)) },
    init: { summary: 'scan the repository and write a catalog that validates (--update adds new services)', load: () => Promise.all(/* import() */[__nccwpck_require__.e(6), __nccwpck_require__.e(243), __nccwpck_require__.e(815), __nccwpck_require__.e(674), __nccwpck_require__.e(113), __nccwpck_require__.e(433), __nccwpck_require__.e(988)]).then(__nccwpck_require__.bind(__nccwpck_require__, 9988)) },
    discover: { summary: 'print the catalog init would write, with the evidence for each dependency (--json)', load: () => Promise.all(/* import() */[__nccwpck_require__.e(6), __nccwpck_require__.e(243), __nccwpck_require__.e(815), __nccwpck_require__.e(674), __nccwpck_require__.e(113), __nccwpck_require__.e(433), __nccwpck_require__.e(988), __nccwpck_require__.e(293)]).then(__nccwpck_require__.bind(__nccwpck_require__, 8293)) },
};

;// CONCATENATED MODULE: ./packages/cli/src/main.ts



function help() {
    const width = Math.max(...Object.keys(commands).map((c) => c.length));
    return [
        'tierdeploy: deploy a monorepo of services to AWS ECS Fargate, tier by tier, in dependency order.',
        '',
        'Usage: tierdeploy <command> [options]    (tierdeploy <command> --help for its options)',
        '',
        ...Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    ].join('\n');
}
/** Runs one CLI invocation and returns the exit code: 0 ok, 1 failure or invalid configuration, 2 usage error. */
async function main(argv, io) {
    const [name, ...args] = argv;
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
        ;
        (name === undefined ? io.stderr : io.stdout)(help());
        return name === undefined ? 2 : 0;
    }
    if (name === '--version') {
        io.stdout('tierdeploy 0.1.0');
        return 0;
    }
    const command = commands[name];
    if (!command) {
        const { closestNames } = await __nccwpck_require__.e(/* import() */ 775).then(__nccwpck_require__.bind(__nccwpck_require__, 7775));
        const near = closestNames(name, Object.keys(commands));
        io.stderr(`tierdeploy: unknown command '${name}'${near.length ? `; did you mean '${near[0]}'?` : ''}\n\n${help()}`);
        return 2;
    }
    const module = await command.load();
    if (args.includes('--help') || args.includes('-h')) {
        io.stdout(`Usage: ${module.usage}`);
        return 0;
    }
    return runCommand(name, module.usage, (a, io) => module.run(a, io), args, io);
}
/**
 * Runs one command and turns its errors into exit codes: a usage mistake prints the usage (2), a configuration
 * mistake prints its message without a stack (1). Anything else is a bug and propagates with its stack.
 */
async function runCommand(name, usage, run, args, io) {
    try {
        return await run(args, io);
    }
    catch (error) {
        if (error instanceof cli_io/* UsageError */.e) {
            io.stderr(`tierdeploy ${name}: ${error.message}\nUsage: ${usage}`);
            return 2;
        }
        if ((0,errors/* isConfigurationError */.p0)(error)) {
            io.stderr(`tierdeploy ${name}: ${error.message}`);
            const unlisted = error.problems.filter((p) => p.severity === 'warning');
            for (const p of unlisted)
                io.stderr((0,errors/* formatProblem */.Vw)(p));
            return 1;
        }
        throw error;
    }
}

;// CONCATENATED MODULE: ./packages/cli/src/stdio.ts

/**
 * Writes straight to file descriptor `fd` (1 or 2), as process.stdout and process.stderr do on Linux, where they are
 * synchronous for files, pipes and terminals. Creating those streams loads Node's net and tty modules, about 10 ms of
 * every CLI run (issue 16); a direct write needs neither.
 *
 * - A short write is continued until every byte is written.
 * - EAGAIN (a non-blocking pipe that is full, shared with a parent process) hands the rest, and every later write, to
 *   the stream, which waits until the pipe drains: nothing is lost and the order is kept.
 * - EPIPE (the reader has gone, as in `tierdeploy plan --json | head -1`), on a direct write or in the stream, drops
 *   this and every later write quietly, as command-line tools do, instead of failing with a stack trace.
 * - Any other error is thrown: it is not a reader's choice.
 */
function fdOutput(fd, effects) {
    let stream;
    let closed = false;
    const codeOf = (error) => error?.code;
    const failed = (error, rest) => {
        if (codeOf(error) === 'EPIPE')
            closed = true;
        else if (codeOf(error) !== 'EAGAIN')
            throw error;
        else {
            stream = effects.stream();
            stream.on('error', (e) => {
                if (codeOf(e) !== 'EPIPE')
                    throw e;
                closed = true;
            });
            stream.write(rest);
        }
    };
    return (text) => {
        if (closed)
            return;
        if (stream) {
            stream.write(text);
            return;
        }
        let written;
        try {
            written = effects.writeSync(fd, text);
        }
        catch (error) {
            failed(error, text);
            return;
        }
        const total = Buffer.byteLength(text);
        if (written >= total)
            return;
        const bytes = Buffer.from(text);
        while (written < total) {
            try {
                written += effects.writeSync(fd, bytes.subarray(written));
            }
            catch (error) {
                failed(error, bytes.subarray(written));
                return;
            }
        }
    };
}
/** The CLI's stdout and stderr. */
function processOutputs() {
    return {
        stdout: fdOutput(1, { writeSync: external_node_fs_.writeSync, stream: () => process.stdout }),
        stderr: fdOutput(2, { writeSync: external_node_fs_.writeSync, stream: () => process.stderr }),
    };
}

;// CONCATENATED MODULE: ./packages/cli/src/v8-flags.ts

/**
 * From this length (about 150 services) a run does enough JavaScript that V8's optimizing compiler costs more than
 * it gives back, and that repays loading node:v8 (a few ms: it loads Node's stream modules).
 */
const MEDIUM_CATALOG_LENGTH = 16 * 1024;
/** From this length (about 2,500 services) the young generation's growth costs more than it saves. */
const LARGE_CATALOG_LENGTH = 256 * 1024;
/**
 * The V8 flags that make one short run over a catalog this long faster (issue 16; the README's benchmarks):
 *
 * - `--no-turbofan` (`--no-opt` is V8's older name): TurboFan, V8's optimizing compiler, starts on the hot parsing
 *   and validation loops within a few milliseconds, compiles them on a second thread (8\u201330 ms of work each) and then
 *   often throws the result away ("insufficient type feedback"). On a 2-core machine that work competes with the run
 *   itself: without it, the catalog's parse at 1,000 services took 20 ms instead of 31\u201340, and `changed` about 30 ms
 *   less in all. Code still runs in Sparkplug, V8's baseline compiler, which needs no warm-up. The run is the same;
 *   only its speed changes.
 * - `--semi-space-growth-factor=1`: V8 grows its young generation (up to 16 MB per semi-space) as objects survive,
 *   which suits a long-lived server; in a run of a second every new page is a page fault that is not repaid (about
 *   19 \u00b5s each on the machine measured: `plan` at 10,000 services took 9,500 faults instead of 11,400).
 *
 * Only on Node 20 to 24, whose V8 has both flags (V8 prints an error to stderr for a flag it does not know).
 * Newer V8 (Node 22 and later) may hold the growth factor at 2 or more, and then that flag changes nothing.
 */
function flagsForCatalog(sourceLength, nodeVersion = process.version) {
    if (!/^v2[0-4]\./.test(nodeVersion) || sourceLength < MEDIUM_CATALOG_LENGTH)
        return [];
    return sourceLength < LARGE_CATALOG_LENGTH ? ['--no-turbofan'] : ['--no-turbofan', '--semi-space-growth-factor=1'];
}
const v8_flags_requireBuiltin = (0,external_node_module_.createRequire)(__tierdeployImportMeta.url);
let tuned = false;
const setV8Flags = (flags) => v8_flags_requireBuiltin('node:v8').setFlagsFromString(flags);
/**
 * Sets flagsForCatalog's flags before the catalog is parsed (V8 reads them at each tier-up and growth decision, so
 * that is early enough). The first catalog a process reads decides (`plan --base` reads two), so every run of a
 * command over a catalog changes the flags at the same point, which the code cache needs: V8 records the flags
 * cached code is made under, and `beforeChange` runs first so the chunk loader can take what was compiled before.
 * Returns the flags it set.
 */
function tuneV8For(sourceLength, beforeChange = () => { }, setFlags = setV8Flags) {
    if (tuned)
        return [];
    tuned = true;
    const flags = flagsForCatalog(sourceLength);
    if (flags.length === 0)
        return flags;
    beforeChange();
    setFlags(flags.join(' '));
    return flags;
}

;// CONCATENATED MODULE: ./packages/cli/src/index.ts








// The bundle's chunks are scripts that this loader compiles, with a code cache where it may (chunk-loader.ts,
// scripts/script-chunks.mjs). Run from source there are no chunks, and nothing calls it.
const build = buildId();
const chunks = chunkLoader({
    dir: (0,external_node_path_.dirname)((0,external_node_url_.fileURLToPath)(__tierdeployImportMeta.url)),
    ...(build === undefined ? {} : { codeCacheDir: codeCacheDirectory(process.env) }),
    buildId: build ?? 'unknown',
    atExit: (write) => process.once('exit', write),
});
installChunkLoader(chunks);
const { stdout, stderr } = processOutputs();
main(process.argv.slice(2), {
    stdout: (text) => stdout(`${text}\n`),
    stderr: (text) => stderr(`${text}\n`),
    cwd: process.cwd(),
    env: process.env,
    catalogCache: catalogCache(process.env),
    // Read when a command asks (deploy's live view): process.stderr loads Node's tty and net modules.
    get isTTY() {
        return process.stderr.isTTY === true;
    },
    get columns() {
        return process.stderr.columns;
    },
    stderrRaw: stderr,
    // V8 flags for a run over a catalog this long (v8-flags.ts), set before it is parsed.
    beforeCatalogLoad: (length) => void tuneV8For(length, () => chunks.beforeFlagsChange()),
}).then((code) => {
    process.exitCode = code;
}, (error) => {
    // Only bugs reach here: user mistakes were reported by main() without a stack.
    stderr(`tierdeploy: internal error, please report it: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
});


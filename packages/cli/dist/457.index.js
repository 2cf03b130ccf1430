(function (__tierdeployImportMeta) { return { id: 457,
ids: [457,472],
modules: {

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

/***/ 1472:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   compareEnvironmentFile: () => (/* binding */ compareEnvironmentFile),
/* harmony export */   compareServicesFile: () => (/* binding */ compareServicesFile)
/* harmony export */ });
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3184);
/* harmony import */ var _tierdeploy_catalog_full_yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4776);


/** Keys that never change what a service runs: editing them redeploys nothing. */
const NOT_DEPLOYED = new Set(['description', 'owner', 'aliases', 'watch', 'ignore', 'dependsOn']);
/** Keys whose catalog default and service value merge key by key (as serviceSettings merges them). */
const MERGED = new Set(['container', 'healthCheck', 'build', 'environment', 'secrets', 'autoscaling']);
function isRecord(v) {
    return v !== null && typeof v === 'object' && !Array.isArray(v);
}
function parse(file, text) {
    if (text === undefined)
        return undefined;
    const { value, problem } = (0,_tierdeploy_catalog_full_yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseAnyYaml */ .d)({ file, text });
    return problem || !isRecord(value) ? 'unreadable' : value;
}
/** A service's definition with the catalog defaults it inherits folded in, keys that change nothing dropped. */
function effectiveDefinition(doc, name) {
    const services = isRecord(doc.services) ? doc.services : {};
    const def = services[name];
    if (!isRecord(def))
        return undefined;
    const out = {};
    const defaults = isRecord(doc.defaults) ? doc.defaults : {};
    for (const [k, v] of Object.entries(defaults))
        if (!NOT_DEPLOYED.has(k))
            out[k] = v;
    for (const [k, v] of Object.entries(def)) {
        if (NOT_DEPLOYED.has(k))
            continue;
        const inherited = out[k];
        out[k] = MERGED.has(k) && isRecord(inherited) && isRecord(v) ? { ...inherited, ...v } : v;
    }
    return (0,_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_1__/* .canonicalJson */ .d)(out);
}
/**
 * Services whose definition in services.yaml changed between two versions of the file: their own entry, or a
 * catalog default they inherit. Documentation-only keys (description, owner, aliases, watch, ignore,
 * dependsOn) are left out: changing them changes nothing that runs.
 */
function compareServicesFile(catalog, file, baseText, headText, into) {
    const base = parse(file, baseText);
    const head = parse(file, headText);
    if (head === undefined || head === 'unreadable')
        return; // the loaded catalog (head) is what deploys; it was validated
    const headServices = isRecord(head.services) ? Object.keys(head.services) : [];
    if (base === 'unreadable')
        into.unreadable.push(file);
    for (const name of headServices) {
        const before = base === undefined || base === 'unreadable' ? undefined : effectiveDefinition(base, name);
        if (before !== effectiveDefinition(head, name))
            into.definitions.set(name, file);
    }
    if (isRecord(base) && isRecord(base.services)) {
        for (const [name, def] of Object.entries(base.services)) {
            if (headServices.includes(name) || !isRecord(def))
                continue;
            if ((def.kind ?? 'service') === 'service' && def.disabled !== true && !catalog.services.has(name))
                into.removed.set(name, file);
        }
    }
}
/** One service's slice of an environment file: the environment defaults, its override, and whether it is enabled. */
function environmentSlice(doc, name, aliases) {
    if (!doc)
        return '';
    const services = isRecord(doc.services) ? doc.services : {};
    const override = [name, ...aliases].map((n) => services[n]).find((v) => v !== undefined);
    const optional = Array.isArray(doc.optionalServices) ? doc.optionalServices : [];
    const enabled = optional.includes('*') || [name, ...aliases].some((n) => optional.includes(n));
    return (0,_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_1__/* .canonicalJson */ .d)({ defaults: doc.defaults, override, enabled });
}
/** Services whose settings in one environment file (its defaults, their override, optionalServices) changed. */
function compareEnvironmentFile(catalog, file, baseText, headText, into) {
    const base = parse(file, baseText);
    const head = parse(file, headText);
    if (base === 'unreadable')
        into.unreadable.push(file);
    const b = isRecord(base) ? base : undefined;
    const h = isRecord(head) ? head : undefined;
    for (const s of catalog.services.values()) {
        if (base === 'unreadable' || environmentSlice(b, s.name, s.aliases) !== environmentSlice(h, s.name, s.aliases)) {
            if (!into.definitions.has(s.name))
                into.definitions.set(s.name, file);
        }
    }
}


/***/ }),

/***/ 5457:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ChangeIndex: () => (/* reexport safe */ _ownership_js__WEBPACK_IMPORTED_MODULE_1__.D),
/* harmony export */   FETCH_DEPTH_HINT: () => (/* reexport safe */ _history_js__WEBPACK_IMPORTED_MODULE_5__.d),
/* harmony export */   Git: () => (/* reexport safe */ _git_js__WEBPACK_IMPORTED_MODULE_4__.TU),
/* harmony export */   GitError: () => (/* reexport safe */ _git_js__WEBPACK_IMPORTED_MODULE_4__.XS),
/* harmony export */   History: () => (/* reexport safe */ _history_js__WEBPACK_IMPORTED_MODULE_5__.B),
/* harmony export */   MAX_LISTED_FILES: () => (/* reexport safe */ _model_js__WEBPACK_IMPORTED_MODULE_0__.Zh),
/* harmony export */   ZERO_SHA: () => (/* reexport safe */ _base_js__WEBPACK_IMPORTED_MODULE_3__.gy),
/* harmony export */   addToList: () => (/* reexport safe */ _model_js__WEBPACK_IMPORTED_MODULE_0__.vH),
/* harmony export */   affectedJson: () => (/* reexport safe */ _model_js__WEBPACK_IMPORTED_MODULE_0__.Ly),
/* harmony export */   changeIndexFor: () => (/* reexport safe */ _affected_js__WEBPACK_IMPORTED_MODULE_2__._1),
/* harmony export */   changedPaths: () => (/* reexport safe */ _affected_js__WEBPACK_IMPORTED_MODULE_2__.vl),
/* harmony export */   chooseRange: () => (/* reexport safe */ _base_js__WEBPACK_IMPORTED_MODULE_3__.hK),
/* harmony export */   compareEnvironmentFile: () => (/* reexport safe */ _catalog_diff_js__WEBPACK_IMPORTED_MODULE_6__.compareEnvironmentFile),
/* harmony export */   compareServicesFile: () => (/* reexport safe */ _catalog_diff_js__WEBPACK_IMPORTED_MODULE_6__.compareServicesFile),
/* harmony export */   describeReason: () => (/* reexport safe */ _summary_js__WEBPACK_IMPORTED_MODULE_8__.Gk),
/* harmony export */   detectChangedServices: () => (/* reexport safe */ _detect_js__WEBPACK_IMPORTED_MODULE_7__.S),
/* harmony export */   gitRunner: () => (/* reexport safe */ _git_js__WEBPACK_IMPORTED_MODULE_4__.XZ),
/* harmony export */   parseNameStatus: () => (/* reexport safe */ _git_js__WEBPACK_IMPORTED_MODULE_4__.F_),
/* harmony export */   reasonsInWords: () => (/* reexport safe */ _summary_js__WEBPACK_IMPORTED_MODULE_8__.GB),
/* harmony export */   reasonsJson: () => (/* reexport safe */ _model_js__WEBPACK_IMPORTED_MODULE_0__.e2),
/* harmony export */   renderChangeSummary: () => (/* reexport safe */ _summary_js__WEBPACK_IMPORTED_MODULE_8__.f_),
/* harmony export */   servicesAffectedBy: () => (/* reexport safe */ _affected_js__WEBPACK_IMPORTED_MODULE_2__.A9)
/* harmony export */ });
/* harmony import */ var _model_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6216);
/* harmony import */ var _ownership_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5216);
/* harmony import */ var _affected_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(217);
/* harmony import */ var _base_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6696);
/* harmony import */ var _git_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6441);
/* harmony import */ var _history_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2885);
/* harmony import */ var _catalog_diff_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1472);
/* harmony import */ var _detect_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(9314);
/* harmony import */ var _summary_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(9293);











/***/ })

},
 } })

export const id = 939;
export const ids = [939];
export const modules = {

/***/ 6808:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ parseYaml)
/* harmony export */ });
/* harmony import */ var js_yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3243);

/**
 * Parses YAML with js-yaml, which is several times faster than `yaml`'s positioned parser on large catalogs
 * (see README, Benchmarks). Line numbers for later problems are found only when there is one (locate.ts).
 * Duplicate keys are syntax errors here, which is how duplicate service names are caught.
 */
function parseYaml(source) {
    try {
        return { value: (0,js_yaml__WEBPACK_IMPORTED_MODULE_0__/* .load */ .Hh)(source.text) };
    }
    catch (e) {
        if (e instanceof js_yaml__WEBPACK_IMPORTED_MODULE_0__/* .YAMLException */ .tB) {
            const mark = e.mark;
            const reason = e.reason ?? e.message.split('\n')[0] ?? e.message;
            return {
                problem: {
                    file: source.file,
                    severity: 'error',
                    ...(mark ? { line: mark.line + 1, column: mark.column + 1 } : {}),
                    ...explainYamlError(reason, source.text, mark),
                },
            };
        }
        throw e;
    }
}
/** js-yaml's reason restated for a catalog author, with what to do about it. */
function explainYamlError(reason, text, mark) {
    if (reason === 'duplicated mapping key')
        return { message: `duplicate key${duplicateKeyAt(text, mark)}`, hint: 'each service, alias and setting may appear only once' };
    if (/input is empty/.test(reason))
        return { message: 'the file is empty', hint: 'the file must hold a YAML mapping; see catalog/schema.json' };
    if (/tab/.test(reason))
        return { message: `YAML syntax error: ${reason}`, hint: 'indent with spaces, not tabs' };
    if (/null byte|non-printable/.test(reason))
        return { message: `YAML syntax error: ${reason}`, hint: 'this does not look like a text file' };
    return { message: `YAML syntax error: ${reason}`, hint: 'fix the YAML here first: the other rules are checked once the file parses' };
}
/** The key js-yaml's mark points at, quoted for the message ('' when the line cannot be read). */
function duplicateKeyAt(text, mark) {
    if (!mark)
        return '';
    const line = text.split('\n', mark.line + 1)[mark.line] ?? '';
    const leadingKey = /^\s*(?:-\s+)?["']?([^"':#]+?)["']?\s*:/;
    const key = leadingKey.exec(line.slice(mark.column))?.[1] ?? leadingKey.exec(line)?.[1];
    return key ? ` '${key}'` : '';
}


/***/ }),

/***/ 939:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  compareEnvironmentFile: () => (/* binding */ compareEnvironmentFile),
  compareServicesFile: () => (/* binding */ compareServicesFile)
});

// EXTERNAL MODULE: ./packages/catalog/src/yaml-source.ts
var yaml_source = __webpack_require__(6808);
;// CONCATENATED MODULE: ./packages/catalog/src/canonical-json.ts
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

;// CONCATENATED MODULE: ./packages/changes/src/catalog-diff.ts

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
    const { value, problem } = (0,yaml_source/* parseYaml */.h)({ file, text });
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
    return canonicalJson(out);
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
    return canonicalJson({ defaults: doc.defaults, override, enabled });
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


/***/ })

};

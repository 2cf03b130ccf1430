(function (__tierdeployImportMeta) { return { id: 819,
ids: [819],
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


/***/ })

},
 } })

export const id = 490;
export const ids = [490];
export const modules = {

/***/ 7490:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  environmentForRef: () => (/* binding */ environmentForRef),
  matchingPattern: () => (/* binding */ matchingPattern),
  overlappingRefProblems: () => (/* binding */ overlappingRefProblems),
  parseGitRef: () => (/* binding */ parseGitRef),
  targetEnvironment: () => (/* binding */ targetEnvironment)
});

// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
// EXTERNAL MODULE: ./packages/catalog/src/errors.ts
var errors = __webpack_require__(2332);
// EXTERNAL MODULE: ./packages/catalog/src/suggest.ts
var suggest = __webpack_require__(5753);
;// CONCATENATED MODULE: ./packages/catalog/src/environment.ts


/** The named environment, or a ConfigurationError listing the ones the catalog has. */
function environmentNamed(catalog, name) {
    const env = catalog.environments.get(name);
    if (env)
        return env;
    const known = [...catalog.environments.keys()];
    const hint = (0,suggest/* didYouMean */.au)(name, known);
    throw new errors/* ConfigurationError */.j1(`unknown environment '${name}'${hint ? `: ${hint}` : ''} (${catalog.dir}/environments has ${known.length ? known.join(', ') : 'none'})`);
}
/**
 * Whether an environment is production-like: it needs approval or is called prod/production. Production-like
 * environments get the stricter rules (no single replica, no business-hours schedule for public services).
 */
function isProductionLike(environment) {
    return environment.requireApproval === true || /^prod(uction)?$/i.test(environment.name);
}

;// CONCATENATED MODULE: ./packages/catalog/src/branches.ts



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
        compiled.set(pattern, (m = picomatch_default()(pattern, GLOB_OPTIONS)));
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
        throw new errors/* ConfigurationError */.j1(`empty git ref '${ref}': give a branch (main, refs/heads/main) or a tag (refs/tags/v1.2.0)`);
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
        throw new errors/* ConfigurationError */.j1(`${kind} ${parsed.name} matches more than one environment: ${list}; a ref may deploy to one environment only, so narrow one of the patterns`);
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
        return { environment: environmentNamed(catalog, given.environment) };
    if (!given.ref)
        return {};
    const mapped = [...catalog.environments.values()].some((e) => e.branches?.length || e.tags?.length);
    if (!mapped)
        return {};
    const result = environmentForRef(catalog, given.ref);
    return result.deploys ? { environment: result.environment } : { nothing: result.reason };
}


/***/ }),

/***/ 5753:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H6: () => (/* binding */ unknownNameHint),
/* harmony export */   au: () => (/* binding */ didYouMean)
/* harmony export */ });
/* unused harmony exports editDistance, closestNames */
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


/***/ })

};

(function (__tierdeployImportMeta) { return { id: 775,
ids: [775],
modules: {

/***/ 7775:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   closestNames: () => (/* reexport safe */ _suggest_js__WEBPACK_IMPORTED_MODULE_0__.g9)
/* harmony export */ });
/* harmony import */ var _suggest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5753);





















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


/***/ })

},
 } })

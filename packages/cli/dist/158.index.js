(function (__tierdeployImportMeta) { return { id: 158,
ids: [158,777],
modules: {

/***/ 2777:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   changedFromFlags: () => (/* binding */ changedFromFlags),
/* harmony export */   rangeFromFlags: () => (/* binding */ rangeFromFlags),
/* harmony export */   run: () => (/* binding */ run),
/* harmony export */   usage: () => (/* binding */ usage)
/* harmony export */ });
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1333);
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(7743);
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(2332);
/* harmony import */ var _tierdeploy_changes__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9314);
/* harmony import */ var _tierdeploy_changes__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6441);
/* harmony import */ var _tierdeploy_changes__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9293);
/* harmony import */ var _tierdeploy_changes__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(6216);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7109);
/* harmony import */ var _cli_io_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7801);
/* harmony import */ var _selection_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7124);





const usage = 'tierdeploy changed [--catalog DIR] --base REF [--head REF] [--merge-base] [--json]';
/**
 * What changed between --base and --head (default HEAD), for `changed` and `plan --base`. The two trees are
 * compared (`git diff BASE HEAD`, what a deploy from BASE to HEAD changes); --merge-base compares from where
 * HEAD left BASE instead (what a branch changes, for review).
 */
async function changedFromFlags(catalog, values, io) {
    const { base, head, mergeBase } = rangeFromFlags(values);
    return (0,_tierdeploy_changes__WEBPACK_IMPORTED_MODULE_0__/* .detectChangedServices */ .S)({
        catalog,
        git: (0,_tierdeploy_changes__WEBPACK_IMPORTED_MODULE_1__/* .gitRunner */ .XZ)(catalog.root),
        base,
        ...(head !== undefined ? { head } : {}),
        ...(mergeBase ? { mergeBase: true } : {}),
        log: (0,_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_2__/* .streamLogger */ .VO)((line) => io.stderr(line), values.verbose === true),
    });
}
/** --base, --head and --merge-base, checked before anything is read: --head or --merge-base need --base. */
function rangeFromFlags(values) {
    const base = (0,_args_js__WEBPACK_IMPORTED_MODULE_3__/* .stringFlag */ .AM)(values, 'base');
    const head = (0,_args_js__WEBPACK_IMPORTED_MODULE_3__/* .stringFlag */ .AM)(values, 'head');
    const mergeBase = values['merge-base'] === true;
    if (base === undefined) {
        const given = [head !== undefined ? '--head' : undefined, mergeBase ? '--merge-base' : undefined].filter((f) => f !== undefined);
        throw new _cli_io_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .e(`--base REF is required${given.length ? ` with ${given.join(' and ')}` : ''}: the commit, branch or tag to compare with (e.g. --base origin/main)`);
    }
    return { base, ...(head !== undefined ? { head } : {}), mergeBase };
}
function renderText(d) {
    const lines = [];
    const width = Math.max(0, ...[...d.services, ...d.deleted].map((n) => n.length));
    lines.push(d.services.length ? `${d.services.length} service${d.services.length === 1 ? '' : 's'} changed ${d.why}:` : `No service changed ${d.why}.`);
    for (const name of d.services)
        lines.push(`  ${name.padEnd(width)}  ${d.reasons[name].map((r) => (0,_tierdeploy_changes__WEBPACK_IMPORTED_MODULE_5__/* .describeReason */ .Gk)(r, false)).join('; ')}`);
    if (d.deleted.length) {
        lines.push('Deleted (never deployed):');
        for (const name of d.deleted)
            lines.push(`  ${name.padEnd(width)}  ${d.reasons[name].map((r) => (0,_tierdeploy_changes__WEBPACK_IMPORTED_MODULE_5__/* .describeReason */ .Gk)(r, false)).join('; ')}`);
    }
    if (d.infrastructure)
        lines.push(`Infrastructure changed${d.infrastructureFiles.count ? `: ${d.infrastructureFiles.files.slice(0, 3).join(', ')}${d.infrastructureFiles.count > 3 ? ` and ${d.infrastructureFiles.count - 3} more` : ''}` : ''}.`);
    return lines.join('\n');
}
async function run(args, io) {
    const { values } = (0,_args_js__WEBPACK_IMPORTED_MODULE_3__/* .parseFlags */ .bQ)(args, { catalog: { type: 'string' }, ..._selection_js__WEBPACK_IMPORTED_MODULE_6__/* .changeRangeOptions */ .S4, json: { type: 'boolean' }, verbose: { type: 'boolean' } });
    // Checked before the catalog loads, so a missing --base is a usage error (exit 2) whatever the catalog holds.
    rangeFromFlags(values);
    const { catalog, warnings } = await (0,_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_7__/* .loadCatalog */ .a)({ dir: (0,_args_js__WEBPACK_IMPORTED_MODULE_3__/* .stringFlag */ .AM)(values, 'catalog') ?? 'catalog', ...(0,_cli_io_js__WEBPACK_IMPORTED_MODULE_4__/* .catalogLoadOptions */ .W)(io) });
    for (const w of warnings)
        io.stderr((0,_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_8__/* .formatProblem */ .Vw)(w));
    const detected = await changedFromFlags(catalog, values, io);
    io.stdout(values.json ? JSON.stringify((0,_tierdeploy_changes__WEBPACK_IMPORTED_MODULE_9__/* .affectedJson */ .Ly)(detected)) : renderText(detected));
    return 0;
}


/***/ })

},
 } })

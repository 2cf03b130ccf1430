export const id = 715;
export const ids = [715];
export const modules = {

/***/ 7109:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ stringFlag),
/* harmony export */   b: () => (/* binding */ parseFlags)
/* harmony export */ });
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8657);
/* harmony import */ var _cli_io_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7801);



/** Parses flags strictly; an unknown flag or a missing value is a UsageError that suggests the near flag. */
function parseFlags(args, options) {
    try {
        const { values, positionals } = (0,node_util__WEBPACK_IMPORTED_MODULE_0__.parseArgs)({ args, options, strict: true, allowPositionals: true });
        return { values: values, positionals };
    }
    catch (e) {
        const message = e.message;
        const unknown = /Unknown option '(-{1,2}[^']+)'/.exec(message)?.[1];
        if (unknown) {
            const near = (0,_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_1__.closestNames)(unknown.replace(/^-+/, ''), Object.keys(options));
            throw new _cli_io_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .e(`unknown option ${unknown}${near.length ? `; did you mean ${near.map((n) => `--${n}`).join(' or ')}?` : ''}`);
        }
        throw new _cli_io_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .e(message.replace(/\. To specify a positional argument.*$/s, ''));
    }
}
function stringFlag(values, name) {
    const v = values[name];
    return typeof v === 'string' ? v : undefined;
}


/***/ }),

/***/ 96:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   run: () => (/* binding */ run),
/* harmony export */   usage: () => (/* binding */ usage)
/* harmony export */ });
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8657);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7109);


const usage = 'tierdeploy validate [--catalog DIR] [--strict] [--json]';
async function run(args, io) {
    const { values } = (0,_args_js__WEBPACK_IMPORTED_MODULE_1__/* .parseFlags */ .b)(args, { catalog: { type: 'string' }, strict: { type: 'boolean' }, json: { type: 'boolean' } });
    const dir = (0,_args_js__WEBPACK_IMPORTED_MODULE_1__/* .stringFlag */ .A)(values, 'catalog') ?? 'catalog';
    const { catalog, problems } = await (0,_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_0__/* .checkCatalog */ .kE)({ dir, strict: values.strict === true });
    const errors = problems.filter((p) => p.severity === 'error');
    if (values.json) {
        io.stdout(JSON.stringify({ valid: errors.length === 0, problems: problems.map(({ path: _path, atKey: _atKey, ...p }) => p) }));
    }
    else {
        for (const p of problems)
            io.stderr((0,_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_0__/* .formatProblem */ .Vw)(p));
        if (errors.length === 0 && catalog) {
            const warnings = problems.length - errors.length;
            io.stdout(`${catalog.file}: ${catalog.services.size} services in ${catalog.tiers.length} tiers, ${catalog.environments.size} environments: valid${warnings ? ` (${warnings} warning${warnings === 1 ? '' : 's'})` : ''}`);
        }
        else
            io.stderr(`${dir}: ${errors.length} error${errors.length === 1 ? '' : 's'}`);
    }
    return errors.length ? 1 : 0;
}


/***/ })

};

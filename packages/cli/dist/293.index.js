(function (__tierdeployImportMeta) { return { id: 293,
ids: [293],
modules: {

/***/ 8293:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   run: () => (/* binding */ run),
/* harmony export */   usage: () => (/* binding */ usage)
/* harmony export */ });
/* harmony import */ var _tierdeploy_discover__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7889);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7109);
/* harmony import */ var _init_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9988);



const usage = 'tierdeploy discover [--dir REPO] [--catalog DIR] [--accept-suggested] [--platform NAME] [--json]    (prints the services.yaml tierdeploy init would write; writes nothing)';
async function run(args, io) {
    const { values } = (0,_args_js__WEBPACK_IMPORTED_MODULE_0__/* .parseFlags */ .bQ)(args, { ..._init_js__WEBPACK_IMPORTED_MODULE_1__.discoveryFlags, json: { type: 'boolean' } });
    const { discovery } = (0,_init_js__WEBPACK_IMPORTED_MODULE_1__.runDiscovery)(values, io);
    if (values.json) {
        io.stdout(JSON.stringify((0,_tierdeploy_discover__WEBPACK_IMPORTED_MODULE_2__/* .discoveryJson */ .Zj)(discovery), null, 2));
        return 0;
    }
    for (const line of (0,_init_js__WEBPACK_IMPORTED_MODULE_1__.summarise)(discovery))
        io.stderr(line);
    io.stdout((0,_tierdeploy_discover__WEBPACK_IMPORTED_MODULE_2__/* .renderCatalog */ .ek)(discovery).trimEnd());
    return 0;
}


/***/ })

},
 } })

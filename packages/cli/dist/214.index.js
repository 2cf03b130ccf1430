export const id = 214;
export const ids = [214];
export const modules = {

/***/ 1214:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   run: () => (/* binding */ run),
/* harmony export */   usage: () => (/* binding */ usage)
/* harmony export */ });
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8657);

const usage = 'tierdeploy schema    (prints the catalog JSON Schema; npm run build writes it to catalog/schema.json)';
async function run(_args, io) {
    io.stdout(JSON.stringify((0,_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_0__/* .catalogSchemaDocument */ .ql)(), null, 2));
    return 0;
}


/***/ })

};

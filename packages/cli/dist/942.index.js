export const id = 942;
export const ids = [942];
export const modules = {

/***/ 5942:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   run: () => (/* binding */ run),
/* harmony export */   usage: () => (/* binding */ usage)
/* harmony export */ });
/* harmony import */ var _cli_io_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7801);

const usage = 'tierdeploy deploy --env ENV (--tier N|all | --services A,B | --service A) [--with-dependencies] [--images FILE] [--dry-run]\n       tierdeploy deploy --rollback SERVICE --version previous|REVISION|COMMIT --env ENV';
async function run(_args, _io) {
    throw new _cli_io_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .e('deploy is not implemented yet: it arrives with ecs-deploy (issue 4). Use `tierdeploy plan` to see what it would deploy.');
}


/***/ })

};

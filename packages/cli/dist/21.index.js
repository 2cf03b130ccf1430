(function (__tierdeployImportMeta) { return { id: 21,
ids: [21],
modules: {

/***/ 6021:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ matchesPathPattern)
/* harmony export */ });
/** Whether an ALB path pattern (`*` any characters, `?` one character, everything else literal) matches a path. */
function matchesPathPattern(pattern, path) {
    const regex = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
    return regex.test(path);
}


/***/ })

},
 } })

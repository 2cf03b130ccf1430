export const id = 246;
export const ids = [246];
export const modules = {

/***/ 9094:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ environmentNamed),
/* harmony export */   r: () => (/* binding */ isProductionLike)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2332);
/* harmony import */ var _suggest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5753);


/** The named environment, or a ConfigurationError listing the ones the catalog has. */
function environmentNamed(catalog, name) {
    const env = catalog.environments.get(name);
    if (env)
        return env;
    const known = [...catalog.environments.keys()];
    const hint = (0,_suggest_js__WEBPACK_IMPORTED_MODULE_0__/* .didYouMean */ .au)(name, known);
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`unknown environment '${name}'${hint ? `: ${hint}` : ''} (${catalog.dir}/environments has ${known.length ? known.join(', ') : 'none'})`);
}
/**
 * Whether an environment is production-like: it needs approval or is called prod/production. Production-like
 * environments get the stricter rules (no single replica, no business-hours schedule for public services).
 */
function isProductionLike(environment) {
    return environment.requireApproval === true || /^prod(uction)?$/i.test(environment.name);
}


/***/ }),

/***/ 4246:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   run: () => (/* binding */ run),
/* harmony export */   usage: () => (/* binding */ usage)
/* harmony export */ });
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7743);
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2332);
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9094);
/* harmony import */ var _tierdeploy_graph__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(5517);
/* harmony import */ var _tierdeploy_graph__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(1742);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7109);
/* harmony import */ var _cli_io_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7801);
/* harmony import */ var _selection_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7124);





const usage = 'tierdeploy plan [--catalog DIR] [--env ENV | --ref REF] [--tier N|all] [--services A,B | --service A] [--with-dependencies] [--base REF [--head REF] [--merge-base]] [--json]';
async function run(args, io) {
    const { values } = (0,_args_js__WEBPACK_IMPORTED_MODULE_0__/* .parseFlags */ .bQ)(args, {
        catalog: { type: 'string' },
        env: { type: 'string' },
        ref: { type: 'string' },
        json: { type: 'boolean' },
        ..._selection_js__WEBPACK_IMPORTED_MODULE_1__/* .changeRangeOptions */ .S4,
        ..._selection_js__WEBPACK_IMPORTED_MODULE_1__/* .selectionOptions */ .lo,
    });
    (0,_args_js__WEBPACK_IMPORTED_MODULE_0__/* .refuseTogether */ .ll)(values, 'env', 'ref', '--ref picks the environment whose branches or tags match it, --env names it');
    const selection = (0,_selection_js__WEBPACK_IMPORTED_MODULE_1__/* .selectionFromFlags */ ._G)(values);
    const byChange = [values.base, values.head, values['merge-base']].some((v) => v !== undefined);
    if (selection.tier === undefined && selection.services === undefined && !byChange && values.ref === undefined) {
        throw new _cli_io_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .e('nothing selected: give --tier N|all, --services A,B, --service A or --base REF');
    }
    const { catalog, warnings } = await (0,_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_3__/* .loadCatalog */ .a)({ dir: (0,_args_js__WEBPACK_IMPORTED_MODULE_0__/* .stringFlag */ .AM)(values, 'catalog') ?? 'catalog', ...(io.catalogCache ? { cache: io.catalogCache } : {}) });
    for (const w of warnings)
        io.stderr((0,_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_4__/* .formatProblem */ .Vw)(w));
    // --base plans only what changed since REF (loaded on use: plain plans need no git).
    if (byChange)
        selection.changed = (await (await Promise.all(/* import() */[__webpack_require__.e(6), __webpack_require__.e(243), __webpack_require__.e(173)]).then(__webpack_require__.bind(__webpack_require__, 6173))).changedFromFlags(catalog, values, io)).services;
    // Without --env, --ref picks the environment from the catalog's branches/tags; a ref none lists plans nothing.
    // Glob matching (picomatch) loads only when a ref is given, so a plain plan starts faster.
    const envName = (0,_args_js__WEBPACK_IMPORTED_MODULE_0__/* .stringFlag */ .AM)(values, 'env');
    const ref = (0,_args_js__WEBPACK_IMPORTED_MODULE_0__/* .stringFlag */ .AM)(values, 'ref');
    let environment;
    let nothing;
    if (envName !== undefined)
        environment = (0,_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_5__/* .environmentNamed */ .b)(catalog, envName);
    else if (ref !== undefined)
        ({ environment, nothing } = (await Promise.all(/* import() */[__webpack_require__.e(6), __webpack_require__.e(819)]).then(__webpack_require__.bind(__webpack_require__, 819))).targetEnvironment(catalog, { ref }));
    if (nothing)
        io.stderr(nothing);
    const plan = (0,_tierdeploy_graph__WEBPACK_IMPORTED_MODULE_6__/* .resolveDeployWaves */ ._j)(catalog, nothing ? { changed: [] } : selection, environment);
    if (values.json)
        io.stdout(JSON.stringify((0,_tierdeploy_graph__WEBPACK_IMPORTED_MODULE_7__/* .planJson */ .iY)(plan)));
    else
        io.stdout((0,_tierdeploy_graph__WEBPACK_IMPORTED_MODULE_7__/* .renderPlanText */ .$D)(plan).trimEnd());
    return 0;
}


/***/ }),

/***/ 1742:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $D: () => (/* binding */ renderPlanText),
/* harmony export */   iY: () => (/* binding */ planJson)
/* harmony export */ });
/* unused harmony exports renderPlanTable, renderPlanMermaid */
/** The plan for a terminal: tiers, waves, and why each node is included. */
function renderPlanText(plan) {
    if (plan.tiers.length === 0)
        return `Nothing to deploy${plan.environment ? ` to ${plan.environment}` : ''}.\n`;
    const lines = [`Deploy plan${plan.environment ? ` for ${plan.environment}` : ''}: ${Object.keys(plan.nodes).length} node(s) in ${plan.tiers.length} tier(s)`];
    for (const tier of plan.tiers) {
        lines.push('', `Tier ${tier.tier} (${tier.name})`);
        tier.waves.forEach((wave, i) => {
            lines.push(`  wave ${i + 1}`);
            for (const name of wave) {
                const node = plan.nodes[name];
                const kind = node.kind === 'service' ? '' : ` [${node.kind}]`;
                lines.push(`    ${name}${kind}  (${node.reasons.join('; ') || 'selected'})`);
            }
        });
    }
    return `${lines.join('\n')}\n`;
}
function escapeCell(s) {
    return s.replace(/\|/g, '\\|');
}
/** The plan as a Markdown table for a job summary. */
function renderPlanTable(plan) {
    if (plan.tiers.length === 0)
        return 'Nothing to deploy.\n';
    const rows = ['| Tier | Wave | Service | Kind | Why |', '| --- | --- | --- | --- | --- |'];
    for (const tier of plan.tiers) {
        tier.waves.forEach((wave, i) => {
            for (const name of wave) {
                const node = plan.nodes[name];
                rows.push(`| ${tier.tier} (${tier.name}) | ${i + 1} | \`${name}\` | ${node.kind} | ${escapeCell(node.reasons.join('; '))} |`);
            }
        });
    }
    return `${rows.join('\n')}\n`;
}
const TIER_COLOURS = (/* unused pure expression or super */ null && (['#d4edda', '#cce5ff', '#fff3cd', '#f8d7da', '#e2e3e5', '#d1ecf1', '#fde2c8', '#e7d4f5', '#f5f5d4']));
/** A Mermaid flowchart of the planned nodes and the dependencies between them, one colour per tier. */
function renderPlanMermaid(plan, catalog) {
    const ids = new Map();
    Object.keys(plan.nodes).forEach((name, i) => ids.set(name, `n${i}`));
    const lines = ['flowchart LR'];
    for (const tier of plan.tiers) {
        lines.push(`  subgraph tier${tier.tier}["Tier ${tier.tier}: ${tier.name}"]`);
        for (const name of tier.waves.flat()) {
            const kind = plan.nodes[name].kind;
            const label = kind === 'infrastructure' ? `[(${name})]` : `[${name}]`;
            lines.push(`    ${ids.get(name)}${label}`);
        }
        lines.push('  end');
    }
    for (const name of Object.keys(plan.nodes)) {
        for (const dep of catalog.services.get(name).dependsOn) {
            if (ids.has(dep))
                lines.push(`  ${ids.get(dep)} --> ${ids.get(name)}`);
        }
    }
    for (const tier of plan.tiers) {
        lines.push(`  classDef t${tier.tier} fill:${TIER_COLOURS[(tier.tier - 1) % TIER_COLOURS.length]},stroke:#555`);
        const members = tier.waves.flat().map((n) => ids.get(n));
        if (members.length)
            lines.push(`  class ${members.join(',')} t${tier.tier}`);
    }
    return `\`\`\`mermaid\n${lines.join('\n')}\n\`\`\`\n`;
}
/** The `--json` shape of `tierdeploy plan`: tiers ascending with their waves; extra keys for tools. */
function planJson(plan) {
    return {
        ...(plan.environment ? { environment: plan.environment } : {}),
        tiers: plan.tiers.map((t) => ({ tier: t.tier, name: t.name, waves: t.waves })),
        nodes: plan.nodes,
    };
}


/***/ })

};

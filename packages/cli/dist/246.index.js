(function (__tierdeployImportMeta) { return { id: 246,
ids: [246],
modules: {

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
    const { catalog, warnings } = await (0,_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_3__/* .loadCatalog */ .a)({ dir: (0,_args_js__WEBPACK_IMPORTED_MODULE_0__/* .stringFlag */ .AM)(values, 'catalog') ?? 'catalog', ...(0,_cli_io_js__WEBPACK_IMPORTED_MODULE_2__/* .catalogLoadOptions */ .W)(io) });
    for (const w of warnings)
        io.stderr((0,_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_4__/* .formatProblem */ .Vw)(w));
    // --base plans only what changed since REF (loaded on use: plain plans need no git).
    if (byChange) {
        const detected = await (await Promise.all(/* import() */[__webpack_require__.e(6), __webpack_require__.e(965), __webpack_require__.e(184), __webpack_require__.e(158)]).then(__webpack_require__.bind(__webpack_require__, 2777))).changedFromFlags(catalog, values, io);
        selection.changed = detected.services;
        selection.changedBecause = (await Promise.all(/* import() */[__webpack_require__.e(6), __webpack_require__.e(243), __webpack_require__.e(674), __webpack_require__.e(965), __webpack_require__.e(184), __webpack_require__.e(457)]).then(__webpack_require__.bind(__webpack_require__, 5457))).reasonsInWords(detected.reasons);
    }
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
/* unused harmony exports renderPlanTable, renderPlanSummary, DIAGRAM_MAX_NODES, DIAGRAM_MAX_EDGES, DIAGRAM_MAX_WAVES, planDiagramLevel, renderPlanMermaid */
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
    return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
function plural(n, word, many = `${word}s`) {
    return `${n.toLocaleString('en-US')} ${n === 1 ? word : many}`;
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
/** What brought a node in, as one word for the counts line: the start of its first reason. */
function reasonKind(reason) {
    if (reason.startsWith('changed'))
        return 'changed';
    if (reason.startsWith('dependency of'))
        return 'dependency';
    if (reason.startsWith('in tier') || reason === 'all tiers')
        return 'tier selected';
    return reason;
}
/**
 * The job summary of a plan: the verdict (how much deploys, where), counts per tier and per reason, the diagram, and
 * the full table collapsed, so 1,000 rows never push the picture off the page.
 */
function renderPlanSummary(plan, catalog, options = {}) {
    const title = options.title ?? `tierdeploy plan${plan.environment ? ` for ${plan.environment}` : ''}`;
    const notes = (options.notes ?? []).map((n) => `${n}\n\n`).join('');
    if (plan.tiers.length === 0)
        return `### ${title}: nothing to deploy\n\nNothing to deploy${options.nothing ? `: ${options.nothing}` : ''}.\n\n${notes}`;
    const nodes = Object.values(plan.nodes);
    const waves = plan.tiers.reduce((sum, t) => sum + t.waves.length, 0);
    const byKind = countBy(nodes.map((n) => n.kind));
    const kinds = [...byKind].sort(([a], [b]) => Number(b === 'service') - Number(a === 'service')).map(([kind, n]) => plural(n, kind === 'service' ? 'service' : kind, kind === 'service' ? 'services' : kind)).join(' and ');
    const byReason = countBy(nodes.map((n) => reasonKind(n.reasons[0] ?? 'selected')));
    const out = [
        `### ${title}: ${kinds} in ${plural(plan.tiers.length, 'tier')}, ${plural(waves, 'wave')}`,
        '',
        `${plan.tiers.map((t) => `tier ${t.tier} (${t.name}): ${t.waves.flat().length} in ${plural(t.waves.length, 'wave')}`).join(' \u00b7 ')}  `,
        `Why: ${[...byReason].map(([why, n]) => `${n} ${why}`).join(', ')}`,
        '',
        notes + renderPlanMermaid(plan, catalog),
        `<details><summary>Every node: tier, wave and why (${nodes.length})</summary>`,
        '',
        renderPlanTable(plan),
        '</details>',
        '',
    ];
    return out.join('\n');
}
function countBy(values) {
    const counts = new Map();
    for (const v of values)
        counts.set(v, (counts.get(v) ?? 0) + 1);
    return counts;
}
const TIER_COLOURS = (/* unused pure expression or super */ null && (['#d4edda', '#cce5ff', '#fff3cd', '#f8d7da', '#e2e3e5', '#d1ecf1', '#fde2c8', '#e7d4f5', '#f5f5d4']));
/**
 * Past these, the service-level diagram is not readable, so the plan is drawn one node per wave. Measured on
 * generated catalogs (packages/testkit generateCatalog, top to bottom): the widest rank of the bundled 20-node
 * catalog (40 edges) is about 1,200 px, which a ~1,000 px job summary shows at ~0.85x; 40 services (106 edges) is
 * the same width; at 60 services (165 edges) it is ~2,000 px (0.5x, 16 px labels shrink to 8 px) and at 79 services
 * (220 edges) 2,300 px before the bends of long edges widen it further (a browser showed 0.16x left to right).
 */
const DIAGRAM_MAX_NODES = 40;
const DIAGRAM_MAX_EDGES = 120;
/**
 * Past this many waves, one node per tier. A wave chain is one node wide, so it reads at full size whatever its
 * height, but 60 waves are already ~5,000 px tall (a generated 1,000-service catalog has 42); the tier diagram keeps
 * far inside mermaid's limits (500 edges, 50,000 characters) whatever the catalog.
 */
const DIAGRAM_MAX_WAVES = 60;
/** Which picture renderPlanMermaid draws for a plan. */
function planDiagramLevel(plan, catalog) {
    const nodes = Object.keys(plan.nodes);
    if (nodes.length <= DIAGRAM_MAX_NODES && planEdges(plan, catalog).length <= DIAGRAM_MAX_EDGES)
        return 'services';
    return plan.tiers.reduce((sum, t) => sum + t.waves.length, 0) <= DIAGRAM_MAX_WAVES ? 'waves' : 'tiers';
}
/** Dependency edges between planned nodes, [dependency, dependent]. */
function planEdges(plan, catalog) {
    const edges = [];
    for (const name of Object.keys(plan.nodes)) {
        for (const dep of catalog.services.get(name)?.dependsOn ?? [])
            if (plan.nodes[dep])
                edges.push([dep, name]);
    }
    return edges;
}
/** Mermaid label text: quotes and markup characters would end the label. */
function label(text) {
    return text.replace(/"/g, '#quot;').replace(/[<>]/g, '');
}
/**
 * A Mermaid flowchart of the plan, tiers top to bottom, one colour per tier: every node and dependency for a small
 * plan; one node per wave (with counts) past DIAGRAM_MAX_NODES/EDGES; one node per tier past DIAGRAM_MAX_WAVES.
 */
function renderPlanMermaid(plan, catalog) {
    const level = planDiagramLevel(plan, catalog);
    const lines = level === 'services' ? serviceDiagram(plan, catalog) : level === 'waves' ? waveDiagram(plan) : tierDiagram(plan);
    return `\`\`\`mermaid\n${lines.join('\n')}\n\`\`\`\n`;
}
function tierTitle(tier) {
    return label(`Tier ${tier.tier}: ${tier.name}`);
}
function colour(tier) {
    return TIER_COLOURS[(tier - 1) % TIER_COLOURS.length];
}
function serviceDiagram(plan, catalog) {
    const ids = new Map();
    Object.keys(plan.nodes).forEach((name, i) => ids.set(name, `n${i}`));
    const lines = ['flowchart TB'];
    for (const tier of plan.tiers) {
        lines.push(`  subgraph tier${tier.tier}["${tierTitle(tier)}"]`);
        for (const name of tier.waves.flat()) {
            const kind = plan.nodes[name].kind;
            lines.push(`    ${ids.get(name)}${kind === 'infrastructure' ? `[("${label(name)}")]` : `["${label(name)}"]`}`);
        }
        lines.push('  end');
    }
    // Invisible links keep the tiers in order even where no dependency joins them.
    for (let i = 1; i < plan.tiers.length; i++)
        lines.push(`  tier${plan.tiers[i - 1].tier} ~~~ tier${plan.tiers[i].tier}`);
    for (const [dep, name] of planEdges(plan, catalog))
        lines.push(`  ${ids.get(dep)} --> ${ids.get(name)}`);
    for (const tier of plan.tiers) {
        lines.push(`  classDef t${tier.tier} fill:${colour(tier.tier)},stroke:#555`);
        lines.push(`  class ${tier.waves.flat().map((n) => ids.get(n)).join(',')} t${tier.tier}`);
    }
    return lines;
}
/** A wave's label: its size, and its members when there are few enough to read. */
function waveLabel(plan, wave, index) {
    const infrastructure = wave.filter((n) => plan.nodes[n].kind === 'infrastructure').length;
    const services = wave.length - infrastructure;
    const counts = [services ? plural(services, 'service') : '', infrastructure ? `${infrastructure} infrastructure` : ''].filter(Boolean).join(', ');
    const members = wave.length <= 3 ? `<br/>${wave.map(label).join(', ')}` : '';
    return `wave ${index + 1}: ${counts}${members}`;
}
function waveDiagram(plan) {
    const lines = ['flowchart TB'];
    const chain = [];
    for (const tier of plan.tiers) {
        lines.push(`  subgraph tier${tier.tier}["${tierTitle(tier)} \u00b7 ${plural(tier.waves.flat().length, 'node')}"]`);
        tier.waves.forEach((wave, i) => {
            const id = `t${tier.tier}w${i + 1}`;
            chain.push(id);
            lines.push(`    ${id}["${waveLabel(plan, wave, i)}"]`);
        });
        lines.push('  end');
    }
    // Deploy order: each wave after the one before it, the first wave of a tier after the last of the tier below.
    for (let i = 1; i < chain.length; i++)
        lines.push(`  ${chain[i - 1]} --> ${chain[i]}`);
    for (const tier of plan.tiers) {
        lines.push(`  classDef t${tier.tier} fill:${colour(tier.tier)},stroke:#555`);
        lines.push(`  class ${tier.waves.map((_, i) => `t${tier.tier}w${i + 1}`).join(',')} t${tier.tier}`);
    }
    return lines;
}
function tierDiagram(plan) {
    const lines = ['flowchart TB'];
    for (const tier of plan.tiers) {
        lines.push(`  tier${tier.tier}["${tierTitle(tier)}<br/>${plural(tier.waves.flat().length, 'node')} in ${plural(tier.waves.length, 'wave')}"]`);
        lines.push(`  style tier${tier.tier} fill:${colour(tier.tier)},stroke:#555`);
    }
    for (let i = 1; i < plan.tiers.length; i++)
        lines.push(`  tier${plan.tiers[i - 1].tier} --> tier${plan.tiers[i].tier}`);
    return lines;
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

},
 } })

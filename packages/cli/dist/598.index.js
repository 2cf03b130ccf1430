export const id = 598;
export const ids = [598];
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

/***/ 8598:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run),
  usage: () => (/* binding */ usage)
});

// EXTERNAL MODULE: ./packages/catalog/src/index.ts + 14 modules
var src = __webpack_require__(8657);
;// CONCATENATED MODULE: ./packages/graph/src/plan.ts

/** Resolves a service name or alias, or throws naming the closest names. */
function resolveServiceName(catalog, name) {
    const canonical = catalog.names.get(name.trim());
    if (canonical)
        return catalog.services.get(canonical);
    const near = (0,src.closestNames)(name, catalog.names.keys());
    throw new src/* ConfigurationError */.j1(`unknown service '${name}'${near.length ? `; did you mean ${near.map((n) => `'${n}'`).join(', ')}?` : ''} (see ${catalog.file}; \`tierdeploy plan --tier all\` lists every service)`);
}
/** Parses a tier given as a flag or input: a tier number or `all`. */
function parseTier(value) {
    const v = value.trim().toLowerCase();
    if (v === 'all')
        return 'all';
    if (/^\d+$/.test(v))
        return Number(v);
    throw new src/* ConfigurationError */.j1(`tier must be a tier number or 'all', got '${value}'`);
}
/** Parses a comma or newline separated list of names, dropping blanks. */
function parseNameList(value) {
    return value.split(/[,\n]/).map((s) => s.trim()).filter(Boolean);
}
function resolveDeployWaves(catalog, selection, environment) {
    const reasons = new Map();
    const because = (name, reason) => {
        const list = reasons.get(name);
        if (!list)
            reasons.set(name, [reason]);
        else if (!list.includes(reason))
            list.push(reason);
    };
    const where = environment ? ` in ${environment.name}` : '';
    if (selection.tier === undefined && selection.services === undefined && selection.changed === undefined) {
        throw new src/* ConfigurationError */.j1('nothing selected: choose a tier (1, 2, ... or all), services, or a change to deploy');
    }
    if (typeof selection.tier === 'number' && !catalog.tiers.some((t) => t.id === selection.tier)) {
        throw new src/* ConfigurationError */.j1(`unknown tier ${selection.tier}: ${catalog.file} defines tiers ${catalog.tiers.map((t) => t.id).join(', ')} (or use all)`);
    }
    let base;
    if (selection.services !== undefined) {
        if (selection.services.length === 0)
            throw new src/* ConfigurationError */.j1('the service list is empty: name at least one service');
        base = selection.services.map((n) => resolveServiceName(catalog, n));
        for (const s of base) {
            if (s.kind === 'library')
                throw new src/* ConfigurationError */.j1(`${s.name} is a library: it is never deployed (a change to it deploys its dependents)`);
            if (s.disabled)
                throw new src/* ConfigurationError */.j1(`${s.name} is disabled in ${catalog.file}`);
            if (!(0,src/* isEnabledIn */.Z)(catalog, s, environment))
                throw new src/* ConfigurationError */.j1(`${s.name} is not enabled${where}: add it to optionalServices in ${environment?.file}`);
            if (typeof selection.tier === 'number' && s.tier !== selection.tier) {
                throw new src/* ConfigurationError */.j1(`${s.name} is in tier ${s.tier}, not tier ${selection.tier}: drop the tier or the service`);
            }
            because(s.name, 'named');
        }
    }
    else {
        base = [...catalog.services.values()].filter((s) => s.kind !== 'library' && (0,src/* isEnabledIn */.Z)(catalog, s, environment) && (selection.tier === undefined || selection.tier === 'all' || s.tier === selection.tier));
        if (selection.tier !== undefined)
            for (const s of base)
                because(s.name, selection.tier === 'all' ? 'all tiers' : `in tier ${selection.tier}`);
    }
    if (selection.changed !== undefined) {
        const changed = new Set(selection.changed.map((n) => resolveServiceName(catalog, n).name));
        base = base.filter((s) => changed.has(s.name));
        for (const s of base)
            because(s.name, 'changed');
    }
    const selected = new Map(base.map((s) => [s.name, s]));
    if (selection.withDependencies) {
        const queue = [...selected.values()];
        while (queue.length) {
            const s = queue.pop();
            for (const depName of s.dependsOn) {
                const dep = catalog.services.get(depName);
                // Libraries are walked through (their dependencies are libraries) but never planned.
                if (dep.kind !== 'library')
                    because(dep.name, `dependency of ${s.name}`);
                if (!selected.has(dep.name)) {
                    selected.set(dep.name, dep);
                    queue.push(dep);
                }
            }
        }
        for (const [name, s] of selected)
            if (s.kind === 'library')
                selected.delete(name);
    }
    const nodes = {};
    const tiers = [];
    const byTier = new Map();
    for (const s of selected.values()) {
        const list = byTier.get(s.tier);
        if (list)
            list.push(s);
        else
            byTier.set(s.tier, [s]);
    }
    for (const tierId of [...byTier.keys()].sort((a, b) => a - b)) {
        const members = byTier.get(tierId);
        const waveOf = assignWaves(members);
        const waves = [];
        for (const s of members) {
            const w = waveOf.get(s.name);
            (waves[w] ??= []).push(s.name);
            nodes[s.name] = { name: s.name, kind: s.kind, tier: s.tier, wave: w, reasons: reasons.get(s.name) ?? [] };
        }
        for (const wave of waves)
            wave.sort();
        tiers.push({ tier: tierId, name: catalog.tiers.find((t) => t.id === tierId)?.name ?? String(tierId), waves });
    }
    return { ...(environment ? { environment: environment.name } : {}), tiers, nodes };
}
/**
 * A node's wave is one more than the latest wave among its selected dependencies of the same tier (Kahn's
 * algorithm, so depth is not limited by the call stack). Dependencies elsewhere do not shape waves.
 */
function assignWaves(members) {
    const inTier = new Set(members.map((s) => s.name));
    const pending = new Map();
    const dependents = new Map();
    for (const s of members) {
        const deps = s.dependsOn.filter((d) => inTier.has(d));
        pending.set(s.name, deps.length);
        for (const d of deps) {
            const list = dependents.get(d);
            if (list)
                list.push(s.name);
            else
                dependents.set(d, [s.name]);
        }
    }
    const wave = new Map();
    const ready = members.filter((s) => pending.get(s.name) === 0).map((s) => s.name);
    for (const name of ready)
        wave.set(name, 0);
    for (let i = 0; i < ready.length; i++) {
        const name = ready[i];
        for (const dependent of dependents.get(name) ?? []) {
            wave.set(dependent, Math.max(wave.get(dependent) ?? 0, wave.get(name) + 1));
            const left = pending.get(dependent) - 1;
            pending.set(dependent, left);
            if (left === 0)
                ready.push(dependent);
        }
    }
    if (ready.length !== members.length) {
        // The catalog validator rejects cycles, so reaching this is a bug, not a user mistake.
        throw new Error(`dependency cycle among ${members.filter((s) => pending.get(s.name) > 0).map((s) => s.name).join(', ')}`);
    }
    return wave;
}
/** The plan's node names in deploy order (tier, then wave, then name). */
function deployOrder(plan) {
    return plan.tiers.flatMap((t) => t.waves.flat());
}

;// CONCATENATED MODULE: ./packages/graph/src/matrix.ts

/** GitHub rejects a matrix of more than 256 jobs. */
const GITHUB_MATRIX_LIMIT = 256;
function chunkMatrix(entries, size = GITHUB_MATRIX_LIMIT) {
    const chunks = [];
    for (let i = 0; i < entries.length; i += size)
        chunks.push({ include: entries.slice(i, i + size) });
    return chunks;
}
/**
 * One matrix per catalog tier (tiers with nothing to deploy included, flagged empty), holding only services
 * that are built and deployed to ECS: infrastructure orders the plan but Terraform provisions it.
 */
function tierMatrices(plan, catalog, environment) {
    return catalog.tiers.map(({ id }) => {
        const tierPlan = plan.tiers.find((t) => t.tier === id);
        const include = [];
        tierPlan?.waves.forEach((wave, w) => {
            for (const name of wave) {
                const s = catalog.services.get(name);
                if (s.kind !== 'service')
                    continue;
                include.push({ service: name, tier: id, wave: w, path: s.path ?? '', container: serviceSettings(catalog, s, environment).containerName });
            }
        });
        return { tier: id, matrix: { include }, empty: include.length === 0, chunks: chunkMatrix(include) };
    });
}

;// CONCATENATED MODULE: ./packages/graph/src/render.ts
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

;// CONCATENATED MODULE: ./packages/graph/src/index.ts




// EXTERNAL MODULE: ./packages/cli/src/args.ts
var src_args = __webpack_require__(7109);
// EXTERNAL MODULE: ./packages/cli/src/cli-io.ts
var cli_io = __webpack_require__(7801);
;// CONCATENATED MODULE: ./packages/cli/src/selection.ts



/** Flags every command that selects services shares. */
const selectionOptions = {
    tier: { type: 'string' },
    services: { type: 'string' },
    service: { type: 'string' },
    'with-dependencies': { type: 'boolean' },
};
function selectionFromFlags(values) {
    const tier = (0,src_args/* stringFlag */.A)(values, 'tier');
    const services = (0,src_args/* stringFlag */.A)(values, 'services');
    const service = (0,src_args/* stringFlag */.A)(values, 'service');
    if (services !== undefined && service !== undefined)
        throw new cli_io/* UsageError */.e('give --services A,B or --service A, not both');
    const names = services ?? service;
    return {
        ...(tier !== undefined ? { tier: parseTier(tier) } : {}),
        ...(names !== undefined ? { services: parseNameList(names) } : {}),
        ...(values['with-dependencies'] ? { withDependencies: true } : {}),
    };
}

;// CONCATENATED MODULE: ./packages/cli/src/commands/plan.ts




const usage = 'tierdeploy plan [--catalog DIR] [--env ENV] [--tier N|all] [--services A,B | --service A] [--with-dependencies] [--json]';
async function run(args, io) {
    const { values } = (0,src_args/* parseFlags */.b)(args, {
        catalog: { type: 'string' },
        env: { type: 'string' },
        json: { type: 'boolean' },
        ...selectionOptions,
    });
    const selection = selectionFromFlags(values);
    const { catalog, warnings } = await (0,src/* loadCatalog */.ak)({ dir: (0,src_args/* stringFlag */.A)(values, 'catalog') ?? 'catalog' });
    for (const w of warnings)
        io.stderr((0,src/* formatProblem */.Vw)(w));
    const envName = (0,src_args/* stringFlag */.A)(values, 'env');
    const environment = envName === undefined ? undefined : (0,src/* environmentNamed */.b6)(catalog, envName);
    const plan = resolveDeployWaves(catalog, selection, environment);
    if (values.json)
        io.stdout(JSON.stringify(planJson(plan)));
    else
        io.stdout(renderPlanText(plan).trimEnd());
    return 0;
}


/***/ })

};

(function (__tierdeployImportMeta) { return { id: 517,
ids: [517],
modules: {

/***/ 5517:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HI: () => (/* binding */ parseNameList),
/* harmony export */   _j: () => (/* binding */ resolveDeployWaves),
/* harmony export */   aW: () => (/* binding */ parseTier),
/* harmony export */   fV: () => (/* binding */ resolveServiceName)
/* harmony export */ });
/* unused harmony exports whyNotEnabled, deployOrder */
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5753);
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2332);
/* harmony import */ var _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1214);

/** Resolves a service name or alias, or throws naming the closest names. */
function resolveServiceName(catalog, name) {
    const canonical = catalog.names.get(name.trim());
    if (canonical)
        return catalog.services.get(canonical);
    const near = (0,_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_0__/* .closestNames */ .g9)(name, catalog.names.keys());
    throw new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`unknown service '${name}'${near.length ? `; did you mean ${near.map((n) => `'${n}'`).join(', ')}?` : ''} (see ${catalog.file}; \`tierdeploy plan --tier all\` lists every service)`);
}
/** Why a service does not deploy in the environment (disabled, or an optional tier's service not enabled there); undefined when it does. */
function whyNotEnabled(catalog, service, environment) {
    if (service.disabled)
        return `${service.name} is disabled in ${catalog.file}`;
    if (!(0,_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_2__/* .isEnabledIn */ .Z)(catalog, service, environment))
        return `${service.name} is not enabled${environment ? ` in ${environment.name}` : ''}: add it to optionalServices in ${environment?.file}`;
    return undefined;
}
/** Parses a tier given as a flag or input: a tier number or `all`. */
function parseTier(value) {
    const v = value.trim().toLowerCase();
    if (v === 'all')
        return 'all';
    if (/^\d+$/.test(v))
        return Number(v);
    throw new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`tier must be a tier number or 'all', got '${value}'`);
}
/** Parses a comma or newline separated list of names, dropping blanks. */
function parseNameList(value) {
    return value.split(/[,\n]/).map((s) => s.trim()).filter(Boolean);
}
function resolveDeployWaves(catalog, selection, environment) {
    // A tier selection gives every service it selects the same first reason: they share one frozen list, and only a
    // service with more reasons gets a list of its own (issue 16: a plan of 10,000 allocated 10,000 lists here).
    let tierReason;
    const inTierSelection = (s) => s.kind !== 'library' && (0,_tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_2__/* .isEnabledIn */ .Z)(catalog, s, environment) && (selection.tier === undefined || selection.tier === 'all' || s.tier === selection.tier);
    const reasons = new Map();
    const because = (name, reason) => {
        let list = reasons.get(name);
        if (!list)
            reasons.set(name, (list = tierReason && inTierSelection(catalog.services.get(name)) ? [...tierReason] : []));
        if (!list.includes(reason))
            list.push(reason);
    };
    const reasonsOf = (s) => reasons.get(s.name) ?? (tierReason && inTierSelection(s) ? tierReason : NO_REASONS);
    if (selection.tier === undefined && selection.services === undefined && selection.changed === undefined) {
        throw new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1('nothing selected: choose a tier (1, 2, ... or all), services, or a change to deploy');
    }
    if (typeof selection.tier === 'number' && !catalog.tiers.some((t) => t.id === selection.tier)) {
        throw new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`unknown tier ${selection.tier}: ${catalog.file} defines tiers ${catalog.tiers.map((t) => t.id).join(', ')} (or use all)`);
    }
    let base;
    const skipped = [];
    if (selection.services !== undefined) {
        if (selection.services.length === 0)
            throw new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1('the service list is empty: name at least one service');
        base = [];
        for (const s of selection.services.map((n) => resolveServiceName(catalog, n))) {
            if (s.kind === 'library')
                throw new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${s.name} is a library: it is never deployed (a change to it deploys its dependents)`);
            const notEnabled = whyNotEnabled(catalog, s, environment);
            if (notEnabled && !selection.onlyEnabled)
                throw new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(notEnabled);
            if (notEnabled) {
                if (!skipped.includes(s.name))
                    skipped.push(s.name);
                continue;
            }
            if (typeof selection.tier === 'number' && s.tier !== selection.tier) {
                throw new _tierdeploy_catalog__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${s.name} is in tier ${s.tier}, not tier ${selection.tier}: drop the tier or the service`);
            }
            because(s.name, 'named');
            base.push(s);
        }
    }
    else {
        base = [...catalog.services.values()].filter(inTierSelection);
        if (selection.tier !== undefined)
            tierReason = Object.freeze([selection.tier === 'all' ? 'all tiers' : `in tier ${selection.tier}`]);
    }
    if (selection.changed !== undefined) {
        const changed = new Set(selection.changed.map((n) => resolveServiceName(catalog, n).name));
        base = base.filter((s) => changed.has(s.name));
        for (const s of base) {
            const why = selection.changedBecause?.[s.name];
            because(s.name, why?.length ? `changed: ${why.join('; ')}` : 'changed');
        }
    }
    // Only a walk through dependencies needs the selection by name.
    let selectedServices = base;
    if (selection.withDependencies) {
        const selected = new Map(base.map((s) => [s.name, s]));
        selectedServices = selected.values();
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
    for (const s of selectedServices) {
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
        for (let i = 0; i < members.length; i++) {
            const s = members[i];
            const w = waveOf[i];
            (waves[w] ??= []).push(s.name);
            nodes[s.name] = { name: s.name, kind: s.kind, tier: s.tier, wave: w, reasons: reasonsOf(s) };
        }
        for (const wave of waves)
            wave.sort();
        tiers.push({ tier: tierId, name: catalog.tiers.find((t) => t.id === tierId)?.name ?? String(tierId), waves });
    }
    return { ...(environment ? { environment: environment.name } : {}), tiers, nodes, ...(skipped.length ? { skipped } : {}) };
}
/**
 * A node's wave is one more than the latest wave among its selected dependencies of the same tier (Kahn's
 * algorithm, so depth is not limited by the call stack). Dependencies elsewhere do not shape waves.
 */
function assignWaves(members) {
    // Members by position; dependencies outside the tier are not in `at` and are skipped. The edges (dependency ->
    // dependent) are kept flat, then grouped by dependency: no array per member (issue 16: plans of 10,000).
    const n = members.length;
    const at = new Map();
    for (let i = 0; i < n; i++)
        at.set(members[i].name, i);
    const pending = new Int32Array(n);
    const edgeFrom = [];
    const edgeTo = [];
    for (let i = 0; i < n; i++) {
        const deps = members[i].dependsOn;
        for (let k = 0; k < deps.length; k++) {
            const j = at.get(deps[k]);
            if (j === undefined)
                continue;
            pending[i]++;
            edgeFrom.push(j);
            edgeTo.push(i);
        }
    }
    const start = new Int32Array(n + 1);
    for (let e = 0; e < edgeFrom.length; e++)
        start[edgeFrom[e] + 1]++;
    for (let i = 0; i < n; i++)
        start[i + 1] += start[i];
    const next = start.slice(0, n);
    const dependents = new Int32Array(edgeFrom.length);
    for (let e = 0; e < edgeFrom.length; e++)
        dependents[next[edgeFrom[e]]++] = edgeTo[e];
    const wave = new Int32Array(n);
    const ready = [];
    for (let i = 0; i < n; i++)
        if (pending[i] === 0)
            ready.push(i);
    for (let k = 0; k < ready.length; k++) {
        const i = ready[k];
        for (let e = start[i]; e < start[i + 1]; e++) {
            const dependent = dependents[e];
            if (wave[i] + 1 > wave[dependent])
                wave[dependent] = wave[i] + 1;
            if (--pending[dependent] === 0)
                ready.push(dependent);
        }
    }
    if (ready.length !== n) {
        // The catalog validator rejects cycles, so reaching this is a bug, not a user mistake.
        throw new Error(`dependency cycle among ${members.filter((_, i) => pending[i] > 0).map((s) => s.name).join(', ')}`);
    }
    return Array.from(wave);
}
const NO_REASONS = Object.freeze([]);
/** The plan's node names in deploy order (tier, then wave, then name). */
function deployOrder(plan) {
    return plan.tiers.flatMap((t) => t.waves.flat());
}


/***/ })

},
 } })

(function (__tierdeployImportMeta) { return { id: 113,
ids: [113],
modules: {

/***/ 113:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  buildCatalogCore: () => (/* binding */ buildCatalogCore),
  findCycles: () => (/* binding */ findCycles)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./packages/catalog/src/fargate.ts
/**
 * Memory sizes (MiB) Fargate accepts for each CPU size, from the ECS task-size table
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-size).
 */
const MEMORY_BY_CPU = {
    256: { min: 1024, max: 2048, step: 1024, extra: [512] },
    512: { min: 1024, max: 4096, step: 1024 },
    1024: { min: 2048, max: 8192, step: 1024 },
    2048: { min: 4096, max: 16384, step: 1024 },
    4096: { min: 8192, max: 30720, step: 1024 },
    8192: { min: 16384, max: 61440, step: 4096 },
    16384: { min: 32768, max: 122880, step: 8192 },
};
function isValidFargateSize(cpu, memory) {
    const rule = MEMORY_BY_CPU[cpu];
    if (!rule)
        return false;
    if (rule.extra?.includes(memory))
        return true;
    return memory >= rule.min && memory <= rule.max && (memory - rule.min) % rule.step === 0;
}
function fargateMemoryHint(cpu) {
    const rule = MEMORY_BY_CPU[cpu];
    if (!rule)
        return 'cpu must be one of 256, 512, 1024, 2048, 4096, 8192, 16384';
    return `cpu ${cpu} takes memory ${rule.extra ? `${rule.extra.join(', ')} or ` : ''}${rule.min} to ${rule.max} in steps of ${rule.step}`;
}

;// CONCATENATED MODULE: ./packages/catalog/src/repo-path.ts
/**
 * The one form of a repository-relative path that every package compares and matches against: `./auth`,
 * `auth/` and `auth//x` are `auth` and `auth/x`, and the repository root (a build context of `.`) is `.`.
 * Git reports changed files in exactly this form, so a path written any other way would never match one
 * (issue 13). What cannot be read as a path inside the repository is refused, saying what to write instead:
 * an absolute path, a `..` segment (and so any path that leaves the repository), a `.` segment after the start,
 * a backslash in a path (the separator is `/`; in a glob it escapes), or the root where a directory is needed.
 *
 * `root` is the repository root on disk, to suggest the relative form of an absolute path inside it.
 */
function normaliseRepoPath(value, kind, root) {
    // Most paths are already in their one form: relative, '/' between non-empty segments, no '.' or '..'.
    if (isCanonicalRepoPath(value))
        return { path: value };
    if (kind !== 'glob' && value.includes('\\')) {
        return { problem: `'${value}' uses \\ between directories`, hint: `write '${value.replace(/\\+/g, '/')}': catalog paths use /` };
    }
    if (value.startsWith('/') || /^[A-Za-z]:[\\/]/.test(value)) {
        const inside = root !== undefined && value.startsWith(`${root.replace(/\/+$/, '')}/`) ? value.slice(root.replace(/\/+$/, '').length + 1) : value.replace(/^([A-Za-z]:)?[\\/]+/, '');
        return { problem: `'${value}' is an absolute path`, hint: `paths are relative to the repository root${root ? ` (${root})` : ''}: write '${normalisedOrSelf(inside, kind, root)}'` };
    }
    // A leading ./ (or ././) is the common way of saying "relative"; empty segments come from // and a trailing /.
    const segments = value.split('/').filter((s) => s !== '');
    while (segments[0] === '.')
        segments.shift();
    if (segments.includes('..')) {
        const resolved = [];
        for (const s of segments) {
            if (s === '.')
                continue;
            if (s !== '..')
                resolved.push(s);
            else if (resolved.pop() === undefined) {
                return { problem: `'${value}' leaves the repository`, hint: 'paths are relative to the repository root, and code outside the repository can be neither built nor watched for changes: move it into the repository' };
            }
        }
        return { problem: `'${value}' has a '..' segment`, hint: `write '${resolved.join('/') || '.'}'` };
    }
    if (segments.includes('.'))
        return { problem: `'${value}' has a '.' segment`, hint: `write '${segments.filter((s) => s !== '.').join('/') || '.'}'` };
    if (segments.length === 0) {
        if (kind === 'context')
            return { path: '.' };
        return {
            problem: `'${value}' is the repository root`,
            hint: kind === 'directory' ? "name the directory of the code, e.g. 'services/auth': a service at the root would own every file" : kind === 'file' ? "name the file, e.g. 'docker/auth.Dockerfile'" : "name files under the root, e.g. '**/*.proto'",
        };
    }
    return { path: segments.join('/') };
}
/** Whether the path is already what normaliseRepoPath would make of it (checked without splitting it). */
function isCanonicalRepoPath(value) {
    // One pass over the characters: no backslash, no empty, '.' or '..' segment, not absolute (/x, C:/x).
    const n = value.length;
    if (n === 0 || value.charCodeAt(0) === 47 || value.charCodeAt(n - 1) === 47)
        return false;
    if (n >= 3 && value.charCodeAt(1) === 58 && value.charCodeAt(2) === 47 && /^[A-Za-z]/.test(value))
        return false;
    let segmentStart = 0;
    for (let i = 0; i <= n; i++) {
        const c = i < n ? value.charCodeAt(i) : 47;
        if (c === 92)
            return false;
        if (c !== 47)
            continue;
        const length = i - segmentStart;
        if (length === 0)
            return false;
        if (value.charCodeAt(segmentStart) === 46 && (length === 1 || (length === 2 && value.charCodeAt(segmentStart + 1) === 46)))
            return false;
        segmentStart = i + 1;
    }
    return true;
}
/** The suggestion for an absolute path: its relative form when that is valid, else as written. */
function normalisedOrSelf(value, kind, root) {
    const n = normaliseRepoPath(value, kind, root);
    return 'path' in n ? n.path : value;
}

// EXTERNAL MODULE: ./packages/catalog/src/schema.ts
var schema = __webpack_require__(4884);
// EXTERNAL MODULE: ./packages/catalog/src/model.ts
var model = __webpack_require__(9014);
// EXTERNAL MODULE: ./packages/catalog/src/settings.ts
var settings = __webpack_require__(1214);
;// CONCATENATED MODULE: ./packages/catalog/src/secret-arns.ts


/** A Secrets Manager secret or SSM parameter ARN: arn:PARTITION:SERVICE:REGION:ACCOUNT:secret:NAME | parameter/NAME. */
const SECRET_ARN = /^arn:(aws[a-z-]*):(secretsmanager|ssm):([a-z0-9-]*):(\d{12}):(secret:|parameter\/)/;
/**
 * Per environment, a secret of an enabled service whose ARN is in another account than the environment's `account`
 * or another region than its `region`: the task's execution role (of the environment's account) could not read it, or
 * would read another environment's value (a catalog-wide ARN of dev's account used by production). Judged on the
 * settings each environment resolves (serviceSettings), and reported where the value is written. A secret that is not
 * an ARN is the schema's to refuse.
 */
function secretArnProblems(catalog) {
    const problems = [];
    for (const env of catalog.environments.values()) {
        for (const service of catalog.services.values()) {
            if (!(0,model/* isDeployable */.M)(service) || !(0,settings/* isEnabledIn */.Z)(catalog, service, env))
                continue;
            for (const [variable, value] of Object.entries((0,settings/* serviceSettings */.xw)(catalog, service, env).secrets)) {
                const arn = SECRET_ARN.exec(value);
                if (!arn)
                    continue;
                const [, , , region, account] = arn;
                const wrongAccount = env.account !== undefined && account !== env.account;
                const wrongRegion = region !== env.region;
                if (!wrongAccount && !wrongRegion)
                    continue;
                const found = [wrongAccount ? `account ${account}` : '', wrongRegion ? `region ${region || '(none)'}` : ''].filter(Boolean).join(' and ');
                const expected = [wrongAccount ? `account ${env.account}` : '', wrongRegion ? `region ${env.region}` : ''].filter(Boolean).join(' and ');
                const where = writtenAt(catalog, service, env, variable);
                const fixed = value.replace(SECRET_ARN, (_m, partition, kind, _r, a, type) => `arn:${partition}:${kind}:${env.region}:${wrongAccount ? env.account : a}:${type}`);
                problems.push({
                    ...where,
                    severity: 'error',
                    message: `${service.name}: secret ${variable} in environment ${env.name} is in ${found}, but ${env.name} is ${expected} (${env.file})`,
                    hint: where.file === env.file
                        ? `use the ARN in ${expected}, e.g. ${fixed}`
                        : `the value in ${catalog.file} applies to every environment: give ${env.name} its own in ${env.file}, services.${service.name}.secrets, e.g. ${variable}: ${fixed}`,
                });
            }
        }
    }
    return problems;
}
/** The file and key path of the layer that sets the variable for this environment: the last of serviceSettings' layers that has it. */
function writtenAt(catalog, service, env, variable) {
    if (env.services?.[service.name]?.secrets?.[variable] !== undefined)
        return { file: env.file, path: ['services', service.name, 'secrets', variable] };
    if (env.defaults?.secrets?.[variable] !== undefined)
        return { file: env.file, path: ['defaults', 'secrets', variable] };
    if (service.secrets?.[variable] !== undefined)
        return { file: catalog.file, path: ['services', service.name, 'secrets', variable] };
    return { file: catalog.file, path: ['defaults', 'secrets', variable] };
}

// EXTERNAL MODULE: ./packages/catalog/src/suggest.ts
var suggest = __webpack_require__(5753);
;// CONCATENATED MODULE: ./packages/catalog/src/shape.ts

const patterns = new Map();
function regex(p) {
    let r = patterns.get(p);
    if (!r)
        patterns.set(p, (r = new RegExp(p)));
    return r;
}
function typeOf(v) {
    if (v === null)
        return 'null';
    if (Array.isArray(v))
        return 'array';
    if (typeof v === 'number')
        return Number.isInteger(v) ? 'integer' : 'number';
    return typeof v;
}
function matchesType(expected, actual) {
    return expected === actual || (expected === 'number' && actual === 'integer');
}
/** Type names as a YAML author knows them (a mapping, a list), not JSON Schema's (object, array). */
function typeLabel(type) {
    const labels = { object: 'a mapping', array: 'a list', integer: 'a whole number', number: 'a number', string: 'a string', boolean: 'true or false', null: 'nothing' };
    return labels[type] ?? type;
}
function describe(v) {
    const s = JSON.stringify(v);
    return s === undefined ? String(v) : s.length > 40 ? `${s.slice(0, 37)}...` : s;
}
/**
 * Checks `value` against the subset of JSON Schema that catalog/schema.ts uses, collecting every issue
 * (never stopping at the first), each with the path of keys that leads to it.
 */
function checkShape(value, schema, path = [], issues = []) {
    checkOf(schema)(value, { up: undefined, key: undefined, prefix: path }, undefined, issues);
    return issues;
}
function pathOf(at, key) {
    const keys = key === undefined ? [] : [key];
    let node = at;
    for (; node?.up !== undefined; node = node.up)
        keys.push(node.key);
    return [...(node?.prefix ?? []), ...keys.reverse()];
}
const compiled = new WeakMap();
/**
 * The check for `schema`. Each schema is read once, into a function that does only what that schema asks (a
 * string's pattern, a mapping's known keys): a 10,000-service catalog checks about 50,000 values, and looking the
 * rules up in the schema for every value was most of the time (issue 16).
 */
function checkOf(schema) {
    const known = compiled.get(schema);
    if (known)
        return known;
    // A schema that contains itself gets this forwarder while it compiles.
    const slot = {};
    compiled.set(schema, (value, parent, key, issues) => slot.check(value, parent, key, issues));
    slot.check = compile(schema);
    compiled.set(schema, slot.check);
    return slot.check;
}
function compile(schema) {
    if (schema.anyOf) {
        const alternatives = schema.anyOf.map(checkOf);
        const forms = schema.anyOf.map((s) => (s.type === 'object' ? `{ ${Object.keys(s.properties ?? {}).join(', ')}: ... }` : s.type)).join(' or ');
        return (value, parent, key, issues) => {
            for (const alternative of alternatives) {
                const trial = [];
                alternative(value, parent, key, trial);
                if (trial.length === 0)
                    return;
            }
            issues.push({ path: pathOf(parent, key), message: `${describe(value)} is not valid here`, hint: `expected ${forms}` });
        };
    }
    const type = schema.type;
    const mismatch = (value, actual, parent, key, issues) => {
        issues.push({ path: pathOf(parent, key), message: `expected ${typeLabel(type)}, found ${actual === 'null' ? 'nothing' : `${typeLabel(actual)} ${describe(value)}`}` });
    };
    const checkString = stringCheck(schema);
    // The usual leaf, a string with no enum: one typeof, then its length or pattern.
    if (type === 'string' && !schema.enum) {
        return (value, parent, key, issues) => {
            if (typeof value === 'string')
                checkString(value, parent, key, issues);
            else
                mismatch(value, typeOf(value), parent, key, issues);
        };
    }
    const enumValues = schema.enum;
    const enumNames = enumValues?.map(String);
    const { minimum, maximum, minItems } = schema;
    const items = schema.items ? checkOf(schema.items) : undefined;
    const checkObject = objectCheck(schema);
    return (value, parent, key, issues) => {
        const actual = typeOf(value);
        if (type && !matchesType(type, actual))
            return mismatch(value, actual, parent, key, issues);
        if (enumValues && !enumValues.includes(value)) {
            const hint = typeof value === 'string' ? (0,suggest/* didYouMean */.au)(value, enumNames) : undefined;
            issues.push({ path: pathOf(parent, key), message: `${describe(value)} is not one of ${enumValues.map((e) => JSON.stringify(e)).join(', ')}`, ...(hint ? { hint } : {}) });
            return;
        }
        if (typeof value === 'string')
            return checkString(value, parent, key, issues);
        if (typeof value === 'number') {
            if (minimum !== undefined && value < minimum)
                issues.push({ path: pathOf(parent, key), message: `${value} is below the minimum ${minimum}` });
            if (maximum !== undefined && value > maximum)
                issues.push({ path: pathOf(parent, key), message: `${value} is above the maximum ${maximum}` });
            return;
        }
        if (Array.isArray(value)) {
            if (minItems !== undefined && value.length < minItems)
                issues.push({ path: pathOf(parent, key), message: `needs at least ${minItems} item(s)` });
            if (items && value.length > 0) {
                const here = key === undefined ? parent : { up: parent, key };
                for (let i = 0; i < value.length; i++)
                    items(value[i], here, i, issues);
            }
            return;
        }
        if (actual === 'object')
            checkObject(value, parent, key, issues);
    };
}
function stringCheck(schema) {
    const { minLength } = schema;
    const pattern = schema.pattern ? regex(schema.pattern) : undefined;
    const noun = schema.description ? nounOf(schema.description) : 'value';
    return (value, parent, key, issues) => {
        if (minLength !== undefined && value.length < minLength)
            issues.push({ path: pathOf(parent, key), message: 'must not be empty' });
        else if (pattern && !pattern.test(value))
            issues.push({ path: pathOf(parent, key), message: `${describe(value)} is not a valid ${noun}`, hint: `must match ${schema.pattern}` });
    };
}
function objectCheck(schema) {
    const required = schema.required;
    const names = schema.propertyNames?.pattern ? regex(schema.propertyNames.pattern) : undefined;
    const properties = new Map();
    for (const name of Object.keys(schema.properties ?? {}))
        properties.set(name, checkOf(schema.properties[name]));
    const propertyNames = [...properties.keys()];
    const additional = schema.additionalProperties;
    const other = typeof additional === 'object' ? checkOf(additional) : undefined;
    return (record, parent, key, issues) => {
        const here = key === undefined ? parent : { up: parent, key };
        if (required)
            for (const name of required)
                if (!(name in record))
                    issues.push({ path: pathOf(here, undefined), message: `missing required key '${name}'` });
        const keys = Object.keys(record);
        for (let k = 0; k < keys.length; k++) {
            const name = keys[k];
            if (names && !names.test(name)) {
                issues.push({ path: pathOf(here, name), atKey: true, message: `'${name}' is not a valid name`, hint: 'use lower-case letters, digits and dashes' });
            }
            const check = properties.get(name);
            if (check)
                check(record[name], here, name, issues);
            else if (additional === false) {
                const hint = (0,suggest/* didYouMean */.au)(name, propertyNames);
                issues.push({ path: pathOf(here, name), atKey: true, message: `unknown key '${name}'`, ...(hint ? { hint } : {}) });
            }
            else if (other)
                other(record[name], here, name, issues);
        }
    };
}
/**
 * A schema description as the noun after "a valid": without its article ("An SSM parameter ARN" read "a valid an
 * ...") or final period; only a capitalised first word is lower-cased, so AWS, SSM and Secrets Manager keep theirs.
 */
function nounOf(description) {
    const noun = description.replace(/\.$/, '').replace(/^(an?|the) /i, '');
    return noun.replace(/^[A-Z](?=[a-z])/, (first) => first.toLowerCase());
}

// EXTERNAL MODULE: ./packages/catalog/src/yaml-source.ts + 1 modules
var yaml_source = __webpack_require__(674);
;// CONCATENATED MODULE: ./packages/catalog/src/build-core.ts









/** The empty list every service without dependencies or aliases shares (frozen: nothing may add to it). */
const NONE = Object.freeze([]);
/**
 * buildCatalog without the branch rules loaded: loadCatalog hands them in only when the catalog has environments,
 * so a catalog without them never loads the glob matcher (issue 16). Everything else calls buildCatalog (build.ts).
 */
function buildCatalogCore(input, rules) {
    const problems = [];
    const file = input.services.file;
    const add = (severity, path, message, hint, f = file) => {
        problems.push({ file: f, severity, message, ...(hint ? { hint } : {}), ...(path ? { path } : {}) });
    };
    const parsed = (0,yaml_source.parseYaml)(input.services);
    if (parsed.problem)
        return { problems: [parsed.problem] };
    if (parsed.value === null || typeof parsed.value !== 'object' || Array.isArray(parsed.value)) {
        add('error', undefined, 'the catalog must be a mapping with tiers and services', 'see catalog/schema.json');
        return { problems };
    }
    for (const issue of checkShape(parsed.value, schema/* catalogSchema */.X8)) {
        problems.push(shapeProblem(file, issue));
    }
    // Keep going past shape problems so one run reports every problem; later rules see only well-formed values.
    const doc = wellFormed(parsed.value);
    if (!doc)
        return { problems };
    const droppedPaths = normalisePaths(doc, input.root, add);
    const rawServices = parsed.value.services;
    const tiersWellFormed = doc.tiers.length === parsed.value.tiers.length;
    // Tiers
    const tierIds = new Set();
    doc.tiers.forEach((t, i) => {
        if (tierIds.has(t.id))
            add('error', ['tiers', i, 'id'], `tier ${t.id} is defined twice`);
        tierIds.add(t.id);
    });
    // Names and aliases. Plain indexed loops here and below: this runs once per process over every service, so
    // it runs cold, where iterators and per-item closures cost more than the checks (issue 16: plan at 10,000).
    // `index` gives each name and alias its service's position: dependencies become numbers, so the dependency
    // rules and the cycle check below look nothing up by name.
    const names = new Map();
    const index = new Map();
    const serviceNames = Object.keys(doc.services);
    for (let i = 0; i < serviceNames.length; i++) {
        names.set(serviceNames[i], serviceNames[i]);
        index.set(serviceNames[i], i);
    }
    for (let n = 0; n < serviceNames.length; n++) {
        const name = serviceNames[n];
        const aliases = doc.services[name].aliases;
        if (aliases === undefined)
            continue;
        for (let i = 0; i < aliases.length; i++) {
            const alias = aliases[i];
            const owner = names.get(alias);
            if (owner !== undefined && owner !== name) {
                add('error', ['services', name, 'aliases', i], `alias '${alias}' of ${name} is already ${owner === alias ? 'a service name' : `an alias of ${owner}`}`, 'names and aliases must be unique');
            }
            else {
                names.set(alias, name);
                index.set(alias, index.get(name));
            }
        }
    }
    // Services with defaults filled in, dependencies resolved to canonical names
    const services = new Map();
    const list = [];
    // Every service's dependencies as service positions, one after another: service n's are edgeTargets from
    // edgeStart[n] to edgeStart[n + 1] (no array per service).
    const edgeTargets = [];
    const edgeStart = new Int32Array(serviceNames.length + 1);
    // Dependencies as written, where that differs from the resolved list (an alias, a repeat): to point at them.
    const writtenDeps = new Map();
    const lastTier = doc.tiers.at(-1)?.id ?? 1;
    for (let n = 0; n < serviceNames.length; n++) {
        const name = serviceNames[n];
        const def = doc.services[name];
        const kind = def.kind ?? 'service';
        const written = def.dependsOn;
        // The canonical list is the written one unless an entry is an alias, a repeat or unknown (then a new list).
        let dependsOn = written ?? NONE;
        const first = edgeTargets.length;
        if (written !== undefined) {
            for (let i = 0; i < written.length; i++) {
                const dep = written[i];
                const target = index.get(dep);
                let keep = false;
                if (target === undefined)
                    add('error', ['services', name, 'dependsOn', i], `${name} depends on unknown service '${dep}'`, (0,suggest/* unknownNameHint */.H6)(dep, names.keys()));
                else if (target === n)
                    add('error', ['services', name, 'dependsOn', i], `${name} depends on itself`, `cycle: ${name} -> ${name}`);
                else
                    keep = edgeTargets.indexOf(target, first) === -1; // not a repeat
                // Diverged from the written list: copy its prefix, which was canonical so far.
                if (dependsOn === written && !(keep && serviceNames[target] === dep))
                    dependsOn = written.slice(0, i);
                if (keep) {
                    edgeTargets.push(target);
                    if (dependsOn !== written)
                        dependsOn.push(serviceNames[target]);
                }
            }
            if (dependsOn !== written)
                writtenDeps.set(name, written);
        }
        edgeStart[n + 1] = edgeTargets.length;
        // A key that is present but malformed was reported by the shape check; do not report it missing as well.
        const raw = rawServices[name];
        const rawRecord = isRecord(raw);
        if (kind !== 'library' && rawRecord && !('tier' in raw))
            add('error', ['services', name], `${name} has no tier`, `add tier: 1 to ${lastTier}`);
        // With a malformed tier entry (already reported) the defined tiers are unknown: do not cascade into every service.
        if (def.tier !== undefined && tiersWellFormed && !tierIds.has(def.tier))
            add('error', ['services', name, 'tier'], `${name} is in tier ${def.tier}, which is not defined in tiers`, tierIds.size ? `defined tiers: ${[...tierIds].join(', ')}` : 'tiers: defines none');
        if (kind !== 'infrastructure' && rawRecord && !('path' in raw) && !droppedPaths.has(name))
            add('error', ['services', name], `${name} has no path`, `a ${kind} needs the directory of its code`);
        if (def.deployVia === 'cloudformation' && !def.cloudformation)
            add('error', ['services', name, 'deployVia'], `${name} is deployed via CloudFormation but names no stack`, 'add cloudformation: { stack: NAME, imageParameter: PARAM }');
        // The definition belongs to this build (the parse made it, or wellFormed copied it): completed in place, its keys
        // in the order a spread would give.
        const service = def;
        service.name = name;
        service.kind = kind;
        service.tier = def.tier ?? 0;
        service.dependsOn = dependsOn;
        service.aliases = def.aliases ?? NONE;
        service.disabled = def.disabled ?? false;
        services.set(name, service);
        list.push(service);
    }
    for (let n = 0; n < list.length; n++) {
        const s = list[n];
        const deps = s.dependsOn;
        for (let k = 0; k < deps.length; k++) {
            const dep = deps[k];
            const d = list[edgeTargets[edgeStart[n] + k]];
            const libraryOnService = s.kind === 'library' && d.kind !== 'library';
            const higherTier = d.kind !== 'library' && s.kind !== 'library' && d.tier > s.tier;
            const onDisabled = d.disabled && !s.disabled;
            if (!libraryOnService && !higherTier && !onDisabled)
                continue;
            // Where the dependency is written (it may be written as an alias).
            const at = ['services', s.name, 'dependsOn', (writtenDeps.get(s.name) ?? deps).findIndex((n) => names.get(n) === dep)];
            if (libraryOnService)
                add('error', at, `library ${s.name} depends on ${d.kind} ${dep}`, 'a library may depend only on libraries');
            if (higherTier)
                add('error', at, `${s.name} (tier ${s.tier}) depends on ${dep} (tier ${d.tier}), a higher tier`, `lower tiers deploy first: move ${dep} to tier ${s.tier} or lower, or ${s.name} up`);
            if (onDisabled)
                add('error', at, `${s.name} depends on ${dep}, which is disabled`, `enable ${dep} or drop the dependency`);
        }
    }
    for (const cycle of isAcyclic(edgeStart, edgeTargets) ? [] : findCycles(services)) {
        add('error', ['services', cycle[0], 'dependsOn'], `dependency cycle: ${[...cycle, cycle[0]].join(' -> ')}`, 'remove one of these dependencies');
    }
    const byPath = new Map();
    for (let n = 0; n < list.length; n++) {
        const s = list[n];
        if (s.path === undefined)
            continue;
        const other = byPath.get(s.path);
        if (other)
            add('error', ['services', s.name, 'path'], `${s.name} and ${other} have the same path ${s.path}`, 'each service owns a distinct directory; nesting one inside another is fine');
        else
            byPath.set(s.path, s.name);
        if (input.pathExists && !s.disabled && !input.pathExists(s.path)) {
            add(input.strict ? 'error' : 'warning', ['services', s.name, 'path'], `${s.name}: path ${s.path} does not exist`, 'check the directory; services nested in another directory need the full path');
        }
    }
    const catalog = {
        dir: input.dir,
        root: input.root,
        file,
        platform: doc.platform ?? 'platform',
        tiers: [...doc.tiers].sort((a, b) => a.id - b.id),
        globalPaths: doc.globalPaths ?? [],
        defaults: doc.defaults ?? {},
        services,
        names,
        environments: new Map(),
    };
    for (const source of input.environments) {
        const env = buildEnvironment(source, catalog, problems);
        if (env)
            catalog.environments.set(env.name, env);
    }
    if (catalog.environments.size > 0) {
        if (!rules.overlappingRefs)
            throw new Error('internal error: a catalog with environments was built without the branch rules (BuildRules.overlappingRefs)');
        problems.push(...rules.overlappingRefs(catalog.environments.values()));
    }
    problems.push(...dependencyNotEnabledProblems(catalog));
    problems.push(...secretArnProblems(catalog));
    checkSizes(catalog, problems);
    return { catalog, problems };
}
/**
 * Rewrites every repository path the catalog holds into its one form (repo-path.ts), once, before any rule or
 * package reads it: so duplicate paths are compared, paths checked on disk, and changed files matched all in
 * the same form. A path that cannot be normalised is reported where it is written and dropped; the services
 * whose path was dropped are returned (their path is malformed, not missing).
 */
function normalisePaths(doc, root, add) {
    const dropped = new Set();
    const normalise = (value, kind, at, what) => {
        const n = normaliseRepoPath(value, kind, root);
        if ('path' in n)
            return n.path;
        add('error', at, `${what}: ${n.problem}`, n.hint);
        return undefined;
    };
    const normaliseList = (values, at, what) => values.flatMap((v, i) => normalise(v, 'glob', [...at, i], what) ?? []);
    const normaliseBuild = (build, at, owner) => {
        // A malformed build (not a mapping) was reported by the shape check.
        if (!isRecord(build))
            return build;
        const out = { ...build };
        for (const [key, kind] of [['context', 'context'], ['dockerfile', 'file']]) {
            if (typeof out[key] !== 'string')
                continue;
            const n = normalise(out[key], kind, [...at, key], `${owner} build.${key}`);
            if (n === undefined)
                delete out[key];
            else
                out[key] = n;
        }
        return out;
    };
    doc.globalPaths = normaliseList(doc.globalPaths ?? [], ['globalPaths'], 'globalPaths');
    if (doc.defaults?.build !== undefined)
        doc.defaults = { ...doc.defaults, build: normaliseBuild(doc.defaults.build, ['defaults', 'build'], 'defaults') };
    const names = Object.keys(doc.services);
    for (let n = 0; n < names.length; n++) {
        const name = names[n];
        const def = doc.services[name];
        // Most paths are already in their one form: checked first, so a large catalog allocates nothing for them.
        if (def.path !== undefined && !isCanonicalRepoPath(def.path)) {
            const path = normalise(def.path, 'directory', ['services', name, 'path'], `${name} path`);
            if (path === undefined) {
                delete def.path;
                dropped.add(name);
            }
            else
                def.path = path;
        }
        if (def.watch !== undefined)
            def.watch = normaliseList(def.watch, ['services', name, 'watch'], `${name} watch`);
        if (def.build !== undefined)
            def.build = normaliseBuild(def.build, ['services', name, 'build'], name);
    }
    return dropped;
}
const strings = (v) => (Array.isArray(v) ? v.filter((x) => typeof x === 'string') : undefined);
const isRecord = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/**
 * The parts of a catalog document that the rules can trust after shape problems were reported: malformed
 * values are dropped (their problem is already reported), so a typo in one service does not hide a cycle in
 * another.
 */
function wellFormed(raw) {
    if (!Array.isArray(raw.tiers) || !isRecord(raw.services))
        return undefined;
    const tiers = raw.tiers.filter((t) => isRecord(t) && Number.isInteger(t.id));
    const services = {};
    const rawServices = raw.services;
    const names = Object.keys(rawServices);
    for (let n = 0; n < names.length; n++) {
        const name = names[n];
        const value = rawServices[name];
        // A well-formed definition is used as it is (the parse made it for this build alone); only one with a
        // malformed value is copied without it, so the raw value still tells "malformed" from "missing".
        services[name] = (isRecord(value) && isWellFormedService(value) ? value : withoutMalformedKeys(value));
    }
    return { ...raw, tiers, services, globalPaths: strings(raw.globalPaths) ?? [], defaults: isRecord(raw.defaults) ? raw.defaults : {} };
}
const LIST_KEYS = ['dependsOn', 'aliases', 'watch', 'ignore'];
const KINDS = ['service', 'infrastructure', 'library'];
function isStringList(v) {
    if (!Array.isArray(v))
        return false;
    for (let i = 0; i < v.length; i++)
        if (typeof v[i] !== 'string')
            return false;
    return true;
}
/** Whether every value the rules read from a service definition has its type (the shape check reported any that does not). */
function isWellFormedService(def) {
    for (let k = 0; k < LIST_KEYS.length; k++)
        if (def[LIST_KEYS[k]] !== undefined && !isStringList(def[LIST_KEYS[k]]))
            return false;
    return ((def.tier === undefined || Number.isInteger(def.tier)) &&
        (def.path === undefined || typeof def.path === 'string') &&
        (def.kind === undefined || KINDS.includes(def.kind)) &&
        (def.disabled === undefined || typeof def.disabled === 'boolean') &&
        (def.cpu === undefined || schema/* FARGATE_CPU_UNITS */.M3.includes(def.cpu)) &&
        (def.memory === undefined || Number.isInteger(def.memory)));
}
/** A copy of a service definition without its malformed values (or an empty one for a definition that is not a mapping). */
function withoutMalformedKeys(value) {
    const def = (isRecord(value) ? { ...value } : {});
    for (const key of LIST_KEYS)
        if (def[key] !== undefined)
            def[key] = strings(def[key]);
    if (!Number.isInteger(def.tier))
        delete def.tier;
    if (typeof def.path !== 'string')
        delete def.path;
    if (!KINDS.includes(def.kind))
        delete def.kind;
    if (typeof def.disabled !== 'boolean')
        delete def.disabled;
    if (!schema/* FARGATE_CPU_UNITS */.M3.includes(def.cpu))
        delete def.cpu;
    if (!Number.isInteger(def.memory))
        delete def.memory;
    return def;
}
/** A schema issue as a problem; an unknown key is named by its parent's path, since the message names the key. */
function shapeProblem(file, issue) {
    const where = issue.atKey ? issue.path.slice(0, -1) : issue.path;
    return {
        file,
        severity: 'error',
        message: `${where.length ? `${where.join('.')}: ` : ''}${issue.message}`,
        ...(issue.hint ? { hint: issue.hint } : {}),
        path: issue.path,
        ...(issue.atKey ? { atKey: true } : {}),
    };
}
function buildEnvironment(source, catalog, problems) {
    const add = (path, message, hint, severity = 'error') => {
        problems.push({ file: source.file, severity, message, ...(hint ? { hint } : {}), ...(path ? { path } : {}) });
    };
    const parsed = (0,yaml_source.parseYaml)(source);
    if (parsed.problem) {
        problems.push(parsed.problem);
        return undefined;
    }
    if (!isRecord(parsed.value)) {
        add(undefined, `an environment file must be a mapping, found ${parsed.value === null ? 'nothing' : Array.isArray(parsed.value) ? 'a list' : `${typeof parsed.value} ${JSON.stringify(parsed.value).slice(0, 40)}`}`, 'see catalog/environments/dev.yaml for the form: name, account, region, cluster, ...');
        return undefined;
    }
    const issues = checkShape(parsed.value, schema/* environmentSchema */.VW);
    for (const issue of issues)
        problems.push(shapeProblem(source.file, issue));
    // Keep going past shape problems so one run reports every problem in the file; later rules see only well-formed values.
    const doc = withoutMalformed(parsed.value, issues);
    const expected = (0,external_node_path_.basename)(source.file).replace(/\.ya?ml$/, '');
    if (typeof doc.name === 'string' && doc.name !== expected)
        add(['name'], `environment file ${(0,external_node_path_.basename)(source.file)} is named '${doc.name}'`, `name it '${expected}' or rename the file`);
    for (const name of Object.keys(doc.services ?? {})) {
        if (!catalog.names.has(name))
            add(['services', name], `unknown service '${name}'`, (0,suggest/* didYouMean */.au)(name, catalog.names.keys()));
    }
    const services = Object.fromEntries(Object.entries(doc.services ?? {}).map(([n, o]) => [catalog.names.get(n) ?? n, o]));
    for (const [i, name] of (doc.optionalServices ?? []).entries()) {
        if (name === '*')
            continue;
        const canonical = catalog.names.get(name);
        if (!canonical)
            add(['optionalServices', i], `unknown service '${name}'`, (0,suggest/* didYouMean */.au)(name, catalog.names.keys()));
        else if (!catalog.tiers.find((t) => t.id === catalog.services.get(canonical).tier)?.optional) {
            add(['optionalServices', i], `${canonical} is not in an optional tier, so it is always deployed`, 'list only services of tiers marked optional: true', 'warning');
        }
    }
    // Without its name or region the environment cannot be used; its other problems are reported above.
    if (typeof doc.name !== 'string' || typeof doc.region !== 'string')
        return undefined;
    return { ...doc, services, file: source.file };
}
/**
 * A copy of an environment document without the values the shape check reported (their problems are already
 * reported): a malformed list item is dropped from its list, a malformed per-service setting from its service, any
 * other malformed value with its top-level key. So a typo in one key does not hide a problem in another.
 */
function withoutMalformed(raw, issues) {
    const doc = { ...raw };
    if (isRecord(raw.services))
        doc.services = Object.fromEntries(Object.entries(raw.services).map(([n, o]) => [n, isRecord(o) ? { ...o } : {}]));
    const dropItems = new Map();
    for (const { path } of issues) {
        const [key, second, third] = path;
        if (typeof key !== 'string')
            continue;
        if (key === 'services' && typeof second === 'string' && isRecord(doc.services)) {
            // A malformed override was replaced by {} above; a malformed setting leaves the override's other settings.
            if (third !== undefined)
                delete doc.services[second][String(third)];
        }
        else if (typeof second === 'number' && Array.isArray(raw[key])) {
            dropItems.set(key, (dropItems.get(key) ?? new Set()).add(second));
        }
        else
            delete doc[key];
    }
    for (const [key, items] of dropItems)
        if (Array.isArray(doc[key]))
            doc[key] = doc[key].filter((_, i) => !items.has(i));
    return doc;
}
/**
 * Per environment, an enabled service whose dependency is not enabled there: deploying it `--with-dependencies`
 * would deploy a service the environment does not run, and without that it would start without what it needs.
 * A disabled dependency is reported once, by the catalog's own rule.
 */
function dependencyNotEnabledProblems(catalog) {
    const problems = [];
    for (const env of catalog.environments.values()) {
        for (const s of catalog.services.values()) {
            if (s.kind === 'library' || !(0,settings/* isEnabledIn */.Z)(catalog, s, env))
                continue;
            for (const dep of s.dependsOn) {
                const d = catalog.services.get(dep);
                if (d.kind === 'library' || d.disabled || (0,settings/* isEnabledIn */.Z)(catalog, d, env))
                    continue;
                const switchedOff = env.services?.[d.name]?.enabled === false;
                const enabling = (env.optionalServices ?? []).findIndex((n) => catalog.names.get(n) === s.name);
                problems.push({
                    file: env.file,
                    severity: 'error',
                    message: `${s.name} is enabled in ${env.name} but depends on ${d.name}, which is not enabled there`,
                    hint: switchedOff
                        ? `${env.file} sets enabled: false for ${d.name}: enable it, disable ${s.name} too, or drop ${d.name} from ${s.name}'s dependsOn in ${catalog.file}`
                        : `add ${d.name} to optionalServices in ${env.file}, or drop it from ${s.name}'s dependsOn in ${catalog.file}`,
                    ...(enabling >= 0 ? { path: ['optionalServices', enabling] } : {}),
                });
            }
        }
    }
    return problems;
}
function checkSizes(catalog, problems) {
    const envs = [undefined, ...catalog.environments.values()];
    const services = [...catalog.services.values()];
    for (let n = 0; n < services.length; n++) {
        const s = services[n];
        if (s.kind !== 'service')
            continue;
        for (let e = 0; e < envs.length; e++) {
            const env = envs[e];
            const size = (0,settings/* serviceSize */.bb)(catalog, s, env);
            const fits = isValidFargateSize(size.cpu, size.memory);
            if (fits && size.min <= size.max)
                continue;
            const where = env ? { file: env.file, path: ['services', s.name] } : { file: catalog.file, path: ['services', s.name] };
            const inEnv = env ? ` in ${env.name}` : '';
            if (!fits) {
                problems.push({ ...where, severity: 'error', message: `${s.name}${inEnv}: cpu ${size.cpu} with memory ${size.memory} is not a Fargate task size`, hint: fargateMemoryHint(size.cpu) });
            }
            if (size.min > size.max) {
                problems.push({ ...where, severity: 'error', message: `${s.name}${inEnv}: autoscaling min ${size.min} is above max ${size.max}` });
            }
        }
    }
}
function findCycles(services) {
    const ids = new Map();
    for (const name of services.keys())
        ids.set(name, ids.size);
    const edgeStart = new Int32Array(services.size + 1);
    const edgeTargets = [];
    let n = 0;
    for (const s of services.values()) {
        for (const d of s.dependsOn) {
            const id = ids.get(d);
            if (id !== undefined)
                edgeTargets.push(id);
        }
        edgeStart[++n] = edgeTargets.length;
    }
    if (isAcyclic(edgeStart, edgeTargets))
        return [];
    // Tarjan's algorithm over integer ids (names sorted, so the cycles come out in a stable order).
    const names = [...services.keys()].sort();
    const id = new Map();
    for (let i = 0; i < names.length; i++)
        id.set(names[i], i);
    const edges = names.map((name) => {
        const out = [];
        for (const dep of services.get(name).dependsOn) {
            const d = id.get(dep);
            if (d !== undefined)
                out.push(d);
        }
        return out;
    });
    const index = new Int32Array(names.length).fill(-1);
    const low = new Int32Array(names.length);
    const onStack = new Uint8Array(names.length);
    const stack = [];
    const cycles = [];
    let counter = 0;
    // Iterative, so a 10,000-service chain cannot overflow the call stack: a frame is a node and its next edge.
    const workNode = [];
    const workNext = [];
    const visit = (n) => {
        index[n] = low[n] = counter++;
        stack.push(n);
        onStack[n] = 1;
        workNode.push(n);
        workNext.push(0);
    };
    for (let root = 0; root < names.length; root++) {
        if (index[root] !== -1)
            continue;
        visit(root);
        while (workNode.length) {
            const top = workNode.length - 1;
            const node = workNode[top];
            const deps = edges[node];
            if (workNext[top] < deps.length) {
                const dep = deps[workNext[top]++];
                if (index[dep] === -1)
                    visit(dep);
                else if (onStack[dep])
                    low[node] = Math.min(low[node], index[dep]);
                continue;
            }
            workNode.pop();
            workNext.pop();
            if (top > 0)
                low[workNode[top - 1]] = Math.min(low[workNode[top - 1]], low[node]);
            if (low[node] === index[node]) {
                const component = [];
                let n;
                do {
                    n = stack.pop();
                    onStack[n] = 0;
                    component.push(names[n]);
                } while (n !== node);
                if (component.length > 1)
                    cycles.push(cycleWithin(new Set(component), services));
            }
        }
    }
    return cycles;
}
/**
 * Whether the graph (each node's dependencies as node numbers) has no cycle: one depth-first pass, without the
 * sorting and bookkeeping that naming the cycles needs (the usual case, checked first).
 */
function isAcyclic(edgeStart, edgeTargets) {
    const count = edgeStart.length - 1;
    // 0: not seen, 1: on the current path, 2: done.
    const state = new Uint8Array(count);
    const nodes = [];
    const next = [];
    for (let root = 0; root < count; root++) {
        if (state[root] !== 0)
            continue;
        state[root] = 1;
        nodes.push(root);
        next.push(edgeStart[root]);
        while (nodes.length) {
            const top = nodes.length - 1;
            if (next[top] < edgeStart[nodes[top] + 1]) {
                const dep = edgeTargets[next[top]++];
                if (state[dep] === 1)
                    return false;
                if (state[dep] === 0) {
                    state[dep] = 1;
                    nodes.push(dep);
                    next.push(edgeStart[dep]);
                }
                continue;
            }
            state[nodes.pop()] = 2;
            next.pop();
        }
    }
    return true;
}
/** A concrete cycle inside a strongly connected component, starting from its smallest name. */
function cycleWithin(component, services) {
    const start = [...component].sort()[0];
    const path = [start];
    const seen = new Set([start]);
    let node = start;
    for (;;) {
        const deps = services.get(node).dependsOn.filter((d) => component.has(d)).sort();
        if (deps.includes(start) && path.length > 1)
            return path;
        const next = deps.find((d) => !seen.has(d)) ?? deps[0];
        if (next === start || seen.has(next))
            return path.slice(path.indexOf(next));
        path.push(next);
        seen.add(next);
        node = next;
    }
}


/***/ }),

/***/ 9014:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ isDeployable)
/* harmony export */ });
/** TypeScript view of schema.ts. Keep the two in step: schema.test.ts fails when a schema key has no field here. */
/** Whether a service is built and deployed to ECS (not infrastructure, not a library). */
function isDeployable(s) {
    return s.kind === 'service';
}


/***/ }),

/***/ 4884:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FT: () => (/* binding */ SERVICE_NAME_PATTERN),
/* harmony export */   M3: () => (/* binding */ FARGATE_CPU_UNITS),
/* harmony export */   VW: () => (/* binding */ environmentSchema),
/* harmony export */   X8: () => (/* binding */ catalogSchema),
/* harmony export */   ql: () => (/* binding */ catalogSchemaDocument)
/* harmony export */ });
/* unused harmony export SECRET_ARN_PATTERN */
const str = (description, extra = {}) => ({ type: 'string', description, ...extra });
const int = (description, minimum, maximum) => ({
    type: 'integer',
    description,
    ...(minimum === undefined ? {} : { minimum }),
    ...(maximum === undefined ? {} : { maximum }),
});
const bool = (description, dflt) => ({ type: 'boolean', description, ...(dflt === undefined ? {} : { default: dflt }) });
const list = (description, items = { type: 'string', minLength: 1 }) => ({ type: 'array', description, items });
const obj = (description, properties, required) => ({
    type: 'object',
    description,
    properties,
    additionalProperties: false,
    ...(required ? { required } : {}),
});
const map = (description, values) => ({ type: 'object', description, additionalProperties: values });
const SERVICE_NAME_PATTERN = '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$';
/** A secret reference is an ARN (never a value): SSM Parameter Store or Secrets Manager. */
const SECRET_ARN_PATTERN = '^arn:aws[a-z-]*:(ssm|secretsmanager):[a-z0-9-]+:\\d{12}:(parameter/|secret:).+';
const FARGATE_CPU_UNITS = [256, 512, 1024, 2048, 4096, 8192, 16384];
/** A setting that may be a literal, a CloudFormation stack output or a Terraform output (issue 9). */
const reference = {
    anyOf: [
        { type: 'string', minLength: 1 },
        obj('The value of a CloudFormation stack output, as STACK.OUTPUT.', { stackOutput: str('STACK.OUTPUT', { pattern: '^[A-Za-z][A-Za-z0-9-]*\\.[A-Za-z0-9]+$' }) }, ['stackOutput']),
        obj('The value of a Terraform output of terraform-apply.', { terraformOutput: str('The output name', { minLength: 1 }) }, ['terraformOutput']),
    ],
};
/** Settings an environment may override per service; also the catalog-wide `defaults`. */
const tunables = {
    cpu: { type: 'integer', enum: [...FARGATE_CPU_UNITS], description: 'Task CPU units (Fargate sizes: 256 = 0.25 vCPU).' },
    memory: int('Task memory in MiB; must be valid for the CPU size.', 512, 122880),
    desiredCount: int('Tasks to run.', 0, 1000),
    autoscaling: obj('Target-tracking autoscaling bounds.', {
        min: int('Minimum tasks.', 0, 1000),
        max: int('Maximum tasks.', 1, 1000),
        cpuTarget: int('Target average CPU utilisation, percent.', 1, 100),
        memoryTarget: int('Target average memory utilisation, percent.', 1, 100),
    }),
    spot: bool('May run on Fargate Spot (interruptible, about 70% cheaper). Never for tier 1.'),
    schedule: { type: 'string', enum: ['always', 'business-hours'], description: 'When the service runs: always, or scaled to zero outside the environment\'s business hours.' },
    environment: map('Plain environment variables for the container.', { type: 'string' }),
    secrets: map('Environment variables filled from SSM Parameter Store or Secrets Manager: variable -> ARN (never a value).', str('An SSM parameter or Secrets Manager ARN', { pattern: SECRET_ARN_PATTERN })),
};
const healthCheck = obj('How health-gate and the load balancer decide the service is healthy.', {
    path: str('HTTP path that answers when the service is healthy.', { pattern: '^/' }),
    expectedStatus: int('HTTP status a healthy service answers.', 100, 599),
    healthyThreshold: int('Consecutive good answers required.', 1, 100),
    timeoutSeconds: int('Per-request timeout.', 1, 120),
    intervalSeconds: int('Seconds between checks.', 1, 300),
    gracePeriodSeconds: int('Seconds after start-up before health counts.', 0, 7200),
    url: str('Absolute URL to check instead of the environment URL plus path.'),
});
const service = obj('A deployable service, a piece of infrastructure, or a shared library.', {
    kind: { type: 'string', enum: ['service', 'infrastructure', 'library'], default: 'service', description: 'service: built and deployed to ECS. infrastructure: provisioned by Terraform, ordered like a service, never built or deployed. library: shared code, never deployed; a change affects its dependents.' },
    description: str('What the service does.'),
    owner: str('The owning team.'),
    // Not a pattern: the loader normalises the path (./auth, auth/ are auth) and refuses what it cannot (repo-path.ts).
    path: str('Directory of its code, relative to the repository root (./auth and auth/ are read as auth; no . or .. segments, not absolute).'),
    tier: int('Deploy tier: lower tiers deploy first.', 1, 9),
    dependsOn: list('Services, infrastructure or libraries this one needs (names or aliases).'),
    aliases: list('Short names accepted wherever a service is named (auth for indigenious-auth-service).', { type: 'string', pattern: SERVICE_NAME_PATTERN }),
    disabled: bool('Never selected, built or deployed.', false),
    container: obj('The container in the task definition that runs this service.', {
        name: str('Container name (defaults to the service name).'),
        port: int('Port the container listens on.', 1, 65535),
    }),
    healthCheck,
    ...tunables,
    gpu: int('GPUs per task. Fargate has none: needs capacity ec2-gpu.', 0, 8),
    capacity: { type: 'string', enum: ['fargate', 'ec2-gpu'], description: 'Where tasks run.', default: 'fargate' },
    build: obj('How build-push builds the image.', {
        dockerfile: str('Dockerfile, relative to the repository root (defaults to PATH/Dockerfile).'),
        context: str('Build context, relative to the repository root (defaults to the service path; . is the root).'),
        template: { type: 'string', enum: ['node', 'python'], description: 'Use a bundled multi-stage Dockerfile when the service has none.' },
        args: map('Build arguments.', { type: 'string' }),
    }),
    watch: list('Extra globs whose changes affect this service (repository-relative).'),
    ignore: list('Globs under the service path whose changes do not affect it (e.g. **/*.md).'),
    routing: obj('How the load balancer reaches the service.', {
        public: bool('Reachable through the public ALB.'),
        pathPatterns: list('ALB path patterns routed to it, e.g. /auth/*.', { type: 'string', pattern: '^/' }),
        priority: int('Listener rule priority.', 1, 50000),
    }),
    alarms: list('CloudWatch alarm names that must not be in ALARM after a deploy (defaults: alarms named after the service).'),
    deployVia: { type: 'string', enum: ['ecs', 'cloudformation'], default: 'ecs', description: 'ecs: tierdeploy updates the ECS service. cloudformation: it updates the stack that owns the service.' },
    cloudformation: obj('The stack that owns a deployVia: cloudformation service.', {
        stack: str('Stack name.', { minLength: 1 }),
        imageParameter: str('Stack parameter that carries the image.', { minLength: 1 }),
    }, ['stack', 'imageParameter']),
    ecr: obj('The image repository.', {
        repository: str('ECR repository name (defaults to PLATFORM/SERVICE).'),
        create: bool('build-push may create the repository when missing.'),
    }),
});
const tier = obj('A deploy tier.', {
    id: int('Tier number; lower tiers deploy first.', 1, 9),
    name: str('Short name, e.g. core.', { minLength: 1 }),
    description: str('What the tier holds.'),
    optional: bool('Services of this tier deploy only in environments that enable them (optionalServices).', false),
}, ['id', 'name']);
const catalogSchema = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://github.com/tierdeploy/tierdeploy/catalog/schema.json',
    title: 'tierdeploy service catalog (catalog/services.yaml)',
    type: 'object',
    additionalProperties: false,
    required: ['tiers', 'services'],
    properties: {
        version: { type: 'integer', enum: [1], description: 'Catalog format version.' },
        platform: str('Platform name, used in resource names.', { pattern: SERVICE_NAME_PATTERN }),
        description: str('What the platform is.'),
        tiers: { type: 'array', description: 'Deploy tiers, lowest first.', items: tier, minItems: 1 },
        globalPaths: list('Files or globs whose change affects every service.'),
        defaults: obj('Settings every service gets unless it sets its own.', {
            ...tunables,
            container: service.properties.container,
            healthCheck,
            build: service.properties.build,
            ignore: service.properties.ignore,
        }),
        services: { type: 'object', description: 'Services by name.', propertyNames: { type: 'string', pattern: SERVICE_NAME_PATTERN }, additionalProperties: service },
    },
};
const override = obj('Per-service settings for this environment.', {
    ...tunables,
    enabled: bool('Enable (an optional-tier service) or disable the service in this environment.'),
    healthCheck,
});
const environmentSchema = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://github.com/tierdeploy/tierdeploy/catalog/environment.schema.json',
    title: 'tierdeploy environment (catalog/environments/ENV.yaml)',
    type: 'object',
    additionalProperties: false,
    required: ['name', 'region'],
    properties: {
        name: str('Environment name; must match the file name.', { pattern: SERVICE_NAME_PATTERN }),
        description: str('What the environment is for.'),
        account: str('AWS account ID.', { pattern: '^\\d{12}$' }),
        region: str('AWS region.', { pattern: '^[a-z]{2}(-gov)?-[a-z]+-\\d$' }),
        cluster: { ...reference, description: 'ECS cluster name or ARN.' },
        roleArn: { ...reference, description: 'IAM role that deploys, assumed with GitHub OIDC.' },
        buildRoleArn: str('IAM role of the jobs before the approval (Terraform plan, image builds): reads state, pushes images, changes nothing that runs. deploy.yml falls back to roleArn without it.', { pattern: '^arn:aws[a-z-]*:iam::\\d{12}:role/.+' }),
        requireApproval: bool('Deploys wait for a reviewer (a GitHub environment with required reviewers).', false),
        url: str('Base URL of the environment, for health checks and the GitHub deployment.'),
        branches: list('Git branches (globs) that deploy to this environment.'),
        tags: list('Git tag patterns (globs) that deploy to this environment.'),
        promotesFrom: str('Environment whose verified images this one receives (production from staging).'),
        optionalServices: list('Services of optional tiers enabled here (names, aliases, or * for all).'),
        defaults: obj('Settings for every service in this environment.', { ...tunables }),
        services: { type: 'object', description: 'Per-service overrides.', additionalProperties: override },
        network: obj('Where tasks run.', {
            vpcCidr: str('VPC CIDR block (Terraform).', { pattern: '^\\d+\\.\\d+\\.\\d+\\.\\d+/\\d+$' }),
            natGateways: { type: 'string', enum: ['single', 'per-az'], description: 'One NAT gateway, or one per availability zone.' },
            subnets: list('Private subnet IDs for tasks.', reference),
            securityGroups: list('Security group IDs for tasks.', reference),
            assignPublicIp: bool('Give tasks public IPs (never in production).'),
        }),
        serviceConnectNamespace: { ...reference, description: 'Cloud Map namespace for Service Connect.' },
        logGroup: { ...reference, description: 'CloudWatch Logs group prefix.' },
        ssmPrefix: str('SSM Parameter Store prefix of this environment\'s configuration.', { pattern: '^/' }),
        businessHours: obj('When business-hours services run.', {
            timezone: str('IANA time zone, e.g. America/Toronto.'),
            start: str('Start, HH:MM.', { pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' }),
            end: str('End, HH:MM.', { pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' }),
            days: list('Days, mon..sun.', { type: 'string', enum: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] }),
        }),
        terraform: obj('The Terraform root of this environment and what to give it. Paths are relative to the repository (the catalog directory\'s parent).', {
            workingDirectory: str('Root module directory (default terraform/environments/ENV).', { minLength: 1 }),
            varFiles: list('-var-file files for plans, in order. The one named catalog.tfvars.json (or catalog.auto.tfvars.json) is where `tierdeploy terraform-vars` writes the catalog\'s values; without one, that is WORKING_DIRECTORY/catalog.auto.tfvars.json.'),
            backendConfig: list('-backend-config files (or key=value pairs) for terraform init: which state this environment uses.'),
            stateBucket: str('S3 bucket holding the state.'),
            stateKey: str('Key of this environment\'s state.'),
        }),
    },
};
/** The schema file written to catalog/schema.json: the catalog, with the environment schema under $defs. */
function catalogSchemaDocument() {
    return { ...catalogSchema, $defs: { environment: environmentSchema } };
}


/***/ }),

/***/ 1214:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ isEnabledIn),
/* harmony export */   bb: () => (/* binding */ serviceSize),
/* harmony export */   xw: () => (/* binding */ serviceSettings)
/* harmony export */ });
const BUILT_IN = { cpu: 256, memory: 512, desiredCount: 1, spot: false, schedule: 'always' };
function serviceSettings(catalog, service, environment) {
    // Layers from weakest to strongest; written out rather than looped over with closures, since deploys, plans
    // and the catalog's own size check call this once per service (issue 16: a 10,000-service plan runs it cold).
    const defaults = catalog.defaults;
    const envDefaults = environment?.defaults ?? NONE;
    const override = environment?.services?.[service.name] ?? NONE;
    const size = serviceSize(catalog, service, environment);
    const scaling = { ...defaults.autoscaling, ...service.autoscaling, ...envDefaults.autoscaling, ...override.autoscaling };
    return {
        cpu: size.cpu,
        memory: size.memory,
        desiredCount: size.desiredCount,
        spot: override.spot ?? envDefaults.spot ?? service.spot ?? defaults.spot ?? BUILT_IN.spot,
        schedule: override.schedule ?? envDefaults.schedule ?? service.schedule ?? defaults.schedule ?? BUILT_IN.schedule,
        autoscaling: { ...scaling, min: size.min, max: size.max },
        environment: { ...defaults.environment, ...service.environment, ...envDefaults.environment, ...override.environment },
        secrets: { ...defaults.secrets, ...service.secrets, ...envDefaults.secrets, ...override.secrets },
        healthCheck: { expectedStatus: 200, healthyThreshold: 3, timeoutSeconds: 5, intervalSeconds: 10, ...defaults.healthCheck, ...service.healthCheck, ...override.healthCheck },
        containerName: service.container?.name ?? defaults.container?.name ?? service.name,
        port: service.container?.port ?? defaults.container?.port,
    };
}
const NONE = {};
function serviceSize(catalog, service, environment) {
    const defaults = catalog.defaults;
    const envDefaults = environment?.defaults ?? NONE;
    const override = environment?.services?.[service.name] ?? NONE;
    const desiredCount = override.desiredCount ?? envDefaults.desiredCount ?? service.desiredCount ?? defaults.desiredCount ?? BUILT_IN.desiredCount;
    const min = override.autoscaling?.min ?? envDefaults.autoscaling?.min ?? service.autoscaling?.min ?? defaults.autoscaling?.min ?? desiredCount;
    const max = override.autoscaling?.max ?? envDefaults.autoscaling?.max ?? service.autoscaling?.max ?? defaults.autoscaling?.max ?? Math.max(desiredCount, min);
    return {
        cpu: override.cpu ?? envDefaults.cpu ?? service.cpu ?? defaults.cpu ?? BUILT_IN.cpu,
        memory: override.memory ?? envDefaults.memory ?? service.memory ?? defaults.memory ?? BUILT_IN.memory,
        desiredCount,
        min,
        max,
    };
}
/**
 * Whether the service takes part in deploys to this environment: not disabled, not switched off by the
 * environment, and, in an optional tier, enabled by the environment's optionalServices.
 */
function isEnabledIn(catalog, service, environment) {
    if (service.disabled)
        return false;
    if (!environment)
        return true;
    const override = environment.services?.[service.name]?.enabled;
    if (override !== undefined)
        return override;
    const tier = catalog.tiers.find((t) => t.id === service.tier);
    if (!tier?.optional)
        return true;
    const enabled = environment.optionalServices ?? [];
    return enabled.includes('*') || enabled.some((n) => catalog.names.get(n) === service.name);
}


/***/ })

},
 } })

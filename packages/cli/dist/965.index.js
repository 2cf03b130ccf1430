(function (__tierdeployImportMeta) { return { id: 965,
ids: [965],
modules: {

/***/ 1333:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   VO: () => (/* binding */ streamLogger),
/* harmony export */   ml: () => (/* binding */ systemClock),
/* harmony export */   qq: () => (/* binding */ silentLogger)
/* harmony export */ });
const systemClock = {
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
const silentLogger = { debug() { }, info() { }, warning() { }, error() { } };
/** A logger that writes to a stream (the CLI's stderr), with debug lines only when asked. */
function streamLogger(write, verbose = false) {
    return {
        debug: (m) => { if (verbose)
            write(`debug: ${m}`); },
        info: (m) => write(m),
        warning: (m) => write(`warning: ${m}`),
        error: (m) => write(`error: ${m}`),
    };
}


/***/ }),

/***/ 6441:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  TU: () => (/* binding */ Git),
  XS: () => (/* binding */ GitError),
  XZ: () => (/* binding */ gitRunner),
  F_: () => (/* binding */ parseNameStatus)
});

// UNUSED EXPORTS: refReader

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:module"
var external_node_module_ = __webpack_require__(8995);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./packages/catalog/src/errors.ts
var errors = __webpack_require__(2332);
;// CONCATENATED MODULE: ./packages/changes/src/git-files.ts


/** Variables that move the repository, its refs or its objects away from where the files below would be found, or change what git reads. */
const RELOCATING_ENV = [
    'GIT_DIR',
    'GIT_WORK_TREE',
    'GIT_COMMON_DIR',
    'GIT_NAMESPACE',
    'GIT_CEILING_DIRECTORIES',
    'GIT_DISCOVERY_ACROSS_FILESYSTEM',
    'GIT_OBJECT_DIRECTORY',
    'GIT_ALTERNATE_OBJECT_DIRECTORIES',
    'GIT_REPLACE_REF_BASE',
    'GIT_NO_REPLACE_OBJECTS',
    'GIT_GRAFT_FILE',
    'GIT_SHALLOW_FILE',
];
/** The git directory (HEAD) and common directory (refs, objects) of the repository `cwd` is in, as git discovers them. */
function findGitDirs(cwd) {
    for (let dir = (0,external_node_path_.resolve)(cwd);; dir = (0,external_node_path_.dirname)(dir)) {
        const dotGit = (0,external_node_path_.join)(dir, '.git');
        const kind = (() => {
            try {
                const s = (0,external_node_fs_.statSync)(dotGit);
                return s.isDirectory() ? 'dir' : s.isFile() ? 'file' : undefined;
            }
            catch {
                return undefined;
            }
        })();
        let gitDir;
        if (kind === 'dir')
            gitDir = dotGit;
        else if (kind === 'file') {
            // A worktree or submodule: `.git` is a file naming the git directory.
            const named = /^gitdir: (.+)$/m.exec(readIfFile(dotGit) ?? '')?.[1]?.trim();
            if (!named)
                return undefined;
            gitDir = (0,external_node_path_.resolve)(dir, named);
        }
        if (gitDir !== undefined) {
            const common = readIfFile((0,external_node_path_.join)(gitDir, 'commondir'))?.trim();
            return { top: dir, gitDir, commonDir: common ? (0,external_node_path_.resolve)(gitDir, common) : gitDir };
        }
        if ((0,external_node_path_.dirname)(dir) === dir)
            return undefined;
    }
}
function readIfFile(path) {
    try {
        return (0,external_node_fs_.readFileSync)(path, 'utf8');
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./packages/changes/src/git-objects.ts




/** The reader for the repository `cwd` is in; `resolveRef` turns HEAD or a branch into a SHA (refReader). */
function gitObjects(cwd, env, resolveRef) {
    /** Runs `read` over a freshly opened store (files closed after), undefined on anything unexpected. */
    const withStore = (read) => {
        let store;
        try {
            store = openStore(cwd, env);
            return store && read(store);
        }
        catch {
            return undefined;
        }
        finally {
            store?.close();
        }
    };
    return {
        firstParentDiff: (ref) => withStore((s) => {
            const sha = resolveRef(ref);
            if (sha === undefined || !SHA1.test(sha))
                return undefined;
            const head = s.commit(sha.toLowerCase());
            // At a shallow clone's boundary git sees no parent: its own path reports that.
            if (!head || s.shallow.has(head.sha))
                return undefined;
            const parent = head.parents[0] && s.commit(head.parents[0]);
            if (!parent)
                return undefined;
            const changes = s.diff(parent.tree, head.tree);
            return changes && { head: head.sha, parent: parent.sha, changes };
        }),
        treeDiff: (base, head) => withStore((s) => {
            if (!SHA1.test(base) || !SHA1.test(head))
                return undefined;
            const [a, b] = [s.commit(base.toLowerCase()), s.commit(head.toLowerCase())];
            return a && b ? s.diff(a.tree, b.tree) : undefined;
        }),
    };
}
const SHA1 = /^[0-9a-f]{40}$/i;
/** Raised inside the reader when git's answer could differ from a plain tree diff: the caller asks git. */
class Decline extends Error {
}
const TYPES = [undefined, 'commit', 'tree', 'blob', 'tag'];
const OFS_DELTA = 6;
const REF_DELTA = 7;
let zlib;
const requireBuiltin = (0,external_node_module_.createRequire)(__tierdeployImportMeta.url);
function inflate(data, size) {
    zlib ??= requireBuiltin('node:zlib');
    // Trailing bytes after the compressed stream (the next object in a pack) are ignored. The output buffer is
    // sized to the object (zlib's default, 16 KiB a call, is garbage for hundreds of small trees).
    return zlib.inflateSync(data, { chunkSize: Math.max(64, Math.min(1 << 16, size ?? data.length * 4)) });
}
function openStore(cwd, env) {
    if (RELOCATING_ENV.some((v) => env[v] !== undefined))
        return undefined;
    const dirs = findGitDirs(cwd);
    if (!dirs || !usable(dirs))
        return undefined;
    // --relative: paths below the directory git runs in, without its prefix.
    const prefix = (0,external_node_path_.relative)((0,external_node_fs_.realpathSync)(dirs.top), (0,external_node_fs_.realpathSync)(cwd)).split(external_node_path_.sep).join('/');
    if (prefix.startsWith('..') || prefix === '.git' || prefix.startsWith('.git/'))
        return undefined;
    const objects = (0,external_node_path_.join)(dirs.commonDir, 'objects');
    const packs = (0,external_node_fs_.readdirSync)((0,external_node_path_.join)(objects, 'pack'))
        .filter((f) => f.endsWith('.idx'))
        .sort()
        .map((f) => new Pack((0,external_node_path_.join)(objects, 'pack', f)));
    const cache = new Map();
    const shallow = new Set((readIfFile((0,external_node_path_.join)(dirs.commonDir, 'shallow')) ?? '').split('\n').map((l) => l.trim().toLowerCase()).filter(Boolean));
    const read = (sha) => {
        if (cache.has(sha))
            return cache.get(sha);
        let found;
        // A fresh clone holds everything in its pack; commits made since are loose files.
        const key = packs.length ? Buffer.from(sha, 'hex') : undefined;
        for (const pack of packs) {
            const offset = pack.find(key);
            if (offset !== undefined) {
                found = pack.objectAt(offset, read);
                break;
            }
        }
        if (!found) {
            // Concatenated, not path.join: `objects` is absolute and normal already, and join's normalising is most of
            // the cost of a cold path (issue 16).
            const loose = readLoose(`${objects}${external_node_path_.sep}${sha.slice(0, 2)}${external_node_path_.sep}${sha.slice(2)}`);
            if (loose)
                found = parseLoose(inflate(loose));
        }
        cache.set(sha, found);
        return found;
    };
    const readAs = (sha, type) => {
        const object = read(sha);
        if (!object || object.type !== type)
            throw new Decline();
        return object.data;
    };
    const commit = (sha) => {
        // `REF^{commit}`: an annotated tag is followed to what it tags.
        for (let depth = 0; depth < 8; depth++) {
            const object = read(sha);
            if (!object)
                return undefined;
            const header = object.data.toString('latin1', 0, headerEnd(object.data));
            if (object.type === 'tag') {
                const target = /^object ([0-9a-f]{40})$/m.exec(header)?.[1];
                if (!target)
                    return undefined;
                sha = target;
                continue;
            }
            if (object.type !== 'commit')
                return undefined;
            const tree = /^tree ([0-9a-f]{40})$/m.exec(header)?.[1];
            if (!tree)
                return undefined;
            const parents = [...header.matchAll(/^parent ([0-9a-f]{40})$/gm)].map((m) => m[1]);
            return { sha, tree, parents };
        }
        return undefined;
    };
    /** The tree at `prefix` inside a commit's tree, undefined when there is none (an empty side). */
    const subtree = (root, path) => {
        let tree = root;
        for (const part of path === '' ? [] : path.split('/')) {
            const t = parseTree(readAs(tree, 'tree'));
            let found;
            for (let i = 0; i < t.count && found === undefined; i++)
                if (t.kind[i] === TREE && nameOf(t, i) === part)
                    found = shaOf(t, i);
            if (found === undefined)
                return undefined;
            tree = found;
        }
        return tree;
    };
    const diff = (baseRoot, headRoot) => {
        try {
            const out = [];
            diffTrees(subtree(baseRoot, prefix), subtree(headRoot, prefix), '', out, (sha) => parseTree(readAs(sha, 'tree')));
            // git pairs a deleted and an added file into a rename (-M) by content similarity: left to git.
            if (out.some((c) => c.status === 'deleted') && out.some((c) => c.status === 'added'))
                return undefined;
            return out;
        }
        catch (e) {
            if (e instanceof Decline)
                return undefined;
            throw e;
        }
    };
    return { shallow, commit, diff, close: () => packs.forEach((p) => p.close()) };
}
/** Whether git would read this repository as these files say: declined when the config or extra files change that. */
function usable(dirs) {
    // git refuses a repository another user owns (safe.directory); it is git's to decide, with its message.
    if (typeof process.getuid === 'function' && (0,external_node_fs_.statSync)(dirs.top).uid !== process.getuid())
        return false;
    // The repository's config and a worktree's own (extensions.worktreeConfig).
    const config = (readIfFile((0,external_node_path_.join)(dirs.commonDir, 'config')) ?? '') + (readIfFile((0,external_node_path_.join)(dirs.gitDir, 'config.worktree')) ?? '');
    if (/^\s*(?:worktree|objectformat|bare\s*=\s*true)|^\s*\[\s*include/im.test(config))
        return false;
    if ((0,external_node_fs_.existsSync)((0,external_node_path_.join)(dirs.commonDir, 'info', 'grafts')) || (0,external_node_fs_.existsSync)((0,external_node_path_.join)(dirs.commonDir, 'objects', 'info', 'alternates')))
        return false;
    // Replace refs make git read other objects in place of these.
    const replace = (0,external_node_path_.join)(dirs.commonDir, 'refs', 'replace');
    if ((0,external_node_fs_.existsSync)(replace) && (0,external_node_fs_.readdirSync)(replace).length > 0)
        return false;
    if (/ refs\/replace\//.test(readIfFile((0,external_node_path_.join)(dirs.commonDir, 'packed-refs')) ?? ''))
        return false;
    return true;
}
const scratch = Buffer.allocUnsafe(1 << 16);
/** A loose object's bytes, or undefined when there is no such file: one open, one read, one close for the usual small object. */
function readLoose(path) {
    let fd;
    try {
        fd = (0,external_node_fs_.openSync)(path, 'r');
    }
    catch (e) {
        if (e.code === 'ENOENT')
            return undefined;
        throw e;
    }
    try {
        const n = (0,external_node_fs_.readSync)(fd, scratch, 0, scratch.length, 0);
        return n < scratch.length ? Buffer.from(scratch.subarray(0, n)) : (0,external_node_fs_.readFileSync)(path);
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
function headerEnd(data) {
    const end = data.indexOf('\n\n');
    return end === -1 ? data.length : end;
}
function parseLoose(raw) {
    const nul = raw.indexOf(0);
    const [type, size] = raw.toString('latin1', 0, nul).split(' ');
    if (!TYPES.includes(type) || Number(size) !== raw.length - nul - 1)
        throw new Decline();
    return { type: type, data: raw.subarray(nul + 1) };
}
const TREE = 0;
const FILE = 1;
const EXECUTABLE = 2;
const SYMLINK = 3;
function parseTree(data) {
    let capacity = 16;
    let start = new Int32Array(capacity);
    let end = new Int32Array(capacity);
    let kind = new Uint8Array(capacity);
    let count = 0;
    let at = 0;
    while (at < data.length) {
        // Byte loops, not Buffer#indexOf: entries are short, and a call per entry costs more than the scan.
        let space = at;
        while (space < data.length && data[space] !== 0x20)
            space++;
        let nul = space + 1;
        while (nul < data.length && data[nul] !== 0)
            nul++;
        if (nul + 21 > data.length)
            throw new Decline();
        const k = modeKind(data, at, space);
        // A submodule (160000) or anything unusual: git's own rules apply (diff.ignoreSubmodules and more).
        if (k === -1)
            throw new Decline();
        if (count === capacity) {
            capacity *= 2;
            const [s2, e2, k2] = [new Int32Array(capacity), new Int32Array(capacity), new Uint8Array(capacity)];
            s2.set(start);
            e2.set(end);
            k2.set(kind);
            [start, end, kind] = [s2, e2, k2];
        }
        start[count] = space + 1;
        end[count] = nul;
        kind[count] = k;
        count++;
        at = nul + 21;
    }
    return { data, start, end, kind, count };
}
/** The kind a mode names: 40000 a tree, 100644 (and git's old group-writable 100664 and 100640) a file, 100755, 120000; -1 otherwise. */
function modeKind(data, from, to) {
    if (to - from > 6)
        return -1;
    let mode = 0;
    for (let k = from; k < to; k++) {
        const digit = data[k] - 0x30;
        if (digit < 0 || digit > 7)
            return -1;
        mode = mode * 8 + digit;
    }
    switch (mode) {
        case 0o40000:
            return to - from === 5 ? TREE : -1;
        case 0o100644:
        case 0o100664:
        case 0o100640:
            return FILE;
        case 0o100755:
            return EXECUTABLE;
        case 0o120000:
            return SYMLINK;
        default:
            return -1;
    }
}
/** git's tree order: names compared byte by byte, a tree's name as if it ended in '/'. */
function compareEntries(a, i, b, j) {
    const [as, ae, bs, be] = [a.start[i], a.end[i], b.start[j], b.end[j]];
    const length = Math.min(ae - as, be - bs);
    const c = a.data.compare(b.data, bs, bs + length, as, as + length);
    if (c !== 0)
        return c;
    const ca = ae - as > length ? a.data[as + length] : a.kind[i] === TREE ? 0x2f : 0;
    const cb = be - bs > length ? b.data[bs + length] : b.kind[j] === TREE ? 0x2f : 0;
    return ca - cb;
}
const nameOf = (t, i) => t.data.toString('utf8', t.start[i], t.end[i]);
const shaOf = (t, i) => t.data.toString('hex', t.end[i] + 1, t.end[i] + 21);
/** Where entry i starts (its mode): right after the previous entry's SHA. */
const entryStart = (t, i) => (i === 0 ? 0 : t.end[i - 1] + 21);
const sameEntry = (a, i, b, j) => {
    const [as, bs] = [entryStart(a, i), entryStart(b, j)];
    const length = a.end[i] + 21 - as;
    return length === b.end[j] + 21 - bs && a.data.compare(b.data, bs, bs + length, as, as + length) === 0;
};
const sameSha = (a, i, b, j) => a.data.compare(b.data, b.end[j] + 1, b.end[j] + 21, a.end[i] + 1, a.end[i] + 21) === 0;
/** Both trees walked in git's order, the way `git diff` walks them, into name-status changes. */
function diffTrees(a, b, path, out, trees) {
    if (a === b)
        return;
    const left = a === undefined ? undefined : trees(a);
    const right = b === undefined ? undefined : trees(b);
    const [ln, rn] = [left?.count ?? 0, right?.count ?? 0];
    let i = 0;
    let j = 0;
    while (i < ln || j < rn) {
        // Most entries of a big tree are the same on both sides: mode, name and SHA compared as one run of bytes.
        if (i < ln && j < rn && sameEntry(left, i, right, j)) {
            i++;
            j++;
            continue;
        }
        const c = i >= ln ? 1 : j >= rn ? -1 : compareEntries(left, i, right, j);
        if (c < 0) {
            whole(left, i, path, 'deleted', out, trees);
            i++;
        }
        else if (c > 0) {
            whole(right, j, path, 'added', out, trees);
            j++;
        }
        else {
            const [lk, rk] = [left.kind[i], right.kind[j]];
            if (lk !== rk || !sameSha(left, i, right, j)) {
                const name = `${path}${nameOf(left, i)}`;
                if (lk === TREE)
                    diffTrees(shaOf(left, i), shaOf(right, j), `${name}/`, out, trees);
                // A file that became a symlink (or back) is a type change; a new mode alone is a modification.
                else
                    out.push({ status: (lk === SYMLINK) === (rk === SYMLINK) ? 'modified' : 'type-changed', path: name });
            }
            i++;
            j++;
        }
    }
}
function whole(tree, i, path, status, out, trees) {
    const name = `${path}${nameOf(tree, i)}`;
    if (tree.kind[i] !== TREE)
        out.push({ status, path: name });
    else {
        const sha = shaOf(tree, i);
        diffTrees(status === 'deleted' ? sha : undefined, status === 'added' ? sha : undefined, `${name}/`, out, trees);
    }
}
/** One pack: its index (version 2) read where needed, the pack read object by object. */
class Pack {
    idxPath;
    idx;
    pack;
    fanout;
    /** The object names of one first byte, read when first asked (a pack of n objects: n / 256 names a read). */
    buckets = new Map();
    resolved = new Map();
    constructor(idxPath) {
        this.idxPath = idxPath;
    }
    /** The object's offset in the pack, or undefined when this pack does not hold it. */
    find(sha) {
        if (this.idx === undefined) {
            this.idx = (0,external_node_fs_.openSync)(this.idxPath, 'r');
            const head = readAt(this.idx, 0, 8 + 256 * 4);
            // Version 1 indexes (no magic number) are left to git.
            if (head.readUInt32BE(0) !== 0xff744f63 || head.readUInt32BE(4) !== 2)
                throw new Decline();
            this.fanout = new Uint32Array(256);
            for (let k = 0; k < 256; k++)
                this.fanout[k] = head.readUInt32BE(8 + k * 4);
        }
        const fanout = this.fanout;
        const count = fanout[255];
        const first = sha[0];
        const start = first === 0 ? 0 : fanout[first - 1];
        const end = fanout[first];
        const names = 8 + 256 * 4;
        let bucket = this.buckets.get(first);
        if (!bucket)
            this.buckets.set(first, (bucket = readAt(this.idx, names + start * 20, (end - start) * 20)));
        let lo = 0;
        let hi = end - start;
        while (lo < hi) {
            const mid = (lo + hi) >>> 1;
            const c = Buffer.compare(bucket.subarray(mid * 20, mid * 20 + 20), sha);
            if (c === 0) {
                const position = start + mid;
                const offsets = names + count * 24;
                const small = readAt(this.idx, offsets + position * 4, 4).readUInt32BE(0);
                if ((small & 0x80000000) === 0)
                    return small;
                const large = readAt(this.idx, offsets + count * 4 + (small & 0x7fffffff) * 8, 8);
                return large.readUInt32BE(0) * 2 ** 32 + large.readUInt32BE(4);
            }
            if (c < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        return undefined;
    }
    /** The object at `offset`, its deltas applied (`read` finds a REF_DELTA's base anywhere in the repository). */
    objectAt(offset, read, depth = 0) {
        const known = this.resolved.get(offset);
        if (known)
            return known;
        if (depth > 4096)
            throw new Decline();
        this.pack ??= (0,external_node_fs_.openSync)(this.idxPath.replace(/\.idx$/, '.pack'), 'r');
        const head = readAt(this.pack, offset, 64);
        let byte = head[0];
        const typeCode = (byte >> 4) & 7;
        let size = byte & 15;
        let shift = 4;
        let at = 1;
        while (byte & 0x80) {
            byte = head[at++];
            size += (byte & 0x7f) * 2 ** shift;
            shift += 7;
        }
        let base;
        if (typeCode === OFS_DELTA) {
            byte = head[at++];
            let back = byte & 0x7f;
            while (byte & 0x80) {
                byte = head[at++];
                back = (back + 1) * 128 + (byte & 0x7f);
            }
            base = this.objectAt(offset - back, read, depth + 1);
        }
        else if (typeCode === REF_DELTA) {
            base = read(head.toString('hex', at, at + 20));
            at += 20;
            if (!base)
                throw new Decline();
        }
        else if (TYPES[typeCode] === undefined)
            throw new Decline();
        // Deflate never grows data by more than a few bytes per 16 KiB block.
        const data = inflate(readAt(this.pack, offset + at, size + (size >>> 9) + 256), size + 1);
        if (data.length !== size)
            throw new Decline();
        const object = base ? { type: base.type, data: applyDelta(base.data, data) } : { type: TYPES[typeCode], data };
        this.resolved.set(offset, object);
        return object;
    }
    close() {
        for (const fd of [this.idx, this.pack])
            if (fd !== undefined)
                (0,external_node_fs_.closeSync)(fd);
    }
}
function readAt(fd, position, length) {
    const buffer = Buffer.allocUnsafe(length);
    let filled = 0;
    while (filled < length) {
        const n = (0,external_node_fs_.readSync)(fd, buffer, filled, length - filled, position + filled);
        if (n === 0)
            break;
        filled += n;
    }
    return buffer.subarray(0, filled);
}
/** git's delta format: the result's size, then copies from the base and literal inserts. */
function applyDelta(base, delta) {
    let at = 0;
    const varint = () => {
        let value = 0;
        let shift = 0;
        let byte;
        do {
            byte = delta[at++];
            value += (byte & 0x7f) * 2 ** shift;
            shift += 7;
        } while (byte & 0x80);
        return value;
    };
    if (varint() !== base.length)
        throw new Decline();
    const out = Buffer.allocUnsafe(varint());
    let written = 0;
    while (at < delta.length) {
        const op = delta[at++];
        if (op & 0x80) {
            let offset = 0;
            let size = 0;
            for (let k = 0; k < 4; k++)
                if (op & (1 << k))
                    offset += delta[at++] * 2 ** (8 * k);
            for (let k = 0; k < 3; k++)
                if (op & (1 << (4 + k)))
                    size += delta[at++] * 2 ** (8 * k);
            if (size === 0)
                size = 0x10000;
            if (offset + size > base.length || written + size > out.length)
                throw new Decline();
            base.copy(out, written, offset, offset + size);
            written += size;
        }
        else if (op !== 0) {
            if (at + op > delta.length || written + op > out.length)
                throw new Decline();
            delta.copy(out, written, at, at + op);
            at += op;
            written += op;
        }
        else
            throw new Decline();
    }
    if (written !== out.length)
        throw new Decline();
    return out;
}

;// CONCATENATED MODULE: ./packages/changes/src/git.ts






const git_requireBuiltin = (0,external_node_module_.createRequire)(__tierdeployImportMeta.url);
/** The real runner: `git` in `cwd`, never prompting for credentials (a prompt would hang the job). */
function gitRunner(cwd, env = process.env) {
    const run = (args, options = {}) => new Promise((resolve, reject) => {
        const input = options.input;
        // node:child_process loads on the first process: the usual `changed` starts none.
        const { spawn } = git_requireBuiltin('node:child_process');
        const child = spawn('git', args, { cwd, env: { ...env, GIT_TERMINAL_PROMPT: '0' }, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
        const out = [];
        const err = [];
        child.stdout.on('data', (d) => out.push(d));
        child.stderr.on('data', (d) => err.push(d));
        child.on('error', (e) => {
            reject(e.code === 'ENOENT' ? new errors/* ConfigurationError */.j1('git is not installed or not on PATH: detect-changed-services needs it') : e);
        });
        child.on('close', (code) => resolve({ code: code ?? 1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
        if (input !== undefined && child.stdin) {
            // git may exit before reading all of its input (a bad repository); its exit code reports that.
            child.stdin.on('error', () => { });
            child.stdin.end(input);
        }
    });
    run.readRef = refReader(cwd, env);
    run.objects = gitObjects(cwd, env, run.readRef);
    return run;
}
const FULL_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i;
/**
 * What a plain ref names, read from the repository's files the way git resolves it, so the usual range (a SHA, HEAD,
 * origin/main, a branch) costs no `git rev-parse` process: each one is a process start, a good part of a short run
 * (issue 16). Answers full SHAs, HEAD, refs/..., and names git expands (refs/NAME, refs/tags/NAME, refs/heads/NAME,
 * refs/remotes/NAME, refs/remotes/NAME/HEAD, first found wins, as in git), loose or packed. Everything else is
 * undefined and left to git: HEAD~1 or @{u} (git walks history for those), a short SHA, a loose tag (it may be an
 * annotated tag, whose commit only git can read), a reftable repository, GIT_DIR and friends.
 * The answer is not verified: a SHA may be missing from the clone or name something other than a commit, so callers
 * ask git about `SHA^{commit}` (the diff does) and take the full path when it fails.
 */
function refReader(cwd, env = process.env) {
    let repository = null;
    const open = () => {
        if (repository === null)
            repository = RELOCATING_ENV.some((v) => env[v] !== undefined) ? undefined : findGitDirs(cwd);
        return repository;
    };
    const packedRefs = (repo) => {
        if (!repo.packed) {
            const text = readIfFile((0,external_node_path_.join)(repo.commonDir, 'packed-refs')) ?? '';
            // With this trait every annotated tag in the file is followed by its commit (a `^SHA` line).
            repo.packed = { text: `\n${text}\n`, peeledTags: /^# pack-refs with:.*\b(?:fully-)?peeled\b/.test(text) };
        }
        return repo.packed;
    };
    const lookup = (repo, name, depth = 0) => {
        if (depth > 5 || /^refs\/(?:bisect|worktree|rewritten)\//.test(name))
            return 'unknown';
        const isTag = name.startsWith('refs/tags/');
        const loose = readIfFile((0,external_node_path_.join)(name === 'HEAD' ? repo.gitDir : repo.commonDir, name));
        if (loose !== undefined) {
            const text = loose.trim();
            if (text.startsWith('ref: '))
                return lookup(repo, text.slice(5).trim(), depth + 1);
            return FULL_SHA.test(text) && !isTag ? { sha: text.toLowerCase() } : 'unknown';
        }
        const { text, peeledTags } = packedRefs(repo);
        const at = text.indexOf(` ${name}\n`);
        if (at < 0)
            return 'absent';
        const sha = text.slice(text.lastIndexOf('\n', at - 1) + 1, at);
        if (!FULL_SHA.test(sha))
            return 'unknown';
        const next = text.slice(at + name.length + 2, text.indexOf('\n', at + name.length + 2));
        if (next.startsWith('^'))
            return FULL_SHA.test(next.slice(1)) ? { sha: next.slice(1).toLowerCase() } : 'unknown';
        return isTag && !peeledTags ? 'unknown' : { sha: sha.toLowerCase() };
    };
    return (ref) => {
        if (FULL_SHA.test(ref))
            return ref.toLowerCase();
        if (ref !== 'HEAD' && !isPlainRefName(ref))
            return undefined;
        const repo = open();
        if (!repo || (0,external_node_fs_.existsSync)((0,external_node_path_.join)(repo.commonDir, 'reftable')))
            return undefined;
        // git tries $GIT_DIR/NAME first (FETCH_HEAD, ORIG_HEAD...): such files are left to git.
        if (ref !== 'HEAD' && !ref.startsWith('refs/') && ((0,external_node_fs_.existsSync)((0,external_node_path_.join)(repo.gitDir, ref)) || (0,external_node_fs_.existsSync)((0,external_node_path_.join)(repo.commonDir, ref))))
            return undefined;
        const candidates = ref === 'HEAD' ? ['HEAD'] : [...(ref.startsWith('refs/') ? [ref] : []), `refs/${ref}`, `refs/tags/${ref}`, `refs/heads/${ref}`, `refs/remotes/${ref}`, `refs/remotes/${ref}/HEAD`];
        for (const name of candidates) {
            const found = lookup(repo, name);
            if (found === 'unknown')
                return undefined;
            if (found !== 'absent')
                return found.sha;
        }
        return undefined;
    };
}
/** A branch-like name (main, origin/main, refs/heads/x, v1.2): no revision syntax (~ ^ : @{ ..), nothing git would refuse. */
function isPlainRefName(ref) {
    return ref.split('/').every((part) => /^[A-Za-z0-9_+-][A-Za-z0-9_+.-]*$/.test(part) && !part.endsWith('.') && !part.endsWith('.lock') && !part.includes('..'));
}
function diffArgs(base, head) {
    // --relative: paths relative to the catalog root, which service paths are relative to. --no-renames would
    // hide the old side of a move; -M pairs them so both sides count.
    return ['-c', 'core.quotePath=false', 'diff', '--name-status', '-z', '-M', '--relative', '--no-ext-diff', base, head, '--'];
}
/** A git command failed in a way that is not the user's mistake (a corrupt repository, a git bug). */
class GitError extends Error {
    constructor(args, result) {
        super(`git ${args.join(' ')} exited with ${result.code}: ${result.stderr.trim() || result.stdout.trim()}`);
        this.name = 'GitError';
    }
}
const STATUS = { A: 'added', M: 'modified', D: 'deleted', R: 'renamed', C: 'copied', T: 'type-changed', U: 'unmerged' };
/**
 * Parses `git diff --name-status -z`: fields are NUL-separated, so paths with spaces, tabs, newlines or
 * non-ASCII characters arrive unquoted. A rename or copy (R100, C75) is followed by two paths, old then new.
 */
function parseNameStatus(output) {
    const fields = output.split('\0');
    const changes = [];
    let i = 0;
    while (i < fields.length) {
        const code = fields[i++];
        if (code === '')
            continue;
        const status = STATUS[code[0]] ?? 'unknown';
        if (status === 'renamed' || status === 'copied') {
            const oldPath = fields[i++];
            const path = fields[i++];
            if (!oldPath || !path)
                throw new Error(`truncated git diff output after ${code}`);
            changes.push({ status, path, oldPath });
        }
        else {
            const path = fields[i++];
            if (!path)
                throw new Error(`truncated git diff output after ${code}`);
            changes.push({ status, path });
        }
    }
    return changes;
}
/** The git commands detect-changed-services needs, over an injected runner. */
class Git {
    run;
    directory;
    /** `directory`: where the runner runs git, for the message when it is not in a repository. */
    constructor(run, directory = 'the catalog root') {
        this.run = run;
        this.directory = directory;
    }
    async ok(args, options) {
        const result = await this.run(args, options);
        if (result.code === 0)
            return result.stdout;
        // A catalog copied out of its repository (or a job without actions/checkout) is set-up, not a git failure.
        if (/not a git repository/i.test(result.stderr)) {
            throw new errors/* ConfigurationError */.j1(`${this.directory} is not inside a git repository, so there are no commits to compare: run in a clone of the repository (actions/checkout in a workflow)`);
        }
        throw new GitError(args, result);
    }
    /** The commit a ref names, or undefined when this clone does not have it. */
    async commitOf(ref) {
        const r = await this.run(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
        return r.code === 0 ? r.stdout.trim() : undefined;
    }
    async isShallow() {
        return (await this.ok(['rev-parse', '--is-shallow-repository'])).trim() === 'true';
    }
    async isAncestor(ancestor, descendant) {
        const r = await this.run(['merge-base', '--is-ancestor', ancestor, descendant]);
        if (r.code === 0)
            return true;
        if (r.code === 1)
            return false;
        throw new GitError(['merge-base', '--is-ancestor', ancestor, descendant], r);
    }
    /** The best common ancestor, or undefined when the histories this clone has do not meet. */
    async mergeBase(a, b) {
        const r = await this.run(['merge-base', a, b]);
        if (r.code === 0)
            return r.stdout.trim().split('\n')[0];
        if (r.code === 1)
            return undefined;
        throw new GitError(['merge-base', a, b], r);
    }
    /** Runs `git fetch` and says whether it worked (a missing remote or no network are not bugs). */
    async fetch(args) {
        const r = await this.run(['fetch', '--no-tags', '--quiet', ...args]);
        return { ok: r.code === 0, message: r.stderr.trim() };
    }
    /** Whether the remote answers (ls-remote), to tell a commit the remote lacks from a remote we cannot reach. */
    async reachable(remote) {
        return (await this.run(['ls-remote', '--quiet', remote, 'HEAD'])).code === 0;
    }
    /** The commit a plain ref or full SHA names, read without running git; undefined when only git can tell. Unverified (see refReader). */
    peekCommit(ref) {
        return ref.startsWith('-') ? undefined : this.run.readRef?.(ref);
    }
    /** Files changed from `base` to `head` (paths relative to the current directory, renames detected). */
    async diff(base, head) {
        return parseNameStatus(await this.ok(diffArgs(base, head)));
    }
    /**
     * The diff of two commits, or undefined when git cannot compare them (either is missing from this clone or is
     * not a commit, or there is no repository): one process that both verifies the commits and lists the files.
     */
    async diffCommits(base, head) {
        const read = this.run.objects?.treeDiff(base, head);
        if (read)
            return read;
        const r = await this.run(diffArgs(`${base}^{commit}`, `${head}^{commit}`));
        return r.code === 0 ? parseNameStatus(r.stdout) : undefined;
    }
    /**
     * A commit and the diff from its first parent, in one process (`git log -n1`): what `--base REF~1 --head REF`
     * asks for, which otherwise takes a `git rev-parse` for REF~1 and a `git diff`. Undefined when git cannot
     * answer that way (no such commit, a root commit or a shallow clone's boundary, an older git): the caller then
     * takes the usual path.
     */
    async diffFromFirstParent(ref) {
        if (ref.startsWith('-'))
            return undefined;
        const read = this.run.objects?.firstParentDiff(ref);
        if (read)
            return read;
        const r = await this.run(['-c', 'core.quotePath=false', 'log', '-z', '--no-color', '--no-show-signature', '--format=%H %P', '-n1', '--diff-merges=first-parent', '--name-status', '-M', '--relative', '--no-ext-diff', '--end-of-options', `${ref}^{commit}`, '--']);
        if (r.code !== 0)
            return undefined;
        const end = r.stdout.indexOf('\0');
        if (end === -1)
            return undefined;
        const [head, parent] = r.stdout.slice(0, end).split(' ');
        if (head === undefined || parent === undefined || !FULL_SHA.test(head) || !FULL_SHA.test(parent))
            return undefined;
        return { head, parent, changes: parseNameStatus(r.stdout.slice(end + 1).replace(/^\n/, '')) };
    }
    /** A file's content at a commit, or undefined when it does not exist there. `path` is relative to the current directory. */
    async show(commit, path) {
        const r = await this.run(['show', `${commit}:./${path}`]);
        return r.code === 0 ? r.stdout : undefined;
    }
    /** Which of `paths` (relative to the current directory, like show's) do not exist at `commit`, asked in one batch. */
    async missingAt(commit, paths) {
        if (paths.length === 0)
            return new Set();
        const out = await this.ok(['cat-file', '--batch-check=%(objecttype)'], { input: paths.map((p) => `${commit}:./${p}\n`).join('') });
        const lines = out.split('\n');
        return new Set(paths.filter((_, i) => (lines[i] ?? '').endsWith('missing')));
    }
}


/***/ })

},
 } })

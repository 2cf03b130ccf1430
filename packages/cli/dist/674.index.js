(function (__tierdeployImportMeta) { return { id: 674,
ids: [674],
modules: {

/***/ 674:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  parseYaml: () => (/* binding */ parseYaml),
  prepareYaml: () => (/* binding */ prepareYaml),
  useJsYaml: () => (/* binding */ useJsYaml)
});

;// CONCATENATED MODULE: ./packages/catalog/src/fast-yaml.ts
/**
 * A fast reader for the plain YAML that catalogs are written in: block mappings and sequences indented with
 * spaces, one-line flow collections of scalars (`[a, b]`, `{ min: 2, max: 10 }`), plain and quoted one-line
 * scalars, and comments. js-yaml builds an event stream for every node, which at 10,000 services is most of
 * `tierdeploy plan`'s time (issue 16); this reads the same text in one pass over its lines.
 *
 * It is a fast path, not a second YAML parser: anything outside that subset, or that it is not certain how
 * js-yaml would read (an ambiguous scalar such as `012`, `1.5`, `Yes`; an anchor, tag, block scalar, escape,
 * multi-line scalar, duplicate key, tab, document marker, nested flow collection), returns `undefined`, and the
 * caller parses the text with js-yaml, which also gives every syntax error its message. So the result, when
 * there is one, is what js-yaml's `load` returns for the same text; a differential test holds it to that.
 */
/** Thrown inside the reader when the text leaves the subset; caught in readSimpleYaml. */
class Unsupported {
}
const UNSUPPORTED = new Unsupported();
const bail = () => {
    throw UNSUPPORTED;
};
// Characters YAML does not allow, or treats specially, anywhere in the text: tabs, CR, C0/C1 controls (NEL
// included), the BOM, the line and paragraph separators, lone surrogates (a pair is fine but rare: leave it to
// js-yaml), and the two non-characters.
// eslint-disable-next-line no-control-regex
const OUTSIDE_SUBSET = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]/;
// A key written plainly that every YAML schema reads as a string: a letter or _ first, no spaces or indicators.
const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_./-]*$/;
// Plain scalars whose type is certain: decimal integers without a leading zero (and within 2^53).
const DECIMAL_INT = /^(?:0|-?[1-9][0-9]{0,14})$/;
// Words that a YAML 1.2 core schema reads as null or a boolean in forms other than the lowercase ones below;
// js-yaml versions differ on some of these, so they go to js-yaml.
const CASE_WORDS = /^(?:Null|NULL|True|TRUE|False|FALSE)$/;
const NOT_NUMERIC = /[^0-9A-Za-z._+:\- ]/;
const SPECIAL_DOT = /^\.(?:[0-9]|(?:inf|Inf|INF|nan|NaN|NAN)$)/;
// Characters that cannot start a plain scalar in block context (YAML 1.2, c-indicator), except '-', '?', ':'
// followed by a non-space, which this reader leaves to js-yaml as well.
const INDICATOR_START = /^[-?:,[\]{}#&*!|>'"%@`]/;
/**
 * The value of a YAML document in the simple subset, exactly as js-yaml would load it; `undefined` when the
 * text is outside the subset (the caller then uses js-yaml).
 */
function readSimpleYaml(text) {
    if (OUTSIDE_SUBSET.test(text))
        return undefined;
    try {
        const reader = new Reader(text);
        if (reader.done || reader.indent !== 0)
            return undefined;
        const value = reader.block(0);
        if (!reader.done || value === null || typeof value !== 'object' || Array.isArray(value))
            return undefined;
        return value;
    }
    catch (e) {
        // Nesting deeper than the call stack: js-yaml decides (and parseYaml reports it).
        if (e === UNSUPPORTED || e instanceof RangeError)
            return undefined;
        throw e;
    }
}
/**
 * A cursor over the text's content lines (blank and comment-only lines skipped). It works on offsets into the
 * text rather than on line strings: at 10,000 services most of the time otherwise goes to the garbage collector.
 */
class Reader {
    text;
    /** The current line: its content runs from `start` to `end` (trailing spaces cut), after `indent` spaces. */
    start = 0;
    end = 0;
    indent = 0;
    done = false;
    /** Where the line after the current one starts. */
    after = 0;
    constructor(text) {
        this.text = text;
        this.advance();
    }
    /** Moves to the next content line. */
    advance() {
        const text = this.text;
        let from = this.after;
        while (from <= text.length) {
            let lineEnd = text.indexOf('\n', from);
            if (lineEnd === -1)
                lineEnd = text.length;
            let start = from;
            while (start < lineEnd && text.charCodeAt(start) === 32)
                start++;
            if (start < lineEnd && text.charCodeAt(start) !== 35 /* # */) {
                // Directives and document markers (---, ...) at the start of a line: leave them to js-yaml.
                if (start === from && (text.startsWith('---', start) || text.startsWith('...', start) || text.charCodeAt(start) === 37))
                    bail();
                let end = lineEnd;
                while (text.charCodeAt(end - 1) === 32)
                    end--;
                this.start = start;
                this.end = end;
                this.indent = start - from;
                this.after = lineEnd + 1;
                return;
            }
            from = lineEnd + 1;
        }
        this.done = true;
    }
    /** The block node (mapping or sequence) whose first line is the current one, at exactly this indentation. */
    block(indent) {
        if (this.indent !== indent)
            bail();
        return this.atSequenceItem() ? this.sequence(indent) : this.mapping(indent);
    }
    atSequenceItem() {
        return this.text.charCodeAt(this.start) === 45 /* - */ && (this.start + 1 === this.end || this.text.charCodeAt(this.start + 1) === 32);
    }
    mapping(indent) {
        const text = this.text;
        const map = {};
        while (!this.done && this.indent >= indent) {
            if (this.indent > indent || this.atSequenceItem())
                bail();
            const colon = keyEnd(text, this.start, this.end);
            const key = readKey(text, this.start, colon);
            if (Object.hasOwn(map, key))
                bail();
            let rest = colon + 1;
            while (text.charCodeAt(rest) === 32)
                rest++;
            const end = this.end;
            this.advance();
            if (rest >= end || text.charCodeAt(rest) === 35 /* # */) {
                if (!this.done && this.indent > indent)
                    map[key] = this.block(this.indent);
                else if (!this.done && this.indent === indent && this.atSequenceItem())
                    map[key] = this.sequence(indent);
                else
                    map[key] = null;
            }
            else {
                map[key] = inlineValue(text, rest, end);
                // A more indented line after a value is a multi-line scalar or an indentation error.
                if (!this.done && this.indent > indent)
                    bail();
            }
        }
        return map;
    }
    sequence(indent) {
        const text = this.text;
        const list = [];
        while (!this.done && this.indent >= indent) {
            if (this.indent > indent)
                bail();
            if (!this.atSequenceItem())
                break;
            let rest = this.start + 1;
            while (text.charCodeAt(rest) === 32)
                rest++;
            const end = this.end;
            if (rest >= end || text.charCodeAt(rest) === 35 /* # */) {
                this.advance();
                list.push(!this.done && this.indent > indent ? this.block(this.indent) : null);
            }
            else if (text.charCodeAt(rest) === 45 && (rest + 1 === end || text.charCodeAt(rest + 1) === 32)) {
                bail(); // "- - a": a compact nested sequence
            }
            else if (startsMapping(text, rest, end)) {
                // "- key: value": a mapping whose first line starts after the dash; read it as if it were its own line.
                this.indent += rest - this.start;
                this.start = rest;
                list.push(this.mapping(this.indent));
            }
            else {
                this.advance();
                list.push(inlineValue(text, rest, end));
                if (!this.done && this.indent > indent)
                    bail();
            }
        }
        return list;
    }
}
/** The offset of the first `c` followed by a space (': ') between `start` and `end`, or -1. */
function findPair(text, c, start, end) {
    for (let i = start; i < end - 1; i++)
        if (text.charCodeAt(i) === c && text.charCodeAt(i + 1) === 32)
            return i;
    return -1;
}
/** The offset of the space before a comment (' #') between `start` and `end`, or -1. */
function findComment(text, start, end) {
    for (let i = start; i < end - 1; i++)
        if (text.charCodeAt(i) === 32 && text.charCodeAt(i + 1) === 35)
            return i;
    return -1;
}
/** Whether the text from `start` begins with `key:` followed by a space or the end (a mapping entry). */
function startsMapping(text, start, end) {
    const c = text.charCodeAt(start);
    if (c === 34 || c === 39) {
        // A quoted key, or a quoted scalar: which one depends on a ':' right after the closing quote.
        let close = start + 1;
        while (close < end && text.charCodeAt(close) !== c)
            close++;
        return close < end && text.charCodeAt(close + 1) === 58;
    }
    for (let i = start; i < end; i++) {
        const d = text.charCodeAt(i);
        if (d === 58)
            return i > start && (i + 1 === end || text.charCodeAt(i + 1) === 32);
        if (d === 32 || d === 35)
            return false;
    }
    return false;
}
/** The offset of the `:` ending the key of a mapping entry that runs from `start` to `end`. */
function keyEnd(text, start, end) {
    const c = text.charCodeAt(start);
    if (c === 34 || c === 39) {
        let close = start + 1;
        while (close < end && text.charCodeAt(close) !== c)
            close++;
        if (close >= end || text.charCodeAt(close + 1) !== 58 /* : */)
            bail();
        if (close + 2 < end && text.charCodeAt(close + 2) !== 32)
            bail();
        return close + 1;
    }
    const colon = findPair(text, 58, start, end);
    if (colon !== -1)
        return colon;
    if (text.charCodeAt(end - 1) === 58)
        return end - 1;
    return bail();
}
/** A mapping key: plain keys that every schema reads as strings, or quoted keys without escapes. */
function readKey(text, start, end) {
    // YAML limits implicit keys to 1,024 characters.
    if (end - start > 1000 || end <= start)
        bail();
    const c = text.charCodeAt(start);
    if (c === 34 || c === 39) {
        if (end - start < 2 || text.charCodeAt(end - 1) !== c)
            bail();
        const inner = text.slice(start + 1, end - 1);
        if (inner.includes('\\') || inner.includes("'") || inner.includes('"') || inner === '__proto__')
            bail();
        return inner;
    }
    // The same keys (path, tier, dependsOn) repeat once per service: a key read before, and checked then, is
    // reused rather than cut from the text again (no new string to allocate, hash and internalize).
    const slot = (end - start) * 31 + text.charCodeAt(start) * 7 + text.charCodeAt(end - 1);
    const seen = keyCache[slot & 255];
    if (seen !== undefined && seen.length === end - start && text.startsWith(seen, start))
        return seen;
    const raw = text.slice(start, end);
    if (!PLAIN_KEY.test(raw) || CASE_WORDS.test(raw) || raw === 'true' || raw === 'false' || raw === 'null' || raw === '__proto__')
        bail();
    keyCache[slot & 255] = raw;
    return raw;
}
/** Plain keys already read and checked, by a hash of their length and end characters (a key is a pure function of its text). */
const keyCache = new Array(256).fill(undefined);
/** What follows `key: ` or `- ` on one line: a quoted or plain scalar, or a one-line flow collection. */
function inlineValue(text, start, end) {
    const c = text.charCodeAt(start);
    if (c === 91 /* [ */ || c === 123 /* { */) {
        const value = flowCollection(text, start, end);
        afterValue(text, scanned, end);
        return value;
    }
    if (c === 34 || c === 39) {
        const value = quoted(text, start, end);
        afterValue(text, scanned, end);
        return value;
    }
    // A comment starts at a '#' after a space; a ': ' inside a plain scalar is a mapping error for js-yaml to report.
    const hash = findComment(text, start, end);
    let stop = hash === -1 ? end : hash;
    while (text.charCodeAt(stop - 1) === 32)
        stop--;
    if (findPair(text, 58, start, stop) !== -1 || text.charCodeAt(stop - 1) === 58)
        bail();
    return plainScalar(text.slice(start, stop));
}
/** Only spaces or a comment may follow a quoted scalar or a flow collection on its line. */
function afterValue(text, at, end) {
    if (at >= end)
        return;
    if (text.charCodeAt(at) !== 32)
        bail();
    while (text.charCodeAt(at) === 32)
        at++;
    if (at < end && text.charCodeAt(at) !== 35)
        bail();
}
/**
 * Where the last quoted scalar or flow collection read ended: set by quoted() and flowCollection(), which
 * return only their value (no result object per value on a 10,000-service file).
 */
let scanned = 0;
/** A one-line quoted scalar at `start`: double-quoted without escapes, or single-quoted ('' is a quote). */
function quoted(text, start, end) {
    if (text.charCodeAt(start) === 34) {
        let close = start + 1;
        while (close < end && text.charCodeAt(close) !== 34)
            close++;
        if (close >= end)
            bail();
        const value = text.slice(start + 1, close);
        if (value.includes('\\'))
            bail();
        scanned = close + 1;
        return value;
    }
    let value = '';
    let i = start + 1;
    for (;;) {
        let close = i;
        while (close < end && text.charCodeAt(close) !== 39)
            close++;
        if (close >= end)
            bail();
        value += text.slice(i, close);
        if (text.charCodeAt(close + 1) !== 39) {
            scanned = close + 1;
            return value;
        }
        value += "'";
        i = close + 2;
    }
}
/** A plain scalar's value when its type is certain; anything that might be a number, date or odd boolean bails. */
function plainScalar(text) {
    if (text === '')
        bail();
    const c = text.charCodeAt(0);
    if (c >= 48 && c <= 57) {
        if (DECIMAL_INT.test(text))
            return Number(text);
        // No number, date or time has a character outside these (10.1.0.0/16 is a string in every schema).
        if (NOT_NUMERIC.test(text))
            return text;
        bail();
    }
    if (INDICATOR_START.test(text)) {
        // A negative integer is the one plain scalar starting with an indicator that is read here.
        if (DECIMAL_INT.test(text))
            return Number(text);
        bail();
    }
    if (c === 43 /* + */ || c === 126 /* ~ */)
        return text === '~' ? null : bail();
    if (c === 46 /* . */ && SPECIAL_DOT.test(text))
        bail();
    if (text === 'true')
        return true;
    if (text === 'false')
        return false;
    if (text === 'null')
        return null;
    if (CASE_WORDS.test(text))
        bail();
    return text;
}
/** A flow sequence or mapping at `start` that closes before `end`, on the same line. */
function flowCollection(text, start, end) {
    const isMap = text.charCodeAt(start) === 123;
    const close = isMap ? 125 : 93;
    const items = isMap ? undefined : [];
    const map = isMap ? {} : undefined;
    let i = start + 1;
    while (text.charCodeAt(i) === 32)
        i++;
    if (text.charCodeAt(i) === close) {
        scanned = i + 1;
        return (map ?? items);
    }
    for (;;) {
        while (text.charCodeAt(i) === 32)
            i++;
        let key;
        if (isMap) {
            let colon = i;
            while (colon < end && text.charCodeAt(colon) !== 58)
                colon++;
            if (colon >= end || text.charCodeAt(colon + 1) !== 32)
                bail();
            let keyStop = colon;
            while (text.charCodeAt(keyStop - 1) === 32)
                keyStop--;
            key = readKey(text, i, keyStop);
            if (Object.hasOwn(map, key))
                bail();
            i = colon + 1;
            while (text.charCodeAt(i) === 32)
                i++;
        }
        let value;
        const c = text.charCodeAt(i);
        if (c === 34 || c === 39 || c === 91 || c === 123) {
            value = c === 91 || c === 123 ? flowCollection(text, i, end) : quoted(text, i, end);
            i = scanned;
            while (text.charCodeAt(i) === 32)
                i++;
        }
        else {
            let j = i;
            while (j < end) {
                const d = text.charCodeAt(j);
                if (d === 44 || d === close)
                    break;
                // Brackets inside a plain scalar, ':' (an implicit key) and '#' are left to js-yaml.
                if (d === 91 || d === 93 || d === 123 || d === 125 || d === 58 || d === 35)
                    bail();
                j++;
            }
            let stop = j;
            while (text.charCodeAt(stop - 1) === 32)
                stop--;
            value = plainScalar(text.slice(i, stop));
            i = j;
        }
        if (key !== undefined)
            map[key] = value;
        else
            items.push(value);
        if (i >= end)
            bail();
        const d = text.charCodeAt(i);
        if (d === close) {
            scanned = i + 1;
            return (map ?? items);
        }
        if (d !== 44)
            bail();
        i++;
        while (text.charCodeAt(i) === 32)
            i++;
        if (text.charCodeAt(i) === close)
            bail(); // a trailing comma: valid YAML, but left to js-yaml
    }
}

;// CONCATENATED MODULE: ./packages/catalog/src/yaml-source.ts

/** js-yaml, once a source needed it (prepareYaml). */
let jsYaml;
/** Hands js-yaml to parseYaml (full-yaml.ts, for synchronous callers). */
function useJsYaml(module) {
    jsYaml ??= module;
}
/** What prepareYaml's fast reading gave, handed out once by parseYaml (the caller may change the value). */
const prepared = new WeakMap();
/**
 * Readies parseYaml for these sources, which every caller awaits first: each is read by the fast reader now (and
 * parseYaml hands that value out instead of reading again), and js-yaml (130 KB of code) loads only when one of
 * them is outside the fast reader's plain YAML. Most runs never load it (issue 16).
 */
async function prepareYaml(sources) {
    let needsFull = false;
    for (const source of sources) {
        if (prepared.has(source))
            continue;
        const simple = readSimpleYaml(source.text);
        if (simple === undefined)
            needsFull = true;
        else
            prepared.set(source, simple);
    }
    if (needsFull)
        jsYaml ??= await __webpack_require__.e(/* import() */ 243).then(__webpack_require__.bind(__webpack_require__, 3243));
}
/**
 * Parses YAML: the plain block YAML catalogs are written in by the fast reader (fast-yaml.ts), anything else,
 * and every syntax error, by js-yaml, which is several times faster than `yaml`'s positioned parser on large
 * catalogs (see README, Benchmarks). Line numbers for later problems are found only when there is one
 * (locate.ts). Duplicate keys are syntax errors here, which is how duplicate service names are caught.
 * Call `await prepareYaml([source])` first: without it a source outside the fast reader's YAML is a bug, reported as one.
 */
function parseYaml(source) {
    if (prepared.has(source)) {
        const value = prepared.get(source);
        prepared.delete(source);
        return { value };
    }
    const simple = readSimpleYaml(source.text);
    if (simple !== undefined)
        return { value: simple };
    if (!jsYaml)
        throw new Error(`internal error: ${source.file} needs the full YAML parser, which was not loaded: the caller must await prepareYaml first`);
    try {
        return { value: jsYaml.load(source.text) };
    }
    catch (e) {
        if (e instanceof jsYaml.YAMLException) {
            const mark = e.mark;
            const reason = e.reason ?? e.message.split('\n')[0] ?? e.message;
            return {
                problem: {
                    file: source.file,
                    severity: 'error',
                    ...(mark ? { line: mark.line + 1, column: mark.column + 1 } : {}),
                    ...explainYamlError(reason, source.text, mark),
                },
            };
        }
        throw e;
    }
}
/** js-yaml's reason restated for a catalog author, with what to do about it. */
function explainYamlError(reason, text, mark) {
    if (reason === 'duplicated mapping key')
        return { message: `duplicate key${duplicateKeyAt(text, mark)}`, hint: 'each service, alias and setting may appear only once' };
    if (/input is empty/.test(reason))
        return { message: 'the file is empty', hint: 'the file must hold a YAML mapping; see catalog/schema.json' };
    if (/tab/.test(reason))
        return { message: `YAML syntax error: ${reason}`, hint: 'indent with spaces, not tabs' };
    if (/null byte|non-printable/.test(reason))
        return { message: `YAML syntax error: ${reason}`, hint: 'this does not look like a text file' };
    return { message: `YAML syntax error: ${reason}`, hint: 'fix the YAML here first: the other rules are checked once the file parses' };
}
/** The key js-yaml's mark points at, quoted for the message ('' when the line cannot be read). */
function duplicateKeyAt(text, mark) {
    if (!mark)
        return '';
    const line = text.split('\n', mark.line + 1)[mark.line] ?? '';
    const leadingKey = /^\s*(?:-\s+)?["']?([^"':#]+?)["']?\s*:/;
    const key = leadingKey.exec(line.slice(mark.column))?.[1] ?? leadingKey.exec(line)?.[1];
    return key ? ` '${key}'` : '';
}


/***/ })

},
 } })

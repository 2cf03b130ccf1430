// Rewrites a bundle so that it is plain ASCII: every non-ASCII character becomes a \u escape, which means the same
// thing where it stands. Node reads an ASCII file into a one-byte string; one character outside ASCII makes it
// decode the whole file as UTF-8 into a two-byte string, about four times slower to decode and slower to compile
// (issue 16: cold starts). Escapes are written only where they keep the meaning: comments, string literals, regular
// expressions, untagged template literals and identifiers. Anything else (a tagged template, whose raw text a tag
// can see) stops the build with the file and line.
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

/** The source with every non-ASCII character escaped; the same source when it is ASCII already. */
export function toAsciiSource(code, file = 'bundle') {
  if (!/[\u0080-\uffff]/.test(code)) return code
  const acorn = require('acorn')
  const options = { ecmaVersion: 'latest', sourceType: 'module', allowHashBang: true, allowReturnOutsideFunction: true }
  const comments = []
  const ast = acorn.parse(code, { ...options, onComment: (_block, _text, start, end) => comments.push({ start, end, kind: 'comment' }) })
  const ranges = [...comments]
  const visit = (node, tagged) => {
    if (!node || typeof node.type !== 'string') return
    if (node.type === 'Literal' && (typeof node.value === 'string' || node.regex)) ranges.push({ start: node.start, end: node.end, kind: node.regex ? 'regex' : 'string' })
    else if (node.type === 'TemplateElement') ranges.push({ start: node.start, end: node.end, kind: tagged ? 'tagged' : 'template' })
    else if (node.type === 'Identifier' || node.type === 'PrivateIdentifier') ranges.push({ start: node.start, end: node.end, kind: 'identifier' })
    for (const [key, value] of Object.entries(node)) {
      if (key === 'type' || key === 'start' || key === 'end') continue
      // A tag sees the raw text of its own template's parts, not of what its substitutions hold.
      const childTagged = (node.type === 'TaggedTemplateExpression' && key === 'quasi') || (tagged && node.type === 'TemplateLiteral' && key === 'quasis')
      if (Array.isArray(value)) for (const v of value) visit(v, childTagged)
      else if (value && typeof value === 'object') visit(value, childTagged)
    }
  }
  visit(ast, false)
  ranges.sort((a, b) => a.start - b.start)
  // Comments and tokens never overlap: the range an offset is in is the last one starting at or before it.
  const rangeAt = (at) => {
    let lo = 0
    let hi = ranges.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (ranges[mid].start <= at) lo = mid
      else hi = mid - 1
    }
    const r = ranges[lo]
    return r && r.start <= at && at < r.end ? r : undefined
  }
  const hex = (unit) => `\\u${unit.toString(16).padStart(4, '0')}`
  let out = ''
  let last = 0
  for (let i = 0; i < code.length; i++) {
    const unit = code.charCodeAt(i)
    if (unit < 0x80) continue
    const range = rangeAt(i)
    if (!range || range.kind === 'tagged') {
      const line = code.slice(0, i).split('\n').length
      throw new Error(`${file}:${line}: a non-ASCII character in ${range ? 'a tagged template (its tag sees the raw text)' : 'code'} cannot be escaped safely`)
    }
    const astral = unit >= 0xd800 && unit <= 0xdbff && i + 1 < code.length
    const point = astral ? code.codePointAt(i) : unit
    // A character escaped with a backslash already (`\é` means é): the backslash is replaced with it.
    let from = i
    let backslashes = 0
    while (code[from - 1 - backslashes] === '\\') backslashes++
    if (backslashes % 2 === 1) from = i - 1
    const escaped = range.kind === 'identifier' ? `\\u{${point.toString(16)}}` : astral ? hex(unit) + hex(code.charCodeAt(i + 1)) : hex(unit)
    out += code.slice(last, from) + escaped
    last = astral ? i + 2 : i + 1
    if (astral) i++
  }
  out += code.slice(last)
  // The result must still parse; string and template values must be unchanged.
  const before = literalValues(acorn.parse(code, options))
  const after = literalValues(acorn.parse(out, options))
  if (before.length !== after.length || before.some((v, k) => v !== after[k])) throw new Error(`${file}: escaping changed a literal's value`)
  return out
}

/** Every string literal's value, template text's cooked value and identifier's name, in source order. */
function literalValues(ast) {
  const values = []
  const visit = (node) => {
    if (!node || typeof node.type !== 'string') return
    if (node.type === 'Literal') values.push(node.regex ? `/${node.regex.flags}` : String(node.value))
    else if (node.type === 'TemplateElement') values.push(String(node.value.cooked))
    else if (node.type === 'Identifier' || node.type === 'PrivateIdentifier') values.push(node.name)
    for (const [key, value] of Object.entries(node)) {
      if (key === 'type' || key === 'start' || key === 'end') continue
      if (Array.isArray(value)) value.forEach(visit)
      else if (value && typeof value === 'object') visit(value)
    }
  }
  visit(ast)
  return values
}

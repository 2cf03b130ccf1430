// Turns the CLI bundle from ES modules into scripts, so that the CLI can compile its chunks with a V8 code cache
// (packages/cli/src/chunk-loader.ts) and start without Node's ES module loader. Node 20 keeps no compiled code between
// runs of an ES module; compiling the chunks a command needs was about a third of `tierdeploy changed`, and the ES
// module loader itself about 10 ms of every run (issue 16).
//
// ncc writes each chunk as three exports (id, ids, modules) and loads it with import(). The chunk becomes one function
// expression that takes import.meta and returns the same three values, on the same lines (a stack trace points where
// it did), and the loader's import() becomes a call to the loader the CLI installs. Anything else in a chunk (another
// export, an import, an import() of its own) stops the build: the loader could not give it what it expects.
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

/** The global the CLI's entry point installs its chunk loader under (packages/cli/src/chunk-loader.ts). */
export const LOADER_KEY = 'tierdeploy.loadChunk'

/** The script form of one ncc chunk. */
export function toScriptChunk(code, file = 'chunk') {
  const acorn = require('acorn')
  const ast = acorn.parse(code, { ecmaVersion: 'latest', sourceType: 'module' })
  const edits = []
  const names = []
  for (const statement of ast.body) {
    const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : undefined
    const declarator = declaration?.type === 'VariableDeclaration' && declaration.declarations.length === 1 ? declaration.declarations[0] : undefined
    const name = declarator?.id.type === 'Identifier' ? declarator.id.name : undefined
    if (!declarator?.init || !['id', 'ids', 'modules'].includes(name) || names.includes(name)) {
      throw new Error(`${file}:${lineOf(code, statement.start)}: a chunk may hold only "export const id/ids/modules = ...", found ${code.slice(statement.start, statement.start + 40)}`)
    }
    names.push(name)
    edits.push({ start: statement.start, end: declarator.init.start, text: `${name}: ` })
    edits.push({ start: declarator.init.end, end: statement.end, text: ',' })
  }
  if (names.length !== 3) throw new Error(`${file}: a chunk exports id, ids and modules; this one exports ${names.join(', ') || 'nothing'}`)
  edits.push(...importMetaEdits(ast, code, `${file}:LINE: import() inside a chunk cannot be loaded as a script`))
  return `(function (__tierdeployImportMeta) { return { ${applyEdits(code, edits)} } })\n`
}

/** The CLI's index.js with its chunk loading handed to the installed loader. */
export function withChunkLoader(code, file = 'index.js') {
  const load = 'import("./" + __nccwpck_require__.u(chunkId))'
  const at = code.indexOf(load)
  if (at === -1 || code.indexOf(load, at + 1) !== -1) throw new Error(`${file}: expected ncc's chunk loading (${load}) exactly once`)
  return `${code.slice(0, at)}globalThis[Symbol.for(${JSON.stringify(LOADER_KEY)})](__nccwpck_require__.u(chunkId))${code.slice(at + load.length)}`
}

/**
 * The CLI's index.js (already through withChunkLoader) as CommonJS: its imports become require() calls and
 * import.meta an object of the same fields, on the same lines. An export, an import() or a top-level await stops the
 * build: CommonJS has no equivalent.
 */
export function toCommonJs(code, file = 'index.js') {
  const acorn = require('acorn')
  const ast = acorn.parse(code, { ecmaVersion: 'latest', sourceType: 'module' })
  const edits = []
  for (const statement of ast.body) {
    if (/^Export/.test(statement.type)) throw new Error(`${file}:${lineOf(code, statement.start)}: the CLI entry exports nothing; found ${code.slice(statement.start, statement.start + 40)}`)
    if (statement.type !== 'ImportDeclaration') continue
    const source = JSON.stringify(statement.source.value)
    const named = statement.specifiers.filter((s) => s.type === 'ImportSpecifier').map((s) => `${s.imported.name ?? s.imported.value}: ${s.local.name}`)
    const whole = statement.specifiers.filter((s) => s.type !== 'ImportSpecifier').map((s) => `const ${s.local.name} = require(${source});`)
    edits.push({ start: statement.start, end: statement.end, text: [...whole, ...(named.length ? [`const { ${named.join(', ')} } = require(${source});`] : []), ...(statement.specifiers.length ? [] : [`require(${source});`])].join(' ') })
  }
  edits.push(...importMetaEdits(ast, code, `${file}:LINE: import() in the CLI entry (chunks load through withChunkLoader)`))
  const out = `const __tierdeployImportMeta = { url: require("node:url").pathToFileURL(__filename).href, filename: __filename, dirname: __dirname }; ${applyEdits(code, edits)}`
  try {
    acorn.parse(out, { ecmaVersion: 'latest', sourceType: 'script', allowReturnOutsideFunction: true })
  } catch (e) {
    throw new Error(`${file}: not valid as CommonJS after conversion (a top-level await?): ${e.message}`, { cause: e })
  }
  return out
}

/** Every `import.meta` as `__tierdeployImportMeta` (which each form defines); an import() stops the build with `refusal` (LINE: its line). */
function importMetaEdits(ast, code, refusal) {
  const edits = []
  visit(ast, (node) => {
    if (node.type === 'MetaProperty' && node.meta.name === 'import') edits.push({ start: node.start, end: node.end, text: '__tierdeployImportMeta' })
    if (node.type === 'ImportExpression') throw new Error(refusal.replace('LINE', String(lineOf(code, node.start))))
  })
  return edits
}

/** The code with each edit's range replaced by its text (ranges do not overlap). */
function applyEdits(code, edits) {
  let out = ''
  let at = 0
  for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
    out += code.slice(at, edit.start) + edit.text
    at = edit.end
  }
  return out + code.slice(at)
}

function lineOf(code, offset) {
  return code.slice(0, offset).split('\n').length
}

function visit(node, f) {
  if (!node || typeof node.type !== 'string') return
  f(node)
  for (const [key, value] of Object.entries(node)) {
    if (key === 'type') continue
    if (Array.isArray(value)) for (const v of value) visit(v, f)
    else if (value && typeof value === 'object') visit(value, f)
  }
}

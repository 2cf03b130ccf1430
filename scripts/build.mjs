// Builds every bundle the repository commits: each action's dist/ and the CLI's dist/, with @vercel/ncc;
// regenerates catalog/schema.json from the schema the validator uses, the README's actions reference from the
// action.yml files, and the generated reusable workflows (.github/workflows/deploy.yml, release.yml) from packages/workflows. `npm run check-dist` (in .ci/run) fails
// when the committed files differ from a fresh build.
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { dirname, join } from 'node:path'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { toAsciiSource } from './ascii.mjs'
import { stampBuildId } from './build-id.mjs'
import { toCommonJs, toScriptChunk, withChunkLoader } from './script-chunks.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

/** Every bundle: an entry file and the directory its output replaces. */
export function targets() {
  // The CLI's chunks are scripts its own loader compiles with a code cache (scripts/script-chunks.mjs).
  const list = [{ name: 'cli', entry: join(root, 'packages/cli/src/index.ts'), out: join(root, 'packages/cli/dist'), scriptChunks: true }]
  for (const name of readdirSync(join(root, 'actions')).sort()) {
    const entry = join(root, 'actions', name, 'src/index.ts')
    if (existsSync(entry)) list.push({ name, entry, out: join(root, 'actions', name, 'dist') })
  }
  return list
}

async function buildOne(entry, out, scriptChunks) {
  const ncc = createRequire(import.meta.url)('@vercel/ncc')
  const { code, assets } = await ncc(entry, { minify: false, sourceMap: false, quiet: true, transpileOnly: true, target: 'es2022' })
  // Plain ASCII bundles load faster (scripts/ascii.mjs).
  const files = new Map([['index.js', toAsciiSource(code, join(out, 'index.js'))]])
  for (const [file, asset] of Object.entries(assets ?? {})) {
    files.set(file, /\.(?:c|m)?js$/.test(file) ? toAsciiSource(String(asset.source), join(out, file)) : asset.source)
  }
  if (scriptChunks) {
    // The CLI: CommonJS entry, script chunks (scripts/script-chunks.mjs); its dist/package.json says so.
    if (!/"type": "module"/.test(String(files.get('package.json')))) throw new Error(`${out}: ncc wrote no package.json of "type": "module"; scripts/script-chunks.mjs expects its ES module output`)
    for (const [file, content] of files) {
      if (file === 'index.js') files.set(file, toCommonJs(withChunkLoader(content, join(out, file)), join(out, file)))
      else if (file === 'package.json') files.set(file, `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`)
      else if (/^\d+\.index\.js$/.test(file)) files.set(file, toScriptChunk(content, join(out, file)))
    }
  }
  stampBuildId(files, out)
  rmSync(out, { recursive: true, force: true })
  mkdirSync(out, { recursive: true })
  for (const [file, content] of files) {
    mkdirSync(dirname(join(out, file)), { recursive: true })
    writeFileSync(join(out, file), content)
  }
}

async function runPool(items, limit, work) {
  const queue = [...items]
  const failures = []
  await Promise.all(
    Array.from({ length: Math.min(limit, queue.length) }, async () => {
      for (let item = queue.shift(); item; item = queue.shift()) {
        try {
          await work(item)
        } catch (e) {
          failures.push(`${item.name}: ${e.message}`)
        }
      }
    }),
  )
  return failures
}

function spawnBuild(target) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--one', target.entry, target.out, ...(target.scriptChunks ? ['--script-chunks'] : [])], { stdio: 'inherit' })
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`ncc exited with ${code}`))))
  })
}

async function writeSchema() {
  const child = spawn(process.execPath, [join(root, 'packages/cli/dist/index.js'), 'schema'], { stdio: ['ignore', 'pipe', 'inherit'] })
  let text = ''
  child.stdout.on('data', (d) => (text += d))
  await new Promise((resolve, reject) => child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`tierdeploy schema exited with ${code}`)))))
  writeFileSync(join(root, 'catalog/schema.json'), text)
}

/** Action order in the README: the order a deploy uses them. */
const ACTION_ORDER = ['resolve-graph', 'detect-changed-services', 'build-push', 'terraform-apply', 'ecs-deploy', 'health-gate', 'status', 'github-deployment', 'cost-report', 'doctor']

/** Rewrites the README's actions reference from every action.yml, so the two can never disagree. */
async function writeActionsReference() {
  const { parse } = await import('yaml')
  const cell = (s) => String(s ?? '').replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|').trim()
  const names = readdirSync(join(root, 'actions')).filter((n) => existsSync(join(root, 'actions', n, 'action.yml')))
  names.sort((a, b) => (ACTION_ORDER.indexOf(a) + 1 || 99) - (ACTION_ORDER.indexOf(b) + 1 || 99) || a.localeCompare(b))
  const parts = []
  for (const name of names) {
    const action = parse(readFileSync(join(root, 'actions', name, 'action.yml'), 'utf8'))
    parts.push(`### ${name}`, '', cell(action.description), '', '| input | default | meaning |', '| --- | --- | --- |')
    for (const [key, input] of Object.entries(action.inputs ?? {})) {
      const dflt = input.default !== undefined && input.default !== '' ? `\`${cell(input.default)}\`` : input.required ? 'required' : ''
      parts.push(`| \`${key}\` | ${dflt} | ${cell(input.description)} |`)
    }
    parts.push('', '| output | meaning |', '| --- | --- |')
    for (const [key, output] of Object.entries(action.outputs ?? {})) parts.push(`| \`${key}\` | ${cell(output.description)} |`)
    parts.push('')
  }
  const file = join(root, 'README.md')
  const readme = readFileSync(file, 'utf8')
  const start = '<!-- actions:start -->'
  const end = '<!-- actions:end -->'
  if (!readme.includes(start) || !readme.includes(end)) throw new Error(`README.md lacks the ${start} / ${end} markers`)
  const next = `${readme.slice(0, readme.indexOf(start) + start.length)}\n${parts.join('\n')}${readme.slice(readme.indexOf(end))}`
  if (next !== readme) writeFileSync(file, next)
}

/** Writes the generated reusable workflows (packages/workflows) into .github/workflows. */
async function writeWorkflows() {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'scripts/generate-workflows.ts')], { stdio: 'inherit' })
  await new Promise((resolve, reject) => child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`generate-workflows exited with ${code}`)))))
}

if (process.argv[2] === '--one') {
  try {
    await buildOne(process.argv[3], process.argv[4], process.argv[5] === '--script-chunks')
  } catch (e) {
    // ncc's errors carry webpack's minified source in their stack: print only the compiler's message.
    console.error(String(e?.message ?? e).split('\n').filter((l) => !/^\s+at /.test(l)).slice(0, 20).join('\n'))
    process.exit(1)
  }
} else {
  const only = process.argv.slice(2)
  const selected = targets().filter((t) => only.length === 0 || only.includes(t.name))
  const started = Date.now()
  // One ncc (webpack) per process: parallel builds in one process share webpack state.
  const failures = await runPool(selected, Math.max(1, availableParallelism()), spawnBuild)
  if (failures.length) {
    console.error(`build failed:\n  ${failures.join('\n  ')}`)
    process.exit(1)
  }
  if (selected.some((t) => t.name === 'cli')) await writeSchema()
  if (only.length === 0) {
    await writeActionsReference()
    await writeWorkflows()
  }
  console.log(`built ${selected.map((t) => t.name).join(', ')} in ${((Date.now() - started) / 1000).toFixed(1)} s`)
}

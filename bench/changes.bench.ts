// Change mapping (issue 3): servicesAffectedBy over generated catalogs of 1,000 and 10,000 services (every 10th
// with a watch glob, the catalog default ignore **/*.md and **/docs/**) and 10,000 or 100,000 changed files:
// 90% in service directories (a tenth of them Markdown, ignored), 5% in libraries, 5% outside every service.
// "index" is building the path/glob index alone; "map" is the whole call (index + mapping + propagation).
// A second table (issue 13) has every 10th service built from the whole repository (build.context "." with a
// Dockerfile under docker/ and a .dockerignore): each changed file is then a build input of those services too.
// A third table (issue 16) times `tierdeploy changed --base HEAD~1 --head HEAD --json` as a whole process (the CLI's
// bin, what users run) in real git repositories of 79 and 1,000 services, against an empty `node -e ''` measured in
// the same run: the figure compared with Turborepo's `turbo ls --affected`.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { availableParallelism, loadavg } from 'node:os'
import { fileURLToPath } from 'node:url'
import { buildCatalog, type Catalog } from '@tierdeploy/catalog'
import { changeIndexFor, servicesAffectedBy, type FileChange } from '@tierdeploy/changes'
import { createGitRepo, generateCatalog, prng } from '@tierdeploy/testkit'

const runs = Number(process.env.BENCH_RUNS ?? 7)

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]!
}

function timeMs(fn: () => unknown): number {
  const samples: number[] = []
  for (let i = 0; i < runs + 1; i++) {
    const t0 = process.hrtime.bigint()
    fn()
    if (i >= 1) samples.push(Number(process.hrtime.bigint() - t0) / 1e6)
  }
  return median(samples)
}

function catalogOf(count: number, wholeRepositoryContexts = false): { catalog: Catalog; names: string[]; libraries: number } {
  const { yaml, names } = generateCatalog(count)
  // Add what real catalogs have: default ignore globs, and watch globs on every 10th service.
  let text = yaml
    .replace('services:\n', 'defaults:\n  ignore: ["**/*.md", "**/docs/**"]\nservices:\n')
    .replace(/^ {4}path: services\/(svc-\d+[05]0)$/gm, (line, name: string) => `${line}\n    watch: ["schemas/${name}/**", "contracts/${name}.json"]`)
  if (wholeRepositoryContexts) text = text.replace(/^ {4}path: services\/(svc-\d+[27]0)$/gm, (line, name: string) => `${line}\n    build: { context: ".", dockerfile: docker/${name}.Dockerfile }`)
  const { catalog, problems } = buildCatalog({ dir: '/repo/catalog', root: '/repo', services: { file: '/repo/catalog/services.yaml', text }, environments: [] })
  if (!catalog || problems.some((p) => p.severity === 'error')) throw new Error(JSON.stringify(problems.slice(0, 3)))
  return { catalog, names, libraries: Math.max(1, Math.round(count / 50)) }
}

function changedFiles(count: number, names: string[], libraries: number): FileChange[] {
  const files: FileChange[] = []
  const next = prng(7)
  const random = (n: number): number => Math.floor(next() * n)
  for (let i = 0; i < count; i++) {
    const r = random(100)
    let path: string
    if (r < 90) path = `services/${names[random(names.length)]}/src/m${random(8)}/d${random(4)}/file${i}.${r < 9 ? 'md' : 'ts'}`
    else if (r < 95) path = `libs/lib-${random(libraries)}/src/f${i}.ts`
    else path = `tools/scripts/s${random(50)}/f${i}.sh`
    files.push({ status: 'modified', path })
  }
  return files
}

// Warm the JIT first, so the first row does not pay for compiling the code every row runs.
{
  const { catalog, names, libraries } = catalogOf(1000)
  const files = changedFiles(20_000, names, libraries)
  for (let i = 0; i < 5; i++) servicesAffectedBy(catalog, files)
}

console.log(`median of ${runs} samples (load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} CPUs)\n`)
console.log('| services | changed files | index | map (all) | per 10,000 files | affected |', '\n| ---: | ---: | ---: | ---: | ---: | ---: |')
for (const count of [1000, 10_000]) {
  const { catalog, names, libraries } = catalogOf(count)
  for (const fileCount of [10_000, 100_000]) {
    const files = changedFiles(fileCount, names, libraries)
    const index = timeMs(() => changeIndexFor(catalog))
    let affected = 0
    const map = timeMs(() => {
      affected = servicesAffectedBy(catalog, files).services.length
    })
    console.log(`| ${count.toLocaleString('en')} | ${fileCount.toLocaleString('en')} | ${index.toFixed(1)} ms | ${map.toFixed(1)} ms | ${((map / fileCount) * 10_000).toFixed(1)} ms | ${affected.toLocaleString('en')} |`)
  }
}

// Every 10th service built from the whole repository, with a .dockerignore leaving out tools/ and docs.
const DOCKERIGNORE = 'tools\n**/*.md\nnode_modules\n'
const readDockerIgnore = (path: string): string | undefined => (path === '.dockerignore' ? DOCKERIGNORE : undefined)
console.log('\nEvery 10th service built from the whole repository (`build.context: .`, a .dockerignore):\n')
console.log('| services | changed files | index | map (all) | per 10,000 files | affected |', '\n| ---: | ---: | ---: | ---: | ---: | ---: |')
for (const count of [1000]) {
  const { catalog, names, libraries } = catalogOf(count, true)
  for (const fileCount of [10_000, 100_000]) {
    const files = changedFiles(fileCount, names, libraries)
    const index = timeMs(() => changeIndexFor(catalog, { readDockerIgnore }))
    let affected = 0
    const map = timeMs(() => {
      affected = servicesAffectedBy(catalog, files, { readDockerIgnore }).services.length
    })
    console.log(`| ${count.toLocaleString('en')} | ${fileCount.toLocaleString('en')} | ${index.toFixed(1)} ms | ${map.toFixed(1)} ms | ${((map / fileCount) * 10_000).toFixed(1)} ms | ${affected.toLocaleString('en')} |`)
  }
}

// `tierdeploy changed` as a whole process: a repository whose last commit changes every 13th service's code. The
// repository is also an npm workspace (a package.json per service, dependencies as in the catalog, turbo.json), so
// Turborepo's `turbo ls --affected` (TURBO_SCM_BASE=HEAD~1) answers the same question in the same run when turbo is
// installed: TURBO_BIN=path, or node_modules/.bin/turbo (`npm install --no-save turbo`).
const processRuns = Number(process.env.BENCH_RUNS ?? 21)
const turboBin = process.env.TURBO_BIN ?? (existsSync(fileURLToPath(new URL('../node_modules/.bin/turbo', import.meta.url))) ? fileURLToPath(new URL('../node_modules/.bin/turbo', import.meta.url)) : undefined)

/** Medians of whole processes, run in turns so a change in machine load hits each alike. */
function processMs(commands: { name: string; command: string; args: string[]; env?: NodeJS.ProcessEnv }[], cwd: string): Map<string, number> {
  const samples = new Map(commands.map((c) => [c.name, [] as number[]]))
  for (let i = 0; i < processRuns + 2; i++) {
    for (const c of commands) {
      const t0 = process.hrtime.bigint()
      const r = spawnSync(c.command, c.args, { cwd, encoding: 'utf8', env: c.env ?? process.env })
      if (r.status !== 0) throw new Error(`${c.command} ${c.args.join(' ')} failed: ${r.stderr}`)
      if (i >= 2) samples.get(c.name)!.push(Number(process.hrtime.bigint() - t0) / 1e6) // two warm-up runs fill the page cache
    }
  }
  return new Map([...samples].map(([k, v]) => [k, median(v)]))
}

/** The generated catalog as an npm workspace Turborepo can read: a package per service and library, their dependencies. */
function workspaceFiles(yaml: string): Record<string, string> {
  const workspaces = ['services/*', 'libs/*']
  const files: Record<string, string> = {
    'package.json': JSON.stringify({ name: 'bench-monorepo', private: true, packageManager: 'npm@11.0.0', workspaces }, null, 2),
    'turbo.json': JSON.stringify({ tasks: { build: {} } }, null, 2),
  }
  const lock: { name: string; lockfileVersion: number; requires: boolean; packages: Record<string, unknown> } = { name: 'bench-monorepo', lockfileVersion: 3, requires: true, packages: { '': { name: 'bench-monorepo', workspaces } } }
  let current: { name: string; path?: string; deps: string[] } | undefined
  const packages: { name: string; path?: string; deps: string[] }[] = []
  for (const line of yaml.split('\n')) {
    const key = /^ {2}([a-z0-9-]+):$/.exec(line)
    if (key) packages.push((current = { name: key[1]!, deps: [] }))
    const path = /^ {4}path: (.+)$/.exec(line)
    if (path && current) current.path = path[1]!
    const deps = /^ {4}dependsOn: \[(.*)\]$/.exec(line)
    if (deps && current) current.deps = deps[1]!.split(',').map((d) => d.trim()).filter(Boolean)
  }
  for (const p of packages) {
    if (!p.path) continue
    const dependencies = Object.fromEntries(p.deps.map((d) => [d, '1.0.0']))
    files[`${p.path}/package.json`] = JSON.stringify({ name: p.name, version: '1.0.0', private: true, dependencies }, null, 2)
    lock.packages[p.path] = { name: p.name, version: '1.0.0', dependencies }
    lock.packages[`node_modules/${p.name}`] = { resolved: p.path, link: true }
  }
  files['package-lock.json'] = JSON.stringify(lock, null, 2)
  return files
}

const cli = fileURLToPath(new URL('../packages/cli/bin/tierdeploy.js', import.meta.url))
// Node reads and parses NODE_EXTRA_CA_CERTS as it starts, before any JavaScript runs, and every node process here
// (the floor included) pays for it; turbo does not. When it is set, the same runs are also timed without it.
const extraCaCerts = process.env.NODE_EXTRA_CA_CERTS
const caNotes: string[] = []
console.log(`\n\`tierdeploy changed --base HEAD~1 --head HEAD --json\`, whole process (median of ${processRuns}, run in turns with an empty \`node -e ''\`${turboBin ? ' and `turbo ls --affected`' : ''}). Cold: no CLI cache at all (TIERDEPLOY_CACHE=off: every run parses and validates the catalog and compiles the code it runs); warm: the validated catalog and the compiled code from the cache.\n`)
console.log(`| services | changed | floor | cold | cold ÷ floor | warm | warm ÷ floor |${turboBin ? ' turbo ls --affected | cold ÷ turbo | warm ÷ turbo |' : ''}`, `\n| ---: | ---: | ---: | ---: | ---: | ---: | ---: |${turboBin ? ' ---: | ---: | ---: |' : ''}`)
for (const count of [79, 1000]) {
  const { yaml, names } = generateCatalog(count)
  const files: Record<string, string> = { 'catalog/services.yaml': yaml, ...workspaceFiles(yaml) }
  for (const name of names) files[`services/${name}/src/index.ts`] = `export const name = '${name}'\n`
  const repo = createGitRepo(files)
  try {
    const changed: Record<string, string> = {}
    for (let i = 0; i < names.length; i += 13) changed[`services/${names[i]}/src/index.ts`] = `export const name = '${names[i]}', v = 2\n`
    repo.commit('change', changed)
    const args = [cli, 'changed', '--base', 'HEAD~1', '--head', 'HEAD', '--json']
    const withoutCa = { ...process.env, TIERDEPLOY_CACHE: 'off' }
    delete withoutCa.NODE_EXTRA_CA_CERTS
    const times = processMs(
      [
        { name: 'floor', command: process.execPath, args: ['-e', ''] },
        { name: 'cold', command: process.execPath, args, env: { ...process.env, TIERDEPLOY_CACHE: 'off' } },
        ...(extraCaCerts ? [{ name: 'floor-no-ca', command: process.execPath, args: ['-e', ''], env: withoutCa }, { name: 'cold-no-ca', command: process.execPath, args, env: withoutCa }] : []),
        { name: 'warm', command: process.execPath, args, env: { ...process.env, TIERDEPLOY_CACHE_DIR: `${repo.dir}/.cache` } },
        ...(turboBin ? [{ name: 'turbo', command: turboBin, args: ['ls', '--affected', '--output=json'], env: { ...process.env, TURBO_SCM_BASE: 'HEAD~1', TURBO_SCM_HEAD: 'HEAD', TURBO_TELEMETRY_DISABLED: '1', TURBO_NO_UPDATE_NOTIFIER: '1' } }] : []),
      ],
      repo.dir,
    )
    const [floor, cold, warm, turbo] = ['floor', 'cold', 'warm', 'turbo'].map((k) => times.get(k))
    const turboColumns = turbo ? ` ${turbo.toFixed(1)} ms | ${(cold! / turbo).toFixed(2)}× | ${(warm! / turbo).toFixed(2)}× |` : ''
    console.log(`| ${count.toLocaleString('en')} | ${Object.keys(changed).length} | ${floor!.toFixed(1)} ms | ${cold!.toFixed(1)} ms | ${(cold! / floor!).toFixed(2)}× | ${warm!.toFixed(1)} ms | ${(warm! / floor!).toFixed(2)}× |${turboColumns}`)
    if (extraCaCerts) caNotes.push(`${count.toLocaleString('en')} services: floor ${times.get('floor-no-ca')!.toFixed(1)} ms, cold ${times.get('cold-no-ca')!.toFixed(1)} ms${turbo ? ` (${(times.get('cold-no-ca')! / turbo).toFixed(2)}× turbo)` : ''}`)
  } finally {
    repo.cleanup()
  }
}
if (extraCaCerts) console.log(`\nNODE_EXTRA_CA_CERTS is set (${extraCaCerts}): Node reads it as it starts, in every process above. The same runs without it: ${caNotes.join('; ')}.`)

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

// `tierdeploy changed` as a whole process: a repository whose last commit changes every 13th service's code.
const processRuns = Number(process.env.BENCH_RUNS ?? 21)
function processMs(args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): number {
  const samples: number[] = []
  for (let i = 0; i < processRuns + 2; i++) {
    const t0 = process.hrtime.bigint()
    const r = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', env })
    if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`)
    if (i >= 2) samples.push(Number(process.hrtime.bigint() - t0) / 1e6) // two warm-up runs fill the page cache
  }
  return median(samples)
}
const cli = fileURLToPath(new URL('../packages/cli/bin/tierdeploy.js', import.meta.url))
const floor = processMs(['-e', ''], process.cwd())
console.log(`\n\`tierdeploy changed --base HEAD~1 --head HEAD --json\`, whole process (median of ${processRuns}; \`node -e ''\` floor ${floor.toFixed(1)} ms in this run). Cold: no CLI cache (TIERDEPLOY_CACHE=off); warm: the validated catalog from the cache.\n`)
console.log('| services | changed | cold | cold over floor | cold ÷ floor | warm | warm over floor | warm ÷ floor |', '\n| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |')
for (const count of [79, 1000]) {
  const { yaml, names } = generateCatalog(count)
  const files: Record<string, string> = { 'catalog/services.yaml': yaml, 'package-lock.json': '{}\n' }
  for (const name of names) files[`services/${name}/src/index.ts`] = `export const name = '${name}'\n`
  const repo = createGitRepo(files)
  try {
    const changed: Record<string, string> = {}
    for (let i = 0; i < names.length; i += 13) changed[`services/${names[i]}/src/index.ts`] = `export const name = '${names[i]}', v = 2\n`
    repo.commit('change', changed)
    const args = [cli, 'changed', '--base', 'HEAD~1', '--head', 'HEAD', '--json']
    const cold = processMs(args, repo.dir, { ...process.env, TIERDEPLOY_CACHE: 'off' })
    const warm = processMs(args, repo.dir, { ...process.env, TIERDEPLOY_CACHE_DIR: `${repo.dir}/.cache` })
    const row = (ms: number): string => `${ms.toFixed(1)} ms | ${(ms - floor).toFixed(1)} ms | ${(ms / floor).toFixed(2)}×`
    console.log(`| ${count.toLocaleString('en')} | ${Object.keys(changed).length} | ${row(cold)} | ${row(warm)} |`)
  } finally {
    repo.cleanup()
  }
}

// Stages the published CLI package, `tierdeploy` on npm, in a directory: the workspace package (@tierdeploy/cli,
// private, exports its TypeScript sources for the other workspaces) stays as it is for development, and what npm gets
// is the committed bundle with a manifest of its own, which declares no dependencies because ncc bundled them all.
//   node scripts/pack-cli.mjs DIR          then: npm pack DIR   or   npm publish DIR --provenance --access public
// The staged package holds bin/, dist/ (the bundle, with dist/workflows: the caller workflows init --workflows
// writes), schema.json (the catalog's JSON Schema) and the README. It fails when the bundle is missing or reports
// another version than the package's (the bundle is stale: npm run build).
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

const root = join(import.meta.dirname, '..')
const cli = join(root, 'packages/cli')
const out = process.argv[2]
if (!out || process.argv.length > 3) {
  console.error('usage: node scripts/pack-cli.mjs DIR   (an empty or new directory to stage the npm package in)')
  process.exit(2)
}
const fail = (message) => {
  console.error(`pack-cli: ${message}`)
  process.exit(1)
}

const workspace = JSON.parse(readFileSync(join(cli, 'package.json'), 'utf8'))
const rootManifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
if (!existsSync(join(cli, 'dist/index.js'))) fail('packages/cli/dist/index.js is missing: run npm run build first')
if (!existsSync(join(cli, 'dist/workflows'))) fail('packages/cli/dist/workflows is missing (the caller workflows init --workflows writes): run npm run build')
const reported = execFileSync(process.execPath, [join(cli, 'dist/index.js'), '--version'], { encoding: 'utf8' }).trim()
if (reported !== `tierdeploy ${workspace.version}`) fail(`the bundle says '${reported}' but packages/cli/package.json is ${workspace.version}: set the version in both places (docs/releasing.md), then npm run build`)

const target = resolve(out)
if (existsSync(target) && readdirSync(target).length) fail(`${out} is not empty`)
mkdirSync(target, { recursive: true })
cpSync(join(cli, 'bin'), join(target, 'bin'), { recursive: true })
cpSync(join(cli, 'dist'), join(target, 'dist'), { recursive: true })
cpSync(join(root, 'catalog/schema.json'), join(target, 'schema.json'))
cpSync(join(root, 'README.md'), join(target, 'README.md'))

const manifest = {
  name: 'tierdeploy',
  version: workspace.version,
  description: workspace.description,
  keywords: ['aws', 'ecs', 'fargate', 'monorepo', 'deploy', 'github-actions', 'microservices'],
  license: rootManifest.license,
  type: 'module',
  engines: rootManifest.engines,
  bin: { tierdeploy: 'bin/tierdeploy.js' },
  // No JavaScript API: the command, and the schema for editors (yaml-language-server: $schema=node_modules/tierdeploy/schema.json).
  exports: { './schema.json': './schema.json', './package.json': './package.json' },
  files: ['bin/', 'dist/', 'schema.json'],
  repository: { type: 'git', url: 'git+https://github.com/tierdeploy/tierdeploy.git', directory: 'packages/cli' },
  homepage: 'https://github.com/tierdeploy/tierdeploy#use-tierdeploy-in-your-repository',
  bugs: 'https://github.com/tierdeploy/tierdeploy/issues',
  publishConfig: { access: 'public', provenance: true },
}
writeFileSync(join(target, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`)
console.log(target)

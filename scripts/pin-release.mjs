// The release steps of .github/workflows/publish.yml that are more than one shell command (docs/releasing.md).
//   node scripts/pin-release.mjs notes 1.4.0   prints CHANGELOG.md's notes for 1.4.0; fails when there are none
//   node scripts/pin-release.mjs pin 1.4.0     makes the release commits on top of HEAD and prints the last one (to tag)
// `pin`: each release commit pins tierdeploy's own `uses:` references (actions and reusable workflows, in
// .github/workflows, examples/workflows and the CLI's bundled copy of the examples) to its parent's SHA, until every
// reference reachable from the last commit is a SHA; a commit cannot name its own SHA, so one commit is not enough.
// The logic, and its tests, are in packages/workflows/src/release-pins.ts.
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { register } from 'tsx/esm/api'

register()
const { pinRelease, releaseNotes } = await import('../packages/workflows/src/release-pins.ts')

const root = join(import.meta.dirname, '..')
const [command, version, ...rest] = process.argv.slice(2)
if (!['notes', 'pin'].includes(command) || !version || rest.length) {
  console.error('usage: node scripts/pin-release.mjs notes|pin VERSION   (VERSION as in packages/cli/package.json, e.g. 1.4.0)')
  process.exit(2)
}
try {
  if (command === 'notes') {
    process.stdout.write(releaseNotes(readFileSync(join(root, 'CHANGELOG.md'), 'utf8'), version))
  } else {
    const git = (...args) => execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim()
    const { commits } = pinRelease({
      version,
      read: (path) => readFileSync(join(root, path), 'utf8'),
      write: (path, text) => writeFileSync(join(root, path), text),
      git,
      log: (line) => console.error(line),
    })
    console.log(commits.at(-1) ?? git('rev-parse', 'HEAD'))
  }
} catch (e) {
  console.error(`pin-release ${command}: ${e.stderr?.toString().trim() || e.message}`)
  process.exit(1)
}

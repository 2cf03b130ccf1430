// Rebuilds every bundle and fails when the result differs from what is committed: changed, new or deleted
// files under any dist/, catalog/schema.json, the README's generated actions reference and the generated workflows. Run on a clean checkout (CI does).
import { execFileSync } from 'node:child_process'

try {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' })
} catch {
  console.error('check-dist: the build failed (see above), so the bundles cannot be compared')
  process.exit(1)
}
const paths = ['actions', 'packages/cli/dist', 'catalog/schema.json', 'README.md', '.github/workflows']
const status = execFileSync('git', ['status', '--porcelain', '--untracked-files=all', '--', ...paths], { encoding: 'utf8' })
  .split('\n')
  .filter((line) => /\/dist\/|schema\.json$|README\.md$|\.github\/workflows\//.test(line))
if (status.length) {
  console.error('The committed bundles are stale: run `npm run build` and commit the result.\n' + status.join('\n'))
  try {
    console.error(execFileSync('git', ['diff', '--stat', '--', ...paths], { encoding: 'utf8' }))
  } catch {
    // the status lines above already name the files
  }
  process.exit(1)
}
console.log('dist/, catalog/schema.json and the README actions reference match a fresh build')

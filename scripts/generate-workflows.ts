// Writes the generated reusable workflows (packages/workflows) into .github/workflows. Run by `npm run build`;
// check-dist and tests/workflows.test.ts fail when a committed workflow differs from what this writes.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { generatedWorkflows } from '../packages/workflows/src/index.ts'

const root = join(import.meta.dirname, '..')
for (const [path, text] of Object.entries(generatedWorkflows())) writeFileSync(join(root, path), text)

import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { load } from 'js-yaml'
import { afterEach, describe, expect, it } from 'vitest'
import { recordingIO } from '@tierdeploy/action-kit'
import { tempDir, writeFiles } from '@tierdeploy/testkit'
import { INPUTS, OUTPUTS } from './contract.js'
import { run } from './main.js'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

function repository(extra: string): string {
  const t = tempDir('tierdeploy-doctor-action-')
  cleanups.push(t.cleanup)
  writeFiles(t.dir, {
    'catalog/services.yaml': `version: 1\ntiers: [{ id: 1, name: core }]\ndefaults: { healthCheck: { path: /health } }\nservices:\n  a: { path: a, tier: 1 }\n  b: { path: b, tier: 1${extra} }\n`,
    'catalog/environments/dev.yaml': 'name: dev\nregion: us-east-1\n',
    'a/Dockerfile': 'FROM x\n',
    'a/src/x.ts': 'const b = process.env.B_SERVICE_URL\n',
    'b/Dockerfile': 'FROM x\n',
  })
  return t.dir
}

describe('doctor action.yml', () => {
  it('declares exactly the contract inputs and outputs', () => {
    const yml = load(readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', 'action.yml'), 'utf8')) as { inputs: object; outputs: object; runs: { using: string } }
    expect(Object.keys(yml.inputs).sort()).toEqual(Object.values(INPUTS).sort())
    expect(Object.keys(yml.outputs).sort()).toEqual(Object.values(OUTPUTS).sort())
    expect(yml.runs.using).toBe('node24')
  })
})

describe('doctor', () => {
  it('annotates warnings at their file and line without failing the step', async () => {
    const root = repository('')
    const io = recordingIO({ catalog: join(root, 'catalog') })
    await run(io)
    expect(io.failed).toBeUndefined()
    expect(io.annotations).toEqual([expect.objectContaining({ severity: 'warning', file: expect.stringMatching(/a\/src\/x\.ts$/), line: 1, message: expect.stringMatching(/a uses b .* \[undeclared-dependency\]$/) })])
    expect(io.outputs).toMatchObject({ errors: '0', warnings: '1' })
    expect(JSON.parse(io.outputs.findings!)[0]).toMatchObject({ check: 'undeclared-dependency', service: 'a' })
    expect(io.summaries[0]).toContain('### tierdeploy doctor: 0 errors, 1 warning')
  })

  it('fails the step on an error, after annotating it', async () => {
    const root = repository(', routing: { public: true }')
    const io = recordingIO({ catalog: join(root, 'catalog'), 'scan-code': 'false' })
    await run(io)
    expect(io.failed).toBe('tierdeploy doctor found 1 error (see the annotations)')
    expect(io.annotations).toEqual([expect.objectContaining({ severity: 'error', line: 6, message: 'b is public but has no path rule [public-without-path]' })])
  })

  it('rejects a malformed scan-code input', async () => {
    const io = recordingIO({ catalog: 'catalog', 'scan-code': 'maybe' })
    await run(io)
    expect(io.failed).toBe("input 'scan-code' must be true or false, got 'maybe'")
  })
})

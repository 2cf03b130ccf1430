// An action's inputs and outputs are named once, in src/contract.ts. action.yml must declare exactly those names,
// and the code must read and write no other: a renamed input that action.yml still declares would be silently
// ignored on GitHub, so drift fails here.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '..')
const actions = readdirSync(join(root, 'actions')).filter((name) => existsSync(join(root, 'actions', name, 'action.yml'))).sort()

interface ActionYml {
  name?: string
  description?: string
  inputs?: Record<string, { description?: string }>
  outputs?: Record<string, { description?: string }>
  runs?: { using?: string; main?: string }
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [join(dir, e.name)] : [],
  )
}

const sorted = (names: Iterable<string>) => [...new Set(names)].sort()

it('finds the actions', () => {
  expect(actions).toContain('resolve-graph')
})

describe.each(actions)('actions/%s', (name) => {
  const dir = join(root, 'actions', name)
  const yml = parse(readFileSync(join(dir, 'action.yml'), 'utf8')) as ActionYml

  it('runs on node24 from dist/index.js', () => {
    expect(yml.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
  })

  it('declares exactly the inputs and outputs named in src/contract.ts', async () => {
    const contract = (await import(join(dir, 'src/contract.ts'))) as { INPUTS?: Record<string, string>; OUTPUTS?: Record<string, string> }
    expect(contract.INPUTS, 'src/contract.ts exports INPUTS').toBeDefined()
    expect(contract.OUTPUTS, 'src/contract.ts exports OUTPUTS').toBeDefined()
    expect(sorted(Object.keys(yml.inputs ?? {}))).toEqual(sorted(Object.values(contract.INPUTS!)))
    expect(sorted(Object.keys(yml.outputs ?? {}))).toEqual(sorted(Object.values(contract.OUTPUTS!)))
  })

  it('documents every input and output', () => {
    const undocumented = [...Object.entries(yml.inputs ?? {}), ...Object.entries(yml.outputs ?? {})].filter(([, v]) => !v?.description).map(([k]) => k)
    expect(undocumented).toEqual([])
  })

  it('reads and writes only names its contract declares (no string literal input or output names in the code)', async () => {
    const contract = (await import(join(dir, 'src/contract.ts'))) as { INPUTS: Record<string, string>; OUTPUTS: Record<string, string> }
    const inputs = new Set(Object.values(contract.INPUTS))
    const outputs = new Set(Object.values(contract.OUTPUTS))
    const problems: string[] = []
    for (const file of sourceFiles(join(dir, 'src'))) {
      const text = readFileSync(file, 'utf8')
      for (const m of text.matchAll(/(?:getInput|read[A-Z]\w*)\(\s*io\s*,\s*['"`]([^'"`]+)['"`]/g)) if (!inputs.has(m[1]!)) problems.push(`${file}: reads input '${m[1]}'`)
      for (const m of text.matchAll(/getInput\(\s*['"`]([^'"`]+)['"`]/g)) if (!inputs.has(m[1]!)) problems.push(`${file}: reads input '${m[1]}'`)
      for (const m of text.matchAll(/setOutput\(\s*['"`]([^'"`]+)['"`]/g)) if (!outputs.has(m[1]!)) problems.push(`${file}: writes output '${m[1]}'`)
    }
    expect(problems).toEqual([])
  })
})

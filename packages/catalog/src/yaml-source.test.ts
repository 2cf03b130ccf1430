import { describe, expect, it } from 'vitest'
import { parseYaml, prepareYaml } from './yaml-source.js'

// This file never imports full-yaml.ts: js-yaml is in this process only if prepareYaml loaded it.
describe('prepareYaml: js-yaml loads only for YAML the fast reader leaves to it (issue 16)', () => {
  const plain = { file: 'catalog/services.yaml', text: 'version: 1\nservices:\n  auth:\n    tier: 1\n' }
  const anchors = { file: 'catalog/environments/dev.yaml', text: 'base: &b { cpu: 256 }\nservices:\n  auth: *b\n' }

  it('reads plain YAML without js-yaml, and hands the value read once', async () => {
    await prepareYaml([plain])
    const first = parseYaml(plain).value as { services: { auth: { tier: number } } }
    expect(first).toEqual({ version: 1, services: { auth: { tier: 1 } } })
    first.services.auth.tier = 9
    // Not the value the caller changed: read again.
    expect(parseYaml(plain).value).toEqual({ version: 1, services: { auth: { tier: 1 } } })
    // js-yaml was not loaded: YAML that needs it is a bug of the caller, said so.
    expect(() => parseYaml({ file: 'x.yaml', text: 'a: &x 1\nb: *x\n' })).toThrow(/^internal error: x\.yaml needs the full YAML parser/)
  })

  it('loads js-yaml when a source needs it, with js-yaml\'s values and messages', async () => {
    await prepareYaml([plain, anchors])
    expect(parseYaml(anchors).value).toEqual({ base: { cpu: 256 }, services: { auth: { cpu: 256 } } })
    expect(parseYaml({ file: 'bad.yaml', text: 'a: [1, 2\n' }).problem).toMatchObject({ file: 'bad.yaml', severity: 'error', message: expect.stringMatching(/^YAML syntax error/) })
  })
})

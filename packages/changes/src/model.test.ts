import { describe, expect, it } from 'vitest'
import { reasonsJson, type ChangeReason } from './model.js'

describe('reasonsJson', () => {
  const reasons: Record<string, ChangeReason[]> = {
    a: [{ kind: 'global', count: 2, files: ['package-lock.json', 'tsconfig.base.json'] }, { kind: 'library', library: 'lib', via: [] }],
    b: [{ kind: 'files', count: 1, files: ['b/x.ts'] }, { kind: 'build', count: 1, files: ['docker/b.Dockerfile'] }],
  }

  it('keeps the reasons whole under the limit', () => {
    expect(reasonsJson(reasons)).toEqual({ json: JSON.stringify(reasons), trimmed: false })
  })

  it('drops file lists but keeps counts and other reasons over the limit', () => {
    const { json, trimmed } = reasonsJson(reasons, 50)
    expect(trimmed).toBe(true)
    expect(JSON.parse(json)).toEqual({
      a: [{ kind: 'global', count: 2, files: [] }, { kind: 'library', library: 'lib', via: [] }],
      b: [{ kind: 'files', count: 1, files: [] }, { kind: 'build', count: 1, files: [] }],
    })
  })
})

import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigurationError } from '@tierdeploy/catalog'
import { tempDir, writeFiles } from '@tierdeploy/testkit'
import { readBoolean, readChoice, readInteger, readJson, readJsonFile, readList, writeInputFile } from './inputs.js'
import { recordingIO } from './io.js'
import { runAction } from './run.js'

describe('input readers', () => {
  it('reject a typo instead of quietly using the default', () => {
    const io = recordingIO({ 'rollback-on-failure': 'ture', 'timeout-minutes': '3O', mode: 'rollbak', images: '{bad' })
    expect(() => readBoolean(io, 'rollback-on-failure', true)).toThrow("input 'rollback-on-failure' must be true or false, got 'ture'")
    expect(() => readInteger(io, 'timeout-minutes', { default: 30 })).toThrow("input 'timeout-minutes' must be a whole number, got '3O'")
    expect(() => readChoice(io, 'mode', ['deploy', 'rollback'], 'deploy')).toThrow("input 'mode' must be one of deploy, rollback, got 'rollbak'")
    expect(() => readJson(io, 'images')).toThrow(/input 'images' is not valid JSON/)
  })

  it('use the default only when the input is absent, and check ranges', () => {
    const io = recordingIO({ n: '500', flag: 'FALSE' })
    expect(readBoolean(io, 'missing', true)).toBe(true)
    expect(readBoolean(io, 'flag', true)).toBe(false)
    expect(readInteger(io, 'missing', { default: 30 })).toBe(30)
    expect(() => readInteger(io, 'n', { min: 1, max: 360 })).toThrow("input 'n' must be between 1 and 360, got 500")
  })

  it('read lists as JSON arrays or comma/newline text', () => {
    expect(readList(recordingIO({ s: '["a","b"]' }), 's')).toEqual(['a', 'b'])
    expect(readList(recordingIO({ s: 'a, b\nc' }), 's')).toEqual(['a', 'b', 'c'])
    expect(readList(recordingIO({}), 's')).toBeUndefined()
    expect(() => readList(recordingIO({ s: '[1]' }), 's')).toThrow("input 's' must be a JSON array of strings")
  })
})

describe('file inputs', () => {
  it('read a JSON file an input names, and name the input and path when it is missing, a directory or not JSON', () => {
    const { dir, cleanup } = tempDir()
    try {
      writeFiles(dir, { 'images.json': '{"auth":"x"}', 'bad.json': '{"auth":' })
      mkdirSync(join(dir, 'folder'))
      const read = (path: string) => readJsonFile(recordingIO({ 'images-file': path }), 'images-file')
      expect(read(join(dir, 'images.json'))).toEqual({ path: join(dir, 'images.json'), value: { auth: 'x' } })
      expect(read('')).toBeUndefined()
      expect(() => read(join(dir, 'nope.json'))).toThrow(`input 'images-file': cannot read ${join(dir, 'nope.json')} (no such file)`)
      expect(() => read(join(dir, 'folder'))).toThrow(`input 'images-file': cannot read ${join(dir, 'folder')} (a directory, not a file)`)
      expect(() => read(join(dir, 'bad.json'))).toThrow(new RegExp(`input 'images-file': ${join(dir, 'bad.json')} is not valid JSON`))
    } finally {
      cleanup()
    }
  })

  it('write a file an input names, creating its directories, and name the input when the path cannot be written', () => {
    const { dir, cleanup } = tempDir()
    try {
      writeInputFile('result-file', join(dir, 'results/tier-1/result.json'), '[]')
      expect(readFileSync(join(dir, 'results/tier-1/result.json'), 'utf8')).toBe('[]')
      writeFiles(dir, { plain: 'x' })
      expect(() => writeInputFile('result-file', join(dir, 'plain/result.json'), '[]')).toThrow(/^input 'result-file': cannot write .*plain\/result\.json/)
    } finally {
      cleanup()
    }
  })
})

describe('runAction', () => {
  it('fails the step with the message and annotations of a user mistake', async () => {
    const io = recordingIO()
    await runAction(async () => {
      throw new ConfigurationError('unknown service paymnt', [{ file: 'catalog/services.yaml', line: 3, severity: 'error', message: 'x' }])
    }, io)
    expect(io.failed).toBe('unknown service paymnt')
    expect(io.annotations).toEqual([expect.objectContaining({ file: 'catalog/services.yaml', line: 3 })])
    expect(io.logs.join('\n')).not.toMatch(/\n\s+at /)
  })

  it('fails the step for a bug and logs its stack', async () => {
    const io = recordingIO()
    await runAction(async () => {
      throw new TypeError('x is undefined')
    }, io)
    expect(io.failed).toBe('TypeError: x is undefined')
    expect(io.logs.some((l) => l.includes('at '))).toBe(true)
  })

  it('fails the step when a non-Error is thrown', async () => {
    const io = recordingIO()
    await runAction(async () => {
      throw 'plain string'
    }, io)
    expect(io.failed).toBe('failed: plain string')
  })

  it('leaves the step green when the body succeeds', async () => {
    const io = recordingIO()
    await runAction(async (io) => io.setOutput('x', '1'), io)
    expect(io.failed).toBeUndefined()
    expect(io.outputs).toEqual({ x: '1' })
  })
})

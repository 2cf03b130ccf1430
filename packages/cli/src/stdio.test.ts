import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { generateCatalog, outputOf, tempDir, writeFiles } from '@tierdeploy/testkit'
import { describe, expect, it } from 'vitest'
import { fdOutput, type FdEffects } from './stdio.js'

/** A file descriptor that takes what `accept` says it takes, and a stream that records what it is given. */
function fakeFd(accept: (bytes: Buffer) => number | NodeJS.ErrnoException) {
  const direct: Buffer[] = []
  const streamed: Buffer[] = []
  let streams = 0
  const errorListeners: Array<(error: Error) => void> = []
  const effects: FdEffects = {
    writeSync(_fd, text) {
      const bytes = Buffer.from(text)
      const taken = accept(bytes)
      if (taken instanceof Error) throw taken
      direct.push(bytes.subarray(0, taken))
      return taken
    },
    stream() {
      streams++
      return { write: (chunk: string | Uint8Array) => streamed.push(Buffer.from(chunk)), on: (_event: 'error', listener: (error: Error) => void) => errorListeners.push(listener) }
    },
  }
  return { effects, direct, streamed, streams: () => streams, streamFails: (error: Error) => errorListeners.forEach((l) => l(error)) }
}

const errno = (code: string): NodeJS.ErrnoException => Object.assign(new Error(`${code}: write`), { code })

describe('fdOutput', () => {
  it('writes each text whole to the file descriptor, without making a stream', () => {
    const fd = fakeFd((b) => b.length)
    const write = fdOutput(1, fd.effects)
    write('plan\n')
    write('naïve → ok\n')
    expect(Buffer.concat(fd.direct).toString()).toBe('plan\nnaïve → ok\n')
    expect(fd.streams()).toBe(0)
  })

  it('continues a short write, counted in bytes, until every byte is written', () => {
    // 3 bytes of 'é€x' is 'é' and the first byte of '€': what follows must be the remaining bytes, not characters.
    let calls = 0
    const fd = fakeFd((b) => (++calls === 1 ? 3 : Math.min(2, b.length)))
    const write = fdOutput(1, fd.effects)
    write('é€x')
    write('after')
    expect(Buffer.concat(fd.direct).toString()).toBe('é€xafter')
    expect(fd.streams()).toBe(0)
  })

  it('hands the rest of a short write to the stream when the pipe is full (EAGAIN), and the stream’s EPIPE ends output quietly', () => {
    let calls = 0
    const fd = fakeFd(() => (++calls === 1 ? 3 : errno('EAGAIN')))
    const write = fdOutput(1, fd.effects)
    write('é€x')
    write('after')
    expect(Buffer.concat([...fd.direct, ...fd.streamed]).toString()).toBe('é€xafter')
    expect(Buffer.concat(fd.streamed).equals(Buffer.concat([Buffer.from('é€x').subarray(3), Buffer.from('after')]))).toBe(true)
    expect(fd.streams()).toBe(1)
    expect(calls).toBe(2)
    expect(() => fd.streamFails(errno('EPIPE'))).not.toThrow()
    write('dropped')
    expect(Buffer.concat(fd.streamed).toString()).not.toMatch(/dropped/)
    expect(() => fd.streamFails(errno('EIO'))).toThrow(/EIO/)
  })

  it('passes a full non-blocking pipe (EAGAIN) to the stream, which keeps the order of later writes', () => {
    let calls = 0
    const fd = fakeFd((b) => (++calls === 2 ? errno('EAGAIN') : b.length))
    const write = fdOutput(1, fd.effects)
    write('one ')
    write('two ')
    write('three')
    expect(Buffer.concat(fd.direct).toString()).toBe('one ')
    expect(Buffer.concat(fd.streamed).toString()).toBe('two three')
    expect(fd.streams()).toBe(1)
  })

  it('drops output quietly once the reader has gone (EPIPE)', () => {
    let calls = 0
    const fd = fakeFd((b) => (++calls === 2 ? errno('EPIPE') : b.length))
    const write = fdOutput(1, fd.effects)
    write('first\n')
    expect(() => write('second\n')).not.toThrow()
    write('third\n')
    expect(Buffer.concat(fd.direct).toString()).toBe('first\n')
    expect(calls).toBe(2)
    expect(fd.streams()).toBe(0)
  })

  it('throws any other error: a closed or invalid descriptor is not a reader going away', () => {
    const fd = fakeFd(() => errno('EBADF'))
    expect(() => fdOutput(1, fd.effects)('x')).toThrow(/EBADF/)
  })
})

describe('the CLI entry point', () => {
  const bin = join(import.meta.dirname, '../bin/tierdeploy.js')

  it('prints --help whole through a pipe, and exits 0 without a stack when the reader closes the pipe early', { timeout: 30_000 }, async () => {
    const whole = await outputOf(spawn(process.execPath, [bin, '--help'], { stdio: ['ignore', 'pipe', 'pipe'] }))
    expect(whole.status).toBe(0)
    expect(whole.stdout).toMatch(/^tierdeploy: deploy a monorepo/)
    expect(whole.stdout).toMatch(/\n {2}changed {2,}/)
    expect(whole.stderr).toBe('')

    // The reader is gone before the CLI writes: the write fails with EPIPE, which must not become a crash.
    const early = spawn(process.execPath, [bin, '--help'], { stdio: ['ignore', 'pipe', 'pipe'] })
    early.stdout.destroy()
    const closedEarly = await outputOf(early)
    expect(closedEarly.stderr).toBe('')
    expect(closedEarly.status).toBe(0)
  })

  it('stops quietly when the reader closes the pipe part-way through a long output', { timeout: 60_000 }, async () => {
    const temp = tempDir('tierdeploy-stdio-')
    try {
      writeFiles(temp.dir, { 'catalog/services.yaml': generateCatalog(1_500).yaml })
      const child = spawn(process.execPath, [bin, 'plan', '--catalog', join(temp.dir, 'catalog'), '--tier', 'all', '--json'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, TIERDEPLOY_CACHE: 'off' } })
      let first = ''
      // Read the first chunk and close, as `| head -c 100` does: the rest of the output (well over a pipe's 64 KB)
      // meets a closed pipe in the middle of a write.
      child.stdout.once('data', (d: Buffer) => {
        first = d.toString().slice(0, 100)
        child.stdout.destroy()
      })
      const result = await outputOf(child)
      expect(first).toMatch(/^\{"tiers":\[/)
      expect(result.stderr).toBe('')
      expect(result.status).toBe(0)
    } finally {
      temp.cleanup()
    }
  })
})

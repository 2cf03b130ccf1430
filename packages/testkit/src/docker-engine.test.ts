import { describe, expect, it } from 'vitest'
import { findExecutable, requireDockerEngineCommands } from './docker-engine.js'
import { tempDir } from './temp.js'

describe('requireDockerEngineCommands', () => {
  it('fails naming each missing command and the Debian packages that provide them, instead of skipping', () => {
    const empty = tempDir()
    try {
      expect(() => requireDockerEngineCommands(empty.dir)).toThrow(
        'the real-engine tests need commands missing from PATH: dockerd, docker, docker-registry, busybox; install them (Debian: apt-get install -y docker.io docker-registry busybox-static; .ci/run does this)',
      )
    } finally {
      empty.cleanup()
    }
  })

  it('finds an executable on PATH', () => {
    expect(findExecutable('sh', '/nonexistent:/bin')).toBe('/bin/sh')
    expect(findExecutable('tierdeploy-no-such-program', '/bin')).toBeUndefined()
  })
})

import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Exec } from './exec.js'
import { spawnExec } from './exec.js'

/** The fixtures terraform tests run on (only the built-in terraform_data resource, local backend). */
export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures')

export interface FixtureCopy {
  /** Directory tests pass as baseDir; the fixture sits in `root/<name>`. */
  root: string
  dir: string
  /** An environment for the real terraform: no ~/.terraformrc, no plugin cache, no checkpoint calls. */
  env: NodeJS.ProcessEnv
  cleanup: () => void
}

/** Copies a fixture into a fresh temp directory so each test has its own state and .terraform. */
export function copyFixture(name: string): FixtureCopy {
  const root = mkdtempSync(join(tmpdir(), `tierdeploy-tf-${name}-`))
  const dir = join(root, name)
  cpSync(join(FIXTURES, name), dir, { recursive: true })
  const rc = join(root, 'terraformrc')
  writeFileSync(rc, '')
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: root,
    TF_CLI_CONFIG_FILE: rc,
    CHECKPOINT_DISABLE: '1',
  }
  return { root, dir, env, cleanup: () => rmSync(root, { recursive: true, force: true }) }
}

/** The real exec, recording each terraform subcommand run. */
export function recordingExec(): { exec: Exec; commands: string[] } {
  const commands: string[] = []
  return {
    commands,
    exec: (file, args, options) => {
      commands.push(args[0] ?? '')
      return spawnExec(file, args, options)
    },
  }
}

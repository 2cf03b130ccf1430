// Every module and root, validated and tested (`terraform test`, mock providers) against the REAL hashicorp/aws provider:
// from the machine's filesystem mirror when there is one (offline machines carry /opt/tf-plugins), else from the
// registry. Slow (about 20 s a directory), so each directory is one test, and it runs in the README's test command.
import { execFile } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

const run = promisify(execFile)
const TERRAFORM = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'terraform')
const MIRROR = process.env.TIERDEPLOY_TF_PROVIDER_MIRROR ?? '/opt/tf-plugins'

function cliConfig(): string {
  const dir = join(tmpdir(), 'tierdeploy-tf-providers')
  mkdirSync(join(dir, 'cache'), { recursive: true })
  const file = join(dir, 'terraformrc')
  const mirror = existsSync(join(MIRROR, 'registry.terraform.io', 'hashicorp', 'aws'))
    ? `provider_installation {\n  filesystem_mirror {\n    path    = "${MIRROR}"\n    include = ["registry.terraform.io/hashicorp/aws"]\n  }\n}\n`
    : ''
  writeFileSync(file, `${mirror}plugin_cache_dir = "${join(dir, 'cache')}"\n`)
  return file
}

const directories = [
  ...readdirSync(join(TERRAFORM, 'modules')).map((m) => `modules/${m}`),
  'platform',
  'bootstrap',
]

describe('terraform validate and terraform test with the real AWS provider', () => {
  const env = { PATH: process.env.PATH, HOME: tmpdir(), TF_CLI_CONFIG_FILE: cliConfig(), CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1' }

  it.each(directories)('%s', async (directory) => {
    const cwd = join(TERRAFORM, directory)
    const terraform = async (...args: string[]) => {
      try {
        return (await run('terraform', [...args, '-no-color'], { cwd, env, maxBuffer: 16 * 1024 * 1024 })).stdout
      } catch (e) {
        const { stdout, stderr } = e as { stdout?: string; stderr?: string }
        throw new Error(`terraform ${args[0]} in terraform/${directory} failed${existsSync(MIRROR) ? '' : ` (no provider mirror at ${MIRROR} and the registry was tried: set TIERDEPLOY_TF_PROVIDER_MIRROR)`}:\n${stdout ?? ''}${stderr ?? ''}`, { cause: e })
      }
    }
    await terraform('init', '-backend=false', '-input=false')
    // terraform test validates the configuration first; a directory without tests is validated on its own.
    if (existsSync(join(cwd, 'tests'))) expect(await terraform('test')).toMatch(/Success! \d+ passed, 0 failed\./)
    else expect(await terraform('validate')).toContain('Success! The configuration is valid.')
  }, 300_000)
})

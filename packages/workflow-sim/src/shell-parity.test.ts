// The simulator fakes the deploy workflow's shell steps in TypeScript (checkInputs, readSettings). Where bash, jq
// and yq exist (GitHub's runners have them), this runs the real scripts from deploy.yml on the same inputs and
// checks both agree, so the fakes cannot drift from the workflow.
import { execFileSync, spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { afterAll, describe, expect, it } from 'vitest'
import { tempDir } from '@tierdeploy/testkit'
import { checkInputs, readSettings, REPOSITORY_ROOT, tierdeploySteps, type PlatformRepo, type StepCall, type StepOutcome } from './index.js'

const haveTools = ['bash', 'jq', 'yq'].every((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0)
const deploy = parse(readFileSync(join(REPOSITORY_ROOT, '.github/workflows/deploy.yml'), 'utf8')) as { jobs: Record<string, { steps: Array<{ id?: string; run?: string }> }> }
const script = (id: string, job = 'plan') => deploy.jobs[job]!.steps.find((s) => s.id === id)!.run!
const work = tempDir('tierdeploy-shell-')
afterAll(() => work.cleanup())

/** Runs a step's script as GitHub does (bash -eo pipefail) and reads what it wrote to GITHUB_OUTPUT. */
function runScript(text: string, env: Record<string, string>): StepOutcome {
  const output = join(work.dir, 'output')
  writeFileSync(output, '')
  const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', text], { env: { PATH: process.env.PATH, ...env, GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: join(work.dir, 'summary') }, encoding: 'utf8' })
  if (result.status !== 0) return { failure: /::error title=tierdeploy::(.*)/.exec(result.stdout)?.[1] ?? `exit ${result.status}: ${result.stderr}` }
  return { outputs: parseGithubOutput(readFileSync(output, 'utf8')) }
}

/** GITHUB_OUTPUT's two forms: name=value lines, and name<<DELIMITER / value lines / DELIMITER. */
function parseGithubOutput(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const end = lines.indexOf(heredoc[2]!, i + 1)
      outputs[heredoc[1]!] = lines.slice(i + 1, end).join('\n')
      i = end
    } else if (line.includes('=')) outputs[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1)
  }
  return outputs
}

describe.skipIf(!haveTools)('the shell steps of deploy.yml agree with the simulator', () => {
  const digest = 'ab'.repeat(32)
  const inputCases: Array<Record<string, string>> = [
    { MODE: 'deploy', INFRASTRUCTURE: 'auto', SERVICES: 'auth,rfq' },
    { MODE: 'deploy', INFRASTRUCTURE: 'auto', SERVICES: '' },
    { MODE: 'deploy', INFRASTRUCTURE: 'auto', SERVICES: 'auth\nrole=arn:aws:iam::666666666666:role/evil' },
    { MODE: 'deploy', INFRASTRUCTURE: 'maybe' },
    { MODE: 'redeploy', INFRASTRUCTURE: 'auto' },
    { MODE: 'rollback', INFRASTRUCTURE: 'auto', ROLLBACK_SERVICE: 'rfq', ROLLBACK_VERSION: 'previous' },
    { MODE: 'rollback', INFRASTRUCTURE: 'auto', ROLLBACK_SERVICE: 'rfq', ROLLBACK_VERSION: '0123abc' },
    { MODE: 'rollback', INFRASTRUCTURE: 'auto', ROLLBACK_SERVICE: '', ROLLBACK_VERSION: 'previous' },
    { MODE: 'rollback', INFRASTRUCTURE: 'auto', ROLLBACK_SERVICE: 'rfq', ROLLBACK_VERSION: 'last week' },
    { MODE: 'deploy', INFRASTRUCTURE: 'false', IMAGES: JSON.stringify({ b: `r/b@sha256:${digest}`, a: `r/a@sha256:${digest}` }) },
    { MODE: 'deploy', INFRASTRUCTURE: 'false', IMAGES: JSON.stringify({ a: 'r/a:latest' }) },
    { MODE: 'deploy', INFRASTRUCTURE: 'false', IMAGES: '{}' },
    { MODE: 'deploy', INFRASTRUCTURE: 'false', IMAGES: 'not json' },
    // Inputs that try to start workflow commands of their own inside the error message.
    { MODE: 'deploy\n::add-mask::100%', INFRASTRUCTURE: 'auto' },
    { MODE: 'rollback', INFRASTRUCTURE: 'auto', ROLLBACK_SERVICE: 'rfq', ROLLBACK_VERSION: 'x\r\n::set-output name=services::evil' },
  ]
  it.each(inputCases)('Check inputs: %j', (env) => {
    expect(runScript(script('inputs'), env)).toEqual(checkInputs(env))
  })

  it('writes an error about a hostile input as one workflow command, its newlines escaped', () => {
    const output = join(work.dir, 'output')
    writeFileSync(output, '')
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script('inputs')], {
      env: { PATH: process.env.PATH, MODE: 'deploy\n::add-mask::x\n::set-output name=services::evil', INFRASTRUCTURE: 'auto', GITHUB_OUTPUT: output },
      encoding: 'utf8',
    })
    expect(result.status).toBe(1)
    expect(result.stdout.split('\n').filter((l) => l.startsWith('::'))).toEqual([
      "::error title=tierdeploy::input 'mode' must be deploy or rollback, got 'deploy%0A::add-mask::x%0A::set-output name=services::evil'",
    ])
  })

  const catalog = join(REPOSITORY_ROOT, 'catalog')
  const reference = join(work.dir, 'catalog')
  execFileSync('mkdir', ['-p', join(reference, 'environments')])
  writeFileSync(join(reference, 'environments/qa.yml'), 'name: qa\nregion: ca-central-1\nroleArn: { stackOutput: platform.DeployRoleArn }\n')
  const settingsCases: Array<Record<string, string>> = [
    { CATALOG: catalog, ENVIRONMENT: 'staging', BUILD_CHUNKS: '[{"include":[]}]' },
    { CATALOG: catalog, ENVIRONMENT: 'production', BUILD_CHUNKS: '[]' },
    { CATALOG: catalog, ENVIRONMENT: 'production', APPROVAL_ENVIRONMENT: 'production-approval', BUILD_CHUNKS: '[]' },
    { CATALOG: catalog, ENVIRONMENT: 'staging', BUILD_CHUNKS: JSON.stringify(Array.from({ length: 6 }, () => ({ include: [] }))) },
    { CATALOG: reference, ENVIRONMENT: 'qa', BUILD_CHUNKS: '[]' },
    { CATALOG: reference, ENVIRONMENT: 'qa', ROLE: 'arn:aws:iam::1:role/given', BUILD_CHUNKS: '[]' },
  ]
  it.each(settingsCases)("Read the environment's settings: %j", (env) => {
    expect(runScript(script('settings'), env)).toEqual(readSettings(env))
  })

  const jobs = ['plan', 'infra-plan', 'approve', 'infra-apply', 'build-1', 'build-2', 'build-3', 'build-4', 'build-5', 'images', 'tier-1', 'tier-2', 'tier-3', 'tier-4', 'rollback-release', 'rollback', 'record']
  const results = (overrides: Record<string, string>) =>
    Object.fromEntries(jobs.map((j) => [`RESULT_${j.toUpperCase().replaceAll('-', '_')}`, overrides[j] ?? 'skipped']))
  it.each<Record<string, string>>([{}, { plan: 'success', 'tier-1': 'success' }, { plan: 'success', 'tier-1': 'success', 'tier-2': 'failure', 'rollback-release': 'success' }, { approve: 'cancelled' }])(
    'Summarise the run: %j',
    async (overrides) => {
      const env = { ENVIRONMENT: 'staging', ...results(overrides) }
      const { handler } = tierdeploySteps({ repo: { root: work.dir } as PlatformRepo })
      const fake = await handler({ workflow: 'deploy.yml', job: 'summary', step: 'summarise', index: 1, name: 'Summarise the run', run: '', with: {}, env, inputs: {}, github: {} } as StepCall)
      expect(runScript(script('summarise', 'summary'), env)).toEqual(fake?.failure ? { failure: fake.failure } : { outputs: {} })
    },
  )
})

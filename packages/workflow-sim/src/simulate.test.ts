import { describe, expect, it } from 'vitest'
import { evaluateExpression } from './expressions.js'
import { GitHubQueue } from './sim-queue.js'
import { rerunAllJobs, rerunFailedJobs } from './sim-rerun.js'
import { allJobs, expandMatrix, jobsThatRan, simulateWorkflow, type ReviewDecision, type SimulationResult, type StepCall } from './simulate.js'
import { parseWorkflowText } from './workflow.js'

const wf = (jobs: string, on = 'push') => parseWorkflowText('test.yml', `on: ${on}\njobs:\n${jobs}`)

describe('evaluateExpression', () => {
  it('reads contexts, filters with .* and parses JSON like GitHub', () => {
    const ctx = { needs: { a: { result: 'success' }, b: { result: 'failure' } }, inputs: { m: '{"include":[{"s":1}]}' } }
    expect(evaluateExpression("contains(needs.*.result, 'failure')", ctx)).toBe(true)
    expect(evaluateExpression('fromJSON(inputs.m).include[0].s', ctx)).toBe(1)
    expect(evaluateExpression("toJSON(fromJSON('[]')[0])", ctx)).toBe('null')
    expect(evaluateExpression("inputs.missing == ''", ctx)).toBe(true)
  })
})

describe('expandMatrix', () => {
  it('crosses vectors, removes excludes and extends or appends includes', () => {
    expect(expandMatrix({ os: ['a', 'b'], v: [1, 2], exclude: [{ os: 'b', v: 2 }], include: [{ os: 'a', extra: true }, { os: 'c' }] })).toEqual([
      { os: 'a', v: 1, extra: true },
      { os: 'a', v: 2, extra: true },
      { os: 'b', v: 1 },
      { os: 'c' },
    ])
  })

  it('takes an include-only matrix as its entries', () => {
    expect(expandMatrix({ include: [{ service: 'x' }, { service: 'y' }] })).toEqual([{ service: 'x' }, { service: 'y' }])
  })

  it('rejects a matrix that is not a mapping', () => {
    expect(() => expandMatrix(null)).toThrow(/strategy.matrix must be a mapping/)
  })
})

describe('simulateWorkflow', () => {
  it("skips a job whose need was skipped, unless its if: opts out with !cancelled()", async () => {
    const result = await simulateWorkflow(await wf(`
  a: { runs-on: x, if: "false", steps: [{ run: echo }] }
  b: { runs-on: x, needs: a, steps: [{ run: echo }] }
  c: { runs-on: x, needs: a, if: "\${{ !cancelled() }}", steps: [{ run: echo }] }
`))
    expect(result.order.map((id) => [id, result.jobs[id]!.result])).toEqual([['a', 'skipped'], ['b', 'skipped'], ['c', 'success']])
  })

  it('sees a failure anywhere upstream through failure(), and skips default jobs below it', async () => {
    const result = await simulateWorkflow(await wf(`
  a: { runs-on: x, steps: [{ id: s, run: exit 1 }] }
  b: { runs-on: x, needs: a, steps: [{ run: echo }] }
  c: { runs-on: x, needs: b, if: "\${{ failure() }}", steps: [{ run: echo }] }
  d: { runs-on: x, needs: b, if: "\${{ always() }}", steps: [{ run: echo }] }
`), { steps: (call) => (call.step === 's' ? { failure: 'boom' } : {}) })
    expect(result.order.map((id) => result.jobs[id]!.result)).toEqual(['failure', 'skipped', 'success', 'success'])
    expect(result.conclusion).toBe('failure')
  })

  it('runs a matrix from a needs output and evaluates each leg with its entry', async () => {
    const seen: string[] = []
    const result = await simulateWorkflow(await wf(`
  plan: { runs-on: x, outputs: { m: "\${{ steps.p.outputs.m }}" }, steps: [{ id: p, run: echo }] }
  build:
    runs-on: x
    needs: plan
    strategy: { matrix: "\${{ fromJSON(needs.plan.outputs.m) }}" }
    steps: [{ uses: some/action@v1, with: { service: "\${{ matrix.service }}" } }]
`), {
      steps: (call) => {
        if (call.step === 'p') return { outputs: { m: JSON.stringify({ include: [{ service: 'a' }, { service: 'b' }] }) } }
        if (call.action === 'action') seen.push(call.with.service!)
        return {}
      },
    })
    expect(result.jobs.build!.matrix).toEqual([{ service: 'a' }, { service: 'b' }])
    expect(seen).toEqual(['a', 'b'])
  })

  it('fails a job whose matrix is empty or larger than 256, as GitHub does', async () => {
    const big = JSON.stringify({ include: Array.from({ length: 257 }, (_, i) => ({ i })) })
    const result = await simulateWorkflow(await wf(`
  empty: { runs-on: x, strategy: { matrix: "\${{ fromJSON(inputs.e) }}" }, steps: [{ run: echo }] }
  big: { runs-on: x, strategy: { matrix: "\${{ fromJSON(inputs.m) }}" }, steps: [{ run: echo }] }
`, `{ workflow_dispatch: { inputs: { m: { type: string }, e: { type: string } } } }`), { inputs: { m: big, e: '{"include":[]}' } })
    expect(result.jobs.empty!.result).toBe('failure')
    expect(result.jobs.empty!.reason).toMatch(/no entries/)
    expect(result.jobs.big!.reason).toMatch(/257 entries/)
  })

  it('applies input defaults and rejects undeclared inputs', async () => {
    const workflow = await wf(`
  a: { runs-on: x, if: "inputs.flag", steps: [{ run: echo }] }
`, `{ workflow_call: { inputs: { flag: { type: boolean, default: true } } } }`)
    expect(jobsThatRan(await simulateWorkflow(workflow))).toEqual(['a'])
    expect(jobsThatRan(await simulateWorkflow(workflow, { inputs: { flag: false } }))).toEqual([])
    await expect(simulateWorkflow(workflow, { inputs: { flga: true } })).rejects.toThrow(/input 'flga' is not declared/)
  })

  it('evaluates workflow_call outputs from the jobs context', async () => {
    const result = await simulateWorkflow(await wf(`
  a: { runs-on: x, outputs: { o: "\${{ steps.s.outputs.v }}" }, steps: [{ id: s, run: echo }] }
`, `{ workflow_call: { outputs: { out: { value: "\${{ jobs.a.outputs.o }}" } } } }`), { steps: () => ({ outputs: { v: 'hello' } }) })
    expect(result.outputs).toEqual({ out: 'hello' })
  })
})

/** A loader for reusable workflows given as text, by the ref a job's uses: names. */
const loader = (files: Record<string, string>) => async (ref: string) => {
  const text = files[ref]
  if (text === undefined) throw new Error(`no workflow ${ref}`)
  return parseWorkflowText(ref, text)
}

describe("GitHub's rules the simulator follows (each one a rule the workflows rely on)", () => {

  it('adds an implicit success() to an if: without a status function, so a skipped need still skips the job', async () => {
    const result = await simulateWorkflow(await wf(`
  a: { runs-on: x, if: "false", steps: [{ run: echo }] }
  b: { runs-on: x, needs: a, if: "true", steps: [{ run: echo }] }
  c: { runs-on: x, needs: a, if: "\${{ always() && true }}", steps: [{ run: echo }] }
`))
    expect([result.jobs.b!.result, result.jobs.c!.result]).toEqual(['skipped', 'success'])
  })

  it("exposes needs.<id>.result as success, failure, skipped or cancelled, for contains(needs.*.result, 'failure')", async () => {
    const result = await simulateWorkflow(await wf(`
  ok: { runs-on: x, steps: [{ run: echo }] }
  bad: { runs-on: x, steps: [{ id: s, run: exit 1 }] }
  off: { runs-on: x, if: "false", steps: [{ run: echo }] }
  report:
    runs-on: x
    needs: [ok, bad, off]
    if: "\${{ always() }}"
    outputs: { results: "\${{ toJSON(needs.*.result) }}", failed: "\${{ contains(needs.*.result, 'failure') }}" }
    steps: [{ run: echo }]
`), { steps: (call) => (call.step === 's' ? { failure: 'boom' } : {}) })
    expect(JSON.parse(result.jobs.report!.outputs.results!)).toEqual(['success', 'failure', 'skipped'])
    expect(result.jobs.report!.outputs.failed).toBe('true')
  })

  it('fails a job whose matrix is fromJSON of an empty string (a skipped or empty output), before any step runs', async () => {
    const steps: string[] = []
    const result = await simulateWorkflow(await wf(`
  plan: { runs-on: x, outputs: { m: "\${{ steps.p.outputs.m }}" }, steps: [{ id: p, run: echo }] }
  build: { runs-on: x, needs: plan, strategy: { matrix: "\${{ fromJSON(needs.plan.outputs.m) }}" }, steps: [{ id: b, run: echo }] }
`), { steps: (call) => void steps.push(`${call.job}/${call.step}`) })
    expect(result.jobs.build!.result).toBe('failure')
    expect(result.jobs.build!.reason).toMatch(/fromJSON/)
    expect(steps).toEqual(['plan/p'])
  })

  it('turns every job output into a string', async () => {
    const result = await simulateWorkflow(await wf(`
  a: { runs-on: x, outputs: { yes: "\${{ 1 == 1 }}", n: "\${{ 3 }}", o: "\${{ fromJSON('{\\"k\\":1}') }}", none: "\${{ steps.nope.outputs.x }}" }, steps: [{ run: echo }] }
`))
    expect(result.jobs.a!.outputs).toEqual({ yes: 'true', n: '3', o: '{\n  "k": 1\n}', none: '' })
  })

  // Passing information between jobs: Using job outputs in a matrix job ("job outputs will be combined from all jobs
  // inside the matrix"; the last leg to finish wins, in an order GitHub does not guarantee).
  it('merges the outputs of matrix legs: a value one leg sets, or all legs set alike, is the output; an empty value never replaces one', async () => {
    const result = await simulateWorkflow(await wf(`
  m:
    runs-on: x
    strategy: { matrix: { n: [1, 2, 3] } }
    outputs: { same: "\${{ steps.s.outputs.same }}", mine: "\${{ steps.s.outputs.only }}", none: "\${{ steps.s.outputs.nothing }}" }
    steps: [{ id: s, run: echo }]
`), { steps: (call) => ({ outputs: { same: 'v', ...(call.matrix!.n === 2 ? { only: 'two' } : {}) } }) })
    expect(result.jobs.m!.outputs).toEqual({ same: 'v', mine: 'two', none: '' })
    expect(result.jobs.m!.ambiguousOutputs).toBeUndefined()
    expect(result.jobs.m!.legs.map((l) => l.outputs!.mine)).toEqual(['', 'two', ''])
  })

  it('runs a reusable-workflow job once per matrix entry; an output only one leg sets is the output', async () => {
    const called = `on: { workflow_call: { inputs: { n: { type: number } }, outputs: { v: { value: "\${{ jobs.j.outputs.v }}" } } } }
jobs:
  j: { runs-on: x, outputs: { v: "\${{ steps.s.outputs.v }}" }, steps: [{ id: s, run: echo }] }
`
    const result = await simulateWorkflow(await wf(`
  call:
    strategy: { fail-fast: false, matrix: { n: [1, 2, 3] } }
    uses: acme/w/.github/workflows/c.yml@v1
    with: { n: "\${{ matrix.n }}" }
`), {
      workflows: loader({ 'acme/w/.github/workflows/c.yml@v1': called }),
      steps: (call) => (call.inputs.n === 3 ? { failure: 'leg 3 fails' } : call.inputs.n === 2 ? { outputs: { v: 'leg-2' } } : {}),
    })
    expect(result.jobs.call!.legs.map((l) => [l.matrix!.n, l.result])).toEqual([[1, 'success'], [2, 'success'], [3, 'failure']])
    expect(result.jobs.call!.result).toBe('failure')
    expect(result.jobs.call!.outputs).toEqual({ v: 'leg-2' })
    expect(result.jobs.call!.legs.map((l) => l.called!.jobs.j!.result)).toEqual(['success', 'success', 'failure'])
  })

  it('refuses more than ten levels of workflows, and accepts ten', async () => {
    const chain = (levels: number) => {
      const files: Record<string, string> = {}
      for (let i = 2; i <= levels; i++) {
        files[`acme/w/.github/workflows/l${i}.yml@v1`] = i < levels
          ? `on: workflow_call\njobs:\n  next: { uses: acme/w/.github/workflows/l${i + 1}.yml@v1 }\n`
          : 'on: workflow_call\njobs:\n  leaf: { runs-on: x, steps: [{ run: echo }] }\n'
      }
      return files
    }
    const top = await wf('  next: { uses: acme/w/.github/workflows/l2.yml@v1 }\n')
    expect((await simulateWorkflow(top, { workflows: loader(chain(10)) })).conclusion).toBe('success')
    await expect(simulateWorkflow(top, { workflows: loader(chain(11)) })).rejects.toThrow(/more than 10 levels/)
  })

  it('refuses more than 50 unique called workflows', async () => {
    const files = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`acme/w/.github/workflows/w${i}.yml@v1`, 'on: workflow_call\njobs:\n  j: { runs-on: x, steps: [{ run: echo }] }\n']))
    const jobs = (n: number) => Array.from({ length: n }, (_, i) => `  c${i}: { uses: acme/w/.github/workflows/w${i}.yml@v1 }\n`).join('')
    expect((await simulateWorkflow(await wf(jobs(50)), { workflows: loader(files) })).conclusion).toBe('success')
    await expect(simulateWorkflow(await wf(jobs(51)), { workflows: loader(files) })).rejects.toThrow(/more than 50 unique/)
  })

  it("refuses a called workflow whose job asks for more permissions than the calling job grants (downgrading is fine)", async () => {
    const called = 'on: workflow_call\npermissions: {}\njobs:\n  j: { runs-on: x, permissions: { id-token: write, contents: read }, steps: [{ run: echo }] }\n'
    const files = { 'acme/w/.github/workflows/c.yml@v1': called }
    const caller = (perms: string) => wf(`  call: { permissions: ${perms}, uses: acme/w/.github/workflows/c.yml@v1 }\n`)
    expect((await simulateWorkflow(await caller('{ contents: write, id-token: write, deployments: write }'), { workflows: loader(files) })).conclusion).toBe('success')
    await expect(simulateWorkflow(await caller('{ contents: read }'), { workflows: loader(files) })).rejects.toThrow(/job 'j' requests id-token: write, but the calling job grants only contents: read/)
    // Without a permissions key in the caller the grant is the repository default, which the simulator cannot know.
    expect((await simulateWorkflow(await wf('  call: { uses: acme/w/.github/workflows/c.yml@v1 }\n'), { workflows: loader(files) })).conclusion).toBe('success')
  })

  it('cancels a called workflow whose concurrency group the caller already holds (a deadlock), and a run with a cancelled job is cancelled', async () => {
    const called = 'on: { workflow_call: { inputs: { env: { type: string } } } }\nconcurrency: { group: "deploy-${{ inputs.env }}", cancel-in-progress: false }\njobs:\n  j: { runs-on: x, steps: [{ run: echo }] }\n'
    const files = { 'acme/w/.github/workflows/c.yml@v1': called }
    const top = (concurrency: string) => parseWorkflowText('caller.yml', `on: push\n${concurrency}\njobs:\n  call: { uses: acme/w/.github/workflows/c.yml@v1, with: { env: staging } }\n`)
    const deadlocked = await simulateWorkflow(await top('concurrency: Deploy-Staging'), { workflows: loader(files) })
    expect(deadlocked.jobs.call!.result).toBe('cancelled')
    expect(deadlocked.jobs.call!.called!.reason).toMatch(/deadlock was detected for concurrency group 'Deploy-Staging'/)
    expect(deadlocked.conclusion).toBe('cancelled')
    expect((await simulateWorkflow(await top('concurrency: caller-staging'), { workflows: loader(files) })).conclusion).toBe('success')
  })

  it('refuses environment: on a job that calls a reusable workflow (only the called jobs may name one)', async () => {
    const caller = await wf('  deploy:\n    environment: production\n    uses: acme/w/.github/workflows/c.yml@v1\n')
    expect(caller.errors.length).toBeGreaterThan(0)
    await expect(simulateWorkflow(caller)).rejects.toThrow(/has errors/)
  })

  it('cancels a job whose concurrency group is the workflow-level group', async () => {
    const result = await simulateWorkflow(await parseWorkflowText('t.yml', 'on: push\nconcurrency: deploy\njobs:\n  a: { runs-on: x, concurrency: deploy, steps: [{ run: echo }] }\n  b: { runs-on: x, concurrency: other, steps: [{ run: echo }] }\n'))
    expect([result.jobs.a!.result, result.jobs.b!.result]).toEqual(['cancelled', 'success'])
    expect(result.jobs.a!.reason).toMatch(/deadlock/)
  })
})

/** Each job's result, by id. */
const results = (result: SimulationResult) => Object.fromEntries(result.order.map((id) => [id, result.jobs[id]!.result]))

/** A promise the test resolves: a step handler awaits it to keep its job (and the groups it holds) running. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void
  const opened = new Promise<void>((resolve) => (open = resolve))
  return { opened, open }
}

describe('skip propagation and status functions along chains of needs', () => {
  // Workflow syntax: jobs.<job_id>.needs — "If a job fails or is skipped, all jobs that need it are skipped unless the
  // jobs use a conditional expression that causes the job to continue. If a run contains a series of jobs that need
  // each other, a failure or skip applies to all jobs in the dependency chain from the point of failure or skip onwards."
  it('skips every job of a chain below a skipped or failed job (Workflow syntax: jobs.<job_id>.needs)', async () => {
    const result = await simulateWorkflow(await wf(`
  off: { runs-on: x, if: "false", steps: [{ run: echo }] }
  off2: { runs-on: x, needs: off, steps: [{ run: echo }] }
  off3: { runs-on: x, needs: off2, steps: [{ run: echo }] }
  off4: { runs-on: x, needs: off3, steps: [{ run: echo }] }
  bad: { runs-on: x, steps: [{ id: boom, run: exit 1 }] }
  bad2: { runs-on: x, needs: bad, steps: [{ run: echo }] }
  bad3: { runs-on: x, needs: bad2, steps: [{ run: echo }] }
`), { steps: (call) => (call.step === 'boom' ? { failure: 'exit 1' } : {}) })
    expect(results(result)).toEqual({ off: 'skipped', off2: 'skipped', off3: 'skipped', off4: 'skipped', bad: 'failure', bad2: 'skipped', bad3: 'skipped' })
  })

  // Expressions: Status check functions, failure — "If you have a chain of dependent jobs, failure() returns true if
  // any ancestor job fails."
  it('makes failure() true for any failed ancestor, three jobs up, even when the direct need succeeded (Expressions: failure)', async () => {
    const result = await simulateWorkflow(await wf(`
  a: { runs-on: x, steps: [{ id: boom, run: exit 1 }] }
  b: { runs-on: x, needs: a, if: "\${{ always() }}", steps: [{ run: echo }] }
  c: { runs-on: x, needs: b, if: "\${{ always() }}", steps: [{ run: echo }] }
  on-failure: { runs-on: x, needs: c, if: "\${{ failure() }}", steps: [{ run: echo }] }
  on-success: { runs-on: x, needs: c, steps: [{ run: echo }] }
`), { steps: (call) => (call.step === 'boom' ? { failure: 'exit 1' } : {}) })
    expect(results(result)).toEqual({ a: 'failure', b: 'success', c: 'success', 'on-failure': 'success', 'on-success': 'skipped' })
  })

  // Workflow syntax: jobs.<job_id>.needs ("from the point of failure or skip onwards"): the implicit success() of a job
  // looks at every ancestor, so a job whose direct needs all succeeded is still skipped when an ancestor it does not
  // list was skipped (actions/runner#2205); `!cancelled()` replaces success() and runs it.
  it('skips a default job below a skipped ancestor it does not list, and runs a !cancelled() job there (Workflow syntax: jobs.<job_id>.needs)', async () => {
    const result = await simulateWorkflow(await wf(`
  optional: { runs-on: x, if: "false", steps: [{ run: echo }] }
  build: { runs-on: x, needs: optional, if: "\${{ !cancelled() && needs.optional.result != 'failure' }}", steps: [{ run: echo }] }
  deploy: { runs-on: x, needs: build, steps: [{ run: echo }] }
  deploy-explicit: { runs-on: x, needs: build, if: "\${{ !cancelled() && needs.build.result == 'success' }}", steps: [{ run: echo }] }
  after-explicit: { runs-on: x, needs: deploy-explicit, if: "\${{ !cancelled() && !contains(needs.*.result, 'failure') }}", steps: [{ run: echo }] }
  after-default: { runs-on: x, needs: deploy-explicit, steps: [{ run: echo }] }
`))
    expect(results(result)).toEqual({ optional: 'skipped', build: 'success', deploy: 'skipped', 'deploy-explicit': 'success', 'after-explicit': 'success', 'after-default': 'skipped' })
    expect(result.conclusion).toBe('success')
  })
})

describe('continue-on-error', () => {
  // Workflow syntax: jobs.<job_id>.steps[*].continue-on-error, and Contexts: steps context — "outcome: the result of a
  // completed step before continue-on-error is applied"; "conclusion: ... after continue-on-error is applied".
  it('lets a job go on after a step that fails with continue-on-error: outcome failure, conclusion success (Workflow syntax: jobs.<job_id>.steps[*].continue-on-error)', async () => {
    const seen: string[] = []
    const result = await simulateWorkflow(await wf(`
  a:
    runs-on: x
    outputs: { o: "\${{ steps.lint.outcome }}/\${{ steps.lint.conclusion }}" }
    steps:
      - { id: lint, run: exit 1, continue-on-error: true }
      - { id: next, run: echo }
      - { id: on-failure, if: "\${{ failure() }}", run: echo }
      - { id: saw-it, if: "\${{ steps.lint.outcome == 'failure' }}", run: echo }
`), { steps: (call) => (seen.push(call.step), call.step === 'lint' ? { failure: 'lint found 3 problems' } : {}) })
    expect(result.jobs.a!.result).toBe('success')
    expect(result.conclusion).toBe('success')
    expect(seen).toEqual(['lint', 'next', 'saw-it'])
    const lint = result.jobs.a!.legs[0]!.steps[0]!
    expect([lint.outcome, lint.conclusion, lint.failure]).toEqual(['failure', 'success', 'lint found 3 problems'])
    expect(result.jobs.a!.outputs.o).toBe('failure/success')
  })

  it('evaluates a step continue-on-error expression; false fails the job as usual (Workflow syntax: jobs.<job_id>.steps[*].continue-on-error)', async () => {
    const workflow = await wf(`
  a: { runs-on: x, steps: [{ id: flaky, run: exit 1, continue-on-error: "\${{ inputs.lenient }}" }, { id: next, run: echo }] }
`, `{ workflow_dispatch: { inputs: { lenient: { type: boolean } } } }`)
    const steps = (call: StepCall) => (call.step === 'flaky' ? { failure: 'flaky' } : {})
    expect((await simulateWorkflow(workflow, { inputs: { lenient: true }, steps })).jobs.a!.result).toBe('success')
    const strict = await simulateWorkflow(workflow, { inputs: { lenient: false }, steps })
    expect(strict.jobs.a!.result).toBe('failure')
    expect(strict.jobs.a!.legs[0]!.steps.map((s) => s.conclusion)).toEqual(['failure', 'skipped'])
  })

  // Workflow syntax: jobs.<job_id>.continue-on-error — "Prevents a workflow run from failing when a job fails." What
  // needs.<job_id>.result then reports is not documented: GitHub reports 'success' (actions/runner#1161,
  // actions/toolkit#581), while the job shows as failed. The simulator does the same; JobRecord.outcome keeps 'failure'.
  it('does not fail the run for a failing job with continue-on-error; later jobs see needs.<id>.result success (Workflow syntax: jobs.<job_id>.continue-on-error)', async () => {
    const result = await simulateWorkflow(await wf(`
  experimental: { runs-on: x, continue-on-error: true, steps: [{ id: boom, run: exit 1 }] }
  next: { runs-on: x, needs: experimental, outputs: { saw: "\${{ needs.experimental.result }}" }, steps: [{ run: echo }] }
  on-failure: { runs-on: x, needs: experimental, if: "\${{ failure() }}", steps: [{ run: echo }] }
`), { steps: (call) => (call.step === 'boom' ? { failure: 'exit 1' } : {}) })
    expect(result.conclusion).toBe('success')
    expect([result.jobs.experimental!.result, result.jobs.experimental!.outcome]).toEqual(['success', 'failure'])
    expect(result.jobs.next!.outputs.saw).toBe('success')
    expect(result.jobs['on-failure']!.result).toBe('skipped')
  })

  // Workflow syntax: jobs.<job_id>.continue-on-error, the example "Preventing a specific failing matrix job from
  // failing a workflow run": continue-on-error: ${{ matrix.experimental }}.
  it('evaluates job continue-on-error per matrix leg: only the experimental leg may fail (Workflow syntax: jobs.<job_id>.continue-on-error)', async () => {
    const workflow = await wf(`
  test:
    runs-on: x
    continue-on-error: \${{ matrix.experimental }}
    strategy:
      fail-fast: false
      matrix: { node: [18, 20], experimental: [false], include: [{ node: 22, experimental: true }] }
    steps: [{ id: t, run: npm test }]
`)
    const failing = (node: number) => (call: StepCall) => (call.matrix!.node === node ? { failure: `node ${node} fails` } : {})
    const experimental = await simulateWorkflow(workflow, { steps: failing(22) })
    expect(experimental.conclusion).toBe('success')
    expect(experimental.jobs.test!.legs.map((l) => [l.matrix!.node, l.result, l.continueOnError ?? false])).toEqual([[18, 'success', false], [20, 'success', false], [22, 'failure', true]])
    const stable = await simulateWorkflow(workflow, { steps: failing(20) })
    expect([stable.jobs.test!.result, stable.conclusion]).toEqual(['failure', 'failure'])
  })
})

describe('matrix outputs that legs set to different values', () => {
  const build = `
  build:
    runs-on: x
    strategy: { matrix: { service: [api, web] } }
    outputs: { image: "\${{ steps.b.outputs.image }}", registry: "\${{ steps.b.outputs.registry }}" }
    steps: [{ id: b, run: docker build }]
`
  const steps = (call: StepCall) => (call.step === 'b' ? { outputs: { image: `${String(call.matrix!.service)}@sha256:1`, registry: 'ecr' } } : {})

  // Passing information between jobs: Using job outputs in a matrix job — with the same output name, "the last matrix
  // job that runs will override the value", and GitHub does not guarantee which runs last: the value is a race.
  it('records the output as ambiguous and fails a job that reads it, naming the job and output (Passing information between jobs: Using job outputs in a matrix job)', async () => {
    const result = await simulateWorkflow(await wf(`${build}
  deploy: { runs-on: x, needs: build, steps: [{ id: d, run: deploy, env: { IMAGE: "\${{ needs.build.outputs.image }}" } }] }
  gate: { runs-on: x, needs: build, if: "\${{ needs.build.outputs.image != '' }}", steps: [{ run: echo }] }
  everything: { runs-on: x, needs: build, outputs: { all: "\${{ toJSON(needs) }}" }, steps: [{ run: echo }] }
  registry: { runs-on: x, needs: build, outputs: { r: "\${{ needs.build.outputs.registry }}/\${{ needs.build.result }}" }, steps: [{ run: echo }] }
`), { steps })
    expect(result.jobs.build!.ambiguousOutputs).toEqual(['image'])
    expect(result.jobs.build!.legs.map((l) => l.outputs!.image)).toEqual(['api@sha256:1', 'web@sha256:1'])
    expect(result.jobs.deploy!.result).toBe('failure')
    expect(result.jobs.deploy!.reason).toMatch(/needs\.build\.outputs\.image is ambiguous: the matrix legs of job 'build' set it to different values \("api@sha256:1", "web@sha256:1"\)/)
    expect(result.jobs.deploy!.legs[0]!.steps[0]!.conclusion).toBe('failure')
    expect(result.jobs.gate!.result).toBe('failure')
    expect(result.jobs.gate!.reason).toMatch(/^if: needs\.build\.outputs\.image is ambiguous/)
    expect(result.jobs.everything!.reason).toMatch(/outputs: needs\.build\.outputs\.image is ambiguous/)
    // An output every leg sets alike, and the job's result, read as usual.
    expect(result.jobs.registry!.outputs.r).toBe('ecr/success')
  })

  it('fails the calling job of a workflow whose workflow_call output reads an ambiguous jobs.<id>.outputs value (Passing information between jobs: Using job outputs in a matrix job)', async () => {
    const called = `on: { workflow_call: { outputs: { image: { value: "\${{ jobs.build.outputs.image }}" } } } }
jobs:${build}`
    const result = await simulateWorkflow(await wf(`
  call: { uses: acme/w/.github/workflows/build.yml@v1 }
  after: { runs-on: x, needs: call, if: "\${{ always() }}", steps: [{ run: echo }] }
`), { workflows: loader({ 'acme/w/.github/workflows/build.yml@v1': called }), steps })
    expect(result.jobs.call!.result).toBe('failure')
    expect(result.jobs.call!.reason).toMatch(/^outputs: jobs\.build\.outputs\.image is ambiguous: the matrix legs of job 'build'/)
    expect(result.jobs.call!.called!.jobs.build!.result).toBe('success')
  })

  it('treats the legs of a reusable-workflow job with a matrix alike: different called outputs are ambiguous (Passing information between jobs: Using job outputs in a matrix job)', async () => {
    const called = `on: { workflow_call: { inputs: { service: { type: string } }, outputs: { image: { value: "\${{ jobs.b.outputs.image }}" } } } }
jobs:
  b: { runs-on: x, outputs: { image: "\${{ steps.b.outputs.image }}" }, steps: [{ id: b, run: docker build }] }
`
    const result = await simulateWorkflow(await wf(`
  build:
    strategy: { matrix: { service: [api, web] } }
    uses: acme/w/.github/workflows/build.yml@v1
    with: { service: "\${{ matrix.service }}" }
  deploy: { runs-on: x, needs: build, steps: [{ run: "deploy \${{ needs.build.outputs.image }}" }] }
`), { workflows: loader({ 'acme/w/.github/workflows/build.yml@v1': called }), steps: (call) => ({ outputs: { image: `${String(call.inputs.service)}@sha256:1` } }) })
    expect(result.jobs.build!.result).toBe('success')
    expect(result.jobs.build!.ambiguousOutputs).toEqual(['image'])
    expect(result.jobs.deploy!.result).toBe('failure')
    expect(result.jobs.deploy!.reason).toMatch(/needs\.build\.outputs\.image is ambiguous/)
  })
})

describe('concurrency groups across runs (Control the concurrency of workflows and jobs)', () => {
  const deployWorkflow = (group: string, cancel = false) =>
    parseWorkflowText('deploy.yml', `on: push
concurrency: { group: ${group}, cancel-in-progress: ${String(cancel)} }
jobs:
  deploy:
    runs-on: x
    steps:
      - { id: roll, run: deploy }
      - { id: verify, run: verify }
      - { id: cleanup, if: "\${{ always() }}", run: cleanup }
`)

  // "there can be at most one running and one pending job in a concurrency group at any time ... Any existing pending
  // job or workflow in the same concurrency group, if it exists, will be canceled and the new queued job or workflow
  // will take its place"; "The concurrency group name is case insensitive."
  it('keeps one run running and one pending: a newer run cancels the pending one, whose every job is cancelled (Control the concurrency of workflows and jobs)', async () => {
    const queue = new GitHubQueue()
    const held = gate()
    const log: string[] = []
    const steps = async (call: StepCall) => {
      log.push(`${String(call.github.run_id)}:${call.step}`)
      if (call.github.run_id === 'A' && call.step === 'roll') await held.opened
    }
    const a = simulateWorkflow(await deployWorkflow('deploy-staging'), { queue, runId: 'A', steps })
    const b = simulateWorkflow(await deployWorkflow('Deploy-Staging'), { queue, runId: 'B', steps })
    const c = simulateWorkflow(await deployWorkflow('deploy-staging'), { queue, runId: 'C', steps })
    await queue.until({ run: 'C', state: 'pending' })
    expect(queue.holders('DEPLOY-STAGING')).toEqual({ running: { run: 'A' }, pending: [{ run: 'C' }] })
    held.open()
    const [ra, rb, rc] = await Promise.all([a, b, c])
    expect([ra.conclusion, rb.conclusion, rc.conclusion]).toEqual(['success', 'cancelled', 'success'])
    expect(rb.jobs.deploy!.result).toBe('cancelled')
    expect(rb.reason).toBe("Canceling since a higher priority waiting request for 'deploy-staging' exists")
    expect(log).toEqual(['A:roll', 'A:verify', 'A:cleanup', 'C:roll', 'C:verify', 'C:cleanup'])
    expect(queue.events.map((e) => `${e.run}:${e.state}`)).toEqual(['A:running', 'B:pending', 'B:cancelled', 'C:pending', 'A:released', 'C:running', 'C:released'])
  })

  // "To also cancel any currently running job or workflow in the same concurrency group, specify cancel-in-progress: true."
  it('cancels the running run with cancel-in-progress: true; its always() steps still run (Control the concurrency of workflows and jobs)', async () => {
    const queue = new GitHubQueue()
    const held = gate()
    const log: string[] = []
    const steps = async (call: StepCall) => {
      log.push(`${String(call.github.run_id)}:${call.step}`)
      if (call.github.run_id === 'A' && call.step === 'roll') await held.opened
    }
    const a = simulateWorkflow(await deployWorkflow('deploy', true), { queue, runId: 'A', steps })
    await queue.until({ run: 'A', state: 'running' })
    const b = simulateWorkflow(await deployWorkflow('deploy', true), { queue, runId: 'B', steps })
    await queue.until({ run: 'A', state: 'cancelled' })
    held.open()
    const [ra, rb] = await Promise.all([a, b])
    expect([ra.conclusion, ra.jobs.deploy!.result, rb.conclusion]).toEqual(['cancelled', 'cancelled', 'success'])
    expect(ra.reason).toMatch(/higher priority waiting request for 'deploy'/)
    expect(ra.jobs.deploy!.legs[0]!.steps.map((s) => [s.id, s.conclusion])).toEqual([['roll', 'cancelled'], ['verify', 'skipped'], ['cleanup', 'success']])
    expect(log).toEqual(['A:roll', 'A:cleanup', 'B:roll', 'B:verify', 'B:cleanup'])
  })

  it('applies job-level groups across runs: a pending job is cancelled by a newer one, its run goes on (Control the concurrency of workflows and jobs)', async () => {
    const workflow = await wf(`
  build: { runs-on: x, steps: [{ run: build }] }
  deploy: { runs-on: x, needs: build, concurrency: production, steps: [{ id: roll, run: deploy }] }
  notify: { runs-on: x, needs: deploy, if: "\${{ always() }}", outputs: { saw: "\${{ needs.deploy.result }}" }, steps: [{ run: echo }] }
`)
    const queue = new GitHubQueue()
    const held = gate()
    const steps = async (call: StepCall) => {
      if (call.github.run_id === 'A' && call.step === 'roll') await held.opened
    }
    const a = simulateWorkflow(workflow, { queue, runId: 'A', steps })
    await queue.until({ run: 'A', job: 'deploy', state: 'running' })
    const b = simulateWorkflow(workflow, { queue, runId: 'B', steps })
    await queue.until({ run: 'B', job: 'deploy', state: 'pending' })
    const c = simulateWorkflow(workflow, { queue, runId: 'C', steps })
    await queue.until({ run: 'C', job: 'deploy', state: 'pending' })
    held.open()
    const [ra, rb, rc] = await Promise.all([a, b, c])
    expect([results(ra), results(rb), results(rc)]).toEqual([
      { build: 'success', deploy: 'success', notify: 'success' },
      { build: 'success', deploy: 'cancelled', notify: 'success' },
      { build: 'success', deploy: 'success', notify: 'success' },
    ])
    expect(rb.jobs.deploy!.reason).toBe("Canceling since a higher priority waiting request for 'production' exists")
    expect(rb.jobs.notify!.outputs.saw).toBe('cancelled')
    expect(rb.conclusion).toBe('cancelled')
  })

  it('holds the group of a job that calls a reusable workflow for the whole called workflow (Control the concurrency of workflows and jobs)', async () => {
    const called = 'on: workflow_call\njobs:\n  plan: { runs-on: x, steps: [{ id: plan, run: plan }] }\n  apply: { runs-on: x, needs: plan, steps: [{ id: apply, run: apply }] }\n'
    const workflow = await wf('  release: { concurrency: release, uses: acme/w/.github/workflows/release.yml@v1 }\n')
    const queue = new GitHubQueue()
    const held = gate()
    const log: string[] = []
    const options = {
      queue,
      workflows: loader({ 'acme/w/.github/workflows/release.yml@v1': called }),
      steps: async (call: StepCall) => {
        log.push(`${String(call.github.run_id)}:${call.path!}`)
        if (call.github.run_id === 'A' && call.step === 'apply') await held.opened
      },
    }
    const a = simulateWorkflow(workflow, { ...options, runId: 'A' })
    await queue.until({ run: 'A', job: 'release', state: 'running' })
    const b = simulateWorkflow(workflow, { ...options, runId: 'B' })
    await queue.until({ run: 'B', job: 'release', state: 'pending' })
    expect(log).toEqual(['A:release/plan', 'A:release/apply'])
    held.open()
    await Promise.all([a, b])
    expect(log).toEqual(['A:release/plan', 'A:release/apply', 'B:release/plan', 'B:release/apply'])
  })

  // A matrix leg is a job: the legs of one matrix job queue in the same group at once.
  it('cancels the middle legs of a matrix job whose legs share one group: the first runs, the last waits (Control the concurrency of workflows and jobs)', async () => {
    const result = await simulateWorkflow(await wf(`
  deploy: { runs-on: x, concurrency: staging, strategy: { fail-fast: false, matrix: { service: [a, b, c, d] } }, steps: [{ run: deploy }] }
`))
    expect(result.jobs.deploy!.legs.map((l) => [l.matrix!.service, l.result])).toEqual([['a', 'success'], ['b', 'cancelled'], ['c', 'cancelled'], ['d', 'success']])
    expect(result.jobs.deploy!.result).toBe('cancelled')
    const perService = await simulateWorkflow(await wf(`
  deploy: { runs-on: x, concurrency: "staging-\${{ matrix.service }}", strategy: { matrix: { service: [a, b, c] } }, steps: [{ run: deploy }] }
`))
    expect(perService.jobs.deploy!.result).toBe('success')
  })

  // "queue: max — Up to 100 jobs or workflow runs can be pending in the concurrency group."
  it('keeps every arrival pending, first in first out, with queue: max (Control the concurrency of workflows and jobs)', async () => {
    const log: string[] = []
    const result = await simulateWorkflow(await wf(`
  deploy: { runs-on: x, concurrency: { group: staging, queue: max }, strategy: { matrix: { service: [a, b, c, d] } }, steps: [{ run: deploy }] }
`), { steps: (call) => void log.push(String(call.matrix!.service)) })
    expect(result.jobs.deploy!.result).toBe('success')
    expect(log).toEqual(['a', 'b', 'c', 'd'])
    await expect(simulateWorkflow(await parseWorkflowText('t.yml', 'on: push\nconcurrency: { group: g, queue: max, cancel-in-progress: true }\njobs:\n  a: { runs-on: x, steps: [{ run: echo }] }\n'))).rejects.toThrow(/workflow validation error/)
  })
})

describe('environments with required reviewers (Reviewing deployments)', () => {
  const deploy = `
  build: { runs-on: x, environment: staging, steps: [{ id: build, run: build }] }
  deploy:
    runs-on: x
    needs: build
    environment: { name: "\${{ inputs.target }}", url: "https://\${{ inputs.target }}.example.com" }
    steps: [{ id: roll, run: deploy }]
  after: { runs-on: x, needs: deploy, steps: [{ run: echo }] }
`
  const dispatch = `{ workflow_dispatch: { inputs: { target: { type: string, default: production } } } }`
  const environments = { production: { reviewers: true }, staging: {} }

  // "Jobs that reference an environment configured with required reviewers will wait for an approval before starting."
  it('waits for the review of an environment with reviewers before the steps, and tells each step its environment (Reviewing deployments)', async () => {
    const seen: string[] = []
    const asked: string[] = []
    const result = await simulateWorkflow(await wf(deploy, dispatch), {
      runId: 'run-7',
      environments,
      review: async (request): Promise<ReviewDecision> => {
        asked.push(JSON.stringify(request))
        seen.push('review')
        return 'approved'
      },
      steps: (call) => void seen.push(`${call.job}@${call.environment ?? '-'}`),
    })
    expect(result.conclusion).toBe('success')
    expect(asked).toEqual([JSON.stringify({ run: 'run-7', job: 'deploy', environment: 'production' })])
    expect(seen).toEqual(['build@staging', 'review', 'deploy@production', 'after@-'])
    expect(result.reviews).toEqual([{ run: 'run-7', job: 'deploy', environment: 'production', decision: 'approved' }])
    expect(result.jobs.deploy!.legs[0]!.environment).toBe('production')
  })

  // "If a job is rejected, the workflow will fail." "If a job is not approved within 30 days, it will automatically fail."
  it.each<[ReviewDecision, RegExp]>([
    ['rejected', /environment 'production': a reviewer rejected the deployment/],
    ['timed-out', /environment 'production': no reviewer approved the deployment within 30 days/],
  ])('fails a job whose review is %s, before any of its steps (Reviewing deployments)', async (decision, reason) => {
    const ran: string[] = []
    const result = await simulateWorkflow(await wf(deploy, dispatch), { environments, review: () => decision, steps: (call) => void ran.push(call.step) })
    expect(results(result)).toEqual({ build: 'success', deploy: 'failure', after: 'skipped' })
    expect(result.jobs.deploy!.reason).toMatch(reason)
    expect(ran).toEqual(['build'])
    expect(result.conclusion).toBe('failure')
  })

  it('asks once per job and environment: the legs of a matrix job share one review, another job asks again (Reviewing deployments)', async () => {
    const result = await simulateWorkflow(await wf(`
  deploy: { runs-on: x, environment: production, strategy: { matrix: { service: [a, b, c] } }, steps: [{ run: deploy }] }
  migrate: { runs-on: x, needs: deploy, environment: production, steps: [{ run: migrate }] }
`), { environments, review: () => 'approved' })
    expect(result.reviews.map((r) => r.job)).toEqual(['deploy', 'migrate'])
  })

  it("names a called workflow's job by its path in the review request (Reviewing deployments)", async () => {
    const called = 'on: workflow_call\njobs:\n  apply: { runs-on: x, environment: production, steps: [{ run: apply }] }\n'
    const paths: string[] = []
    const result = await simulateWorkflow(await wf('  release: { uses: acme/w/.github/workflows/release.yml@v1 }\n'), {
      workflows: loader({ 'acme/w/.github/workflows/release.yml@v1': called }),
      environments,
      review: () => 'approved',
      steps: (call) => void paths.push(`${call.path!}@${call.environment!}`),
    })
    expect(result.reviews.map((r) => r.job)).toEqual(['release/apply'])
    expect(paths).toEqual(['release/apply@production'])
    await expect(simulateWorkflow(await wf(deploy, dispatch), { environments })).rejects.toThrow(/environment 'production', which has required reviewers: give a 'review' handler/)
  })

  // Not documented: whether a job's concurrency group admits it before or after its environment's protection rules.
  // The simulator admits it first, so a job waiting for a reviewer holds its group.
  it('holds the job-level group while the job waits for its review (undocumented order: concurrency first)', async () => {
    const workflow = await wf('  deploy: { runs-on: x, environment: production, concurrency: production, steps: [{ run: deploy }] }\n')
    const queue = new GitHubQueue()
    const decided = gate()
    const a = simulateWorkflow(workflow, { queue, runId: 'A', environments, review: async (r): Promise<ReviewDecision> => (r.run === 'A' ? (await decided.opened, 'approved') : 'approved') })
    await queue.until({ run: 'A', job: 'deploy', state: 'running' })
    const b = simulateWorkflow(workflow, { queue, runId: 'B', environments, review: () => 'approved' })
    await queue.until({ run: 'B', job: 'deploy', state: 'pending' })
    expect(queue.holders('production').running).toEqual({ run: 'A', job: 'deploy' })
    decided.open()
    const [ra, rb] = await Promise.all([a, b])
    expect([ra.conclusion, rb.conclusion]).toEqual(['success', 'success'])
  })
})

describe('re-runs (Re-running workflows and jobs)', () => {
  const pipeline = `
  setup: { runs-on: x, outputs: { token: "\${{ steps.s.outputs.token }}" }, steps: [{ id: s, run: setup }] }
  test: { runs-on: x, needs: setup, steps: [{ id: t, run: "test \${{ needs.setup.outputs.token }}" }] }
  publish: { runs-on: x, needs: test, steps: [{ id: p, run: publish }] }
  lint: { runs-on: x, steps: [{ id: l, run: lint }] }
  docs: { runs-on: x, if: "false", steps: [{ run: docs }] }
`
  /** A step handler whose step `t` fails in the first attempt only; it logs job@attempt. */
  const flaky = (log: string[]) => (call: StepCall) => {
    log.push(`${call.job}@${String(call.github.run_attempt)}`)
    if (call.step === 's') return { outputs: { token: `token-${String(call.github.run_attempt)}` } }
    return call.step === 't' && call.github.run_attempt === '1' ? { failure: 'flaky test' } : {}
  }

  // "When you re-run failed jobs or a specific job, GitHub also re-runs the jobs that depend on them. Jobs that aren't
  // included keep their outputs from the previous attempt, which the newly run jobs can use."
  it('re-runs failed jobs and every job that depends on them, keeping the other jobs and their outputs (Re-running workflows and jobs: Re-running failed jobs in a workflow)', async () => {
    const workflow = await wf(pipeline)
    const log: string[] = []
    const first = await simulateWorkflow(workflow, { runId: '42', steps: flaky(log) })
    expect(results(first)).toEqual({ setup: 'success', test: 'failure', publish: 'skipped', lint: 'success', docs: 'skipped' })
    log.length = 0
    const second = await rerunFailedJobs(workflow, first, { steps: flaky(log) })
    expect([second.runId, second.attempt, second.github.run_attempt, second.conclusion]).toEqual(['42', 2, '2', 'success'])
    expect(log).toEqual(['test@2', 'publish@2'])
    expect(results(second)).toEqual({ setup: 'success', test: 'success', publish: 'success', lint: 'success', docs: 'skipped' })
    expect(second.order.map((id) => second.jobs[id]!.attempt)).toEqual([1, 2, 2, 1, 1])
    expect(second.jobs.test!.legs[0]!.steps[0]!.id).toBe('t')
    // The kept setup job's output, from attempt 1, is what the re-run test job read.
    expect(second.jobs.setup!.outputs.token).toBe('token-1')
    await expect(rerunFailedJobs(workflow, second, { steps: flaky(log) })).rejects.toThrow(/no failed or cancelled job to re-run/)
  })

  it('re-runs only the failed legs of a matrix job (Re-running workflows and jobs: Re-running failed jobs in a workflow)', async () => {
    const workflow = await wf('  test: { runs-on: x, strategy: { fail-fast: false, matrix: { node: [18, 20, 22] } }, steps: [{ id: t, run: test }] }\n')
    const log: string[] = []
    const steps = (call: StepCall) => (log.push(`${String(call.matrix!.node)}@${String(call.github.run_attempt)}`), call.matrix!.node === 20 && call.github.run_attempt === '1' ? { failure: 'flaky' } : {})
    const first = await simulateWorkflow(workflow, { steps })
    const second = await rerunFailedJobs(workflow, first, { steps })
    expect(log).toEqual(['18@1', '20@1', '22@1', '20@2'])
    expect(second.jobs.test!.legs.map((l) => [l.matrix!.node, l.result, l.attempt])).toEqual([[18, 'success', 1], [20, 'success', 2], [22, 'success', 1]])
  })

  it('re-runs a run whose pending attempt a newer run cancelled: every job was cancelled (Re-running workflows and jobs)', async () => {
    const workflow = await parseWorkflowText('d.yml', 'on: push\nconcurrency: deploy\njobs:\n  a: { runs-on: x, steps: [{ id: a, run: a }] }\n')
    const queue = new GitHubQueue()
    const held = gate()
    const steps = async (call: StepCall) => {
      if (call.github.run_id === 'A') await held.opened
    }
    const a = simulateWorkflow(workflow, { queue, runId: 'A', steps })
    const b = simulateWorkflow(workflow, { queue, runId: 'B', steps })
    const c = simulateWorkflow(workflow, { queue, runId: 'C', steps })
    held.open()
    const cancelled = (await Promise.all([a, b, c]))[1]
    expect(cancelled.conclusion).toBe('cancelled')
    const again = await rerunFailedJobs(workflow, cancelled, { queue, steps })
    expect([again.runId, again.attempt, results(again)]).toEqual(['B', 2, { a: 'success' }])
  })

  // "Re-running failed jobs or a specific job in a workflow will use the reusable workflow from the same commit SHA of
  // the first attempt"; "Re-running all jobs in a workflow will use the reusable workflow from the specified reference."
  it('re-runs only the failed jobs inside a called workflow, from the workflow the first attempt loaded (Reusing workflow configurations: re-running jobs)', async () => {
    const version = (v: number) => `on: workflow_call
jobs:
  plan: { runs-on: x, steps: [{ id: plan, run: "plan v${v}" }] }
  apply: { runs-on: x, needs: plan, steps: [{ id: apply, run: "apply v${v}" }] }
  report: { runs-on: x, steps: [{ id: report, run: report }] }
`
    let current = 1
    const workflows = async (ref: string) => parseWorkflowText(ref, version(current))
    const log: string[] = []
    const steps = (call: StepCall) => (log.push(`${call.path!}@${String(call.github.run_attempt)}:${call.run!}`), call.step === 'apply' && call.github.run_attempt === '1' ? { failure: 'apply failed' } : {})
    const workflow = await wf(`
  release: { uses: acme/w/.github/workflows/release.yml@main }
  announce: { runs-on: x, needs: release, steps: [{ id: announce, run: announce }] }
`)
    const first = await simulateWorkflow(workflow, { workflows, steps })
    expect(results(first)).toEqual({ release: 'failure', announce: 'skipped' })
    current = 2
    log.length = 0
    const second = await rerunFailedJobs(workflow, first, { workflows, steps })
    expect(log).toEqual(['release/apply@2:apply v1', 'announce@2:announce'])
    expect(results(second.jobs.release!.called!)).toEqual({ plan: 'success', apply: 'success', report: 'success' })
    expect(allJobs(second).map((j) => `${j.path}@${j.job.attempt}`)).toEqual(['release@2', 'release/plan@1', 'release/apply@2', 'release/report@1', 'announce@2'])
    log.length = 0
    const third = await rerunAllJobs(workflow, second, { workflows, steps })
    expect(third.attempt).toBe(3)
    expect(log).toEqual(['release/plan@3:plan v2', 'release/apply@3:apply v2', 'release/report@3:report', 'announce@3:announce'])
  })

  it('asks for the reviews of re-run jobs again, not of kept ones (Re-running workflows and jobs)', async () => {
    const workflow = await wf(`
  staging: { runs-on: x, environment: staging, steps: [{ run: deploy }] }
  production: { runs-on: x, needs: staging, environment: production, steps: [{ id: roll, run: deploy }] }
`)
    const environments = { staging: { reviewers: true }, production: { reviewers: true } }
    const steps = (call: StepCall) => (call.step === 'roll' && call.github.run_attempt === '1' ? { failure: 'rollout failed' } : {})
    const first = await simulateWorkflow(workflow, { environments, review: () => 'approved', steps })
    expect(first.reviews.map((r) => r.environment)).toEqual(['staging', 'production'])
    const second = await rerunFailedJobs(workflow, first, { environments, review: () => 'approved', steps })
    expect(second.reviews.map((r) => r.environment)).toEqual(['production'])
    expect(second.conclusion).toBe('success')
  })

  it('refuses a 51st re-run (Re-running workflows and jobs: "A workflow run can be re-run a maximum of 50 times")', async () => {
    const workflow = await wf(pipeline)
    const run = await simulateWorkflow(workflow, { github: { run_attempt: '51' }, steps: flaky([]) })
    await expect(rerunAllJobs(workflow, run)).rejects.toThrow(/at most 50/)
  })
})

describe('speed', () => {
  it('simulates four 250-leg matrix jobs (1,000 legs) well under a second', async () => {
    const matrix = JSON.stringify({ include: Array.from({ length: 250 }, (_, i) => ({ service: `s${i}` })) })
    const jobs = [1, 2, 3, 4].map((n) => `
  build-${n}:
    runs-on: x
    strategy: { matrix: "\${{ fromJSON(inputs.m) }}" }
    outputs: { any: "\${{ steps.b.outputs.digest }}" }
    steps:
      - { id: b, uses: acme/build@v1, with: { service: "\${{ matrix.service }}", tag: "\${{ github.sha }}-${n}" } }
      - { id: push, if: "\${{ success() && steps.b.outputs.digest != '' }}", run: "push \${{ matrix.service }}", env: { D: "\${{ steps.b.outputs.digest }}" } }
`).join('')
    const workflow = await wf(jobs, `{ workflow_dispatch: { inputs: { m: { type: string } } } }`)
    const started = performance.now()
    const result = await simulateWorkflow(workflow, { inputs: { m: matrix }, steps: (call) => (call.step === 'b' ? { outputs: { digest: `sha256:${String(call.matrix!.service)}` } } : {}) })
    const elapsed = performance.now() - started
    expect(result.order.reduce((n, id) => n + result.jobs[id]!.legs.length, 0)).toBe(1000)
    expect(result.jobs['build-1']!.ambiguousOutputs).toEqual(['any'])
    // About 150 ms here; the bound leaves room for a slow CI machine.
    expect(elapsed).toBeLessThan(1000)
  })
})

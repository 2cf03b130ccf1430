import { describe, expect, it } from 'vitest'
import { evaluateExpression } from './expressions.js'
import { expandMatrix, jobsThatRan, simulateWorkflow } from './simulate.js'
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

describe("GitHub's rules the simulator follows (each one a rule the workflows rely on)", () => {
  /** A loader for reusable workflows given as text, by the ref a job's uses: names. */
  const loader = (files: Record<string, string>) => async (ref: string) => {
    const text = files[ref]
    if (text === undefined) throw new Error(`no workflow ${ref}`)
    return parseWorkflowText(ref, text)
  }

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

  it('merges the outputs of matrix legs: a later leg that sets a value replaces an earlier one, an empty value does not', async () => {
    const result = await simulateWorkflow(await wf(`
  m:
    runs-on: x
    strategy: { matrix: { n: [1, 2, 3] } }
    outputs: { last: "\${{ steps.s.outputs.v }}", mine: "\${{ steps.s.outputs.only }}" }
    steps: [{ id: s, run: echo }]
`), { steps: (call) => ({ outputs: { v: `leg-${String(call.matrix!.n)}`, ...(call.matrix!.n === 2 ? { only: 'two' } : {}) } }) })
    expect(result.jobs.m!.outputs).toEqual({ last: 'leg-3', mine: 'two' })
  })

  it('runs a reusable-workflow job once per matrix entry; an output is the last successful leg that set one', async () => {
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
      steps: (call) => (call.inputs.n === 3 ? { failure: 'leg 3 fails' } : { outputs: { v: `leg-${String(call.inputs.n)}` } }),
    })
    expect(result.jobs.call!.legs.map((l) => [l.matrix!.n, l.result])).toEqual([[1, 'success'], [2, 'success'], [3, 'failure']])
    expect(result.jobs.call!.result).toBe('failure')
    expect(result.jobs.call!.outputs).toEqual({ v: 'leg-2' })
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

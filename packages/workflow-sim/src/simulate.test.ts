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

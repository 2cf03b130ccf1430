import { convertWorkflowTemplate, isBasicExpression, isMapping, isSequence, NoOperationTraceWriter, parseWorkflow, type WorkflowTemplate } from '@actions/workflow-parser'
import type { TemplateToken } from '@actions/workflow-parser/templates/tokens/template-token'
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { coerceString, evaluateExpression, type StatusFunctions } from './expressions.js'

export interface LoadedWorkflow {
  name: string
  template: WorkflowTemplate
  /** The parsed (unconverted) document: the converted model drops each step's `with:`. */
  root: TemplateToken
  /** Parser and converter findings; a workflow GitHub would reject has at least one. */
  errors: string[]
}

export async function parseWorkflowText(name: string, content: string): Promise<LoadedWorkflow> {
  const parsed = parseWorkflow({ name, content }, new NoOperationTraceWriter())
  const errors = parsed.context.errors.getErrors().map((e) => e.message)
  if (!parsed.value) return { name, template: { events: {}, jobs: [], concurrency: undefined!, env: undefined! }, root: undefined!, errors }
  const template = await convertWorkflowTemplate(parsed.context, parsed.value)
  const all = [...new Set([...errors, ...parsed.context.errors.getErrors().map((e) => e.message), ...(template.errors ?? []).map((e) => e.Message)])]
  return { name, template, root: parsed.value, errors: all }
}

export async function loadWorkflow(path: string): Promise<LoadedWorkflow> {
  return parseWorkflowText(basename(path), await readFile(path, 'utf8'))
}

function child(token: TemplateToken | undefined, key: string): TemplateToken | undefined {
  return token && isMapping(token) ? token.find(key) : undefined
}

/** A top-level key of the parsed document (concurrency, permissions), which the converted model drops or reshapes. */
export function rawTop(workflow: LoadedWorkflow, key: string): TemplateToken | undefined {
  return child(workflow.root, key)
}

/** A key of a job in the parsed document (concurrency, permissions, continue-on-error). */
export function rawJob(workflow: LoadedWorkflow, jobId: string, key: string): TemplateToken | undefined {
  return child(child(child(workflow.root, 'jobs'), jobId), key)
}

/** A key of an event's configuration in the parsed document (`on.workflow_call.outputs`). */
export function rawOn(workflow: LoadedWorkflow, event: string, key: string): TemplateToken | undefined {
  return child(child(child(workflow.root, 'on'), event), key)
}

/** The `with:` mapping of a job's step, from the parsed document. */
export function stepWith(workflow: LoadedWorkflow, jobId: string, index: number): TemplateToken | undefined {
  const steps = child(child(child(workflow.root, 'jobs'), jobId), 'steps')
  if (!steps || !isSequence(steps) || index >= steps.count) return undefined
  return child(steps.get(index), 'with')
}

/**
 * A template token turned into plain JSON, every `${{ }}` evaluated against `context`. Strings mixing text and
 * expressions arrive from the parser as a format() expression, so they evaluate to strings, as on GitHub.
 */
export function tokenValue(token: TemplateToken | undefined, context: Record<string, unknown>, status?: StatusFunctions): unknown {
  if (!token) return undefined
  if (isBasicExpression(token)) return evaluateExpression(token.expression, context, status)
  if (isMapping(token)) {
    const out: Record<string, unknown> = {}
    for (const { key, value } of token) out[String(tokenValue(key, context, status))] = tokenValue(value, context, status)
    return out
  }
  if (isSequence(token)) return [...token].map((t) => tokenValue(t, context, status))
  // A literal (string, number, boolean, null) serialises to its own value.
  return token.toJSON() as unknown
}

/** Like tokenValue, coercing every value of a mapping to the string GitHub hands to an action or shell. */
export function stringMapping(token: TemplateToken | undefined, context: Record<string, unknown>, status?: StatusFunctions): Record<string, string> {
  const value = tokenValue(token, context, status)
  if (value === undefined || value === null) return {}
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, coerceString(v)]))
}

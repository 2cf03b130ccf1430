/**
 * The few pieces of YAML text the workflow generator writes by hand. The workflows are text, not a serialised object,
 * because their comments are part of what a reviewer reads; these helpers keep the indentation and the `>-` folding of
 * long conditions in one place.
 */

/** Indents every non-empty line of `text` by `spaces`. */
export function indent(text: string, spaces: number): string {
  const pad = ' '.repeat(spaces)
  return text
    .split('\n')
    .map((line) => (line ? pad + line : line))
    .join('\n')
}

/**
 * An `if:` whose condition is a conjunction, on one line and wrapped in `\${{ }}` exactly. Not a block scalar: GitHub's
 * parser reads `>-` and `|` conditions with their indentation and line break as text around the expression, a
 * format() string, which is always true (tests/workflows.test.ts checks every if:).
 */
export function condition(clauses: string[], _spaces = 0): string {
  return `if: \${{ ${clauses.join(' && ')} }}`
}

/** A YAML flow sequence of job ids: [a, b, c]. */
export function list(items: readonly string[]): string {
  return `[${items.join(', ')}]`
}

/** 1..n */
export function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i + 1)
}

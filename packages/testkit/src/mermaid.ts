/**
 * Mermaid's own parser, for tests of the diagrams the job summaries draw. Mermaid sanitises labels with DOMPurify,
 * which needs a browser `window`; Node has none, so the sanitiser is given pass-through functions here. Parsing
 * (the grammar, the diagram's database) is mermaid's real code; only the HTML cleaning of label text is skipped.
 */
export async function parseMermaid(markdownOrText: string): Promise<{ type: string }> {
  const { default: DOMPurify } = await import('dompurify')
  const purifier = DOMPurify as unknown as Record<string, unknown>
  if (typeof purifier.sanitize !== 'function') {
    purifier.sanitize = (text: string) => text
    purifier.addHook = () => undefined
  }
  const { default: mermaid } = await import('mermaid')
  const result = await mermaid.parse(mermaidSource(markdownOrText))
  if (!result) throw new Error('mermaid could not parse the diagram')
  return { type: result.diagramType }
}

/** The diagram inside a ```mermaid fence (or the text itself when it has none). */
export function mermaidSource(markdownOrText: string): string {
  const fenced = /```mermaid\n([\s\S]*?)\n```/.exec(markdownOrText)
  return fenced ? fenced[1]! : markdownOrText
}

/** Every ```mermaid block of a Markdown text. */
export function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```mermaid\n([\s\S]*?)\n```/g)].map((m) => m[1]!)
}

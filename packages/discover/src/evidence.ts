import { posix } from 'node:path'
import { referencesInText } from '@tierdeploy/doctor'
import type { Project } from './classify.js'
import type { Edge, Evidence, EvidenceKind, Unit } from './model.js'
import type { RepoFs, RepoScan } from './scan.js'

/** 1-based line of a character offset. */
export function lineAt(text: string, index: number): number {
  let line = 1
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++
  return line
}

/** Collects evidence into edges, one per (from, to), in the order found. */
export class EdgeSet {
  private readonly byKey = new Map<string, Edge>()
  add(from: string, to: string, evidence: Evidence): void {
    if (from === to) return // a service naming itself is not a dependency
    const key = `${from}\0${to}`
    const edge = this.byKey.get(key)
    if (!edge) this.byKey.set(key, { from, to, evidence: [evidence] })
    else if (!edge.evidence.some((e) => e.file === evidence.file && e.line === evidence.line && e.text === evidence.text)) edge.evidence.push(evidence)
  }
  edges(): Edge[] {
    return [...this.byKey.values()]
  }
}

/** The unit owning a repository path: the one with exactly that path, else the innermost holding it. */
function unitAt(units: Unit[], path: string): Unit | undefined {
  let best: Unit | undefined
  for (const u of units) {
    if (u.path === undefined || !(path === u.path || path.startsWith(`${u.path}/`))) continue
    if (!best || u.path.length > best.path!.length) best = u
  }
  return best
}

/** A path relative to a directory, as a repository path; undefined when it leaves the repository. */
function resolveFrom(dir: string, relative: string): string | undefined {
  const joined = posix.normalize(posix.join(dir || '.', relative.replace(/^file:(\/\/)?/, ''))).replace(/\/+$/, '')
  return joined === '..' || joined.startsWith('../') || posix.isAbsolute(joined) ? undefined : joined
}

/**
 * Workspace dependencies: a package.json dependency on a sibling package (by its name, or a file:/link: path), and a
 * Python path dependency (pyproject `path = "../x"`, requirements `-e ../x`). Certain: the build needs them.
 */
export function packageEvidence(projects: Project[], units: Unit[], edges: EdgeSet): void {
  const byPackage = new Map<string, Unit>()
  for (const u of units) if (u.packageName) byPackage.set(u.packageName, u)
  const byPath = new Map(units.filter((u) => u.path !== undefined).map((u) => [u.path!, u]))
  for (const project of projects) {
    const from = byPath.get(project.path)
    if (!from) continue
    const packageJson = project.manifests.get(`${project.path}/package.json`) ?? ''
    for (const [name, spec] of Object.entries(project.nodeDependencies)) {
      const local = /^(file|link|portal):/.test(spec) ? resolveFrom(project.path, spec.replace(/^(link|portal):/, '')) : undefined
      const target = byPackage.get(name) ?? (local === undefined ? undefined : unitAt(units, local))
      if (!target) continue
      const index = packageJson.indexOf(`"${name}"`)
      edges.add(from.name, target.name, { kind: 'package', file: `${project.path}/package.json`, line: index < 0 ? 0 : lineAt(packageJson, index), text: name })
    }
    for (const [file, text] of project.manifests) {
      if (file.endsWith('package.json')) continue
      const pattern = file.endsWith('requirements.txt') ? /^[ \t]*(?:-e[ \t]+)?((?:file:)?\.{1,2}\/[^\s#;]*)/gm : /\bpath\s*=\s*["']([^"']+)["']/g
      for (const m of text.matchAll(pattern)) {
        const resolved = resolveFrom(project.path, m[1]!)
        const target = resolved === undefined ? undefined : unitAt(units, resolved)
        if (target) edges.add(from.name, target.name, { kind: 'python-path', file, line: lineAt(text, m.index), text: m[1]! })
      }
    }
  }
}

const ENV_FILE = /^(\.env(\..+)?|.+\.env)$/
const CONFIG_FILE = /\.(ya?ml|json|toml|ini|env|conf|properties|[cm]?js|ts)$/
const NOT_CONFIG = /^(package(-lock)?\.json|pyproject\.toml|tsconfig.*\.json|.*lock.*|(docker-)?compose.*\.ya?ml|jest\.config\..*|vitest\.config\..*|eslint.*|\.eslintrc.*|\.prettierrc.*)$/

/** A service's environment files (`.env.example`, `*.env`) and configuration (`config/*`, top-level YAML/TOML/INI). */
export function configFiles(fs: RepoFs, scan: RepoScan, path: string): string[] {
  const files = [...(scan.directories.get(path)?.files ?? [])].sort()
  const out = files.filter((f) => ENV_FILE.test(f) || (/\.(ya?ml|toml|ini)$/.test(f) && !NOT_CONFIG.test(f))).map((f) => `${path}/${f}`)
  for (const entry of fs.list(`${path}/config`)) if (!entry.directory && CONFIG_FILE.test(entry.name) && !NOT_CONFIG.test(entry.name)) out.push(`${path}/config/${entry.name}`)
  return out
}

/** How sure a reference is: a URL host or a *_SERVICE_URL variable names a service; a bare name may be prose. */
const CERTAIN_VIA = new Set(['url', 'variable', 'service-connect'])

/**
 * References to other entries in a service's environment and config files, found by the doctor's rule
 * (`referencesInText`: URL hosts, Service Connect names, `*_SERVICE_URL` variables, whole names). A bare name
 * is proposed, not written.
 */
export function referenceEvidence(fs: RepoFs, from: Unit, files: string[], names: Map<string, string>, edges: EdgeSet, suggested: EdgeSet): void {
  for (const file of files) {
    const text = fs.read(file)
    if (text === undefined) continue
    for (const r of referencesInText(text, names, [])) {
      const kind = r.via as EvidenceKind
      ;(CERTAIN_VIA.has(r.via) ? edges : suggested).add(from.name, r.target, { kind, file, line: r.line, text: r.text })
    }
  }
}

/** Words for each kind of evidence, for comments and reports. */
export function describeEvidence(e: Evidence): string {
  const where = `${e.file}${e.line ? `:${e.line}` : ''}`
  switch (e.kind) {
    case 'package': return `package.json dependency ${e.text} (${where})`
    case 'python-path': return `path dependency ${e.text} (${where})`
    case 'compose': return `docker-compose depends_on ${e.text} (${where})`
    case 'url': return `URL host ${e.text} (${where})`
    case 'variable': return `${e.text} (${where})`
    case 'service-connect': return `Service Connect name ${e.text} (${where})`
    default: return `the name ${e.text} (${where})`
  }
}

/** Strength of evidence, strongest first: which edge gives way when two edges close a cycle. */
export const EVIDENCE_STRENGTH: Record<EvidenceKind, number> = { package: 6, 'python-path': 6, compose: 5, variable: 4, url: 4, 'service-connect': 4, name: 1 }

import { closeSync, openSync, readdirSync, readSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import picomatch from 'picomatch'
import type { Catalog, Environment, Service } from '@tierdeploy/catalog'
import type { Finding } from './finding.js'

/** Directories never scanned: installed packages, build output, VCS data, caches. */
export const SKIPPED_DIRECTORIES = new Set(['node_modules', 'dist', '.git', '.next', 'build', 'coverage', '__pycache__', '.venv', 'venv', 'vendor', '.terraform', '.turbo', '.cache'])
/** Generated files that name packages, not services. */
const SKIPPED_FILES = new Set(['package-lock.json', 'yarn.lock', 'pnpm-lock.yaml', 'poetry.lock', 'Pipfile.lock'])

export interface ScanOptions {
  /** Files larger than this are skipped (generated bundles, fixtures). Default 256 KiB. */
  maxFileBytes?: number
  /** At most this many files per service are read. Default 10,000. */
  maxFilesPerService?: number
  /** Paths in findings are relative to this directory (the repository checkout). Default: process.cwd(). */
  cwd?: string
}

/** Where a service's code or config refers to another catalog entry. */
export interface Reference {
  target: string
  file: string
  line: number
  column: number
  /** What was matched: the hostname, variable or name. */
  text: string
  via: 'name' | 'url' | 'service-connect' | 'variable'
  /** For a reference in the catalog's YAML: the key path, whose line is found when reporting. */
  path?: (string | number)[]
}

export interface ServiceScan {
  service: string
  files: number
  skipped: number
  /** First reference to each target, by canonical name. */
  references: Map<string, Reference & { count: number }>
}

const COMMENT_LINE = /^\s*(\/\/|#|\/\*|\*|<!--|--\s)/
const VARIABLE = /\b([A-Z][A-Z0-9_]*?)_SERVICE_(?:URL|URI|HOST|HOSTNAME|ADDR|ADDRESS|ENDPOINT|BASE_URL)\b/g
const URL_HOST = /:\/\/([a-z0-9][a-z0-9-]*)(?=[:/"'`\s)]|$)/gi
const TOKEN = /[A-Za-z0-9][A-Za-z0-9_-]*/g

interface Match {
  target: string
  /** 0-based offset in the text. */
  index: number
  text: string
  via: Reference['via']
}

/**
 * Finds references to catalog entries in a text. Canonical names and hyphenated aliases of 6+ characters count
 * anywhere as whole words; short aliases (`user`, `auth`) only as a URL host (`http://user:3000`), a Service
 * Connect name (`user.indigenious-dev.local`) or a `USER_SERVICE_URL`-style variable, since as plain words they
 * are everywhere.
 */
function matchesIn(text: string, names: Map<string, string>, namespaces: string[]): Match[] {
  const found: Match[] = []
  for (const m of text.matchAll(VARIABLE)) {
    const prefix = m[1]!.toLowerCase().replace(/_/g, '-')
    const target = names.get(prefix) ?? names.get(`${prefix}-service`)
    if (target) found.push({ target, index: m.index, text: m[0], via: 'variable' })
  }
  for (const m of text.matchAll(URL_HOST)) {
    const target = names.get(m[1]!.toLowerCase())
    if (target) found.push({ target, index: m.index + 3, text: m[1]!, via: 'url' })
  }
  for (const m of text.matchAll(TOKEN)) {
    const word = m[0]
    const target = names.get(word)
    if (!target) continue
    const end = m.index + word.length
    const namespace = text.charCodeAt(end) === 46 /* . */ ? namespaces.find((ns) => text.startsWith(ns, end + 1)) : undefined
    if (namespace) found.push({ target, index: m.index, text: `${word}.${namespace}`, via: 'service-connect' })
    else if (word.length >= 6 && word.includes('-')) found.push({ target, index: m.index, text: word, via: 'name' })
  }
  return found
}

/** References in one line, with 1-based columns. */
export function referencesInLine(text: string, names: Map<string, string>, namespaces: string[]): { target: string; column: number; text: string; via: Reference['via'] }[] {
  return matchesIn(text, names, namespaces).map((m) => ({ target: m.target, text: m.text, via: m.via, column: m.index + 1 }))
}

/**
 * References in a whole file, with 1-based line and column, leaving out full-line comments (a commented-out call
 * is not a dependency). The file is matched as one string and lines are found only for matches, which is several
 * times faster than matching line by line.
 */
export function referencesInText(text: string, names: Map<string, string>, namespaces: string[]): { target: string; line: number; column: number; text: string; via: Reference['via'] }[] {
  const matches = matchesIn(text, names, namespaces)
  if (matches.length === 0) return []
  const starts = [0]
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1)
  const comment = new Map<number, boolean>()
  const out: { target: string; line: number; column: number; text: string; via: Reference['via'] }[] = []
  for (const m of matches.sort((a, b) => a.index - b.index)) {
    const index = m.index
    let lo = 0
    let hi = starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (starts[mid]! <= index) lo = mid
      else hi = mid - 1
    }
    let isComment = comment.get(lo)
    if (isComment === undefined) {
      isComment = COMMENT_LINE.test(text.slice(starts[lo]!, (starts[lo + 1] ?? text.length + 1) - 1))
      comment.set(lo, isComment)
    }
    // Plain object literals: object rest/spread takes a slow runtime path in V8, and this runs per match.
    if (!isComment) out.push({ target: m.target, text: m.text, via: m.via, line: lo + 1, column: index - starts[lo]! + 1 })
  }
  return out
}

function isBinary(buffer: Buffer, length: number): boolean {
  return buffer.subarray(0, Math.min(length, 8000)).includes(0)
}

/** The files of one service: its directory minus skipped directories, other services nested in it and ignored files. */
function* serviceFiles(root: string, dir: string, nested: Set<string>, ignored: (path: string) => boolean): Generator<string> {
  const stack = [dir]
  while (stack.length) {
    const current = stack.pop()!
    let entries
    try {
      entries = readdirSync(join(root, current), { withFileTypes: true })
    } catch {
      continue
    }
    entries.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0))
    for (const entry of entries) {
      const path = current ? `${current}/${entry.name}` : entry.name
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name) && !nested.has(path)) stack.push(path)
      } else if (entry.isFile() && !SKIPPED_FILES.has(entry.name) && !ignored(path.slice(dir.length + 1))) yield path
    }
  }
}

/**
 * Reads each deployable service's code (bounded: file size, file count, no binaries) and its catalog
 * environment variables, and records where it refers to other catalog entries.
 */
export function scanServices(catalog: Catalog, environments: Environment[], options: ScanOptions = {}): ServiceScan[] {
  const maxBytes = options.maxFileBytes ?? 256 * 1024
  const maxFiles = options.maxFilesPerService ?? 10_000
  const cwd = options.cwd ?? process.cwd()
  const namespaces = [...new Set([...catalog.environments.values()].map((e) => e.serviceConnectNamespace).filter((n): n is string => typeof n === 'string'))]
  const paths = [...catalog.services.values()].filter((s) => s.path).map((s) => s.path!.replace(/\/+$/, ''))
  const buffer = Buffer.alloc(maxBytes)
  const scans: ServiceScan[] = []

  for (const service of [...catalog.services.values()].filter((s) => s.kind === 'service' && !s.disabled && s.path)) {
    const dir = service.path!.replace(/\/+$/, '')
    const nested = new Set(paths.filter((p) => p !== dir && p.startsWith(`${dir}/`)))
    const patterns = service.ignore ?? catalog.defaults.ignore ?? []
    const ignored = patterns.length ? picomatch(patterns, { dot: true }) : () => false
    const scan: ServiceScan = { service: service.name, files: 0, skipped: 0, references: new Map() }
    const record = (ref: Reference): void => {
      if (ref.target === service.name) return // a service naming itself is not a dependency
      const seen = scan.references.get(ref.target)
      if (seen) seen.count++
      else scan.references.set(ref.target, Object.assign(ref, { count: 1 }))
    }
    for (const path of serviceFiles(catalog.root, dir, nested, ignored)) {
      if (scan.files >= maxFiles) {
        scan.skipped++
        continue
      }
      const absolute = join(catalog.root, path)
      let size: number
      try {
        size = statSync(absolute).size
      } catch {
        continue
      }
      if (size > maxBytes) {
        scan.skipped++
        continue
      }
      const fd = openSync(absolute, 'r')
      let length: number
      try {
        length = readSync(fd, buffer, 0, size, 0)
      } finally {
        closeSync(fd)
      }
      if (isBinary(buffer, length)) {
        scan.skipped++
        continue
      }
      scan.files++
      const file = relative(cwd, absolute).split(sep).join('/')
      for (const r of referencesInText(buffer.toString('utf8', 0, length), catalog.names, namespaces)) record({ target: r.target, text: r.text, via: r.via, line: r.line, column: r.column, file })
    }
    scanConfig(catalog, service, environments, namespaces, record)
    scans.push(scan)
  }
  return scans
}

/** The service's `environment` variables in services.yaml and in each environment file count as its config. */
function scanConfig(catalog: Catalog, service: Service, environments: Environment[], namespaces: string[], record: (r: Reference) => void): void {
  const sources: { file: string; vars: Record<string, string> }[] = [{ file: catalog.file, vars: service.environment ?? {} }]
  for (const e of environments) sources.push({ file: e.file, vars: e.services?.[service.name]?.environment ?? {} })
  for (const { file, vars } of sources) {
    for (const [key, value] of Object.entries(vars)) {
      for (const r of referencesInLine(`${key}=${value}`, catalog.names, namespaces)) {
        // Line found later from the key path (locateProblems); 0 means "not yet located".
        record({ ...r, file, line: 0, column: 0, path: ['services', service.name, 'environment', key] })
      }
    }
  }
}

/**
 * Dependencies used but not declared (warning, at the first reference) and declared but never referenced
 * (warning, at the dependsOn entry). Only dependencies on deployable services are reported as unused:
 * infrastructure and libraries are reached through their own variables (DATABASE_URL) and imports.
 */
export function dependencyFindings(catalog: Catalog, scans: ServiceScan[]): Finding[] {
  const findings: Finding[] = []
  for (const scan of scans) {
    const service = catalog.services.get(scan.service)!
    for (const [target, ref] of scan.references) {
      if (service.dependsOn.includes(target)) continue
      const path = ref.path
      const seen = ref.count > 1 ? ` (and ${ref.count - 1} more reference${ref.count > 2 ? 's' : ''})` : ''
      findings.push({
        check: 'undeclared-dependency',
        service: scan.service,
        severity: 'warning',
        file: ref.file,
        ...(ref.line ? { line: ref.line, column: ref.column } : {}),
        ...(path ? { path } : {}),
        message: `${scan.service} uses ${target} (${describe(ref)}) but does not declare it${seen}`,
        hint: `add ${target} to dependsOn of ${scan.service} so it deploys after ${target}`,
      })
    }
    if (scan.files === 0) continue // no code to judge by
    service.dependsOn.forEach((dep, i) => {
      if (catalog.services.get(dep)?.kind !== 'service' || scan.references.has(dep)) return
      findings.push({
        check: 'unused-dependency',
        service: scan.service,
        severity: 'warning',
        file: catalog.file,
        path: ['services', scan.service, 'dependsOn', i],
        message: `${scan.service} declares a dependency on ${dep}, but none of its ${scan.files} files refers to it`,
        hint: `remove it if ${scan.service} does not call ${dep}; the scan looks for its name, URL hosts, Service Connect names and *_SERVICE_URL variables`,
      })
    })
  }
  return findings
}

function describe(ref: Reference): string {
  switch (ref.via) {
    case 'url': return `URL host '${ref.text}'`
    case 'service-connect': return `Service Connect name '${ref.text}'`
    case 'variable': return `variable ${ref.text}`
    default: return `'${ref.text}'`
  }
}

import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import picomatch from 'picomatch'
import { SKIPPED_DIRECTORIES } from '@tierdeploy/doctor'

/** What discovery reads of a repository; paths are repository-relative with `/`, '' is the root. */
export interface RepoFs {
  /** Entries of a directory; [] when it cannot be read. */
  list(dir: string): { name: string; directory: boolean }[]
  /** A file's text; undefined when it is missing, not a file, or larger than the reader's limit. */
  read(file: string): string | undefined
}

/** The repository on disk. Files over `maxBytes` (default 256 KiB) read as missing: manifests are never that large. */
export function nodeRepoFs(root: string, maxBytes = 256 * 1024): RepoFs {
  return {
    list(dir) {
      try {
        return readdirSync(join(root, dir), { withFileTypes: true }).map((e) => ({ name: e.name, directory: e.isDirectory() }))
      } catch {
        return []
      }
    },
    read(file) {
      try {
        const path = join(root, file)
        if (statSync(path).size > maxBytes) return undefined
        return readFileSync(path, 'utf8')
      } catch {
        return undefined
      }
    },
  }
}

export interface DirectoryFacts {
  path: string
  depth: number
  files: Set<string>
  /** Child directories that were walked. */
  dirs: string[]
  /** Files in this directory and below that are more than placeholders (.gitkeep, README); pruned directories count as one. */
  content: number
}

export interface ScanOptions {
  /** How deep below the root services are looked for. Default 4 (`group/service/inner/x`). */
  maxDepth?: number
  /** Repository-relative directories not walked at all (the catalog directory). */
  exclude?: string[]
  /** Globs of directories listed in the ignore file: reported as ignored, not walked. */
  ignore?: string[]
}

export interface RepoScan {
  directories: Map<string, DirectoryFacts>
  /** Directories matched by the ignore file, with the pattern that matched. */
  ignored: { path: string; pattern: string }[]
}

/** Files that mark a directory as kept, not as having code. */
const PLACEHOLDER_FILE = /^(\.gitkeep|\.keep|\.DS_Store|README(\..*)?|readme(\..*)?)$/
/**
 * Directories inside a project (a directory with a manifest) that hold its code, tests or assets, never another service: not walked, so a test
 * fixture's package.json is not taken for a nested service, and a 1,000-service repository reads few directories.
 */
const CODE_DIRECTORIES = new Set(['src', 'test', 'tests', '__tests__', 'spec', 'fixtures', '__fixtures__', 'e2e', 'docs', 'public', 'static', 'assets', 'migrations', 'pages', 'components', 'views', 'templates', 'coverage'])

/** Files that make a directory a project (a service, a library, a separate project). */
export const MANIFESTS = ['Dockerfile', 'package.json', 'pyproject.toml', 'requirements.txt', 'Pipfile', 'setup.py']

/** Walks the repository's directories (not files' contents) up to `maxDepth`. */
export function scanRepository(fs: RepoFs, options: ScanOptions = {}): RepoScan {
  const maxDepth = options.maxDepth ?? 4
  const exclude = new Set(options.exclude ?? [])
  const patterns = options.ignore ?? []
  const matchers = patterns.map((p) => ({ pattern: p, match: picomatch(p.replace(/^\/+|\/+$/g, ''), { dot: true }) }))
  const directories = new Map<string, DirectoryFacts>()
  const ignored: RepoScan['ignored'] = []

  const walk = (path: string, depth: number): DirectoryFacts => {
    const facts: DirectoryFacts = { path, depth, files: new Set(), dirs: [], content: 0 }
    directories.set(path, facts)
    const entries = fs.list(path)
    for (const entry of entries) {
      if (entry.directory) continue
      facts.files.add(entry.name)
      if (!PLACEHOLDER_FILE.test(entry.name)) facts.content++
    }
    const isProject = depth > 0 && MANIFESTS.some((m) => facts.files.has(m))
    for (const entry of entries) {
      if (!entry.directory) continue
      const child = path ? `${path}/${entry.name}` : entry.name
      if (entry.name.startsWith('.') || SKIPPED_DIRECTORIES.has(entry.name) || exclude.has(child)) continue
      const matched = matchers.find((m) => m.match(child))
      if (matched) {
        ignored.push({ path: child, pattern: matched.pattern })
        continue
      }
      // Below the depth limit, or a code directory of something: its existence is content, its inside is not read.
      if (depth + 1 > maxDepth || (isProject && CODE_DIRECTORIES.has(entry.name))) {
        facts.content++
        continue
      }
      facts.dirs.push(child)
      facts.content += walk(child, depth + 1).content
    }
    facts.dirs.sort()
    return facts
  }
  walk('', 0)
  return { directories, ignored: ignored.sort((a, b) => (a.path < b.path ? -1 : 1)) }
}

/** Patterns of an ignore file (`.tierdeployignore`): one directory glob a line, `#` comments. */
export function parseIgnoreFile(text: string | undefined): string[] {
  if (!text) return []
  return text.split('\n').map((l) => l.replace(/#.*$/, '').trim()).filter(Boolean)
}

import { SERVICE_NAME_PATTERN } from '@tierdeploy/catalog'
import type { Language, Skipped, Unit } from './model.js'
import type { DirectoryFacts, RepoFs, RepoScan } from './scan.js'
import { MANIFESTS } from './scan.js'

/** A directory with a manifest (Dockerfile, package.json, pyproject.toml, requirements.txt, Pipfile, setup.py). */
export interface Project {
  path: string
  dockerfile: boolean
  language?: Language
  /** package.json or pyproject name. */
  packageName?: string
  /** The Node start script or the Python entry point; a project without one and without a Dockerfile is not deployable. */
  start?: string
  framework?: string
  exposed?: number
  /** What the bundled template needs to build and start it (without a Dockerfile of its own). */
  template?: { args: Record<string, string>; notes: string[] }
  /** A Node lockfile of its own. */
  lockfile?: string
  /** package.json dependencies of every sort, name -> version spec. */
  nodeDependencies: Record<string, string>
  /** Manifest files read, repository-relative path -> text (for dependency evidence). */
  manifests: Map<string, string>
  deployable: boolean
}

const NODE_LOCKFILES = ['package-lock.json', 'yarn.lock', 'pnpm-lock.yaml', 'npm-shrinkwrap.json']
const PYTHON_MANIFESTS = ['pyproject.toml', 'requirements.txt', 'Pipfile', 'setup.py']
const PYTHON_ENTRIES = ['main.py', 'app.py', 'server.py', 'manage.py', 'wsgi.py', 'asgi.py', 'app/main.py', 'src/main.py']
const INFRASTRUCTURE_FOLDER = /^(terraform|infra|infrastructure|iac|k8s|kubernetes|helm|charts|deploy|deployment|deployments|cdk|pulumi|ansible|cloudformation|manifests|docker)$/

/** Reads what a directory's manifests say about it. */
export function readProject(fs: RepoFs, facts: DirectoryFacts): Project {
  const at = (f: string): string => (facts.path ? `${facts.path}/${f}` : f)
  const manifests = new Map<string, string>()
  const read = (f: string): string | undefined => {
    const text = fs.read(at(f))
    if (text !== undefined) manifests.set(at(f), text)
    return text
  }
  const project: Project = { path: facts.path, dockerfile: facts.files.has('Dockerfile'), nodeDependencies: {}, manifests, deployable: false }
  if (project.dockerfile) {
    const dockerfile = fs.read(at('Dockerfile')) ?? ''
    const expose = /^\s*EXPOSE\s+(\d+)/im.exec(dockerfile)
    if (expose) project.exposed = Number(expose[1])
    if (/^\s*FROM\s+\S*node/im.test(dockerfile)) project.language = 'node'
    else if (/^\s*FROM\s+\S*python/im.test(dockerfile)) project.language = 'python'
  }
  project.lockfile = NODE_LOCKFILES.find((f) => facts.files.has(f))
  const pkgText = facts.files.has('package.json') ? read('package.json') : undefined
  if (pkgText !== undefined) {
    let pkg: { name?: unknown; scripts?: Record<string, unknown>; [k: string]: unknown } = {}
    try {
      pkg = JSON.parse(pkgText) as typeof pkg
    } catch {
      // A malformed package.json is not a manifest to trust; the directory is judged by its other files.
    }
    project.language = 'node'
    if (typeof pkg.name === 'string') project.packageName = pkg.name
    if (typeof pkg.scripts?.start === 'string') {
      project.start = 'package.json start script'
      // templates/docker/node.Dockerfile runs `npm run build`, then `node $ENTRY` (default dist/index.js).
      const entry = /^node\s+(?:--\S+\s+)*(\S+?\.[cm]?js)\b/.exec(pkg.scripts.start)?.[1]
      project.template = { args: entry && entry !== 'dist/index.js' ? { ENTRY: entry } : {}, notes: typeof pkg.scripts.build === 'string' ? [] : ['the node template runs `npm run build`, which package.json does not define: add a build script or a Dockerfile'] }
    }
    for (const key of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']) {
      const deps = pkg[key]
      if (deps && typeof deps === 'object') for (const [n, v] of Object.entries(deps)) if (typeof v === 'string') project.nodeDependencies[n] = v
    }
    const deps = project.nodeDependencies
    project.framework = deps.next ? 'Next.js' : deps['@nestjs/core'] ? 'NestJS' : deps.fastify ? 'Fastify' : deps.express ? 'Express' : undefined
  } else if (PYTHON_MANIFESTS.some((f) => facts.files.has(f))) {
    project.language = 'python'
    for (const f of PYTHON_MANIFESTS) if (facts.files.has(f)) read(f)
    const pyproject = manifests.get(at('pyproject.toml'))
    if (pyproject) project.packageName = /^\[(?:project|tool\.poetry)\][^[]*?^name\s*=\s*["']([^"']+)["']/m.exec(pyproject)?.[1]
    const entry = PYTHON_ENTRIES.find((f) => (f.includes('/') ? fs.read(at(f)) !== undefined : facts.files.has(f)))
    if (entry) {
      project.start = `Python entry point ${entry}`
      // templates/docker/python.Dockerfile installs requirements.txt and runs gunicorn on $APP_MODULE (default app:app).
      const module = /^(app|main|server|src\/main|app\/main)\.py$/.test(entry) ? `${entry.replace(/\.py$/, '').replace(/\//g, '.')}:app` : undefined
      const notes = facts.files.has('requirements.txt') ? [] : ['the python template installs requirements.txt, which this service does not have: add one or a Dockerfile']
      if (/fastapi|starlette|quart|sanic|aiohttp/.test([...manifests.values()].join('\n').toLowerCase())) notes.push('the python template runs gunicorn (WSGI); an ASGI app needs a uvicorn worker or a Dockerfile')
      project.template = { args: module && module !== 'app:app' ? { APP_MODULE: module } : {}, notes }
    }
    else if (pyproject && /^\[(project\.scripts|tool\.poetry\.scripts)\]/m.test(pyproject)) project.start = 'pyproject.toml scripts'
    const all = [...manifests.values()].join('\n').toLowerCase()
    project.framework = /\bfastapi\b/.test(all) ? 'FastAPI' : /\bdjango\b/.test(all) ? 'Django' : /\bflask\b/.test(all) ? 'Flask' : undefined
  }
  project.deployable = project.dockerfile || project.start !== undefined
  return project
}

/**
 * The container port: the Dockerfile's EXPOSE; built from a bundled template, the PORT the template sets (node 3000,
 * python 5000); else PORT in an example environment file, else the framework's default.
 */
export function portOf(fs: RepoFs, project: Project, envFiles: string[]): Unit['port'] {
  if (project.exposed) return { value: project.exposed, source: 'EXPOSE in its Dockerfile' }
  if (!project.dockerfile && project.language) return { value: project.language === 'python' ? 5000 : 3000, source: `the PORT of the ${project.language} template` }
  for (const file of envFiles) {
    const m = /^\s*PORT\s*=\s*["']?(\d{2,5})\b/m.exec(fs.read(file) ?? '')
    if (m) return { value: Number(m[1]), source: `PORT in ${file.slice(project.path.length + 1)}` }
  }
  if (project.language === 'python') {
    return project.framework === 'Flask' ? { value: 5000, source: 'the Flask default' } : { value: 8000, source: `the ${project.framework ?? 'Python (uvicorn, gunicorn)'} default` }
  }
  if (project.language === 'node') return { value: 3000, source: `the ${project.framework ?? 'Node'} default` }
  return undefined
}

export interface Classified {
  /** Deployable directories, innermost where they nest. */
  services: Project[]
  /** Directories with a manifest but nothing to start: libraries if a service depends on them. */
  packages: Project[]
  skipped: Skipped[]
  /** Directories holding services without being one: a catalog entry is named after the outermost that holds just one. */
  containers: Set<string>
}

/**
 * Sorts every directory into services, packages (possible libraries) and skipped directories with the reason.
 * A separate project (in a workspace, its own Node lockfile and no Dockerfile: it is built and released on its own)
 * is skipped with everything inside it. Where deployable directories nest, the innermost is the service, unless the outer one has
 * its own Dockerfile (then both are: nesting is fine in the catalog).
 */
export function classifyDirectories(fs: RepoFs, scan: RepoScan): Classified {
  const skipped: Skipped[] = scan.ignored.map(({ path, pattern }) => ({ path, reason: 'ignored', detail: `listed in .tierdeployignore (${pattern})` }))
  const projects = new Map<string, Project>()
  const separate = new Set<string>()
  // Only in a workspace (a lockfile or workspaces at the root) does a lockfile of its own make a project separate;
  // in a repository of independent services every service has one.
  const root = scan.directories.get('')!
  const workspace = NODE_LOCKFILES.some((f) => root.files.has(f)) || /"workspaces"\s*:/.test(root.files.has('package.json') ? fs.read('package.json') ?? '' : '')
  for (const facts of scan.directories.values()) {
    if (facts.depth === 0 || !MANIFESTS.some((m) => facts.files.has(m))) continue
    if ([...separate].some((s) => facts.path.startsWith(`${s}/`))) continue
    const project = readProject(fs, facts)
    if (workspace && project.lockfile && !project.dockerfile) {
      separate.add(facts.path)
      skipped.push({ path: facts.path, reason: 'separate-project', detail: `its own ${project.lockfile} and no Dockerfile: a separate project${project.framework ? ` (${project.framework})` : ''}, built and released on its own` })
      continue
    }
    projects.set(facts.path, project)
  }
  // Directories are visited parent first, so a separate project's subtree is excluded before its children are read.
  for (const p of [...projects.keys()]) if ([...separate].some((s) => p.startsWith(`${s}/`))) projects.delete(p)

  const ancestors = (path: string): string[] => path.split('/').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('/'))
  const deployable = [...projects.values()].filter((p) => p.deployable)
  const holdsDeployable = new Set(deployable.flatMap((p) => ancestors(p.path)))
  const services = deployable.filter((p) => p.dockerfile || !holdsDeployable.has(p.path))
  const serviceSet = new Set(services.map((s) => s.path))
  // A package inside a service is part of it (a vendored module); only packages beside services can be libraries.
  const packages = [...projects.values()].filter((p) => !serviceSet.has(p.path) && !ancestors(p.path).some((a) => serviceSet.has(a)) && !(p.deployable && !p.dockerfile))

  const occupied = new Set([...serviceSet, ...packages.map((p) => p.path), ...separate, ...scan.ignored.map((i) => i.path)])
  const containers = new Set<string>([''])
  for (const path of occupied) {
    const parts = path.split('/')
    for (let i = 1; i < parts.length; i++) containers.add(parts.slice(0, i).join('/'))
  }
  for (const container of containers) {
    // A service holding another service keeps its other directories (its code) to itself.
    if (occupied.has(container)) continue
    for (const dir of scan.directories.get(container)?.dirs ?? []) {
      if (containers.has(dir) || occupied.has(dir)) continue
      const facts = scan.directories.get(dir)!
      const name = dir.slice(dir.lastIndexOf('/') + 1)
      if (facts.content === 0) skipped.push({ path: dir, reason: 'empty', detail: 'empty: no code yet' })
      else if (INFRASTRUCTURE_FOLDER.test(name) || [...facts.files].some((f) => f.endsWith('.tf'))) skipped.push({ path: dir, reason: 'infrastructure-folder', detail: 'infrastructure code, not a service' })
      else skipped.push({ path: dir, reason: 'not-a-service', detail: 'no Dockerfile, package.json or Python manifest' })
    }
  }
  for (const p of projects.values()) {
    if (p.deployable && !p.dockerfile && !serviceSet.has(p.path)) {
      const inner = services.filter((s) => s.path.startsWith(`${p.path}/`)).map((s) => s.path)
      skipped.push({ path: p.path, reason: 'not-a-service', detail: `holds ${inner.join(', ')}: the innermost directory is the service` })
    }
  }
  return { services, packages, skipped: skipped.sort((a, b) => (a.path < b.path ? -1 : 1)), containers }
}

const NAME = new RegExp(SERVICE_NAME_PATTERN)

/** A directory name as a catalog name (lower case, `-` for anything else, at most 63 characters). */
export function catalogName(text: string): string {
  const name = text.toLowerCase().replace(/^@[^/]+\//, '').replace(/[^a-z0-9-]+/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '').slice(0, 63).replace(/-$/, '')
  return NAME.test(name) ? name : `x${name}`.slice(0, 63)
}

/**
 * Names for directories: the directory's own name, or the name of the outermost directory that holds only this one
 * (`indigenious-gateway-service/indigenious-api-gateway` is indigenious-gateway-service, as the users' old scripts
 * called it); where two directories would get one name, both are named by their whole path.
 */
export function nameDirectories(paths: string[], containers: Set<string>, taken: Iterable<string> = []): Map<string, string> {
  const held = new Map<string, number>()
  for (const path of paths) {
    const parts = path.split('/')
    for (let i = 1; i < parts.length; i++) held.set(parts.slice(0, i).join('/'), (held.get(parts.slice(0, i).join('/')) ?? 0) + 1)
  }
  const isPath = new Set(paths)
  const proposed = new Map<string, string>()
  for (const path of paths) {
    let named = path
    const parts = path.split('/')
    for (let i = parts.length - 1; i >= 1; i--) {
      const outer = parts.slice(0, i).join('/')
      if (!containers.has(outer) || held.get(outer) !== 1 || isPath.has(outer)) break
      named = outer
    }
    proposed.set(path, catalogName(named.slice(named.lastIndexOf('/') + 1)))
  }
  const count = new Map<string, number>()
  for (const n of [...proposed.values(), ...taken]) count.set(n, (count.get(n) ?? 0) + 1)
  for (const [path, name] of proposed) if (count.get(name)! > 1) proposed.set(path, catalogName(path.replace(/\//g, '-')))
  return proposed
}

/**
 * The prefix most names share (`indigenious-`), which a short alias leaves out; a prefix shared by fewer than half
 * the names is no prefix.
 */
export function commonPrefix(names: string[]): string {
  const counts = new Map<string, number>()
  for (const n of names) {
    const m = /^([a-z0-9]+-)/.exec(n)
    if (m) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1)
  }
  const [best] = [...counts.entries()].sort((a, b) => b[1] - a[1])
  return best && names.length >= 2 && best[1] * 2 >= names.length ? best[0] : ''
}

/** The short name of a service: without the shared prefix and a `-service` suffix (indigenious-auth-service -> auth). */
export function shortName(name: string, prefix: string): string {
  let short = prefix && name.startsWith(prefix) ? name.slice(prefix.length) : name
  short = short.replace(/-(service|svc)$/, '')
  return short.length > 0 ? short : name
}

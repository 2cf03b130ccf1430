import { createHash } from 'node:crypto'
import { buildInputMatcher, buildInputRoots, ConfigurationError, contextBeyondPath, dockerIgnoreFileOf, isUnder } from '@tierdeploy/catalog'
import type { BuildSource } from './build-source.js'
import type { Exec } from './exec.js'

export interface ContentTag {
  /** `tree-` and 40 hex digits: the same sources always give the same tag, whatever the commit. */
  tag: string
  /**
   * For the log: each directory or file the inputs were listed under (the service's path, its build context,
   * each library, each global path, ...) with a digest of the hashed files under it ('absent' when none).
   */
  parts: { path: string; object: string }[]
  /** How many files were hashed. */
  files: number
}

interface TreeEntry {
  mode: string
  object: string
}

/**
 * The image's content tag: one hash over the files the image is built from, each with its mode and git object id
 * at HEAD, plus the bundled template's text, the build args and the target platform. Which files: exactly the
 * catalog's build inputs (buildInputMatcher: the service's path and watch files less its ignore globs, its
 * Dockerfile, its build context less what .dockerignore excludes, its libraries, the global paths), the
 * definition change detection affects services by. So a service is affected by a change exactly when its content
 * tag changes (catalog definition changes aside), and an image is never reused for inputs it was not built from.
 *
 * Any of these changing gives a new tag; a re-run or a revert gives a tag ECR already has, so nothing is built.
 * Uncommitted changes are not seen: CI builds what is committed.
 */
export async function computeContentTag(source: BuildSource, deps: { exec: Exec; root: string; templateText?: string; platform?: string }): Promise<ContentTag> {
  const commit = await headCommit(deps)
  const roots = buildInputRoots(source.inputs)
  const tree = await listTree(commit, roots, deps)
  if (!source.inputs.image || ![...tree.keys()].some((p) => isUnder(p, source.context))) {
    throw new ConfigurationError(`build context '${source.context}' of ${source.service} is not committed at HEAD: build-push tags images by committed content`)
  }
  // Only a context beyond the service's path is filtered by .dockerignore (build-inputs.ts); read it only then.
  let dockerIgnore: string | undefined
  const ignoreFile = contextBeyondPath(source.inputs) !== undefined ? dockerIgnoreFileOf(source.inputs.image, (p) => tree.has(p)) : undefined
  if (ignoreFile !== undefined) dockerIgnore = await blobText(tree.get(ignoreFile)!.object, deps)
  const isInput = buildInputMatcher(source.inputs, dockerIgnore)
  const files = [...tree.keys()].filter((p) => isInput(p) !== undefined).sort()

  const hash = createHash('sha256')
  const byRoot = new Map(roots.map((r) => [r, createHash('sha256')]))
  const counted = new Map<string, number>()
  for (const path of files) {
    const { mode, object } = tree.get(path)!
    const line = `file\t${path}\t${mode}\t${object}\n`
    hash.update(line)
    // Roots never nest (buildInputRoots), so a file lies under exactly one.
    const root = roots.find((r) => isUnder(path, r))!
    byRoot.get(root)!.update(line)
    counted.set(root, (counted.get(root) ?? 0) + 1)
  }
  if (source.template) hash.update(`template\t${source.template}\t${createHash('sha256').update(deps.templateText ?? '').digest('hex')}\n`)
  // An image built for other platforms is another image: switching linux/amd64 to linux/arm64 must rebuild.
  if (deps.platform) hash.update(`platform\t${deps.platform}\n`)
  for (const [k, v] of Object.entries(source.args).sort(([a], [b]) => a.localeCompare(b))) hash.update(`arg\t${k}=${v}\n`)
  const parts = roots.map((path) => ({ path, object: counted.has(path) ? byRoot.get(path)!.digest('hex').slice(0, 40) : 'absent' }))
  return { tag: `tree-${hash.digest('hex').slice(0, 40)}`, parts, files: files.length }
}

async function headCommit(deps: { exec: Exec; root: string }): Promise<string> {
  const head = await deps.exec('git', ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], { cwd: deps.root })
  if (head.exitCode !== 0) throw new ConfigurationError(`${deps.root} is not a git checkout with a commit${head.stderr.trim() ? ` (git: ${head.stderr.trim()})` : ''}; build-push tags images by git content`)
  return head.stdout.trim()
}

/**
 * Every file at `commit` under `roots` (relative to `root`, the catalog's root, like the catalog's paths), from one
 * `git ls-tree -r -z`: NUL-separated, so any file name arrives unquoted.
 */
async function listTree(commit: string, roots: string[], deps: { exec: Exec; root: string }): Promise<Map<string, TreeEntry>> {
  const result = await deps.exec('git', ['--literal-pathspecs', 'ls-tree', '-r', '-z', commit, '--', ...roots], { cwd: deps.root })
  if (result.exitCode !== 0) throw new Error(`git ls-tree failed in ${deps.root}: ${result.stderr.trim()}`)
  const tree = new Map<string, TreeEntry>()
  for (const record of result.stdout.split('\0')) {
    const tab = record.indexOf('\t')
    if (tab < 0) continue
    // `<mode> <type> <object>\t<path>`; a submodule is a `commit` entry, hashed like a file.
    const [mode, , object] = record.slice(0, tab).split(' ')
    tree.set(record.slice(tab + 1), { mode: mode!, object: object! })
  }
  return tree
}

async function blobText(object: string, deps: { exec: Exec; root: string }): Promise<string> {
  const result = await deps.exec('git', ['cat-file', 'blob', object], { cwd: deps.root })
  if (result.exitCode !== 0) throw new Error(`git cat-file blob ${object} failed in ${deps.root}: ${result.stderr.trim()}`)
  return result.stdout
}

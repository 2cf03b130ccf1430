import { createHash } from 'node:crypto'
import { ConfigurationError } from '@tierdeploy/catalog'
import type { BuildSource } from './build-source.js'
import type { Exec } from './exec.js'

export interface ContentTag {
  /** `tree-` and 40 hex digits: the same sources always give the same tag, whatever the commit. */
  tag: string
  /** Each hashed path with its git object id ('absent' when HEAD has no such path), for the log. */
  parts: { path: string; object: string }[]
}

/**
 * The image's content tag: one hash over the git object ids (what `git rev-parse HEAD:PATH` gives) of the build
 * context, its libraries, the global paths and the Dockerfile, plus the bundled template's text, the build args and
 * the target platform.
 * Any of these changing gives a new tag; a re-run or a revert gives a tag ECR already has, so nothing is built.
 * Uncommitted changes are not seen: CI builds what is committed.
 */
export async function computeContentTag(source: BuildSource, deps: { exec: Exec; root: string; templateText?: string; platform?: string }): Promise<ContentTag> {
  const paths = [...new Set([source.context, ...source.libraries, ...source.globalPaths, ...(source.dockerfile ? [source.dockerfile] : [])])].sort()
  const objects = await revParsePaths(paths, deps)
  const parts = paths.map((path) => ({ path, object: objects.get(path) ?? 'absent' }))
  const context = parts.find((p) => p.path === source.context)
  if (context?.object === 'absent') {
    throw new ConfigurationError(`build context '${source.context || '.'}' of ${source.service} is not committed at HEAD: build-push tags images by committed content`)
  }
  const hash = createHash('sha256')
  for (const p of parts) hash.update(`path\t${p.path}\t${p.object}\n`)
  if (source.template) hash.update(`template\t${source.template}\t${createHash('sha256').update(deps.templateText ?? '').digest('hex')}\n`)
  // An image built for other platforms is another image: switching linux/amd64 to linux/arm64 must rebuild.
  if (deps.platform) hash.update(`platform\t${deps.platform}\n`)
  for (const [k, v] of Object.entries(source.args).sort(([a], [b]) => a.localeCompare(b))) hash.update(`arg\t${k}=${v}\n`)
  return { tag: `tree-${hash.digest('hex').slice(0, 40)}`, parts }
}

/**
 * Object ids of the paths at HEAD, from one `git cat-file --batch-check` (paths on stdin, so any number of them and
 * no argv limit); paths HEAD lacks are left out.
 */
async function revParsePaths(paths: string[], deps: { exec: Exec; root: string }): Promise<Map<string, string>> {
  const head = await deps.exec('git', ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], { cwd: deps.root })
  if (head.exitCode !== 0) throw new ConfigurationError(`${deps.root} is not a git checkout with a commit${head.stderr.trim() ? ` (git: ${head.stderr.trim()})` : ''}; build-push tags images by git content`)
  const commit = head.stdout.trim()
  const result = await deps.exec('git', ['cat-file', '--batch-check=%(objectname)'], { cwd: deps.root, stdin: paths.map((p) => `${commit}:${p}\n`).join('') })
  if (result.exitCode !== 0) throw new Error(`git cat-file --batch-check failed in ${deps.root}: ${result.stderr.trim()}`)
  const lines = result.stdout.split('\n')
  const found = new Map<string, string>()
  paths.forEach((p, i) => {
    const line = lines[i] ?? ''
    if (/^[0-9a-f]{40,64}$/.test(line)) found.set(p, line)
  })
  return found
}

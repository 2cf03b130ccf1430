/** One entry of `git diff --name-status`: a rename carries the path it came from. */
export interface FileChange {
  status: ChangeStatus
  /** Repository-relative path at head (for a deletion, the path that was deleted). */
  path: string
  /** For a rename or copy, the path at base. */
  oldPath?: string
}

export type ChangeStatus = 'added' | 'modified' | 'deleted' | 'renamed' | 'copied' | 'type-changed' | 'unmerged' | 'unknown'

/** At most this many files are listed in one reason, so outputs stay small when 100,000 files change. */
export const MAX_LISTED_FILES = 20

/** Why a service is affected. Shown in the job summary and in the `reasons` output. */
export type ChangeReason =
  /** Files under the service's path, or matched by its `watch` globs. `count` is the total, `files` the first few. */
  | { kind: 'files'; count: number; files: string[] }
  /**
   * Files its image is built from besides its code: its Dockerfile, a docker ignore file, or a file of a build
   * context that reaches beyond its path (the catalog's buildInputMatcher, rule `build`).
   */
  | { kind: 'build'; count: number; files: string[] }
  /** A library it depends on changed; `via` lists the libraries in between (empty when it depends directly). */
  | { kind: 'library'; library: string; via: string[] }
  /** Files matched by the catalog's `globalPaths`. */
  | { kind: 'global'; count: number; files: string[] }
  /** Its definition in the catalog (services.yaml or an environment file) changed. */
  | { kind: 'definition'; file: string }
  /** Every service: there is nothing to compare with (the first push of the default branch). */
  | { kind: 'everything'; because: string }
  /** Its directory is gone at head, or it was removed from the catalog (deleted services only). */
  | { kind: 'deleted'; path?: string; file?: string }

export interface FileList {
  count: number
  files: string[]
}

/** What a change affects. */
export interface AffectedServices {
  /** Deployable services (kind service, not disabled) to build and deploy, sorted by name. */
  services: string[]
  /** Services whose directory was deleted or that left the catalog: never deployed, sorted. */
  deleted: string[]
  /** Terraform, the catalog, or an infrastructure entry's path changed. */
  infrastructure: boolean
  /** Why each service in `services` and `deleted` is there. */
  reasons: Record<string, ChangeReason[]>
  /** Libraries whose files changed (their dependents are in `services`). */
  libraries: string[]
  /** Files that made `infrastructure` true. */
  infrastructureFiles: FileList
  /** Changed files no service, watch glob, global path or infrastructure directory claims (or that are ignored). */
  unclaimed: FileList
  /** Number of changed paths looked at (a rename counts its old and new path). */
  files: number
}

/** The JSON shape of the CLI's `--json` and the action's outputs. */
export function affectedJson(a: AffectedServices): { services: string[]; deleted: string[]; infrastructure: boolean; reasons: Record<string, ChangeReason[]> } {
  return { services: a.services, deleted: a.deleted, infrastructure: a.infrastructure, reasons: a.reasons }
}

export function addToList(list: FileList, file: string): void {
  list.count++
  if (list.files.length < MAX_LISTED_FILES) list.files.push(file)
}

/**
 * The `reasons` JSON, kept under `limit` characters: GitHub caps a job's outputs at 1 MB, and a global change
 * over 10,000 services repeats its file list 10,000 times. Past the limit, file lists are dropped (counts kept).
 */
export function reasonsJson(reasons: Record<string, ChangeReason[]>, limit = 500_000): { json: string; trimmed: boolean } {
  const json = JSON.stringify(reasons)
  if (json.length <= limit) return { json, trimmed: false }
  const compact = Object.fromEntries(
    Object.entries(reasons).map(([name, list]) => [name, list.map((r) => (r.kind === 'files' || r.kind === 'build' || r.kind === 'global' ? { ...r, files: [] } : r))]),
  )
  return { json: JSON.stringify(compact), trimmed: true }
}

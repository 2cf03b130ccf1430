/** What `tierdeploy init` found in a repository, before it is written as a catalog. */

export type Language = 'node' | 'python'

/** A catalog entry to be: a deployable service, a shared library, or a data store from docker-compose. */
export interface Unit {
  name: string
  kind: 'service' | 'library' | 'infrastructure'
  /** Repository-relative directory (none for infrastructure). */
  path?: string
  language?: Language
  /** The directory has its own Dockerfile (else the bundled template for its language builds it). */
  dockerfile: boolean
  /** What made it an entry, for the comment above it: "Dockerfile", "package.json with a start script". */
  found: string
  port?: { value: number; source: string }
  /** Build arguments the bundled template needs for this service (ENTRY, APP_MODULE). */
  templateArgs?: Record<string, string>
  /** What to check by hand (a template that cannot build it as it is), for the comment above it. */
  notes?: string[]
  aliases: string[]
  /** The name other packages depend on it by (package.json or pyproject name). */
  packageName?: string
  description?: string
}

export type EvidenceKind = 'package' | 'python-path' | 'compose' | 'url' | 'variable' | 'service-connect' | 'name'

/** Where the repository shows that one entry needs another. */
export interface Evidence {
  kind: EvidenceKind
  /** Repository-relative file. */
  file: string
  /** 1-based line; 0 when unknown. */
  line: number
  /** What was matched: the package, variable, host or compose key. */
  text: string
}

export interface Edge {
  from: string
  to: string
  evidence: Evidence[]
  /** Why the edge is only proposed (not written without --accept-suggested). */
  doubt?: string
}

export type SkipReason = 'empty' | 'separate-project' | 'ignored' | 'infrastructure-folder' | 'not-a-service'

/** A directory that is not in the catalog, and why. */
export interface Skipped {
  path: string
  reason: SkipReason
  detail: string
}

export interface TierProposal {
  tiers: { id: number; name: string; description: string }[]
  /** Tier of every entry but libraries, with the reason for the comment beside it. */
  of: Map<string, { tier: number; reason: string }>
}

export interface Discovery {
  platform: string
  /** Entries, in catalog order: infrastructure, services by tier and name, libraries. */
  units: Unit[]
  /** Dependencies written to the catalog. */
  edges: Edge[]
  /** Dependencies the evidence suggests but does not settle; written only with --accept-suggested. */
  suggested: Edge[]
  skipped: Skipped[]
  tiers: TierProposal
  /** Root files whose change affects every service (lockfiles, shared config). */
  globalPaths: string[]
}

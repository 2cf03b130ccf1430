import { posix } from 'node:path'
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type YAMLMap } from 'yaml'
import { referencesInLine } from '@tierdeploy/doctor'
import { catalogName } from './classify.js'
import type { EdgeSet } from './evidence.js'
import type { Skipped, Unit } from './model.js'
import type { RepoFs, RepoScan } from './scan.js'

const COMPOSE_FILE = /^(docker-)?compose(\.[\w-]+)?\.ya?ml$/
/** Images of data stores and brokers: in AWS they are managed services (RDS, ElastiCache, MSK...), so infrastructure. */
const DATA_STORE_IMAGE = /^(postgres|postgis|mysql|mariadb|mongo|mongodb|redis|valkey|memcached|rabbitmq|cp-kafka|kafka|zookeeper|elasticsearch|opensearch|minio|localstack|dynamodb-local|nats|cassandra|neo4j|clickhouse-server|clickhouse|timescaledb)$/

export interface ComposeService {
  file: string
  key: string
  /** The catalog entry it is, when known. */
  unit?: string
  node: YAMLMap
  lines: LineCounter
}

/** docker-compose files at the root and one or two levels down. */
export function composeFiles(scan: RepoScan): string[] {
  const out: string[] = []
  for (const facts of scan.directories.values()) {
    if (facts.depth > 2) continue
    for (const f of [...facts.files].sort()) if (COMPOSE_FILE.test(f)) out.push(facts.path ? `${facts.path}/${f}` : f)
  }
  return out
}

const str = (n: unknown): string | undefined => (isScalar(n) && (typeof n.value === 'string' || typeof n.value === 'number') ? String(n.value) : undefined)
const lineOf = (node: Node | null | undefined, lines: LineCounter): number => (node?.range ? lines.linePos(node.range[0]).line : 0)

/**
 * Reads the docker-compose files: each compose service is matched to a discovered entry by its build context, else
 * by name; a data-store image (postgres, redis...) becomes an infrastructure entry; other image-only services
 * (mail catchers, admin UIs) are development tools and are listed as skipped.
 */
export function readCompose(fs: RepoFs, scan: RepoScan, units: Unit[], names: Map<string, string>): { services: ComposeService[]; infrastructure: Unit[]; skipped: Skipped[] } {
  const services: ComposeService[] = []
  const infrastructure: Unit[] = []
  const skipped: Skipped[] = []
  const byPath = new Map(units.filter((u) => u.path !== undefined).map((u) => [u.path!, u.name]))
  for (const file of composeFiles(scan)) {
    const text = fs.read(file)
    if (text === undefined) continue
    const lines = new LineCounter()
    const doc = parseDocument(text, { lineCounter: lines })
    // A compose file that does not parse is not evidence; `docker compose config` reports it better than we could.
    if (doc.errors.length) continue
    const list = doc.get('services', true)
    if (!isMap(list)) continue
    const dir = posix.dirname(file) === '.' ? '' : posix.dirname(file)
    for (const pair of list.items) {
      const key = str(pair.key)
      if (key === undefined || !isMap(pair.value)) continue
      const node = pair.value
      const service: ComposeService = { file, key, node, lines }
      const build = node.get('build', true)
      const context = str(build) ?? (isMap(build) ? str(build.get('context', true)) : undefined)
      if (context !== undefined) {
        const path = posix.normalize(posix.join(dir || '.', context)).replace(/\/+$/, '')
        service.unit = byPath.get(path) ?? [...byPath.entries()].filter(([p]) => path.startsWith(`${p}/`)).sort((a, b) => b[0].length - a[0].length)[0]?.[1]
      }
      const image = str(node.get('image', true))
      const base = image?.split('@')[0]!.split(':')[0]!.split('/').pop()
      if (service.unit === undefined && context === undefined && base !== undefined && DATA_STORE_IMAGE.test(base)) {
        const name = catalogName(key)
        if (!infrastructure.some((u) => u.name === name)) {
          infrastructure.push({ name, kind: 'infrastructure', dockerfile: false, aliases: [], found: `docker-compose service ${key} (image ${image}) in ${file}:${lineOf(pair.key as Node, lines)}`, description: `${image} in ${file}: provision its AWS counterpart with Terraform` })
        }
        service.unit = name
      }
      service.unit ??= names.get(key) ?? names.get(catalogName(key))
      if (service.unit === undefined && context === undefined && image !== undefined) {
        skipped.push({ path: `${file}#${key}`, reason: 'not-a-service', detail: `docker-compose service with image ${image}: a development tool, not in the catalog` })
      }
      services.push(service)
    }
  }
  return { services, infrastructure, skipped }
}

/** `depends_on` (list or map form) and the `environment` of compose services as evidence. */
export function composeEvidence(compose: ComposeService[], names: Map<string, string>, edges: EdgeSet): void {
  const unitOf = new Map<string, string>()
  for (const s of compose) if (s.unit) unitOf.set(`${s.file}\0${s.key}`, s.unit)
  for (const s of compose) {
    if (!s.unit) continue
    const dependsOn = s.node.get('depends_on', true)
    const deps: Node[] = isSeq(dependsOn) ? (dependsOn.items as Node[]) : isMap(dependsOn) ? dependsOn.items.map((p) => p.key as Node) : []
    for (const dep of deps) {
      const key = str(dep)
      const target = key === undefined ? undefined : unitOf.get(`${s.file}\0${key}`)
      if (target) edges.add(s.unit, target, { kind: 'compose', file: s.file, line: lineOf(dep, s.lines), text: key! })
    }
    const environment = s.node.get('environment', true)
    const entries: { text: string; node: Node }[] = isMap(environment)
      ? environment.items.map((p) => ({ text: `${str(p.key) ?? ''}=${str(p.value) ?? ''}`, node: p.key as Node }))
      : isSeq(environment) ? environment.items.map((n) => ({ text: str(n) ?? '', node: n as Node })) : []
    for (const { text, node } of entries) {
      for (const r of referencesInLine(text, names, [])) {
        if (r.via === 'name') continue // a bare name in a value is not settled evidence; the files' scan proposes those
        edges.add(s.unit, r.target, { kind: r.via, file: s.file, line: lineOf(node, s.lines), text: r.text })
      }
    }
  }
}

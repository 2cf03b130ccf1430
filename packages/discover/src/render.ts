import { Document, isMap, isScalar, isSeq, type Pair, type Scalar, type YAMLMap } from 'yaml'
import { describeEvidence } from './evidence.js'
import type { Discovery, Edge, Unit } from './model.js'

/** The catalog default port: an entry whose port differs says so itself. */
export const DEFAULT_PORT = 3000
const STRINGIFY = { lineWidth: 0, flowCollectionPadding: false } as const

/** What one entry is written from: the entry, its written and proposed dependencies, and its tier. */
export interface EntryInput {
  unit: Unit
  dependsOn: Edge[]
  suggested: Edge[]
  tier?: { tier: number; reason: string }
}

function entryValue(input: EntryInput): Record<string, unknown> {
  const { unit } = input
  const value: Record<string, unknown> = {}
  if (unit.kind !== 'service') value.kind = unit.kind
  if (unit.description) value.description = unit.description
  if (unit.path !== undefined) value.path = unit.path
  if (input.tier && unit.kind !== 'library') value.tier = input.tier.tier
  if (unit.aliases.length) value.aliases = unit.aliases
  if (input.dependsOn.length) value.dependsOn = input.dependsOn.map((e) => e.to)
  if (unit.kind === 'service' && unit.port && unit.port.value !== DEFAULT_PORT) value.container = { port: unit.port.value }
  if (unit.kind === 'service' && !unit.dockerfile && unit.language) value.build = { template: unit.language, ...(unit.templateArgs ? { args: unit.templateArgs } : {}) }
  return value
}

/** Evidence for a comment: the first two places, and how many more. */
function evidenceText(edge: Edge): string {
  // A line such as AUTH_SERVICE_URL=http://auth:3000 is one piece of evidence, though two rules match it.
  const places = edge.evidence.filter((e, i) => edge.evidence.findIndex((x) => x.file === e.file && x.line === e.line) === i)
  const shown = places.slice(0, 2).map(describeEvidence).join('; ')
  return places.length > 2 ? `${shown}; +${places.length - 2} more` : shown
}

/** The comment above an entry: why it is one, where its port comes from, and the dependencies only proposed. */
function entryComment(input: EntryInput): string {
  const { unit } = input
  const lines = [` ${unit.kind === 'library' ? 'library' : 'found'}: ${unit.found}${unit.kind === 'service' && unit.port ? `; port ${unit.port.value} from ${unit.port.source}` : ''}`]
  if (unit.kind === 'service' && !unit.dockerfile && unit.language) lines.push(` no Dockerfile: built from the bundled ${unit.language} template (templates/docker/${unit.language}.Dockerfile)`)
  for (const note of unit.notes ?? []) lines.push(` check: ${note}`)
  for (const s of input.suggested) lines.push(` suggested dependsOn ${s.to}: ${evidenceText(s)}${s.doubt ? ` (${s.doubt})` : ''}`)
  return lines.join('\n')
}

/** Sets the comments of an entry created from entryValue: evidence beside each dependency, the reason beside the tier. */
function commentEntry(pair: Pair, input: EntryInput): void {
  ;(pair.key as Scalar).commentBefore = entryComment(input)
  const map = pair.value as YAMLMap
  const aliases = map.get('aliases', true)
  if (isSeq(aliases)) aliases.flow = true
  const tier = map.get('tier', true)
  if (isScalar(tier) && input.tier) tier.comment = ` proposed: ${input.tier.reason}`
  const deps = map.get('dependsOn', true)
  if (isSeq(deps)) deps.items.forEach((item, i) => { if (isScalar(item)) item.comment = ` ${evidenceText(input.dependsOn[i]!)}` })
  for (const key of ['container', 'build']) {
    const v = map.get(key, true)
    if (isMap(v)) v.flow = true
  }
}

export function entryInputs(discovery: Discovery): EntryInput[] {
  const from = (edges: Edge[]): Map<string, Edge[]> => {
    const by = new Map<string, Edge[]>()
    for (const e of edges) by.set(e.from, [...(by.get(e.from) ?? []), e])
    return by
  }
  const dependsOn = from(discovery.edges)
  const suggested = from(discovery.suggested)
  return discovery.units.map((unit) => ({
    unit,
    dependsOn: dependsOn.get(unit.name) ?? [],
    suggested: suggested.get(unit.name) ?? [],
    ...(discovery.tiers.of.has(unit.name) ? { tier: discovery.tiers.of.get(unit.name)! } : {}),
  }))
}

/** Entries as YAML text at the indentation of a `services:` mapping's keys (for `--update`, which adds text). */
export function renderEntries(inputs: EntryInput[], indent = 2): string {
  const doc = new Document({ services: Object.fromEntries(inputs.map((i) => [i.unit.name, entryValue(i)])) })
  const services = doc.get('services', true) as YAMLMap
  services.items.forEach((pair, i) => commentEntry(pair, inputs[i]!))
  const lines = doc.toString(STRINGIFY).split('\n').slice(1)
  return lines.map((l) => (l ? `${' '.repeat(indent)}${l.slice(2)}` : l)).join('\n').replace(/\n+$/, '\n')
}

function groupTitle(unit: Unit, discovery: Discovery): string {
  if (unit.kind === 'library') return 'shared code'
  const id = discovery.tiers.of.get(unit.name)!.tier
  const tier = discovery.tiers.tiers.find((t) => t.id === id)
  return `tier ${id}${tier ? `: ${tier.name}` : ''}`
}

/**
 * The catalog as YAML with comments (the `yaml` Document API): each entry says why it is one, each dependency
 * its evidence, each tier its reason; proposed dependencies and the directories left out are comments to act on.
 */
export function renderCatalog(discovery: Discovery): string {
  const inputs = entryInputs(discovery)
  const doc = new Document({
    version: 1,
    platform: discovery.platform,
    tiers: discovery.tiers.tiers,
    ...(discovery.globalPaths.length ? { globalPaths: discovery.globalPaths } : {}),
    defaults: { cpu: 256, memory: 512, desiredCount: 1, container: { port: DEFAULT_PORT }, healthCheck: { path: '/health' } },
    services: Object.fromEntries(inputs.map((i) => [i.unit.name, entryValue(i)])),
  })
  doc.commentBefore = [
    ' yaml-language-server: $schema=./schema.json',
    ' Written by `tierdeploy init` from the repository; check it, then edit freely: `tierdeploy init --update` adds',
    ' services found later and never changes what is written here. Tiers are a proposal from the dependency graph.',
  ].join('\n')
  const defaults = doc.get('defaults', true) as YAMLMap
  for (const key of ['container', 'healthCheck']) (defaults.get(key, true) as unknown as YAMLMap).flow = true
  ;(defaults.items.find((p) => isScalar(p.key) && p.key.value === 'healthCheck')!.key as Scalar).commentBefore = ' check that every service answers here, or give it its own healthCheck'
  const services = doc.get('services', true) as YAMLMap
  let group = ''
  services.items.forEach((pair, i) => {
    const input = inputs[i]!
    commentEntry(pair, input)
    const title = groupTitle(input.unit, discovery)
    if (title !== group) {
      const key = pair.key as Scalar
      key.commentBefore = ` ---- ${title} ${'-'.repeat(Math.max(4, 100 - title.length))}\n${key.commentBefore ?? ''}`
      if (i > 0) key.spaceBefore = true
      group = title
    }
  })
  if (discovery.skipped.length) {
    doc.comment = [' Not in the catalog:', ...discovery.skipped.map((s) => `   ${s.path}: ${s.detail}`)].join('\n')
  }
  return doc.toString(STRINGIFY)
}

const BRANCHES: Record<string, Record<string, unknown>> = {
  dev: { branches: ['develop'] },
  staging: { branches: ['main'] },
  production: { tags: ['v*'] },
}

/**
 * An environment file stub that validates: name, a region, a cluster name; the account and deploy role are left
 * as comments to fill in (until the account is set, deploys warn that they cannot check it).
 */
export function renderEnvironment(name: string, options: { platform: string; region: string; regionGiven: boolean; previous?: string; production: boolean }): string {
  const doc = new Document({
    name,
    description: `${name} (written by tierdeploy init; fill in the account and role)`,
    region: options.region,
    cluster: `${options.platform}-${name}`,
    requireApproval: options.production,
    ...(BRANCHES[name] ?? {}),
    ...(options.production && options.previous ? { promotesFrom: options.previous } : {}),
    ...(options.production ? {} : { optionalServices: ['*'] }),
  })
  doc.commentBefore = ' yaml-language-server: $schema=../schema.json#/$defs/environment'
  const pairs = (doc.contents as YAMLMap).items
  const key = (k: string): Scalar => pairs.find((p) => isScalar(p.key) && p.key.value === k)!.key as Scalar
  key('region').commentBefore = [
    ` account: "123456789012"   # the AWS account ID; deploys refuse credentials of another account once it is set`,
    ...(options.regionGiven ? [] : [' region below is a placeholder: set the region this environment runs in']),
  ].join('\n')
  // The names terraform/modules/github-oidc gives the roles (PLATFORM-ENV-deploy and -build).
  key('requireApproval').commentBefore = [
    ` roleArn: arn:aws:iam::ACCOUNT:role/${options.platform}-${name}-deploy   # the role releases assume (GitHub OIDC)`,
    ` buildRoleArn: arn:aws:iam::ACCOUNT:role/${options.platform}-${name}-build   # builds and plans before the approval`,
  ].join('\n')
  for (const k of ['branches', 'tags', 'optionalServices']) {
    const v = (doc.contents as YAMLMap).get(k, true)
    if (isSeq(v)) v.flow = true
  }
  return doc.toString(STRINGIFY)
}

/** `tierdeploy discover --json`: the discovery as plain data (documented in the README). */
export function discoveryJson(discovery: Discovery): Record<string, unknown> {
  const edge = (e: Edge): Record<string, unknown> => ({ name: e.to, evidence: e.evidence, ...(e.doubt ? { doubt: e.doubt } : {}) })
  return {
    platform: discovery.platform,
    tiers: discovery.tiers.tiers,
    services: discovery.units.map((u) => ({
      name: u.name,
      kind: u.kind,
      ...(u.path === undefined ? {} : { path: u.path }),
      ...(discovery.tiers.of.has(u.name) ? { tier: discovery.tiers.of.get(u.name)!.tier } : {}),
      aliases: u.aliases,
      found: u.found,
      ...(u.port ? { port: u.port.value, portFrom: u.port.source } : {}),
      ...(u.kind === 'service' && !u.dockerfile && u.language ? { template: u.language } : {}),
      dependsOn: discovery.edges.filter((e) => e.from === u.name).map(edge),
      suggested: discovery.suggested.filter((e) => e.from === u.name).map(edge),
    })),
    skipped: discovery.skipped,
  }
}

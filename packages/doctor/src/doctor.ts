import { existsSync, readFileSync } from 'node:fs'
import { locateProblems, type Catalog, type Environment, type Source } from '@tierdeploy/catalog'
import { checkConfiguration } from './configuration.js'
import { dependencyFindings, scanServices, type ScanOptions } from './dependencies.js'
import type { Finding } from './finding.js'

export interface DoctorOptions extends ScanOptions {
  /** Environments whose settings are checked; all of the catalog's by default. */
  environments?: Environment[]
  /** Scan service code for dependencies (default true). */
  scanCode?: boolean
}

export interface DoctorResult {
  findings: Finding[]
  errors: number
  warnings: number
  /** Files read per service by the dependency scan, and files skipped (too large, binary, over the limit). */
  scanned: { services: number; files: number; skipped: number }
}

/** Runs every check, fills in YAML line numbers, and sorts findings by file and line. */
export async function runDoctor(catalog: Catalog, options: DoctorOptions = {}): Promise<DoctorResult> {
  const environments = options.environments ?? [...catalog.environments.values()]
  const findings = checkConfiguration(catalog, environments)
  let scanned = { services: 0, files: 0, skipped: 0 }
  if (options.scanCode !== false) {
    const scans = scanServices(catalog, environments, options)
    findings.push(...dependencyFindings(catalog, scans))
    scanned = { services: scans.length, files: scans.reduce((a, s) => a + s.files, 0), skipped: scans.reduce((a, s) => a + s.skipped, 0) }
  }
  const yamlFiles = [catalog.file, ...environments.map((e) => e.file)]
  const sources: Source[] = yamlFiles.filter((f) => existsSync(f)).map((file) => ({ file, text: readFileSync(file, 'utf8') }))
  await locateProblems(findings, sources)
  findings.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) || a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || a.message.localeCompare(b.message))
  const errors = findings.filter((f) => f.severity === 'error').length
  return { findings, errors, warnings: findings.length - errors, scanned }
}

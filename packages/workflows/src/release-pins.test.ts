import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createGitRepo } from '@tierdeploy/testkit'
import { describe, expect, it } from 'vitest'
import { firstPartyReferences, isPinnedOnRelease, pinFirstPartyReferences, pinningPasses, pinRelease, releaseNotes, unpinnedReferences } from './release-pins.js'

const root = join(import.meta.dirname, '../../..')
const A = 'a'.repeat(40)
const B = 'b'.repeat(40)

/** The files a release pins, as they are in this repository now. */
function repositoryFiles(): Record<string, string> {
  const paths = [
    ...['.github/workflows', 'examples/workflows'].flatMap((dir) => readdirSync(join(root, dir)).filter((f) => f.endsWith('.yml')).map((f) => `${dir}/${f}`)),
    ...readdirSync(join(root, 'actions')).map((name) => `actions/${name}/action.yml`),
  ]
  return Object.fromEntries(paths.map((p) => [p, readFileSync(join(root, p), 'utf8')]))
}

describe('pinFirstPartyReferences', () => {
  it("pins every reference of the released deploy.yml to the SHA with the version in a comment, and only those lines", () => {
    const text = readFileSync(join(root, '.github/workflows/deploy.yml'), 'utf8')
    const before = firstPartyReferences(text)
    expect(before.length).toBeGreaterThan(5)
    expect(new Set(before.map((r) => r.ref))).toEqual(new Set(['v1']))
    const pinned = pinFirstPartyReferences(text, A, '1.4.0')
    expect(firstPartyReferences(pinned)).toEqual(before.map((r) => ({ ...r, ref: A, version: '1.4.0' })))
    const lines = text.split('\n')
    const changed = pinned.split('\n').flatMap((line, i) => (line === lines[i] ? [] : [i + 1]))
    expect(changed).toEqual(before.map((r) => r.line))
    // third-party actions keep their own pins
    const thirdParty = (t: string) => t.split('\n').filter((l) => /uses:/.test(l) && !l.includes('tierdeploy/tierdeploy/'))
    expect(thirdParty(pinned)).toEqual(thirdParty(text))
    expect(thirdParty(text).length).toBeGreaterThan(0)
  })

  it('re-pins an already pinned reference, quoted or not, and keeps job-level and step-level indentation', () => {
    const text = [
      'jobs:',
      '  deploy:',
      `    uses: tierdeploy/tierdeploy/.github/workflows/deploy.yml@${A} # v1.3.0`,
      '  check:',
      '    steps:',
      "      - uses: 'tierdeploy/tierdeploy/actions/health-gate@v1'",
      '      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1',
      '      - run: echo "tierdeploy/tierdeploy/actions/status@v1 stays: not a uses: line"',
      '',
    ].join('\n')
    expect(pinFirstPartyReferences(text, B, '1.4.0')).toBe(
      [
        'jobs:',
        '  deploy:',
        `    uses: tierdeploy/tierdeploy/.github/workflows/deploy.yml@${B} # v1.4.0`,
        '  check:',
        '    steps:',
        `      - uses: 'tierdeploy/tierdeploy/actions/health-gate@${B}' # v1.4.0`,
        '      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1',
        '      - run: echo "tierdeploy/tierdeploy/actions/status@v1 stays: not a uses: line"',
        '',
      ].join('\n'),
    )
  })

  it('refuses an abbreviated SHA and a version with a leading v', () => {
    expect(() => pinFirstPartyReferences('', 'abc1234', '1.0.0')).toThrow(/'abc1234' is not a full lower-case commit SHA/)
    expect(() => pinFirstPartyReferences('', A, 'v1.0.0')).toThrow(/'v1.0.0' is not a release version such as 1.2.0/)
  })
})

describe('pinningPasses', () => {
  it('counts the longest chain of calls in this repository: example -> promote.yml -> deploy.yml -> release.yml -> action', () => {
    expect(pinningPasses(repositoryFiles())).toBe(4)
  })

  it('refuses a cycle of references', () => {
    const files = { 'actions/a/action.yml': '    - uses: tierdeploy/tierdeploy/actions/b@v1\n', 'actions/b/action.yml': '    - uses: tierdeploy/tierdeploy/actions/a@v1\n' }
    expect(() => pinningPasses(files)).toThrow('first-party references form a cycle: actions/a/action.yml -> actions/b/action.yml -> actions/a/action.yml')
  })
})

describe('isPinnedOnRelease', () => {
  it('covers the workflows, the examples, the copy bundled with the CLI and the actions; nothing else', () => {
    const paths = ['.github/workflows/deploy.yml', 'examples/workflows/rollback.yml', 'packages/cli/dist/workflows/deploy-on-push.yml', 'actions/ecs-deploy/action.yml', 'docs/workflows.md', 'examples/invoxa/catalog/services.yaml', 'actions/ecs-deploy/dist/index.js']
    expect(paths.filter(isPinnedOnRelease)).toEqual(paths.slice(0, 4))
  })
})

describe('pinRelease on a copy of this repository', () => {
  it('makes release commits after which every reference reachable from every released file is a commit SHA', () => {
    const files = repositoryFiles()
    const repo = createGitRepo({ ...files, 'packages/cli/dist/workflows/deploy-on-push.yml': files['examples/workflows/deploy-on-push.yml']!, 'README.md': 'code\n' })
    try {
      const code = repo.sha()
      const show = (commit: string, path: string) => {
        try {
          return repo.git('show', `${commit}:${path}`)
        } catch {
          return undefined
        }
      }
      // Before the release, the floating tag is everywhere.
      expect(unpinnedReferences(code, ['.github/workflows/deploy.yml'], show)[0]).toMatch(/^\.github\/workflows\/deploy\.yml@[0-9a-f]{40}:\d+: actions\/\S+@v1$/)

      const log: string[] = []
      const { commits, passes } = pinRelease({
        version: '1.4.0',
        read: (p) => readFileSync(join(repo.dir, p), 'utf8'),
        write: (p, text) => writeFileSync(join(repo.dir, p), text),
        git: (...args) => repo.git('-c', 'user.name=release', '-c', 'user.email=release@tierdeploy.invalid', ...args),
        log: (line) => log.push(line),
      })
      expect(passes).toBe(4)
      expect(commits).toHaveLength(4)
      expect(log[0]).toMatch(new RegExp(`^pass 1 of 4: \\d+ files pinned to ${code}$`))
      const tagged = commits.at(-1)!
      expect(repo.sha()).toBe(tagged)
      // Each release commit pins to its parent; the code itself is the same in every one of them.
      expect([code, ...commits.slice(0, -1)]).toEqual(commits.map((c) => repo.sha(`${c}^`)))
      expect(repo.git('diff', '--name-only', code, tagged).split('\n').every(isPinnedOnRelease)).toBe(true)
      expect(repo.git('show', `${tagged}:README.md`)).toBe('code')

      // A caller pinning deploy.yml (or any example, or the copy init writes) to the tagged commit pins everything it runs.
      const released = Object.keys(files).concat('packages/cli/dist/workflows/deploy-on-push.yml')
      expect(unpinnedReferences(tagged, released, show)).toEqual([])
      const deploy = show(tagged, '.github/workflows/deploy.yml')!
      expect(new Set(firstPartyReferences(deploy).map((r) => `${r.ref} ${r.version}`))).toEqual(new Set([`${commits.at(-2)} 1.4.0`]))
      const bundled = show(tagged, 'packages/cli/dist/workflows/deploy-on-push.yml')!
      expect(firstPartyReferences(bundled).map((r) => r.ref)).toEqual([commits.at(-2), commits.at(-2)])
      // One release commit fewer would leave the examples reaching a commit whose references float.
      expect(unpinnedReferences(commits.at(-2)!, ['examples/workflows/deploy-on-push.yml'], show).length).toBeGreaterThan(0)
    } finally {
      repo.cleanup()
    }
  })

  it('refuses a version whose major tag is not the one the workflows float on, and uncommitted changes', () => {
    const repo = createGitRepo({ '.github/workflows/deploy.yml': 'jobs:\n  a:\n    uses: tierdeploy/tierdeploy/.github/workflows/release.yml@v1\n' })
    try {
      const options = { read: () => '', write: () => {}, git: (...args: string[]) => repo.git(...args) }
      expect(() => pinRelease({ ...options, version: '2.0.0' })).toThrow(/the workflows float on v1 .* but this release is 2\.0\.0, whose major tag is v2/)
      repo.write({ 'notes.txt': 'draft' })
      expect(() => pinRelease({ ...options, version: '1.0.0' })).toThrow(/uncommitted changes/)
    } finally {
      repo.cleanup()
    }
  })
})

describe('releaseNotes', () => {
  const changelog = [
    '# Changelog',
    '',
    '## [Unreleased]',
    '',
    '## [1.1.0] - 2027-01-10',
    '',
    '### Added',
    '- `tierdeploy init --workflows`.',
    '',
    '## [1.0.0] - 2026-12-20',
    '',
    '### Added',
    '- The first release.',
    '',
    '[Unreleased]: https://github.com/tierdeploy/tierdeploy/compare/v1.1.0...HEAD',
    '[1.1.0]: https://github.com/tierdeploy/tierdeploy/compare/v1.0.0...v1.1.0',
    '',
  ].join('\n')

  it("takes the version's section, without its heading, the next section or the link definitions", () => {
    expect(releaseNotes(changelog, '1.1.0')).toBe('### Added\n- `tierdeploy init --workflows`.\n')
    expect(releaseNotes(changelog, '1.0.0')).toBe('### Added\n- The first release.\n')
  })

  it('fails without a section for the version, or with an empty one', () => {
    expect(() => releaseNotes(changelog, '1.2.0')).toThrow('CHANGELOG.md has no "## [1.2.0] - YYYY-MM-DD" section')
    expect(() => releaseNotes(changelog.replace('## [Unreleased]', '## [1.2.0] - 2027-02-01'), '1.2.0')).toThrow("CHANGELOG.md's section for 1.2.0 is empty")
    // 1.1.0 is not 1.1.01 or 1x1x0
    expect(() => releaseNotes(changelog, '1.1')).toThrow(/no "## \[1\.1\]/)
  })

  it("reads this repository's CHANGELOG.md: its latest release has notes", () => {
    const text = readFileSync(join(root, 'CHANGELOG.md'), 'utf8')
    const version = /^## \[(\d+\.\d+\.\d+)\]/m.exec(text)![1]!
    expect(releaseNotes(text, version)).toMatch(/^### Added$/m)
  })
})

import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'

/** One recorded `docker` invocation. */
export interface DockerCall {
  args: string[]
  /** What the caller wrote to stdin (the password for `docker login --password-stdin`). */
  stdin: string
  cwd: string
}

/** How the shim answers; change it between calls with `configure`. */
export interface DockerShimBehaviour {
  /** `docker login` exits 1 with this message. */
  loginError?: string
  /** `docker buildx build` exits 1 with this message (after printing the first build steps). */
  buildError?: string
  /** Digest buildx reports; by default one derived from the tags, so each image gets its own. */
  digest?: string
  /** buildx writes no metadata file (an old buildx, or a build that never pushed). */
  skipMetadata?: boolean
  /** Acts like docker without the buildx plugin: `docker buildx` is an unknown command; `docker build` + `docker push` work. */
  noBuildx?: boolean
}

export interface DockerShim {
  /** Directory holding the `docker` executable: put it first on PATH. */
  dir: string
  /** process.env with `dir` prepended to PATH. */
  env: NodeJS.ProcessEnv
  calls(): DockerCall[]
  configure(behaviour: DockerShimBehaviour): void
  cleanup(): void
}

// The shim is a Node script run by this very Node binary (through a sh wrapper), so it works wherever the tests run.
const SCRIPT = String.raw`
const fs = require('node:fs')
const path = require('node:path')
const crypto = require('node:crypto')
const dir = __dirname
const args = process.argv.slice(2)
let stdin = ''
try { stdin = fs.readFileSync(0, 'utf8') } catch {}
fs.appendFileSync(path.join(dir, 'calls.jsonl'), JSON.stringify({ args, stdin, cwd: process.cwd() }) + '\n')
const behaviour = JSON.parse(fs.readFileSync(path.join(dir, 'behaviour.json'), 'utf8'))
const option = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined }
const all = (name) => args.flatMap((a, i) => (a === name && i + 1 < args.length ? [args[i + 1]] : []))
if (args[0] === 'login') {
  if (behaviour.loginError) { process.stderr.write('Error response from daemon: ' + behaviour.loginError + '\n'); process.exit(1) }
  if (!stdin.trim()) { process.stderr.write('Error: Cannot perform an interactive login from a non TTY device\n'); process.exit(1) }
  process.stdout.write('Login Succeeded\n')
  process.exit(0)
}
if (args[0] === 'buildx' && behaviour.noBuildx) {
  process.stderr.write('docker: unknown command: docker buildx\n\nRun \'docker --help\' for more information\n')
  process.exit(1)
}
if (args[0] === 'buildx' && args[1] === 'version') { process.stdout.write('github.com/docker/buildx v0.17.1 (tierdeploy test shim)\n'); process.exit(0) }
const digestOf = (tag) => behaviour.digest || 'sha256:' + crypto.createHash('sha256').update(tag.replace(/:[^:/]*$/, '')).digest('hex')
if (args[0] === 'build') {
  const context = args[args.length - 1]
  const dockerfile = option('--file') || path.join(context, 'Dockerfile')
  if (!fs.existsSync(dockerfile)) { process.stderr.write('unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat ' + dockerfile + ': no such file or directory\n'); process.exit(1) }
  if (behaviour.buildError) { process.stdout.write('Step 1/2 : FROM scratch\n'); process.stderr.write(behaviour.buildError + '\n'); process.exit(1) }
  process.stdout.write('Step 1/2 : FROM scratch\n ---> \nSuccessfully built 8154ffd5179e\n')
  for (const t of all('--tag')) process.stdout.write('Successfully tagged ' + t + '\n')
  process.exit(0)
}
if (args[0] === 'push') {
  const tag = args[1]
  process.stdout.write('The push refers to repository [' + tag.replace(/:[^:/]*$/, '') + ']\nf165ac297547: Pushed\n')
  process.stdout.write(tag.split(':').pop() + ': digest: ' + digestOf(tag) + ' size: 735\n')
  process.exit(0)
}
if (args[0] === 'buildx' && args[1] === 'build') {
  const tags = all('--tag')
  const context = args[args.length - 1]
  const dockerfile = option('--file') || path.join(context, 'Dockerfile')
  const err = (s) => process.stderr.write(s + '\n')
  err('#0 building with "default" instance using docker-container driver')
  err('')
  err('#1 [internal] load build definition from ' + path.basename(dockerfile))
  if (!fs.existsSync(dockerfile)) { err('ERROR: failed to solve: failed to read dockerfile: open ' + dockerfile + ': no such file or directory'); process.exit(1) }
  err('#1 transferring dockerfile: ' + fs.statSync(dockerfile).size + 'B done')
  err('#1 DONE 0.0s')
  if (behaviour.buildError) { err('#2 ERROR: ' + behaviour.buildError); err('ERROR: failed to solve: ' + behaviour.buildError); process.exit(1) }
  const digest = behaviour.digest || 'sha256:' + crypto.createHash('sha256').update(tags.join(',')).digest('hex')
  err('#2 [build 1/4] FROM docker.io/library/node:20-alpine')
  err('#2 DONE 0.1s')
  err('#3 exporting to image')
  err('#3 exporting layers 0.4s done')
  for (const t of tags) err('#3 pushing ' + t + ' with docker done')
  err('#3 pushing manifest for ' + (tags[0] || 'image') + '@' + digest + ' 0.3s done')
  err('#3 DONE 1.1s')
  const metadata = option('--metadata-file')
  if (metadata && !behaviour.skipMetadata) {
    fs.writeFileSync(metadata, JSON.stringify({
      'buildx.build.ref': 'builder/builder0/' + crypto.randomBytes(8).toString('hex'),
      'containerimage.descriptor': { mediaType: 'application/vnd.oci.image.index.v1+json', digest, size: 856 },
      'containerimage.digest': digest,
      'image.name': tags.join(','),
    }, null, 2))
  }
  process.exit(0)
}
if (args[0] === 'version' || args[0] === '--version') { process.stdout.write('Docker version 27.0.0 (tierdeploy test shim)\n'); process.exit(0) }
process.stderr.write('docker shim: unsupported command: ' + args.join(' ') + '\n')
process.exit(125)
`

/** Installs an executable `docker` in a temp directory that records its calls and acts like buildx. */
export function installDockerShim(behaviour: DockerShimBehaviour = {}): DockerShim {
  const dir = mkdtempSync(join(tmpdir(), 'tierdeploy-docker-'))
  const bin = join(dir, 'docker')
  // A sh wrapper rather than a node shebang: a shebang cannot quote a Node path with spaces, and is length-limited.
  writeFileSync(join(dir, 'docker-shim.cjs'), SCRIPT)
  writeFileSync(bin, `#!/bin/sh\nexec '${process.execPath.replace(/'/g, `'\\''`)}' '${join(dir, 'docker-shim.cjs').replace(/'/g, `'\\''`)}' "$@"\n`)
  chmodSync(bin, 0o755)
  const configure = (b: DockerShimBehaviour): void => writeFileSync(join(dir, 'behaviour.json'), JSON.stringify(b))
  configure(behaviour)
  return {
    dir,
    env: { ...process.env, PATH: `${dir}${delimiter}${process.env.PATH ?? ''}` },
    calls: () => {
      const file = join(dir, 'calls.jsonl')
      if (!existsSync(file)) return []
      return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as DockerCall)
    },
    configure,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  }
}

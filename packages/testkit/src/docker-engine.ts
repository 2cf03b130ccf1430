import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { accessSync, constants, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'

/** A Docker daemon and an OCI registry started for a test file, each its own process, stopped by process id. */
export interface DockerEngine {
  /** Temp directory holding the daemon's data, sockets, logs and the registry's storage. */
  dir: string
  /** `unix://…/d.sock`, the daemon's socket. */
  dockerHost: string
  /** `127.0.0.1:PORT`: the registry (docker pushes to loopback registries over plain HTTP). */
  registry: string
  /** process.env plus DOCKER_HOST and an empty DOCKER_CONFIG, so no credentials of this machine are used. */
  env: NodeJS.ProcessEnv
  pids: { dockerd: number; registry: number }
  /** Stops the registry and the daemon (SIGTERM, SIGKILL after 15 s) and removes the directory. */
  stop(): Promise<void>
}

/** What the engine needs, by command, and the Debian package each comes from (.ci/run installs them). */
export const DOCKER_ENGINE_COMMANDS = { dockerd: 'docker.io', docker: 'docker.io', 'docker-registry': 'docker-registry', busybox: 'busybox-static' } as const

/** The first executable `name` on PATH, or undefined. */
export function findExecutable(name: string, path = process.env.PATH ?? ''): string | undefined {
  for (const dir of path.split(delimiter).filter(Boolean)) {
    try {
      accessSync(join(dir, name), constants.X_OK)
      return join(dir, name)
    } catch {
      // not in this directory
    }
  }
  return undefined
}

/**
 * Fails with a message naming what is missing, never skips: a test that needs the engine and cannot have it must
 * say so, so the reader knows builds and pushes were not proven.
 */
export function requireDockerEngineCommands(path = process.env.PATH ?? ''): void {
  const missing = Object.entries(DOCKER_ENGINE_COMMANDS).filter(([command]) => !findExecutable(command, path))
  if (missing.length) {
    const packages = [...new Set(missing.map(([, p]) => p))].join(' ')
    throw new Error(`the real-engine tests need commands missing from PATH: ${missing.map(([c]) => c).join(', ')}; install them (Debian: apt-get install -y ${packages}; .ci/run does this)`)
  }
  if (process.getuid?.() !== 0) throw new Error('the real-engine tests start dockerd, which must run as root: run them as root (CI containers do)')
}

/** A TCP port free on 127.0.0.1 right now (for a registry, or a container on the host network). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

function ping(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ socketPath, path: '/_ping', timeout: 1000 }, (res) => {
      res.resume()
      resolve(res.statusCode === 200)
    })
    req.on('error', () => resolve(false))
    req.on('timeout', () => req.destroy())
    req.end()
  })
}

async function waitUntil(what: string, ready: () => Promise<boolean>, child: ChildProcess, logFile: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) break
    if (await ready()) return
    await new Promise((r) => setTimeout(r, 100))
  }
  const log = readFileSync(logFile, 'utf8').trim().split('\n').slice(-15).join('\n')
  const state = child.exitCode !== null || child.signalCode !== null ? `exited (${child.exitCode ?? child.signalCode})` : `not ready after ${timeoutMs / 1000} s`
  throw new Error(`${what} ${state}; its log (${logFile}):\n${log}`)
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  process.kill(child.pid, 'SIGTERM')
  const timer = setTimeout(() => {
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) process.kill(child.pid, 'SIGKILL')
  }, 15_000)
  await exited
  clearTimeout(timer)
}

/** dockerd leaves its network namespace file (EXEC_ROOT/netns/default) mounted after it exits: unmount it. */
function unmountUnder(dir: string): void {
  const mounts = readFileSync('/proc/self/mounts', 'utf8').split('\n').map((line) => line.split(' ')[1] ?? '')
  for (const mount of mounts.filter((m) => m.startsWith(`${dir}/`)).reverse()) execFileSync('umount', ['--lazy', mount])
}

/**
 * Starts `dockerd` (vfs storage, no iptables, no bridge: what works in a CI container; containers use
 * `--network host`) and Debian's `docker-registry` on a free loopback port, both under one temp directory.
 */
export async function startDockerEngine(options: { timeoutMs?: number } = {}): Promise<DockerEngine> {
  requireDockerEngineCommands()
  const timeoutMs = options.timeoutMs ?? 30_000
  // A unix socket path is limited to about 107 bytes: keep the directory short.
  const base = join(tmpdir(), 'x').length < 40 ? tmpdir() : '/tmp'
  const dir = mkdtempSync(join(base, 'tde-'))
  for (const sub of ['data', 'exec', 'registry', 'config']) mkdirSync(join(dir, sub))
  writeFileSync(join(dir, 'config', 'config.json'), '{}\n')
  const socket = join(dir, 'd.sock')
  const dockerHost = `unix://${socket}`
  const started: ChildProcess[] = []
  const stop = async () => {
    for (const child of started.reverse()) await stopProcess(child)
    unmountUnder(dir)
    rmSync(dir, { recursive: true, force: true })
  }
  try {
    const dockerdLog = join(dir, 'dockerd.log')
    const dockerd = spawn('dockerd', [
      '--storage-driver=vfs', '--iptables=false', '--bridge=none',
      '--data-root', join(dir, 'data'), '--exec-root', join(dir, 'exec'), '--pidfile', join(dir, 'dockerd.pid'),
      '-H', dockerHost,
    ], { stdio: ['ignore', openSync(dockerdLog, 'a'), openSync(dockerdLog, 'a')] })
    started.push(dockerd)
    const port = await freePort()
    const registry = `127.0.0.1:${port}`
    const registryConfig = join(dir, 'registry.yml')
    writeFileSync(registryConfig, `version: 0.1\nlog:\n  level: warn\nstorage:\n  filesystem:\n    rootdirectory: ${join(dir, 'registry')}\n  delete:\n    enabled: true\nhttp:\n  addr: ${registry}\n`)
    const registryLog = join(dir, 'registry.log')
    const registryProcess = spawn('docker-registry', ['serve', registryConfig], { stdio: ['ignore', openSync(registryLog, 'a'), openSync(registryLog, 'a')] })
    started.push(registryProcess)
    await waitUntil('dockerd', () => ping(socket), dockerd, dockerdLog, timeoutMs)
    await waitUntil('docker-registry', async () => (await fetch(`http://${registry}/v2/`).catch(() => undefined))?.status === 200, registryProcess, registryLog, timeoutMs)
    return {
      dir,
      dockerHost,
      registry,
      env: { ...process.env, DOCKER_HOST: dockerHost, DOCKER_CONFIG: join(dir, 'config') },
      pids: { dockerd: dockerd.pid!, registry: registryProcess.pid! },
      stop,
    }
  } catch (e) {
    await stop()
    throw e
  }
}

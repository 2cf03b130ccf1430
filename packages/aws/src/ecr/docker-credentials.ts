import { readFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join } from 'node:path'
import type { Exec } from './exec.js'
import type { RegistryCredentials } from './oci-registry.js'

interface DockerConfig {
  auths?: Record<string, { auth?: string; username?: string; password?: string }>
  credHelpers?: Record<string, string>
  credsStore?: string
}

/** Docker's client configuration file: DOCKER_CONFIG/config.json, else ~/.docker/config.json. */
export function dockerConfigFile(env: NodeJS.ProcessEnv): string {
  return join(env.DOCKER_CONFIG ?? join(env.HOME ?? homedir(), '.docker'), 'config.json')
}

/**
 * The credentials `docker login` stored for a registry host, found the way docker finds them: a credential helper
 * for that host, else the `auths` entry, else the default credential store. Undefined when docker has none.
 */
export async function storedDockerCredentials(host: string, deps: { exec: Exec; env: NodeJS.ProcessEnv }): Promise<RegistryCredentials | undefined> {
  let config: DockerConfig
  try {
    config = JSON.parse(await readFile(dockerConfigFile(deps.env), 'utf8')) as DockerConfig
  } catch {
    return undefined
  }
  const keys = [host, `https://${host}`, `http://${host}`, ...(host === 'docker.io' ? ['https://index.docker.io/v1/'] : [])]
  const helper = config.credHelpers?.[host]
  if (helper) return fromHelper(helper, host, deps)
  for (const key of keys) {
    const entry = config.auths?.[key]
    if (entry?.auth) {
      const decoded = Buffer.from(entry.auth, 'base64').toString('utf8')
      const separator = decoded.indexOf(':')
      if (separator > 0) return { username: decoded.slice(0, separator), password: decoded.slice(separator + 1) }
    }
    if (entry?.username && entry.password) return { username: entry.username, password: entry.password }
  }
  return config.credsStore ? fromHelper(config.credsStore, host, deps) : undefined
}

async function fromHelper(helper: string, host: string, deps: { exec: Exec; env: NodeJS.ProcessEnv }): Promise<RegistryCredentials | undefined> {
  // The credential-helper protocol: the server URL on stdin, {"Username","Secret"} on stdout, non-zero when none.
  const result = await deps.exec(`docker-credential-${helper}`, ['get'], { stdin: host, env: deps.env }).catch(() => undefined)
  if (!result || result.exitCode !== 0) return undefined
  try {
    const { Username, Secret } = JSON.parse(result.stdout) as { Username?: string; Secret?: string }
    return Username && Secret ? { username: Username, password: Secret } : undefined
  } catch {
    return undefined
  }
}

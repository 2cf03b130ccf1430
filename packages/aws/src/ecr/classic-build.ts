import { ConfigurationError } from '@tierdeploy/catalog'
import type { BuildxRequest } from './buildx.js'
import { describeCommand, type Exec } from './exec.js'

/** The `docker build` argument list of the classic builder: the buildx request less cache, provenance and --push. */
export function classicBuildArgs(r: BuildxRequest): string[] {
  const args = ['build', '--file', r.dockerfile, '--platform', r.platform]
  for (const tag of r.tags) args.push('--tag', tag)
  for (const [k, v] of Object.entries(r.labels)) args.push('--label', `${k}=${v}`)
  for (const [k, v] of Object.entries(r.args)) args.push('--build-arg', `${k}=${v}`)
  args.push(r.context)
  return args
}

/** What the classic builder cannot do that the request asks for, for one warning per run. */
export function classicBuilderLimits(r: Pick<BuildxRequest, 'cache' | 'provenance'>): string[] {
  return [
    ...(r.cache !== 'none' ? [`no ${r.cache} layer cache (only the daemon's local layers)`] : []),
    ...(r.provenance !== 'false' ? ['no provenance attestation'] : []),
  ]
}

/**
 * Builds with `docker build` and pushes each tag with `docker push`, for runners without buildx. Returns the digest
 * `docker push` printed (`TAG: digest: sha256:… size: N`), or undefined when it printed none (the caller then asks
 * the registry for the content tag).
 */
export async function classicBuildAndPush(r: BuildxRequest, deps: { exec: Exec; onLine?: (line: string) => void; env?: NodeJS.ProcessEnv }): Promise<string | undefined> {
  if (r.platform.includes(',')) {
    throw new ConfigurationError(`${r.service}: platform '${r.platform}' is several platforms, which only buildx builds, and docker on this runner has no buildx: install it (docker/setup-buildx-action) or build one platform`)
  }
  // DOCKER_BUILDKIT=1 without the buildx plugin makes docker 23+ refuse to build at all; the classic builder is the point.
  const env = { ...(deps.env ?? process.env), DOCKER_BUILDKIT: '0' }
  const run = async (args: string[], what: string) => {
    const result = await deps.exec('docker', args, { env, ...(deps.onLine ? { onLine: deps.onLine } : {}) })
    if (result.exitCode !== 0) {
      const tail = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-15).join('\n')
      throw new ConfigurationError(`${what} failed for ${r.service} (exit ${result.exitCode}): ${describeCommand('docker', args)}\n${tail}`)
    }
    return result.stdout
  }
  await run(classicBuildArgs(r), 'docker build')
  let digest: string | undefined
  for (const tag of r.tags) {
    const out = await run(['push', tag], 'docker push')
    digest ??= /digest: (sha256:[0-9a-f]{64})/.exec(out)?.[1]
  }
  return digest
}

import type { Problem } from './errors.js'
import { isDeployable, type Catalog, type Environment, type Service } from './model.js'
import { isEnabledIn, serviceSettings } from './settings.js'

/** A Secrets Manager secret or SSM parameter ARN: arn:PARTITION:SERVICE:REGION:ACCOUNT:secret:NAME | parameter/NAME. */
const SECRET_ARN = /^arn:(aws[a-z-]*):(secretsmanager|ssm):([a-z0-9-]*):(\d{12}):(secret:|parameter\/)/

/**
 * Per environment, a secret of an enabled service whose ARN is in another account than the environment's `account`
 * or another region than its `region`: the task's execution role (of the environment's account) could not read it, or
 * would read another environment's value (a catalog-wide ARN of dev's account used by production). Judged on the
 * settings each environment resolves (serviceSettings), and reported where the value is written. A secret that is not
 * an ARN is the schema's to refuse.
 */
export function secretArnProblems(catalog: Catalog): Problem[] {
  const problems: Problem[] = []
  for (const env of catalog.environments.values()) {
    for (const service of catalog.services.values()) {
      if (!isDeployable(service) || !isEnabledIn(catalog, service, env)) continue
      for (const [variable, value] of Object.entries(serviceSettings(catalog, service, env).secrets)) {
        const arn = SECRET_ARN.exec(value)
        if (!arn) continue
        const [, , , region, account] = arn
        const wrongAccount = env.account !== undefined && account !== env.account
        const wrongRegion = region !== env.region
        if (!wrongAccount && !wrongRegion) continue
        const found = [wrongAccount ? `account ${account}` : '', wrongRegion ? `region ${region || '(none)'}` : ''].filter(Boolean).join(' and ')
        const expected = [wrongAccount ? `account ${env.account}` : '', wrongRegion ? `region ${env.region}` : ''].filter(Boolean).join(' and ')
        const where = writtenAt(catalog, service, env, variable)
        const fixed = value.replace(SECRET_ARN, (_m, partition: string, kind: string, _r: string, a: string, type: string) => `arn:${partition}:${kind}:${env.region}:${wrongAccount ? env.account : a}:${type}`)
        problems.push({
          ...where,
          severity: 'error',
          message: `${service.name}: secret ${variable} in environment ${env.name} is in ${found}, but ${env.name} is ${expected} (${env.file})`,
          hint: where.file === env.file
            ? `use the ARN in ${expected}, e.g. ${fixed}`
            : `the value in ${catalog.file} applies to every environment: give ${env.name} its own in ${env.file}, services.${service.name}.secrets, e.g. ${variable}: ${fixed}`,
        })
      }
    }
  }
  return problems
}

/** The file and key path of the layer that sets the variable for this environment: the last of serviceSettings' layers that has it. */
function writtenAt(catalog: Catalog, service: Service, env: Environment, variable: string): Pick<Problem, 'file' | 'path'> {
  if (env.services?.[service.name]?.secrets?.[variable] !== undefined) return { file: env.file, path: ['services', service.name, 'secrets', variable] }
  if (env.defaults?.secrets?.[variable] !== undefined) return { file: env.file, path: ['defaults', 'secrets', variable] }
  if (service.secrets?.[variable] !== undefined) return { file: catalog.file, path: ['services', service.name, 'secrets', variable] }
  return { file: catalog.file, path: ['defaults', 'secrets', variable] }
}

import { ListServicesCommand, type ECSClient } from '@aws-sdk/client-ecs'
import type { Catalog } from '@tierdeploy/catalog'
import { describeServicesInBatches } from '../ecs/rollout.js'

/** The tag CloudFormation puts on the taggable resources it creates, ECS services among them. */
export const STACK_NAME_TAG = 'aws:cloudformation:stack-name'

export interface StackOwnershipWarning {
  /** The catalog's name for the service. */
  service: string
  /** The stack the ECS service belongs to, per its tag. */
  stack: string
  message: string
}

/**
 * Services of the cluster that a CloudFormation stack owns (its `aws:cloudformation:stack-name` tag) but whose catalog
 * entry would have tierdeploy update them directly: an UpdateService there drifts the stack, and the stack's next
 * update silently reverts the deploy. Also warns when the catalog names a different stack than the one that owns it.
 * ECS services that are not in the catalog are none of tierdeploy's business and are skipped.
 */
export async function findUndeclaredStackServices(ecs: ECSClient, cluster: string, catalog: Catalog): Promise<StackOwnershipWarning[]> {
  const arns: string[] = []
  let nextToken: string | undefined
  do {
    const page = await ecs.send(new ListServicesCommand({ cluster, maxResults: 100, ...(nextToken ? { nextToken } : {}) }))
    arns.push(...(page.serviceArns ?? []))
    nextToken = page.nextToken
  } while (nextToken)

  // Only services the catalog knows need their tags: skip the rest before describing anything.
  const known = arns.filter((arn) => catalog.names.has(arn.slice(arn.lastIndexOf('/') + 1)))
  const warnings: StackOwnershipWarning[] = []
  const { services } = await describeServicesInBatches(ecs, cluster, known, { include: ['TAGS'] })
  for (const s of services) {
    const stack = s.tags?.find((t) => t.key === STACK_NAME_TAG)?.value
    const name = s.serviceName ? catalog.names.get(s.serviceName) : undefined
    if (!stack || !name) continue
    const entry = catalog.services.get(name)!
    if (entry.deployVia !== 'cloudformation') {
      warnings.push({
        service: name,
        stack,
        message: `${name} belongs to CloudFormation stack ${stack} (tag ${STACK_NAME_TAG}) but the catalog deploys it directly; declare deployVia: cloudformation with cloudformation: { stack: ${stack}, imageParameter: PARAM }, or a deploy will drift the stack`,
      })
    } else if (entry.cloudformation && !ownedBy(stack, entry.cloudformation.stack)) {
      warnings.push({
        service: name,
        stack,
        message: `${name} belongs to CloudFormation stack ${stack} (tag ${STACK_NAME_TAG}) but the catalog names stack ${entry.cloudformation.stack}`,
      })
    }
  }
  return warnings.sort((a, b) => a.service.localeCompare(b.service))
}

/** A service in a nested stack carries the nested stack's name, PARENT-LogicalId-RANDOM, while the catalog names the root. */
function ownedBy(tagStack: string, catalogStack: string): boolean {
  return tagStack === catalogStack || tagStack.startsWith(`${catalogStack}-`)
}

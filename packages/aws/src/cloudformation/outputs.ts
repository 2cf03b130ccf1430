import type { CloudFormationClient } from '@aws-sdk/client-cloudformation'
import { cacheStackLookups, ConfigurationError, type DescribeStackOutputs } from '@tierdeploy/catalog'
import { awsSetupError } from '../ecs/errors.js'
import { awsError, findStack, stackOutputs } from './stacks.js'

/**
 * The `describeStack` that resolveEnvironmentReferences needs: one DescribeStacks per stack for the life of the
 * returned function (make one per run), undefined for a stack that does not exist.
 */
export function stackOutputLookup(cloudformation: CloudFormationClient): DescribeStackOutputs {
  return cacheStackLookups(async (name) => {
    try {
      const stack = await findStack(cloudformation, name)
      return stack ? stackOutputs(stack) : undefined
    } catch (e) {
      const { name: code, message } = awsError(e)
      if (/AccessDenied/.test(code)) {
        throw new ConfigurationError(`reading the outputs of stack '${name}' was denied: ${message} (the deploy role needs cloudformation:DescribeStacks on that stack)`)
      }
      throw awsSetupError(e, `CloudFormation to read the outputs of stack '${name}'`) ?? e
    }
  })
}

import { DescribeStackEventsCommand, type CloudFormationClient, type StackEvent } from '@aws-sdk/client-cloudformation'

/** DescribeStackEvents returns newest first, 100 a page; a long-lived stack has thousands, so stop after this many. */
const MAX_EVENT_PAGES = 20

/** An event as one line: `Service (AWS::ECS::Service) UPDATE_FAILED: reason`. */
export function formatStackEvent(e: StackEvent): string {
  const what = `${e.LogicalResourceId ?? '?'} (${e.ResourceType ?? '?'}) ${e.ResourceStatus ?? '?'}`
  return e.ResourceStatusReason ? `${what}: ${e.ResourceStatusReason}` : what
}

/**
 * The *_FAILED events of the stack's latest update, oldest first: what explains a rollback. The update starts at the
 * stack's own UPDATE_IN_PROGRESS event; with a client request token, only that operation's events count (every event
 * an operation causes carries its token).
 */
export async function failureEventsOfLatestUpdate(cloudformation: CloudFormationClient, stackName: string, token?: string): Promise<string[]> {
  const failed: StackEvent[] = []
  let nextToken: string | undefined
  const ours = (e: StackEvent) => !token || !e.ClientRequestToken || e.ClientRequestToken === token
  const isStart = (e: StackEvent) =>
    e.ResourceType === 'AWS::CloudFormation::Stack' && e.LogicalResourceId === stackName && e.ResourceStatus === 'UPDATE_IN_PROGRESS' && ours(e)
  for (let page = 0; page < MAX_EVENT_PAGES; page++) {
    const out = await cloudformation.send(new DescribeStackEventsCommand({ StackName: stackName, ...(nextToken ? { NextToken: nextToken } : {}) }))
    for (const e of out.StackEvents ?? []) {
      if (isStart(e)) return failed.reverse().map(formatStackEvent)
      if (ours(e) && e.ResourceStatus?.endsWith('_FAILED')) failed.push(e)
    }
    nextToken = out.NextToken
    if (!nextToken) break
  }
  return failed.reverse().map(formatStackEvent)
}

import { DescribeAlarmsCommand, type CloudWatchClient } from '@aws-sdk/client-cloudwatch'

/** DescribeAlarms takes at most 100 alarm names per call. */
const NAMES_PER_CALL = 100

export interface AlarmState {
  name: string
  state: string
  reason: string
}

/** Alarms (metric and composite) by exact name or by name prefix, following NextToken. */
export async function describeAlarms(cloudwatch: CloudWatchClient, query: { names: string[] } | { prefix: string }): Promise<AlarmState[]> {
  const requests = 'names' in query
    ? Array.from({ length: Math.ceil(query.names.length / NAMES_PER_CALL) }, (_, i) => ({ AlarmNames: query.names.slice(i * NAMES_PER_CALL, (i + 1) * NAMES_PER_CALL) }))
    : [{ AlarmNamePrefix: query.prefix }]
  const alarms: AlarmState[] = []
  for (const request of requests) {
    let token: string | undefined
    do {
      const out = await cloudwatch.send(new DescribeAlarmsCommand({ ...request, AlarmTypes: ['MetricAlarm', 'CompositeAlarm'], ...(token ? { NextToken: token } : {}) }))
      for (const a of [...(out.MetricAlarms ?? []), ...(out.CompositeAlarms ?? [])]) {
        if (a.AlarmName) alarms.push({ name: a.AlarmName, state: a.StateValue ?? 'INSUFFICIENT_DATA', reason: a.StateReason ?? '' })
      }
      token = out.NextToken
    } while (token)
  }
  return alarms
}

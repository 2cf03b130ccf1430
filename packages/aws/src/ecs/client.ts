import { ECSClient } from '@aws-sdk/client-ecs'
import { awsClientConfig, type AwsClientOptions } from '../client-config.js'

export type EcsClientOptions = AwsClientOptions

/**
 * An ECS client with the one AWS client configuration (awsClientConfig): adaptive retries, so a 60-service tier
 * sharing one client stays under ECS's per-account API rates.
 */
export function makeEcsClient(options: EcsClientOptions = {}): ECSClient {
  return new ECSClient(awsClientConfig(options))
}

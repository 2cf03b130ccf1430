// `@tierdeploy/aws/inputs`: what an action needs to check its inputs, without the AWS SDK (issue 16: cold start).
export { regionFor, type RegionChoice } from './region.js'
export { IMAGE_DIGEST_PATTERN, isDigestImage, parseDeployResult, parseRollbackVersion, type RollbackVersion } from './ecs/parse-inputs.js'
export type { EcsServiceResult } from './ecs/types.js'
export { canonicalTargetGroups, gateServices, parseChecks, parseTargetGroups } from './health/selection.js'
export type { CheckName } from './health/types.js'

export { FakeEcs, type FakeEcsOptions, type FaultOptions, type SeedService } from './server.js'
export { FakeEcr, ECR_TARGET_PREFIX } from './ecr.js'
export { EcsError, EcsState, type Deployment, type LoadBalancer, type RolloutContext, type RolloutPlan, type ServiceRecord, type TaskRecord } from './state.js'

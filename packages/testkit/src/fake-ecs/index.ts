export { FakeEcs, type FakeEcsOptions, type FaultOptions, type SeedService } from './server.js'
export { EcsError, EcsState, type Deployment, type LoadBalancer, type RolloutContext, type RolloutPlan, type ServiceRecord, type TaskRecord } from './state.js'

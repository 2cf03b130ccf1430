// Each area owns its folder and its own index.ts; this file only re-exports them.
export * from './ecs/index.js'
export * from './ecr/index.js'
export * from './health/index.js'
export * from './cloudformation/index.js'
export * from './environment.js'
export * from './promote.js'
export * from './account.js'
export * from './client-config.js'

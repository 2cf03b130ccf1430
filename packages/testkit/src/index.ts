// Each helper lives in its own file; this file only re-exports them.
export * from './generate-catalog.js'
export * from './temp.js'
export * from './docker-shim.js'
export * from './docker-engine.js'
export * from './fake-ecs/index.js'
export * from './git-repo.js'
export * from './mermaid.js'
export * from './process-output.js'

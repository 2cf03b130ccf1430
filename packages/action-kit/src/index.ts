export * from './io.js'
export * from './run.js'
export * from './inputs.js'

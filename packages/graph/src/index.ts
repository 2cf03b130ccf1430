export * from './plan.js'
export * from './matrix.js'
export * from './render.js'

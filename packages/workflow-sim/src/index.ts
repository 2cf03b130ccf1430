export * from './expressions.js'
export * from './workflow.js'
export * from './simulate.js'
export * from './tierdeploy.js'

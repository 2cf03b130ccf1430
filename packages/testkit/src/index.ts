// Each helper lives in its own file; this file only re-exports them.
export * from './generate-catalog.js'
export * from './temp.js'

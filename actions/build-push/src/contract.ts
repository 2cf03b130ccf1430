/** Input and output names of this action, in one place; action.yml must declare exactly these (contract test). */
export const INPUTS = {
  catalog: 'catalog',
  services: 'services',
  environment: 'environment',
  region: 'region',
  revision: 'revision',
  cache: 'cache',
  platform: 'platform',
  provenance: 'provenance',
  imagesFile: 'images-file',
  registry: 'registry',
  mode: 'mode',
  servicesPerJob: 'services-per-job',
} as const

export const OUTPUTS = {
  image: 'image',
  images: 'images',
  digest: 'digest',
  built: 'built',
  contentTag: 'content-tag',
  results: 'results',
  missing: 'missing',
  buildMatrix: 'build-matrix',
} as const

export const MODES = ['build', 'find'] as const

export const CACHE_MODES = ['auto', 'gha', 'registry', 'none'] as const
export const PROVENANCE_MODES = ['mode=min', 'mode=max', 'false'] as const

import { deployWorkflow } from './deploy.js'
import { promoteWorkflow } from './promote.js'
import { releaseWorkflow } from './release.js'

export { BUILD_JOBS, gates, MATRIX_LIMIT, RELEASE_TIERS } from './gates.js'
export { FIRST_PARTY_REF, PINS } from './pins.js'
export { deployWorkflow } from './deploy.js'
export { promoteWorkflow } from './promote.js'
export { releaseWorkflow } from './release.js'
export { firstPartyReferences, pinFirstPartyReferences, pinRelease, pinningPasses, releaseNotes, unpinnedReferences, type FirstPartyReference } from './release-pins.js'

/** Every workflow file the generator owns, by its path in the repository. */
export function generatedWorkflows(): Record<string, string> {
  return {
    '.github/workflows/deploy.yml': deployWorkflow(),
    '.github/workflows/release.yml': releaseWorkflow(),
    '.github/workflows/promote.yml': promoteWorkflow(),
  }
}

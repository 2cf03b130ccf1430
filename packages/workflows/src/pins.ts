/**
 * Every third-party action the generated workflows use, pinned by full commit SHA with its release in a comment
 * (a tag can be moved; a commit cannot). One table, so an upgrade is one edit and the workflows never disagree.
 * How each pair was checked is in docs/workflows.md, "Security".
 */
export const PINS = {
  checkout: 'actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1',
  uploadArtifact: 'actions/upload-artifact@bbbca2ddaa5d8feaa63e36b76fdaad77386f024f # v7.0.0',
  downloadArtifact: 'actions/download-artifact@3e5f45b2cfb9172054b4087a40e8e0b5a5461e7c # v8.0.1',
  configureAwsCredentials: 'aws-actions/configure-aws-credentials@e6de054238d6b7531b4efff3b6587d9aade6a06c # v6.2.3',
  setupTerraform: 'hashicorp/setup-terraform@dfe3c3f87815947d99a8997f908cb6525fc44e9e # v4.0.1',
  setupBuildx: 'docker/setup-buildx-action@37fe631027851001ddb9b187196cc803df7f5f0e # v4.3.0',
} as const

/** tierdeploy's own actions and workflows, at the release a caller pins (docs/workflows.md, "Versions"). */
/**
 * The Terraform every job runs: plan and apply of a saved plan must use the same version (a plan from a newer
 * Terraform cannot be applied by an older one), and the modules are validated with it in CI (.ci/run).
 */
export const TERRAFORM_VERSION = '1.11.4'

export const FIRST_PARTY_REF = 'v1'
export const action = (name: string) => `tierdeploy/tierdeploy/actions/${name}@${FIRST_PARTY_REF}`
export const reusableWorkflow = (file: string) => `tierdeploy/tierdeploy/.github/workflows/${file}@${FIRST_PARTY_REF}`

/**
 * Every third-party action the generated workflows use, pinned by full commit SHA with its release in a comment
 * (a tag can be moved; a commit cannot). One table, so an upgrade is one edit and the workflows never disagree.
 * How each pair was checked is in docs/workflows.md, "Security".
 */
export const PINS = {
  checkout: 'actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2',
  uploadArtifact: 'actions/upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02 # v4.6.2',
  downloadArtifact: 'actions/download-artifact@d3f86a106a0bac45b974a628896c90dbdf5c8093 # v4.3.0',
  configureAwsCredentials: 'aws-actions/configure-aws-credentials@e3dd6a429d7300a6a4c196c26e071d42e0343502 # v4.0.2',
  setupTerraform: 'hashicorp/setup-terraform@b9cd54a3c349d3f38e8881555d616ced269862dd # v3.1.2',
  setupBuildx: 'docker/setup-buildx-action@b5ca514318bd6ebac0fb2aedd5d36ec1b5c232a2 # v3.10.0',
} as const

/** tierdeploy's own actions and workflows, at the release a caller pins (docs/workflows.md, "Versions"). */
export const FIRST_PARTY_REF = 'v1'
export const action = (name: string) => `tierdeploy/tierdeploy/actions/${name}@${FIRST_PARTY_REF}`
export const reusableWorkflow = (file: string) => `tierdeploy/tierdeploy/.github/workflows/${file}@${FIRST_PARTY_REF}`

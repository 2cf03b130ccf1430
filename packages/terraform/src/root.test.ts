import { describe, expect, it } from 'vitest'
import { buildCatalog, type Catalog } from '@tierdeploy/catalog'
import { relativeToRoot, terraformRootOf } from './root.js'

function environment(terraform: string) {
  const { catalog, problems } = buildCatalog({
    dir: 'catalog',
    root: '.',
    services: { file: 'catalog/services.yaml', text: 'version: 1\nplatform: acme\ntiers:\n  - { id: 1, name: core }\nservices:\n  auth: { path: auth, tier: 1 }\n' },
    environments: [{ file: 'catalog/environments/qa.yaml', text: `name: qa\nregion: ca-central-1\n${terraform}` }],
  })
  if (!catalog) throw new Error(problems.map((p) => p.message).join('\n'))
  return (catalog as Catalog).environments.get('qa')!
}

describe('terraformRootOf', () => {
  it('defaults to a root per environment holding its own catalog.auto.tfvars.json', () => {
    expect(terraformRootOf(environment(''))).toEqual({ workingDirectory: 'terraform/environments/qa', varFiles: [], backendConfig: [], catalogVars: 'terraform/environments/qa/catalog.auto.tfvars.json' })
  })

  it('takes one shared root with the environment\'s var files and backend config, writing the catalog values to its catalog.tfvars.json', () => {
    const root = terraformRootOf(environment('terraform:\n  workingDirectory: infra/platform/\n  varFiles: [infra/qa/sizes.tfvars, infra/qa/catalog.tfvars.json]\n  backendConfig: [infra/qa/backend.tfbackend, "key=qa/terraform.tfstate"]\n'))
    expect(root).toEqual({
      workingDirectory: 'infra/platform',
      varFiles: ['infra/qa/sizes.tfvars', 'infra/qa/catalog.tfvars.json'],
      backendConfig: ['infra/qa/backend.tfbackend', 'key=qa/terraform.tfstate'],
      catalogVars: 'infra/qa/catalog.tfvars.json',
    })
    // terraform runs in the root: the files are passed relative to it; key=value pairs as they are.
    expect(root.varFiles.map((f) => relativeToRoot(root, f))).toEqual(['../qa/sizes.tfvars', '../qa/catalog.tfvars.json'])
    expect(root.backendConfig.map((f) => relativeToRoot(root, f))).toEqual(['../qa/backend.tfbackend', 'key=qa/terraform.tfstate'])
  })

  it('refuses paths outside the repository, naming the environment file and field', () => {
    expect(() => terraformRootOf(environment('terraform:\n  workingDirectory: ../elsewhere\n'))).toThrow("catalog/environments/qa.yaml: terraform.workingDirectory '../elsewhere' must be a path inside the repository")
    expect(() => terraformRootOf(environment('terraform:\n  varFiles: [/etc/passwd]\n'))).toThrow("catalog/environments/qa.yaml: terraform.varFiles '/etc/passwd' must be a path inside the repository")
  })
})

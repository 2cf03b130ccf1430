import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { catalogSchemaDocument, catalogSchema, environmentSchema, type JsonSchema } from './schema.js'
import { checkShape } from './shape.js'
import { closestNames } from './suggest.js'

describe('catalog/schema.json', () => {
  it('is exactly what the validator uses (regenerate with npm run build)', () => {
    expect(JSON.parse(readFileSync('catalog/schema.json', 'utf8'))).toEqual(catalogSchemaDocument())
  })

  it('describes every property, so editors can show help', () => {
    const undocumented: string[] = []
    const walk = (schema: typeof catalogSchema, path: string): void => {
      for (const [key, child] of Object.entries(schema.properties ?? {})) {
        if (!child.description) undocumented.push(`${path}.${key}`)
        walk(child, `${path}.${key}`)
      }
      if (typeof schema.additionalProperties === 'object') walk(schema.additionalProperties, `${path}.*`)
      if (schema.items) walk(schema.items, `${path}[]`)
    }
    walk(catalogSchema, 'catalog')
    walk(environmentSchema, 'environment')
    expect(undocumented).toEqual([])
  })
})

describe('checkShape', () => {
  it('accepts a stack output or terraform output wherever a reference is allowed, and nothing else', () => {
    const env = { name: 'prod', region: 'ca-central-1' }
    expect(checkShape({ ...env, cluster: { stackOutput: 'platform-prod.ClusterName' } }, environmentSchema)).toEqual([])
    expect(checkShape({ ...env, cluster: { terraformOutput: 'cluster_name' } }, environmentSchema)).toEqual([])
    expect(checkShape({ ...env, cluster: { stackoutput: 'x.y' } }, environmentSchema)).toEqual([
      expect.objectContaining({ path: ['cluster'], message: '{"stackoutput":"x.y"} is not valid here' }),
    ])
  })

  it('rejects a secret given as a value instead of an ARN', () => {
    const issues = checkShape({ tiers: [{ id: 1, name: 'core' }], services: { a: { path: 'a', tier: 1, secrets: { DB_PASSWORD: 'hunter2' } } } }, catalogSchema)
    expect(issues).toEqual([expect.objectContaining({ path: ['services', 'a', 'secrets', 'DB_PASSWORD'] })])
  })

  it('suggests the allowed value for a misspelt enum', () => {
    const issues = checkShape({ tiers: [{ id: 1, name: 'core' }], services: { a: { kind: 'infrastucture', tier: 1 } } }, catalogSchema)
    expect(issues).toEqual([expect.objectContaining({ hint: "did you mean 'infrastructure'?" })])
  })

  it('rejects service names that are not DNS-safe', () => {
    const issues = checkShape({ tiers: [{ id: 1, name: 'core' }], services: { Auth_Service: { path: 'a', tier: 1 } } }, catalogSchema)
    expect(issues.map((i) => i.message)).toEqual(["'Auth_Service' is not a valid name"])
  })

  it('reports every issue of a value in order, each with its path, through a schema that contains itself', () => {
    // A tree of nodes: the schema object refers to itself (compiled once, checked at any depth).
    const node: JsonSchema = { type: 'object', additionalProperties: false, required: ['name'], properties: { name: { type: 'string', minLength: 1 }, size: { type: 'integer', minimum: 1 } } }
    node.properties!.children = { type: 'array', items: node }
    const value = { name: 'root', children: [{ name: '', children: [{ size: 0, colour: 'red' }] }, { name: 'ok', size: 1.5 }] }
    expect(checkShape(value, node).map((i) => [i.path.join('.'), i.message])).toEqual([
      ['children.0.name', 'must not be empty'],
      ['children.0.children.0', "missing required key 'name'"],
      ['children.0.children.0.size', '0 is below the minimum 1'],
      ['children.0.children.0.colour', "unknown key 'colour'"],
      ['children.1.size', 'expected a whole number, found a number 1.5'],
    ])
    // A second check of the same schema gives the same answer (the compiled form is reused).
    expect(checkShape(value, node)).toHaveLength(5)
  })

  it('names what a malformed value should be as a noun, keeping acronyms ("a valid SSM parameter", not "a valid an ssm")', () => {
    const issues = checkShape({ tiers: [{ id: 1, name: 'core' }], services: { a: { path: 'a', tier: 1, secrets: { DB: 'hunter2' } } } }, catalogSchema)
    expect(issues.map((i) => i.message)).toEqual(['"hunter2" is not a valid SSM parameter or Secrets Manager ARN'])
    const env = checkShape({ name: 'dev', region: 'us-east-1', account: '12' }, environmentSchema)
    expect(env.map((i) => i.message)).toEqual(['"12" is not a valid AWS account ID'])
  })
})

describe('closestNames', () => {
  const names = ['indigenious-auth-service', 'indigenious-payment-service', 'auth', 'payment', 'rfq']
  it('finds a misspelling, and prefers the clearly closest name', () => {
    expect(closestNames('paymnet', names)).toEqual(['payment'])
    expect(closestNames('indigenious-auth-servce', names)).toEqual(['indigenious-auth-service'])
  })
  it('finds names that contain a fragment', () => {
    expect(closestNames('pay', names)).toEqual(['payment', 'indigenious-payment-service'])
  })
  it('suggests nothing for a word unlike any name', () => {
    expect(closestNames('zz', names)).toEqual([])
  })
})

import { readFileSync } from 'node:fs'
import { parse } from '@cdktf/hcl2json'
import type { ContainerDefinition, LogConfiguration, RegisterTaskDefinitionCommandInput, TaskDefinition } from '@aws-sdk/client-ecs'
import { describe, expect, it } from 'vitest'
import { chooseBaseRevision, diffTaskDefinitions, isDigestImage, READ_ONLY_TASK_DEFINITION_FIELDS, registrationOf, renderTaskDefinition, sameRegistration, TERRAFORM_VARIABLES, type CatalogTaskSettings } from './render.js'

const DIGEST = `sha256:${'a'.repeat(64)}`

const described: TaskDefinition = {
  taskDefinitionArn: 'arn:aws:ecs:ca-central-1:111111111111:task-definition/web:7',
  family: 'web',
  revision: 7,
  status: 'ACTIVE',
  compatibilities: ['EC2', 'FARGATE'],
  requiresAttributes: [{ name: 'com.amazonaws.ecs.capability.task-iam-role' }],
  registeredAt: new Date('2026-01-01T00:00:00Z'),
  registeredBy: 'arn:aws:sts::111111111111:assumed-role/deployer/x',
  requiresCompatibilities: ['FARGATE'],
  networkMode: 'awsvpc',
  cpu: '512',
  memory: '1024',
  taskRoleArn: 'arn:aws:iam::111111111111:role/web-task',
  volumes: [],
  containerDefinitions: [
    { name: 'web', image: 'repo/web:old', essential: true, environment: [{ name: 'A', value: '1' }, { name: 'B', value: 'x' }], secrets: [{ name: 'S', valueFrom: 'arn:aws:ssm:ca-central-1:111111111111:parameter/old' }] },
    { name: 'envoy', image: 'envoy:1.29', essential: false },
  ],
}

/** The catalog settings `described` already runs with: rendering them with no image changes nothing. */
function settings(over: Partial<CatalogTaskSettings> = {}): CatalogTaskSettings {
  return { containerName: 'web', cpu: 512, memory: 1024, port: undefined, environment: { A: '1', B: 'x' }, secrets: { S: 'arn:aws:ssm:ca-central-1:111111111111:parameter/old' }, ...over }
}

function render(over: Partial<CatalogTaskSettings> = {}, image?: string, base: TaskDefinition = described): RegisterTaskDefinitionCommandInput {
  return renderTaskDefinition({ base, running: described, service: 'web', ...(image ? { image } : {}), settings: settings(over) })
}

function webOf(next: RegisterTaskDefinitionCommandInput): ContainerDefinition {
  return next.containerDefinitions!.find((c) => c.name === 'web')!
}

describe('renderTaskDefinition', () => {
  it('removes every read-only field DescribeTaskDefinition returns', () => {
    const next = render({}, `repo/web@${DIGEST}`) as unknown as Record<string, unknown>
    for (const field of READ_ONLY_TASK_DEFINITION_FIELDS) expect(next).not.toHaveProperty(field)
    expect(next).toMatchObject({ family: 'web', cpu: '512', memory: '1024', taskRoleArn: 'arn:aws:iam::111111111111:role/web-task', networkMode: 'awsvpc' })
  })

  it('renders nothing new when the catalog and the image are what runs', () => {
    expect(sameRegistration(registrationOf(described), render())).toBe(true)
  })

  it('replaces the image of the service container only and keeps sidecars', () => {
    const next = render({}, `repo/web@${DIGEST}`)
    expect(next.containerDefinitions!.map((c) => c.image)).toEqual([`repo/web@${DIGEST}`, 'envoy:1.29'])
  })

  it('sets catalog variables in place and appends new ones by name', () => {
    const next = render({ environment: { A: '1', B: 'y', Z: 'last', C: 'new' }, secrets: { S: 'arn:aws:ssm:ca-central-1:111111111111:parameter/new' } })
    expect(webOf(next).image).toBe('repo/web:old')
    expect(webOf(next).environment).toEqual([{ name: 'A', value: '1' }, { name: 'B', value: 'y' }, { name: 'C', value: 'new' }, { name: 'Z', value: 'last' }])
    expect(webOf(next).secrets).toEqual([{ name: 'S', valueFrom: 'arn:aws:ssm:ca-central-1:111111111111:parameter/new' }])
  })

  it('removes a variable the catalog no longer sets', () => {
    expect(webOf(render({ environment: { B: 'x' } })).environment).toEqual([{ name: 'B', value: 'x' }])
  })

  it('removes a secret the catalog no longer references, and the list when none is left', () => {
    expect(webOf(render({ secrets: {} }))).not.toHaveProperty('secrets')
  })

  it('keeps the variables the Terraform roots add (SSM_PREFIX, the data stores\' users and bucket) as the base has them', () => {
    const base = withWeb({
      environment: [{ name: 'SSM_PREFIX', value: '/acme/dev' }, { name: 'DATABASE_USER', value: 'web' }, { name: 'A', value: '1' }, { name: 'HAND_MADE', value: 'x' }],
      secrets: [{ name: 'DATABASE_CREDENTIALS', valueFrom: 'arn:aws:secretsmanager:ca-central-1:111111111111:secret:rds!cluster-1' }, { name: 'S', valueFrom: 'arn:aws:ssm:ca-central-1:111111111111:parameter/old' }],
    })
    const web = webOf(render({ environment: { A: '1' }, secrets: { S: 'arn:aws:ssm:ca-central-1:111111111111:parameter/old' } }, undefined, base))
    expect(web.environment).toEqual([{ name: 'SSM_PREFIX', value: '/acme/dev' }, { name: 'DATABASE_USER', value: 'web' }, { name: 'A', value: '1' }])
    // A secret the roots no longer add (the data stores use IAM authentication) goes, like any the catalog dropped.
    expect(web.secrets).toEqual([{ name: 'S', valueFrom: 'arn:aws:ssm:ca-central-1:111111111111:parameter/old' }])
    // the catalog wins where it sets one of them too, as the roots' merge() does
    expect(webOf(render({ environment: { SSM_PREFIX: '/other' } }, undefined, base)).environment).toEqual([{ name: 'SSM_PREFIX', value: '/other' }, { name: 'DATABASE_USER', value: 'web' }])
  })

  it('renders the catalog cpu and memory as the strings ECS returns', () => {
    expect(render({ cpu: 1024, memory: 4096 })).toMatchObject({ cpu: '1024', memory: '4096' })
  })

  it('sets the catalog port on the http mapping (host port too under awsvpc), else the first, and adds one where there is none', () => {
    const base = withWeb({ portMappings: [{ containerPort: 9901, protocol: 'tcp' }, { name: 'http', containerPort: 3000, hostPort: 3000, protocol: 'tcp' }] })
    expect(webOf(render({ port: 8080 }, undefined, base)).portMappings).toEqual([{ containerPort: 9901, protocol: 'tcp' }, { name: 'http', containerPort: 8080, hostPort: 8080, protocol: 'tcp' }])
    const unnamed = withWeb({ portMappings: [{ containerPort: 3000, protocol: 'tcp' }] })
    expect(webOf(render({ port: 8080 }, undefined, unnamed)).portMappings).toEqual([{ containerPort: 8080, protocol: 'tcp' }])
    expect(webOf(render({ port: 8080 })).portMappings).toEqual([{ name: 'http', containerPort: 8080, protocol: 'tcp', appProtocol: 'http' }])
  })

  it('leaves the port mappings as the base has them when the catalog has no port (the load balancer names the port)', () => {
    const base = withWeb({ portMappings: [{ name: 'http', containerPort: 3000, protocol: 'tcp' }] })
    expect(webOf(render({ port: undefined }, undefined, base)).portMappings).toEqual([{ name: 'http', containerPort: 3000, protocol: 'tcp' }])
  })

  it("builds on the base's sidecars, roles and logging but keeps the running image when no image is given", () => {
    const logging: LogConfiguration = { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/web' } }
    const base: TaskDefinition = {
      ...described,
      taskDefinitionArn: 'arn:aws:ecs:ca-central-1:111111111111:task-definition/web:8',
      revision: 8,
      executionRoleArn: 'arn:aws:iam::111111111111:role/web-exec',
      containerDefinitions: [
        { ...described.containerDefinitions![0]!, image: 'repo/web:bootstrap', logConfiguration: logging },
        { name: 'xray-daemon', image: 'public.ecr.aws/xray/aws-xray-daemon:3.x', essential: false },
      ],
    }
    const next = render({}, undefined, base)
    expect(next.executionRoleArn).toBe('arn:aws:iam::111111111111:role/web-exec')
    expect(next.containerDefinitions!.map((c) => [c.name, c.image])).toEqual([['web', 'repo/web:old'], ['xray-daemon', 'public.ecr.aws/xray/aws-xray-daemon:3.x']])
    expect(webOf(next).logConfiguration).toEqual(logging)
  })

  it('names the containers the task definition has when the catalog names another', () => {
    expect(() => render({ containerName: 'app' })).toThrow(/has no container 'app' \(it has web, envoy\)/)
  })

  it('does not modify the described task definitions', () => {
    const before = JSON.stringify(described)
    render({ environment: { Q: '1' }, port: 80 }, `repo/web@${DIGEST}`)
    expect(JSON.stringify(described)).toBe(before)
  })
})

describe('TERRAFORM_VARIABLES', () => {
  it('names exactly what the environment roots add to the catalog environment and secrets', async () => {
    // The three roots' main.tf are identical (packages/terraform checks it); hcl2json gives expressions as `${...}`.
    const file = new URL('../../../../terraform/platform/main.tf', import.meta.url)
    const root = (await parse('main.tf', readFileSync(file, 'utf8'))) as { module: { service: Record<string, string>[] }; locals: Record<string, string>[] }
    const service = root.module.service[0]!
    expect(service.environment).toBe('${merge({ SSM_PREFIX = var.ssm_prefix }, local.data_store_environment[each.key], each.value.environment)}')
    const dataStores = root.locals.find((l) => l.data_store_environment)?.data_store_environment
    expect([...assignedNames(service.environment!), ...assignedNames(dataStores ?? '')].sort()).toEqual([...TERRAFORM_VARIABLES.environment].sort())
    // Secrets are only the catalog's: the data stores use IAM authentication, so no root adds a credential.
    expect(service.secrets).toBe('${each.value.secrets}')
    expect(TERRAFORM_VARIABLES.secrets).toEqual([])
  })
})

/** The upper-case names an HCL expression assigns (`{ NAME = value }`). */
function assignedNames(hcl: string): string[] {
  return [...hcl.matchAll(/\b([A-Z][A-Z0-9_]*)\s*=/g)].map((m) => m[1]!).sort()
}

function withWeb(over: Partial<ContainerDefinition>): TaskDefinition {
  const [web, ...rest] = described.containerDefinitions!
  return { ...described, containerDefinitions: [{ ...web!, ...over }, ...rest] }
}

describe('sameRegistration and diffTaskDefinitions', () => {
  it('sees no change when only key order or empty lists differ', () => {
    const a = registrationOf(described)
    const b = registrationOf({ ...described, volumes: undefined, containerDefinitions: described.containerDefinitions!.map((c) => ({ ...c })).reverse().reverse() })
    expect(sameRegistration(a, b)).toBe(true)
  })

  it('lists changed, added and removed leaves keyed by container and variable name', () => {
    const a = registrationOf(described)
    const b = render({ environment: { B: 'y', C: '3' } }, `repo/web@${DIGEST}`)
    delete b.taskRoleArn
    expect(sameRegistration(a, b)).toBe(false)
    expect(diffTaskDefinitions(a, b)).toEqual([
      `~ containerDefinitions[web].image: "repo/web:old" -> "repo/web@${DIGEST}"`,
      '~ containerDefinitions[web].environment[B].value: "x" -> "y"',
      '+ containerDefinitions[web].environment[C].name: "C"',
      '+ containerDefinitions[web].environment[C].value: "3"',
      '- taskRoleArn: "arn:aws:iam::111111111111:role/web-task"',
      '- containerDefinitions[web].environment[A].name: "A"',
      '- containerDefinitions[web].environment[A].value: "1"',
    ])
  })
})

describe('isDigestImage', () => {
  it('accepts repository@sha256 digests (ECR, with a tag, Docker Hub) and rejects tags alone', () => {
    expect(isDigestImage(`111111111111.dkr.ecr.ca-central-1.amazonaws.com/indigenious/auth@${DIGEST}`)).toBe(true)
    expect(isDigestImage(`ghcr.io/acme/web:1.2.3@${DIGEST}`)).toBe(true)
    expect(isDigestImage(`nginx@${DIGEST}`)).toBe(true)
    expect(isDigestImage('nginx:latest')).toBe(false)
    expect(isDigestImage(`nginx@sha256:${'a'.repeat(63)}`)).toBe(false)
    expect(isDigestImage(`Nginx@${DIGEST}`)).toBe(false)
  })
})

describe('chooseBaseRevision (one rule for the deploy and its preflight)', () => {
  const arn = (rev: number) => `arn:aws:ecs:ca-central-1:111111111111:task-definition/staging-auth:${rev}`
  const td = (rev: number, containers = ['auth']) => ({ taskDefinitionArn: arn(rev), revision: rev, containerDefinitions: containers.map((name) => ({ name })) })
  const describing = (defs: Record<string, ReturnType<typeof td> | undefined>) => async (ref: string) => defs[ref]

  it('renders on the latest ACTIVE revision, which carries what Terraform changed', async () => {
    expect((await chooseBaseRevision(arn(3), 'auth', describing({ 'staging-auth': td(5), [arn(3)]: td(3) }))).chose).toBe('latest')
    expect((await chooseBaseRevision(arn(5), 'auth', describing({ 'staging-auth': td(5) }))).chose).toBe('same')
  })

  it('renders on the running revision when it is newer, or when the latest lacks the catalog\'s container', async () => {
    const newer = await chooseBaseRevision(arn(6), 'auth', describing({ 'staging-auth': td(5), [arn(6)]: td(6) }))
    expect([newer.chose, newer.base.revision]).toEqual(['newer', 6])
    const container = await chooseBaseRevision(arn(3), 'auth', describing({ 'staging-auth': td(5, ['app']), [arn(3)]: td(3) }))
    expect([container.chose, container.base.revision, container.latest?.revision]).toEqual(['container', 3, 5])
    expect((await chooseBaseRevision(arn(3), 'auth', describing({ [arn(3)]: td(3) }))).chose).toBe('newer')
  })
})

import type { TaskDefinition } from '@aws-sdk/client-ecs'
import { describe, expect, it } from 'vitest'
import { diffTaskDefinitions, isDigestImage, READ_ONLY_TASK_DEFINITION_FIELDS, registrationOf, renderTaskDefinition, sameRegistration } from './render.js'

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

describe('renderTaskDefinition', () => {
  it('removes every read-only field DescribeTaskDefinition returns', () => {
    const next = renderTaskDefinition({ current: described, service: 'web', containerName: 'web', image: `repo/web@${DIGEST}`, environment: {}, secrets: {} }) as unknown as Record<string, unknown>
    for (const field of READ_ONLY_TASK_DEFINITION_FIELDS) expect(next).not.toHaveProperty(field)
    expect(next).toMatchObject({ family: 'web', cpu: '512', memory: '1024', taskRoleArn: 'arn:aws:iam::111111111111:role/web-task', networkMode: 'awsvpc' })
  })

  it('replaces the image of the service container only and keeps sidecars', () => {
    const next = renderTaskDefinition({ current: described, service: 'web', containerName: 'web', image: `repo/web@${DIGEST}`, environment: {}, secrets: {} })
    expect(next.containerDefinitions!.map((c) => c.image)).toEqual([`repo/web@${DIGEST}`, 'envoy:1.29'])
  })

  it('sets catalog variables in place, appends new ones by name, and keeps the rest', () => {
    const next = renderTaskDefinition({
      current: described,
      service: 'web',
      containerName: 'web',
      environment: { B: 'y', Z: 'last', C: 'new' },
      secrets: { S: 'arn:aws:ssm:ca-central-1:111111111111:parameter/new' },
    })
    const web = next.containerDefinitions![0]!
    expect(web.image).toBe('repo/web:old')
    expect(web.environment).toEqual([{ name: 'A', value: '1' }, { name: 'B', value: 'y' }, { name: 'C', value: 'new' }, { name: 'Z', value: 'last' }])
    expect(web.secrets).toEqual([{ name: 'S', valueFrom: 'arn:aws:ssm:ca-central-1:111111111111:parameter/new' }])
  })

  it('names the containers the task definition has when the catalog names another', () => {
    expect(() => renderTaskDefinition({ current: described, service: 'web', containerName: 'app', environment: {}, secrets: {} })).toThrow(/has no container 'app' \(it has web, envoy\)/)
  })

  it('does not modify the described task definition', () => {
    const before = JSON.stringify(described)
    renderTaskDefinition({ current: described, service: 'web', containerName: 'web', image: `repo/web@${DIGEST}`, environment: { Q: '1' }, secrets: {} })
    expect(JSON.stringify(described)).toBe(before)
  })
})

describe('sameRegistration and diffTaskDefinitions', () => {
  it('sees no change when only key order or empty lists differ', () => {
    const a = registrationOf(described)
    const b = registrationOf({ ...described, volumes: undefined, containerDefinitions: described.containerDefinitions!.map((c) => ({ ...c })).reverse().reverse() })
    expect(sameRegistration(a, b)).toBe(true)
  })

  it('lists changed, added and removed leaves keyed by container and variable name', () => {
    const a = registrationOf(described)
    const b = renderTaskDefinition({ current: described, service: 'web', containerName: 'web', image: `repo/web@${DIGEST}`, environment: { B: 'y', C: '3' }, secrets: {} })
    delete b.taskRoleArn
    expect(sameRegistration(a, b)).toBe(false)
    expect(diffTaskDefinitions(a, b)).toEqual([
      `~ containerDefinitions[web].image: "repo/web:old" -> "repo/web@${DIGEST}"`,
      '~ containerDefinitions[web].environment[B].value: "x" -> "y"',
      '+ containerDefinitions[web].environment[C].name: "C"',
      '+ containerDefinitions[web].environment[C].value: "3"',
      '- taskRoleArn: "arn:aws:iam::111111111111:role/web-task"',
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

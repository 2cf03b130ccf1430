import { DescribeClustersCommand, DescribeServicesCommand, DescribeTaskDefinitionCommand, ListTasksCommand, RegisterTaskDefinitionCommand, UpdateServiceCommand } from '@aws-sdk/client-ecs'
import { BatchGetImageCommand } from '@aws-sdk/client-ecr'
import { DescribeSecretCommand, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager'
import { DescribeParametersCommand, GetParametersCommand } from '@aws-sdk/client-ssm'
import { SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam'
import { GetServiceQuotaCommand } from '@aws-sdk/client-service-quotas'
import { DescribeSubnetsCommand } from '@aws-sdk/client-ec2'
import { DescribeRulesCommand, DescribeTargetGroupsCommand } from '@aws-sdk/client-elastic-load-balancing-v2'
import { beforeEach, describe, expect, it } from 'vitest'
import { runPreflight } from './index.js'
import { checkImages } from './images.js'
import { renderPreflight } from './render.js'
import { tasksByProvider } from './quota.js'
import { secretReferenceOf } from './secrets.js'
import type { PreflightFinding, PreflightReport, PreflightTarget } from './types.js'
import { ACCOUNT, awsError, CLUSTER, correctEnvironment, DB_PARAMETER, denied, EXECUTION_ROLE, image, JWT_SECRET, mocks, REGION, testCatalog, testClients, testEffects, testRequest } from './test-support.js'

let env: ReturnType<typeof correctEnvironment>
beforeEach(() => {
  env = correctEnvironment()
})

const run = (overrides: Parameters<typeof testRequest>[0] = {}): Promise<PreflightReport> => runPreflight(testRequest(overrides), testEffects())
const having = (report: PreflightReport, status: PreflightFinding['status'], check?: PreflightFinding['check']): PreflightFinding[] => report.findings.filter((f) => f.status === status && (!check || f.check === check))

describe('preflight on a correct environment', () => {
  it('passes every check, each naming what it read', async () => {
    const report = await run()
    expect(report.ok).toBe(true)
    expect(report.findings.filter((f) => f.status !== 'pass')).toEqual([])
    expect([...new Set(report.findings.map((f) => f.check))]).toEqual(['services', 'images', 'secrets', 'permissions', 'quota', 'subnets', 'routing', 'capacity'])
    expect(report.findings.find((f) => f.resource === image('auth', 2))?.message).toMatch(/exists in auth \(account 111111111111/)
    // auth 2→4 tasks of 0.25 vCPU on demand; worker 2→4 tasks of 1 vCPU on Spot; running now: 0.5 and 2
    expect(report.findings.find((f) => f.resource.includes('L-3032A538'))?.message).toMatch(/^0\.5 vCPU running in cluster dev-cluster \+ 0\.5 for the rollout surge of auth = 1 of 100/)
    expect(report.findings.find((f) => f.resource.includes('L-36FBB829'))?.message).toMatch(/^2 vCPU running .* \+ 2 for the rollout surge of worker = 4 of 100/)
    expect(report.findings.find((f) => f.check === 'subnets')?.message).toBe('400 free address(es) in 2 subnet(s) for 4 task(s) the rollout of auth, worker starts')
  })

  it('only reads: no write and no secret value is ever asked for', async () => {
    await run()
    expect(mocks.ecs.commandCalls(RegisterTaskDefinitionCommand)).toHaveLength(0)
    expect(mocks.ecs.commandCalls(UpdateServiceCommand)).toHaveLength(0)
    expect(mocks.secretsManager.commandCalls(GetSecretValueCommand)).toHaveLength(0)
    expect(mocks.ssm.commandCalls(GetParametersCommand)).toHaveLength(0)
    expect(mocks.secretsManager.commandCalls(DescribeSecretCommand).map((c) => c.args[0].input.SecretId)).toEqual([JWT_SECRET])
  })

  it('simulates the execution role on the repositories and the resolved secret and parameter ARNs', async () => {
    await run()
    const asked = mocks.iam.commandCalls(SimulatePrincipalPolicyCommand).map((c) => c.args[0].input)
    expect(asked.every((a) => a.PolicySourceArn === EXECUTION_ROLE)).toBe(true)
    expect(asked.map((a) => [a.ActionNames, a.ResourceArns])).toEqual([
      [['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'], [`arn:aws:ecr:${REGION}:${ACCOUNT}:repository/auth`, `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/worker`]],
      [['ecr:GetAuthorizationToken'], ['*']],
      [['secretsmanager:GetSecretValue'], [`${JWT_SECRET}-AbCdEf`]],
      [['ssm:GetParameters'], [DB_PARAMETER]],
    ])
  })
})

describe('each failure class names the resource', () => {
  it('a service missing from the cluster', async () => {
    const report = await run({ services: ['auth', 'worker', 'ghost'] })
    expect(report.ok).toBe(false)
    expect(having(report, 'fail')).toEqual([expect.objectContaining({ check: 'services', resource: 'service ghost', message: expect.stringContaining(`not found in ECS cluster '${CLUSTER}'`) })])
  })

  it('an image not in its repository, and a repository that does not exist', async () => {
    mocks.ecr.on(BatchGetImageCommand, { repositoryName: 'auth' }).callsFake((input: { imageIds: { imageDigest: string }[] }) => ({ images: [], failures: input.imageIds.map((imageId) => ({ imageId, failureCode: 'ImageNotFound', failureReason: 'Requested image not found' })) }))
    mocks.ecr.on(BatchGetImageCommand, { repositoryName: 'worker' }).rejects(awsError('RepositoryNotFoundException'))
    const report = await run()
    expect(having(report, 'fail').map((f) => [f.check, f.resource, f.message.replace(/:.*/, '')])).toEqual([
      ['images', image('auth', 2), `not found in auth (account ${ACCOUNT}, ${REGION})`],
      ['images', image('worker', 2), `repository worker (account ${ACCOUNT}, ${REGION}) does not exist`],
    ])
  })

  it("an image of another account runs from its replica; one whose repository replication never created fails", async () => {
    const staging = '222222222222'
    mocks.ecr.on(BatchGetImageCommand, { repositoryName: 'worker' }).rejects(awsError('RepositoryNotFoundException'))
    const report = await run({ images: { auth: image('auth', 2, staging), worker: image('worker', 2, staging) } })
    // looked up in the environment's own registry, where the deploy would pull the replica from
    expect(mocks.ecr.commandCalls(BatchGetImageCommand).map((c) => c.args[0].input.registryId)).toEqual([ACCOUNT, ACCOUNT])
    expect(report.findings.find((f) => f.resource === image('auth', 2, staging))).toMatchObject({ status: 'pass', message: expect.stringContaining("runs its replica in dev's registry") })
    expect(report.findings.find((f) => f.resource === image('worker', 2, staging))).toMatchObject({ status: 'fail', message: expect.stringContaining('ECR replication is not configured to it') })
  })

  it('a replica not there yet in a repository replication created is a warning: the deploy waits for it', async () => {
    mocks.ecr.on(BatchGetImageCommand).callsFake((input: { imageIds: { imageDigest: string }[] }) => ({ images: [], failures: input.imageIds.map((imageId) => ({ imageId, failureCode: 'ImageNotFound' })) }))
    const report = await run({ images: { auth: image('auth', 2, '222222222222') }, services: ['auth'] })
    expect(report.findings.find((f) => f.resource === image('auth', 2, '222222222222'))).toMatchObject({ status: 'warn', message: expect.stringContaining('will be copied by ECR replication') })
    // the running image of nothing else is asked; auth keeps no other image
    expect(report.ok).toBe(true)
  })

  it('a secret that does not exist, one scheduled for deletion, and a missing parameter', async () => {
    mocks.secretsManager.on(DescribeSecretCommand).rejects(awsError('ResourceNotFoundException', "Secrets Manager can't find the specified secret."))
    mocks.ssm.on(DescribeParametersCommand).resolves({ Parameters: [] })
    const report = await run()
    expect(having(report, 'fail').map((f) => [f.check, f.resource, f.services])).toEqual([
      ['secrets', JWT_SECRET, ['auth']],
      ['secrets', DB_PARAMETER, ['auth']],
    ])
    expect(having(report, 'fail')[1]!.message).toBe(`no such SSM parameter '/dev/db-url' in ${REGION}: create it, or fix the name in the catalog`)
    mocks.secretsManager.on(DescribeSecretCommand).resolves({ ARN: `${JWT_SECRET}-AbCdEf`, Name: 'dev/jwt', DeletedDate: new Date('2026-01-02T00:00:00Z') })
    expect((await run()).findings.find((f) => f.resource === JWT_SECRET)?.message).toMatch(/scheduled for deletion/)
  })

  it("a sidecar's secret of another account or region than the environment's, without asking AWS", async () => {
    // The catalog refuses such ARNs; a sidecar Terraform added keeps whatever its revision has.
    env.taskDefinitions.auth!.containerDefinitions!.push({ name: 'agent', image: image('agent', 1), secrets: [{ name: 'KEY', valueFrom: 'arn:aws:secretsmanager:us-east-1:999999999999:secret:old' }] })
    const report = await run()
    expect(having(report, 'fail')).toEqual([expect.objectContaining({ check: 'secrets', resource: 'arn:aws:secretsmanager:us-east-1:999999999999:secret:old', message: expect.stringContaining('is in account 999999999999 and region us-east-1, but dev runs in account 111111111111 and region ca-central-1') })])
    expect(mocks.secretsManager.commandCalls(DescribeSecretCommand).map((c) => c.args[0].input.SecretId)).toEqual([JWT_SECRET])
  })

  it('an execution role that may not read a secret or pull an image', async () => {
    mocks.iam.on(SimulatePrincipalPolicyCommand, { ActionNames: ['secretsmanager:GetSecretValue'] }).resolves({ EvaluationResults: [{ EvalActionName: 'secretsmanager:GetSecretValue', EvalResourceName: `${JWT_SECRET}-AbCdEf`, EvalDecision: 'implicitDeny' }] })
    const report = await run()
    expect(having(report, 'fail')).toEqual([expect.objectContaining({ check: 'permissions', resource: EXECUTION_ROLE, message: expect.stringMatching(/^may not secretsmanager:GetSecretValue on .*dev\/jwt-AbCdEf \(implicitDeny\): the tasks of auth, worker would fail to start/) })])
  })

  it('a task definition without an execution role', async () => {
    delete env.taskDefinitions.worker!.executionRoleArn
    const report = await run()
    expect(having(report, 'fail')).toEqual([expect.objectContaining({ check: 'permissions', resource: 'executionRoleArn', services: ['worker'] })])
  })

  it('a Fargate vCPU quota too small for the rollout surge', async () => {
    mocks.serviceQuotas.on(GetServiceQuotaCommand, { QuotaCode: 'L-36FBB829' }).resolves({ Quota: { Value: 3 } })
    const report = await run()
    expect(having(report, 'fail')).toEqual([expect.objectContaining({ check: 'quota', resource: 'Fargate Spot vCPU resource count (L-36FBB829)', message: expect.stringContaining('too small: 2 vCPU running in cluster dev-cluster + 2 for the rollout surge of worker = 4 of 3') })])
  })

  it('subnets without free addresses for the surge, and a subnet that does not exist', async () => {
    mocks.ec2.on(DescribeSubnetsCommand).resolves({ Subnets: [{ SubnetId: 'subnet-a', AvailableIpAddressCount: 1 }, { SubnetId: 'subnet-b', AvailableIpAddressCount: 2 }] })
    expect(having(await run(), 'fail')).toEqual([expect.objectContaining({ check: 'subnets', resource: 'subnet-a, subnet-b', message: 'too few addresses: 3 free address(es) in 2 subnet(s) for 4 task(s) the rollout of auth, worker starts; free addresses (stop unused tasks or interfaces) or add larger subnets' })])
    mocks.ec2.on(DescribeSubnetsCommand).rejects(awsError('InvalidSubnetID.NotFound', "The subnet ID 'subnet-b' does not exist"))
    mocks.ec2.on(DescribeSubnetsCommand, { SubnetIds: ['subnet-a'] }).resolves({ Subnets: [{ SubnetId: 'subnet-a', AvailableIpAddressCount: 100 }] })
    const report = await run()
    expect(having(report, 'fail').map((f) => [f.resource, f.message.replace(/:.*/, '')])).toEqual([['subnet-b', 'subnet not found']])
  })

  it("a routed service's target group that is gone, has another health path, or no listener rule", async () => {
    mocks.elb.on(DescribeTargetGroupsCommand).rejects(awsError('TargetGroupNotFoundException'))
    expect(having(await run(), 'fail')).toEqual([expect.objectContaining({ check: 'routing', resource: 'target group svc-auth', message: expect.stringContaining('does not exist') })])
    correctEnvironment()
    mocks.elb.on(DescribeTargetGroupsCommand).resolves({ TargetGroups: [{ HealthCheckPath: '/health', LoadBalancerArns: [] }] })
    expect(having(await run(), 'fail').map((f) => f.message.replace(/:.*/, ''))).toEqual(["health check path is /health, the catalog's is /auth/health", 'no listener rule forwards to it (it is attached to no load balancer)'])
    correctEnvironment()
    mocks.elb.on(DescribeRulesCommand).resolves({ Rules: [{ Actions: [{ Type: 'fixed-response' }] }] })
    expect(having(await run(), 'fail').map((f) => f.resource)).toEqual(['target group svc-auth'])
  })

  it('a routed service whose ECS service has no target group', async () => {
    delete env.services.auth!.loadBalancers
    expect(having(await run(), 'fail')).toEqual([expect.objectContaining({ check: 'routing', resource: 'service auth', message: expect.stringContaining('has no target group') })])
  })

  it('a cluster without the capacity providers the catalog and the services ask for', async () => {
    mocks.ecs.on(DescribeClustersCommand).resolves({ clusters: [{ clusterName: CLUSTER, status: 'ACTIVE', capacityProviders: ['FARGATE'] }] })
    const report = await run()
    expect(having(report, 'fail')).toEqual([expect.objectContaining({ check: 'capacity', resource: 'FARGATE_SPOT', services: ['worker'], message: expect.stringContaining('but cluster dev-cluster has FARGATE') })])
  })
})

describe('a denied read is unknown, naming the permission, and the other checks still run', () => {
  const cases: [string, () => void, PreflightFinding['check'], string][] = [
    ['ECR', () => mocks.ecr.on(BatchGetImageCommand).rejects(denied('ecr:BatchGetImage')), 'images', 'ecr:BatchGetImage denied'],
    ['Secrets Manager', () => mocks.secretsManager.on(DescribeSecretCommand).rejects(denied('secretsmanager:DescribeSecret')), 'secrets', 'secretsmanager:DescribeSecret denied'],
    ['SSM', () => mocks.ssm.on(DescribeParametersCommand).rejects(denied('ssm:DescribeParameters')), 'secrets', 'ssm:DescribeParameters denied'],
    ['IAM', () => mocks.iam.on(SimulatePrincipalPolicyCommand).rejects(denied('iam:SimulatePrincipalPolicy')), 'permissions', 'iam:SimulatePrincipalPolicy denied'],
    ['Service Quotas', () => mocks.serviceQuotas.on(GetServiceQuotaCommand).rejects(denied('servicequotas:GetServiceQuota')), 'quota', 'servicequotas:GetServiceQuota denied: the quota not checked'],
    ['ECS ListTasks', () => mocks.ecs.on(ListTasksCommand).rejects(denied('ecs:ListTasks')), 'quota', 'ecs:ListTasks/ecs:DescribeTasks denied'],
    ['EC2', () => mocks.ec2.on(DescribeSubnetsCommand).rejects(denied('ec2:DescribeSubnets')), 'subnets', 'ec2:DescribeSubnets denied'],
    ['ELB', () => mocks.elb.on(DescribeTargetGroupsCommand).rejects(denied('elasticloadbalancing:DescribeTargetGroups')), 'routing', 'elasticloadbalancing:DescribeTargetGroups/DescribeListeners/DescribeRules denied'],
    ['ECS DescribeClusters', () => mocks.ecs.on(DescribeClustersCommand).rejects(denied('ecs:DescribeClusters')), 'capacity', 'ecs:DescribeClusters denied'],
  ]
  it.each(cases)('%s', async (_name, deny, check, message) => {
    deny()
    const report = await run()
    const unknown = having(report, 'unknown')
    expect(unknown.length).toBeGreaterThan(0)
    for (const f of unknown) {
      expect(f.check).toBe(check)
      expect(f.message).toContain(message)
    }
    expect(having(report, 'fail')).toEqual([])
    expect(report.ok).toBe(true)
    // every other check still reported
    expect(new Set(report.findings.map((f) => f.check)).size).toBe(8)
  })

  it('an endpoint out of reach (no VPC endpoint for IAM) is unknown too, and the deploy may go on', async () => {
    mocks.iam.on(SimulatePrincipalPolicyCommand).rejects(Object.assign(new Error('getaddrinfo ENOTFOUND iam.amazonaws.com'), { code: 'ENOTFOUND' }))
    const report = await run()
    expect(report.ok).toBe(true)
    expect(having(report, 'unknown')).toEqual([expect.objectContaining({ check: 'permissions', resource: EXECUTION_ROLE, message: expect.stringMatching(/^could not reach AWS for iam:SimulatePrincipalPolicy: the execution role's permissions \(image pull, secrets\) not checked/) })])
  })

  it('ECS DescribeServices denied: nothing can be checked, and the report says so', async () => {
    mocks.ecs.on(DescribeServicesCommand).rejects(denied('ecs:DescribeServices'))
    const report = await run()
    expect(report.findings).toEqual([expect.objectContaining({ check: 'services', status: 'unknown', message: expect.stringMatching(/^ecs:DescribeServices denied: every service/) })])
  })
})

describe('batching', () => {
  it('describes services 10 a call', async () => {
    const names = Array.from({ length: 25 }, (_, i) => `s${i}`)
    await run({ services: names })
    expect(mocks.ecs.commandCalls(DescribeServicesCommand).map((c) => c.args[0].input.services!.length)).toEqual([10, 10, 5])
  })

  it('asks ECR for at most 100 images a call, one repository per call', async () => {
    const { catalog } = testCatalog()
    const targets = Array.from({ length: 230 }, (_, i): PreflightTarget => ({
      name: `s${i}`,
      service: catalog.services.get('worker')!,
      settings: undefined as never,
      ecsService: {},
      running: {},
      next: { family: `s${i}`, containerDefinitions: [{ name: 'app', image: image(i < 150 ? 'big' : 'small', 'abcdef0123456789'[i % 16]!.repeat(2) + String(i).padStart(62, '0')) }] },
    }))
    const findings = await checkImages(targets, testCatalog().environment, REGION, testClients().ecr)
    expect(findings.filter((f) => f.status === 'pass')).toHaveLength(230)
    const calls = mocks.ecr.commandCalls(BatchGetImageCommand).map((c) => [c.args[0].input.repositoryName, c.args[0].input.imageIds!.length])
    expect(calls.sort()).toEqual([['big', 100], ['big', 50], ['small', 80]])
  })
})

describe('pieces', () => {
  it('reads what a valueFrom names', () => {
    expect(secretReferenceOf(`${JWT_SECRET}-AbCdEf:password::`, ['a'])).toMatchObject({ kind: 'secretsmanager', id: `${JWT_SECRET}-AbCdEf`, account: ACCOUNT, region: REGION })
    expect(secretReferenceOf(DB_PARAMETER, ['a'])).toMatchObject({ kind: 'ssm', id: '/dev/db-url' })
    expect(secretReferenceOf(`arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/flat`, ['a'])).toMatchObject({ kind: 'ssm', id: 'flat' })
    const plain = secretReferenceOf('/dev/plain', ['a'])
    expect(plain).toMatchObject({ kind: 'ssm', id: '/dev/plain' })
    expect(plain.account).toBeUndefined()
  })

  it('places tasks on capacity providers base first, then by weight', () => {
    expect(tasksByProvider(undefined, 'FARGATE', 4)).toEqual({ FARGATE: 4 })
    expect(tasksByProvider(undefined, 'EC2', 4)).toEqual({})
    expect(tasksByProvider([{ capacityProvider: 'FARGATE', base: 1, weight: 1 }, { capacityProvider: 'FARGATE_SPOT', base: 0, weight: 1 }], undefined, 5)).toEqual({ FARGATE: 3, FARGATE_SPOT: 2 })
  })

  it('renders failures first in a table, and the verdict', async () => {
    mocks.ecs.on(DescribeClustersCommand).resolves({ clusters: [{ clusterName: CLUSTER, status: 'ACTIVE', capacityProviders: ['FARGATE'] }] })
    const report = await run()
    const text = renderPreflight(report, 'table', { onlyProblems: true })
    expect(text.split('\n')[0]).toMatch(/^CHECK +STATUS +RESOURCE +SERVICES +FINDING$/)
    expect(text.split('\n')[1]).toMatch(/^capacity +FAIL +FARGATE_SPOT +worker +worker needs it/)
    expect(text.split('\n').at(-1)).toMatch(/^preflight of dev \(cluster dev-cluster, 2 service\(s\)\) failed: 1 fail, \d+ pass$/)
    expect(renderPreflight(report, 'markdown')).toContain('| capacity | ❌ fail | FARGATE_SPOT | worker |')
  })
})

// Keeps the unused-import check honest about DescribeTaskDefinitionCommand: the base revision is read by family.
it('renders on the family\'s latest revision, as the deploy does', async () => {
  await run({ services: ['worker'] })
  expect(mocks.ecs.commandCalls(DescribeTaskDefinitionCommand).map((c) => c.args[0].input.taskDefinition)).toEqual(['worker'])
})

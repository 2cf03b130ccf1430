// Shared set-up of the preflight tests: a small real catalog, and every AWS client faked (aws-sdk-client-mock) to
// answer as a correct environment does; each test then breaks one answer.
import { DescribeClustersCommand, DescribeServicesCommand, DescribeTaskDefinitionCommand, DescribeTasksCommand, ECSClient, ListTasksCommand, type Service, type TaskDefinition } from '@aws-sdk/client-ecs'
import { BatchGetImageCommand, ECRClient } from '@aws-sdk/client-ecr'
import { DescribeSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager'
import { DescribeParametersCommand, SSMClient } from '@aws-sdk/client-ssm'
import { IAMClient, SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam'
import { GetServiceQuotaCommand, ServiceQuotasClient } from '@aws-sdk/client-service-quotas'
import { DescribeSubnetsCommand, EC2Client } from '@aws-sdk/client-ec2'
import { DescribeListenersCommand, DescribeRulesCommand, DescribeTargetGroupsCommand, ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2'
import { mockClient } from 'aws-sdk-client-mock'
import { buildCatalog, silentLogger, type Catalog, type Environment } from '@tierdeploy/catalog'
import type { PreflightClients, PreflightEffects, PreflightRequest } from './types.js'

export const ACCOUNT = '111111111111'
export const REGION = 'ca-central-1'
export const CLUSTER = 'dev-cluster'
export const EXECUTION_ROLE = `arn:aws:iam::${ACCOUNT}:role/dev-task-execution`
export const TARGET_GROUP = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:targetgroup/svc-auth/0123456789abcdef`
export const LOAD_BALANCER = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:loadbalancer/app/dev/0123456789abcdef`
export const LISTENER = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:listener/app/dev/0123456789abcdef/fedcba9876543210`
export const JWT_SECRET = `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:dev/jwt`
export const DB_PARAMETER = `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/dev/db-url`

export const SERVICES_YAML = `
version: 1
platform: test
tiers:
  - { id: 1, name: core }
  - { id: 2, name: business }
services:
  auth:
    path: auth
    tier: 1
    container: { port: 3000 }
    routing: { public: true, pathPatterns: ["/auth/*"], priority: 10 }
    healthCheck: { path: /auth/health }
    secrets:
      JWT_SECRET: ${JWT_SECRET}
      DB_URL: ${DB_PARAMETER}
  worker:
    path: worker
    tier: 2
    spot: true
    cpu: 1024
    memory: 2048
`

export const DEV_YAML = `name: dev\naccount: "${ACCOUNT}"\nregion: ${REGION}\ncluster: ${CLUSTER}\n`

export function testCatalog(devYaml = DEV_YAML): { catalog: Catalog; environment: Environment } {
  const { catalog, problems } = buildCatalog({
    dir: 'catalog',
    root: '/repo',
    services: { file: 'catalog/services.yaml', text: SERVICES_YAML },
    environments: [{ file: 'catalog/environments/dev.yaml', text: devYaml }],
  })
  const errors = problems.filter((p) => p.severity === 'error')
  if (!catalog || errors.length) throw new Error(`test catalog invalid: ${JSON.stringify(errors)}`)
  return { catalog, environment: catalog.environments.get('dev')! }
}

/** `ACCOUNT.dkr.ecr.REGION.amazonaws.com/<name>@sha256:<digit repeated 64 times>` */
export function image(name: string, digit: string | number, account = ACCOUNT, region = REGION): string {
  return `${account}.dkr.ecr.${region}.amazonaws.com/${name}@sha256:${String(digit).repeat(64).slice(0, 64)}`
}

export function taskDefinitionArn(family: string, revision: number): string {
  return `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/${family}:${revision}`
}

/** What the services run now: auth (2 tasks of 0.25 vCPU, behind the ALB) and worker (2 tasks of 1 vCPU on Spot). */
export function runningTaskDefinitions(): Record<string, TaskDefinition> {
  return {
    auth: {
      taskDefinitionArn: taskDefinitionArn('auth', 3), family: 'auth', revision: 3, cpu: '256', memory: '512', networkMode: 'awsvpc', executionRoleArn: EXECUTION_ROLE,
      containerDefinitions: [{ name: 'auth', image: image('auth', 1), portMappings: [{ name: 'http', containerPort: 3000, hostPort: 3000 }], secrets: [{ name: 'DB_URL', valueFrom: DB_PARAMETER }, { name: 'JWT_SECRET', valueFrom: JWT_SECRET }] }],
    },
    worker: {
      taskDefinitionArn: taskDefinitionArn('worker', 7), family: 'worker', revision: 7, cpu: '1024', memory: '2048', networkMode: 'awsvpc', executionRoleArn: EXECUTION_ROLE,
      containerDefinitions: [{ name: 'worker', image: image('worker', 1) }],
    },
  }
}

export function runningServices(): Record<string, Service> {
  const network = { awsvpcConfiguration: { subnets: ['subnet-a', 'subnet-b'] } }
  return {
    auth: { serviceName: 'auth', status: 'ACTIVE', desiredCount: 2, runningCount: 2, launchType: 'FARGATE', taskDefinition: taskDefinitionArn('auth', 3), deploymentConfiguration: { maximumPercent: 200, minimumHealthyPercent: 100 }, networkConfiguration: network, loadBalancers: [{ targetGroupArn: TARGET_GROUP, containerName: 'auth', containerPort: 3000 }] },
    worker: { serviceName: 'worker', status: 'ACTIVE', desiredCount: 2, runningCount: 2, taskDefinition: taskDefinitionArn('worker', 7), capacityProviderStrategy: [{ capacityProvider: 'FARGATE', base: 0, weight: 0 }, { capacityProvider: 'FARGATE_SPOT', base: 0, weight: 1 }], deploymentConfiguration: { maximumPercent: 200, minimumHealthyPercent: 100 }, networkConfiguration: network },
  }
}

export const mocks = {
  ecs: mockClient(ECSClient),
  ecr: mockClient(ECRClient),
  secretsManager: mockClient(SecretsManagerClient),
  ssm: mockClient(SSMClient),
  iam: mockClient(IAMClient),
  serviceQuotas: mockClient(ServiceQuotasClient),
  ec2: mockClient(EC2Client),
  elb: mockClient(ElasticLoadBalancingV2Client),
}

/** An error as the SDK throws it for an AWS error code. */
export function awsError(name: string, message = name): Error {
  return Object.assign(new Error(message), { name, $metadata: {} })
}

export function denied(action: string): Error {
  return awsError(action.startsWith('ec2:') ? 'UnauthorizedOperation' : 'AccessDeniedException', `User: arn:aws:sts::${ACCOUNT}:assumed-role/deployer/ci is not authorized to perform: ${action}`)
}

/**
 * Every client answers as a correct environment: the services and task definitions above, their images, secret and
 * parameter, an execution role allowed everything, 100 vCPU of quota, roomy subnets, auth's target group with the
 * catalog's health path behind a listener rule, and a cluster with FARGATE and FARGATE_SPOT.
 */
export function correctEnvironment(): { services: Record<string, Service>; taskDefinitions: Record<string, TaskDefinition> } {
  for (const m of Object.values(mocks)) m.reset()
  const services = runningServices()
  const taskDefinitions = runningTaskDefinitions()
  mocks.ecs.on(DescribeServicesCommand).callsFake((input: { services: string[] }) => ({
    services: input.services.flatMap((n) => (services[n] ? [services[n]] : [])),
    failures: input.services.filter((n) => !services[n]).map((n) => ({ arn: n, reason: 'MISSING' })),
  }))
  mocks.ecs.on(DescribeTaskDefinitionCommand).callsFake((input: { taskDefinition: string }) => {
    const found = Object.values(taskDefinitions).find((td) => td.taskDefinitionArn === input.taskDefinition || td.family === input.taskDefinition)
    if (!found) throw awsError('ClientException', 'Unable to describe task definition.')
    return { taskDefinition: found }
  })
  mocks.ecs.on(ListTasksCommand).resolves({ taskArns: ['t1', 't2', 't3', 't4'] })
  mocks.ecs.on(DescribeTasksCommand).resolves({ tasks: [{ cpu: '256', capacityProviderName: 'FARGATE' }, { cpu: '256', capacityProviderName: 'FARGATE' }, { cpu: '1024', capacityProviderName: 'FARGATE_SPOT' }, { cpu: '1024', capacityProviderName: 'FARGATE_SPOT' }] })
  mocks.ecs.on(DescribeClustersCommand).resolves({ clusters: [{ clusterName: CLUSTER, status: 'ACTIVE', capacityProviders: ['FARGATE', 'FARGATE_SPOT'] }] })
  mocks.ecr.on(BatchGetImageCommand).callsFake((input: { imageIds: { imageDigest?: string; imageTag?: string }[] }) => ({ images: input.imageIds.map((imageId) => ({ imageId })), failures: [] }))
  mocks.secretsManager.on(DescribeSecretCommand).callsFake((input: { SecretId: string }) => ({ ARN: `${input.SecretId}-AbCdEf`, Name: input.SecretId.replace(/^.*:secret:/, '') }))
  mocks.ssm.on(DescribeParametersCommand).resolves({ Parameters: [{ Name: '/dev/db-url', Type: 'SecureString', KeyId: 'alias/aws/ssm' }] })
  mocks.iam.on(SimulatePrincipalPolicyCommand).callsFake((input: { ActionNames: string[]; ResourceArns: string[] }) => ({
    EvaluationResults: input.ActionNames.flatMap((action) => input.ResourceArns.map((resource) => ({ EvalActionName: action, EvalResourceName: resource, EvalDecision: 'allowed' }))),
    IsTruncated: false,
  }))
  mocks.serviceQuotas.on(GetServiceQuotaCommand).resolves({ Quota: { Value: 100 } })
  mocks.ec2.on(DescribeSubnetsCommand).resolves({ Subnets: [{ SubnetId: 'subnet-a', AvailableIpAddressCount: 200 }, { SubnetId: 'subnet-b', AvailableIpAddressCount: 200 }] })
  mocks.elb.on(DescribeTargetGroupsCommand).resolves({ TargetGroups: [{ TargetGroupArn: TARGET_GROUP, HealthCheckPath: '/auth/health', LoadBalancerArns: [LOAD_BALANCER] }] })
  mocks.elb.on(DescribeListenersCommand).resolves({ Listeners: [{ ListenerArn: LISTENER }] })
  mocks.elb.on(DescribeRulesCommand).resolves({ Rules: [{ Priority: '10', Actions: [{ Type: 'forward', TargetGroupArn: TARGET_GROUP }], Conditions: [{ Field: 'path-pattern', PathPatternConfig: { Values: ['/auth/*'] } }] }] })
  return { services, taskDefinitions }
}

export function testClients(): PreflightClients {
  const config = { region: REGION, maxAttempts: 1 }
  return {
    ecs: new ECSClient(config),
    ecr: new ECRClient(config),
    secretsManager: new SecretsManagerClient(config),
    ssm: new SSMClient(config),
    iam: new IAMClient(config),
    serviceQuotas: new ServiceQuotasClient(config),
    ec2: new EC2Client(config),
    elb: new ElasticLoadBalancingV2Client(config),
  }
}

export function testEffects(): PreflightEffects {
  return { clients: testClients(), log: silentLogger }
}

export function testRequest(overrides: Partial<PreflightRequest> = {}): PreflightRequest {
  const { catalog, environment } = testCatalog()
  return { catalog, environment, cluster: CLUSTER, region: REGION, services: ['auth', 'worker'], images: { auth: image('auth', 2), worker: image('worker', 2) }, ...overrides }
}

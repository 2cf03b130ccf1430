mock_provider "aws" {
  mock_data "aws_iam_policy_document" {
    defaults = { json = "{}" }
  }
  mock_data "aws_region" {
    defaults = { name = "ca-central-1" }
  }
  mock_data "aws_caller_identity" {
    defaults = { account_id = "111111111111" }
  }
  mock_data "aws_partition" {
    defaults = { partition = "aws" }
  }
}

variables {
  name                                     = "indigenious-auth-service"
  tier                                     = 1
  cluster_arn                              = "arn:aws:ecs:ca-central-1:111111111111:cluster/indigenious-test"
  cluster_name                             = "indigenious-test"
  vpc_id                                   = "vpc-0123456789abcdef0"
  subnet_ids                               = ["subnet-a", "subnet-b", "subnet-c"]
  image                                    = "111111111111.dkr.ecr.ca-central-1.amazonaws.com/indigenious/indigenious-auth-service:bootstrap"
  container_name                           = "indigenious-auth-service"
  container_port                           = 3000
  public                                   = true
  target_group_arn                         = "arn:aws:elasticloadbalancing:ca-central-1:111111111111:targetgroup/auth/0123456789abcdef"
  alb_security_group_id                    = "sg-alb"
  service_connect_client_security_group_id = "sg-clients"
  service_connect_namespace_arn            = "arn:aws:servicediscovery:ca-central-1:111111111111:namespace/ns-1"
  log_group_name                           = "/ecs/indigenious-test/indigenious-auth-service"
  secrets = {
    JWT_SECRET = "arn:aws:secretsmanager:ca-central-1:111111111111:secret:indigenious/jwt-secret"
    API_KEY    = "/indigenious/test/api-key"
  }
}

run "tier_1_stays_on_demand_even_when_spot_is_asked" {
  command = plan

  variables {
    spot = true
  }

  assert {
    condition     = length(aws_ecs_service.this.capacity_provider_strategy) == 1 && one(aws_ecs_service.this.capacity_provider_strategy).capacity_provider == "FARGATE"
    error_message = "tier 1 should run only on on-demand Fargate"
  }

  assert {
    condition     = aws_ecs_service.this.deployment_circuit_breaker[0].enable && aws_ecs_service.this.deployment_circuit_breaker[0].rollback
    error_message = "the circuit breaker should be on with rollback"
  }
}

run "admits_only_the_alb" {
  command = plan

  assert {
    condition     = aws_vpc_security_group_ingress_rule.from_alb[0].referenced_security_group_id == "sg-alb" && aws_vpc_security_group_ingress_rule.from_alb[0].from_port == 3000
    error_message = "the container port should be open to the ALB's group"
  }

  assert {
    condition     = length(aws_vpc_security_group_ingress_rule.from_service_connect) == 0
    error_message = "no Service Connect ingress unless the service is depended on"
  }
}

run "tier_3_spot_runs_on_spot_above_the_base" {
  command = plan

  variables {
    tier = 3
    spot = true
  }

  assert {
    condition     = jsonencode(local.capacity_provider_strategy) == jsonencode([{ base = 1, capacity_provider = "FARGATE", weight = 0 }, { base = 0, capacity_provider = "FARGATE_SPOT", weight = 1 }])
    error_message = "tier 3 Spot services should keep one on-demand task and put the rest on Spot"
  }
}

run "business_hours_scale_to_zero_at_night" {
  command = plan

  variables {
    schedule       = "business-hours"
    business_hours = { timezone = "America/Toronto", start = "08:00", end = "18:30", days = ["mon", "tue", "wed", "thu", "fri"] }
  }

  assert {
    condition     = aws_appautoscaling_scheduled_action.start[0].schedule == "cron(0 8 ? * MON,TUE,WED,THU,FRI *)" && aws_appautoscaling_scheduled_action.stop[0].schedule == "cron(30 18 ? * MON,TUE,WED,THU,FRI *)"
    error_message = "scheduled actions should follow the business hours"
  }

  assert {
    condition     = tonumber(aws_appautoscaling_scheduled_action.stop[0].scalable_target_action[0].max_capacity) == 0
    error_message = "outside business hours the service should scale to zero"
  }
}

run "secrets_are_readable_only_by_their_own_arns" {
  command = plan

  assert {
    condition = toset(local.secret_arns) == toset([
      "arn:aws:secretsmanager:ca-central-1:111111111111:secret:indigenious/jwt-secret",
      "arn:aws:secretsmanager:ca-central-1:111111111111:secret:indigenious/jwt-secret-??????",
      "arn:aws:ssm:ca-central-1:111111111111:parameter/indigenious/test/api-key",
    ])
    error_message = "the execution role should be scoped to the service's own secrets"
  }
}

run "a_json_key_of_a_secret_is_granted_as_the_secret_itself" {
  command = plan

  variables {
    secrets = {
      DB_PASSWORD = "arn:aws:secretsmanager:ca-central-1:111111111111:secret:rds!cluster-abc-AbCdEf:password::"
    }
  }

  assert {
    condition     = toset(local.secret_arns) == toset(["arn:aws:secretsmanager:ca-central-1:111111111111:secret:rds!cluster-abc-AbCdEf", "arn:aws:secretsmanager:ca-central-1:111111111111:secret:rds!cluster-abc-AbCdEf-??????"])
    error_message = "IAM should name the secret, not the ARN:key:: form ECS reads"
  }
}

run "execution_role_pulls_only_its_own_repository" {
  command = plan

  variables {
    ecr_repository_arns = ["arn:aws:ecr:ca-central-1:111111111111:repository/indigenious/indigenious-auth-service"]
  }

  assert {
    condition     = length(data.aws_iam_policy_document.execution.statement) == 5
    error_message = "the execution role should have its own inline policy: ECR token, own repository, own log group, own secrets and parameters"
  }

  assert {
    condition     = one([for st in data.aws_iam_policy_document.execution.statement : st.resources if st.sid == "PullOwnImages"]) == toset(["arn:aws:ecr:ca-central-1:111111111111:repository/indigenious/indigenious-auth-service"])
    error_message = "image pulls should be limited to the service's own repository"
  }
}

run "gpu_service_uses_the_gpu_capacity_provider" {
  command = plan

  variables {
    name                       = "indigenious-ai-orchestrator-service"
    tier                       = 3
    capacity                   = "ec2-gpu"
    gpu                        = 1
    gpu_capacity_provider_name = "indigenious-test-gpu"
    public                     = false
    target_group_arn           = null
  }

  assert {
    condition     = one(aws_ecs_service.this.capacity_provider_strategy).capacity_provider == "indigenious-test-gpu" && aws_ecs_task_definition.this.requires_compatibilities == toset(["EC2"])
    error_message = "a GPU service should run on the EC2 GPU capacity provider"
  }
}

run "public_service_needs_a_target_group" {
  command = plan

  variables {
    target_group_arn = null
  }

  expect_failures = [aws_ecs_service.this]
}

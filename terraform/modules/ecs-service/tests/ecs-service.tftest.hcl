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
  mock_resource "aws_iam_role" {
    defaults = { arn = "arn:aws:iam::111111111111:role/indigenious-test-role" }
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
  listener_rule_arn                        = "arn:aws:elasticloadbalancing:ca-central-1:111111111111:listener-rule/app/indigenious-test-alb/0123/4567/89ab"
  alb_security_group_id                    = "sg-alb"
  service_connect_client_security_group_id = "sg-clients"
  service_connect_namespace_arn            = "arn:aws:servicediscovery:ca-central-1:111111111111:namespace/ns-1"
  log_group_name                           = "/ecs/indigenious-test/indigenious-auth-service"
  ssm_prefix                               = "/indigenious/test"
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

run "an_always_on_service_range_belongs_to_terraform" {
  command = plan

  assert {
    condition     = length(aws_appautoscaling_target.this) == 1 && length(aws_appautoscaling_target.business_hours) == 0 && aws_appautoscaling_target.this[0].min_capacity == 1 && aws_appautoscaling_target.this[0].max_capacity == 10
    error_message = "an always-on service should have a target with the catalog's range, managed by Terraform"
  }

  assert {
    condition     = length(aws_appautoscaling_scheduled_action.start) == 0 && length(aws_appautoscaling_scheduled_action.stop) == 0
    error_message = "an always-on service should have no scheduled actions"
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
    condition     = tonumber(aws_appautoscaling_scheduled_action.stop[0].scalable_target_action[0].max_capacity) == 0 && tonumber(aws_appautoscaling_scheduled_action.stop[0].scalable_target_action[0].min_capacity) == 0
    error_message = "outside business hours the service should scale to zero"
  }

  assert {
    condition     = tonumber(aws_appautoscaling_scheduled_action.start[0].scalable_target_action[0].min_capacity) == 1 && tonumber(aws_appautoscaling_scheduled_action.start[0].scalable_target_action[0].max_capacity) == 10
    error_message = "at the start of business hours the service should get its catalog range back"
  }

  assert {
    condition     = length(aws_appautoscaling_target.this) == 0 && length(aws_appautoscaling_target.business_hours) == 1 && output.scaling_target_resource_id == "service/indigenious-test/indigenious-auth-service"
    error_message = "a business-hours service should register its target as the one whose range the schedule owns"
  }
}

# The evening apply: the stop action has set the target to 0..0. Terraform must leave the range to the schedule:
# after a first apply, a plan with a different catalog range keeps the registered range (no update of the target)
# and changes only the start action, which carries the range into the next business day.
run "business_hours_apply" {
  command   = apply
  state_key = "business_hours"

  variables {
    schedule       = "business-hours"
    business_hours = { timezone = "America/Toronto", start = "08:00", end = "18:00", days = ["mon", "tue", "wed", "thu", "fri"] }
  }
}

run "business_hours_range_is_not_set_back_by_terraform" {
  command   = plan
  state_key = "business_hours"

  variables {
    schedule       = "business-hours"
    business_hours = { timezone = "America/Toronto", start = "08:00", end = "18:00", days = ["mon", "tue", "wed", "thu", "fri"] }
    min_capacity   = 3
    max_capacity   = 6
  }

  assert {
    condition     = aws_appautoscaling_target.business_hours[0].min_capacity == 1 && aws_appautoscaling_target.business_hours[0].max_capacity == 10
    error_message = "Terraform should not change a business-hours target's range (ignore_changes): the scheduled actions own it"
  }

  assert {
    condition     = tonumber(aws_appautoscaling_scheduled_action.start[0].scalable_target_action[0].min_capacity) == 3 && tonumber(aws_appautoscaling_scheduled_action.start[0].scalable_target_action[0].max_capacity) == 6
    error_message = "a new catalog range should reach the start action"
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

run "task_role_reads_only_the_environment_configuration" {
  command = plan

  assert {
    condition = one(data.aws_iam_policy_document.task[0].statement).resources == toset([
      "arn:aws:ssm:ca-central-1:111111111111:parameter/indigenious/test",
      "arn:aws:ssm:ca-central-1:111111111111:parameter/indigenious/test/*",
    ])
    error_message = "the task role should read Parameter Store under the environment's prefix only"
  }

  assert {
    condition     = one(data.aws_iam_policy_document.task[0].statement).actions == toset(["ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath"])
    error_message = "the task role should only read parameters"
  }

  assert {
    condition     = length(aws_iam_role_policy.task) == 1
    error_message = "the task role should get its configuration policy"
  }
}

run "no_parameter_store_access_without_a_prefix" {
  command = plan

  variables {
    ssm_prefix = null
  }

  assert {
    condition     = length(aws_iam_role_policy.task) == 0
    error_message = "without ssm_prefix the task role should read no parameters"
  }
}

run "long_role_names_end_in_a_hash_instead_of_being_cut" {
  command = plan

  variables {
    cluster_name = "indigenious-production-with-a-long-cluster-name"
  }

  assert {
    condition     = length(aws_iam_role.task.name) <= 64 && length(aws_iam_role.execution.name) <= 64 && aws_iam_role.task.name != aws_iam_role.execution.name
    error_message = "role names should fit IAM's 64 characters and stay distinct"
  }

  assert {
    condition     = aws_iam_role.task.name == "indigenious-production-with-a-long-cluster-name-indigen-${substr(sha1("indigenious-production-with-a-long-cluster-name-indigenious-auth-service-task"), 0, 8)}"
    error_message = "a cut role name should end in a hash of the full name"
  }
}

run "short_role_names_are_kept" {
  command = plan

  assert {
    condition     = aws_iam_role.task.name == "indigenious-test-indigenious-auth-service-task" && aws_iam_role.execution.name == "indigenious-test-indigenious-auth-service-exec"
    error_message = "names that fit should not change (renaming a role replaces it)"
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
    listener_rule_arn          = null
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

run "public_service_waits_for_its_listener_rule" {
  command = plan

  variables {
    listener_rule_arn = null
  }

  expect_failures = [aws_ecs_service.this]
}

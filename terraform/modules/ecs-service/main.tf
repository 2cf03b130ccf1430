data "aws_region" "current" {}
data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}

locals {
  has_port = var.container_port != null

  # Tier 1 always runs on-demand. Above it a Spot service keeps on_demand_base tasks on-demand and puts the rest
  # on Spot: half of them in tier 2, all of them from tier 3 (about 70 % cheaper, interruptions tolerated).
  use_spot = var.spot && var.tier > 1 && var.capacity == "fargate"
  capacity_provider_strategy = (
    var.capacity == "ec2-gpu" ? [{ capacity_provider = var.gpu_capacity_provider_name, base = 0, weight = 1 }] :
    !local.use_spot ? [{ capacity_provider = "FARGATE", base = 0, weight = 1 }] :
    var.tier == 2 ? [{ capacity_provider = "FARGATE", base = var.on_demand_base, weight = 1 }, { capacity_provider = "FARGATE_SPOT", base = 0, weight = 1 }] :
    [{ capacity_provider = "FARGATE", base = var.on_demand_base, weight = 0 }, { capacity_provider = "FARGATE_SPOT", base = 0, weight = 1 }]
  )

  # ECS takes a full ARN or an SSM parameter name; IAM needs ARNs.
  secret_refs = distinct([
    for v in values(var.secrets) : startswith(v, "arn:") ? v : "arn:${data.aws_partition.current.partition}:ssm:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:parameter${startswith(v, "/") ? v : "/${v}"}"
  ])
  # A Secrets Manager valueFrom may select a JSON key (ARN:key:stage:version), which IAM does not accept: the
  # policy names the secret itself (the first 7 fields), and also "-??????" after it, because a secret's ARN ends
  # in 6 random characters that a partial ARN leaves out. Nothing else matches, so no other secret is readable.
  secrets_manager_arns = distinct(flatten([
    for a in local.secret_refs : [
      join(":", slice(split(":", a), 0, 7)),
      "${join(":", slice(split(":", a), 0, 7))}-??????",
    ] if split(":", a)[2] == "secretsmanager"
  ]))
  ssm_parameter_arns = [for a in local.secret_refs : a if split(":", a)[2] == "ssm"]
  secret_arns        = concat(local.secrets_manager_arns, local.ssm_parameter_arns)

  app_container = merge(
    {
      name        = var.container_name
      image       = var.image
      essential   = true
      environment = [for k in sort(keys(var.environment)) : { name = k, value = var.environment[k] }]
      secrets     = [for k in sort(keys(var.secrets)) : { name = k, valueFrom = var.secrets[k] }]
      portMappings = local.has_port ? [{
        name          = "http"
        containerPort = var.container_port
        protocol      = "tcp"
        appProtocol   = "http"
      }] : []
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.this.name
          awslogs-region        = data.aws_region.current.name
          awslogs-stream-prefix = var.container_name
        }
      }
    },
    var.gpu > 0 ? { resourceRequirements = [{ type = "GPU", value = tostring(var.gpu) }] } : {},
  )

  xray_container = {
    name              = "xray-daemon"
    image             = "public.ecr.aws/xray/aws-xray-daemon:3.x"
    essential         = false
    cpu               = 32
    memoryReservation = 64
    portMappings      = [{ containerPort = 2000, protocol = "udp" }]
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        awslogs-group         = aws_cloudwatch_log_group.this.name
        awslogs-region        = data.aws_region.current.name
        awslogs-stream-prefix = "xray"
      }
    }
  }

  days      = { mon = "MON", tue = "TUE", wed = "WED", thu = "THU", fri = "FRI", sat = "SAT", sun = "SUN" }
  cron_days = join(",", [for d in var.business_hours.days : local.days[lower(d)]])
  start     = split(":", var.business_hours.start)
  end       = split(":", var.business_hours.end)

  # IAM role names are at most 64 characters and unique per account: a longer name is cut and ends in a hash of the
  # full name, so two long service names that share a prefix cannot collide (names that fit are kept as they are).
  role_names = {
    for k, n in { execution = "${var.cluster_name}-${var.name}-exec", task = "${var.cluster_name}-${var.name}-task" } :
    k => length(n) <= 64 ? n : "${trimsuffix(substr(n, 0, 55), "-")}-${substr(sha1(n), 0, 8)}"
  }

  # Configuration the root publishes under the environment's prefix (SSM_PREFIX): the path itself for
  # GetParametersByPath, everything below it for GetParameter(s).
  ssm_prefix_arn = var.ssm_prefix == null ? null : "arn:${data.aws_partition.current.partition}:ssm:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:parameter${var.ssm_prefix}"

  business_hours = var.schedule == "business-hours"
  # The scalable target of the service, whichever of the two resources below holds it.
  scaling_target = one(concat(aws_appautoscaling_target.this, aws_appautoscaling_target.business_hours))
}

resource "aws_cloudwatch_log_group" "this" {
  name              = var.log_group_name
  retention_in_days = var.log_retention_days
  kms_key_id        = var.kms_key_arn
  tags              = var.tags
}

# ---- security group: the ALB, and Service Connect clients when others depend on the service ------------------------

resource "aws_security_group" "this" {
  name        = "${var.cluster_name}-${var.name}"
  description = "Tasks of ${var.name}: inbound only from the ALB's group (and Service Connect clients)"
  vpc_id      = var.vpc_id
  tags        = merge(var.tags, { Name = "${var.cluster_name}-${var.name}" })
}

resource "aws_vpc_security_group_ingress_rule" "from_alb" {
  count = var.public && local.has_port ? 1 : 0

  security_group_id            = aws_security_group.this.id
  description                  = "From the ALB"
  ip_protocol                  = "tcp"
  from_port                    = var.container_port
  to_port                      = var.container_port
  referenced_security_group_id = var.alb_security_group_id
}

resource "aws_vpc_security_group_ingress_rule" "from_service_connect" {
  count = var.allow_service_connect_ingress && local.has_port ? 1 : 0

  security_group_id            = aws_security_group.this.id
  description                  = "From other services of the cluster through Service Connect"
  ip_protocol                  = "tcp"
  from_port                    = var.container_port
  to_port                      = var.container_port
  referenced_security_group_id = var.service_connect_client_security_group_id
}

resource "aws_vpc_security_group_egress_rule" "all" {
  security_group_id = aws_security_group.this.id
  description       = "To AWS APIs, other services and the internet through NAT"
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
}

# ---- roles ----------------------------------------------------------------------------------------------------------

data "aws_iam_policy_document" "tasks_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }
    condition {
      test     = "ArnLike"
      variable = "aws:SourceArn"
      values   = ["arn:${data.aws_partition.current.partition}:ecs:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:*"]
    }
  }
}

resource "aws_iam_role" "execution" {
  name               = local.role_names.execution
  assume_role_policy = data.aws_iam_policy_document.tasks_assume.json
  tags               = var.tags
}

# Least privilege instead of AmazonECSTaskExecutionRolePolicy (which pulls from every repository and writes to
# every log group): pull the service's own images, write its own log group, read its own secrets.
data "aws_iam_policy_document" "execution" {
  statement {
    sid       = "EcrAuthToken"
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }

  dynamic "statement" {
    for_each = length(var.ecr_repository_arns) > 0 ? [1] : []
    content {
      sid       = "PullOwnImages"
      actions   = ["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"]
      resources = var.ecr_repository_arns
    }
  }

  statement {
    sid       = "WriteOwnLogs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.this.arn}:*"]
  }

  dynamic "statement" {
    for_each = length(local.secrets_manager_arns) > 0 ? [1] : []
    content {
      sid       = "ReadOwnSecrets"
      actions   = ["secretsmanager:GetSecretValue"]
      resources = local.secrets_manager_arns
    }
  }

  dynamic "statement" {
    for_each = length(local.ssm_parameter_arns) > 0 ? [1] : []
    content {
      sid       = "ReadOwnParameters"
      actions   = ["ssm:GetParameters"]
      resources = local.ssm_parameter_arns
    }
  }
}

resource "aws_iam_role_policy" "execution" {
  name   = "pull-log-read-own-secrets"
  role   = aws_iam_role.execution.id
  policy = data.aws_iam_policy_document.execution.json
}

resource "aws_iam_role" "task" {
  name               = local.role_names.task
  assume_role_policy = data.aws_iam_policy_document.tasks_assume.json
  tags               = var.tags
}

resource "aws_iam_role_policy_attachment" "task_xray" {
  count = var.enable_xray ? 1 : 0

  role       = aws_iam_role.task.name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/AWSXRayDaemonWriteAccess"
}

# The application reads its configuration (the endpoints the root publishes) under the environment's prefix, and
# nothing else in Parameter Store. Data stores grant their own access to this role (database: rds-db:connect,
# cache: elasticache:Connect, documents bucket: its objects), each for the services that depend on them.
data "aws_iam_policy_document" "task" {
  count = var.ssm_prefix == null ? 0 : 1

  statement {
    sid       = "ReadEnvironmentConfiguration"
    actions   = ["ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath"]
    resources = [local.ssm_prefix_arn, "${local.ssm_prefix_arn}/*"]
  }
}

resource "aws_iam_role_policy" "task" {
  count = var.ssm_prefix == null ? 0 : 1

  name   = "read-environment-configuration"
  role   = aws_iam_role.task.id
  policy = data.aws_iam_policy_document.task[0].json
}

# ---- task definition and service ------------------------------------------------------------------------------------

resource "aws_ecs_task_definition" "this" {
  family                   = "${var.cluster_name}-${var.name}"
  network_mode             = "awsvpc"
  requires_compatibilities = [var.capacity == "ec2-gpu" ? "EC2" : "FARGATE"]
  cpu                      = var.cpu
  memory                   = var.memory
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.task.arn
  container_definitions    = jsonencode(concat([local.app_container], var.enable_xray ? [local.xray_container] : []))
  tags                     = var.tags

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "X86_64"
  }
}

resource "aws_ecs_service" "this" {
  name                              = var.name
  cluster                           = var.cluster_arn
  task_definition                   = aws_ecs_task_definition.this.arn
  desired_count                     = var.desired_count
  health_check_grace_period_seconds = var.public ? var.health_check_grace_period_seconds : null
  enable_execute_command            = false
  propagate_tags                    = "SERVICE"
  wait_for_steady_state             = false
  tags                              = merge(var.tags, { Service = var.name, Tier = tostring(var.tier) })

  dynamic "capacity_provider_strategy" {
    for_each = local.capacity_provider_strategy
    content {
      capacity_provider = capacity_provider_strategy.value.capacity_provider
      base              = capacity_provider_strategy.value.base
      weight            = capacity_provider_strategy.value.weight
    }
  }

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  dynamic "alarms" {
    for_each = length(var.deployment_alarm_names) > 0 ? [1] : []
    content {
      alarm_names = var.deployment_alarm_names
      enable      = true
      rollback    = true
    }
  }

  network_configuration {
    subnets          = var.subnet_ids
    security_groups  = [aws_security_group.this.id, var.service_connect_client_security_group_id]
    assign_public_ip = var.assign_public_ip
  }

  dynamic "load_balancer" {
    for_each = var.public && local.has_port ? [1] : []
    content {
      target_group_arn = var.target_group_arn
      container_name   = var.container_name
      container_port   = var.container_port
    }
  }

  service_connect_configuration {
    enabled   = true
    namespace = var.service_connect_namespace_arn

    dynamic "service" {
      for_each = local.has_port ? [1] : []
      content {
        port_name      = "http"
        discovery_name = var.name
        client_alias {
          port     = var.container_port
          dns_name = var.name
        }
      }
    }
  }

  # Without its execution policy a first task cannot pull its image or write its logs (and on destroy the tasks
  # would lose it while draining).
  depends_on = [aws_iam_role_policy.execution]

  # ecs-deploy owns the image: it registers new task definition revisions, and autoscaling owns the task count.
  lifecycle {
    ignore_changes = [task_definition, desired_count]

    precondition {
      condition     = !var.public || var.target_group_arn != null
      error_message = "A public service needs target_group_arn (the alb module's target group for ${var.name})."
    }

    # ECS refuses a target group no listener forwards to ("target group does not have an associated load
    # balancer"). Referring to the listener rule here makes the service wait for it on the first apply.
    precondition {
      condition     = !var.public || var.listener_rule_arn != null
      error_message = "A public service needs listener_rule_arn (the alb module's listener rule for ${var.name}), so it is created after the rule that routes to its target group."
    }

    precondition {
      condition     = var.capacity != "ec2-gpu" || var.gpu_capacity_provider_name != null
      error_message = "${var.name} runs on ec2-gpu capacity: enable the cluster's GPU capacity provider and pass gpu_capacity_provider_name."
    }
  }
}

# ---- autoscaling ----------------------------------------------------------------------------------------------------
# An always-on service's range is Terraform's. A business-hours service's range belongs to its scheduled actions
# once registered: they set it to min..max at the start of the day and to 0..0 at its end, and Terraform must not
# set it back (an evening apply would otherwise start every stopped service). Only the start action carries the
# catalog's range; a change to it takes effect at the next start.

resource "aws_appautoscaling_target" "this" {
  count = local.business_hours ? 0 : 1

  service_namespace  = "ecs"
  scalable_dimension = "ecs:service:DesiredCount"
  resource_id        = "service/${var.cluster_name}/${aws_ecs_service.this.name}"
  min_capacity       = var.min_capacity
  max_capacity       = var.max_capacity
}

resource "aws_appautoscaling_target" "business_hours" {
  count = local.business_hours ? 1 : 0

  service_namespace  = "ecs"
  scalable_dimension = "ecs:service:DesiredCount"
  resource_id        = "service/${var.cluster_name}/${aws_ecs_service.this.name}"
  min_capacity       = var.min_capacity
  max_capacity       = var.max_capacity

  lifecycle {
    ignore_changes = [min_capacity, max_capacity]
  }
}

resource "aws_appautoscaling_policy" "cpu" {
  name               = "${var.name}-cpu"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = local.scaling_target.service_namespace
  scalable_dimension = local.scaling_target.scalable_dimension
  resource_id        = local.scaling_target.resource_id

  target_tracking_scaling_policy_configuration {
    target_value       = var.cpu_target
    scale_in_cooldown  = 300
    scale_out_cooldown = 60
    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}

resource "aws_appautoscaling_policy" "memory" {
  name               = "${var.name}-memory"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = local.scaling_target.service_namespace
  scalable_dimension = local.scaling_target.scalable_dimension
  resource_id        = local.scaling_target.resource_id

  target_tracking_scaling_policy_configuration {
    target_value       = var.memory_target
    scale_in_cooldown  = 300
    scale_out_cooldown = 60
    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageMemoryUtilization"
    }
  }
}

# Business-hours services scale to their normal range at the start of the day and to zero at its end.
resource "aws_appautoscaling_scheduled_action" "start" {
  count = local.business_hours ? 1 : 0

  name               = "${var.name}-business-hours-start"
  service_namespace  = local.scaling_target.service_namespace
  scalable_dimension = local.scaling_target.scalable_dimension
  resource_id        = local.scaling_target.resource_id
  schedule           = "cron(${tonumber(local.start[1])} ${tonumber(local.start[0])} ? * ${local.cron_days} *)"
  timezone           = var.business_hours.timezone

  scalable_target_action {
    min_capacity = var.min_capacity
    max_capacity = var.max_capacity
  }
}

resource "aws_appautoscaling_scheduled_action" "stop" {
  count = local.business_hours ? 1 : 0

  name               = "${var.name}-business-hours-stop"
  service_namespace  = local.scaling_target.service_namespace
  scalable_dimension = local.scaling_target.scalable_dimension
  resource_id        = local.scaling_target.resource_id
  schedule           = "cron(${tonumber(local.end[1])} ${tonumber(local.end[0])} ? * ${local.cron_days} *)"
  timezone           = var.business_hours.timezone

  scalable_target_action {
    min_capacity = 0
    max_capacity = 0
  }

  # Application Auto Scaling refuses concurrent changes to one target's scheduled actions.
  depends_on = [aws_appautoscaling_scheduled_action.start]
}

# An HTTP Cloud Map namespace is enough for Service Connect: clients resolve services through the Envoy sidecar,
# not through DNS, so no private hosted zone is needed.
resource "aws_service_discovery_http_namespace" "this" {
  name        = var.service_connect_namespace
  description = "Service Connect namespace of ${var.name}"
  tags        = var.tags
}

resource "aws_ecs_cluster" "this" {
  name = var.name
  tags = var.tags

  setting {
    name  = "containerInsights"
    value = var.container_insights
  }

  service_connect_defaults {
    namespace = aws_service_discovery_http_namespace.this.arn
  }
}

resource "aws_ecs_cluster_capacity_providers" "this" {
  cluster_name       = aws_ecs_cluster.this.name
  capacity_providers = concat(["FARGATE", "FARGATE_SPOT"], aws_ecs_capacity_provider.gpu[*].name)

  default_capacity_provider_strategy {
    capacity_provider = "FARGATE"
    weight            = 1
    base              = 0
  }
}

# Every task joins this group as well as its own: a service admits Service Connect traffic from it, so the
# services that call each other need no CIDR rules.
resource "aws_security_group" "service_connect_clients" {
  name        = "${var.name}-service-connect-clients"
  description = "Member tasks may call other services of ${var.name} through Service Connect"
  vpc_id      = var.vpc_id
  tags        = merge(var.tags, { Name = "${var.name}-service-connect-clients" })
}

resource "aws_vpc_security_group_egress_rule" "service_connect_clients" {
  security_group_id = aws_security_group.service_connect_clients.id
  description       = "To services inside the VPC"
  ip_protocol       = "tcp"
  from_port         = 0
  to_port           = 65535
  cidr_ipv4         = var.vpc_cidr
}

# ---- optional EC2 GPU capacity ------------------------------------------------------------------------------------

data "aws_partition" "current" {}

locals {
  gpu_user_data = <<-EOT
    #!/bin/bash
    cat >> /etc/ecs/ecs.config <<'CONFIG'
    ECS_CLUSTER=${var.name}
    ECS_ENABLE_GPU_SUPPORT=true
    ECS_AWSVPC_BLOCK_IMDS=true
    CONFIG
  EOT
}

data "aws_ssm_parameter" "gpu_ami" {
  count = var.enable_gpu_capacity ? 1 : 0
  name  = var.gpu_ami_parameter
}

data "aws_iam_policy_document" "ec2_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "gpu_instance" {
  count = var.enable_gpu_capacity ? 1 : 0

  name               = "${var.name}-gpu-instance"
  assume_role_policy = data.aws_iam_policy_document.ec2_assume.json
  tags               = var.tags
}

resource "aws_iam_role_policy_attachment" "gpu_instance_ecs" {
  count = var.enable_gpu_capacity ? 1 : 0

  role       = aws_iam_role.gpu_instance[0].name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role"
}

resource "aws_iam_role_policy_attachment" "gpu_instance_ssm" {
  count = var.enable_gpu_capacity ? 1 : 0

  role       = aws_iam_role.gpu_instance[0].name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/AmazonSSMManagedInstanceCore"
}

resource "aws_iam_instance_profile" "gpu" {
  count = var.enable_gpu_capacity ? 1 : 0

  name = "${var.name}-gpu-instance"
  role = aws_iam_role.gpu_instance[0].name
}

resource "aws_security_group" "gpu_instances" {
  count = var.enable_gpu_capacity ? 1 : 0

  name        = "${var.name}-gpu-instances"
  description = "GPU container instances: no inbound traffic (tasks use awsvpc and their own groups)"
  vpc_id      = var.vpc_id
  tags        = merge(var.tags, { Name = "${var.name}-gpu-instances" })
}

resource "aws_vpc_security_group_egress_rule" "gpu_instances" {
  count = var.enable_gpu_capacity ? 1 : 0

  security_group_id = aws_security_group.gpu_instances[0].id
  description       = "To the ECS, ECR and CloudWatch endpoints"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_launch_template" "gpu" {
  count = var.enable_gpu_capacity ? 1 : 0

  name_prefix            = "${var.name}-gpu-"
  image_id               = data.aws_ssm_parameter.gpu_ami[0].value
  instance_type          = var.gpu_instance_type
  vpc_security_group_ids = [aws_security_group.gpu_instances[0].id]
  # Tasks use awsvpc: ECS_AWSVPC_BLOCK_IMDS keeps them from reaching the instance metadata service, so a task can
  # use only its own task role, never the instance role.
  user_data = base64encode(local.gpu_user_data)

  iam_instance_profile {
    arn = aws_iam_instance_profile.gpu[0].arn
  }

  metadata_options {
    http_tokens                 = "required"
    http_put_response_hop_limit = 2
  }

  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      volume_size = 100
      volume_type = "gp3"
      encrypted   = true
    }
  }

  tag_specifications {
    resource_type = "instance"
    tags          = merge(var.tags, { Name = "${var.name}-gpu" })
  }
}

resource "aws_autoscaling_group" "gpu" {
  count = var.enable_gpu_capacity ? 1 : 0

  name_prefix           = "${var.name}-gpu-"
  min_size              = var.gpu_min_size
  max_size              = var.gpu_max_size
  vpc_zone_identifier   = var.private_subnet_ids
  protect_from_scale_in = true

  launch_template {
    id      = aws_launch_template.gpu[0].id
    version = "$Latest"
  }

  tag {
    key                 = "AmazonECSManaged"
    value               = "true"
    propagate_at_launch = true
  }

  lifecycle {
    ignore_changes = [desired_capacity]
  }
}

resource "aws_ecs_capacity_provider" "gpu" {
  count = var.enable_gpu_capacity ? 1 : 0

  name = "${var.name}-gpu"
  tags = var.tags

  auto_scaling_group_provider {
    auto_scaling_group_arn         = aws_autoscaling_group.gpu[0].arn
    managed_termination_protection = "ENABLED"

    managed_scaling {
      status          = "ENABLED"
      target_capacity = 100
    }
  }
}

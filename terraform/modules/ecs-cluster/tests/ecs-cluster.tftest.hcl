mock_provider "aws" {
  mock_data "aws_iam_policy_document" {
    defaults = { json = "{}" }
  }
  mock_data "aws_partition" {
    defaults = { partition = "aws" }
  }
  mock_data "aws_ssm_parameter" {
    defaults = { value = "ami-0123456789abcdef0" }
  }
}

variables {
  name                      = "indigenious-test"
  vpc_id                    = "vpc-0123456789abcdef0"
  vpc_cidr                  = "10.1.0.0/16"
  private_subnet_ids        = ["subnet-a", "subnet-b", "subnet-c"]
  service_connect_namespace = "indigenious-test.local"
}

run "fargate_and_spot_with_insights" {
  command = plan

  assert {
    condition     = toset(aws_ecs_cluster_capacity_providers.this.capacity_providers) == toset(["FARGATE", "FARGATE_SPOT"])
    error_message = "the cluster should offer Fargate and Fargate Spot"
  }

  assert {
    condition     = one([for s in aws_ecs_cluster.this.setting : s.value if s.name == "containerInsights"]) == "enabled"
    error_message = "Container Insights should be on"
  }

  assert {
    condition     = aws_service_discovery_http_namespace.this.name == "indigenious-test.local"
    error_message = "the Service Connect namespace should be the one given"
  }

  assert {
    condition     = length(aws_ecs_capacity_provider.gpu) == 0
    error_message = "no GPU capacity unless asked for"
  }
}

run "optional_gpu_capacity" {
  command = plan

  variables {
    enable_gpu_capacity = true
  }

  assert {
    condition     = length(aws_ecs_capacity_provider.gpu) == 1 && aws_launch_template.gpu[0].metadata_options[0].http_tokens == "required"
    error_message = "GPU capacity should add an EC2 capacity provider with IMDSv2"
  }

  assert {
    condition     = aws_autoscaling_group.gpu[0].min_size == 0
    error_message = "GPU instances should scale to zero when idle"
  }

  assert {
    condition     = strcontains(base64decode(aws_launch_template.gpu[0].user_data), "ECS_AWSVPC_BLOCK_IMDS=true") && strcontains(base64decode(aws_launch_template.gpu[0].user_data), "ECS_CLUSTER=indigenious-test")
    error_message = "GPU hosts should keep awsvpc tasks away from the instance metadata (and its role)"
  }

  assert {
    condition     = aws_iam_role_policy_attachment.gpu_instance_ecs[0].policy_arn == "arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role"
    error_message = "managed policy ARNs should use the partition"
  }
}

variable "name" {
  type        = string
  description = "Service name, as in the catalog (e.g. indigenious-auth-service)."
}

variable "tier" {
  type        = number
  description = "Catalog tier. Tier 1 never runs on Fargate Spot; the Spot share grows with the tier (see capacity_provider_strategy in main.tf)."
}

variable "cluster_arn" {
  type        = string
  description = "ARN of the ECS cluster."
}

variable "cluster_name" {
  type        = string
  description = "Name of the ECS cluster (for autoscaling and log group names)."
}

variable "vpc_id" {
  type        = string
  description = "VPC of the service's security group."
}

variable "subnet_ids" {
  type        = list(string)
  description = "Private subnets the tasks run in."
}

variable "image" {
  type        = string
  description = "Image of the first task definition only: ecs-deploy registers new revisions with new images, and Terraform ignores them."
}

variable "ecr_repository_arns" {
  type        = list(string)
  description = "ECR repositories the execution role may pull images from (the service's own, from the ecr module); empty for an image outside ECR."
  default     = []
}

variable "container_name" {
  type        = string
  description = "Name of the application container (ecs-deploy replaces its image)."
}

variable "container_port" {
  type        = number
  description = "Port the container listens on; null for a worker without a port."
  default     = null
}

variable "cpu" {
  type        = number
  description = "Task CPU units (256 = 0.25 vCPU)."
  default     = 256
}

variable "memory" {
  type        = number
  description = "Task memory in MiB (a size Fargate accepts for the CPU)."
  default     = 512
}

variable "desired_count" {
  type        = number
  description = "Tasks at creation; afterwards autoscaling owns the count."
  default     = 1
}

variable "min_capacity" {
  type        = number
  description = "Fewest tasks autoscaling keeps."
  default     = 1
}

variable "max_capacity" {
  type        = number
  description = "Most tasks autoscaling runs."
  default     = 10
}

variable "cpu_target" {
  type        = number
  description = "Average CPU utilisation (%) target tracking aims for."
  default     = 70
}

variable "memory_target" {
  type        = number
  description = "Average memory utilisation (%) target tracking aims for."
  default     = 80
}

variable "spot" {
  type        = bool
  description = "Run part of the tasks on Fargate Spot (ignored in tier 1 and on GPU capacity)."
  default     = false
}

variable "on_demand_base" {
  type        = number
  description = "Tasks that always run on on-demand Fargate before Spot takes a share, so a Spot interruption never takes the service down."
  default     = 1
}

variable "capacity" {
  type        = string
  description = "fargate, or ec2-gpu for services that need a GPU (placed on the cluster's GPU capacity provider)."
  default     = "fargate"

  validation {
    condition     = contains(["fargate", "ec2-gpu"], var.capacity)
    error_message = "capacity must be fargate or ec2-gpu."
  }
}

variable "gpu" {
  type        = number
  description = "GPUs per task (capacity ec2-gpu only)."
  default     = 0
}

variable "gpu_capacity_provider_name" {
  type        = string
  description = "The cluster's GPU capacity provider (ecs-cluster output), required when capacity is ec2-gpu."
  default     = null
}

variable "schedule" {
  type        = string
  description = "always, or business-hours: scale to zero outside business_hours."
  default     = "always"

  validation {
    condition     = contains(["always", "business-hours"], var.schedule)
    error_message = "schedule must be always or business-hours."
  }
}

variable "business_hours" {
  type = object({
    timezone = string
    start    = string
    end      = string
    days     = list(string)
  })
  description = "When a business-hours service runs: HH:MM start and end in the timezone, on the given days (mon..sun)."
  default     = { timezone = "UTC", start = "08:00", end = "18:00", days = ["mon", "tue", "wed", "thu", "fri"] }
}

variable "public" {
  type        = bool
  description = "The service sits behind the ALB (target_group_arn is then required)."
  default     = false
}

variable "target_group_arn" {
  type        = string
  description = "ALB target group of the service (alb output), when public."
  default     = null
}

variable "listener_rule_arn" {
  type        = string
  description = "The ALB listener rule that forwards to target_group_arn (alb output listener_rule_arns), when public: the service is created only after it, because ECS refuses a target group no listener uses."
  default     = null
}

variable "alb_security_group_id" {
  type        = string
  description = "The ALB's security group: the only source admitted from outside the cluster."
}

variable "allow_service_connect_ingress" {
  type        = bool
  description = "Admit calls from other services through Service Connect (set for services others depend on)."
  default     = false
}

variable "service_connect_client_security_group_id" {
  type        = string
  description = "The cluster's service-connect client group (ecs-cluster output): tasks join it, and services admit Service Connect calls from it."
}

variable "service_connect_namespace_arn" {
  type        = string
  description = "Cloud Map namespace of Service Connect (ecs-cluster output)."
}

variable "health_check_grace_period_seconds" {
  type        = number
  description = "Seconds ECS ignores failing ALB health checks after a task starts."
  default     = 60
}

variable "environment" {
  type        = map(string)
  description = "Plain environment variables of the container."
  default     = {}
}

variable "secrets" {
  type        = map(string)
  description = "Secret environment variables: name -> Secrets Manager secret ARN or SSM Parameter Store parameter (ARN or /name). Only these are readable by the task's execution role."
  default     = {}
}

variable "ssm_prefix" {
  type        = string
  description = "Parameter Store path of the environment's configuration (e.g. /indigenious/dev): the task role may read the parameters under it, and no others. null grants no Parameter Store access."
  default     = null

  validation {
    condition     = var.ssm_prefix == null || can(regex("^(/[A-Za-z0-9_.-]+)+$", var.ssm_prefix))
    error_message = "ssm_prefix must be a Parameter Store path such as /indigenious/dev (leading slash, no trailing slash)."
  }
}

variable "log_group_name" {
  type        = string
  description = "CloudWatch log group of the service."
}

variable "log_retention_days" {
  type        = number
  description = "Days to keep the service's logs."
  default     = 30
}

variable "kms_key_arn" {
  type        = string
  description = "Customer-managed KMS key for the log group; null uses CloudWatch Logs' own encryption. The key policy must let logs.REGION.amazonaws.com use it."
  default     = null
}

variable "deployment_alarm_names" {
  type        = list(string)
  description = "CloudWatch alarms that roll a deployment back when they fire (monitoring output)."
  default     = []
}

variable "enable_xray" {
  type        = bool
  description = "Run the X-Ray daemon as a sidecar so the service can send traces."
  default     = true
}

variable "assign_public_ip" {
  type        = bool
  description = "Give tasks public IPs (never needed in private subnets with NAT)."
  default     = false
}

variable "tags" {
  type        = map(string)
  description = "Tags added to every resource."
  default     = {}
}

variable "name" {
  type        = string
  description = "Cluster name, e.g. indigenious-dev (the catalog environment's cluster)."
}

variable "vpc_id" {
  type        = string
  description = "VPC of the cluster's security groups."
}

variable "vpc_cidr" {
  type        = string
  description = "CIDR of the VPC: where service-connect clients may send traffic."
}

variable "private_subnet_ids" {
  type        = list(string)
  description = "Private subnets for the GPU instances (when enable_gpu_capacity is true)."
  default     = []
}

variable "service_connect_namespace" {
  type        = string
  description = "Cloud Map namespace services find each other in through Service Connect, e.g. indigenious-dev.local."
}

variable "container_insights" {
  type        = string
  description = "Container Insights level: enhanced, enabled or disabled."
  default     = "enabled"

  validation {
    condition     = contains(["enhanced", "enabled", "disabled"], var.container_insights)
    error_message = "container_insights must be enhanced, enabled or disabled."
  }
}

variable "enable_gpu_capacity" {
  type        = bool
  description = "Add an EC2 capacity provider with GPU instances (Fargate has no GPUs): for services with capacity ec2-gpu, such as the AI orchestrator."
  default     = false
}

variable "gpu_instance_type" {
  type        = string
  description = "Instance type of the GPU capacity provider."
  default     = "g5.xlarge"
}

variable "gpu_min_size" {
  type        = number
  description = "Fewest GPU instances; 0 lets managed scaling stop them all when no GPU task runs."
  default     = 0
}

variable "gpu_max_size" {
  type        = number
  description = "Most GPU instances."
  default     = 2
}

variable "gpu_ami_parameter" {
  type        = string
  description = "SSM parameter holding the ECS-optimized GPU AMI."
  default     = "/aws/service/ecs/optimized-ami/amazon-linux-2023/gpu/recommended/image_id"
}

variable "tags" {
  type        = map(string)
  description = "Tags added to every resource."
  default     = {}
}

variable "name" {
  type        = string
  description = "Replication group prefix, e.g. indigenious-dev."
}

variable "vpc_id" {
  type        = string
  description = "VPC of the cache's security group."
}

variable "subnet_ids" {
  type        = list(string)
  description = "Private subnets of the cache nodes."
}

variable "clients" {
  type        = set(string)
  description = "Names of the services that depend on the cache: each gets its own IAM-authenticated Redis user."
  default     = []
}

variable "client_identities" {
  type = map(object({
    security_group_id = string
    task_role_name    = string
  }))
  description = "Security group and task role of each client, by service name (every name in clients): the group is admitted on 6379 and only that role may connect as the service's user. Separate from clients so the user names are known before the services exist (the services are told their user names)."
  default     = {}
}

variable "client_access_string" {
  type        = string
  description = "Redis ACL of each service's user (keys, channels and commands it may use)."
  default     = "on ~* &* +@all"
}

variable "engine_version" {
  type        = string
  description = "Redis engine version: 7.0 or later (IAM authentication)."
  default     = "7.1"

  validation {
    condition     = try(tonumber(split(".", var.engine_version)[0]) >= 7, false)
    error_message = "engine_version must be 7.0 or later: IAM authentication needs Redis 7."
  }
}

variable "node_type" {
  type        = string
  description = "Cache node type."
  default     = "cache.t4g.small"
}

variable "num_cache_clusters" {
  type        = number
  description = "Nodes: a primary plus replicas. 2 or more enables automatic failover and Multi-AZ."
  default     = 2
}

variable "snapshot_retention_days" {
  type        = number
  description = "Days of daily snapshots (0 turns them off)."
  default     = 7
}

variable "kms_key_arn" {
  type        = string
  description = "Customer-managed KMS key for encryption at rest; null uses the AWS-managed key. Data is encrypted at rest and in transit either way. Set it before the group exists: changing it replaces the group."
  default     = null
}

variable "log_kms_key_arn" {
  type        = string
  description = "Customer-managed KMS key of the slow-log log group; null uses CloudWatch Logs' own encryption. The key policy must let logs.REGION.amazonaws.com use it."
  default     = null
}

variable "log_retention_days" {
  type        = number
  description = "Days to keep the slow log in CloudWatch Logs."
  default     = 30
}

variable "final_snapshot_identifier" {
  type        = string
  description = "Name of the snapshot taken when the replication group is destroyed; null names it NAME-redis-final-CREATIONTIME (set at creation, so every group leaves a snapshot of its own)."
  default     = null
}

variable "tags" {
  type        = map(string)
  description = "Tags added to every resource."
  default     = {}
}

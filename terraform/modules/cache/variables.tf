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

variable "allowed_security_group_ids" {
  type        = list(string)
  description = "Security groups admitted on the Redis port (the services that depend on the cache)."
  default     = []
}

variable "engine_version" {
  type        = string
  description = "Redis engine version."
  default     = "7.1"
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
  description = "KMS key for encryption at rest; null uses the AWS-managed key. Data is encrypted at rest and in transit either way."
  default     = null
}

variable "tags" {
  type        = map(string)
  description = "Tags added to every resource."
  default     = {}
}

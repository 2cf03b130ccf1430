variable "name" {
  type        = string
  description = "Cluster identifier prefix, e.g. indigenious-dev."
}

variable "vpc_id" {
  type        = string
  description = "VPC of the database's security group."
}

variable "subnet_ids" {
  type        = list(string)
  description = "Private subnets of the database, at least two zones."
}

variable "clients" {
  type        = set(string)
  description = "Names of the services that depend on the database: each connects as its own PostgreSQL user (IAM authentication), the service name with underscores."
  default     = []
}

variable "client_identities" {
  type = map(object({
    security_group_id = string
    task_role_name    = string
  }))
  description = "Security group and task role of each client, by service name (every name in clients): the group is admitted on 5432 and the role may connect as the service's user. Separate from clients so the user names are known before the services exist (the services are told their user names)."
  default     = {}
}

variable "engine_version" {
  type        = string
  description = "Aurora PostgreSQL major version (one that supports Serverless v2). Minor versions are applied by RDS (auto minor version upgrade); a pinned minor would show as drift after each upgrade."
  default     = "16"

  validation {
    condition     = can(regex("^\\d+$", var.engine_version))
    error_message = "engine_version is a major version such as 16: RDS applies minor versions itself."
  }
}

variable "database_name" {
  type        = string
  description = "Name of the initial database."
  default     = "platform"
}

variable "master_username" {
  type        = string
  description = "Master user; its password is generated and rotated by RDS in Secrets Manager, never in Terraform state."
  default     = "platform_admin"
}

variable "min_capacity" {
  type        = number
  description = "Fewest Aurora capacity units (ACUs) per instance; 0 lets an idle cluster pause (dev)."
  default     = 0.5
}

variable "max_capacity" {
  type        = number
  description = "Most Aurora capacity units (ACUs) per instance."
  default     = 8
}

variable "instance_count" {
  type        = number
  description = "Serverless v2 instances: 1 writer plus readers in other zones (2 or more in production for failover)."
  default     = 2
}

variable "backup_retention_days" {
  type        = number
  description = "Days of automated backups (point-in-time recovery window)."
  default     = 7
}

variable "preferred_backup_window" {
  type        = string
  description = "Daily UTC window for automated backups."
  default     = "07:00-08:00"
}

variable "deletion_protection" {
  type        = bool
  description = "Refuse to delete the cluster (always true in production)."
  default     = true
}

variable "kms_key_arn" {
  type        = string
  description = "Customer-managed KMS key for storage, Performance Insights and the master user secret; null uses the AWS-managed keys. Encrypted either way. Set it before the cluster exists: changing it replaces the cluster."
  default     = null
}

variable "final_snapshot_identifier" {
  type        = string
  description = "Name of the snapshot taken when the cluster is destroyed; null names it NAME-aurora-final-CREATIONTIME (set when the cluster is created, so every cluster leaves a snapshot of its own)."
  default     = null
}

variable "tags" {
  type        = map(string)
  description = "Tags added to every resource."
  default     = {}
}

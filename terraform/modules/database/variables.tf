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

variable "allowed_security_group_ids" {
  type        = list(string)
  description = "Security groups admitted on the database port (the services that depend on the database)."
  default     = []
}

variable "engine_version" {
  type        = string
  description = "Aurora PostgreSQL version (one that supports Serverless v2)."
  default     = "16.4"
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
  description = "KMS key for storage encryption; null uses the AWS-managed RDS key. Storage is encrypted either way."
  default     = null
}

variable "tags" {
  type        = map(string)
  description = "Tags added to every resource."
  default     = {}
}

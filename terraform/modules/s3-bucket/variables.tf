variable "name" {
  type        = string
  description = "Bucket name, unique across AWS (the roots use PLATFORM-ENV-PURPOSE-ACCOUNT, e.g. indigenious-dev-documents-111111111111)."

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", var.name))
    error_message = "name must be a valid S3 bucket name: 3 to 63 lowercase letters, digits, dots and hyphens."
  }
}

variable "kms_key_arn" {
  type        = string
  description = "Customer-managed KMS key for objects (SSE-KMS with a bucket key); null uses S3-managed AES-256 (SSE-S3). Objects are encrypted either way. ALB access logs need SSE-S3."
  default     = null
}

variable "clients" {
  type        = map(string)
  description = "Roles that read and write objects, by service name -> IAM role name (the services whose catalog dependsOn names the bucket). Each gets its own inline policy on this bucket only."
  default     = {}
}

variable "additional_policy_json" {
  type        = string
  description = "A policy document merged into the bucket policy after the TLS-only statement (e.g. ALB log delivery)."
  default     = null
}

variable "noncurrent_version_days" {
  type        = number
  description = "Days to keep overwritten or deleted object versions (recovery window)."
  default     = 90
}

variable "expiration_days" {
  type        = number
  description = "Days after which current objects expire (logs); null keeps them."
  default     = null
}

variable "force_destroy" {
  type        = bool
  description = "Let Terraform delete the bucket with its objects (dev only); otherwise a non-empty bucket cannot be destroyed."
  default     = false
}

variable "tags" {
  type        = map(string)
  description = "Tags added to every resource."
  default     = {}
}

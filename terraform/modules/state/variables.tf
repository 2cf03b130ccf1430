variable "bucket_name" {
  type        = string
  description = "Name of the state bucket (the catalog environments' terraform.stateBucket)."
}

variable "kms_key_arn" {
  type        = string
  description = "KMS key for the state objects; null uses S3-managed AES-256. State is encrypted either way."
  default     = null
}

variable "noncurrent_version_days" {
  type        = number
  description = "Days to keep old state versions (for recovering a bad apply)."
  default     = 90
}

variable "tags" {
  type        = map(string)
  description = "Tags added to every resource."
  default     = {}
}

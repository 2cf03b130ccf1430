variable "repositories" {
  type        = set(string)
  description = "Repository names, one per service (the catalog's ecr.repository, default PLATFORM/SERVICE)."
}

variable "image_tag_mutability" {
  type        = string
  description = "IMMUTABLE: a pushed tag never changes, so a deployed commit's image is the image that was tested."
  default     = "IMMUTABLE"

  validation {
    condition     = contains(["IMMUTABLE", "MUTABLE"], var.image_tag_mutability)
    error_message = "image_tag_mutability must be IMMUTABLE or MUTABLE."
  }
}

variable "create_cache_repositories" {
  type        = bool
  description = "Create a MUTABLE REPOSITORY-cache repository beside each repository for build-push's registry layer cache (its buildcache tag is rewritten by every build, which the IMMUTABLE image repository refuses)."
  default     = true
}

variable "scan_on_push" {
  type        = bool
  description = "Scan each pushed image for vulnerabilities."
  default     = true
}

variable "keep_tagged_images" {
  type        = number
  description = "How many tagged images each repository keeps (older ones expire; rollbacks reach this far)."
  default     = 50
}

variable "untagged_expire_days" {
  type        = number
  description = "Days after which untagged images (superseded layers, failed pushes) expire."
  default     = 7
}

variable "kms_key_arn" {
  type        = string
  description = "KMS key to encrypt images with; null uses AES-256 managed by ECR."
  default     = null
}

variable "tags" {
  type        = map(string)
  description = "Tags added to every resource."
  default     = {}
}

variable "replication_destinations" {
  type = list(object({
    account_id = string
    region     = string
  }))
  description = "Registries every pushed image is copied to with the same digest (the environments promoted to from this one, in other accounts or regions). Production's tasks then pull a promoted image from their own account."
  default     = []

  validation {
    condition     = alltrue([for d in var.replication_destinations : can(regex("^\\d{12}$", d.account_id)) && can(regex("^[a-z]{2}(-gov)?-[a-z]+-\\d$", d.region))])
    error_message = "Each replication destination needs a 12-digit account_id and an AWS region such as ca-central-1."
  }
  validation {
    condition     = length(var.replication_destinations) <= 25
    error_message = "ECR replicates to at most 25 destinations per registry."
  }
}

variable "replication_source_accounts" {
  type        = list(string)
  description = "Accounts allowed to replicate their images into this registry (the environment this one is promoted from, when it is in another account). Nothing else is granted."
  default     = []

  validation {
    condition     = alltrue([for a in var.replication_source_accounts : can(regex("^\\d{12}$", a))])
    error_message = "replication_source_accounts holds 12-digit AWS account IDs."
  }
}

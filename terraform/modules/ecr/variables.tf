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

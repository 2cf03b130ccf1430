variable "platform" {
  type        = string
  description = "Platform name (the catalog's platform): prefixes the role names."
}

variable "environments" {
  type        = list(string)
  description = "Catalog environments that live in this account: each gets a build role and a deploy role."

  validation {
    condition     = length(var.environments) > 0 && alltrue([for e in var.environments : can(regex("^[a-z][a-z0-9-]{0,30}$", e))])
    error_message = "environments must name at least one environment (lower case, letters, digits and hyphens, up to 31 characters)."
  }
}

variable "repository" {
  type        = string
  description = "The platform repository whose workflows may assume the roles, OWNER/NAME."

  validation {
    condition     = can(regex("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$", var.repository))
    error_message = "repository must be OWNER/NAME."
  }
}

variable "workflow_repository" {
  type        = string
  description = "The repository holding the reusable workflows (job_workflow_ref), OWNER/NAME: tierdeploy's own, or your fork."
  default     = "tierdeploy/tierdeploy"
}

variable "state_bucket_arn" {
  type        = string
  description = "This account's state bucket: the build role reads state and holds the lock, the deploy role writes state."
}

variable "create_oidc_provider" {
  type        = bool
  description = "Create the account's GitHub OIDC provider (token.actions.githubusercontent.com); false when it exists already."
  default     = true
}

variable "deploy_managed_policies" {
  type        = list(string)
  description = "AWS managed policies (names) of the deploy role, which applies Terraform and deploys services. Narrow them (and set a permissions boundary) to what your modules create."
  default     = ["AdministratorAccess"]
}

variable "permissions_boundary_arn" {
  type        = string
  description = "Permissions boundary for both roles; null for none."
  default     = null
}

variable "max_session_duration" {
  type        = number
  description = "Longest session (seconds) the roles allow: at least the workflows' role-duration-seconds (10800)."
  default     = 10800

  validation {
    condition     = var.max_session_duration >= 3600 && var.max_session_duration <= 43200
    error_message = "max_session_duration must be 3600 to 43200 seconds."
  }
}

variable "tags" {
  type        = map(string)
  description = "Tags added to every resource."
  default     = {}
}

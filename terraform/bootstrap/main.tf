# Bootstraps ONE account (run it once in each account that holds environments: dev, staging and production are three):
# the account's own state bucket, its GitHub OIDC provider, and per environment a build role (plan and builds, before
# the approval) and a deploy role (apply and deploys, after it). State never crosses accounts: dev's roles cannot read
# production's state (which would hold production's secrets if a module ever put one there), because it is in another
# account's bucket that grants nothing outside its account.
#
# Run with local state first (the bucket cannot hold the state that creates it), then move it into the bucket:
#   terraform apply -var-file=accounts/production.tfvars
#   (add a backend "s3" block with key bootstrap/terraform.tfstate) terraform init -migrate-state
terraform {
  required_version = ">= 1.10"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.60, < 6.0"
    }
  }
}

variable "platform" {
  type        = string
  description = "The catalog's platform name: prefixes the bucket and role names."
  default     = "indigenious"
}

variable "account_id" {
  type        = string
  description = "The account being bootstrapped; the provider refuses credentials of any other."

  validation {
    condition     = can(regex("^\\d{12}$", var.account_id))
    error_message = "account_id must be a 12-digit AWS account ID."
  }
}

variable "region" {
  type        = string
  description = "Region of the state bucket (the environments' region)."
  default     = "ca-central-1"
}

variable "environments" {
  type        = list(string)
  description = "Catalog environments in this account (their environment files name this account)."
}

variable "repository" {
  type        = string
  description = "The platform repository whose workflows deploy here, OWNER/NAME."
}

variable "workflow_repository" {
  type        = string
  description = "Where the reusable workflows live (job_workflow_ref), OWNER/NAME."
  default     = "tierdeploy/tierdeploy"
}

variable "create_oidc_provider" {
  type        = bool
  description = "false when the account already has the token.actions.githubusercontent.com provider."
  default     = true
}

provider "aws" {
  region              = var.region
  allowed_account_ids = [var.account_id]
}

locals {
  # One bucket per account; the account in the name keeps it unique and says whose state it holds.
  state_bucket = "${var.platform}-tfstate-${var.account_id}"
}

module "state" {
  source = "../modules/state"

  bucket_name = local.state_bucket
}

module "github_oidc" {
  source = "../modules/github-oidc"

  platform             = var.platform
  environments         = var.environments
  repository           = var.repository
  workflow_repository  = var.workflow_repository
  state_bucket_arn     = module.state.bucket_arn
  create_oidc_provider = var.create_oidc_provider
}

output "backend_config" {
  description = "Per environment, what its backend \"s3\" block (terraform/environments/ENV/backend.tf) and its catalog terraform settings use."
  value       = { for e in var.environments : e => { bucket = local.state_bucket, key = "${e}/terraform.tfstate", region = var.region, encrypt = true, use_lockfile = true } }
}

output "roles" {
  description = "Per environment, the roles its environment file names: roleArn (deploy) and buildRoleArn (build)."
  value       = { for e in var.environments : e => { roleArn = module.github_oidc.deploy_role_arns[e], buildRoleArn = module.github_oidc.build_role_arns[e] } }
}

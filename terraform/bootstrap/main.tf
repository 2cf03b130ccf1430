# Creates the state bucket the environment roots keep their state in. Run once per organisation with local state
# (the bucket cannot hold the state that creates it), then keep terraform.tfstate of this root somewhere safe or
# migrate it into the bucket with a backend "s3" block and `terraform init -migrate-state`.
terraform {
  required_version = ">= 1.10"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.60, < 6.0"
    }
  }
}

variable "region" {
  type        = string
  description = "Region of the state bucket (the catalog environments' region)."
  default     = "ca-central-1"
}

variable "bucket_name" {
  type        = string
  description = "State bucket name; the catalog environments' terraform.stateBucket."
  default     = "indigenious-terraform-state"
}

provider "aws" {
  region = var.region
}

module "state" {
  source = "../modules/state"

  bucket_name = var.bucket_name
}

output "backend_config" {
  description = "What the environments' backend \"s3\" blocks use."
  value       = module.state.backend_config
}

mock_provider "aws" {
  mock_data "aws_availability_zones" {
    defaults = { names = ["ca-central-1a", "ca-central-1b", "ca-central-1d"] }
  }
  mock_data "aws_region" {
    defaults = { name = "ca-central-1" }
  }
  mock_data "aws_caller_identity" {
    defaults = { account_id = "111111111111" }
  }
  mock_data "aws_partition" {
    defaults = { partition = "aws" }
  }
  mock_data "aws_iam_policy_document" {
    defaults = { json = "{}" }
  }
  mock_data "aws_acm_certificate" {
    defaults = { arn = "arn:aws:acm:ca-central-1:111111111111:certificate/00000000-0000-0000-0000-000000000000" }
  }
  mock_data "aws_ssm_parameter" {
    defaults = { value = "ami-0123456789abcdef0" }
  }
}

mock_provider "aws" {
  alias = "us_east_1"

  mock_data "aws_acm_certificate" {
    defaults = { arn = "arn:aws:acm:us-east-1:111111111111:certificate/11111111-1111-1111-1111-111111111111" }
  }
}

# The variables of a real plan of staging: its catalog-generated values (terraform-apply passes the same file with -var-file).
variables {
  environment                    = jsondecode(file("../environments/staging/catalog.tfvars.json")).environment
  platform                       = jsondecode(file("../environments/staging/catalog.tfvars.json")).platform
  account_id                     = jsondecode(file("../environments/staging/catalog.tfvars.json")).account_id
  region                         = jsondecode(file("../environments/staging/catalog.tfvars.json")).region
  domain                         = jsondecode(file("../environments/staging/catalog.tfvars.json")).domain
  cluster_name                   = jsondecode(file("../environments/staging/catalog.tfvars.json")).cluster_name
  vpc_cidr                       = jsondecode(file("../environments/staging/catalog.tfvars.json")).vpc_cidr
  nat_gateway_mode               = jsondecode(file("../environments/staging/catalog.tfvars.json")).nat_gateway_mode
  service_connect_namespace      = jsondecode(file("../environments/staging/catalog.tfvars.json")).service_connect_namespace
  log_group_prefix               = jsondecode(file("../environments/staging/catalog.tfvars.json")).log_group_prefix
  ssm_prefix                     = jsondecode(file("../environments/staging/catalog.tfvars.json")).ssm_prefix
  business_hours                 = jsondecode(file("../environments/staging/catalog.tfvars.json")).business_hours
  ecr_repositories               = jsondecode(file("../environments/staging/catalog.tfvars.json")).ecr_repositories
  image_replication_destinations = jsondecode(file("../environments/staging/catalog.tfvars.json")).image_replication_destinations
  image_replication_sources      = jsondecode(file("../environments/staging/catalog.tfvars.json")).image_replication_sources
  services                       = jsondecode(file("../environments/staging/catalog.tfvars.json")).services
}

run "staging_follows_the_catalog" {
  command = plan

  assert {
    condition     = var.vpc_cidr == "10.2.0.0/16" && var.environment == "staging"
    error_message = "staging should use 10.2.0.0/16"
  }

  assert {
    condition     = length(module.service) == length(var.services)
    error_message = "every catalog service should become an ECS service"
  }
}

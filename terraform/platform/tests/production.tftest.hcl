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

# The variables of a real plan of production: its catalog-generated values (terraform-apply passes the same file with -var-file).
variables {
  environment                    = jsondecode(file("../environments/production/catalog.tfvars.json")).environment
  platform                       = jsondecode(file("../environments/production/catalog.tfvars.json")).platform
  account_id                     = jsondecode(file("../environments/production/catalog.tfvars.json")).account_id
  region                         = jsondecode(file("../environments/production/catalog.tfvars.json")).region
  domain                         = jsondecode(file("../environments/production/catalog.tfvars.json")).domain
  cluster_name                   = jsondecode(file("../environments/production/catalog.tfvars.json")).cluster_name
  vpc_cidr                       = jsondecode(file("../environments/production/catalog.tfvars.json")).vpc_cidr
  nat_gateway_mode               = jsondecode(file("../environments/production/catalog.tfvars.json")).nat_gateway_mode
  service_connect_namespace      = jsondecode(file("../environments/production/catalog.tfvars.json")).service_connect_namespace
  log_group_prefix               = jsondecode(file("../environments/production/catalog.tfvars.json")).log_group_prefix
  ssm_prefix                     = jsondecode(file("../environments/production/catalog.tfvars.json")).ssm_prefix
  business_hours                 = jsondecode(file("../environments/production/catalog.tfvars.json")).business_hours
  ecr_repositories               = jsondecode(file("../environments/production/catalog.tfvars.json")).ecr_repositories
  image_replication_destinations = jsondecode(file("../environments/production/catalog.tfvars.json")).image_replication_destinations
  image_replication_sources      = jsondecode(file("../environments/production/catalog.tfvars.json")).image_replication_sources
  services                       = jsondecode(file("../environments/production/catalog.tfvars.json")).services
}

run "production_is_protected_and_redundant" {
  command = plan

  assert {
    condition     = var.vpc_cidr == "10.0.0.0/16" && var.nat_gateway_mode == "per-az"
    error_message = "production should use 10.0.0.0/16 with a NAT gateway per zone"
  }

  assert {
    condition     = alltrue([for k, s in var.services : s.desired_count >= 2 && s.min_capacity >= 2])
    error_message = "production should run at least two replicas per service"
  }

  assert {
    condition     = local.settings.deletion_protection && local.settings.database_instances >= 2
    error_message = "production should protect stateful resources and keep a database reader"
  }

  assert {
    condition     = local.settings.enable_cloudfront && local.settings.alb_access_logs && startswith(output.alb_access_logs_bucket, "indigenious-production-alb-logs-")
    error_message = "production should serve through CloudFront and keep ALB access logs"
  }

  assert {
    condition     = one(data.aws_acm_certificate.cloudfront).domain == "indigenious.example"
    error_message = "without a zone, CloudFront should serve the issued us-east-1 certificate of the environment's domain"
  }

  assert {
    condition     = output.documents_bucket_name == "indigenious-production-documents-333333333333"
    error_message = "production documents should live in the account's own documents bucket"
  }

  assert {
    condition     = !contains(keys(var.services), "indigenious-blockchain-service")
    error_message = "optional services not enabled for production should not be created"
  }
}

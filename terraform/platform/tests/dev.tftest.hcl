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

# The variables of a real plan of dev: its catalog-generated values (terraform-apply passes the same file with -var-file).
variables {
  environment                    = jsondecode(file("../environments/dev/catalog.tfvars.json")).environment
  platform                       = jsondecode(file("../environments/dev/catalog.tfvars.json")).platform
  account_id                     = jsondecode(file("../environments/dev/catalog.tfvars.json")).account_id
  region                         = jsondecode(file("../environments/dev/catalog.tfvars.json")).region
  domain                         = jsondecode(file("../environments/dev/catalog.tfvars.json")).domain
  cluster_name                   = jsondecode(file("../environments/dev/catalog.tfvars.json")).cluster_name
  vpc_cidr                       = jsondecode(file("../environments/dev/catalog.tfvars.json")).vpc_cidr
  nat_gateway_mode               = jsondecode(file("../environments/dev/catalog.tfvars.json")).nat_gateway_mode
  service_connect_namespace      = jsondecode(file("../environments/dev/catalog.tfvars.json")).service_connect_namespace
  log_group_prefix               = jsondecode(file("../environments/dev/catalog.tfvars.json")).log_group_prefix
  ssm_prefix                     = jsondecode(file("../environments/dev/catalog.tfvars.json")).ssm_prefix
  business_hours                 = jsondecode(file("../environments/dev/catalog.tfvars.json")).business_hours
  ecr_repositories               = jsondecode(file("../environments/dev/catalog.tfvars.json")).ecr_repositories
  image_replication_destinations = jsondecode(file("../environments/dev/catalog.tfvars.json")).image_replication_destinations
  image_replication_sources      = jsondecode(file("../environments/dev/catalog.tfvars.json")).image_replication_sources
  services                       = jsondecode(file("../environments/dev/catalog.tfvars.json")).services
}

run "dev_is_small_and_disposable" {
  command = plan

  assert {
    condition     = var.vpc_cidr == "10.1.0.0/16" && var.nat_gateway_mode == "single"
    error_message = "dev should use 10.1.0.0/16 with one NAT gateway"
  }

  assert {
    condition     = alltrue([for k, s in var.services : s.desired_count <= 1])
    error_message = "dev should run one replica per service"
  }

  assert {
    condition     = !local.settings.deletion_protection
    error_message = "dev resources should be deletable"
  }

  assert {
    condition     = jsonencode(local.data_store_environment["indigenious-auth-service"]) == jsonencode({ DATABASE_USER = "indigenious_auth_service", REDIS_USER = module.cache.users["indigenious-auth-service"] }) && length(local.data_store_environment["indigenious-chat-service"]) == 0
    error_message = "a service that depends on the database and the cache should be told its own users, and get no credentials"
  }

  assert {
    condition     = local.documents_clients == tolist(["indigenious-ai-orchestrator-service", "indigenious-document-service"]) && jsonencode(local.data_store_environment["indigenious-document-service"]) == jsonencode({ DOCUMENTS_BUCKET = "indigenious-dev-documents-111111111111" })
    error_message = "only the services that depend on s3-documents should get the documents bucket"
  }

  assert {
    condition     = output.unprovisioned_dependencies == tolist(["indigenious-shared-libs", "websocket-api"])
    error_message = "the root should say which dependencies it does not provision (websocket-api, and the shared library)"
  }

  assert {
    condition     = !local.settings.alb_access_logs && output.alb_access_logs_bucket == null
    error_message = "dev should not keep ALB access logs"
  }

  assert {
    condition     = contains(local.database_clients, "indigenious-auth-service") && !contains(local.database_clients, "indigenious-chat-service")
    error_message = "only services that depend on rds-aurora should reach the database"
  }

  assert {
    condition     = local.needs_gpu
    error_message = "the AI orchestrator's ec2-gpu capacity should add the GPU capacity provider"
  }
}

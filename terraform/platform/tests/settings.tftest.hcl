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

# One root serves every environment: an environment settings.tf does not know is refused by name, and one that passes
# its own settings is planned with them.
variables {
  environment                    = "qa"
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

run "an_environment_without_settings_is_refused" {
  command = plan

  expect_failures = [var.settings]
}

run "an_environment_may_bring_its_own_settings" {
  command = plan

  variables {
    settings = {
      deletion_protection   = true
      enable_cloudfront     = false
      container_insights    = "disabled"
      log_retention_days    = 7
      backup_retention_days = 1
      database_instances    = 1
      database_min_acu      = 0.5
      database_max_acu      = 1
      cache_node_type       = "cache.t4g.micro"
      cache_nodes           = 1
      gpu_max_size          = 0
      bootstrap_image_tag   = "bootstrap"
      alb_access_logs       = false
    }
  }

  assert {
    condition     = local.settings.deletion_protection && local.settings.log_retention_days == 7 && var.environment == "qa"
    error_message = "an environment's own settings should be used as given"
  }
}

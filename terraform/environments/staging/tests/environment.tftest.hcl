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

# catalog.auto.tfvars.json supplies every variable, as in a real plan.

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

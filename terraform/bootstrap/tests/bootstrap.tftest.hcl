mock_provider "aws" {
  mock_data "aws_caller_identity" {
    defaults = { account_id = "333333333333" }
  }
  mock_data "aws_partition" {
    defaults = { partition = "aws" }
  }
  mock_data "aws_iam_policy_document" {
    defaults = { json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}" }
  }
}

variables {
  account_id   = "333333333333"
  environments = ["production"]
  repository   = "indigenious/platform"
}

run "one_state_bucket_per_account_and_a_key_per_environment" {
  command = plan

  assert {
    condition     = output.backend_config["production"].bucket == "indigenious-tfstate-333333333333"
    error_message = "each account should keep its state in its own bucket"
  }

  assert {
    condition     = output.backend_config["production"].key == "production/terraform.tfstate" && output.backend_config["production"].use_lockfile
    error_message = "each environment should have its own key, locked with an S3 lock file"
  }
}

run "refuses_a_malformed_account" {
  command = plan

  variables {
    account_id = "prod"
  }

  expect_failures = [var.account_id]
}

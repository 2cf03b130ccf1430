mock_provider "aws" {
  mock_data "aws_caller_identity" {
    defaults = { account_id = "333333333333" }
  }
  mock_data "aws_partition" {
    defaults = { partition = "aws" }
  }
}

override_data {
  target = data.aws_iam_policy_document.build
  values = { json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}" }
}

override_data {
  target = data.aws_iam_policy_document.trust
  values = { json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}" }
}

variables {
  platform         = "indigenious"
  environments     = ["production"]
  repository       = "acme/platform"
  state_bucket_arn = "arn:aws:s3:::indigenious-tfstate-333333333333"
}

run "two_roles_per_environment_trusting_only_the_repository_environment_and_workflows" {
  command = plan

  assert {
    condition     = length(aws_iam_role.this) == 2 && aws_iam_role.this["production/build"].name == "indigenious-production-build"
    error_message = "each environment should get a build role and a deploy role"
  }

  assert {
    condition = toset(one([for c in data.aws_iam_policy_document.trust["production/deploy"].statement[0].condition : c.values if c.variable == "token.actions.githubusercontent.com:sub"])) == toset([
      "repo:acme/platform:environment:production:job_workflow_ref:tierdeploy/tierdeploy/.github/workflows/release.yml@*",
      "repo:acme/platform:environment:production:job_workflow_ref:tierdeploy/tierdeploy/.github/workflows/promote.yml@*",
    ])
    error_message = "the deploy role should trust only release.yml and promote.yml jobs of the repository's production environment"
  }

  assert {
    condition     = toset(one([for c in data.aws_iam_policy_document.trust["production/build"].statement[0].condition : c.values if c.variable == "token.actions.githubusercontent.com:sub"])) == toset(["repo:acme/platform:environment:production:job_workflow_ref:tierdeploy/tierdeploy/.github/workflows/deploy.yml@*"])
    error_message = "the build role should trust only deploy.yml's jobs (builds and the plan)"
  }

  assert {
    condition     = aws_iam_role.this["production/deploy"].max_session_duration == 10800
    error_message = "sessions should last as long as the workflows' role-duration-seconds"
  }
}

run "the_build_role_reads_only_its_own_state_and_holds_only_its_lock" {
  command = plan

  assert {
    condition     = contains(data.aws_iam_policy_document.build["production"].statement[2].resources, "arn:aws:s3:::indigenious-tfstate-333333333333/production/terraform.tfstate.tflock")
    error_message = "the plan should take the state lock of its own environment only"
  }

  assert {
    condition     = data.aws_iam_policy_document.build["production"].statement[3].actions == toset(["s3:GetObject"])
    error_message = "the build role should only read the state"
  }
}

run "long_names_stay_within_iam_limits_and_distinct" {
  command = plan

  variables {
    platform     = "a-platform-name-that-is-much-longer-than-anyone-would-choose-really"
    environments = ["production", "production-eu"]
  }

  assert {
    condition     = alltrue([for r in aws_iam_role.this : length(r.name) <= 64]) && length(distinct([for r in aws_iam_role.this : r.name])) == 4
    error_message = "role names should be at most 64 characters and never collide"
  }
}

run "refuses_a_repository_that_is_not_owner_slash_name" {
  command = plan

  variables {
    repository = "platform"
  }

  expect_failures = [var.repository]
}

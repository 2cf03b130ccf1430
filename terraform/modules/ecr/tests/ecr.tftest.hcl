mock_provider "aws" {}

variables {
  repositories = ["indigenious/indigenious-auth-service", "indigenious/indigenious-user-service"]
}

run "immutable_scanned_repositories_with_lifecycle" {
  command = plan

  assert {
    condition     = alltrue([for r in aws_ecr_repository.this : r.image_tag_mutability == "IMMUTABLE" && r.image_scanning_configuration[0].scan_on_push])
    error_message = "repositories should have immutable tags and scan on push"
  }

  assert {
    condition     = length(aws_ecr_lifecycle_policy.this) == 2
    error_message = "every repository should have a lifecycle policy"
  }

  assert {
    condition     = alltrue([for r in aws_ecr_repository.this : !r.force_delete])
    error_message = "a repository with images should never be deleted by Terraform"
  }
}

run "build_cache_goes_to_a_mutable_sibling_repository" {
  command = plan

  assert {
    condition     = keys(aws_ecr_repository.cache) == ["indigenious/indigenious-auth-service", "indigenious/indigenious-user-service"] && alltrue([for r in aws_ecr_repository.cache : r.image_tag_mutability == "MUTABLE" && endswith(r.name, "-cache")])
    error_message = "each repository should have a MUTABLE REPOSITORY-cache sibling for the rewritten buildcache tag"
  }

  assert {
    condition     = alltrue([for r in aws_ecr_repository.this : r.image_tag_mutability == "IMMUTABLE"])
    error_message = "image repositories should stay immutable"
  }

  assert {
    condition     = length(aws_ecr_lifecycle_policy.cache) == 2 && alltrue([for p in aws_ecr_lifecycle_policy.cache : jsondecode(p.policy).rules[0].selection.tagStatus == "untagged"])
    error_message = "superseded cache manifests should expire"
  }
}

run "no_cache_repositories_when_not_asked" {
  command = plan

  variables {
    create_cache_repositories = false
  }

  assert {
    condition     = length(aws_ecr_repository.cache) == 0 && length(output.cache_repository_urls) == 0
    error_message = "create_cache_repositories = false should create no cache repository"
  }
}

run "no_replication_unless_asked" {
  command = plan

  assert {
    condition     = length(aws_ecr_replication_configuration.this) == 0 && length(aws_ecr_registry_policy.this) == 0
    error_message = "a registry with no promotion across accounts should neither replicate nor grant anything"
  }
}

run "replicates_to_the_promotion_target_and_grants_only_its_source" {
  command = plan

  variables {
    replication_destinations    = [{ account_id = "333333333333", region = "ca-central-1" }]
    replication_source_accounts = ["111111111111"]
  }

  override_data {
    target = data.aws_iam_policy_document.replication[0]
    values = { json = "{\"Statement\":[{\"Principal\":{\"AWS\":\"arn:aws:iam::111111111111:root\"}}]}" }
  }

  assert {
    condition     = one(aws_ecr_replication_configuration.this[0].replication_configuration[0].rule[0].destination).registry_id == "333333333333"
    error_message = "pushes should be replicated to the destination account"
  }

  assert {
    condition     = length(aws_ecr_registry_policy.this) == 1
    error_message = "the destination registry should let its source account replicate in"
  }
}

run "refuses_a_malformed_destination" {
  command = plan

  variables {
    replication_destinations = [{ account_id = "prod", region = "ca-central-1" }]
  }

  expect_failures = [var.replication_destinations]
}

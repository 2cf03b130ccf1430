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

resource "aws_ecr_repository" "this" {
  for_each = var.repositories

  name                 = each.key
  image_tag_mutability = var.image_tag_mutability
  force_delete         = false
  tags                 = var.tags

  image_scanning_configuration {
    scan_on_push = var.scan_on_push
  }

  encryption_configuration {
    encryption_type = var.kms_key_arn == null ? "AES256" : "KMS"
    kms_key         = var.kms_key_arn
  }
}

resource "aws_ecr_lifecycle_policy" "this" {
  for_each = var.repositories

  repository = aws_ecr_repository.this[each.key].name
  policy = jsonencode({
    rules = [
      {
        rulePriority = 1
        description  = "Expire untagged images after ${var.untagged_expire_days} days"
        selection = {
          tagStatus   = "untagged"
          countType   = "sinceImagePushed"
          countUnit   = "days"
          countNumber = var.untagged_expire_days
        }
        action = { type = "expire" }
      },
      {
        rulePriority = 2
        description  = "Keep the last ${var.keep_tagged_images} tagged images"
        selection = {
          tagStatus   = "any"
          countType   = "imageCountMoreThan"
          countNumber = var.keep_tagged_images
        }
        action = { type = "expire" }
      },
    ]
  })
}

# ---- build cache ------------------------------------------------------------------------------------------------------
# build-push's registry cache rewrites one tag (buildcache) on every build, which an IMMUTABLE repository refuses.
# AWS provider 5.x has no tag-mutability exclusion filter (image_tag_mutability_exclusion_filter arrives with 6.x),
# so the cache lives in a MUTABLE sibling, REPOSITORY-cache, and images stay immutable. Nothing runs from it: it is
# not scanned, its superseded cache manifests expire, no execution role may pull from it, and deleting it loses
# nothing but build time (force_delete).

resource "aws_ecr_repository" "cache" {
  for_each = var.create_cache_repositories ? var.repositories : toset([])

  name                 = "${each.key}-cache"
  image_tag_mutability = "MUTABLE"
  force_delete         = true
  tags                 = merge(var.tags, { Purpose = "build-cache" })

  image_scanning_configuration {
    scan_on_push = false
  }

  encryption_configuration {
    encryption_type = var.kms_key_arn == null ? "AES256" : "KMS"
    kms_key         = var.kms_key_arn
  }
}

resource "aws_ecr_lifecycle_policy" "cache" {
  for_each = aws_ecr_repository.cache

  repository = each.value.name
  policy = jsonencode({
    rules = [
      {
        rulePriority = 1
        description  = "Expire superseded cache manifests after 1 day"
        selection = {
          tagStatus   = "untagged"
          countType   = "sinceImagePushed"
          countUnit   = "days"
          countNumber = 1
        }
        action = { type = "expire" }
      },
    ]
  })
}

# ---- promotion across accounts ---------------------------------------------------------------------------------------
# Promotion deploys the digest the source environment runs, never a rebuild. Environments live in separate accounts,
# and each execution role may pull only from its own registry, so the source registry replicates every push to the
# accounts it is promoted to (same digest; ECR creates a missing destination repository), and each destination's
# registry policy lets exactly its source account replicate in. ecs-deploy then runs the replica in its own account
# (packages/aws/src/ecr/replicas.ts) and waits for it, or refuses naming the images that are missing.
# Both resources are per registry (one per account and region): only this module may declare them.

data "aws_caller_identity" "current" {}
data "aws_region" "current" {}
data "aws_partition" "current" {}

resource "aws_ecr_replication_configuration" "this" {
  count = length(var.replication_destinations) > 0 ? 1 : 0

  replication_configuration {
    rule {
      dynamic "destination" {
        for_each = var.replication_destinations
        content {
          region      = destination.value.region
          registry_id = destination.value.account_id
        }
      }
    }
  }
}

data "aws_iam_policy_document" "replication" {
  count = length(var.replication_source_accounts) > 0 ? 1 : 0

  statement {
    sid       = "ReplicationFromPromotionSource"
    effect    = "Allow"
    actions   = ["ecr:CreateRepository", "ecr:ReplicateImage"]
    resources = ["arn:${data.aws_partition.current.partition}:ecr:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:repository/*"]

    principals {
      type        = "AWS"
      identifiers = [for a in var.replication_source_accounts : "arn:${data.aws_partition.current.partition}:iam::${a}:root"]
    }
  }
}

resource "aws_ecr_registry_policy" "this" {
  count = length(var.replication_source_accounts) > 0 ? 1 : 0

  policy = data.aws_iam_policy_document.replication[0].json
}

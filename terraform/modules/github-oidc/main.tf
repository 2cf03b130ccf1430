# The GitHub OIDC provider of one account and, per environment in it, two roles:
# - build: what runs before the approval (builds push images, the Terraform plan reads everything and holds the state
#   lock). It cannot change what runs: read-only access, ECR pushes, this environment's state key and lock file.
# - deploy: what runs after the approval (Terraform apply, ecs-deploy, health gates and rollbacks).
# Both trust only the platform repository's jobs in that GitHub environment, run by tierdeploy's reusable workflows:
# the subject claim must carry the job_workflow_ref (set the repository's OIDC subject template to
# include_claim_keys = ["repo", "context", "job_workflow_ref"]; docs/terraform.md, The roles).

data "aws_partition" "current" {}
data "aws_caller_identity" "current" {}

locals {
  issuer        = "token.actions.githubusercontent.com"
  provider_arn  = var.create_oidc_provider ? aws_iam_openid_connect_provider.github[0].arn : "arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:oidc-provider/${local.issuer}"
  workflow_refs = "${var.workflow_repository}/.github/workflows"
  # Which reusable workflows' jobs may take each role.
  build_workflows  = ["deploy.yml"]
  deploy_workflows = ["release.yml", "promote.yml"]
  # Role names: at most 64 characters; a long platform name is cut and made unique again with a hash.
  role_name = { for e in var.environments : e => {
    for kind in ["build", "deploy"] : kind => (
      length("${var.platform}-${e}-${kind}") <= 64 ? "${var.platform}-${e}-${kind}" :
      "${substr("${var.platform}-${e}-${kind}", 0, 55)}-${substr(sha1("${var.platform}-${e}-${kind}"), 0, 8)}"
    )
  } }
}

resource "aws_iam_openid_connect_provider" "github" {
  count = var.create_oidc_provider ? 1 : 0

  url            = "https://${local.issuer}"
  client_id_list = ["sts.amazonaws.com"]
  tags           = var.tags
}

data "aws_iam_policy_document" "trust" {
  for_each = { for pair in setproduct(var.environments, ["build", "deploy"]) : "${pair[0]}/${pair[1]}" => { environment = pair[0], kind = pair[1] } }

  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [local.provider_arn]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.issuer}:aud"
      values   = ["sts.amazonaws.com"]
    }

    condition {
      test     = "StringLike"
      variable = "${local.issuer}:sub"
      values = [
        for w in(each.value.kind == "build" ? local.build_workflows : local.deploy_workflows) :
        "repo:${var.repository}:environment:${each.value.environment}:job_workflow_ref:${local.workflow_refs}/${w}@*"
      ]
    }
  }
}

resource "aws_iam_role" "this" {
  for_each = data.aws_iam_policy_document.trust

  name                 = local.role_name[split("/", each.key)[0]][split("/", each.key)[1]]
  assume_role_policy   = each.value.json
  max_session_duration = var.max_session_duration
  permissions_boundary = var.permissions_boundary_arn
  tags                 = merge(var.tags, { Environment = split("/", each.key)[0], Purpose = split("/", each.key)[1] })
}

# ---- build: read-only, ECR push, its own state key -------------------------------------------------------------------

resource "aws_iam_role_policy_attachment" "build_read_only" {
  for_each = toset(var.environments)

  role       = aws_iam_role.this["${each.key}/build"].name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/ReadOnlyAccess"
}

data "aws_iam_policy_document" "build" {
  for_each = toset(var.environments)

  statement {
    sid       = "PushImages"
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }

  statement {
    sid = "PushToThisAccountsRepositories"
    actions = [
      "ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:CompleteLayerUpload", "ecr:DescribeImages", "ecr:DescribeRepositories",
      "ecr:GetDownloadUrlForLayer", "ecr:InitiateLayerUpload", "ecr:PutImage", "ecr:UploadLayerPart",
    ]
    resources = ["arn:${data.aws_partition.current.partition}:ecr:*:${data.aws_caller_identity.current.account_id}:repository/${var.platform}/*"]
  }

  statement {
    sid       = "PlanHoldsTheStateLock"
    actions   = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"]
    resources = ["${var.state_bucket_arn}/${each.key}/terraform.tfstate.tflock"]
  }

  statement {
    sid       = "PlanReadsItsState"
    actions   = ["s3:GetObject"]
    resources = ["${var.state_bucket_arn}/${each.key}/terraform.tfstate"]
  }

  statement {
    sid       = "ListItsStatePrefix"
    actions   = ["s3:ListBucket"]
    resources = [var.state_bucket_arn]
    condition {
      test     = "StringLike"
      variable = "s3:prefix"
      values   = ["${each.key}/*"]
    }
  }
}

resource "aws_iam_role_policy" "build" {
  for_each = toset(var.environments)

  name   = "build-plan-and-push"
  role   = aws_iam_role.this["${each.key}/build"].id
  policy = data.aws_iam_policy_document.build[each.key].json
}

# ---- deploy: applies Terraform and deploys services ------------------------------------------------------------------

resource "aws_iam_role_policy_attachment" "deploy" {
  for_each = { for pair in setproduct(var.environments, var.deploy_managed_policies) : "${pair[0]}|${pair[1]}" => { environment = pair[0], policy = pair[1] } }

  role       = aws_iam_role.this["${each.value.environment}/deploy"].name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/${each.value.policy}"
}

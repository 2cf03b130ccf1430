data "aws_region" "current" {}
data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}

locals {
  failover = var.num_cache_clusters >= 2

  # ElastiCache user and user group IDs are unique per account and region, and an IAM user's ID must equal its name,
  # in lowercase. They are kept to 40 characters: the readable part is cut, and a hash of the environment and the
  # service keeps two environments of one account, or two long names, apart.
  id_names = merge({ for k in var.clients : k => k }, { _default = "${var.name}-default", _group = "${var.name}-redis" })
  ids = {
    for k, readable in local.id_names :
    k => "${trimsuffix(substr(replace(lower(readable), "/[^a-z0-9]+/", "-"), 0, 31), "-")}-${substr(sha1("${var.name}/${k}"), 0, 8)}"
  }
  users = { for k in var.clients : k => local.ids[k] }

  final_snapshot_identifier = coalesce(var.final_snapshot_identifier, "${var.name}-redis-final-${formatdate("YYYYMMDDhhmmss", timestamp())}")
}

resource "aws_elasticache_subnet_group" "this" {
  name       = "${var.name}-redis"
  subnet_ids = var.subnet_ids
  tags       = var.tags
}

resource "aws_security_group" "this" {
  name        = "${var.name}-redis"
  description = "Redis: inbound only from the services that use it"
  vpc_id      = var.vpc_id
  tags        = merge(var.tags, { Name = "${var.name}-redis" })
}

# One rule per client service, keyed by its name: adding or removing a service touches only its own rule.
resource "aws_vpc_security_group_ingress_rule" "clients" {
  for_each = var.clients

  security_group_id            = aws_security_group.this.id
  description                  = "Redis from ${each.key}"
  ip_protocol                  = "tcp"
  from_port                    = 6379
  to_port                      = 6379
  referenced_security_group_id = var.client_identities[each.key].security_group_id
}

# ---- identities: one IAM-authenticated user per client service ------------------------------------------------------
# No shared AUTH token: each service's task role signs a short-lived token for its own user (elasticache:Connect), so
# there is no secret to store, rotate or leak, and access is revoked per service. Every user group must contain a
# user named "default"; this one is switched off.

resource "aws_elasticache_user" "default" {
  user_id       = local.ids["_default"]
  user_name     = "default"
  engine        = "REDIS"
  access_string = "off -@all"
  tags          = var.tags

  authentication_mode {
    type = "no-password-required"
  }
}

resource "aws_elasticache_user" "clients" {
  for_each = var.clients

  user_id       = local.users[each.key]
  user_name     = local.users[each.key]
  engine        = "REDIS"
  access_string = var.client_access_string
  tags          = merge(var.tags, { Service = each.key })

  authentication_mode {
    type = "iam"
  }
}

resource "aws_elasticache_user_group" "this" {
  user_group_id = local.ids["_group"]
  engine        = "REDIS"
  user_ids      = concat([aws_elasticache_user.default.user_id], [for u in aws_elasticache_user.clients : u.user_id])
  tags          = var.tags
}

resource "aws_cloudwatch_log_group" "slow_log" {
  name              = "/elasticache/${var.name}-redis/slow-log"
  retention_in_days = var.log_retention_days
  kms_key_id        = var.log_kms_key_arn
  tags              = var.tags
}

resource "aws_elasticache_replication_group" "this" {
  replication_group_id       = "${var.name}-redis"
  description                = "Sessions and caching for ${var.name}"
  engine                     = "redis"
  engine_version             = var.engine_version
  node_type                  = var.node_type
  port                       = 6379
  num_cache_clusters         = var.num_cache_clusters
  automatic_failover_enabled = local.failover
  multi_az_enabled           = local.failover
  subnet_group_name          = aws_elasticache_subnet_group.this.name
  security_group_ids         = [aws_security_group.this.id]
  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
  kms_key_id                 = var.kms_key_arn
  user_group_ids             = [aws_elasticache_user_group.this.user_group_id]
  snapshot_retention_limit   = var.snapshot_retention_days
  final_snapshot_identifier  = local.final_snapshot_identifier
  auto_minor_version_upgrade = true
  apply_immediately          = false
  tags                       = var.tags

  log_delivery_configuration {
    destination      = aws_cloudwatch_log_group.slow_log.name
    destination_type = "cloudwatch-logs"
    log_format       = "json"
    log_type         = "slow-log"
  }

  # Named when the group is created (see final_snapshot_identifier in locals), then left alone.
  lifecycle {
    ignore_changes = [final_snapshot_identifier]
  }
}

data "aws_iam_policy_document" "connect" {
  for_each = var.clients

  statement {
    sid     = "ConnectAsOwnUser"
    actions = ["elasticache:Connect"]
    resources = [
      aws_elasticache_replication_group.this.arn,
      aws_elasticache_user.clients[each.key].arn,
    ]
  }
}

resource "aws_iam_role_policy" "connect" {
  for_each = var.clients

  name   = "elasticache-connect-${var.name}-redis"
  role   = var.client_identities[each.key].task_role_name
  policy = data.aws_iam_policy_document.connect[each.key].json
}

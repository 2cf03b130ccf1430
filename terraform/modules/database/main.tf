data "aws_region" "current" {}
data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}

locals {
  # Aurora PostgreSQL's parameter group family follows the major version ("16" -> aurora-postgresql16).
  major_version = split(".", var.engine_version)[0]

  # Each client connects as its own PostgreSQL user with an IAM token: the service name with underscores (a
  # PostgreSQL identifier needs no quoting then).
  users = { for k in var.clients : k => replace(k, "-", "_") }

  # Set once, when the cluster is created (timestamp() is then fixed by ignore_changes below): each incarnation of the
  # cluster leaves its own final snapshot, so destroying a re-created cluster never collides with an earlier one.
  final_snapshot_identifier = coalesce(var.final_snapshot_identifier, "${var.name}-aurora-final-${formatdate("YYYYMMDDhhmmss", timestamp())}")
}

resource "aws_db_subnet_group" "this" {
  name       = "${var.name}-aurora"
  subnet_ids = var.subnet_ids
  tags       = var.tags
}

resource "aws_security_group" "this" {
  name        = "${var.name}-aurora"
  description = "Aurora PostgreSQL: inbound only from the services that use it"
  vpc_id      = var.vpc_id
  tags        = merge(var.tags, { Name = "${var.name}-aurora" })
}

# One rule per client service, keyed by its name: adding or removing a service touches only its own rule.
resource "aws_vpc_security_group_ingress_rule" "clients" {
  for_each = var.clients

  security_group_id            = aws_security_group.this.id
  description                  = "PostgreSQL from ${each.key}"
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  referenced_security_group_id = var.client_identities[each.key].security_group_id
}

# Clients must use TLS: the server refuses unencrypted connections.
resource "aws_rds_cluster_parameter_group" "this" {
  name_prefix = "${var.name}-aurora-pg${local.major_version}-"
  family      = "aurora-postgresql${local.major_version}"
  description = "${var.name} Aurora PostgreSQL ${local.major_version}: TLS required"
  tags        = var.tags

  parameter {
    name         = "rds.force_ssl"
    value        = "1"
    apply_method = "pending-reboot"
  }

  # A major upgrade needs a group of the new family before the old one can go.
  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_rds_cluster" "this" {
  cluster_identifier                  = "${var.name}-aurora"
  engine                              = "aurora-postgresql"
  engine_mode                         = "provisioned"
  engine_version                      = var.engine_version
  database_name                       = var.database_name
  master_username                     = var.master_username
  manage_master_user_password         = true
  master_user_secret_kms_key_id       = var.kms_key_arn
  db_subnet_group_name                = aws_db_subnet_group.this.name
  db_cluster_parameter_group_name     = aws_rds_cluster_parameter_group.this.name
  vpc_security_group_ids              = [aws_security_group.this.id]
  storage_encrypted                   = true
  kms_key_id                          = var.kms_key_arn
  iam_database_authentication_enabled = true
  backup_retention_period             = var.backup_retention_days
  preferred_backup_window             = var.preferred_backup_window
  copy_tags_to_snapshot               = true
  deletion_protection                 = var.deletion_protection
  skip_final_snapshot                 = false
  final_snapshot_identifier           = local.final_snapshot_identifier
  enabled_cloudwatch_logs_exports     = ["postgresql"]
  tags                                = var.tags

  serverlessv2_scaling_configuration {
    min_capacity = var.min_capacity
    max_capacity = var.max_capacity
  }

  lifecycle {
    ignore_changes = [final_snapshot_identifier]
  }
}

resource "aws_rds_cluster_instance" "this" {
  count = var.instance_count

  # No engine_version: instances follow the cluster, and a version here would drift after a minor upgrade.
  identifier                      = "${var.name}-aurora-${count.index + 1}"
  cluster_identifier              = aws_rds_cluster.this.id
  engine                          = aws_rds_cluster.this.engine
  instance_class                  = "db.serverless"
  db_subnet_group_name            = aws_db_subnet_group.this.name
  publicly_accessible             = false
  performance_insights_enabled    = true
  performance_insights_kms_key_id = var.kms_key_arn
  auto_minor_version_upgrade      = true
  tags                            = var.tags
}

# ---- per-service database identities --------------------------------------------------------------------------------
# No client gets the master secret: each service's task role may connect as its own user only, with an IAM token
# (rds-db:connect on dbuser:CLUSTER_RESOURCE_ID/USER). The users themselves are created in PostgreSQL by the
# platform's migration step (CREATE USER ...; GRANT rds_iam TO ...), see docs/terraform.md.

data "aws_iam_policy_document" "connect" {
  for_each = var.clients

  statement {
    sid       = "ConnectAsOwnUser"
    actions   = ["rds-db:connect"]
    resources = ["arn:${data.aws_partition.current.partition}:rds-db:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:dbuser:${aws_rds_cluster.this.cluster_resource_id}/${local.users[each.key]}"]
  }
}

resource "aws_iam_role_policy" "connect" {
  for_each = var.clients

  name   = "rds-db-connect-${var.name}-aurora"
  role   = var.client_identities[each.key].task_role_name
  policy = data.aws_iam_policy_document.connect[each.key].json
}

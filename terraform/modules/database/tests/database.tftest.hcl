mock_provider "aws" {
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
  mock_resource "aws_rds_cluster" {
    defaults = {
      cluster_resource_id = "cluster-ABCDEFGHIJKLMNOPQRSTUVWXYZ"
      master_user_secret  = [{ secret_arn = "arn:aws:secretsmanager:ca-central-1:111111111111:secret:rds!cluster-abc-AbCdEf", kms_key_id = "aws/secretsmanager", secret_status = "active" }]
    }
  }
}

variables {
  name       = "indigenious-test"
  vpc_id     = "vpc-0123456789abcdef0"
  subnet_ids = ["subnet-a", "subnet-b", "subnet-c"]
  clients    = ["indigenious-auth-service", "indigenious-user-service"]
  client_identities = {
    indigenious-auth-service = { security_group_id = "sg-auth", task_role_name = "indigenious-test-indigenious-auth-service-task" }
    indigenious-user-service = { security_group_id = "sg-user", task_role_name = "indigenious-test-indigenious-user-service-task" }
  }
}

run "encrypted_serverless_v2_with_managed_password" {
  command = plan

  assert {
    condition     = aws_rds_cluster.this.storage_encrypted && aws_rds_cluster.this.manage_master_user_password && aws_rds_cluster.this.iam_database_authentication_enabled
    error_message = "storage should be encrypted, the master password managed in Secrets Manager, and IAM authentication on"
  }

  assert {
    condition     = aws_rds_cluster.this.deletion_protection && !aws_rds_cluster.this.skip_final_snapshot
    error_message = "deletion protection and a final snapshot should be the defaults"
  }

  assert {
    condition     = alltrue([for i in aws_rds_cluster_instance.this : i.instance_class == "db.serverless" && !i.publicly_accessible && i.auto_minor_version_upgrade])
    error_message = "instances should be private Serverless v2 instances that take minor upgrades"
  }

  assert {
    condition     = { for k, r in aws_vpc_security_group_ingress_rule.clients : k => r.referenced_security_group_id } == { indigenious-auth-service = "sg-auth", indigenious-user-service = "sg-user" }
    error_message = "only the given services' groups should reach the database, one rule per service"
  }

  assert {
    condition     = aws_rds_cluster.this.engine_version == "16"
    error_message = "the cluster should name only its major version, so RDS's minor upgrades are not drift"
  }
}

run "tls_is_required" {
  command = plan

  assert {
    condition     = aws_rds_cluster_parameter_group.this.family == "aurora-postgresql16" && one([for p in aws_rds_cluster_parameter_group.this.parameter : p.value if p.name == "rds.force_ssl"]) == "1"
    error_message = "the cluster parameter group should set rds.force_ssl = 1"
  }
}

run "each_service_connects_as_its_own_user" {
  command = apply

  assert {
    condition     = aws_rds_cluster.this.db_cluster_parameter_group_name == aws_rds_cluster_parameter_group.this.name
    error_message = "the cluster should use the TLS-only parameter group"
  }

  assert {
    condition     = output.users == { indigenious-auth-service = "indigenious_auth_service", indigenious-user-service = "indigenious_user_service" }
    error_message = "each client should have its own database user"
  }

  assert {
    condition     = one(data.aws_iam_policy_document.connect["indigenious-auth-service"].statement).resources == toset(["arn:aws:rds-db:ca-central-1:111111111111:dbuser:cluster-ABCDEFGHIJKLMNOPQRSTUVWXYZ/indigenious_auth_service"])
    error_message = "a service should be granted rds-db:connect for its own user only"
  }

  assert {
    condition     = one(data.aws_iam_policy_document.connect["indigenious-auth-service"].statement).actions == toset(["rds-db:connect"])
    error_message = "the grant should be rds-db:connect and nothing else"
  }

  assert {
    condition     = { for k, p in aws_iam_role_policy.connect : k => p.role } == { indigenious-auth-service = "indigenious-test-indigenious-auth-service-task", indigenious-user-service = "indigenious-test-indigenious-user-service-task" }
    error_message = "each grant should go to the service's own task role"
  }

  assert {
    condition     = startswith(aws_rds_cluster.this.final_snapshot_identifier, "indigenious-test-aurora-final-") && length(aws_rds_cluster.this.final_snapshot_identifier) == length("indigenious-test-aurora-final-") + 14
    error_message = "the final snapshot should be named after the cluster's creation time, so re-created clusters do not collide"
  }
}

run "the_final_snapshot_name_is_fixed_at_creation" {
  command = plan

  variables {
    final_snapshot_identifier = "indigenious-test-before-migration"
  }

  assert {
    condition     = startswith(aws_rds_cluster.this.final_snapshot_identifier, "indigenious-test-aurora-final-")
    error_message = "a later plan should keep the name chosen at creation (no diff on every plan from timestamp())"
  }
}

run "a_given_final_snapshot_name_is_used" {
  command   = plan
  state_key = "new_cluster"

  variables {
    final_snapshot_identifier = "indigenious-test-before-migration"
  }

  assert {
    condition     = aws_rds_cluster.this.final_snapshot_identifier == "indigenious-test-before-migration"
    error_message = "final_snapshot_identifier should name the final snapshot"
  }
}

run "refuses_a_pinned_minor_version" {
  command = plan

  variables {
    engine_version = "16.4"
  }

  expect_failures = [var.engine_version]
}

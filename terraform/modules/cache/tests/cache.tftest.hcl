mock_provider "aws" {
  mock_data "aws_iam_policy_document" {
    defaults = { json = "{}" }
  }
  mock_resource "aws_elasticache_replication_group" {
    defaults = { arn = "arn:aws:elasticache:ca-central-1:111111111111:replicationgroup:indigenious-test-redis" }
  }
  mock_resource "aws_elasticache_user" {
    defaults = { arn = "arn:aws:elasticache:ca-central-1:111111111111:user:a-user" }
  }
}

variables {
  name       = "indigenious-test"
  vpc_id     = "vpc-0123456789abcdef0"
  subnet_ids = ["subnet-a", "subnet-b", "subnet-c"]
  clients    = ["indigenious-auth-service", "indigenious-ai-orchestrator-service"]
  client_identities = {
    indigenious-auth-service            = { security_group_id = "sg-auth", task_role_name = "indigenious-test-indigenious-auth-service-task" }
    indigenious-ai-orchestrator-service = { security_group_id = "sg-ai", task_role_name = "indigenious-test-indigenious-ai-orchestrator-service-task" }
  }
}

run "encrypted_with_failover" {
  command = plan

  assert {
    condition     = aws_elasticache_replication_group.this.at_rest_encryption_enabled && aws_elasticache_replication_group.this.transit_encryption_enabled
    error_message = "Redis should be encrypted at rest and in transit"
  }

  assert {
    condition     = aws_elasticache_replication_group.this.automatic_failover_enabled && aws_elasticache_replication_group.this.multi_az_enabled
    error_message = "two nodes should fail over across zones"
  }

  assert {
    condition     = { for k, r in aws_vpc_security_group_ingress_rule.clients : k => r.referenced_security_group_id } == { indigenious-auth-service = "sg-auth", indigenious-ai-orchestrator-service = "sg-ai" }
    error_message = "only the given services' groups should reach Redis, one rule per service"
  }
}

run "each_service_has_its_own_iam_user" {
  command = plan

  assert {
    condition     = alltrue([for u in aws_elasticache_user.clients : one(u.authentication_mode).type == "iam" && u.user_id == u.user_name && length(u.user_id) <= 40 && lower(u.user_id) == u.user_id])
    error_message = "client users should authenticate with IAM, with user ID = user name, lowercase, at most 40 characters"
  }

  assert {
    condition     = output.users["indigenious-auth-service"] == "indigenious-auth-service-${substr(sha1("indigenious-test/indigenious-auth-service"), 0, 8)}" && length(distinct(values(output.users))) == 2
    error_message = "each service should get a user of its own, named after it"
  }

  assert {
    condition     = aws_elasticache_user.default.user_name == "default" && startswith(aws_elasticache_user.default.access_string, "off")
    error_message = "the group's required default user should be switched off"
  }

  assert {
    condition     = aws_elasticache_replication_group.this.auth_token == null
    error_message = "no shared AUTH token"
  }
}

run "a_service_connects_as_its_own_user_only" {
  command = apply

  assert {
    condition     = toset(aws_elasticache_replication_group.this.user_group_ids) == toset([aws_elasticache_user_group.this.user_group_id]) && length(aws_elasticache_user_group.this.user_ids) == 3
    error_message = "the replication group should use the user group of the default and the client users"
  }

  assert {
    condition     = one(data.aws_iam_policy_document.connect["indigenious-auth-service"].statement).actions == toset(["elasticache:Connect"])
    error_message = "the grant should be elasticache:Connect only"
  }

  assert {
    condition     = one(data.aws_iam_policy_document.connect["indigenious-auth-service"].statement).resources == toset([aws_elasticache_replication_group.this.arn, aws_elasticache_user.clients["indigenious-auth-service"].arn])
    error_message = "a service should connect to this replication group as its own user only"
  }

  assert {
    condition     = aws_iam_role_policy.connect["indigenious-auth-service"].role == "indigenious-test-indigenious-auth-service-task"
    error_message = "the grant should go to the service's own task role"
  }

  assert {
    condition     = startswith(aws_elasticache_replication_group.this.final_snapshot_identifier, "indigenious-test-redis-final-")
    error_message = "destroying the group should leave a final snapshot named after its creation time"
  }
}

run "slow_log_goes_to_cloudwatch" {
  command = plan

  assert {
    condition     = one(aws_elasticache_replication_group.this.log_delivery_configuration).log_type == "slow-log" && one(aws_elasticache_replication_group.this.log_delivery_configuration).destination == "/elasticache/indigenious-test-redis/slow-log"
    error_message = "the slow log should be delivered to its CloudWatch log group"
  }
}

run "single_node_has_no_failover" {
  command = plan

  variables {
    num_cache_clusters = 1
  }

  assert {
    condition     = !aws_elasticache_replication_group.this.automatic_failover_enabled && !aws_elasticache_replication_group.this.multi_az_enabled
    error_message = "one node cannot fail over"
  }
}

run "refuses_redis_6" {
  command = plan

  variables {
    engine_version = "6.2"
  }

  expect_failures = [var.engine_version]
}

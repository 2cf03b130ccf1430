mock_provider "aws" {}

variables {
  name                       = "indigenious-test"
  vpc_id                     = "vpc-0123456789abcdef0"
  subnet_ids                 = ["subnet-a", "subnet-b", "subnet-c"]
  allowed_security_group_ids = ["sg-auth", "sg-user"]
}

run "encrypted_serverless_v2_with_managed_password" {
  command = plan

  assert {
    condition     = aws_rds_cluster.this.storage_encrypted && aws_rds_cluster.this.manage_master_user_password
    error_message = "storage should be encrypted and the master password managed in Secrets Manager"
  }

  assert {
    condition     = aws_rds_cluster.this.deletion_protection && !aws_rds_cluster.this.skip_final_snapshot
    error_message = "deletion protection and a final snapshot should be the defaults"
  }

  assert {
    condition     = alltrue([for i in aws_rds_cluster_instance.this : i.instance_class == "db.serverless" && !i.publicly_accessible])
    error_message = "instances should be private Serverless v2 instances"
  }

  assert {
    condition     = [for r in aws_vpc_security_group_ingress_rule.clients : r.referenced_security_group_id] == ["sg-auth", "sg-user"]
    error_message = "only the given services' groups should reach the database"
  }
}

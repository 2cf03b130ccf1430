output "replication_group_id" {
  description = "ID of the replication group."
  value       = aws_elasticache_replication_group.this.id
}

output "primary_endpoint" {
  description = "Primary (read-write) endpoint address."
  value       = aws_elasticache_replication_group.this.primary_endpoint_address
}

output "reader_endpoint" {
  description = "Reader endpoint address."
  value       = aws_elasticache_replication_group.this.reader_endpoint_address
}

output "port" {
  description = "Redis port (TLS)."
  value       = aws_elasticache_replication_group.this.port
}

output "users" {
  description = "Redis user of each client service: it connects over TLS as this user with an IAM token signed by its task role."
  value       = local.users
}

output "user_group_id" {
  description = "User group of the replication group (a disabled default user and the client users)."
  value       = aws_elasticache_user_group.this.user_group_id
}

output "slow_log_group_name" {
  description = "CloudWatch log group of the Redis slow log."
  value       = aws_cloudwatch_log_group.slow_log.name
}

output "security_group_id" {
  description = "Security group of the cache."
  value       = aws_security_group.this.id
}

output "cluster_arn" {
  description = "ARN of the Aurora cluster."
  value       = aws_rds_cluster.this.arn
}

output "endpoint" {
  description = "Writer endpoint."
  value       = aws_rds_cluster.this.endpoint
}

output "reader_endpoint" {
  description = "Reader endpoint (load-balanced over the readers)."
  value       = aws_rds_cluster.this.reader_endpoint
}

output "port" {
  description = "PostgreSQL port."
  value       = aws_rds_cluster.this.port
}

output "database_name" {
  description = "Name of the initial database."
  value       = aws_rds_cluster.this.database_name
}

output "master_user_secret_arn" {
  description = "Secrets Manager secret holding the master credentials (managed and rotated by RDS): for operators and the migration step that creates the service users, never for services."
  value       = aws_rds_cluster.this.master_user_secret[0].secret_arn
}

output "security_group_id" {
  description = "Security group of the database."
  value       = aws_security_group.this.id
}

output "cluster_resource_id" {
  description = "Resource ID of the cluster (cluster-...), the part of rds-db:connect ARNs that identifies it."
  value       = aws_rds_cluster.this.cluster_resource_id
}

output "users" {
  description = "PostgreSQL user of each client service (IAM authentication: create it with GRANT rds_iam)."
  value       = local.users
}

output "parameter_group_name" {
  description = "Cluster parameter group (rds.force_ssl = 1)."
  value       = aws_rds_cluster_parameter_group.this.name
}

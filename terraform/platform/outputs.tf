output "vpc_id" {
  description = "ID of the environment's VPC."
  value       = module.networking.vpc_id
}

output "private_subnet_ids" {
  description = "Private subnets the tasks run in (catalog network.subnets may reference this output)."
  value       = module.networking.private_subnet_ids
}

output "cluster_name" {
  description = "Name of the ECS cluster."
  value       = module.ecs_cluster.cluster_name
}

output "service_connect_namespace_arn" {
  description = "Cloud Map namespace of Service Connect."
  value       = module.ecs_cluster.service_connect_namespace_arn
}

output "alb_dns_name" {
  description = "DNS name of the ALB (point the environment's domain at it)."
  value       = module.alb.alb_dns_name
}

output "cloudfront_domain_name" {
  description = "CloudFront domain, when the environment uses CloudFront."
  value       = module.alb.cloudfront_domain_name
}

output "ecr_repository_urls" {
  description = "ECR repository URL per repository name."
  value       = module.ecr.repository_urls
}

output "service_security_group_ids" {
  description = "Security group of each service's tasks."
  value       = { for k, s in module.service : k => s.security_group_id }
}

output "database_endpoint" {
  description = "Writer endpoint of Aurora."
  value       = module.database.endpoint
}

output "database_secret_arn" {
  description = "Secrets Manager secret of the Aurora master credentials: for operators and the migration step that creates the service users (services connect with IAM tokens)."
  value       = module.database.master_user_secret_arn
  sensitive   = true
}

output "database_users" {
  description = "PostgreSQL user of each service that depends on the database (create each with GRANT rds_iam)."
  value       = module.database.users
}

output "redis_endpoint" {
  description = "Primary endpoint of Redis."
  value       = module.cache.primary_endpoint
}

output "alarm_topic_arn" {
  description = "SNS topic of every alarm."
  value       = module.monitoring.alarm_topic_arn
}

output "redis_users" {
  description = "Redis user (IAM authentication) of each service that depends on the cache."
  value       = module.cache.users
}

output "documents_bucket_name" {
  description = "The documents bucket (catalog node s3-documents)."
  value       = module.documents.bucket_name
}

output "alb_access_logs_bucket" {
  description = "Bucket of the ALB's access logs, or null when they are off."
  value       = module.alb.access_logs_bucket
}

output "unprovisioned_dependencies" {
  description = "Names services depend on that this root neither provisions nor deploys: libraries, services not enabled in the environment, and infrastructure provisioned elsewhere (websocket-api: the chat service's WebSockets go through the ALB; see docs/terraform.md)."
  value       = sort(tolist(setsubtract(toset(flatten([for s in values(var.services) : s.depends_on])), setunion(toset(keys(var.services)), local.provisioned_nodes))))
}

output "repository_urls" {
  description = "Repository URL per repository name (what build-push pushes to)."
  value       = { for k, r in aws_ecr_repository.this : k => r.repository_url }
}

output "repository_arns" {
  description = "Repository ARN per repository name."
  value       = { for k, r in aws_ecr_repository.this : k => r.arn }
}

output "cache_repository_urls" {
  description = "Build cache repository URL per repository name (build-push's registry cache: URL:buildcache)."
  value       = { for k, r in aws_ecr_repository.cache : k => r.repository_url }
}

output "replication_destinations" {
  description = "Registries (account and region) every push is replicated to."
  value       = var.replication_destinations
}

output "cluster_name" {
  description = "Name of the ECS cluster."
  value       = aws_ecs_cluster.this.name
}

output "cluster_arn" {
  description = "ARN of the ECS cluster."
  value       = aws_ecs_cluster.this.arn
}

output "service_connect_namespace_arn" {
  description = "ARN of the Cloud Map namespace Service Connect uses."
  value       = aws_service_discovery_http_namespace.this.arn
}

output "service_connect_namespace_name" {
  description = "Name of the Cloud Map namespace, e.g. indigenious-dev.local."
  value       = aws_service_discovery_http_namespace.this.name
}

output "service_connect_client_security_group_id" {
  description = "Security group every task joins; services admit Service Connect calls from it."
  value       = aws_security_group.service_connect_clients.id
}

output "gpu_capacity_provider_name" {
  description = "Name of the EC2 GPU capacity provider, or null when enable_gpu_capacity is false."
  value       = var.enable_gpu_capacity ? aws_ecs_capacity_provider.gpu[0].name : null
}

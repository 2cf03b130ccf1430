output "service_name" {
  description = "Name of the ECS service."
  value       = aws_ecs_service.this.name
}

output "service_id" {
  description = "ARN of the ECS service."
  value       = aws_ecs_service.this.id
}

output "task_definition_family" {
  description = "Task definition family; ecs-deploy registers new revisions in it."
  value       = aws_ecs_task_definition.this.family
}

output "security_group_id" {
  description = "Security group of the service's tasks (database and cache admit it)."
  value       = aws_security_group.this.id
}

output "log_group_name" {
  description = "CloudWatch log group of the service."
  value       = aws_cloudwatch_log_group.this.name
}

output "task_role_arn" {
  description = "Role the application assumes; attach its own permissions here."
  value       = aws_iam_role.task.arn
}

output "task_role_name" {
  description = "Name of the task role: data stores attach their grants to it (rds-db:connect, elasticache:Connect, bucket objects)."
  value       = aws_iam_role.task.name
}

output "execution_role_arn" {
  description = "Role ECS uses to pull the image, write logs and read the service's secrets."
  value       = aws_iam_role.execution.arn
}

output "capacity_provider_strategy" {
  description = "The Fargate / Fargate Spot / GPU strategy chosen for the tier."
  value       = local.capacity_provider_strategy
}

output "scaling_target_resource_id" {
  description = "Application Auto Scaling resource of the service (service/CLUSTER/SERVICE)."
  value       = local.scaling_target.resource_id
}

output "build_role_arns" {
  description = "Per environment, the role of the jobs before the approval: the environment file's buildRoleArn."
  value       = { for e in var.environments : e => aws_iam_role.this["${e}/build"].arn }
}

output "deploy_role_arns" {
  description = "Per environment, the role of the jobs after the approval: the environment file's roleArn."
  value       = { for e in var.environments : e => aws_iam_role.this["${e}/deploy"].arn }
}

output "oidc_provider_arn" {
  description = "The account's GitHub OIDC provider."
  value       = local.provider_arn
}

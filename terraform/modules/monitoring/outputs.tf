output "alarm_topic_arn" {
  description = "SNS topic every alarm notifies."
  value       = aws_sns_topic.alarms.arn
}

output "deployment_alarm_names" {
  description = "Per service, the alarms that roll back its ECS deployments (its target 5xx alarm for public services; none for the others)."
  value       = local.deployment_alarms

  # Known at plan time (computed from inputs), yet ECS must not be given an alarm that does not exist yet.
  depends_on = [aws_cloudwatch_metric_alarm.target_5xx]
}

output "dashboard_name" {
  description = "Name of the CloudWatch dashboard."
  value       = aws_cloudwatch_dashboard.this.dashboard_name
}

output "xray_group_arn" {
  description = "ARN of the X-Ray group, or null when X-Ray is off."
  value       = var.enable_xray ? aws_xray_group.this[0].arn : null
}

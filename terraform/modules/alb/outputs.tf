output "alb_arn" {
  description = "ARN of the load balancer."
  value       = aws_lb.this.arn
}

output "alb_arn_suffix" {
  description = "ARN suffix of the load balancer (the CloudWatch LoadBalancer dimension)."
  value       = aws_lb.this.arn_suffix
}

output "alb_dns_name" {
  description = "DNS name of the load balancer."
  value       = aws_lb.this.dns_name
}

output "alb_zone_id" {
  description = "Route 53 zone of the load balancer, for alias records."
  value       = aws_lb.this.zone_id
}

output "security_group_id" {
  description = "Security group of the load balancer: the only source tasks admit traffic from."
  value       = aws_security_group.alb.id
}

output "https_listener_arn" {
  description = "ARN of the HTTPS listener."
  value       = aws_lb_listener.https.arn
}

output "target_group_arns" {
  description = "Target group ARN per routed service."
  value       = { for k, tg in aws_lb_target_group.service : k => tg.arn }
}

output "listener_rule_arns" {
  description = "Listener rule ARN per routed service: a service must be created after its rule (ECS refuses a target group no listener forwards to), so ecs-service takes it as listener_rule_arn."
  value       = { for k, r in aws_lb_listener_rule.service : k => r.arn }
}

output "target_group_arn_suffixes" {
  description = "Target group ARN suffix per routed service (the CloudWatch TargetGroup dimension)."
  value       = { for k, tg in aws_lb_target_group.service : k => tg.arn_suffix }
}

output "cloudfront_domain_name" {
  description = "Domain of the CloudFront distribution, or null without CloudFront."
  value       = var.enable_cloudfront ? aws_cloudfront_distribution.this[0].domain_name : null
}

output "cloudfront_distribution_arn" {
  description = "ARN of the CloudFront distribution, or null without CloudFront."
  value       = var.enable_cloudfront ? aws_cloudfront_distribution.this[0].arn : null
}

output "cloudfront_certificate_arn" {
  description = "The us-east-1 certificate CloudFront serves domain_names with, or null (no CloudFront, or no domain names)."
  value       = local.cloudfront_certificate_arn
}

output "access_logs_bucket" {
  description = "Bucket the access logs go to, or null when they are off."
  value       = local.access_logs_bucket
}

data "aws_region" "current" {}

locals {
  public = { for k, s in var.services : k => s if s.public }

  # Alarm names are computed from inputs so ecs-service can list them as deployment alarms at plan time.
  deployment_alarms = { for k, s in var.services : k => s.public ? ["${var.name}-${k}-5xx"] : [] }
}

data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}

# CloudWatch cannot publish to a topic encrypted with the AWS managed key alias/aws/sns (its key policy does not
# admit cloudwatch.amazonaws.com, and alarms then notify nobody, silently): the topic gets its own key whose policy
# lets CloudWatch alarms of this account encrypt messages for it.
data "aws_iam_policy_document" "alarms_key" {
  statement {
    sid       = "AccountAdministers"
    actions   = ["kms:*"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:root"]
    }
  }

  statement {
    sid       = "CloudWatchAlarmsPublish"
    actions   = ["kms:Decrypt", "kms:GenerateDataKey*"]
    resources = ["*"]
    principals {
      type        = "Service"
      identifiers = ["cloudwatch.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
  }
}

resource "aws_kms_key" "alarms" {
  description         = "SNS topic ${var.name}-alarms (CloudWatch alarm notifications)"
  enable_key_rotation = true
  policy              = data.aws_iam_policy_document.alarms_key.json
  tags                = var.tags
}

resource "aws_kms_alias" "alarms" {
  name          = "alias/${var.name}-alarms"
  target_key_id = aws_kms_key.alarms.key_id
}

resource "aws_sns_topic" "alarms" {
  name              = "${var.name}-alarms"
  kms_master_key_id = aws_kms_key.alarms.arn
  tags              = var.tags
}

resource "aws_sns_topic_subscription" "email" {
  for_each = toset(var.alarm_emails)

  topic_arn = aws_sns_topic.alarms.arn
  protocol  = "email"
  endpoint  = each.key
}

resource "aws_cloudwatch_metric_alarm" "alb_5xx" {
  alarm_name          = "${var.name}-alb-5xx"
  alarm_description   = "The load balancer itself answers 5xx (no healthy target, timeouts)."
  namespace           = "AWS/ApplicationELB"
  metric_name         = "HTTPCode_ELB_5XX_Count"
  dimensions          = { LoadBalancer = var.alb_arn_suffix }
  statistic           = "Sum"
  period              = 60
  evaluation_periods  = 3
  datapoints_to_alarm = 2
  threshold           = var.target_5xx_per_minute
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]
  tags                = var.tags
}

resource "aws_cloudwatch_metric_alarm" "target_5xx" {
  for_each = local.public

  alarm_name          = "${var.name}-${each.key}-5xx"
  alarm_description   = "${each.key} answers 5xx; rolls back a deployment in progress."
  namespace           = "AWS/ApplicationELB"
  metric_name         = "HTTPCode_Target_5XX_Count"
  dimensions          = { LoadBalancer = var.alb_arn_suffix, TargetGroup = each.value.target_group_arn_suffix }
  statistic           = "Sum"
  period              = 60
  evaluation_periods  = 3
  datapoints_to_alarm = 2
  threshold           = var.target_5xx_per_minute
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]
  tags                = var.tags
}

resource "aws_cloudwatch_metric_alarm" "latency" {
  for_each = local.public

  alarm_name          = "${var.name}-${each.key}-latency-p95"
  alarm_description   = "${each.key} p95 response time is above ${var.latency_p95_seconds} s."
  namespace           = "AWS/ApplicationELB"
  metric_name         = "TargetResponseTime"
  dimensions          = { LoadBalancer = var.alb_arn_suffix, TargetGroup = each.value.target_group_arn_suffix }
  extended_statistic  = "p95"
  period              = 60
  evaluation_periods  = 5
  datapoints_to_alarm = 3
  threshold           = var.latency_p95_seconds
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]
  tags                = var.tags
}

resource "aws_cloudwatch_metric_alarm" "unhealthy_hosts" {
  for_each = local.public

  alarm_name          = "${var.name}-${each.key}-unhealthy-hosts"
  alarm_description   = "${each.key} has targets failing the ALB health check."
  namespace           = "AWS/ApplicationELB"
  metric_name         = "UnHealthyHostCount"
  dimensions          = { LoadBalancer = var.alb_arn_suffix, TargetGroup = each.value.target_group_arn_suffix }
  statistic           = "Maximum"
  period              = 60
  evaluation_periods  = 3
  datapoints_to_alarm = 3
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]
  tags                = var.tags
}

resource "aws_cloudwatch_metric_alarm" "cpu_high" {
  for_each = var.services

  alarm_name          = "${var.name}-${each.key}-cpu-high"
  alarm_description   = "${each.key} average CPU is above ${var.cpu_high_percent} % (autoscaling is at its maximum or too slow)."
  namespace           = "AWS/ECS"
  metric_name         = "CPUUtilization"
  dimensions          = { ClusterName = var.cluster_name, ServiceName = each.key }
  statistic           = "Average"
  period              = 60
  evaluation_periods  = 5
  datapoints_to_alarm = 4
  threshold           = var.cpu_high_percent
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]
  tags                = var.tags
}

resource "aws_cloudwatch_metric_alarm" "memory_high" {
  for_each = var.services

  alarm_name          = "${var.name}-${each.key}-memory-high"
  alarm_description   = "${each.key} average memory is above ${var.memory_high_percent} %."
  namespace           = "AWS/ECS"
  metric_name         = "MemoryUtilization"
  dimensions          = { ClusterName = var.cluster_name, ServiceName = each.key }
  statistic           = "Average"
  period              = 60
  evaluation_periods  = 5
  datapoints_to_alarm = 4
  threshold           = var.memory_high_percent
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]
  tags                = var.tags
}

resource "aws_cloudwatch_dashboard" "this" {
  dashboard_name = var.name
  dashboard_body = jsonencode({
    widgets = concat(
      [
        {
          type = "metric", x = 0, y = 0, width = 12, height = 6
          properties = {
            title   = "ALB requests and 5xx"
            region  = data.aws_region.current.name
            stat    = "Sum"
            period  = 60
            metrics = [["AWS/ApplicationELB", "RequestCount", "LoadBalancer", var.alb_arn_suffix], [".", "HTTPCode_ELB_5XX_Count", ".", "."], [".", "HTTPCode_Target_5XX_Count", ".", "."]]
          }
        },
        {
          type = "metric", x = 12, y = 0, width = 12, height = 6
          properties = {
            title   = "ALB p95 latency"
            region  = data.aws_region.current.name
            stat    = "p95"
            period  = 60
            metrics = [["AWS/ApplicationELB", "TargetResponseTime", "LoadBalancer", var.alb_arn_suffix]]
          }
        },
      ],
      [
        for i, k in sort(keys(var.services)) : {
          type = "metric", x = (i % 2) * 12, y = 6 + floor(i / 2) * 6, width = 12, height = 6
          properties = {
            title   = k
            region  = data.aws_region.current.name
            stat    = "Average"
            period  = 60
            metrics = [["AWS/ECS", "CPUUtilization", "ClusterName", var.cluster_name, "ServiceName", k], [".", "MemoryUtilization", ".", ".", ".", "."], ["ECS/ContainerInsights", "RunningTaskCount", ".", ".", ".", "."]]
          }
        }
      ],
    )
  })
}

resource "aws_xray_sampling_rule" "this" {
  count = var.enable_xray ? 1 : 0

  rule_name      = substr("${var.name}-default", 0, 32)
  priority       = 1000
  reservoir_size = 1
  fixed_rate     = var.xray_sampling_rate
  service_name   = "*"
  service_type   = "*"
  host           = "*"
  http_method    = "*"
  url_path       = "*"
  resource_arn   = "*"
  version        = 1
  tags           = var.tags
}

resource "aws_xray_group" "this" {
  count = var.enable_xray ? 1 : 0

  group_name        = var.name
  filter_expression = "fault = true OR error = true"
  tags              = var.tags

  insights_configuration {
    insights_enabled = true
  }
}

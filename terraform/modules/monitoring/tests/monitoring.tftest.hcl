mock_provider "aws" {
  mock_data "aws_region" {
    defaults = { name = "ca-central-1" }
  }
  mock_data "aws_iam_policy_document" {
    defaults = { json = "{}" }
  }
  mock_resource "aws_sns_topic" {
    defaults = { arn = "arn:aws:sns:ca-central-1:111111111111:indigenious-test-alarms" }
  }
  mock_resource "aws_kms_key" {
    defaults = { arn = "arn:aws:kms:ca-central-1:111111111111:key/00000000-0000-0000-0000-000000000000" }
  }
}

variables {
  name           = "indigenious-test"
  cluster_name   = "indigenious-test"
  alb_arn_suffix = "app/indigenious-test-alb/0123456789abcdef"
  services = {
    indigenious-auth-service         = { public = true, target_group_arn_suffix = "targetgroup/auth/0123" }
    indigenious-notification-service = { public = false }
  }
}

run "alarms_per_service" {
  command = plan

  assert {
    condition     = keys(aws_cloudwatch_metric_alarm.target_5xx) == ["indigenious-auth-service"] && keys(aws_cloudwatch_metric_alarm.unhealthy_hosts) == ["indigenious-auth-service"]
    error_message = "only public services get target-group alarms"
  }

  assert {
    condition     = length(aws_cloudwatch_metric_alarm.cpu_high) == 2 && length(aws_cloudwatch_metric_alarm.memory_high) == 2
    error_message = "every service gets CPU and memory alarms"
  }

  assert {
    condition     = output.deployment_alarm_names["indigenious-auth-service"][0] == "indigenious-test-indigenious-auth-service-5xx" && length(output.deployment_alarm_names["indigenious-notification-service"]) == 0
    error_message = "deployment alarms should be the public services' 5xx alarms"
  }

  assert {
    condition     = aws_cloudwatch_metric_alarm.latency["indigenious-auth-service"].extended_statistic == "p95"
    error_message = "latency should alarm on p95"
  }

  assert {
    condition     = length(aws_xray_sampling_rule.this) == 1
    error_message = "X-Ray sampling should be configured"
  }
}

run "alarm_topic_uses_a_key_cloudwatch_may_use" {
  # apply (with the mock provider) so the key's ARN is known
  command = apply

  assert {
    condition     = aws_sns_topic.alarms.kms_master_key_id == aws_kms_key.alarms.arn && aws_kms_key.alarms.enable_key_rotation
    error_message = "CloudWatch alarms cannot publish to a topic under alias/aws/sns: the topic needs its own rotated key"
  }

  assert {
    condition     = one([for st in data.aws_iam_policy_document.alarms_key.statement : st.principals if st.sid == "CloudWatchAlarmsPublish"]) == toset([{ type = "Service", identifiers = toset(["cloudwatch.amazonaws.com"]) }])
    error_message = "the key policy should let CloudWatch encrypt alarm messages"
  }
}

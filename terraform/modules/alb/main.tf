data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}

locals {
  # With CloudFront the viewers' names belong to the distribution, served with a us-east-1 certificate (module
  # cloudfront-certificate, or one issued elsewhere).
  cloudfront_certificate_arn = var.enable_cloudfront && length(var.domain_names) > 0 ? var.cloudfront_certificate_arn : null

  access_logs_bucket = var.create_access_logs_bucket ? module.access_logs[0].bucket_name : var.access_logs_bucket
}

resource "aws_security_group" "alb" {
  name        = "${var.name}-alb"
  description = "Internet to the load balancer on 80 and 443; the load balancer to tasks in the VPC"
  vpc_id      = var.vpc_id
  tags        = merge(var.tags, { Name = "${var.name}-alb" })
}

# The only rules in the platform that admit 0.0.0.0/0: the public load balancer's HTTP (redirected) and HTTPS, when
# viewers reach it directly. Behind CloudFront only CloudFront's origin-facing servers may connect, on 443.
resource "aws_vpc_security_group_ingress_rule" "http" {
  count = var.enable_cloudfront ? 0 : 1

  security_group_id = aws_security_group.alb.id
  description       = "HTTP from the internet (redirected to HTTPS)"
  ip_protocol       = "tcp"
  from_port         = 80
  to_port           = 80
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_vpc_security_group_ingress_rule" "https" {
  count = var.enable_cloudfront ? 0 : 1

  security_group_id = aws_security_group.alb.id
  description       = "HTTPS from the internet"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}

moved {
  from = aws_vpc_security_group_ingress_rule.http
  to   = aws_vpc_security_group_ingress_rule.http[0]
}

moved {
  from = aws_vpc_security_group_ingress_rule.https
  to   = aws_vpc_security_group_ingress_rule.https[0]
}

data "aws_ec2_managed_prefix_list" "cloudfront" {
  count = var.enable_cloudfront ? 1 : 0
  name  = "com.amazonaws.global.cloudfront.origin-facing"
}

# The prefix list counts as its number of entries (about 55) against the group's rule quota (60 by default), which is
# why this is the group's only ingress rule behind CloudFront.
resource "aws_vpc_security_group_ingress_rule" "https_from_cloudfront" {
  count = var.enable_cloudfront ? 1 : 0

  security_group_id = aws_security_group.alb.id
  description       = "HTTPS from CloudFront's origin-facing servers only"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  prefix_list_id    = data.aws_ec2_managed_prefix_list.cloudfront[0].id
}

resource "aws_vpc_security_group_egress_rule" "to_tasks" {
  security_group_id = aws_security_group.alb.id
  description       = "To the tasks' container ports inside the VPC"
  ip_protocol       = "tcp"
  from_port         = 0
  to_port           = 65535
  cidr_ipv4         = var.vpc_cidr
}

# ---- access logs ----------------------------------------------------------------------------------------------------

data "aws_elb_service_account" "current" {
  count = var.create_access_logs_bucket ? 1 : 0
}

# Load balancers deliver logs as the region's Elastic Load Balancing account, to PREFIX/AWSLogs/ACCOUNT/.
data "aws_iam_policy_document" "access_logs_delivery" {
  count = var.create_access_logs_bucket ? 1 : 0

  statement {
    sid       = "ElbLogDelivery"
    actions   = ["s3:PutObject"]
    resources = ["arn:${data.aws_partition.current.partition}:s3:::${var.name}-alb-logs-${data.aws_caller_identity.current.account_id}/${var.name}/AWSLogs/${data.aws_caller_identity.current.account_id}/*"]
    principals {
      type        = "AWS"
      identifiers = [data.aws_elb_service_account.current[0].arn]
    }
  }
}

module "access_logs" {
  source = "../s3-bucket"
  count  = var.create_access_logs_bucket ? 1 : 0

  # ALB access logs support SSE-S3 only.
  name                    = "${var.name}-alb-logs-${data.aws_caller_identity.current.account_id}"
  additional_policy_json  = data.aws_iam_policy_document.access_logs_delivery[0].json
  expiration_days         = var.access_logs_retention_days
  noncurrent_version_days = 1
  force_destroy           = !var.deletion_protection
  tags                    = var.tags
}

# ---- load balancer, listeners, target groups and rules ------------------------------------------------------------

resource "aws_lb" "this" {
  name                       = substr("${var.name}-alb", 0, 32)
  load_balancer_type         = "application"
  internal                   = false
  subnets                    = var.public_subnet_ids
  security_groups            = [aws_security_group.alb.id]
  drop_invalid_header_fields = true
  enable_deletion_protection = var.deletion_protection
  idle_timeout               = var.idle_timeout
  tags                       = merge(var.tags, { Name = "${var.name}-alb" })

  dynamic "access_logs" {
    for_each = local.access_logs_bucket == null ? [] : [local.access_logs_bucket]
    content {
      bucket  = access_logs.value
      prefix  = var.name
      enabled = true
    }
  }

  lifecycle {
    precondition {
      condition     = !(var.create_access_logs_bucket && var.access_logs_bucket != null)
      error_message = "Give access_logs_bucket (an existing bucket) or create_access_logs_bucket, not both."
    }
  }
}

resource "aws_wafv2_web_acl_association" "alb" {
  count = var.alb_web_acl_arn == null ? 0 : 1

  resource_arn = aws_lb.this.arn
  web_acl_arn  = var.alb_web_acl_arn
}

resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.this.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type = "redirect"
    redirect {
      port        = "443"
      protocol    = "HTTPS"
      status_code = "HTTP_301"
    }
  }
}

resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.this.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = var.ssl_policy
  certificate_arn   = var.certificate_arn

  default_action {
    type = "fixed-response"
    fixed_response {
      content_type = "application/json"
      message_body = "{\"error\":\"no route\"}"
      status_code  = "404"
    }
  }
}

# A change that replaces a target group (port, protocol) creates the new one first, moves the listener rule to it,
# then deletes the old one: a target group a rule forwards to cannot be deleted, and a fixed name could not exist
# twice. Target group names are at most 32 characters; the Service tag says whose it is.
resource "aws_lb_target_group" "service" {
  for_each = var.services

  name_prefix          = "svc-"
  vpc_id               = var.vpc_id
  target_type          = "ip"
  protocol             = "HTTP"
  port                 = each.value.port
  deregistration_delay = 30
  tags                 = merge(var.tags, { Service = each.key })

  health_check {
    path                = each.value.health_check_path
    matcher             = each.value.health_check_matcher
    healthy_threshold   = each.value.healthy_threshold
    unhealthy_threshold = 3
    interval            = each.value.interval_seconds
    timeout             = each.value.timeout_seconds
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_lb_listener_rule" "service" {
  for_each = var.services

  listener_arn = aws_lb_listener.https.arn
  priority     = each.value.priority
  tags         = merge(var.tags, { Service = each.key })

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.service[each.key].arn
  }

  condition {
    path_pattern {
      values = each.value.path_patterns
    }
  }
}

# ---- CloudFront -----------------------------------------------------------------------------------------------------

data "aws_cloudfront_cache_policy" "disabled" {
  count = var.enable_cloudfront ? 1 : 0
  name  = "Managed-CachingDisabled"
}

# Everything the viewer sent except Host: CloudFront checks the origin's certificate against the Host it forwards,
# and the viewer's Host (the distribution's name) is not on the ALB's certificate.
data "aws_cloudfront_origin_request_policy" "all_viewer_except_host" {
  count = var.enable_cloudfront ? 1 : 0
  name  = "Managed-AllViewerExceptHostHeader"
}

resource "aws_cloudfront_distribution" "this" {
  count = var.enable_cloudfront ? 1 : 0

  enabled         = true
  is_ipv6_enabled = true
  comment         = "${var.name} in front of the ALB"
  price_class     = var.cloudfront_price_class
  aliases         = var.domain_names
  web_acl_id      = var.cloudfront_web_acl_arn
  tags            = var.tags

  origin {
    domain_name = var.cloudfront_origin_domain_name
    origin_id   = "alb"
    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }

  default_cache_behavior {
    target_origin_id         = "alb"
    viewer_protocol_policy   = "redirect-to-https"
    allowed_methods          = ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"]
    cached_methods           = ["GET", "HEAD"]
    cache_policy_id          = data.aws_cloudfront_cache_policy.disabled[0].id
    origin_request_policy_id = data.aws_cloudfront_origin_request_policy.all_viewer_except_host[0].id
    compress                 = true
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  # The viewers' names with their certificate: SNI only (no dedicated-IP fee), TLS 1.2 and later. Without
  # domain_names the distribution answers only on its *.cloudfront.net name, whose default certificate CloudFront
  # serves with a TLSv1 minimum that cannot be raised.
  viewer_certificate {
    cloudfront_default_certificate = local.cloudfront_certificate_arn == null
    acm_certificate_arn            = local.cloudfront_certificate_arn
    ssl_support_method             = local.cloudfront_certificate_arn == null ? null : "sni-only"
    minimum_protocol_version       = local.cloudfront_certificate_arn == null ? "TLSv1" : "TLSv1.2_2021"
  }

  lifecycle {
    precondition {
      condition     = var.cloudfront_origin_domain_name != null
      error_message = "enable_cloudfront needs cloudfront_origin_domain_name: a DNS name of the load balancer that certificate_arn covers (CloudFront cannot verify the ALB's certificate against *.elb.amazonaws.com)."
    }

    precondition {
      condition     = length(var.domain_names) == 0 || var.cloudfront_certificate_arn != null
      error_message = "CloudFront serves domain_names only with a us-east-1 certificate that covers them: give cloudfront_certificate_arn (module cloudfront-certificate requests and validates one)."
    }
  }
}

# ---- DNS (optional) -------------------------------------------------------------------------------------------------
# With route53_zone_id: the viewers' names point at CloudFront (or at the ALB without it), and CloudFront's origin
# name points at the ALB.

locals {
  viewer_records = var.route53_zone_id == null ? {} : merge([
    for n in var.domain_names : var.enable_cloudfront ? { "${n}/A" = { name = n, type = "A" }, "${n}/AAAA" = { name = n, type = "AAAA" } } : { "${n}/A" = { name = n, type = "A" } }
  ]...)
}

resource "aws_route53_record" "viewer" {
  for_each = local.viewer_records

  zone_id = var.route53_zone_id
  name    = each.value.name
  type    = each.value.type

  alias {
    name                   = var.enable_cloudfront ? aws_cloudfront_distribution.this[0].domain_name : aws_lb.this.dns_name
    zone_id                = var.enable_cloudfront ? aws_cloudfront_distribution.this[0].hosted_zone_id : aws_lb.this.zone_id
    evaluate_target_health = !var.enable_cloudfront
  }
}

resource "aws_route53_record" "origin" {
  count = var.route53_zone_id != null && var.enable_cloudfront && var.cloudfront_origin_domain_name != null ? 1 : 0

  zone_id = var.route53_zone_id
  name    = var.cloudfront_origin_domain_name
  type    = "A"

  alias {
    name                   = aws_lb.this.dns_name
    zone_id                = aws_lb.this.zone_id
    evaluate_target_health = true
  }
}

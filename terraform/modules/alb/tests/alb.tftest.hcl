mock_provider "aws" {
  mock_data "aws_caller_identity" {
    defaults = { account_id = "111111111111" }
  }
  mock_data "aws_partition" {
    defaults = { partition = "aws" }
  }
  mock_data "aws_iam_policy_document" {
    defaults = { json = "{}" }
  }
  mock_data "aws_ec2_managed_prefix_list" {
    defaults = { id = "pl-3b927c52", name = "com.amazonaws.global.cloudfront.origin-facing" }
  }
  mock_data "aws_elb_service_account" {
    defaults = { arn = "arn:aws:iam::985666609251:root" }
  }
  mock_resource "aws_cloudfront_distribution" {
    defaults = { domain_name = "d111111abcdef8.cloudfront.net", hosted_zone_id = "Z2FDTNDATAQYW2", arn = "arn:aws:cloudfront::111111111111:distribution/EDFDVBD6EXAMPLE" }
  }
  mock_resource "aws_lb_listener" {
    defaults = { arn = "arn:aws:elasticloadbalancing:ca-central-1:111111111111:listener/app/indigenious-test-alb/0123456789abcdef/0123456789abcdef" }
  }
  mock_resource "aws_lb_target_group" {
    defaults = { arn = "arn:aws:elasticloadbalancing:ca-central-1:111111111111:targetgroup/svc-0123/0123456789abcdef", arn_suffix = "targetgroup/svc-0123/0123456789abcdef" }
  }
  mock_resource "aws_lb_listener_rule" {
    defaults = { arn = "arn:aws:elasticloadbalancing:ca-central-1:111111111111:listener-rule/app/indigenious-test-alb/0123456789abcdef/0123456789abcdef/0123456789abcdef" }
  }
  mock_resource "aws_lb" {
    defaults = { arn = "arn:aws:elasticloadbalancing:ca-central-1:111111111111:loadbalancer/app/indigenious-test-alb/0123456789abcdef", dns_name = "indigenious-test-alb-123.ca-central-1.elb.amazonaws.com", zone_id = "ZQSVJUPU6J1EY" }
  }
}

variables {
  name              = "indigenious-test"
  vpc_id            = "vpc-0123456789abcdef0"
  vpc_cidr          = "10.1.0.0/16"
  public_subnet_ids = ["subnet-a", "subnet-b", "subnet-c"]
  certificate_arn   = "arn:aws:acm:ca-central-1:111111111111:certificate/00000000-0000-0000-0000-000000000000"
  services = {
    indigenious-auth-service = { port = 3000, path_patterns = ["/auth/*"], priority = 10 }
    indigenious-web-frontend = { port = 3000, path_patterns = ["/*"], priority = 50000, health_check_path = "/api/health" }
  }
}

run "redirects_http_and_routes_paths" {
  command = plan

  assert {
    condition     = aws_lb_listener.http.default_action[0].type == "redirect" && aws_lb_listener.http.default_action[0].redirect[0].protocol == "HTTPS"
    error_message = "HTTP should redirect to HTTPS"
  }

  assert {
    condition     = contains(flatten([for c in aws_lb_listener_rule.service["indigenious-auth-service"].condition : [for p in c.path_pattern : tolist(p.values)]]), "/auth/*")
    error_message = "/auth/* should route to the auth service"
  }

  assert {
    condition     = aws_lb_target_group.service["indigenious-web-frontend"].health_check[0].path == "/api/health"
    error_message = "the target group should use the service's health check path"
  }

  assert {
    condition     = alltrue([for tg in aws_lb_target_group.service : length(tg.name_prefix) <= 6 && tg.target_type == "ip"])
    error_message = "target groups should be ip targets named by a prefix of at most 6 characters (so a replacement can exist beside the old one)"
  }

  assert {
    condition     = aws_lb.this.drop_invalid_header_fields && aws_lb.this.enable_deletion_protection
    error_message = "the ALB should drop invalid headers and be protected from deletion by default"
  }

  assert {
    condition     = length(aws_lb.this.access_logs) == 0 && output.access_logs_bucket == null
    error_message = "access logs should be off unless asked for"
  }
}

run "services_get_their_listener_rule" {
  command   = apply
  state_key = "services_get_their_listener_rule"

  assert {
    condition     = keys(output.listener_rule_arns) == ["indigenious-auth-service", "indigenious-web-frontend"] && output.listener_rule_arns["indigenious-auth-service"] == aws_lb_listener_rule.service["indigenious-auth-service"].arn
    error_message = "the module should hand out each service's listener rule, which ecs-service waits for"
  }
}

run "only_80_and_443_from_the_internet" {
  command = plan

  assert {
    condition     = aws_vpc_security_group_ingress_rule.http[0].from_port == 80 && aws_vpc_security_group_ingress_rule.https[0].from_port == 443 && aws_vpc_security_group_ingress_rule.https[0].cidr_ipv4 == "0.0.0.0/0"
    error_message = "the ALB should admit exactly 80 and 443"
  }

  assert {
    condition     = length(aws_vpc_security_group_ingress_rule.https_from_cloudfront) == 0
    error_message = "without CloudFront there is no CloudFront rule"
  }

  assert {
    condition     = aws_vpc_security_group_egress_rule.to_tasks.cidr_ipv4 == "10.1.0.0/16"
    error_message = "the ALB should send traffic only into the VPC"
  }
}

run "optional_cloudfront" {
  command = plan

  variables {
    enable_cloudfront             = true
    cloudfront_origin_domain_name = "origin.indigenious.example"
  }

  assert {
    condition     = length(aws_cloudfront_distribution.this) == 1 && aws_cloudfront_distribution.this[0].default_cache_behavior[0].viewer_protocol_policy == "redirect-to-https"
    error_message = "CloudFront should be created and redirect viewers to HTTPS"
  }

  assert {
    condition     = one(aws_cloudfront_distribution.this[0].origin).domain_name == "origin.indigenious.example" && one(one(aws_cloudfront_distribution.this[0].origin).custom_origin_config).origin_protocol_policy == "https-only"
    error_message = "CloudFront should reach the ALB over HTTPS by a name its certificate covers, not the ALB's DNS name"
  }

  assert {
    condition     = length(aws_vpc_security_group_ingress_rule.http) == 0 && length(aws_vpc_security_group_ingress_rule.https) == 0
    error_message = "behind CloudFront the ALB should admit nothing from the internet at large"
  }

  assert {
    condition     = aws_vpc_security_group_ingress_rule.https_from_cloudfront[0].prefix_list_id == "pl-3b927c52" && aws_vpc_security_group_ingress_rule.https_from_cloudfront[0].from_port == 443 && aws_vpc_security_group_ingress_rule.https_from_cloudfront[0].cidr_ipv4 == null
    error_message = "behind CloudFront the ALB should admit HTTPS from CloudFront's origin-facing prefix list only"
  }

  assert {
    condition     = data.aws_ec2_managed_prefix_list.cloudfront[0].name == "com.amazonaws.global.cloudfront.origin-facing"
    error_message = "the prefix list should be CloudFront's origin-facing one"
  }
}

run "cloudfront_serves_the_domain_with_its_own_certificate_and_tls_1_2" {
  command   = apply
  state_key = "cloudfront_serves_the_domain_with_its_own_certificate_and_tls_1_2"

  variables {
    enable_cloudfront             = true
    cloudfront_origin_domain_name = "origin.indigenious.example"
    domain_names                  = ["indigenious.example", "www.indigenious.example"]
    cloudfront_certificate_arn    = "arn:aws:acm:us-east-1:111111111111:certificate/11111111-1111-1111-1111-111111111111"
    route53_zone_id               = "Z0123456789ABCDEFGHIJ"
    cloudfront_web_acl_arn        = "arn:aws:wafv2:us-east-1:111111111111:global/webacl/indigenious/00000000-0000-0000-0000-000000000000"
  }

  assert {
    condition     = aws_cloudfront_distribution.this[0].aliases == toset(["indigenious.example", "www.indigenious.example"])
    error_message = "the distribution should answer on the viewers' names"
  }

  assert {
    condition = (
      aws_cloudfront_distribution.this[0].viewer_certificate[0].acm_certificate_arn == "arn:aws:acm:us-east-1:111111111111:certificate/11111111-1111-1111-1111-111111111111" &&
      aws_cloudfront_distribution.this[0].viewer_certificate[0].ssl_support_method == "sni-only" &&
      aws_cloudfront_distribution.this[0].viewer_certificate[0].minimum_protocol_version == "TLSv1.2_2021" &&
      !aws_cloudfront_distribution.this[0].viewer_certificate[0].cloudfront_default_certificate
    )
    error_message = "CloudFront should serve the validated certificate by SNI with TLSv1.2_2021 at least (CloudFront.7, CloudFront.8)"
  }

  assert {
    condition     = aws_cloudfront_distribution.this[0].web_acl_id == "arn:aws:wafv2:us-east-1:111111111111:global/webacl/indigenious/00000000-0000-0000-0000-000000000000"
    error_message = "the web ACL should protect the distribution"
  }

  assert {
    condition     = keys(aws_route53_record.viewer) == ["indigenious.example/A", "indigenious.example/AAAA", "www.indigenious.example/A", "www.indigenious.example/AAAA"] && alltrue([for r in aws_route53_record.viewer : one(r.alias).name == "d111111abcdef8.cloudfront.net"])
    error_message = "the viewers' names should point at CloudFront (IPv4 and IPv6)"
  }

  assert {
    condition     = aws_route53_record.origin[0].name == "origin.indigenious.example" && one(aws_route53_record.origin[0].alias).name == "indigenious-test-alb-123.ca-central-1.elb.amazonaws.com"
    error_message = "the origin name should point at the ALB"
  }
}

run "cloudfront_names_need_a_certificate" {
  command = plan

  variables {
    enable_cloudfront             = true
    cloudfront_origin_domain_name = "origin.indigenious.example"
    domain_names                  = ["indigenious.example"]
  }

  expect_failures = [aws_cloudfront_distribution.this]
}

run "cloudfront_certificate_must_be_in_us_east_1" {
  command = plan

  variables {
    cloudfront_certificate_arn = "arn:aws:acm:ca-central-1:111111111111:certificate/22222222-2222-2222-2222-222222222222"
  }

  expect_failures = [var.cloudfront_certificate_arn]
}

run "cloudfront_needs_an_origin_name_the_certificate_covers" {
  command = plan

  variables {
    enable_cloudfront = true
  }

  expect_failures = [aws_cloudfront_distribution.this]
}

run "without_cloudfront_the_names_point_at_the_alb" {
  command   = apply
  state_key = "without_cloudfront_the_names_point_at_the_alb"

  variables {
    domain_names    = ["dev.indigenious.example"]
    route53_zone_id = "Z0123456789ABCDEFGHIJ"
    alb_web_acl_arn = "arn:aws:wafv2:ca-central-1:111111111111:regional/webacl/indigenious/00000000-0000-0000-0000-000000000000"
  }

  assert {
    condition     = keys(aws_route53_record.viewer) == ["dev.indigenious.example/A"] && one(aws_route53_record.viewer["dev.indigenious.example/A"].alias).zone_id == "ZQSVJUPU6J1EY"
    error_message = "without CloudFront the viewers' names should point at the ALB"
  }

  assert {
    condition     = length(aws_route53_record.origin) == 0 && output.cloudfront_certificate_arn == null
    error_message = "no CloudFront certificate or origin record without CloudFront"
  }

  assert {
    condition     = aws_wafv2_web_acl_association.alb[0].web_acl_arn == "arn:aws:wafv2:ca-central-1:111111111111:regional/webacl/indigenious/00000000-0000-0000-0000-000000000000"
    error_message = "a regional web ACL should be associated with the ALB"
  }
}

run "access_logs_go_to_a_private_bucket" {
  command   = apply
  state_key = "access_logs_go_to_a_private_bucket"

  variables {
    create_access_logs_bucket = true
  }

  assert {
    condition     = one(aws_lb.this.access_logs).bucket == "indigenious-test-alb-logs-111111111111" && one(aws_lb.this.access_logs).enabled && one(aws_lb.this.access_logs).prefix == "indigenious-test"
    error_message = "the ALB should log to the created bucket (ELB.5)"
  }

  assert {
    condition     = one(data.aws_iam_policy_document.access_logs_delivery[0].statement).resources == toset(["arn:aws:s3:::indigenious-test-alb-logs-111111111111/indigenious-test/AWSLogs/111111111111/*"]) && one(one(data.aws_iam_policy_document.access_logs_delivery[0].statement).principals).identifiers == toset(["arn:aws:iam::985666609251:root"])
    error_message = "only the region's ELB account may write, and only under the ALB's prefix"
  }
}

run "rejects_duplicate_priorities" {
  command = plan

  variables {
    services = {
      a = { port = 3000, path_patterns = ["/a/*"], priority = 10 }
      b = { port = 3000, path_patterns = ["/b/*"], priority = 10 }
    }
  }

  expect_failures = [var.services]
}

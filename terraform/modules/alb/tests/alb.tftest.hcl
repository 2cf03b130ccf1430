mock_provider "aws" {}

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
    condition     = alltrue([for tg in aws_lb_target_group.service : length(tg.name) <= 32 && tg.target_type == "ip"])
    error_message = "target groups should be ip targets with names of at most 32 characters"
  }

  assert {
    condition     = aws_lb.this.drop_invalid_header_fields && aws_lb.this.enable_deletion_protection
    error_message = "the ALB should drop invalid headers and be protected from deletion by default"
  }
}

run "only_80_and_443_from_the_internet" {
  command = plan

  assert {
    condition     = aws_vpc_security_group_ingress_rule.http.from_port == 80 && aws_vpc_security_group_ingress_rule.https.from_port == 443
    error_message = "the ALB should admit exactly 80 and 443"
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
}

run "cloudfront_needs_an_origin_name_the_certificate_covers" {
  command = plan

  variables {
    enable_cloudfront = true
  }

  expect_failures = [aws_cloudfront_distribution.this]
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

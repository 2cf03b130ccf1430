mock_provider "aws" {
  mock_data "aws_availability_zones" {
    defaults = { names = ["ca-central-1a", "ca-central-1b", "ca-central-1d", "ca-central-1e"] }
  }
  mock_data "aws_region" {
    defaults = { name = "ca-central-1" }
  }
  mock_data "aws_iam_policy_document" {
    defaults = { json = "{}" }
  }
}

variables {
  name     = "indigenious-test"
  vpc_cidr = "10.1.0.0/16"
}

run "dev_uses_one_nat_gateway" {
  command = plan

  variables {
    nat_gateway_mode = "single"
  }

  assert {
    condition     = length(aws_nat_gateway.this) == 1
    error_message = "single mode should create one NAT gateway"
  }

  assert {
    condition     = length(aws_subnet.public) == 3 && length(aws_subnet.private) == 3
    error_message = "three zones should give three public and three private subnets"
  }

  assert {
    condition     = aws_subnet.public[0].cidr_block == "10.1.0.0/20" && aws_subnet.private[0].cidr_block == "10.1.128.0/20"
    error_message = "subnets should be /20s: public from the start of the VPC, private from its second half"
  }

  assert {
    condition     = alltrue([for s in aws_subnet.public : s.map_public_ip_on_launch == false])
    error_message = "nothing in a public subnet should get a public IP by default"
  }
}

run "production_uses_a_nat_gateway_per_zone" {
  command = plan

  variables {
    vpc_cidr         = "10.0.0.0/16"
    nat_gateway_mode = "per-az"
  }

  assert {
    condition     = length(aws_nat_gateway.this) == 3
    error_message = "per-az mode should create one NAT gateway per zone"
  }
}

run "endpoints_and_flow_logs" {
  command = plan

  assert {
    condition     = toset(keys(aws_vpc_endpoint.interface)) == toset(["ecr.api", "ecr.dkr", "logs"])
    error_message = "ECR and CloudWatch Logs should be reached through interface endpoints"
  }

  assert {
    condition     = aws_vpc_endpoint.s3.vpc_endpoint_type == "Gateway"
    error_message = "S3 should be a gateway endpoint"
  }

  assert {
    condition     = aws_vpc_security_group_ingress_rule.endpoints_https.cidr_ipv4 == "10.1.0.0/16"
    error_message = "the endpoints should admit HTTPS from the VPC only"
  }

  assert {
    condition     = aws_flow_log.this.traffic_type == "ALL"
    error_message = "flow logs should record all traffic"
  }
}

run "rejects_a_bad_cidr" {
  command = plan

  variables {
    vpc_cidr = "10.1.0.0"
  }

  expect_failures = [var.vpc_cidr]
}

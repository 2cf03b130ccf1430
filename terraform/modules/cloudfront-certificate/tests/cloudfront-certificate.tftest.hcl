mock_provider "aws" {
  mock_data "aws_region" {
    defaults = { name = "us-east-1" }
  }
  mock_resource "aws_acm_certificate" {
    defaults = {
      arn = "arn:aws:acm:us-east-1:111111111111:certificate/11111111-1111-1111-1111-111111111111"
      domain_validation_options = [
        { domain_name = "indigenious.example", resource_record_name = "_x1.indigenious.example.", resource_record_type = "CNAME", resource_record_value = "_y1.acm-validations.aws." },
        { domain_name = "www.indigenious.example", resource_record_name = "_x2.www.indigenious.example.", resource_record_type = "CNAME", resource_record_value = "_y2.acm-validations.aws." },
      ]
    }
  }
  mock_resource "aws_acm_certificate_validation" {
    defaults = { certificate_arn = "arn:aws:acm:us-east-1:111111111111:certificate/11111111-1111-1111-1111-111111111111" }
  }
}

variables {
  name            = "indigenious-test-cloudfront"
  domain_names    = ["indigenious.example", "www.indigenious.example"]
  route53_zone_id = "Z0123456789ABCDEFGHIJ"
}

run "dns_validated_certificate_for_every_name" {
  command = apply

  assert {
    condition     = aws_acm_certificate.this.domain_name == "indigenious.example" && aws_acm_certificate.this.subject_alternative_names == toset(["www.indigenious.example"]) && aws_acm_certificate.this.validation_method == "DNS"
    error_message = "the certificate should cover every name, validated by DNS"
  }

  assert {
    condition     = keys(aws_route53_record.validation) == ["indigenious.example", "www.indigenious.example"] && aws_route53_record.validation["www.indigenious.example"].name == "_x2.www.indigenious.example." && aws_route53_record.validation["www.indigenious.example"].zone_id == "Z0123456789ABCDEFGHIJ"
    error_message = "each name should get its validation record in the zone"
  }

  assert {
    condition     = output.certificate_arn == "arn:aws:acm:us-east-1:111111111111:certificate/11111111-1111-1111-1111-111111111111"
    error_message = "the module should hand out the issued certificate"
  }
}

run "refuses_another_region" {
  command = plan

  override_data {
    target = data.aws_region.current
    values = { name = "ca-central-1" }
  }

  expect_failures = [aws_acm_certificate.this]
}

# CloudFront serves only certificates from us-east-1: the caller passes its us-east-1 provider as this module's aws
# (providers = { aws = aws.us_east_1 }). The validation records go to the domain's Route 53 zone (Route 53 is global).

data "aws_region" "current" {}

resource "aws_acm_certificate" "this" {
  domain_name               = var.domain_names[0]
  subject_alternative_names = slice(var.domain_names, 1, length(var.domain_names))
  validation_method         = "DNS"
  key_algorithm             = "RSA_2048"
  tags                      = merge(var.tags, { Name = var.name })

  lifecycle {
    create_before_destroy = true

    precondition {
      condition     = data.aws_region.current.name == "us-east-1"
      error_message = "CloudFront takes certificates from us-east-1 only: call this module with providers = { aws = aws.us_east_1 }."
    }
  }
}

# One record per name (a wildcard and its apex share a record, hence allow_overwrite), keyed by the configured names
# so the set of records is known when planning.
resource "aws_route53_record" "validation" {
  for_each = toset(var.domain_names)

  zone_id         = var.route53_zone_id
  name            = one([for o in aws_acm_certificate.this.domain_validation_options : o.resource_record_name if o.domain_name == each.key])
  type            = one([for o in aws_acm_certificate.this.domain_validation_options : o.resource_record_type if o.domain_name == each.key])
  records         = [one([for o in aws_acm_certificate.this.domain_validation_options : o.resource_record_value if o.domain_name == each.key])]
  ttl             = 300
  allow_overwrite = true
}

resource "aws_acm_certificate_validation" "this" {
  certificate_arn         = aws_acm_certificate.this.arn
  validation_record_fqdns = [for r in aws_route53_record.validation : r.fqdn]
}

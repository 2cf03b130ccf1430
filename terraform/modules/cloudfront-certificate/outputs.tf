output "certificate_arn" {
  description = "ARN of the certificate, once ACM has issued it (give it to the alb module as cloudfront_certificate_arn)."
  value       = aws_acm_certificate_validation.this.certificate_arn
}

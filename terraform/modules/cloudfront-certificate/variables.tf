variable "name" {
  type        = string
  description = "Name tag of the certificate, e.g. indigenious-production-cloudfront."
}

variable "domain_names" {
  type        = list(string)
  description = "Names the certificate covers, the first one as its subject (the distribution's aliases)."

  validation {
    condition     = length(var.domain_names) >= 1 && length(var.domain_names) <= 10
    error_message = "domain_names needs 1 to 10 names (ACM's default limit of names per certificate)."
  }
}

variable "route53_zone_id" {
  type        = string
  description = "Route 53 hosted zone the DNS validation records are written to."
}

variable "tags" {
  type        = map(string)
  description = "Tags added to every resource."
  default     = {}
}

variable "name" {
  type        = string
  description = "Prefix for every resource name, e.g. indigenious-dev."
}

variable "vpc_id" {
  type        = string
  description = "VPC the load balancer and its target groups live in."
}

variable "vpc_cidr" {
  type        = string
  description = "CIDR of the VPC: the load balancer may send traffic only there (to the tasks)."
}

variable "public_subnet_ids" {
  type        = list(string)
  description = "Public subnets for the load balancer, at least two zones."
}

variable "certificate_arn" {
  type        = string
  description = "ACM certificate for the HTTPS listener (in the load balancer's region). HTTP always redirects to HTTPS."
}

variable "ssl_policy" {
  type        = string
  description = "TLS policy of the HTTPS listener."
  default     = "ELBSecurityPolicy-TLS13-1-2-2021-06"
}

variable "services" {
  type = map(object({
    port                 = number
    path_patterns        = list(string)
    priority             = number
    health_check_path    = optional(string, "/health")
    health_check_matcher = optional(string, "200")
    healthy_threshold    = optional(number, 3)
    interval_seconds     = optional(number, 10)
    timeout_seconds      = optional(number, 5)
  }))
  description = "Services the load balancer routes to, by name: path patterns (e.g. /auth/*) and listener rule priority from the catalog's routing, health check from its healthCheck."
  default     = {}

  validation {
    condition     = alltrue([for s in values(var.services) : length(s.path_patterns) >= 1 && length(s.path_patterns) <= 5])
    error_message = "Each service needs 1 to 5 path patterns (an ALB rule condition takes at most 5 values)."
  }

  validation {
    condition     = length(distinct([for s in values(var.services) : s.priority])) == length(var.services)
    error_message = "Listener rule priorities must be unique across services."
  }
}

variable "deletion_protection" {
  type        = bool
  description = "Refuse to delete the load balancer (set in production)."
  default     = true
}

variable "idle_timeout" {
  type        = number
  description = "Seconds a connection may stay idle (raise it for the chat service's websockets)."
  default     = 120
}

variable "access_logs_bucket" {
  type        = string
  description = "An existing S3 bucket for ALB access logs (SSE-S3, with a policy that lets the region's ELB account write PREFIX/AWSLogs/ACCOUNT/); null with create_access_logs_bucket false turns access logs off."
  default     = null
}

variable "create_access_logs_bucket" {
  type        = bool
  description = "Create a bucket for the ALB's access logs (NAME-alb-logs-ACCOUNT: private, SSE-S3, TLS-only, ELB delivery only) and turn the logs on."
  default     = false
}

variable "access_logs_retention_days" {
  type        = number
  description = "Days access logs are kept in the created bucket."
  default     = 90
}

variable "alb_web_acl_arn" {
  type        = string
  description = "A regional WAFv2 web ACL to associate with the load balancer; null associates none. Behind CloudFront use cloudfront_web_acl_arn instead."
  default     = null
}

variable "enable_cloudfront" {
  type        = bool
  description = "Put a CloudFront distribution in front of the load balancer (HTTPS to the viewer and to the origin)."
  default     = false
}

variable "cloudfront_origin_domain_name" {
  type        = string
  description = "Name CloudFront connects to the load balancer by, over HTTPS: a DNS name that resolves to the ALB and that certificate_arn covers (e.g. origin.example.com). Required with enable_cloudfront: the certificate never covers the ALB's own *.elb.amazonaws.com name, so CloudFront could not verify it and would answer 502."
  default     = null
}

variable "domain_names" {
  type        = list(string)
  description = "The names viewers use (e.g. indigenious.example). With CloudFront they are the distribution's aliases, served with cloudfront_certificate_arn; with route53_zone_id they get alias records (to CloudFront, or to the ALB without it)."
  default     = []
}

variable "cloudfront_certificate_arn" {
  type        = string
  description = "An issued ACM certificate in us-east-1 covering domain_names, which CloudFront serves them with (module cloudfront-certificate requests and validates one). Required with enable_cloudfront and domain_names."
  default     = null

  validation {
    condition     = var.cloudfront_certificate_arn == null || can(regex("^arn:[^:]+:acm:us-east-1:", var.cloudfront_certificate_arn))
    error_message = "cloudfront_certificate_arn must be an ACM certificate in us-east-1 (CloudFront uses no other region)."
  }
}

variable "route53_zone_id" {
  type        = string
  description = "Route 53 hosted zone of domain_names: alias records of the viewers' names (to CloudFront, or to the ALB without it) and of CloudFront's origin name. null creates no records."
  default     = null
}

variable "cloudfront_web_acl_arn" {
  type        = string
  description = "A WAFv2 web ACL with CLOUDFRONT scope (created in us-east-1) for the distribution; null attaches none."
  default     = null
}

variable "cloudfront_price_class" {
  type        = string
  description = "CloudFront price class when enable_cloudfront is true."
  default     = "PriceClass_100"
}

variable "tags" {
  type        = map(string)
  description = "Tags added to every resource."
  default     = {}
}

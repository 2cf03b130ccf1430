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
  description = "S3 bucket for ALB access logs; null turns access logs off."
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

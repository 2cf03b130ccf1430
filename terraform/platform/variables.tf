# One root for every environment. Most values come from terraform/environments/ENV/catalog.tfvars.json, written by
# `tierdeploy terraform-vars --env ENV` from the catalog (edit the catalog and regenerate, never the JSON), and passed
# with -var-file; the state is chosen at init with -backend-config=terraform/environments/ENV/backend.tfbackend.
# terraform-apply passes both from the catalog environment's `terraform` section.

variable "environment" {
  type        = string
  description = "Catalog environment name (dev, staging, production)."

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]*$", var.environment))
    error_message = "environment must be a catalog environment name (lower case letters, digits and dashes)."
  }
}

variable "settings" {
  type = object({
    deletion_protection   = bool
    enable_cloudfront     = bool
    container_insights    = string
    log_retention_days    = number
    backup_retention_days = number
    database_instances    = number
    database_min_acu      = number
    database_max_acu      = number
    cache_node_type       = string
    cache_nodes           = number
    gpu_max_size          = number
    bootstrap_image_tag   = string
    alb_access_logs       = bool
  })
  description = "What makes the environment itself (sizes of data stores, protection, CloudFront, retention). null takes the environment's entry in settings.tf; another environment adds an entry there or passes this."
  default     = null

  validation {
    condition     = var.settings != null || contains(keys(local.environment_settings), var.environment)
    error_message = "No settings for environment ${var.environment}: add an entry to terraform/platform/settings.tf, or pass settings in a -var-file."
  }
}

variable "platform" {
  type        = string
  description = "Catalog platform name; prefixes resource names."
}

variable "account_id" {
  type        = string
  description = "AWS account of the environment; the provider refuses any other, so dev's configuration can never touch production."
}

variable "region" {
  type        = string
  description = "AWS region of the environment."
}

variable "cluster_name" {
  type        = string
  description = "ECS cluster name (the catalog environment's cluster)."
}

variable "vpc_cidr" {
  type        = string
  description = "IPv4 CIDR of the environment's VPC."
}

variable "nat_gateway_mode" {
  type        = string
  description = "single or per-az (the catalog environment's network.natGateways)."
}

variable "service_connect_namespace" {
  type        = string
  description = "Cloud Map namespace of Service Connect."
}

variable "log_group_prefix" {
  type        = string
  description = "Prefix of every service's log group (/ecs/PLATFORM-ENV); each service logs to PREFIX/SERVICE."
}

variable "ssm_prefix" {
  type        = string
  description = "Parameter Store path where the root publishes endpoints for services (e.g. /indigenious/dev)."
}

variable "business_hours" {
  type = object({
    timezone = string
    start    = string
    end      = string
    days     = list(string)
  })
  description = "When business-hours services run."
}

variable "ecr_repositories" {
  type        = list(string)
  description = "One ECR repository per service deployed in the environment."
}

variable "image_replication_destinations" {
  type = list(object({
    account_id = string
    region     = string
  }))
  description = "Registries this environment's images are replicated to: the environments promoted from it (promotesFrom) in another account or region."
  default     = []
}

variable "image_replication_sources" {
  type        = list(string)
  description = "The account this environment is promoted from, when it is another account: allowed to replicate images into this registry."
  default     = []
}

variable "services" {
  type = map(object({
    tier           = number
    cpu            = number
    memory         = number
    desired_count  = number
    min_capacity   = number
    max_capacity   = number
    cpu_target     = optional(number, 70)
    memory_target  = optional(number, 80)
    spot           = bool
    schedule       = string
    capacity       = string
    gpu            = number
    container_name = string
    port           = optional(number)
    public         = bool
    path_patterns  = list(string)
    priority       = optional(number)
    health_check = object({
      path                 = string
      matcher              = string
      healthy_threshold    = number
      interval_seconds     = number
      timeout_seconds      = number
      grace_period_seconds = number
    })
    internal    = bool
    repository  = string
    depends_on  = list(string)
    environment = map(string)
    secrets     = map(string)
  }))
  description = "The services of the environment, from the catalog: sizes, scaling, Spot and schedule, routing, health check, secrets."
}

variable "domain" {
  type        = string
  description = "Host of the catalog environment's url; the ALB serves the issued ACM certificate for it."
  default     = null
}

variable "cloudfront_origin_domain_name" {
  type        = string
  description = "Where CloudFront (production) reaches the ALB over HTTPS; null means origin.DOMAIN. It must resolve to the ALB and be covered by the ALB's certificate."
  default     = null
}

variable "certificate_arn" {
  type        = string
  description = "ACM certificate for the ALB's HTTPS listener; null uses the most recent issued certificate for domain."
  default     = null
}

variable "database_catalog_name" {
  type        = string
  description = "Catalog name of the database node: services that depend on it may reach Aurora."
  default     = "rds-aurora"
}

variable "cache_catalog_name" {
  type        = string
  description = "Catalog name of the cache node: services that depend on it may reach Redis."
  default     = "elasticache-redis"
}

variable "documents_catalog_name" {
  type        = string
  description = "Catalog name of the documents bucket node: services that depend on it may read and write the bucket."
  default     = "s3-documents"
}

variable "route53_zone_id" {
  type        = string
  description = "Route 53 hosted zone of domain: alias records for it (to CloudFront, or to the ALB) and for CloudFront's origin name, and validation of the CloudFront certificate this root then requests. null creates no records."
  default     = null
}

variable "cloudfront_certificate_arn" {
  type        = string
  description = "Issued ACM certificate in us-east-1 for domain, served by CloudFront; null requests one when route53_zone_id is given, else uses the most recent issued us-east-1 certificate for domain."
  default     = null
}

variable "cloudfront_web_acl_arn" {
  type        = string
  description = "WAFv2 web ACL (CLOUDFRONT scope) protecting the CloudFront distribution; null attaches none."
  default     = null
}

variable "alb_web_acl_arn" {
  type        = string
  description = "Regional WAFv2 web ACL associated with the ALB; null associates none."
  default     = null
}

variable "kms_key_arn" {
  type        = string
  description = "Customer-managed KMS key for Aurora, Redis, the documents bucket and the log groups; null uses AWS-managed keys (everything is encrypted either way). Set it before the first apply: changing it later replaces Aurora and Redis, which the destroy guard refuses. Its key policy must let CloudWatch Logs use it."
  default     = null
}

variable "alarm_emails" {
  type        = list(string)
  description = "Addresses that receive alarm notifications."
  default     = []
}

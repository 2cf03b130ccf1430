# This file is the same in every environment (a test checks it): environments differ only in settings.tf, the
# backend in backend.tf, and the catalog-generated catalog.auto.tfvars.json.

provider "aws" {
  region              = var.region
  allowed_account_ids = [var.account_id]

  default_tags {
    tags = {
      Platform    = var.platform
      Environment = var.environment
      ManagedBy   = "terraform"
    }
  }
}

data "aws_acm_certificate" "domain" {
  count = var.certificate_arn == null ? 1 : 0

  domain      = var.domain
  statuses    = ["ISSUED"]
  most_recent = true

  lifecycle {
    precondition {
      condition     = var.domain != null
      error_message = "Give certificate_arn, or a url in the catalog environment so terraform-vars writes its domain."
    }
  }
}

locals {
  name            = "${var.platform}-${var.environment}"
  certificate_arn = coalesce(var.certificate_arn, one(data.aws_acm_certificate.domain[*].arn))

  public_services  = { for k, s in var.services : k => s if s.public }
  needs_gpu        = anytrue([for s in values(var.services) : s.capacity == "ec2-gpu"])
  database_clients = sort([for k, s in var.services : k if contains(s.depends_on, var.database_catalog_name)])
  cache_clients    = sort([for k, s in var.services : k if contains(s.depends_on, var.cache_catalog_name)])

  # The credentials of the data stores a service depends on, injected by ECS at start through the execution role
  # (which may read exactly these secrets): the database's RDS-managed master secret and the Redis AUTH token.
  data_store_secrets = {
    for k, s in var.services : k => merge(
      contains(local.database_clients, k) ? { DATABASE_CREDENTIALS = module.database.master_user_secret_arn } : {},
      contains(local.cache_clients, k) ? { REDIS_AUTH_TOKEN = module.cache.auth_token_secret_arn } : {},
    )
  }
}

module "networking" {
  source = "../../modules/networking"

  name                    = local.name
  vpc_cidr                = var.vpc_cidr
  nat_gateway_mode        = var.nat_gateway_mode
  flow_log_retention_days = local.settings.log_retention_days
}

module "ecr" {
  source = "../../modules/ecr"

  repositories = toset(var.ecr_repositories)
}

module "alb" {
  source = "../../modules/alb"

  name                = local.name
  vpc_id              = module.networking.vpc_id
  vpc_cidr            = module.networking.vpc_cidr
  public_subnet_ids   = module.networking.public_subnet_ids
  certificate_arn     = local.certificate_arn
  deletion_protection = local.settings.deletion_protection
  enable_cloudfront   = local.settings.enable_cloudfront
  # CloudFront reaches the ALB as origin.DOMAIN (a DNS record for the ALB, covered by the certificate) unless given.
  cloudfront_origin_domain_name = var.cloudfront_origin_domain_name != null ? var.cloudfront_origin_domain_name : (var.domain == null ? null : "origin.${var.domain}")
  services = {
    for k, s in local.public_services : k => {
      port                 = s.port
      path_patterns        = s.path_patterns
      priority             = s.priority
      health_check_path    = s.health_check.path
      health_check_matcher = s.health_check.matcher
      healthy_threshold    = s.health_check.healthy_threshold
      interval_seconds     = s.health_check.interval_seconds
      timeout_seconds      = s.health_check.timeout_seconds
    }
  }
}

module "ecs_cluster" {
  source = "../../modules/ecs-cluster"

  name                      = var.cluster_name
  vpc_id                    = module.networking.vpc_id
  vpc_cidr                  = module.networking.vpc_cidr
  private_subnet_ids        = module.networking.private_subnet_ids
  service_connect_namespace = var.service_connect_namespace
  container_insights        = local.settings.container_insights
  enable_gpu_capacity       = local.needs_gpu
  gpu_max_size              = local.settings.gpu_max_size
}

module "monitoring" {
  source = "../../modules/monitoring"

  name           = local.name
  cluster_name   = module.ecs_cluster.cluster_name
  alb_arn_suffix = module.alb.alb_arn_suffix
  alarm_emails   = var.alarm_emails
  services = {
    for k, s in var.services : k => {
      public                  = s.public
      target_group_arn_suffix = s.public ? module.alb.target_group_arn_suffixes[k] : null
    }
  }
}

module "service" {
  source   = "../../modules/ecs-service"
  for_each = var.services

  name                                     = each.key
  tier                                     = each.value.tier
  cluster_arn                              = module.ecs_cluster.cluster_arn
  cluster_name                             = module.ecs_cluster.cluster_name
  vpc_id                                   = module.networking.vpc_id
  subnet_ids                               = module.networking.private_subnet_ids
  image                                    = "${module.ecr.repository_urls[each.value.repository]}:${local.settings.bootstrap_image_tag}"
  ecr_repository_arns                      = [module.ecr.repository_arns[each.value.repository]]
  container_name                           = each.value.container_name
  container_port                           = each.value.port
  cpu                                      = each.value.cpu
  memory                                   = each.value.memory
  desired_count                            = each.value.desired_count
  min_capacity                             = each.value.min_capacity
  max_capacity                             = each.value.max_capacity
  cpu_target                               = each.value.cpu_target
  memory_target                            = each.value.memory_target
  spot                                     = each.value.spot
  capacity                                 = each.value.capacity
  gpu                                      = each.value.gpu
  gpu_capacity_provider_name               = module.ecs_cluster.gpu_capacity_provider_name
  schedule                                 = each.value.schedule
  business_hours                           = var.business_hours
  public                                   = each.value.public
  target_group_arn                         = each.value.public ? module.alb.target_group_arns[each.key] : null
  alb_security_group_id                    = module.alb.security_group_id
  allow_service_connect_ingress            = each.value.internal
  service_connect_client_security_group_id = module.ecs_cluster.service_connect_client_security_group_id
  service_connect_namespace_arn            = module.ecs_cluster.service_connect_namespace_arn
  health_check_grace_period_seconds        = each.value.health_check.grace_period_seconds
  environment                              = merge({ SSM_PREFIX = var.ssm_prefix }, each.value.environment)
  secrets                                  = merge(local.data_store_secrets[each.key], each.value.secrets)
  log_group_name                           = "${var.log_group_prefix}/${each.key}"
  log_retention_days                       = local.settings.log_retention_days
  deployment_alarm_names                   = module.monitoring.deployment_alarm_names[each.key]
}

module "database" {
  source = "../../modules/database"

  name                       = local.name
  vpc_id                     = module.networking.vpc_id
  subnet_ids                 = module.networking.private_subnet_ids
  allowed_security_group_ids = [for k in local.database_clients : module.service[k].security_group_id]
  instance_count             = local.settings.database_instances
  min_capacity               = local.settings.database_min_acu
  max_capacity               = local.settings.database_max_acu
  backup_retention_days      = local.settings.backup_retention_days
  deletion_protection        = local.settings.deletion_protection
}

module "cache" {
  source = "../../modules/cache"

  name                       = local.name
  vpc_id                     = module.networking.vpc_id
  subnet_ids                 = module.networking.private_subnet_ids
  allowed_security_group_ids = [for k in local.cache_clients : module.service[k].security_group_id]
  node_type                  = local.settings.cache_node_type
  num_cache_clusters         = local.settings.cache_nodes
}

# Services find the database and the cache here at start-up (SSM_PREFIX in their environment) rather than in
# hard-coded configuration; credentials stay in Secrets Manager and only their ARNs are published.
resource "aws_ssm_parameter" "endpoints" {
  for_each = {
    "database/endpoint"           = module.database.endpoint
    "database/reader-endpoint"    = module.database.reader_endpoint
    "database/secret-arn"         = module.database.master_user_secret_arn
    "redis/endpoint"              = module.cache.primary_endpoint
    "redis/auth-token-secret-arn" = module.cache.auth_token_secret_arn
  }

  name  = "${var.ssm_prefix}/${each.key}"
  type  = "String"
  value = each.value
}

# The platform of one environment. Every environment applies this same root: they differ only in their entry of
# settings.tf, their catalog-generated variables (terraform/environments/ENV/catalog.tfvars.json) and their state
# (terraform/environments/ENV/backend.tfbackend), so a fix is made once.

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

# CloudFront takes its certificate from us-east-1 only (module cloudfront_certificate, data.aws_acm_certificate.cloudfront).
provider "aws" {
  alias               = "us_east_1"
  region              = "us-east-1"
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

# CloudFront serves the domain with a us-east-1 certificate: cloudfront_certificate_arn when given; else, with a zone,
# one this root requests and validates; else the most recent issued one for the domain (as the ALB does in the
# environment's region).
module "cloudfront_certificate" {
  source = "../modules/cloudfront-certificate"
  count  = local.settings.enable_cloudfront && var.domain != null && var.cloudfront_certificate_arn == null && var.route53_zone_id != null ? 1 : 0
  providers = {
    aws = aws.us_east_1
  }

  name            = "${local.name}-cloudfront"
  domain_names    = [var.domain]
  route53_zone_id = var.route53_zone_id
}

data "aws_acm_certificate" "cloudfront" {
  count    = local.settings.enable_cloudfront && var.domain != null && var.cloudfront_certificate_arn == null && var.route53_zone_id == null ? 1 : 0
  provider = aws.us_east_1

  domain      = var.domain
  statuses    = ["ISSUED"]
  most_recent = true
}

locals {
  name            = "${var.platform}-${var.environment}"
  certificate_arn = coalesce(var.certificate_arn, one(data.aws_acm_certificate.domain[*].arn))
  cloudfront_certificate_arn = (
    var.cloudfront_certificate_arn != null ? var.cloudfront_certificate_arn :
    length(module.cloudfront_certificate) > 0 ? module.cloudfront_certificate[0].certificate_arn :
    one(data.aws_acm_certificate.cloudfront[*].arn)
  )

  public_services   = { for k, s in var.services : k => s if s.public }
  needs_gpu         = anytrue([for s in values(var.services) : s.capacity == "ec2-gpu"])
  database_clients  = sort([for k, s in var.services : k if contains(s.depends_on, var.database_catalog_name)])
  cache_clients     = sort([for k, s in var.services : k if contains(s.depends_on, var.cache_catalog_name)])
  documents_clients = sort([for k, s in var.services : k if contains(s.depends_on, var.documents_catalog_name)])

  # The catalog's infrastructure nodes this root provisions. Anything else a service depends on is another service
  # of this root, or not provisioned here (output unprovisioned_dependencies): websocket-api is one, on purpose, see
  # docs/terraform.md.
  provisioned_nodes = toset([var.database_catalog_name, var.cache_catalog_name, var.documents_catalog_name])

  # What a data store admits and grants, per client service. The stores take their clients' names separately
  # (database_clients, cache_clients), so the user names below are known without waiting for the services.
  service_identities = { for k, s in module.service : k => { security_group_id = s.security_group_id, task_role_name = s.task_role_name } }

  # How a service finds the data stores it depends on. There are no credentials to hand out: each service connects
  # as its own database and Redis user with IAM tokens signed by its task role, and reaches the bucket with that role.
  data_store_environment = {
    for k, s in var.services : k => merge(
      contains(local.database_clients, k) ? { DATABASE_USER = module.database.users[k] } : {},
      contains(local.cache_clients, k) ? { REDIS_USER = module.cache.users[k] } : {},
      contains(local.documents_clients, k) ? { DOCUMENTS_BUCKET = module.documents.bucket_name } : {},
    )
  }
}

module "networking" {
  source = "../modules/networking"

  name                    = local.name
  vpc_cidr                = var.vpc_cidr
  nat_gateway_mode        = var.nat_gateway_mode
  flow_log_retention_days = local.settings.log_retention_days
}

module "ecr" {
  source = "../modules/ecr"

  repositories                = toset(var.ecr_repositories)
  replication_destinations    = var.image_replication_destinations
  replication_source_accounts = var.image_replication_sources
}

module "alb" {
  source = "../modules/alb"

  name                = local.name
  vpc_id              = module.networking.vpc_id
  vpc_cidr            = module.networking.vpc_cidr
  public_subnet_ids   = module.networking.public_subnet_ids
  certificate_arn     = local.certificate_arn
  deletion_protection = local.settings.deletion_protection
  enable_cloudfront   = local.settings.enable_cloudfront
  # CloudFront reaches the ALB as origin.DOMAIN (a DNS record for the ALB, covered by the certificate) unless given.
  cloudfront_origin_domain_name = var.cloudfront_origin_domain_name != null ? var.cloudfront_origin_domain_name : (var.domain == null ? null : "origin.${var.domain}")
  domain_names                  = var.domain == null ? [] : [var.domain]
  cloudfront_certificate_arn    = local.cloudfront_certificate_arn
  route53_zone_id               = var.route53_zone_id
  cloudfront_web_acl_arn        = var.cloudfront_web_acl_arn
  alb_web_acl_arn               = var.alb_web_acl_arn
  create_access_logs_bucket     = local.settings.alb_access_logs
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
  source = "../modules/ecs-cluster"

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
  source = "../modules/monitoring"

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
  source   = "../modules/ecs-service"
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
  listener_rule_arn                        = each.value.public ? module.alb.listener_rule_arns[each.key] : null
  alb_security_group_id                    = module.alb.security_group_id
  allow_service_connect_ingress            = each.value.internal
  service_connect_client_security_group_id = module.ecs_cluster.service_connect_client_security_group_id
  service_connect_namespace_arn            = module.ecs_cluster.service_connect_namespace_arn
  health_check_grace_period_seconds        = each.value.health_check.grace_period_seconds
  environment                              = merge({ SSM_PREFIX = var.ssm_prefix }, local.data_store_environment[each.key], each.value.environment)
  ssm_prefix                               = var.ssm_prefix
  secrets                                  = each.value.secrets
  log_group_name                           = "${var.log_group_prefix}/${each.key}"
  log_retention_days                       = local.settings.log_retention_days
  kms_key_arn                              = var.kms_key_arn
  deployment_alarm_names                   = module.monitoring.deployment_alarm_names[each.key]
}

module "database" {
  source = "../modules/database"

  name                  = local.name
  vpc_id                = module.networking.vpc_id
  subnet_ids            = module.networking.private_subnet_ids
  instance_count        = local.settings.database_instances
  min_capacity          = local.settings.database_min_acu
  max_capacity          = local.settings.database_max_acu
  backup_retention_days = local.settings.backup_retention_days
  deletion_protection   = local.settings.deletion_protection
  kms_key_arn           = var.kms_key_arn
  clients               = local.database_clients
  client_identities     = { for k in local.database_clients : k => local.service_identities[k] }
}

module "cache" {
  source = "../modules/cache"

  name               = local.name
  vpc_id             = module.networking.vpc_id
  subnet_ids         = module.networking.private_subnet_ids
  node_type          = local.settings.cache_node_type
  num_cache_clusters = local.settings.cache_nodes
  kms_key_arn        = var.kms_key_arn
  log_kms_key_arn    = var.kms_key_arn
  log_retention_days = local.settings.log_retention_days
  clients            = local.cache_clients
  client_identities  = { for k in local.cache_clients : k => local.service_identities[k] }
}

# The catalog's s3-documents node: read and write for the services that depend on it, and nobody else.
module "documents" {
  source = "../modules/s3-bucket"

  name          = "${local.name}-documents-${var.account_id}"
  kms_key_arn   = var.kms_key_arn
  force_destroy = !local.settings.deletion_protection
  clients       = { for k in local.documents_clients : k => module.service[k].task_role_name }
}

# Services find the data stores here at start-up (SSM_PREFIX in their environment; each task role may read this
# prefix only) rather than in hard-coded configuration. No credentials are published: services authenticate with
# their task roles (DATABASE_USER and REDIS_USER in their environment name their own users).
resource "aws_ssm_parameter" "endpoints" {
  for_each = {
    "database/endpoint"        = module.database.endpoint
    "database/reader-endpoint" = module.database.reader_endpoint
    "database/port"            = tostring(module.database.port)
    "database/name"            = module.database.database_name
    "redis/endpoint"           = module.cache.primary_endpoint
    "redis/port"               = tostring(module.cache.port)
    "documents/bucket"         = module.documents.bucket_name
  }

  name  = "${var.ssm_prefix}/${each.key}"
  type  = "String"
  value = each.value
}

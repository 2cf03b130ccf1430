# What makes each environment itself, side by side: the one thing this root does differently per environment, besides
# the catalog-generated values (terraform/environments/ENV/catalog.tfvars.json) and the state (backend.tfbackend).
# Sizes and counts of services come from the catalog. Another environment adds an entry here, or passes `settings`.
locals {
  environment_settings = {
    # Small, cheap, easy to tear down.
    dev = {
      deletion_protection   = false
      enable_cloudfront     = false
      container_insights    = "enabled"
      log_retention_days    = 14
      backup_retention_days = 1
      database_instances    = 1
      database_min_acu      = 0.5
      database_max_acu      = 2
      cache_node_type       = "cache.t4g.micro"
      cache_nodes           = 1
      gpu_max_size          = 1
      bootstrap_image_tag   = "bootstrap"
      alb_access_logs       = false
    }
    # Production's shape at a smaller size (ALB access logs too, without CloudFront), so a deploy that works here
    # works there.
    staging = {
      deletion_protection   = false
      enable_cloudfront     = false
      container_insights    = "enabled"
      log_retention_days    = 30
      backup_retention_days = 3
      database_instances    = 2
      database_min_acu      = 0.5
      database_max_acu      = 4
      cache_node_type       = "cache.t4g.small"
      cache_nodes           = 2
      gpu_max_size          = 1
      bootstrap_image_tag   = "bootstrap"
      alb_access_logs       = true
    }
    # Nothing stateful can be deleted by Terraform, a reader in another zone for the database, a replica for Redis,
    # longer logs and backups, enhanced Container Insights, CloudFront in front, and the ALB's access logs kept in
    # their own bucket.
    production = {
      deletion_protection   = true
      enable_cloudfront     = true
      container_insights    = "enhanced"
      log_retention_days    = 90
      backup_retention_days = 14
      database_instances    = 2
      database_min_acu      = 1
      database_max_acu      = 16
      cache_node_type       = "cache.r7g.large"
      cache_nodes           = 2
      gpu_max_size          = 2
      bootstrap_image_tag   = "bootstrap"
      alb_access_logs       = true
    }
  }

  settings = var.settings != null ? var.settings : local.environment_settings[var.environment]
}

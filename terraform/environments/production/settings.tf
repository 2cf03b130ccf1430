# What makes production production: nothing stateful can be deleted by Terraform, a reader in another zone for
# the database, a replica for Redis, longer logs and backups, enhanced Container Insights, CloudFront in front, and the
# ALB's access logs kept in their own bucket.
locals {
  settings = {
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

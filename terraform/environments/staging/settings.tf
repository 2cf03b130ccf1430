# What makes staging staging: production's shape at a smaller size (ALB access logs too, without CloudFront), so a
# deploy that works here works there.
locals {
  settings = {
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
}

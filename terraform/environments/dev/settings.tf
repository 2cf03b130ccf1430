# What makes dev dev: small, cheap, easy to tear down. Sizes and counts of services come from the catalog.
locals {
  settings = {
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
}

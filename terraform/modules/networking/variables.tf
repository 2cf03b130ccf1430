variable "name" {
  type        = string
  description = "Prefix for every resource name, e.g. indigenious-dev."
}

variable "vpc_cidr" {
  type        = string
  description = "IPv4 CIDR of the VPC, e.g. 10.1.0.0/16 (dev) or 10.0.0.0/16 (production). Each subnet is a sixteenth of it (a /20 of a /16): public ones first, private ones from the second half."

  validation {
    condition     = can(cidrhost(var.vpc_cidr, 0)) && try(tonumber(split("/", var.vpc_cidr)[1]) <= 24, false)
    error_message = "vpc_cidr must be an IPv4 CIDR of /24 or larger, such as 10.1.0.0/16."
  }
}

variable "az_count" {
  type        = number
  description = "How many availability zones to spread the public and private subnets over."
  default     = 3

  validation {
    condition     = var.az_count >= 2 && var.az_count <= 4
    error_message = "az_count must be between 2 and 4 (an ALB needs at least two zones)."
  }
}

variable "nat_gateway_mode" {
  type        = string
  description = "single: one NAT gateway for all zones (cheap, dev). per-az: one per zone, so losing a zone does not cut egress (production)."
  default     = "per-az"

  validation {
    condition     = contains(["single", "per-az"], var.nat_gateway_mode)
    error_message = "nat_gateway_mode must be single or per-az."
  }
}

variable "interface_endpoints" {
  type        = list(string)
  description = "AWS services reached through interface VPC endpoints instead of the NAT gateway (ECR for image pulls, CloudWatch Logs for task logs)."
  default     = ["ecr.api", "ecr.dkr", "logs"]
}

variable "flow_log_retention_days" {
  type        = number
  description = "Days to keep VPC flow logs in CloudWatch Logs."
  default     = 90
}

variable "tags" {
  type        = map(string)
  description = "Tags added to every resource."
  default     = {}
}

variable "name" {
  type        = string
  description = "Prefix of alarm, dashboard and topic names, e.g. indigenious-dev."
}

variable "cluster_name" {
  type        = string
  description = "ECS cluster whose services are watched."
}

variable "alb_arn_suffix" {
  type        = string
  description = "ARN suffix of the ALB (alb output alb_arn_suffix)."
}

variable "services" {
  type = map(object({
    public                  = bool
    target_group_arn_suffix = optional(string)
  }))
  description = "Watched services by name; public ones (behind the ALB) also get 5xx, latency and unhealthy-host alarms on their target group."
}

variable "cpu_high_percent" {
  type        = number
  description = "Service average CPU (%) that raises an alarm."
  default     = 85
}

variable "memory_high_percent" {
  type        = number
  description = "Service average memory (%) that raises an alarm."
  default     = 85
}

variable "target_5xx_per_minute" {
  type        = number
  description = "5xx responses per minute from a service's targets that raise an alarm (and roll back a deployment)."
  default     = 10
}

variable "latency_p95_seconds" {
  type        = number
  description = "p95 target response time (seconds) that raises an alarm."
  default     = 1.5
}

variable "alarm_emails" {
  type        = list(string)
  description = "Addresses subscribed to the alarm topic."
  default     = []
}

variable "enable_xray" {
  type        = bool
  description = "Create an X-Ray sampling rule, and a group (with Insights) of the traces that end in a fault or an error."
  default     = true
}

variable "xray_sampling_rate" {
  type        = number
  description = "Fraction of requests traced beyond the first one per second."
  default     = 0.05
}

variable "tags" {
  type        = map(string)
  description = "Tags added to every resource."
  default     = {}
}

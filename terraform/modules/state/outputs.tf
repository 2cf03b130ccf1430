output "bucket_name" {
  description = "Name of the state bucket."
  value       = aws_s3_bucket.state.id
}

output "bucket_arn" {
  description = "ARN of the state bucket (grant the deploy roles s3:GetObject/PutObject/DeleteObject on their keys and their .tflock files)."
  value       = aws_s3_bucket.state.arn
}

output "backend_config" {
  description = "Settings for an S3 backend block using this bucket, with S3-native locking."
  value = {
    bucket       = aws_s3_bucket.state.id
    region       = aws_s3_bucket.state.region
    encrypt      = true
    use_lockfile = true
  }
}

output "bucket_name" {
  description = "Name of the bucket, once its policy is in place (ALB access logs check that they may write when configured)."
  value       = aws_s3_bucket.this.bucket

  depends_on = [aws_s3_bucket_policy.this]
}

output "bucket_arn" {
  description = "ARN of the bucket."
  value       = aws_s3_bucket.this.arn
}

output "client_policy_json" {
  description = "The read/write policy each client role gets (bucket objects only, and the bucket's KMS key through S3)."
  value       = data.aws_iam_policy_document.client.json
}

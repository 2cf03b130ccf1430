# One state per environment (catalog/environments/dev.yaml terraform.stateKey), locked with an S3 lock file
# beside it: no DynamoDB table (see docs/terraform.md).
terraform {
  backend "s3" {
    bucket       = "indigenious-terraform-state"
    key          = "dev/terraform.tfstate"
    region       = "ca-central-1"
    encrypt      = true
    use_lockfile = true
  }
}

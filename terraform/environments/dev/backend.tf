# One state per environment, in its own account's bucket (created by terraform/bootstrap in that account; the
# catalog's terraform.stateBucket and stateKey), locked with an S3 lock file beside it: no DynamoDB table.
terraform {
  backend "s3" {
    bucket       = "indigenious-tfstate-111111111111"
    key          = "dev/terraform.tfstate"
    region       = "ca-central-1"
    encrypt      = true
    use_lockfile = true
  }
}

# One state per environment, in its own account's bucket (created by terraform/bootstrap in that account), locked with
# an S3 lock file beside it: no DynamoDB table. Which bucket and key is given at init, from the environment's
# terraform/environments/ENV/backend.tfbackend (terraform-apply passes the catalog environment's terraform.backendConfig):
#   terraform -chdir=terraform/platform init -reconfigure -backend-config=../environments/dev/backend.tfbackend
terraform {
  backend "s3" {
    encrypt      = true
    use_lockfile = true
  }
}

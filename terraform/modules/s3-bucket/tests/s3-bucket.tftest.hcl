mock_provider "aws" {
  mock_data "aws_iam_policy_document" {
    defaults = { json = "{}" }
  }
  mock_resource "aws_s3_bucket" {
    defaults = { arn = "arn:aws:s3:::indigenious-test-documents-111111111111", region = "ca-central-1" }
  }
}

variables {
  name    = "indigenious-test-documents-111111111111"
  clients = { indigenious-document-service = "indigenious-test-indigenious-document-service-task" }
}

run "private_encrypted_versioned_bucket" {
  command = plan

  assert {
    condition     = aws_s3_bucket_public_access_block.this.block_public_acls && aws_s3_bucket_public_access_block.this.block_public_policy && aws_s3_bucket_public_access_block.this.ignore_public_acls && aws_s3_bucket_public_access_block.this.restrict_public_buckets
    error_message = "public access should be blocked (S3.1/S3.8)"
  }

  assert {
    condition     = one(aws_s3_bucket_server_side_encryption_configuration.this.rule).apply_server_side_encryption_by_default[0].sse_algorithm == "AES256"
    error_message = "objects should be encrypted with SSE-S3 without a key"
  }

  assert {
    condition     = aws_s3_bucket_versioning.this.versioning_configuration[0].status == "Enabled" && one(aws_s3_bucket_ownership_controls.this.rule).object_ownership == "BucketOwnerEnforced"
    error_message = "the bucket should be versioned and refuse ACLs"
  }

  assert {
    condition     = !aws_s3_bucket.this.force_destroy
    error_message = "a bucket with documents should not be emptied by Terraform unless asked"
  }
}

run "refuses_requests_without_tls" {
  command = apply

  assert {
    condition = anytrue([for st in data.aws_iam_policy_document.bucket.statement :
      st.sid == "DenyInsecureTransport" && st.effect == "Deny" && toset(st.actions) == toset(["s3:*"]) &&
      toset(st.resources) == toset(["arn:aws:s3:::indigenious-test-documents-111111111111", "arn:aws:s3:::indigenious-test-documents-111111111111/*"]) &&
      one(st.condition).variable == "aws:SecureTransport" && toset(one(st.condition).values) == toset(["false"])
    ])
    error_message = "the bucket policy should deny every request not made over TLS (S3.5)"
  }
}

run "clients_read_and_write_this_bucket_only" {
  command = apply

  assert {
    condition     = keys(aws_iam_role_policy.client) == ["indigenious-document-service"] && aws_iam_role_policy.client["indigenious-document-service"].role == "indigenious-test-indigenious-document-service-task"
    error_message = "each client role should get its own policy"
  }

  assert {
    condition = alltrue([for st in data.aws_iam_policy_document.client.statement :
      alltrue([for r in st.resources : startswith(r, "arn:aws:s3:::indigenious-test-documents-111111111111")])
    ])
    error_message = "clients should be granted this bucket and its objects, nothing else"
  }

  assert {
    condition     = contains(flatten([for st in data.aws_iam_policy_document.client.statement : tolist(st.actions)]), "s3:PutObject") && length(data.aws_iam_policy_document.client.statement) == 2
    error_message = "clients should read and write objects; no KMS statement without a key"
  }
}

run "kms_key_encrypts_and_is_granted_through_s3" {
  command = apply

  variables {
    kms_key_arn = "arn:aws:kms:ca-central-1:111111111111:key/00000000-0000-0000-0000-000000000000"
  }

  assert {
    condition     = one(aws_s3_bucket_server_side_encryption_configuration.this.rule).apply_server_side_encryption_by_default[0].sse_algorithm == "aws:kms" && one(aws_s3_bucket_server_side_encryption_configuration.this.rule).bucket_key_enabled
    error_message = "a customer-managed key should encrypt objects, with a bucket key"
  }

  assert {
    condition     = one([for st in data.aws_iam_policy_document.client.statement : st.resources if st.sid == "UseBucketKey"]) == toset(["arn:aws:kms:ca-central-1:111111111111:key/00000000-0000-0000-0000-000000000000"])
    error_message = "clients should use the bucket's key, and only it"
  }
}

run "rejects_an_invalid_name" {
  command = plan

  variables {
    name = "Indigenious_Documents"
  }

  expect_failures = [var.name]
}

# The staging account (catalog/environments/staging.yaml account: "222222222222").
account_id   = "222222222222"
environments = ["staging"]
repository   = "indigenious/platform"

# The dev account (catalog/environments/dev.yaml account: "111111111111").
account_id   = "111111111111"
environments = ["dev"]
repository   = "indigenious/platform"

# The production account (catalog/environments/production.yaml account: "333333333333").
account_id   = "333333333333"
environments = ["production"]
repository   = "indigenious/platform"

/** Tags tierdeploy puts on every task definition revision it registers (ECS tag keys: letters, digits, `:/_.-`). */
export const TAG_COMMIT = 'tierdeploy:commit'
export const TAG_DEPLOY_ID = 'tierdeploy:deploy-id'
/** The task definition ARN the service ran before this revision: what `--version previous` rolls back to. */
export const TAG_REPLACES = 'tierdeploy:replaces'
export const TAG_SERVICE = 'tierdeploy:service'

import { UsageError, type CliIO } from '../cli-io.js'

export const usage = 'tierdeploy deploy --env ENV (--tier N|all | --services A,B | --service A) [--with-dependencies] [--images FILE] [--dry-run]\n       tierdeploy deploy --rollback SERVICE --version previous|REVISION|COMMIT --env ENV'

export async function run(_args: string[], _io: CliIO): Promise<number> {
  throw new UsageError('deploy is not implemented yet: it arrives with ecs-deploy (issue 4). Use `tierdeploy plan` to see what it would deploy.')
}

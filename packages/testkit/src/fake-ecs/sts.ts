import type { ServerResponse } from 'node:http'
import type { EcsError } from './state.js'

/** STS's API version: in every request body, and the XML namespace of every answer. */
const STS_VERSION = '2011-06-15'
const NAMESPACE = `https://sts.amazonaws.com/doc/${STS_VERSION}/`

/** What the fake STS answers from: who the caller is, and the fake's call counters and queued errors. */
export interface StsContext {
  /** The account the caller's credentials belong to. */
  account: string
  /** The caller's session has expired (FakeEcs.expireSessionAt): every call is answered ExpiredToken. */
  expired: boolean
  /** Requests per operation, shared with the fake's ECS operations. */
  calls: Record<string, number>
  faulted: Record<string, number>
  /** The fake's queue of `failNext` errors; an STS operation's are taken from it here. */
  queued: { operation: string; skip: number; error: EcsError }[]
}

/**
 * Whether a request is for STS. STS speaks the awsQuery protocol (a form-encoded POST, `Action=...&Version=...`), which
 * none of the JSON APIs the fake serves use, so the content type tells them apart on the one endpoint.
 */
export function isStsRequest(headers: Record<string, string | string[] | undefined>): boolean {
  return String(headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')
}

/**
 * Answers one STS request as STS does, for the real @aws-sdk/client-sts (AWS_ENDPOINT_URL_STS, or `endpoint`):
 * GetCallerIdentity names the context's account, as the assumed role `deployer`. Errors are awsQuery XML with the
 * status and code a test queued (`fake.failNext('GetCallerIdentity', 'ExpiredToken', '...', { status: 403 })`).
 */
export function answerSts(body: string, res: ServerResponse, context: StsContext): void {
  const form = new URLSearchParams(body)
  const operation = form.get('Action') ?? ''
  const requestId = `sts-${Object.values(context.calls).reduce((a, b) => a + b, 0)}`
  const send = (status: number, xml: string): void => {
    res.writeHead(status, { 'content-type': 'text/xml', 'x-amzn-requestid': requestId, 'content-length': Buffer.byteLength(xml) })
    res.end(xml)
  }
  const fail = (status: number, code: string, message: string): void => {
    if (operation) context.faulted[operation] = (context.faulted[operation] ?? 0) + 1
    send(status, `<ErrorResponse xmlns="${NAMESPACE}"><Error><Type>Sender</Type><Code>${code}</Code><Message>${escapeXml(message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`)
  }

  if (!operation) return fail(400, 'MissingAction', 'the request names no Action')
  context.calls[operation] = (context.calls[operation] ?? 0) + 1
  if (form.get('Version') !== STS_VERSION) return fail(400, 'InvalidParameterValue', `unsupported Version '${form.get('Version')}', expected ${STS_VERSION}`)
  if (operation !== 'GetCallerIdentity') return fail(400, 'InvalidAction', `the fake STS does not implement ${operation}`)
  if (context.expired) return fail(403, 'ExpiredToken', 'The security token included in the request is expired')
  const queued = context.queued.findIndex((q) => q.operation === operation)
  if (queued >= 0 && context.queued[queued]!.skip > 0) {
    for (const q of context.queued) if (q.operation === operation) q.skip--
  } else if (queued >= 0) {
    const { error } = context.queued.splice(queued, 1)[0]!
    return fail(error.status, error.type, error.message)
  }
  const { account } = context
  send(200, [
    `<GetCallerIdentityResponse xmlns="${NAMESPACE}"><GetCallerIdentityResult>`,
    `<Arn>arn:aws:sts::${account}:assumed-role/deployer/session</Arn>`,
    `<UserId>AROA${account}EXAMPLE:session</UserId>`,
    `<Account>${account}</Account>`,
    `</GetCallerIdentityResult><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></GetCallerIdentityResponse>`,
  ].join(''))
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

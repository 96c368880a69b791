import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import {
  ConflictError,
  DomainError,
  type FieldError,
  ForbiddenError,
  NotFoundError,
  UnauthorizedError,
  UnavailableError,
  ValidationError,
} from '../domain/errors.ts';
import { logger } from '../logger.ts';

export type ErrorBody = { error: { code: string; message: string; fields?: FieldError[] } };

/** What a throttled caller is told: by a function the database throttled, or by the gateway's rate limit. */
export const TOO_MANY_REQUESTS = { code: 'throttled', message: 'Too many requests. Please retry shortly.' };

/** Errors from the network layer of the AWS SDK: the database cannot be reached right now. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);
const THROTTLED = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
]);

/** The HTTP status of each kind of domain error: the only place that knows it. */
const STATUS: [new (...args: never[]) => DomainError, number][] = [
  [ValidationError, 400],
  [UnauthorizedError, 401],
  [ForbiddenError, 403],
  [NotFoundError, 404],
  [ConflictError, 409],
  [UnavailableError, 503],
];

function describe(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof DomainError) {
    const body: ErrorBody = { error: { code: error.code, message: error.message } };
    if (error.fields?.length) body.error.fields = error.fields;
    const status = STATUS.find(([kind]) => error instanceof kind)?.[1] ?? 500;
    return { status, body };
  }
  const e = error as {
    statusCode?: number;
    message?: string;
    name?: string;
    type?: string;
    code?: string;
    cause?: { code?: string };
  };
  // middy's body parser: 415 for a body that is not JSON, 422 for JSON that does not parse.
  if (e?.statusCode === 415) {
    return reply(415, 'unsupported_media_type', 'Send the body as application/json.');
  }
  // It refuses a `__proto__` key (or a `constructor` holding a prototype) anywhere in the body, as a 422.
  if (e?.statusCode === 422 && e.message === 'Forbidden key in JSON body') {
    const fields = [
      { path: 'body', message: 'Keys named __proto__ (or constructor with a prototype) are not accepted.' },
    ];
    return {
      status: 400,
      body: {
        error: {
          code: 'forbidden_key',
          message: 'The request body uses a key that is not accepted.',
          fields,
        },
      },
    };
  }
  if (e?.statusCode === 422 || e?.statusCode === 400) {
    return reply(400, 'malformed_json', 'The request body is not valid JSON.');
  }
  if (e?.statusCode === 413) return reply(413, 'payload_too_large', 'The request body is too large.');
  if (e?.name && THROTTLED.has(e.name)) return reply(429, TOO_MANY_REQUESTS.code, TOO_MANY_REQUESTS.message);
  const networkCode = e?.code ?? e?.cause?.code;
  if (
    (networkCode && UNREACHABLE.has(networkCode)) ||
    e?.name === 'TimeoutError' ||
    // The Stripe SDK's errors are plain Errors named by `type`.
    e?.type === 'StripeConnectionError' ||
    e?.type === 'StripeAPIError'
  ) {
    return reply(503, 'unavailable', 'The service is temporarily unavailable. Please try again shortly.');
  }
  return reply(500, 'internal', 'Something went wrong on our side. Please try again.');
}

function reply(status: number, code: string, message: string) {
  return { status, body: { error: { code, message } } };
}

/** The one place where an error becomes an HTTP response. Internals are logged, never returned. */
export function errorResponse(error: unknown): APIGatewayProxyStructuredResultV2 {
  const { status, body } = describe(error);
  if (status >= 500) logger.error('request failed', { error: error as Error, status });
  else logger.info('request refused', { status, code: body.error.code });
  return {
    statusCode: status,
    // A refusal is about this caller and this moment: no cache (CloudFront's included) keeps it.
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
    body: JSON.stringify(body),
  };
}

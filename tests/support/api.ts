import { randomUUID } from 'node:crypto';
import {
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { inject } from 'vitest';
import { routes } from '#functions/routes.ts';
import { routeMatcher } from '../../infra/local/route-matcher.ts';
import type { CloudInfo } from './global-setup.ts';

let own: CloudInfo | undefined;
/** A test file that starts a cloud of its own (the fault tests) points every helper here at it. */
export function useOwnCloud(info: CloudInfo): void {
  own = info;
}
/** The cloud the helpers talk to: the run's shared one, or the file's own. */
export const cloud = (): CloudInfo => own ?? inject('cloud');

export const DEMO_PASSWORD = 'kakehashi-demo-2026';

function cognito() {
  return new CognitoIdentityProviderClient({
    endpoint: cloud().cognitoEndpoint,
    region: 'ap-northeast-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
}

/** Signs in as the web app does (USER_PASSWORD_AUTH) and returns the ID token the API expects. */
export async function signIn(email: string, password = DEMO_PASSWORD): Promise<string> {
  const result = await cognito().send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: cloud().clientId,
      AuthParameters: { USERNAME: email, PASSWORD: password },
    }),
  );
  const token = result.AuthenticationResult?.IdToken;
  if (!token) throw new Error(`no ID token for ${email}`);
  return token;
}

/** A brand-new user (signed up through Cognito, confirmed by the local PreSignUp trigger), signed in. */
export async function newUser(prefix = 'user'): Promise<{ email: string; token: string }> {
  const email = `${prefix}-${randomUUID().slice(0, 8)}@test.kakehashi.jp`;
  const password = 'test-password-1';
  await cognito().send(
    new SignUpCommand({ ClientId: cloud().clientId, Username: email, Password: password }),
  );
  return { email, token: await signIn(email, password) };
}

export type Answer<T = any> = { status: number; body: T; headers: Headers };

/** Calls the API through the local gateway over real HTTP. */
export async function call<T = any>(
  method: string,
  path: string,
  opts: { token?: string; json?: unknown; raw?: string; contentType?: string } = {},
): Promise<Answer<T>> {
  const headers: Record<string, string> = {};
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body: string | undefined;
  if (opts.json !== undefined) {
    body = JSON.stringify(opts.json);
    headers['content-type'] = 'application/json';
  }
  if (opts.raw !== undefined) body = opts.raw;
  if (opts.contentType) headers['content-type'] = opts.contentType;
  const res = await fetch(`${cloud().url}${path}`, { method, headers, body });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {}
  checkReply(method, path, res, parsed);
  return { status: res.status, body: parsed as T, headers: res.headers };
}

/**
 * Every page of a list the API pages, following nextCursor (at most 50 pages): the items in the order read,
 * and the size of each page. `path` may carry a query string of its own.
 */
export async function everyPage<T = any>(token: string, path: string, limit = 100) {
  const items: T[] = [];
  const sizes: number[] = [];
  let cursor: string | null = null;
  const join = path.includes('?') ? '&' : '?';
  do {
    const page: Answer<{ items: T[]; nextCursor: string | null }> = await call(
      'GET',
      `${path}${join}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      { token },
    );
    if (page.status !== 200) throw new Error(`GET ${path}: ${page.status} ${JSON.stringify(page.body)}`);
    items.push(...page.body.items);
    sizes.push(page.body.items.length);
    cursor = page.body.nextCursor;
  } while (cursor && sizes.length < 50);
  return { items, sizes };
}

/**
 * Every page of a list, as the API answers each (for a page that is not just `{ items }`, such as the region
 * staff and their invitations): read with `limit` until a page has no nextCursor; at most 50 pages.
 */
export async function pagesOf<P extends { nextCursor: string | null }>(
  token: string,
  path: string,
  limit = 100,
) {
  const pages: P[] = [];
  let cursor: string | null = null;
  const join = path.includes('?') ? '&' : '?';
  do {
    const page: Answer<P> = await call(
      'GET',
      `${path}${join}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      { token },
    );
    if (page.status !== 200) throw new Error(`GET ${path}: ${page.status} ${JSON.stringify(page.body)}`);
    pages.push(page.body);
    cursor = page.body.nextCursor;
  } while (cursor && pages.length < 50);
  return pages;
}

const match = routeMatcher(routes);

/**
 * Response schemas are binding: every successful JSON reply a test receives must match its route's response
 * schema, or the test fails here, so the OpenAPI document (generated from the same schemas) tells the truth.
 */
export function checkReply(method: string, path: string, res: Response, body: unknown) {
  const found = match(method, new URL(path, 'http://localhost').pathname);
  const schema = found?.route.response;
  const json = res.headers.get('content-type')?.startsWith('application/json');
  if (!schema || !json || res.status >= 300) return;
  const result = schema.safeParse(body);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(
      `${method} ${path} answered ${res.status} with a body its response schema refuses: ${problems}`,
    );
  }
}

/** The table as the tests see it directly, to check what was (not) written. */
export function table() {
  const client = new DynamoDBClient({
    endpoint: cloud().dynamodbEndpoint,
    region: 'ap-northeast-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  return { doc: DynamoDBDocumentClient.from(client), client, name: cloud().tableName };
}

export async function mailTo(email: string): Promise<{ subject: string; text: string }[]> {
  const res = await fetch(`${cloud().url}/_local/mailbox?to=${encodeURIComponent(email)}`);
  return ((await res.json()) as { items: { subject: string; text: string }[] }).items;
}

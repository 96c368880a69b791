import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import {
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { userPoolSettings } from '../auth-settings.ts';
import { waitFor } from './ports.ts';

export const POOL_NAME = 'kakehashi-local';
export const CLIENT_NAME = 'kakehashi-web';
/** The name cognito-local calls for the PreSignUp trigger; the local gateway answers it. */
export const AUTO_CONFIRM_FUNCTION = 'kakehashi-local-auto-confirm';

export type LocalCognito = {
  endpoint: string;
  userPoolId: string;
  clientId: string;
  client: CognitoIdentityProviderClient;
  stop: () => Promise<void>;
};

/**
 * Starts cognito-local in `dir` (its data lives in `dir/.cognito`), with a PreSignUp trigger that the
 * local gateway answers by confirming the user: a local user signs in right after signing up, where
 * the cloud would mail a confirmation code.
 */
export async function startCognito(opts: {
  port: number;
  dir: string;
  gatewayUrl: string;
}): Promise<LocalCognito> {
  const configDir = join(opts.dir, '.cognito');
  mkdirSync(configDir, { recursive: true });
  const endpoint = `http://localhost:${opts.port}`;
  writeFileSync(
    join(configDir, 'config.json'),
    JSON.stringify(
      {
        TriggerFunctions: { PreSignUp: AUTO_CONFIRM_FUNCTION },
        LambdaClient: {
          endpoint: opts.gatewayUrl,
          region: 'local',
          credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        },
        TokenConfig: { IssuerDomain: endpoint },
        UserPoolDefaults: { UsernameAttributes: ['email'] },
      },
      null,
      2,
    ),
  );
  const bin = createRequire(import.meta.url).resolve('cognito-local/lib/bin/start.js');
  const child: ChildProcess = spawn(process.execPath, [bin], {
    cwd: opts.dir,
    env: { ...process.env, PORT: String(opts.port), HOST: 'localhost' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => {
    output = (output + d).slice(-4000);
  });
  child.stderr?.on('data', (d) => {
    output = (output + d).slice(-4000);
  });
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });

  const client = new CognitoIdentityProviderClient({
    endpoint,
    region: 'ap-northeast-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  await waitFor('cognito-local', async () => {
    if (exited) throw new Error(`cognito-local exited: ${output}`);
    await client.send(new ListUserPoolsCommand({ MaxResults: 60 }));
  });
  const { userPoolId, clientId } = await ensureUserPool(client);
  return {
    endpoint,
    userPoolId,
    clientId,
    client,
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Creates the pool and its web client from the same settings as CDK, unless they exist. */
async function ensureUserPool(client: CognitoIdentityProviderClient) {
  const pools = await client.send(new ListUserPoolsCommand({ MaxResults: 60 }));
  let userPoolId = pools.UserPools?.find((p) => p.Name === POOL_NAME)?.Id;
  if (!userPoolId) {
    const p = userPoolSettings.passwordPolicy;
    const created = await client.send(
      new CreateUserPoolCommand({
        PoolName: POOL_NAME,
        UsernameAttributes: userPoolSettings.signInWithEmail ? ['email'] : [],
        AutoVerifiedAttributes: ['email'],
        Policies: {
          PasswordPolicy: {
            MinimumLength: p.minLength,
            RequireLowercase: p.requireLowercase,
            RequireNumbers: p.requireDigits,
            RequireUppercase: p.requireUppercase,
            RequireSymbols: p.requireSymbols,
          },
        },
      }),
    );
    userPoolId = created.UserPool?.Id as string;
  }
  const clients = await client.send(
    new ListUserPoolClientsCommand({ UserPoolId: userPoolId, MaxResults: 60 }),
  );
  let clientId = clients.UserPoolClients?.find((c) => c.ClientName === CLIENT_NAME)?.ClientId;
  if (!clientId) {
    const flows = userPoolSettings.authFlows;
    const created = await client.send(
      new CreateUserPoolClientCommand({
        UserPoolId: userPoolId,
        ClientName: CLIENT_NAME,
        ExplicitAuthFlows: [
          ...(flows.userPassword ? ['ALLOW_USER_PASSWORD_AUTH' as const] : []),
          ...(flows.userSrp ? ['ALLOW_USER_SRP_AUTH' as const] : []),
          'ALLOW_REFRESH_TOKEN_AUTH',
        ],
      }),
    );
    clientId = created.UserPoolClient?.ClientId as string;
  }
  return { userPoolId, clientId };
}

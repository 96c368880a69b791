/**
 * Amazon Cognito, called directly from the browser. This module is imported lazily (see session.ts),
 * so the AWS SDK is a chunk of its own, loaded only when someone signs up, signs in or refreshes.
 * SignUp, ConfirmSignUp, ResendConfirmationCode and InitiateAuth need no AWS credentials: the SDK
 * sends them unsigned.
 */
import {
  CognitoIdentityProviderClient,
  ConfirmSignUpCommand,
  InitiateAuthCommand,
  ResendConfirmationCodeCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { type AppConfig, getConfig } from '../config.ts';

let client: { key: string; client: CognitoIdentityProviderClient } | undefined;

async function cognito(): Promise<{ client: CognitoIdentityProviderClient; auth: AppConfig['auth'] }> {
  const { auth } = await getConfig();
  const key = `${auth.region}|${auth.endpoint ?? ''}`;
  if (client?.key !== key) {
    client = {
      key,
      client: new CognitoIdentityProviderClient({
        region: auth.region,
        // cognito-local locally; the regional endpoint (the SDK's default) in the cloud.
        ...(auth.endpoint ? { endpoint: auth.endpoint } : {}),
        maxAttempts: 2,
      }),
    };
  }
  return { client: client.client, auth };
}

export type AuthTokens = { idToken: string; refreshToken?: string };

function tokensOf(result: { IdToken?: string; RefreshToken?: string } | undefined): AuthTokens {
  if (!result?.IdToken) throw Object.assign(new Error('Cognito returned no ID token.'), { name: 'NoToken' });
  return { idToken: result.IdToken, ...(result.RefreshToken ? { refreshToken: result.RefreshToken } : {}) };
}

export async function signUp(email: string, password: string): Promise<{ confirmed: boolean }> {
  const { client, auth } = await cognito();
  const result = await client.send(
    new SignUpCommand({
      ClientId: auth.clientId,
      Username: email,
      Password: password,
      UserAttributes: [{ Name: 'email', Value: email }],
    }),
  );
  return { confirmed: result.UserConfirmed === true };
}

export async function confirmSignUp(email: string, code: string): Promise<void> {
  const { client, auth } = await cognito();
  await client.send(
    new ConfirmSignUpCommand({ ClientId: auth.clientId, Username: email, ConfirmationCode: code }),
  );
}

export async function resendCode(email: string): Promise<void> {
  const { client, auth } = await cognito();
  await client.send(new ResendConfirmationCodeCommand({ ClientId: auth.clientId, Username: email }));
}

export async function signIn(email: string, password: string): Promise<AuthTokens> {
  const { client, auth } = await cognito();
  const result = await client.send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: auth.clientId,
      AuthParameters: { USERNAME: email, PASSWORD: password },
    }),
  );
  return tokensOf(result.AuthenticationResult);
}

export async function refresh(refreshToken: string): Promise<AuthTokens> {
  const { client, auth } = await cognito();
  const result = await client.send(
    new InitiateAuthCommand({
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      ClientId: auth.clientId,
      AuthParameters: { REFRESH_TOKEN: refreshToken },
    }),
  );
  return tokensOf(result.AuthenticationResult);
}

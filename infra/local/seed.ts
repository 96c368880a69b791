import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '#shared/data/client.ts';
import { userItem } from '#shared/data/entities/user.ts';
import { now } from '#shared/data/entity.ts';
import type { Profile } from '#shared/domain/profile.ts';
import { DEMO_PASSWORD, demoAccounts } from './demo-data.ts';

/** The Cognito `sub` of a user, creating the user with the demo password if they do not exist. */
async function ensureUser(
  cognito: CognitoIdentityProviderClient,
  userPoolId: string,
  email: string,
): Promise<string> {
  const sub = (attributes?: { Name?: string; Value?: string }[]) =>
    attributes?.find((a) => a.Name === 'sub')?.Value;
  try {
    const existing = await cognito.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: email }));
    const id = sub(existing.UserAttributes);
    if (id) return id;
  } catch (error) {
    if ((error as Error).name !== 'UserNotFoundException') throw error;
  }
  const created = await cognito.send(
    new AdminCreateUserCommand({
      UserPoolId: userPoolId,
      Username: email,
      MessageAction: 'SUPPRESS',
      UserAttributes: [
        { Name: 'email', Value: email },
        { Name: 'email_verified', Value: 'true' },
      ],
    }),
  );
  await cognito.send(
    new AdminSetUserPasswordCommand({
      UserPoolId: userPoolId,
      Username: email,
      Password: DEMO_PASSWORD,
      Permanent: true,
    }),
  );
  const id = sub(created.User?.Attributes);
  if (!id) throw new Error(`cognito-local gave no sub for ${email}`);
  return id;
}

/** Demo accounts and profiles. Idempotent: what exists is left as it is. */
export async function seed(cognito: CognitoIdentityProviderClient, userPoolId: string): Promise<void> {
  for (const account of demoAccounts) {
    const userId = await ensureUser(cognito, userPoolId, account.email);
    const profile = { ...account.profile, userId, email: account.email } as Profile;
    await db()
      .send(
        new PutCommand({
          TableName: tableName(),
          Item: userItem(profile, now()),
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      )
      .catch((error: Error) => {
        if (error.name !== 'ConditionalCheckFailedException') throw error;
      });
  }
}

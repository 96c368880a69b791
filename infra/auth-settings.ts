/**
 * The user pool's settings, in one place: infra/stateful-stack.ts builds the Cognito user pool from
 * them, and infra/local/cognito.ts creates the same pool and client in cognito-local.
 */
export const userPoolSettings = {
  signInWithEmail: true,
  selfSignUp: true,
  passwordPolicy: {
    minLength: 8,
    requireLowercase: true,
    requireDigits: true,
    requireUppercase: false,
    requireSymbols: false,
  },
  /** Hours an ID token lives; the web app refreshes it with the refresh token. */
  idTokenHours: 1,
  refreshTokenDays: 30,
  /** The web app signs in with the password flow (cognito-local supports it) and SRP in the cloud. */
  authFlows: { userPassword: true, userSrp: true },
} as const;

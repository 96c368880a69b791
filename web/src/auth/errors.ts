import type { TFunction } from 'i18next';

/**
 * A Cognito error as a sentence for the person in front of the screen. On sign-in, cognito-local
 * answers a wrong password with InvalidPasswordException where Cognito answers NotAuthorizedException.
 */
export function authErrorMessage(
  t: TFunction,
  error: unknown,
  during: 'signIn' | 'signUp' = 'signUp',
): string {
  const e = error as { name?: string; message?: string };
  if (during === 'signIn' && e?.name === 'InvalidPasswordException') return t('auth.errors.wrongCredentials');
  switch (e?.name) {
    case 'NotAuthorizedException':
    case 'UserNotFoundException':
      return t('auth.errors.wrongCredentials');
    case 'UsernameExistsException':
      return t('auth.errors.exists');
    case 'InvalidPasswordException':
      return t('auth.errors.passwordRule');
    case 'CodeMismatchException':
    case 'ExpiredCodeException':
      return t('auth.errors.badCode');
    case 'TooManyRequestsException':
    case 'LimitExceededException':
    case 'TooManyFailedAttemptsException':
      return t('auth.errors.tooMany');
    default:
      return t('auth.errors.unknown', { message: e?.message ?? String(error) });
  }
}

export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** The user pool's rule: at least 8 characters with lower-case letters and digits. */
export const PASSWORD_PATTERN = /^(?=.*[a-z])(?=.*\d).{8,}$/;

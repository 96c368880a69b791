/**
 * What a secret looks like, for the scans of the repository (tests/unit/secrets-in-repository.test.ts), of the
 * API's answers (tests/integration/secrets-in-responses.test.ts) and of the local cloud's log of a test run
 * (tests/support/global-setup.ts). Each pattern is global: use it with `matchAll`.
 */
export const SECRET_PATTERNS: Record<string, RegExp> = {
  'Stripe secret or restricted key': /\b[sr]k_(?:live|test)_\w{8,}/g,
  'Stripe webhook signing secret': /\bwhsec_\w{8,}/g,
  'private key': /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/g,
  'AWS access key id': /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g,
  JWT: /\beyJ[\w-]{8,}\.eyJ[\w-]{8,}\.[\w-]{16,}/g,
};

/** Every secret-looking string in a text, with its line number (1-based). */
export function findSecrets(text: string): { kind: string; value: string; line: number }[] {
  const found: { kind: string; value: string; line: number }[] = [];
  for (const [kind, pattern] of Object.entries(SECRET_PATTERNS)) {
    for (const m of text.matchAll(pattern)) {
      const line = text.slice(0, m.index).split('\n').length;
      found.push({ kind, value: m[0], line });
    }
  }
  return found;
}

/** A secret shown only by its start: enough to find it, not enough to use it. */
export const redact = (value: string) => `${value.slice(0, 12)}…(${value.length} characters)`;

import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findSecrets, redact } from '../support/secrets.ts';

/**
 * No secret in the repository: every file git tracks, and every new file it would add (untracked, not
 * ignored), is searched for Stripe secret, restricted and webhook keys, private keys, AWS access keys and JWTs.
 * The only ones allowed are the local stand-ins' obviously fake values, listed here one by one.
 */
const ALLOWED: Record<string, string> = {
  sk_test_local_kakehashi: "the local Stripe's secret key (infra/local/stripe/index.ts)",
  whsec_local_kakehashi: "the local Stripe's webhook signing secret (infra/local/stripe/index.ts)",
  whsec_someone_else: 'a wrong webhook secret, to see a wrong signature refused (tests)',
  whsec_not_ours: 'a wrong webhook secret, to see a wrong signature refused (tests)',
};
const HERE = 'tests/unit/secrets-in-repository.test.ts';

const files = () =>
  ['--cached', '--others --exclude-standard']
    .flatMap((which) =>
      execFileSync('git', ['ls-files', '-z', ...which.split(' ')], {
        encoding: 'utf8',
        maxBuffer: 64 << 20,
      }).split('\0'),
    )
    .filter((file, i, all) => file && all.indexOf(file) === i);

describe('secrets in the repository', () => {
  it('no tracked or new file holds a secret, other than the listed fake ones of the local stand-ins', () => {
    const found: string[] = [];
    const allowedSeen = new Set<string>();
    let scanned = 0;
    for (const file of files()) {
      let text: string;
      try {
        if (!statSync(file).isFile()) continue;
        const bytes = readFileSync(file);
        if (bytes.includes(0)) continue; // binary: images, fonts
        text = bytes.toString('utf8');
      } catch {
        continue; // deleted in the working tree
      }
      scanned++;
      for (const s of findSecrets(text)) {
        if (s.value in ALLOWED) {
          if (file !== HERE) allowedSeen.add(s.value);
        } else found.push(`${file}:${s.line}: ${s.kind} ${redact(s.value)}`);
      }
    }
    expect(scanned).toBeGreaterThan(100);
    expect(found).toEqual([]);
    // The list stays honest: a fake value no file uses any more leaves it.
    expect([...allowedSeen].sort()).toEqual(Object.keys(ALLOWED).sort());
  });

  it('the patterns find what they are meant to (and not the fake values’ look-alikes in prose)', () => {
    const kinds = (text: string) => findSecrets(text).map((s) => s.kind);
    const fakeLive = ['sk', 'live', '4eC39HqLyjWDarjtT1zdp7dc'].join('_');
    const fakeRestricted = ['rk', 'test', '51HxYzAbCdEfGhIjKlMnOp'].join('_');
    const fakeHook = ['whsec', '1234567890abcdefABCDEF'].join('_');
    const fakeKey = ['-----BEGIN', 'RSA', 'PRIVATE', 'KEY-----'].join(' ');
    const fakeJwt = [
      'eyJhbGciOiJSUzI1NiJ9',
      'eyJzdWIiOiIxMjM0NTY3ODkwIn0',
      'c2lnbmF0dXJlLXNpZ25hdHVyZQ',
    ].join('.');
    expect(kinds(`key=${fakeLive}`)).toEqual(['Stripe secret or restricted key']);
    expect(kinds(fakeRestricted)).toEqual(['Stripe secret or restricted key']);
    expect(kinds(`"${fakeHook}"`)).toEqual(['Stripe webhook signing secret']);
    expect(kinds(`${fakeKey}\nMIIE…`)).toEqual(['private key']);
    expect(kinds(`Bearer ${fakeJwt}`)).toEqual(['JWT']);
    expect(kinds('put "sk_live_…" and "whsec_…" in the secret; pk_live_123456789012 is public')).toEqual([]);
  });
});

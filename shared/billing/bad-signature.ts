import { ValidationError } from '../domain/errors.ts';

/** A webhook whose Stripe-Signature does not verify: refused (400), never applied. */
export class BadSignatureError extends ValidationError {
  constructor() {
    super(
      'The Stripe-Signature header is missing, does not match, or is too old.',
      undefined,
      'invalid_signature',
    );
  }
}

/**
 * Errors the domain raises on purpose: a stable code, a message for people, and the fields at fault.
 * They know nothing of HTTP: `shared/http/error-response.ts` is the one place that gives each kind its status.
 */
export type FieldError = { path: string; message: string };

export abstract class DomainError extends Error {
  readonly code: string;
  readonly fields?: FieldError[];
  constructor(code: string, message: string, fields?: FieldError[]) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    if (fields) this.fields = fields;
  }
}

/** The input breaks a rule. */
export class ValidationError extends DomainError {
  constructor(message: string, fields?: FieldError[], code = 'validation_failed') {
    super(code, message, fields);
  }
}
/** Nobody is signed in, or the proof of it is not valid. */
export class UnauthorizedError extends DomainError {
  constructor(message = 'Sign in to continue.') {
    super('unauthorized', message);
  }
}
/** The caller is known but may not do this. */
export class ForbiddenError extends DomainError {
  constructor(message = 'You are not allowed to do this.', code = 'forbidden') {
    super(code, message);
  }
}
/** It does not exist, or not for this caller (others learn nothing of what is not theirs). */
export class NotFoundError extends DomainError {
  constructor(message = 'Not found.') {
    super('not_found', message);
  }
}
/** It exists but its state does not allow this now. */
export class ConflictError extends DomainError {
  constructor(message: string, code = 'conflict') {
    super(code, message);
  }
}
/** A part the product depends on does not answer right now. */
export class UnavailableError extends DomainError {
  constructor(message = 'The service is temporarily unavailable. Please try again shortly.') {
    super('unavailable', message);
  }
}

/**
 * Errors the domain raises on purpose. Each carries the HTTP status and a stable code; the one place
 * that turns them into responses is `shared/http/error-response.ts`.
 */
export type FieldError = { path: string; message: string };

export class DomainError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields?: FieldError[];
  constructor(status: number, code: string, message: string, fields?: FieldError[]) {
    super(message);
    this.name = new.target.name;
    this.status = status;
    this.code = code;
    if (fields) this.fields = fields;
  }
}

export class ValidationError extends DomainError {
  constructor(message: string, fields?: FieldError[]) {
    super(400, 'validation_failed', message, fields);
  }
}
export class UnauthorizedError extends DomainError {
  constructor(message = 'Sign in to continue.') {
    super(401, 'unauthorized', message);
  }
}
export class ForbiddenError extends DomainError {
  constructor(message = 'You are not allowed to do this.') {
    super(403, 'forbidden', message);
  }
}
export class NotFoundError extends DomainError {
  constructor(message = 'Not found.') {
    super(404, 'not_found', message);
  }
}
export class ConflictError extends DomainError {
  constructor(message: string, code = 'conflict') {
    super(409, code, message);
  }
}
export class UnavailableError extends DomainError {
  constructor(message = 'The service is temporarily unavailable. Please try again shortly.') {
    super(503, 'unavailable', message);
  }
}

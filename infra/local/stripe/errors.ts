/**
 * An error as Stripe's API answers it: `{"error":{"type","message","param?","code?","decline_code?"}}`
 * with its HTTP status. The SDK turns the status and type into its own classes
 * (StripeInvalidRequestError, StripeCardError, StripeIdempotencyError…).
 */
export class StripeApiError extends Error {
  readonly status: number;
  readonly type: 'invalid_request_error' | 'card_error' | 'idempotency_error' | 'api_error';
  readonly code: string | undefined;
  readonly param: string | undefined;
  readonly declineCode: string | undefined;
  /** Raised before the request did anything: Stripe keeps no idempotent result for these. */
  readonly beforeExecution: boolean;

  constructor(
    status: number,
    message: string,
    options: {
      type?: StripeApiError['type'];
      code?: string;
      param?: string;
      declineCode?: string;
      beforeExecution?: boolean;
    } = {},
  ) {
    super(message);
    this.status = status;
    this.type = options.type ?? 'invalid_request_error';
    this.code = options.code;
    this.param = options.param;
    this.declineCode = options.declineCode;
    this.beforeExecution = options.beforeExecution ?? false;
  }

  toJSON() {
    return {
      error: {
        type: this.type,
        message: this.message,
        ...(this.code ? { code: this.code } : {}),
        ...(this.param ? { param: this.param } : {}),
        ...(this.declineCode ? { decline_code: this.declineCode } : {}),
        ...(this.code
          ? { doc_url: `https://stripe.com/docs/error-codes/${this.code.replaceAll('_', '-')}` }
          : {}),
      },
    };
  }
}

export const invalidRequest = (message: string, param?: string, code?: string) =>
  new StripeApiError(400, message, { param, code });

export const unknownParameter = (param: string) =>
  new StripeApiError(400, `Received unknown parameter: ${param}`, {
    param,
    code: 'parameter_unknown',
    beforeExecution: true,
  });

export const missingParameter = (param: string) =>
  new StripeApiError(400, `Missing required param: ${param}.`, {
    param,
    code: 'parameter_missing',
    beforeExecution: true,
  });

export const invalidParameter = (param: string, message: string, code?: string) =>
  new StripeApiError(400, message, { param, code, beforeExecution: true });

/**
 * `No such customer: 'cus_…'`, Stripe's wording for an id that does not exist: 404 for the id in the
 * URL, 400 for one given as a parameter.
 */
export const noSuch = (kind: string, id: string, param?: string) =>
  new StripeApiError(param ? 400 : 404, `No such ${kind}: '${id}'`, { param, code: 'resource_missing' });

/** Stripe's decline of the test card 4000 0000 0000 0002. */
export const cardDeclined = () =>
  new StripeApiError(402, 'Your card was declined.', {
    type: 'card_error',
    code: 'card_declined',
    declineCode: 'generic_decline',
  });

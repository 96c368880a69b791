import * as z from '../zod-mini.ts';

/** The documents of a paid month: the firm's for the professional's fee, a professional's for the platform fee. */
export const DOCUMENT_KINDS = ['fee', 'platform_fee'] as const;
export const DOCUMENT_BASES = ['intermediary', 'issuer', 'not_qualified'] as const;

const Party = /* @__PURE__ */ z.pure(() =>
  z.object({ name: z.string(), registrationNumber: z.optional(z.string()) }),
);

export const DocumentPartOut = /* @__PURE__ */ z.pure(() =>
  z.object({
    qualified: z.boolean(),
    lines: z.array(
      z.object({
        description: z.string(),
        supplier: z.object({ id: z.string(), name: z.string(), registered: z.boolean() }),
        amountJpy: z.number().check(z.int()),
      }),
    ),
    ratePercent: z.number(),
    amountExcludingTaxJpy: z.number().check(z.int()),
    taxJpy: z.number().check(z.int()),
    amountIncludingTaxJpy: z.number().check(z.int()),
    deduction: z.optional(
      z.object({
        purchaseDate: z.string(),
        percent: z.number(),
        deductibleTaxJpy: z.number().check(z.int()),
        source: z.string(),
      }),
    ),
  }),
);

/** One issued document, as it was issued (shared/invoices/rules.ts says what each field is). */
export const InvoiceDocumentOut = /* @__PURE__ */ z.pure(() =>
  z.object({
    kind: z.enum(DOCUMENT_KINDS),
    documentNumber: z.string(),
    engagementId: z.string(),
    invoiceId: z.string(),
    professionalId: z.string(),
    basis: z.enum(DOCUMENT_BASES),
    qualified: z.boolean(),
    issuedAt: z.string(),
    issuer: Party,
    recipient: Party,
    service: z.object({ month: z.string(), from: z.string(), to: z.string() }),
    paidAt: z.string(),
    title: z.string(),
    parts: z.array(DocumentPartOut),
    totalJpy: z.number().check(z.int()),
  }),
);
export type InvoiceDocumentOut = z.output<typeof InvoiceDocumentOut>;

export const InvoiceDocumentList = /* @__PURE__ */ z.pure(() =>
  z.object({ documents: z.array(InvoiceDocumentOut) }),
);

export const InvoiceParams = /* @__PURE__ */ z.pure(() =>
  z.strictObject({
    id: z.uuid('Not a valid id.'),
    invoiceId: z.string().check(z.regex(/^in_[A-Za-z0-9_]{1,250}$/, 'Not a valid invoice id.')),
  }),
);
export const DocumentParams = /* @__PURE__ */ z.pure(() =>
  z.extend(InvoiceParams, {
    kind: z.enum(DOCUMENT_KINDS, 'A document is fee or platform_fee.'),
  }),
);

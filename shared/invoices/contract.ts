import * as z from 'zod';

/** The documents of a paid month: the firm's for the professional's fee, a professional's for the platform fee. */
export const DOCUMENT_KINDS = ['fee', 'platform_fee'] as const;
export const DOCUMENT_BASES = ['intermediary', 'issuer', 'not_qualified'] as const;

const Party = z.object({ name: z.string(), registrationNumber: z.string().optional() });

export const DocumentPartOut = z.object({
  qualified: z.boolean(),
  lines: z.array(
    z.object({
      description: z.string(),
      supplier: z.object({ id: z.string(), name: z.string(), registered: z.boolean() }),
      amountJpy: z.number().int(),
    }),
  ),
  ratePercent: z.number(),
  amountExcludingTaxJpy: z.number().int(),
  taxJpy: z.number().int(),
  amountIncludingTaxJpy: z.number().int(),
  deduction: z
    .object({
      purchaseDate: z.string(),
      percent: z.number(),
      deductibleTaxJpy: z.number().int(),
      source: z.string(),
    })
    .optional(),
});

/** One issued document, as it was issued (shared/invoices/rules.ts says what each field is). */
export const InvoiceDocumentOut = z.object({
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
  totalJpy: z.number().int(),
});
export type InvoiceDocumentOut = z.output<typeof InvoiceDocumentOut>;

export const InvoiceDocumentList = z.object({ documents: z.array(InvoiceDocumentOut) });

export const InvoiceParams = z.strictObject({
  id: z.uuid('Not a valid id.'),
  invoiceId: z.string().regex(/^in_[A-Za-z0-9_]{1,250}$/, 'Not a valid invoice id.'),
});
export const DocumentParams = InvoiceParams.extend({
  kind: z.enum(DOCUMENT_KINDS, 'A document is fee or platform_fee.'),
});

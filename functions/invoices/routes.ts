import { line } from '#shared/http/route.ts';
import {
  DocumentParams,
  InvoiceDocumentList,
  InvoiceDocumentOut,
  InvoiceParams,
} from '#shared/invoices/contract.ts';

/**
 * The invoices context's lines: a paid month's documents under the qualified-invoice system (インボイス制度),
 * issued at payment and read by the engagement's parties as they were issued.
 */
export const monthDocuments = /* @__PURE__ */ line(
  'GET /v1/engagements/{id}/invoices/{invoiceId}/documents',
  {
    handler: 'invoices/month-documents',
    access: ['firm', 'professional'],
    tag: 'invoices',
    summary:
      'A paid month’s documents the caller may read: the firm’s for the fee (a qualified invoice under 媒介者交付特例, or one that says it is not, with the transitional deduction), a professional’s copy of it and their own platform-fee invoice.',
    needs: { table: 'read' },
    params: InvoiceParams,
    response: InvoiceDocumentList,
  },
);

export const monthDocument = /* @__PURE__ */ line(
  'GET /v1/engagements/{id}/invoices/{invoiceId}/documents/{kind}',
  {
    handler: 'invoices/month-document',
    access: ['firm', 'professional'],
    tag: 'invoices',
    summary:
      'One document of a paid month (`fee` or `platform_fee`), unchanged since it was issued; the platform-fee invoice only to the professional it was issued to (others: 404).',
    needs: { table: 'read' },
    params: DocumentParams,
    response: InvoiceDocumentOut,
  },
);

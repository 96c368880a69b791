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
      'A paid month’s documents the caller may read: the firm’s for the fee (媒介者交付特例, or not a qualified invoice), a professional’s copy and their platform-fee invoice.',
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
      'One document of a paid month (`fee` or `platform_fee`) as issued; a platform-fee invoice only to its professional (others: 404).',
    needs: { table: 'read' },
    params: DocumentParams,
    response: InvoiceDocumentOut,
  },
);

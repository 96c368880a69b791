import { NotFoundError } from '../domain/errors.ts';
import { partyEngagement } from '../engagements/access.ts';
import type { InvoiceDocumentOut } from './contract.ts';
import { invoiceDocuments } from './document.entity.ts';
import type { DocumentKind, InvoiceDocument } from './rules.ts';

/**
 * Who reads which document of a paid month: the firm its document for the fee; a professional the copy of
 * that document (the platform issues it on their behalf and owes them a copy) and their own platform-fee invoice.
 */
const readable = (userId: string, firmId: string) => (d: InvoiceDocument) =>
  d.kind === 'fee' || (userId !== firmId && d.professionalId === userId);

/** `GET /v1/engagements/{id}/invoices/{invoiceId}/documents`: the month's documents the caller may read. */
export async function monthDocuments(
  userId: string,
  engagementId: string,
  invoiceId: string,
): Promise<InvoiceDocumentOut[]> {
  const e = await partyEngagement(userId, engagementId);
  const documents = (await invoiceDocuments.forInvoice(e.id, invoiceId)).filter(readable(userId, e.firmId));
  if (documents.length === 0)
    throw new NotFoundError('This month has no documents: it is not paid, or not this engagement’s.');
  return documents.sort((a, b) => a.kind.localeCompare(b.kind));
}

/** `GET /v1/engagements/{id}/invoices/{invoiceId}/documents/{kind}`: one of them, as it was issued. */
export async function monthDocument(
  userId: string,
  engagementId: string,
  invoiceId: string,
  kind: DocumentKind,
): Promise<InvoiceDocumentOut> {
  const found = (await monthDocuments(userId, engagementId, invoiceId)).find((d) => d.kind === kind);
  if (!found) throw new NotFoundError(`This month has no ${kind} document of yours.`);
  return found;
}

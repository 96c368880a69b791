import { useQuery } from '@tanstack/react-query';
import type * as z from 'zod';
import type { InvoiceDocumentList, InvoiceDocumentOut } from '#shared/invoices/contract.ts';
import { ApiError, api } from '../api.ts';
import { useSession } from '../auth/session.ts';

export type InvoiceDocument = z.output<typeof InvoiceDocumentOut>;
export type DocumentKind = InvoiceDocument['kind'];
type DocumentList = z.output<typeof InvoiceDocumentList>;

const retry = (count: number, error: unknown) =>
  !(error instanceof ApiError && error.status < 500) && count < 2;

/** The documents of a paid month the caller may read (the firm's fee document; a professional's copy and their own). */
export function useMonthDocuments(engagementId: string, invoiceId: string) {
  const session = useSession();
  return useQuery({
    queryKey: ['invoice-documents', engagementId, invoiceId, session?.sub ?? ''],
    enabled: Boolean(session),
    queryFn: () =>
      api<DocumentList>(
        'GET',
        `/v1/engagements/${encodeURIComponent(engagementId)}/invoices/${encodeURIComponent(invoiceId)}/documents`,
      ),
    retry,
  });
}

/** Which heading a document has: what kind it is and whether it is (all, partly or not) a qualified invoice. */
export function documentHeading(d: InvoiceDocument) {
  if (d.kind === 'platform_fee') return d.qualified ? 'platformQualified' : 'platformNotQualified';
  if (d.qualified) return 'feeQualified';
  return d.parts.some((p) => p.qualified) ? 'feeMixed' : 'feeNotQualified';
}

import { CONSUMPTION_TAX_PERCENT, includedConsumptionTaxJpy } from '../billing/rules.ts';
import { dateInJapan } from '../terms/rules.ts';

/**
 * The qualified-invoice system (適格請求書等保存方式, from 2023-10-01) as it bears on a paid month, pure.
 * docs/compliance.md says where each rule is applied.
 */

/**
 * The share of the consumption tax a buyer may still deduct on a purchase from a supplier who is not a
 * registered issuer (免税事業者等からの課税仕入れに係る経過措置), by the date of the purchase: each row applies
 * from its date until the next row's. A future reform is one line here.
 * Source: 平成28年改正法附則52条・53条, as amended by the 令和8年度税制改正 (80% to 2026-09-30, then 70%, 50%, 30%).
 */
export const TRANSITIONAL_DEDUCTION: readonly { from: string; percent: number }[] = [
  { from: '2023-10-01', percent: 80 },
  { from: '2026-10-01', percent: 70 },
  { from: '2028-10-01', percent: 50 },
  { from: '2030-10-01', percent: 30 },
  { from: '2031-10-01', percent: 0 },
];
export const TRANSITIONAL_DEDUCTION_SOURCE =
  '所得税法等の一部を改正する法律（平成28年法律第15号）附則第52条・第53条（令和8年度税制改正後）';

/** The deductible share (percent) of the tax on a purchase from a non-registered supplier on a date (YYYY-MM-DD). */
export function transitionalDeductionPercent(purchaseDate: string): number {
  // Before the invoice system began, every purchase's tax was deductible.
  let percent = 100;
  for (const row of TRANSITIONAL_DEDUCTION) if (purchaseDate >= row.from) percent = row.percent;
  return percent;
}

/**
 * The date of the purchase of a month of service (課税仕入れを行った日): the day the service of the period is
 * complete, its last day in Japan (the period's end is exclusive).
 */
export const purchaseDateOf = (periodEnd: string) =>
  dateInJapan(new Date(new Date(periodEnd).getTime() - 1000).toISOString());

/** One supplier's amount on a document, tax included. */
export type DocumentLine = {
  description: string;
  supplier: { id: string; name: string; registered: boolean };
  amountJpy: number;
};

/** Amounts at one tax rate, the tax rounded down once for the rate (消費税法施行令70条の10). */
export type RateTotal = {
  ratePercent: number;
  amountExcludingTaxJpy: number;
  taxJpy: number;
  amountIncludingTaxJpy: number;
};

export function rateTotal(lines: Pick<DocumentLine, 'amountJpy'>[]): RateTotal {
  const including = lines.reduce((s, l) => s + l.amountJpy, 0);
  const tax = includedConsumptionTaxJpy(including);
  return {
    ratePercent: CONSUMPTION_TAX_PERCENT,
    amountExcludingTaxJpy: including - tax,
    taxJpy: tax,
    amountIncludingTaxJpy: including,
  };
}

/** The part of a document that is a qualified invoice, or the part that is not, with what is still deductible. */
export type DocumentPart = RateTotal & {
  qualified: boolean;
  lines: DocumentLine[];
  /** Only on a part that is not a qualified invoice: the transitional measure by the purchase date. */
  deduction?: { purchaseDate: string; percent: number; deductibleTaxJpy: number; source: string };
};

export type Party = { name: string; registrationNumber?: string };

export type DocumentKind = 'fee' | 'platform_fee';

/**
 * Why a part is or is not a qualified invoice:
 *  - intermediary: the platform issues it in its own name for a registered supplier (媒介者交付特例, 施行令70条の12)
 *  - issuer: the platform's own qualified invoice for its own fee
 *  - not_qualified: the supplier (or the platform) is not a registered issuer
 */
export type DocumentBasis = 'intermediary' | 'issuer' | 'not_qualified';

/** An issued document, as kept: every item 消費税法57条の4 asks of a qualified invoice, fixed when issued. */
export type InvoiceDocument = {
  kind: DocumentKind;
  documentNumber: string;
  engagementId: string;
  invoiceId: string;
  /** The professional it concerns: the platform fee's payer; for the firm's document, the engagement's. */
  professionalId: string;
  basis: DocumentBasis;
  qualified: boolean;
  issuedAt: string;
  /** The business in whose name it is issued (the platform under both rules) and its registration number. */
  issuer: Party;
  recipient: Party;
  /** 取引年月日: the month of service (the period Stripe billed), and when it was paid. */
  service: { month: string; from: string; to: string };
  paidAt: string;
  title: string;
  parts: DocumentPart[];
  totalJpy: number;
};

/** What a paid month's documents are made of, fixed at the time of payment. */
export type PaidMonthFacts = {
  engagementId: string;
  invoiceId: string;
  title: string;
  firm: { name: string };
  platform: { name: string; registrationNumber: string | null };
  /** The engagement's professional (a team's director) and, for a team, every member with a part. */
  professionalId: string;
  /** One per supplier: a solo engagement has one; a team's month one per member with a share. */
  suppliers: {
    id: string;
    name: string;
    registered: boolean;
    grossJpy: number;
    platformFeeJpy: number;
  }[];
  month: string;
  periodStart: string;
  periodEnd: string;
  paidAt: string;
  issuedAt: string;
};

const monthLabel = (month: string) => `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月分`;

function nonQualifiedPart(lines: DocumentLine[], purchaseDate: string): DocumentPart {
  const totals = rateTotal(lines);
  const percent = transitionalDeductionPercent(purchaseDate);
  return {
    qualified: false,
    lines,
    ...totals,
    deduction: {
      purchaseDate,
      percent,
      deductibleTaxJpy: Math.floor((totals.taxJpy * percent) / 100),
      source: TRANSITIONAL_DEDUCTION_SOURCE,
    },
  };
}

const serviceOf = (f: PaidMonthFacts) => ({
  month: f.month,
  from: dateInJapan(f.periodStart),
  to: purchaseDateOf(f.periodEnd),
});

/**
 * The firm's document for the professional's fee of a paid month. A supplier who is a registered issuer, when
 * the platform is one too, is invoiced by the platform in its own name (媒介者交付特例); any other supplier's
 * amount is in a part that says it is not a qualified invoice, with the share of its tax still deductible.
 * A team's members are lines of one document, so the firm gets one document a month.
 */
export function feeDocument(f: PaidMonthFacts): InvoiceDocument {
  const platformRegistered = f.platform.registrationNumber !== null;
  const description = `業務委託報酬（${f.title}、${monthLabel(f.month)}）`;
  const lines = f.suppliers
    .filter((s) => s.grossJpy > 0)
    .map((s) => ({
      description,
      supplier: { id: s.id, name: s.name, registered: s.registered },
      amountJpy: s.grossJpy,
    }));
  const qualifying = lines.filter((l) => platformRegistered && l.supplier.registered);
  const others = lines.filter((l) => !(platformRegistered && l.supplier.registered));
  const parts: DocumentPart[] = [
    ...(qualifying.length ? [{ qualified: true, lines: qualifying, ...rateTotal(qualifying) }] : []),
    ...(others.length ? [nonQualifiedPart(others, purchaseDateOf(f.periodEnd))] : []),
  ];
  const qualified = others.length === 0 && qualifying.length > 0;
  return {
    kind: 'fee',
    documentNumber: `KH-F-${f.invoiceId}`,
    engagementId: f.engagementId,
    invoiceId: f.invoiceId,
    professionalId: f.professionalId,
    basis: qualified ? 'intermediary' : 'not_qualified',
    qualified,
    issuedAt: f.issuedAt,
    issuer: {
      name: f.platform.name,
      ...(platformRegistered ? { registrationNumber: f.platform.registrationNumber as string } : {}),
    },
    recipient: { name: f.firm.name },
    service: serviceOf(f),
    paidAt: f.paidAt,
    title: qualified
      ? '適格請求書（媒介者交付特例）'
      : qualifying.length
        ? '請求書（適格請求書の部分とそうでない部分があります）'
        : '請求書（適格請求書ではありません）',
    parts,
    totalJpy: lines.reduce((s, l) => s + l.amountJpy, 0),
  };
}

/**
 * A supplier's invoice for the platform's fee of a paid month: a qualified invoice in the platform's name when the
 * platform is registered, otherwise a document that says it is not one.
 */
export function platformFeeInvoice(f: PaidMonthFacts, supplierId: string): InvoiceDocument | undefined {
  const s = f.suppliers.find((x) => x.id === supplierId);
  if (!s || s.platformFeeJpy <= 0) return undefined;
  const registered = f.platform.registrationNumber !== null;
  const lines: DocumentLine[] = [
    {
      description: `プラットフォーム利用料（${f.title}、${monthLabel(f.month)}）`,
      supplier: { id: 'platform', name: f.platform.name, registered },
      amountJpy: s.platformFeeJpy,
    },
  ];
  // The platform fee is charged when the month is paid: that is the date of the professional's purchase.
  const parts = registered
    ? [{ qualified: true, lines, ...rateTotal(lines) }]
    : [nonQualifiedPart(lines, dateInJapan(f.paidAt))];
  return {
    kind: 'platform_fee',
    documentNumber: `KH-P-${f.invoiceId}-${s.id.slice(0, 8)}`,
    engagementId: f.engagementId,
    invoiceId: f.invoiceId,
    professionalId: s.id,
    basis: registered ? 'issuer' : 'not_qualified',
    qualified: registered,
    issuedAt: f.issuedAt,
    issuer: {
      name: f.platform.name,
      ...(registered ? { registrationNumber: f.platform.registrationNumber as string } : {}),
    },
    recipient: { name: s.name },
    service: serviceOf(f),
    paidAt: f.paidAt,
    title: registered ? '適格請求書（プラットフォーム利用料）' : '請求書（適格請求書ではありません）',
    parts,
    totalJpy: s.platformFeeJpy,
  };
}

/** Every document of a paid month: the firm's, and each supplier's for the platform fee. */
export function paidMonthDocuments(f: PaidMonthFacts): InvoiceDocument[] {
  return [feeDocument(f), ...f.suppliers.flatMap((s) => platformFeeInvoice(f, s.id) ?? [])];
}

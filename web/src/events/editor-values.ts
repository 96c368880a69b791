import { useTranslation } from 'react-i18next';
import { CLAIM_WINDOW_HOURS, EventInput, REFUND_DAYS_BEFORE } from '#shared/events/rules.ts';
import { type Issue, range, textIssue } from '../forms.tsx';
import { fromJapanInput, toJapanInput } from './japan-time.ts';
import type { EventKind, EventOut, EventPatch, Selection } from './types.ts';

/** The editor's values: the body's names; times as Japan's wall clock (`datetime-local`). */
export type Values = {
  kind: EventKind | '';
  title: string;
  description: string;
  municipalityCode: string;
  venueName: string;
  startsAt: string;
  endsAt: string;
  signupDeadline: string;
  venueCapacity: number | string;
  onlineCapacity: number | string;
  feeJpy: number | string;
  selection: Selection | '';
  childcare: boolean;
  claimWindowHours: number | string;
  refundDaysBefore: number | string;
};

export function valuesOf(e: EventOut | undefined): Values {
  return {
    kind: e?.kind ?? '',
    title: e?.title ?? '',
    description: e?.description ?? '',
    municipalityCode: e?.municipalityCode ?? '',
    venueName: e?.venueName ?? '',
    startsAt: toJapanInput(e?.startsAt),
    endsAt: toJapanInput(e?.endsAt),
    signupDeadline: toJapanInput(e?.signupDeadline),
    venueCapacity: e?.venueCapacity ?? '',
    onlineCapacity: e?.onlineCapacity ?? 0,
    feeJpy: e?.feeJpy ?? 0,
    selection: e?.selection ?? 'first_come',
    childcare: e?.childcare ?? false,
    // The API's defaults, written out so staff see what they agree to.
    claimWindowHours: e?.claimWindowHours ?? CLAIM_WINDOW_HOURS.default,
    refundDaysBefore: e?.refundDaysBefore ?? REFUND_DAYS_BEFORE.default,
  };
}

/** The body of `POST /v1/events` the values make: empty optional fields left out, numbers as numbers. */
export function toBody(v: Values) {
  const optional = (text: string) => (text.trim() ? text : undefined);
  const number = (n: string | number) => (n === '' ? undefined : Number(n));
  return {
    kind: v.kind || undefined,
    title: v.title,
    description: v.description,
    municipalityCode: v.municipalityCode,
    venueName: optional(v.venueName),
    startsAt: fromJapanInput(v.startsAt),
    endsAt: fromJapanInput(v.endsAt),
    signupDeadline: fromJapanInput(v.signupDeadline),
    venueCapacity: number(v.venueCapacity),
    // A tour is at the venue only: the field is not shown for one.
    onlineCapacity: v.kind === 'tour' ? 0 : number(v.onlineCapacity),
    feeJpy: number(v.feeJpy),
    selection: v.selection || undefined,
    childcare: v.childcare,
    claimWindowHours: number(v.claimWindowHours),
    refundDaysBefore: number(v.refundDaysBefore),
  };
}

const TIMES = new Set(['startsAt', 'endsAt', 'signupDeadline']);

/** For an edit, only what changed (PATCH); a time is the same when it is the same instant. */
export function changesOf(input: EventInput, initial: EventOut): EventPatch {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    const before = initial[key as keyof EventOut];
    const same = TIMES.has(key)
      ? Date.parse(String(value)) === Date.parse(String(before))
      : JSON.stringify(value) === JSON.stringify(before);
    if (!same) out[key] = value;
  }
  return out as EventPatch;
}

const fields = EventInput.shape;
const at = (iso: string | undefined) => (iso ? Date.parse(iso) : Number.NaN);

/** The shared schema's issues in the person's language; the rules between fields told apart by the values. */
export function useWording() {
  const { t } = useTranslation();
  return (issue: Issue, values: Values): string | undefined => {
    const body = toBody(values);
    const field = String(issue.path[0] ?? '');
    const custom = issue.code === 'custom';
    switch (field) {
      case 'title':
      case 'description':
      case 'venueName':
        return textIssue(issue, t, 'editor.errors.required');
      case 'kind':
      case 'selection':
      case 'municipalityCode':
        return t('editor.errors.chooseOne');
      case 'startsAt':
        return t('events.editor.errors.time');
      case 'endsAt':
        if (!custom) return t('events.editor.errors.time');
        return at(body.endsAt) <= at(body.startsAt)
          ? t('events.editor.errors.endsBeforeStart')
          : t('events.editor.errors.tooLong');
      case 'signupDeadline':
        return custom ? t('events.editor.errors.deadlineAfterStart') : t('events.editor.errors.time');
      case 'venueCapacity':
        if (custom) return t('events.editor.errors.noSeats');
        return t('events.editor.errors.capacity', range(fields.venueCapacity));
      case 'onlineCapacity':
        if (custom) return t('events.editor.errors.tourOnline');
        return t('events.editor.errors.capacity', range(fields.onlineCapacity));
      case 'feeJpy':
        if (custom) return t('events.editor.errors.feeMinimum');
        return t('events.editor.errors.fee', range(fields.feeJpy));
      case 'claimWindowHours':
        return t('events.editor.errors.claimWindow', range(fields.claimWindowHours));
      case 'refundDaysBefore':
        return t('events.editor.errors.refundDays', range(fields.refundDaysBefore));
      default:
        return undefined;
    }
  };
}

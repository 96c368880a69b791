/**
 * Staff enter times as Japan's wall clock, whatever the browser's zone: a `datetime-local` value
 * ("2027-02-10T13:00") means that time in Japan, sent with Japan's offset. Japan keeps +09:00 all year
 * (no summer time), so the offset is fixed.
 */
const OFFSET = '+09:00';
const OFFSET_MS = 9 * 3_600_000;

/** An instant as a `datetime-local` value in Japan: "2027-02-10T13:00". */
export function toJapanInput(iso: string | undefined): string {
  if (!iso) return '';
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return '';
  return new Date(at + OFFSET_MS).toISOString().slice(0, 16);
}

/** A `datetime-local` value read as Japan's time, in ISO 8601 with the offset; undefined when empty. */
export function fromJapanInput(value: string): string | undefined {
  if (!value) return undefined;
  // Browsers give "…T13:00", or "…T13:00:30" when seconds are shown.
  const withSeconds = /T\d{2}:\d{2}$/.test(value) ? `${value}:00` : value;
  return `${withSeconds}${OFFSET}`;
}

import { CheckinInput, CODE_ALPHABET, CODE_LENGTH } from '#shared/events/rules.ts';

const token = new RegExp(`(?:^|[^A-Z0-9])([${CODE_ALPHABET}]{${CODE_LENGTH}})(?:$|[^A-Z0-9])`);

/**
 * The check-in code in what a camera read: the QR codes the app draws hold the code alone; one printed
 * elsewhere may hold it inside other text (a calendar entry, a link). Undefined when there is none.
 */
export function codeIn(text: string): string | undefined {
  const whole = CheckinInput.safeParse({ code: text });
  if (whole.success) return whole.data.code;
  return token.exec(text.toUpperCase())?.[1];
}

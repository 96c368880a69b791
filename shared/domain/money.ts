/**
 * Yen as the API's messages and the mails write it: ¥50,000. Digits grouped by hand, not by
 * `toLocaleString`: the first Intl call of a process loads ICU's number formats (≈ 10 ms), and the schema
 * messages that name a bound are built when a function starts.
 */
export const groupDigits = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

export const yen = (n: number): string => `¥${groupDigits(n)}`;

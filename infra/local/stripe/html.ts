/** Server-rendered HTML for the hosted pages: escaped by default, no external assets, readable on a phone. */

export class Safe {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

type Value = Safe | string | number | null | undefined | false | Value[];

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

function render(value: Value): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Safe) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/** A template whose interpolations are escaped unless they are already `Safe`. */
export function html(strings: TemplateStringsArray, ...values: Value[]): Safe {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new Safe(out);
}

export const yen = (amount: number) => `¥${amount.toLocaleString('ja-JP')}`;

const dateFormat = new Intl.DateTimeFormat('ja-JP', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
});
export const date = (unix: number) => dateFormat.format(unix * 1000);

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.6 system-ui,-apple-system,"Hiragino Sans","Noto Sans CJK JP","Yu Gothic",sans-serif;background:#f6f8fa;color:#1a1f36}
header{background:#635bff;color:#fff;padding:.75rem 1rem;font-weight:600}
header small{font-weight:400;opacity:.85}
main{max-width:34rem;margin:1rem auto;padding:0 1rem}
.card{background:#fff;border-radius:12px;box-shadow:0 1px 3px rgba(0,0,0,.12);padding:1.25rem;margin-bottom:1rem}
h1{font-size:1.5rem;margin:.25rem 0 1rem}
h2{font-size:1.1rem;margin:0 0 .75rem}
.amount{font-size:2rem;font-weight:700;margin:.5rem 0}
.amount small{font-size:1rem;font-weight:400}
.en{color:#6b7385;font-size:.85em}
.muted{color:#6b7385}
button{display:block;width:100%;min-height:3rem;margin:.5rem 0;padding:.6rem 1rem;border:1px solid #c6cbd4;border-radius:8px;background:#fff;font:inherit;cursor:pointer;text-align:left}
button.primary{background:#635bff;border-color:#635bff;color:#fff}
button.primary .en{color:#e0deff}
button.inline{display:inline-block;width:auto;min-height:2.25rem;margin:.25rem 0}
.error{background:#fdecea;border:1px solid #f5c2c0;color:#8a1c16;border-radius:8px;padding:.75rem;margin:.75rem 0}
.ok{background:#e8f5e9;border:1px solid #b7dfb9;color:#1d5b22;border-radius:8px;padding:.75rem;margin:.75rem 0}
.badge{display:inline-block;border-radius:999px;padding:0 .6rem;font-size:.85rem;background:#eef0f4}
.badge.paid,.badge.active{background:#d7f7e0;color:#0b6b2c}
.badge.open,.badge.past_due{background:#fde8d7;color:#8a4b0b}
.badge.void,.badge.canceled{background:#eef0f4;color:#555}
table{width:100%;border-collapse:collapse;font-size:.95rem}
td,th{padding:.4rem .25rem;border-bottom:1px solid #eef0f4;text-align:left;vertical-align:top;overflow-wrap:anywhere}
th{font-weight:600;width:35%}
td.num{text-align:right;white-space:nowrap}
label{display:block;margin:.5rem 0}
input{width:100%;padding:.6rem;border:1px solid #c6cbd4;border-radius:8px;font:inherit}
a{color:#4b44d6}
.note{font-size:.85rem;color:#6b7385}
`;

/** A whole page: Japanese first, English alongside, marked as a local test page. */
export function layout(title: string, body: Safe): string {
  return html`<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<link rel="icon" href="data:,">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${new Safe(STYLE)}</style>
</head>
<body>
<header>Kakehashi 架け橋 · テスト環境 <small>/ Local Stripe (test mode)</small></header>
<main>
${body}
<p class="note">これはローカルのテスト用ページです。実際のお金は動きません。<br><span class="en">This is a local test page of the stand-in for Stripe: no real money moves.</span></p>
</main>
</body>
</html>`.value;
}

/** A label in Japanese with its English underneath, the way every page words things. */
export const both = (ja: string, en: string) => html`${ja} <span class="en">/ ${en}</span>`;

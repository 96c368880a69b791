import type Stripe from 'stripe';
import { payInvoice, periodOf, subscriptionOf, updateSubscription } from './billing.ts';
import { assertOpen, checkoutLineItems, completeCheckoutSession } from './checkout.ts';
import { completeOnboarding, usableLink } from './connect.ts';
import { setCard } from './customers.ts';
import { type Engine, idOf, NO_REQUEST } from './engine.ts';
import { StripeApiError } from './errors.ts';
import { both, date, html, layout, type Safe, yen } from './html.ts';
import type { TestCard } from './state.ts';

/**
 * The hosted pages: Checkout, Connect onboarding, the billing portal and the hosted invoice. Plain
 * forms that POST back here; each action is the same operation the API and `/_local` endpoints run.
 */

export type PageAnswer = { status: number; html: string } | { redirect: string };

const page = (status: number, title: string, body: Safe): PageAnswer => ({
  status,
  html: layout(title, body),
});

const notFound = () =>
  page(
    404,
    '見つかりません / Not found',
    html`<div class="card"><h1>${both('見つかりません', 'Not found')}</h1></div>`,
  );

const card = (value: string | undefined): TestCard | undefined =>
  value === 'succeeds' || value === 'declines' ? value : undefined;

const SUB_STATUS: Record<string, [string, string]> = {
  active: ['有効', 'Active'],
  past_due: ['支払い遅延', 'Past due'],
  canceled: ['解約済み', 'Canceled'],
};
const INVOICE_STATUS: Record<string, [string, string]> = {
  paid: ['支払い済み', 'Paid'],
  open: ['未払い', 'Open'],
  void: ['無効', 'Void'],
  draft: ['下書き', 'Draft'],
};

function badge(kind: string, labels: Record<string, [string, string]>): Safe {
  const [ja, en] = labels[kind] ?? [kind, kind];
  return html`<span class="badge ${kind}">${ja} / ${en}</span>`;
}

/** `success_url` with Stripe's `{CHECKOUT_SESSION_ID}` template filled in. */
const successUrl = (session: Stripe.Checkout.Session) =>
  (session.success_url ?? '/').replaceAll('{CHECKOUT_SESSION_ID}', session.id);

export function handlePage(
  engine: Engine,
  method: string,
  path: string,
  form: Record<string, string>,
): PageAnswer | undefined {
  let m = /^\/checkout\/([^/]+)(\/pay)?$/.exec(path);
  if (m?.[1]) return checkoutPage(engine, m[1], method === 'POST' && m[2] ? form : undefined);
  m = /^\/connect\/onboarding\/([^/]+)$/.exec(path);
  if (m?.[1]) return onboardingPage(engine, m[1], method === 'POST');
  m = /^\/billing_portal\/([^/]+)(?:\/(card|subscriptions\/([^/]+)\/(cancel|keep)))?$/.exec(path);
  if (m?.[1])
    return portalPage(engine, m[1], method === 'POST' ? { action: m[2], sub: m[3], form } : undefined);
  m = /^\/invoices\/([^/]+)(\/pay)?$/.exec(path);
  if (m?.[1]) return invoicePage(engine, m[1], method === 'POST' && Boolean(m[2]));
  if (path === '/' && method === 'GET') return homePage(engine);
  return undefined;
}

function checkoutPage(engine: Engine, id: string, pay: Record<string, string> | undefined): PageAnswer {
  const session = engine.data.checkoutSessions[id];
  if (!session) return notFound();
  let error: string | undefined;
  if (pay) {
    try {
      completeCheckoutSession(
        engine,
        session,
        card(pay.card) ?? 'succeeds',
        NO_REQUEST,
        pay.email || undefined,
      );
      return { redirect: successUrl(session) };
    } catch (e) {
      if (!(e instanceof StripeApiError)) throw e;
      error = e.type === 'card_error' ? 'カードが拒否されました。別のカードをお試しください。' : e.message;
    }
  } else {
    try {
      assertOpen(engine, session);
    } catch {}
  }
  const monthly = session.mode === 'subscription';
  const lines = checkoutLineItems(engine, session.id);
  const needsEmail = !session.customer && !session.customer_email;
  const body = html`<div class="card">
<p class="muted">${both('お支払い', 'Pay')}${session.customer_email ? ` · ${session.customer_email}` : ''}</p>
<p class="amount">${yen(session.amount_total ?? 0)}${monthly ? html` <small>/ 月 <span class="en">per month</span></small>` : ''}</p>
<table>${lines.map(
    (l) =>
      html`<tr><td>${l.description}${(l.quantity ?? 1) > 1 ? ` × ${l.quantity}` : ''}</td><td class="num">${yen(l.amount_total)}${monthly ? ' / 月' : ''}</td></tr>`,
  )}</table>
${
  session.status === 'complete'
    ? html`<div class="ok">${both('お支払いは完了しています。', 'This payment is complete.')}</div><p><a href="${successUrl(session)}">${both('続ける', 'Continue')}</a></p>`
    : session.status !== 'open'
      ? html`<div class="error">${both('このお支払いページは期限切れです。', 'This checkout page has expired.')}</div>${session.cancel_url ? html`<p><a href="${session.cancel_url}">← ${both('戻る', 'Back')}</a></p>` : ''}`
      : html`${error ? html`<div class="error" role="alert">${error}<br><span class="en">Your card was declined. Try another card.</span></div>` : ''}
<form method="post" action="/checkout/${session.id}/pay">
${needsEmail ? html`<label>${both('メールアドレス', 'Email')}<input type="email" name="email" required autocomplete="email"></label>` : ''}
<button class="primary" name="card" value="succeeds">4242 4242 4242 4242 で支払う<br><span class="en">Pay with the test card that succeeds</span></button>
<button name="card" value="declines">4000 0000 0000 0002 で支払う（拒否されます）<br><span class="en">Pay with the test card that is declined</span></button>
</form>
${session.cancel_url ? html`<p><a href="${session.cancel_url}">← ${both('戻る', 'Back')}</a></p>` : ''}`
}
</div>`;
  return page(error ? 402 : 200, `${yen(session.amount_total ?? 0)} · Checkout`, body);
}

function onboardingPage(engine: Engine, token: string, submit: boolean): PageAnswer {
  const link = usableLink(engine, token);
  if (!link) {
    const record = engine.data.accountLinks[token];
    if (record?.refreshUrl) return { redirect: record.refreshUrl };
    return page(
      410,
      'Link expired',
      html`<div class="card"><h1>${both('リンクの有効期限が切れています', 'This link has expired')}</h1></div>`,
    );
  }
  const account = engine.data.accounts[link.account];
  if (!account) return notFound();
  if (submit) {
    link.used = true;
    completeOnboarding(engine, account);
    return { redirect: link.returnUrl ?? '/' };
  }
  return page(
    200,
    '支払い受け取りの設定 / Payout onboarding',
    html`<div class="card">
<h1>${both('報酬の受け取り設定', 'Set up payouts')}</h1>
<p>${account.email ?? ''} <span class="muted">(${account.id})</span></p>
<p>本人確認と振込先口座の登録を、テスト用のデータで完了します。<br><span class="en">Completes identity verification and the bank account with test data, as Stripe Express onboarding would.</span></p>
<form method="post"><button class="primary">${both('テストデータで完了する', 'Complete with test data')}</button></form>
${link.refreshUrl ? html`<p><a href="${link.refreshUrl}">${both('中断する', 'Leave')}</a></p>` : ''}
</div>`,
  );
}

function portalPage(
  engine: Engine,
  id: string,
  post: { action?: string; sub?: string; form: Record<string, string> } | undefined,
): PageAnswer {
  const session = engine.data.portalSessions[id];
  if (!session) return notFound();
  const customer = engine.customer(session.customer);
  if (post) {
    if (post.action === 'card') {
      const chosen = card(post.form.card);
      if (chosen) setCard(engine, customer, chosen);
    } else if (post.sub) {
      const sub = engine.data.subscriptions[post.sub];
      if (sub && idOf(sub.customer) === customer.id && sub.status !== 'canceled')
        updateSubscription(
          engine,
          sub,
          { cancel_at_period_end: post.action?.endsWith('cancel') },
          NO_REQUEST,
        );
    }
    return { redirect: `/billing_portal/${id}` };
  }
  const subs = Object.values(engine.data.subscriptions)
    .filter((s) => idOf(s.customer) === customer.id)
    .reverse();
  const invoices = Object.values(engine.data.invoices)
    .filter((i) => idOf(i.customer) === customer.id && i.status !== 'draft')
    .reverse();
  const current = engine.card(customer.id);
  const body = html`<div class="card">
<h1>${both('請求とお支払い', 'Billing')}</h1>
<p class="muted">${customer.email ?? customer.id}</p>
${session.return_url ? html`<p><a href="${session.return_url}">← ${both('Kakehashi に戻る', 'Back to Kakehashi')}</a></p>` : ''}
</div>
<div class="card"><h2>${both('ご契約', 'Subscriptions')}</h2>
${subs.length === 0 ? html`<p class="muted">${both('ありません', 'None')}</p>` : ''}
${subs.map((s) => subscriptionBlock(engine, id, s))}
</div>
<div class="card"><h2>${both('お支払い方法', 'Payment method')}</h2>
<p>${current === 'succeeds' ? 'Visa •••• 4242' : 'Visa •••• 0002'} <span class="muted">(${current === 'succeeds' ? both('成功するカード', 'succeeds') : both('拒否されるカード', 'declines')})</span></p>
<form method="post" action="/billing_portal/${id}/card">
<button name="card" value="succeeds" ${current === 'succeeds' ? 'disabled' : ''}>${both('成功するカードを使う', 'Use a card that succeeds')} (4242)</button>
<button name="card" value="declines" ${current === 'declines' ? 'disabled' : ''}>${both('拒否されるカードを使う', 'Use a card that declines')} (0002)</button>
</form></div>
<div class="card"><h2>${both('請求書', 'Invoices')}</h2>
${invoices.length === 0 ? html`<p class="muted">${both('ありません', 'None')}</p>` : ''}
<table>${invoices.map(
    (i) =>
      html`<tr><td>${date(i.created)}<br><span class="muted">${i.number ?? ''}</span></td><td class="num">${yen(i.total)}</td><td>${badge(i.status ?? 'draft', INVOICE_STATUS)}</td><td>${i.hosted_invoice_url ? html`<a href="${i.hosted_invoice_url}">${both('表示', 'View')}</a>` : ''}</td></tr>`,
  )}</table></div>`;
  return page(200, '請求とお支払い / Billing', body);
}

function subscriptionBlock(engine: Engine, portal: string, s: Stripe.Subscription): Safe {
  const period = periodOf(s);
  const amount = s.items.data.reduce((sum, i) => sum + (i.price.unit_amount ?? 0) * (i.quantity ?? 1), 0);
  const name = s.items.data
    .map((i) => engine.data.products[idOf(i.price.product) ?? '']?.name ?? '')
    .join(', ');
  const state =
    s.status === 'canceled' ? null : s.cancel_at_period_end ? 'ending' : s.pause_collection ? 'paused' : null;
  return html`<div>
<p><strong>${name}</strong> ${badge(s.status, SUB_STATUS)}
${state === 'ending' ? html`<span class="badge">${both('期間終了で解約', 'Cancels at period end')}</span>` : ''}
${state === 'paused' ? html`<span class="badge">${both('請求を一時停止中', 'Collection paused')}</span>` : ''}<br>
${yen(amount)} / 月 · ${
    s.status === 'canceled'
      ? both(`${date(s.ended_at ?? period.end)} に終了`, `ended ${date(s.ended_at ?? period.end)}`)
      : s.cancel_at_period_end
        ? both(`${date(period.end)} に終了`, `ends ${date(period.end)}`)
        : both(`次回更新 ${date(period.end)}`, `renews ${date(period.end)}`)
  }</p>
${
  s.status === 'canceled'
    ? ''
    : s.cancel_at_period_end
      ? html`<form method="post" action="/billing_portal/${portal}/subscriptions/${s.id}/keep"><button class="inline">${both('解約を取り消す', "Don't cancel")}</button></form>`
      : html`<form method="post" action="/billing_portal/${portal}/subscriptions/${s.id}/cancel"><button class="inline">${both('期間終了時に解約する', 'Cancel at period end')}</button></form>`
}
</div>`;
}

function invoicePage(engine: Engine, id: string, pay: boolean): PageAnswer {
  const invoice = engine.data.invoices[id];
  if (!invoice || invoice.status === 'draft') return notFound();
  let message: Safe | undefined;
  if (pay && invoice.status === 'open') {
    try {
      payInvoice(engine, invoice, NO_REQUEST);
      message = html`<div class="ok">${both('お支払いが完了しました。', 'Paid.')}</div>`;
    } catch (e) {
      if (!(e instanceof StripeApiError)) throw e;
      message = html`<div class="error" role="alert">${both('カードが拒否されました。', 'Your card was declined.')}</div>`;
    }
  }
  const line = invoice.lines.data[0];
  const sub = subscriptionOf(invoice);
  const body = html`<div class="card">
<p class="muted">${invoice.account_name ?? ''}</p>
<h1>${both('請求書', 'Invoice')} ${invoice.number ?? ''}</h1>
${message ?? ''}
<p>${badge(invoice.status ?? 'draft', INVOICE_STATUS)}</p>
<p class="amount">${yen(invoice.total)}</p>
<table>
<tr><th>${both('発行日', 'Issued')}</th><td>${date(invoice.status_transitions.finalized_at ?? invoice.created)}</td></tr>
${line ? html`<tr><th>${both('対象期間', 'Period')}</th><td>${date(line.period.start)} – ${date(line.period.end)}</td></tr>` : ''}
${invoice.status_transitions.paid_at ? html`<tr><th>${both('支払日', 'Paid on')}</th><td>${date(invoice.status_transitions.paid_at)}</td></tr>` : ''}
<tr><th>${both('請求先', 'Billed to')}</th><td>${invoice.customer_email ?? ''}</td></tr>
${sub ? html`<tr><th>${both('契約', 'Subscription')}</th><td>${sub}</td></tr>` : ''}
</table>
<table>${invoice.lines.data.map((l) => html`<tr><td>${l.description ?? ''}</td><td class="num">${yen(l.amount)}</td></tr>`)}
<tr><td><strong>${both('合計', 'Total')}</strong></td><td class="num"><strong>${yen(invoice.total)}</strong></td></tr></table>
${invoice.status === 'open' ? html`<form method="post" action="/invoices/${invoice.id}/pay"><button class="primary">${both('登録済みのカードで支払う', 'Pay with the card on file')}</button></form>` : ''}
</div>`;
  return page(200, `請求書 / Invoice ${invoice.number ?? ''}`, body);
}

function homePage(engine: Engine): PageAnswer {
  const d = engine.data;
  const count = (t: Record<string, unknown>) => Object.keys(t).length;
  return page(
    200,
    'Local Stripe',
    html`<div class="card"><h1>Local Stripe</h1>
<p>${both('現在時刻（ローカル時計）', 'Local clock')}: ${new Date(engine.now() * 1000).toISOString()}</p>
<table>
<tr><td>Customers</td><td class="num">${count(d.customers)}</td></tr>
<tr><td>Checkout Sessions</td><td class="num">${count(d.checkoutSessions)}</td></tr>
<tr><td>Subscriptions</td><td class="num">${count(d.subscriptions)}</td></tr>
<tr><td>Invoices</td><td class="num">${count(d.invoices)}</td></tr>
<tr><td>Connected accounts</td><td class="num">${count(d.accounts)}</td></tr>
<tr><td>Events</td><td class="num">${d.events.length}</td></tr>
</table>
<p class="note">API: /v1/… (Authorization: Bearer sk_…) · Controls: /_local/clock, /_local/events, /_local/webhooks</p></div>`,
  );
}

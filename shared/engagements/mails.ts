import { bilingual, type Mail } from '../mail/templates.ts';
import type { EngagementState } from './rules.ts';

const STATE_JA: Record<EngagementState, string> = {
  awaiting_payment: '支払い待ち',
  active: '稼働中',
  paused: '一時停止中',
  past_due: '支払い遅延',
  ending: '終了予定',
  ended: '終了',
};
const STATE_EN: Record<EngagementState, string> = {
  awaiting_payment: 'awaiting payment',
  active: 'active',
  paused: 'paused',
  past_due: 'payment past due',
  ending: 'ending',
  ended: 'ended',
};

const WHAT_NEXT_JA: Partial<Record<EngagementState, string>> = {
  active: '月額の支払いが確認でき、契約が稼働しています。',
  past_due:
    '今月分のカード決済に失敗しました。企業の方はカード情報を更新してください（自動で再請求されます）。',
  paused: '支払いを一時停止しました。再開するまで請求は行われません。',
  ending: '企業が契約の終了を申し出ました。終了日までは通常どおり稼働します。',
  ended: '契約が終了しました。ご協力ありがとうございました。',
};
const WHAT_NEXT_EN: Partial<Record<EngagementState, string>> = {
  active: 'The monthly payment went through; the retainer is running.',
  past_due: "This month's card payment failed. Firms: please update the card (Stripe retries automatically).",
  paused: 'Payments are paused; nothing is charged until the retainer resumes.',
  ending: 'The firm has ended the retainer. It runs as usual until its last day.',
  ended: 'The retainer has ended. Thank you for working together.',
};

export const engagementMails = {
  stateChanged(p: {
    title: string;
    state: EngagementState;
    engagementId: string;
    appUrl: string;
    endsAt?: string;
  }): Mail {
    const link = `${p.appUrl}/engagements/${p.engagementId}`;
    const day = p.endsAt
      ? new Date(Date.parse(p.endsAt) + 9 * 3_600_000).toISOString().slice(0, 10)
      : undefined;
    const endsJa = day ? `終了日: ${day}\n` : '';
    const endsEn = day ? `Last day: ${day}\n` : '';
    return bilingual(
      `engagement-${p.state}`,
      {
        subject: `契約「${p.title}」：${STATE_JA[p.state]}`,
        body: `契約「${p.title}」の状態が「${STATE_JA[p.state]}」になりました。\n${WHAT_NEXT_JA[p.state] ?? ''}\n${endsJa}${link}`,
      },
      {
        subject: `Retainer "${p.title}": ${STATE_EN[p.state]}`,
        body: `The retainer "${p.title}" is now ${STATE_EN[p.state]}.\n${WHAT_NEXT_EN[p.state] ?? ''}\n${endsEn}${link}`,
      },
    );
  },
};

import { yen as yenOf } from '../domain/money.ts';
import { bilingual, type Mail } from '../mail/templates.ts';
import { japanTime } from './rules.ts';

/** What the events context mails, in Japanese and English; times in Japan time. */
type About = { title: string; startsAt: string; appUrl: string; eventId: string };

const jst = japanTime;
const mine = (p: About) => `${p.appUrl}/me/registrations`;
const page = (p: About) => `${p.appUrl}/events/${p.eventId}`;
const mode = (m: 'venue' | 'online', lang: 'ja' | 'en') =>
  lang === 'ja' ? (m === 'venue' ? '会場' : 'オンライン') : m === 'venue' ? 'at the venue' : 'online';

export const eventMails = {
  confirmed(p: About & { code: string; attendance: 'venue' | 'online' }): Mail {
    return bilingual(
      'event-confirmed',
      {
        subject: `「${p.title}」の参加が確定しました`,
        body: `「${p.title}」（${jst(p.startsAt, 'ja')}、${mode(p.attendance, 'ja')}）への参加が確定しました。\n受付コード: ${p.code}\n当日は受付でこのコード（またはマイページのQRコード）をお見せください。\n${mine(p)}`,
      },
      {
        subject: `You are in: "${p.title}"`,
        body: `Your seat ${mode(p.attendance, 'en')} at "${p.title}" (${jst(p.startsAt, 'en')}) is confirmed.\nCheck-in code: ${p.code}\nShow this code (or the QR code in the app) at the reception.\n${mine(p)}`,
      },
    );
  },

  waitlisted(p: About & { position: number; attendance: 'venue' | 'online' }): Mail {
    return bilingual(
      'event-waitlisted',
      {
        subject: `「${p.title}」のキャンセル待ち（${p.position}番目）`,
        body: `「${p.title}」の${mode(p.attendance, 'ja')}の席は満席のため、キャンセル待ちの${p.position}番目に登録しました。席が空くとメールでお知らせします。\n${mine(p)}`,
      },
      {
        subject: `Waitlisted for "${p.title}" (number ${p.position})`,
        body: `The seats ${mode(p.attendance, 'en')} at "${p.title}" are taken: you are number ${p.position} on the waitlist. We will mail you when a seat comes free.\n${mine(p)}`,
      },
    );
  },

  entered(p: About & { deadline: string }): Mail {
    return bilingual(
      'event-entered',
      {
        subject: `「${p.title}」の抽選に申し込みました`,
        body: `「${p.title}」は抽選です。締切（${jst(p.deadline, 'ja')}）のあとに抽選し、結果をメールでお知らせします。\n${mine(p)}`,
      },
      {
        subject: `Entered the lottery for "${p.title}"`,
        body: `"${p.title}" is drawn by lottery after sign-ups close (${jst(p.deadline, 'en')}). We will mail you the result.\n${mine(p)}`,
      },
    );
  },

  offered(p: About & { offerExpiresAt: string; paid: boolean }): Mail {
    return bilingual(
      'event-offered',
      {
        subject: `「${p.title}」に空きが出ました（${jst(p.offerExpiresAt, 'ja')}まで）`,
        body: `キャンセル待ちをしていた「${p.title}」に空きが出ました。${jst(p.offerExpiresAt, 'ja')}までに確定してください${p.paid ? '（確定後にお支払い）' : ''}。期限を過ぎると次の方にご案内します。\n${mine(p)}`,
      },
      {
        subject: `A seat for "${p.title}" is yours to claim until ${jst(p.offerExpiresAt, 'en')}`,
        body: `A seat came free at "${p.title}". Claim it by ${jst(p.offerExpiresAt, 'en')}${p.paid ? ' (and then pay)' : ''}; after that it goes to the next person waiting.\n${mine(p)}`,
      },
    );
  },

  offerExpired(p: About): Mail {
    return bilingual(
      'event-offer-expired',
      {
        subject: `「${p.title}」のご案内の期限が切れました`,
        body: `「${p.title}」の空席のご案内は期限までに確定されなかったため、次の方にご案内しました。\n${page(p)}`,
      },
      {
        subject: `The seat offered for "${p.title}" has expired`,
        body: `The seat offered to you at "${p.title}" was not claimed in time and has gone to the next person waiting.\n${page(p)}`,
      },
    );
  },

  holdExpired(p: About): Mail {
    return bilingual(
      'event-hold-expired',
      {
        subject: `「${p.title}」のお支払い期限が切れました`,
        body: `「${p.title}」の席はお支払いが期限までに完了しなかったため、解放しました。\n${page(p)}`,
      },
      {
        subject: `The seat held for "${p.title}" was released`,
        body: `The seat held for you at "${p.title}" was not paid in time and has been released.\n${page(p)}`,
      },
    );
  },

  lotteryResult(p: About & { won: boolean; position?: number; paid: boolean; code?: string }): Mail {
    const ja = p.won
      ? `「${p.title}」の抽選に当選しました。${p.code ? `受付コード: ${p.code}` : '期限までにお支払いを済ませると確定します。'}`
      : `「${p.title}」の抽選は残念ながら落選となりました。キャンセル待ちの${p.position}番目に登録しましたので、空きが出ればお知らせします。`;
    const en = p.won
      ? `You won a seat at "${p.title}".${p.code ? ` Check-in code: ${p.code}` : ' Pay before the deadline to confirm it.'}`
      : `You were not drawn for "${p.title}" this time. You are number ${p.position} on the waitlist; we will mail you if a seat comes free.`;
    return bilingual(
      'event-lottery-result',
      { subject: `「${p.title}」抽選結果のお知らせ`, body: `${ja}\n${mine(p)}` },
      { subject: `Lottery result: "${p.title}"`, body: `${en}\n${mine(p)}` },
    );
  },

  paymentReceived(p: About & { amountJpy: number; code: string }): Mail {
    const yen = yenOf(p.amountJpy);
    return bilingual(
      'event-payment-received',
      {
        subject: `「${p.title}」のお支払いを受け付けました`,
        body: `「${p.title}」の参加費 ${yen} のお支払いを受け付け、参加が確定しました。\n受付コード: ${p.code}\n${mine(p)}`,
      },
      {
        subject: `Payment received: "${p.title}"`,
        body: `We received ${yen} for "${p.title}"; your seat is confirmed.\nCheck-in code: ${p.code}\n${mine(p)}`,
      },
    );
  },

  refunded(p: About & { amountJpy: number }): Mail {
    const yen = yenOf(p.amountJpy);
    return bilingual(
      'event-refunded',
      {
        subject: `「${p.title}」の参加費を返金しました`,
        body: `「${p.title}」の参加費 ${yen} を返金しました。カード会社により、反映まで数日かかることがあります。`,
      },
      {
        subject: `Refunded: "${p.title}"`,
        body: `We refunded ${yen} for "${p.title}". It can take a few days to show on your card.`,
      },
    );
  },

  cancelledRegistration(p: About & { refundedJpy?: number }): Mail {
    const yen = p.refundedJpy ? yenOf(p.refundedJpy) : undefined;
    return bilingual(
      'event-registration-cancelled',
      {
        subject: `「${p.title}」の申し込みを取り消しました`,
        body: `「${p.title}」の申し込みを取り消しました。${yen ? `参加費 ${yen} を返金します。` : ''}\n${page(p)}`,
      },
      {
        subject: `Cancelled: your place at "${p.title}"`,
        body: `Your registration for "${p.title}" is cancelled.${yen ? ` ${yen} will be refunded.` : ''}\n${page(p)}`,
      },
    );
  },

  reminder(p: About & { venueName?: string; attendance: 'venue' | 'online'; code?: string }): Mail {
    return bilingual(
      'event-reminder',
      {
        subject: `まもなく「${p.title}」です（${jst(p.startsAt, 'ja')}）`,
        body: `「${p.title}」は ${jst(p.startsAt, 'ja')} からです（${p.attendance === 'venue' ? (p.venueName ?? '会場') : 'オンライン'}）。${p.code ? `\n受付コード: ${p.code}` : ''}\n${mine(p)}`,
      },
      {
        subject: `Soon: "${p.title}" (${jst(p.startsAt, 'en')})`,
        body: `"${p.title}" starts ${jst(p.startsAt, 'en')} (${p.attendance === 'venue' ? (p.venueName ?? 'at the venue') : 'online'}).${p.code ? `\nCheck-in code: ${p.code}` : ''}\n${mine(p)}`,
      },
    );
  },

  eventCancelled(p: About & { refundedJpy?: number }): Mail {
    const yen = p.refundedJpy ? yenOf(p.refundedJpy) : undefined;
    return bilingual(
      'event-cancelled',
      {
        subject: `「${p.title}」は中止になりました`,
        body: `申し込みいただいていた「${p.title}」（${jst(p.startsAt, 'ja')}）は、主催者の都合により中止になりました。${yen ? `参加費 ${yen} は全額返金します。` : ''}ご迷惑をおかけして申し訳ありません。`,
      },
      {
        subject: `Cancelled: "${p.title}"`,
        body: `"${p.title}" (${jst(p.startsAt, 'en')}), which you signed up for, has been cancelled by its organisers.${yen ? ` Your ${yen} will be refunded in full.` : ''} We are sorry for the trouble.`,
      },
    );
  },
};

import { randomInt } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Profile, ProfileInput } from '#shared/accounts/rules.ts';
import { type User, userItem, users } from '#shared/accounts/user.entity.ts';
import { db, tableName } from '#shared/data/client.ts';
import { inStaffRegion } from '#shared/events/access.ts';
import { events, type KakehashiEvent, ZERO_COUNTERS } from '#shared/events/event.entity.ts';
import { publishEvent } from '#shared/events/publish-event.ts';
import { register } from '#shared/events/register.ts';
import { type Registration, registrations } from '#shared/events/registration.entity.ts';
import {
  type Attendance,
  CLAIM_WINDOW_HOURS,
  capacityOf,
  checkinCode,
  EventInput,
  REFUND_DAYS_BEFORE,
  type RegistrationInput,
} from '#shared/events/rules.ts';

/**
 * The demo tours and seminars `npm start` seeds (issue 9, "Demo data"), dated from the day it seeds:
 * upcoming ones, published by their region's staff, with a few demo people signed up the way people sign up;
 * and past ones with their attendance (checked in, a few no-shows, a cancellation), so the relationship
 * population has history to count. Past events cannot be made through the API (publishing refuses a passed
 * deadline), so they are written through the events entities, each seat taken and checked in as the product
 * would have done it, which keeps the seat counters equal to the registrations.
 */

/**
 * A day `days` from the seeding day (negative: before it) at a time of day in Japan, with +09:00; or a fixed
 * date (the two-year history the relationship population counts, infra/local/demo-history.ts, is dated).
 */
export type DemoDay =
  | { day: number; time: `${number}:${number}` }
  | { date: `${number}-${number}-${number}`; time: `${number}:${number}` };

type DemoEventFields = Omit<EventInput, 'startsAt' | 'endsAt' | 'signupDeadline'> & {
  key: string;
  /** The e-mail of the region staff who run it. */
  staff: string;
  starts: DemoDay;
  ends: DemoDay;
  deadline: DemoDay;
};

/** Who signs up: a demo account's e-mail, or a past attendee's key. */
export type DemoSignUp = { who: string; attendance: Attendance; childcare?: RegistrationInput['childcare'] };
export type UpcomingEvent = DemoEventFields & { signUps: DemoSignUp[] };
export type PastEvent = DemoEventFields & {
  attendance: (DemoSignUp & { outcome: 'checked_in' | 'no_show' | 'cancelled' })[];
};

const AMAMI_STAFF = 'amami-staff@demo.kakehashi.jp';
const TOTTORI_STAFF = 'staff@demo.kakehashi.jp';
const MINOWA_STAFF = 'minowa-staff@demo.kakehashi.jp';
const ISE_STAFF = 'ise-staff@demo.kakehashi.jp';
const PRO = 'pro@demo.kakehashi.jp';
const PRO2 = 'pro2@demo.kakehashi.jp';

export const upcomingEvents: UpcomingEvent[] = [
  {
    key: 'amami-hybrid-seminar',
    staff: AMAMI_STAFF,
    kind: 'seminar',
    title: '奄美群島 副業・兼業人材活用セミナー（会場＋オンライン）',
    description:
      '島の企業のための、都市部の副業プロ人材と組む方法を学ぶセミナーです。黒糖焼酎の蔵元による活用事例、仕事の切り出し方、契約と報酬の決め方を紹介します。会場は奄美市のアマホームPLAZA、島外・他の島からはオンラインで参加できます。',
    municipalityCode: '46222',
    venueName: 'アマホームPLAZA 中多目的室',
    starts: { day: 21, time: '14:00' },
    ends: { day: 21, time: '16:30' },
    deadline: { day: 20, time: '17:00' },
    venueCapacity: 20,
    onlineCapacity: 80,
    feeJpy: 0,
    selection: 'first_come',
    childcare: false,
    signUps: [
      { who: PRO, attendance: 'venue' },
      { who: 'amami-firm@demo.kakehashi.jp', attendance: 'venue' },
    ],
  },
  {
    key: 'yurihama-tour',
    staff: TOTTORI_STAFF,
    kind: 'tour',
    title: '湯梨浜町 2泊3日 副業人材 現地ツアー（梨園と東郷湖）',
    description:
      '鳥取県湯梨浜町で、二十世紀梨の梨園や東郷湖畔の旅館、地域の企業を訪ね、経営者と課題を語り合う3日間です。参加費には2泊の宿泊と現地の移動を含みます（往復の交通費は各自）。応募多数の場合は締切時に抽選します。',
    municipalityCode: '31370',
    venueName: '湯梨浜町 ハワイアロハホール（集合）',
    starts: { day: 35, time: '10:00' },
    ends: { day: 37, time: '15:00' },
    deadline: { day: 24, time: '23:59' },
    venueCapacity: 12,
    onlineCapacity: 0,
    feeJpy: 15_000,
    selection: 'lottery',
    childcare: false,
    signUps: [
      { who: PRO, attendance: 'venue' },
      { who: PRO2, attendance: 'venue' },
    ],
  },
  {
    key: 'minowa-childcare-seminar',
    staff: MINOWA_STAFF,
    kind: 'seminar',
    title: '箕輪町 子育てしながら副業・兼業セミナー（託児あり）',
    description:
      '子育て中でも、町の工場や商店の仕事に関われます。副業・兼業の始め方と町内企業の募集を紹介するセミナーです。会場では無料の託児を用意します（申込時にお子さまの人数と年齢をお知らせください）。オンライン参加もできます。',
    municipalityCode: '20383',
    venueName: '箕輪町文化センター 会議室',
    starts: { day: 28, time: '10:00' },
    ends: { day: 28, time: '12:00' },
    deadline: { day: 25, time: '17:00' },
    venueCapacity: 24,
    onlineCapacity: 50,
    feeJpy: 0,
    selection: 'first_come',
    childcare: true,
    signUps: [
      { who: PRO, attendance: 'venue', childcare: { children: 1, ages: '4歳' } },
      { who: 'minowa-firm@demo.kakehashi.jp', attendance: 'venue' },
    ],
  },
  {
    key: 'ise-short-time-seminar',
    staff: ISE_STAFF,
    kind: 'seminar',
    title: '伊勢市 短時間ではたらく副業セミナー（1日2時間から）',
    description:
      '週に数時間、1日2時間から伊勢の店や宿の仕事に関わる働き方を紹介します。SNS運用やネットショップの改善など、短時間・リモートでできる仕事の実例と、受け入れる事業者の声をお届けします。',
    municipalityCode: '24203',
    venueName: '伊勢市観光文化会館 小ホール',
    starts: { day: 42, time: '19:00' },
    ends: { day: 42, time: '20:30' },
    deadline: { day: 41, time: '12:00' },
    venueCapacity: 30,
    onlineCapacity: 100,
    feeJpy: 0,
    selection: 'first_come',
    childcare: false,
    signUps: [
      { who: PRO2, attendance: 'online' },
      { who: 'ise-firm@demo.kakehashi.jp', attendance: 'venue' },
    ],
  },
];

/**
 * People who came to past events: professional profiles only (they do not sign in), living in several
 * prefectures, so that the relationship population's breakdowns have more than one or two people a cell.
 * `tottori-local` lives in Tottori: a tie with Tottori's events that must not count (people from outside only).
 */
export const pastAttendees: { key: string; profile: ProfileInput }[] = [
  {
    key: 'kanagawa-designer',
    profile: {
      role: 'professional',
      displayName: '田中 優子',
      headline: '横浜のデザイン事務所でブランディングを担当しています。',
      skills: ['design', 'branding'],
      homePrefectureCode: '14',
      workStyle: 'remote',
    },
  },
  {
    key: 'aichi-engineer',
    profile: {
      role: 'professional',
      displayName: '伊藤 翔',
      headline: '名古屋の自動車部品メーカーで生産技術と工場のDXを担当。',
      skills: ['dx', 'manufacturing', 'data'],
      homePrefectureCode: '23',
      workStyle: 'hybrid',
    },
  },
  {
    key: 'fukuoka-writer',
    profile: {
      role: 'professional',
      displayName: '渡辺 彩',
      headline: '福岡のフリーランス編集者。地域の魅力を言葉にします。',
      skills: ['writing', 'sns'],
      homePrefectureCode: '40',
      workStyle: 'remote',
    },
  },
  {
    key: 'saitama-hr',
    profile: {
      role: 'professional',
      displayName: '中村 大輔',
      headline: 'さいたま市の人材会社で中小企業の採用を支援しています。',
      skills: ['hiring', 'planning'],
      homePrefectureCode: '11',
      workStyle: 'hybrid',
    },
  },
  {
    key: 'hyogo-marketer',
    profile: {
      role: 'professional',
      displayName: '松本 真由美',
      headline: '神戸の食品メーカーで販路開拓とSNSを担当。地方の加工品を都市に届けたい。',
      skills: ['marketing', 'sns', 'ec'],
      homePrefectureCode: '28',
      workStyle: 'remote',
    },
  },
  {
    key: 'tottori-local',
    profile: {
      role: 'professional',
      displayName: '加藤 拓也',
      headline: '鳥取市在住の中小企業診断士。',
      skills: ['planning', 'accounting'],
      homePrefectureCode: '31',
      workStyle: 'onsite',
    },
  },
];

export const pastEvents: PastEvent[] = [
  {
    key: 'past-yurihama-tour-last-year',
    staff: TOTTORI_STAFF,
    kind: 'tour',
    title: '湯梨浜町 2泊3日 梨の収穫体験と企業訪問ツアー',
    description: '二十世紀梨の収穫期に、梨園と町内企業を訪ねる3日間のツアーでした。',
    municipalityCode: '31370',
    venueName: '湯梨浜町 ハワイアロハホール（集合）',
    // Dated, as the two-year history around it is: five self-funded professionals from outside Tottori came
    // (a Tottori resident too, who does not count), two of whom came back the next year (the tour below).
    starts: { date: '2025-09-12', time: '10:00' },
    ends: { date: '2025-09-14', time: '15:00' },
    deadline: { date: '2025-08-29', time: '23:59' },
    venueCapacity: 10,
    onlineCapacity: 0,
    feeJpy: 0,
    selection: 'first_come',
    childcare: false,
    attendance: [
      { who: PRO, attendance: 'venue', outcome: 'checked_in' },
      { who: 'kanagawa-designer', attendance: 'venue', outcome: 'checked_in' },
      { who: 'saitama-hr', attendance: 'venue', outcome: 'checked_in' },
      { who: 'aichi-engineer', attendance: 'venue', outcome: 'checked_in' },
      { who: 'hyogo-marketer', attendance: 'venue', outcome: 'checked_in' },
      { who: 'tottori-local', attendance: 'venue', outcome: 'checked_in' },
      { who: 'fukuoka-writer', attendance: 'venue', outcome: 'no_show' },
    ],
  },
  {
    key: 'past-yurihama-tour',
    staff: TOTTORI_STAFF,
    kind: 'tour',
    title: '湯梨浜町 1泊2日 東郷湖の旅館と企業を訪ねるツアー',
    description: '東郷湖畔の旅館と町内の企業を訪ね、経営者と副業人材の活用を語り合う2日間のツアーでした。',
    municipalityCode: '31370',
    venueName: '湯梨浜町 ハワイアロハホール（集合）',
    // The two of last year's five who came back (repeat visitors); nobody new from outside.
    starts: { date: '2026-08-07', time: '10:00' },
    ends: { date: '2026-08-08', time: '16:00' },
    deadline: { date: '2026-07-28', time: '23:59' },
    venueCapacity: 10,
    onlineCapacity: 0,
    feeJpy: 0,
    selection: 'first_come',
    childcare: false,
    attendance: [
      { who: PRO, attendance: 'venue', outcome: 'checked_in' },
      { who: 'kanagawa-designer', attendance: 'venue', outcome: 'checked_in' },
      { who: PRO2, attendance: 'venue', outcome: 'cancelled' },
    ],
  },
  {
    key: 'past-amami-seminar',
    staff: AMAMI_STAFF,
    kind: 'seminar',
    title: '奄美群島 島の仕事と副業人材 オンライン交流会',
    description: '島の企業と島外の副業人材が、会場とオンラインで出会う交流会でした。',
    municipalityCode: '46222',
    venueName: 'アマホームPLAZA 中多目的室',
    starts: { day: -60, time: '14:00' },
    ends: { day: -60, time: '16:00' },
    deadline: { day: -61, time: '17:00' },
    venueCapacity: 20,
    onlineCapacity: 50,
    feeJpy: 0,
    selection: 'first_come',
    childcare: false,
    attendance: [
      { who: PRO, attendance: 'online', outcome: 'checked_in' },
      { who: 'fukuoka-writer', attendance: 'online', outcome: 'checked_in' },
      { who: 'saitama-hr', attendance: 'online', outcome: 'checked_in' },
      { who: 'kanagawa-designer', attendance: 'venue', outcome: 'checked_in' },
      { who: 'amami-firm@demo.kakehashi.jp', attendance: 'venue', outcome: 'checked_in' },
      { who: PRO2, attendance: 'online', outcome: 'no_show' },
    ],
  },
  {
    key: 'past-minowa-seminar',
    staff: MINOWA_STAFF,
    kind: 'seminar',
    title: '箕輪町 町工場のDXと副業人材セミナー',
    description: '紙の日報から抜け出した町工場の事例と、副業人材との組み方を紹介したセミナーでした。',
    municipalityCode: '20383',
    venueName: '箕輪町文化センター 会議室',
    starts: { day: -90, time: '13:30' },
    ends: { day: -90, time: '16:00' },
    deadline: { day: -92, time: '17:00' },
    venueCapacity: 30,
    onlineCapacity: 30,
    feeJpy: 0,
    selection: 'first_come',
    childcare: true,
    attendance: [
      { who: PRO2, attendance: 'venue', outcome: 'checked_in' },
      { who: 'aichi-engineer', attendance: 'venue', outcome: 'checked_in' },
      {
        who: 'saitama-hr',
        attendance: 'venue',
        outcome: 'checked_in',
        childcare: { children: 2, ages: '3歳・6歳' },
      },
      { who: 'minowa-firm@demo.kakehashi.jp', attendance: 'venue', outcome: 'checked_in' },
      { who: PRO, attendance: 'online', outcome: 'no_show' },
    ],
  },
  {
    key: 'past-ise-seminar',
    staff: ISE_STAFF,
    kind: 'seminar',
    title: '伊勢市 週数時間からの副業 はじめの一歩セミナー',
    description: '短時間・リモートで伊勢の事業者の仕事に関わる方法を紹介したセミナーでした。',
    municipalityCode: '24203',
    venueName: '伊勢市観光文化会館 小ホール',
    starts: { day: -150, time: '19:00' },
    ends: { day: -150, time: '20:30' },
    deadline: { day: -151, time: '12:00' },
    venueCapacity: 30,
    onlineCapacity: 100,
    feeJpy: 0,
    selection: 'first_come',
    childcare: false,
    attendance: [
      { who: PRO2, attendance: 'online', outcome: 'checked_in' },
      { who: 'fukuoka-writer', attendance: 'online', outcome: 'checked_in' },
      { who: 'ise-firm@demo.kakehashi.jp', attendance: 'venue', outcome: 'checked_in' },
      { who: 'kanagawa-designer', attendance: 'online', outcome: 'no_show' },
    ],
  },
];

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** `day` days from `from` (or the fixed date) at `time` in Japan, written as people in Japan write it (+09:00). */
export function jstDay(from: number, d: DemoDay): string {
  const date = 'date' in d ? d.date : new Date(from + d.day * DAY + 9 * HOUR).toISOString().slice(0, 10);
  return `${date}T${d.time}:00+09:00`;
}

const iso = (jst: string, plusMs = 0) => new Date(Date.parse(jst) + plusMs).toISOString();

const ignoreExisting = (error: Error) => {
  if (error.name !== 'ConditionalCheckFailedException' && error.name !== 'TransactionCanceledException')
    throw error;
};

export type Seeding = {
  /** Seeding's "now" (ms): every demo date that is not fixed is counted from it. */
  from: number;
  demoId: (key: string) => string;
  /** Every demo account's profile, by e-mail. */
  profiles: Map<string, Profile>;
};

/** A demo event as it would have been made by its staff, checked by the same rules as `POST /v1/events`. */
function eventOf(
  { signUps, attendance, ...demo }: DemoEventFields & Partial<UpcomingEvent & PastEvent>,
  s: Seeding,
  state: { status: 'draft' } | { status: 'published'; publishedAt: string },
): { event: KakehashiEvent; staff: Profile } {
  const { key, staff: staffEmail, starts, ends, deadline, ...fields } = demo;
  const input = EventInput.parse({
    ...fields,
    startsAt: jstDay(s.from, starts),
    endsAt: jstDay(s.from, ends),
    signupDeadline: jstDay(s.from, deadline),
  });
  const staff = s.profiles.get(staffEmail);
  if (staff?.role !== 'region_staff' || !inStaffRegion(staff as User, input.municipalityCode))
    throw new Error(`demo event ${key}: ${staffEmail} is not staff of ${input.municipalityCode}'s region`);
  // Drafted a month before sign-ups close, or on the seeding day if that is sooner.
  const createdAt = new Date(Math.min(s.from, Date.parse(input.signupDeadline) - 30 * DAY)).toISOString();
  const event: KakehashiEvent = {
    ...input,
    ...ZERO_COUNTERS,
    id: s.demoId(`event:${key}`),
    prefectureCode: input.municipalityCode.slice(0, 2),
    regionCode: staff.regionCode as string,
    createdBy: staff.userId,
    claimWindowHours: input.claimWindowHours ?? CLAIM_WINDOW_HOURS.default,
    refundDaysBefore: input.refundDaysBefore ?? REFUND_DAYS_BEFORE.default,
    createdAt,
    updatedAt: state.status === 'published' ? state.publishedAt : createdAt,
    ...state,
  };
  return { event, staff };
}

const created = (write: Promise<unknown>) =>
  write.then(
    () => true,
    (error: Error) => {
      ignoreExisting(error);
      return false;
    },
  );

/** The profiles of the past attendees; their user ids by key. */
async function seedAttendees(s: Seeding): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const joined = new Date(s.from - 500 * DAY).toISOString();
  await Promise.all(
    pastAttendees.map(async (a) => {
      const userId = s.demoId(`attendee:${a.key}`);
      ids.set(a.key, userId);
      const profile = { ...a.profile, userId, email: `${a.key}@attendee.demo.kakehashi.jp` } as Profile;
      await db()
        .send(
          new PutCommand({
            TableName: tableName(),
            Item: userItem(profile, joined),
            ConditionExpression: 'attribute_not_exists(PK)',
          }),
        )
        .catch(ignoreExisting);
    }),
  );
  return ids;
}

/**
 * An upcoming event: drafted, then published by its staff (which sets its timers: the lottery at the deadline,
 * the reminder, the no-show sweep), then the demo people sign up through the product's own sign-up.
 */
async function seedUpcoming(demo: UpcomingEvent, s: Seeding): Promise<void> {
  const { event, staff } = eventOf(demo, s, { status: 'draft' });
  if (!(await created(events.create(event)))) return;
  const staffUser = await users.get(staff.userId);
  if (!staffUser) throw new Error(`demo event ${demo.key}: no profile for its staff`);
  await publishEvent(staffUser, event.id);
  for (const signUp of demo.signUps) {
    const person = await users.get(s.profiles.get(signUp.who)?.userId ?? '');
    if (!person) throw new Error(`demo event ${demo.key}: ${signUp.who} is not a demo account`);
    const { who, ...input } = signUp;
    await register(person, event.id, input, new Date(s.from));
  }
}

/**
 * A past event with its attendance: each person's seat taken a few days before the deadline (one transaction
 * with the counter, as a sign-up does), then checked in at the door, marked a no-show after the end, or
 * cancelled (the seat given back). No timers: everything they would do is done.
 */
export async function seedPast(demo: PastEvent, s: Seeding, attendees: Map<string, string>): Promise<void> {
  const deadline = Date.parse(jstDay(s.from, demo.deadline));
  const publishedAt = new Date(deadline - 21 * DAY).toISOString();
  const { event } = eventOf(demo, s, { status: 'published', publishedAt });
  if (!(await created(events.create(event)))) return;
  for (const [i, a] of demo.attendance.entries()) {
    const userId = attendees.get(a.who) ?? s.profiles.get(a.who)?.userId;
    if (!userId) throw new Error(`demo event ${demo.key}: nobody is ${a.who}`);
    const signedUpAt = new Date(deadline - (10 - i) * DAY).toISOString();
    const r: Registration = {
      id: s.demoId(`registration:${demo.key}:${a.who}`),
      eventId: event.id,
      userId,
      attendance: a.attendance,
      status: 'confirmed',
      code: checkinCode(randomInt),
      ...(a.childcare ? { childcare: a.childcare } : {}),
      createdAt: signedUpAt,
      updatedAt: signedUpAt,
    };
    await registrations.takeSeat(r, capacityOf(event, a.attendance));
    if (a.outcome === 'checked_in') await registrations.checkIn(r, iso(event.startsAt, -(20 - i) * 60_000));
    else if (a.outcome === 'no_show') await registrations.markNoShow(r, iso(event.endsAt, 60_000));
    else await registrations.leave(r, 'cancelled', iso(event.signupDeadline, -2 * DAY));
  }
}

/**
 * The demo events, upcoming and past. Idempotent: an event that exists is left as it is. Events are seeded
 * side by side (seeding runs at every start, tests included); within one, its registrations one at a time,
 * as they share its counters.
 */
export async function seedEvents(s: Seeding): Promise<void> {
  const attendees = await seedAttendees(s);
  await Promise.all([
    ...pastEvents.map((demo) => seedPast(demo, s, attendees)),
    ...upcomingEvents.map((demo) => seedUpcoming(demo, s)),
  ]);
}

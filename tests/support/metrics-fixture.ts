/**
 * A hand-checked history for the relationship population (issue 10): 34 activities of seven professionals in
 * two regions (高知県 with 馬路村 and 四万十町, and 島根県 海士町) over 14 months, 2024-11 … 2025-12, as the
 * source records the product writes (profiles, projects, applications, ledger rows, events, check-ins). The
 * unit test folds them with the rebuild's own path, the integration test writes them to the table and reads
 * what the stream consumer made of them; both compare with the figures below, worked out by hand.
 */
export const UMAJI = '39306'; // 馬路村, 高知県
export const SHIMANTO = '39412'; // 四万十町, 高知県
export const AMA = '32525'; // 海士町, 島根県
export const KOCHI = '39';

const at = (month: string, day = 15) => `${month}-${String(day).padStart(2, '0')}T03:00:00.000Z`;
const stamp = { createdAt: at('2024-10'), updatedAt: at('2024-10') };

type Item = Record<string, unknown>;

const professional = (
  id: string,
  home: { homePrefectureCode?: string; homeMunicipalityCode?: string },
  skills: string[],
): Item => ({
  PK: `USER#${id}`,
  SK: 'PROFILE',
  type: 'User',
  userId: id,
  role: 'professional',
  displayName: id,
  skills,
  ...home,
  ...stamp,
});

const firm = (id: string, municipalityCode: string): Item => ({
  PK: `USER#${id}`,
  SK: 'PROFILE',
  type: 'User',
  userId: id,
  role: 'firm',
  displayName: id,
  organizationName: id,
  municipalityCode,
  ...stamp,
});

const project = (id: string, firmId: string, municipalityCode: string, published: string): Item => ({
  PK: `PROJECT#${id}`,
  SK: 'PROJECT',
  type: 'Project',
  id,
  firmId,
  organizationName: firmId,
  municipalityCode,
  prefectureCode: municipalityCode.slice(0, 2),
  title: `Project ${id}`,
  description: 'A fixture project of the relationship-population tests.',
  skills: ['ec'],
  monthlyFeeJpy: 100000,
  hoursPerMonth: 20,
  durationMonths: 6,
  remote: 'remote',
  status: 'closed', // never listed: other tests browse the same cloud
  shortTime: false,
  applicantCount: 0,
  publishedAt: at(published),
  closedAt: at('2026-01'),
  ...stamp,
});

const application = (
  id: string,
  projectId: string,
  professionalId: string,
  month: string,
  accepted?: string,
): Item => ({
  PK: `APPLICATION#${id}`,
  SK: 'APPLICATION',
  type: 'Application',
  id,
  projectId,
  firmId: 'fixture',
  professionalId,
  proposal: 'fixture',
  status: accepted ? 'accepted' : 'submitted',
  ...(accepted ? { decidedAt: at(accepted), engagementId: `eng-${id}` } : {}),
  createdAt: at(month),
  updatedAt: at(accepted ?? month),
});

/** The paid months of one engagement: one ledger row each. */
const paidMonths = (
  engagementId: string,
  firmId: string,
  professionalId: string,
  months: string[],
  grossJpy: number,
): Item[] =>
  months.map((month) => ({
    PK: `ENGAGEMENT#${engagementId}`,
    SK: `INVOICE#${at(month, 1)}#in_${engagementId}_${month}`,
    type: 'LedgerRow',
    engagementId,
    invoiceId: `in_${engagementId}_${month}`,
    professionalId,
    firmId,
    title: engagementId,
    firmName: firmId,
    workType: 'ec',
    status: 'paid',
    periodStart: at(month, 1),
    periodEnd: at(month, 28),
    at: at(month, 5),
    grossJpy,
    platformFeeJpy: grossJpy / 10,
    feeTaxJpy: 0,
    netJpy: grossJpy - grossJpy / 10,
    hostedInvoiceUrl: null,
    createdAt: at(month, 5),
    updatedAt: at(month, 5),
  }));

const event = (id: string, kind: 'tour' | 'seminar', municipalityCode: string, month: string): Item => ({
  PK: `EVENT#${id}`,
  SK: 'EVENT',
  type: 'Event',
  id,
  kind,
  status: 'published',
  title: `Event ${id}`,
  municipalityCode,
  prefectureCode: municipalityCode.slice(0, 2),
  startsAt: at(month, 10),
  endsAt: at(month, 11),
  ...stamp,
});

const checkIn = (eventId: string, userId: string, attendance: 'venue' | 'online', month: string): Item => ({
  PK: `EVENT#${eventId}`,
  SK: `REG#${userId}`,
  type: 'Registration',
  id: `${eventId}-${userId}`,
  eventId,
  userId,
  attendance,
  status: 'confirmed',
  checkedInAt: at(month, 10),
  createdAt: at(month, 1),
  updatedAt: at(month, 10),
});

/** Fixture ids are prefixed so that nothing else in the shared test cloud collides with them. */
export function fixture(prefix: string) {
  const id = (name: string) => `${prefix}-${name}`;
  const [p1, p2, p3, p4, p5, p6, p7, f1, f2, fa] = [
    'p1',
    'p2',
    'p3',
    'p4',
    'p5',
    'p6',
    'p7',
    'f1',
    'f2',
    'fa',
  ].map(id) as [string, string, string, string, string, string, string, string, string, string];
  const [j1, j2, j3, j4, j5] = ['j1', 'j2', 'j3', 'j4', 'j5'].map(id) as [
    string,
    string,
    string,
    string,
    string,
  ];
  const [e1, e2, e3, e4, e5] = ['e1', 'e2', 'e3', 'e4', 'e5'].map(id) as [
    string,
    string,
    string,
    string,
    string,
  ];
  const people = [
    professional(p1, { homePrefectureCode: '13' }, ['ec', 'marketing']), // Tokyo
    professional(p2, { homePrefectureCode: '27' }, ['ec']), // Osaka
    professional(p3, { homeMunicipalityCode: SHIMANTO }, ['accounting']), // lives in 四万十町: inside 高知県, outside 馬路村
    professional(p4, {}, ['design']), // home unknown
    professional(p5, { homePrefectureCode: '13' }, ['marketing']), // Tokyo
    professional(p6, { homePrefectureCode: KOCHI }, ['ec']), // 高知県 only: inside both 高知県 and 馬路村
    professional(p7, { homePrefectureCode: '14' }, ['ec']), // Kanagawa
    firm(f1, UMAJI),
    firm(f2, AMA),
    firm(fa, UMAJI), // a firm's person at a tour: not a professional, never counted
  ];
  const projects = [
    project(j1, f1, UMAJI, '2024-11'),
    project(j2, f1, UMAJI, '2025-03'),
    project(j3, f1, SHIMANTO, '2025-05'),
    project(j4, f2, AMA, '2025-02'),
    project(j5, f1, UMAJI, '2025-08'),
  ];
  const applications = [
    application(id('a1'), j1, p1, '2024-11'),
    application(id('a2'), j2, p1, '2025-05', '2025-06'),
    application(id('a3'), j2, p2, '2025-06'),
    application(id('a4'), j2, p4, '2025-07', '2025-07'),
    application(id('a5'), j1, p3, '2025-02'),
    application(id('a6'), j1, p6, '2025-03'),
    application(id('a7'), j4, p5, '2025-03', '2025-04'),
    application(id('a8'), j3, p7, '2025-11'),
  ];
  const months = (from: number, to: number, year = 2025) =>
    Array.from({ length: to - from + 1 }, (_, i) => `${year}-${String(from + i).padStart(2, '0')}`);
  const ledger = [
    ...paidMonths(id('g1'), f1, p1, months(6, 12), 100_000),
    ...paidMonths(id('g2'), f1, p4, months(8, 9), 50_000),
    ...paidMonths(id('g3'), f2, p5, months(4, 5), 80_000),
  ];
  const events = [
    event(e1, 'tour', UMAJI, '2025-04'),
    event(e2, 'seminar', UMAJI, '2025-09'),
    event(e3, 'tour', UMAJI, '2024-12'),
    event(e4, 'seminar', AMA, '2025-06'),
    event(e5, 'seminar', SHIMANTO, '2025-10'),
  ];
  const checkIns = [
    checkIn(e1, p1, 'venue', '2025-04'),
    checkIn(e1, p2, 'venue', '2025-04'),
    checkIn(e1, p4, 'venue', '2025-04'),
    checkIn(e1, fa, 'venue', '2025-04'),
    checkIn(e2, p1, 'venue', '2025-09'),
    checkIn(e2, p5, 'venue', '2025-09'),
    checkIn(e2, p3, 'online', '2025-09'),
    checkIn(e3, p5, 'venue', '2024-12'),
    checkIn(e4, p1, 'online', '2025-06'),
    checkIn(e5, p7, 'venue', '2025-10'),
  ];
  return {
    /** What the facts need to be looked up in: written first. */
    context: [...people, ...events],
    /** The 34 activities: 5 postings, 8 applications, 11 paid months, 10 check-ins. */
    activities: [...projects, ...applications, ...ledger, ...checkIns],
    ids: { p1, p2, p3, p4, p5, p6, p7, e2 },
  };
}

const suppressed = { people: null, suppressed: true };

/**
 * 馬路村 in 2025, by hand. Its people (outside it): P1 (Tokyo; 2024-11 application, 2025-04 tour, 05 application,
 * 06–12 paid months, 09 seminar at the venue), P2 (Osaka; 04 tour, 06 application), P3 (lives in 四万十町;
 * 02 application, 09 seminar online), P4 (home unknown; 04 tour, 07 application, 08–09 paid months), P5 (Tokyo;
 * 2024-12 tour, 2025-09 seminar at the venue). P6 lives in 高知県 (prefecture only): not counted. The firm's
 * person at the tour is not a professional: not counted.
 */
export const umaji2025 = {
  region: { code: UMAJI, kind: 'municipality', name: '馬路村', nameEn: 'Umaji-mura' },
  from: '2025-01',
  to: '2025-12',
  relationshipPeople: 5, // P1–P5
  activeRelationshipPeople: 4, // P1, P2 (04, 06), P3 (02, 09), P4; P5 has one month in 2025
  homeUnknown: 1, // P4
  byType: {
    remoteWork: 0, // both who worked (P1, P4) also visited
    onSiteWork: 2, // P1, P4
    exchange: 4, // visits in 2025: P1, P2, P4 (tour), P5 (seminar at the venue)
    nonVisiting: 1, // P3: an application and an online seminar
  },
  monthly: [
    { month: '2025-01', relationshipPeople: 0, newPeople: 0 },
    { month: '2025-02', relationshipPeople: 1, newPeople: 1 }, // P3
    { month: '2025-03', relationshipPeople: 0, newPeople: 0 }, // P6 does not count
    { month: '2025-04', relationshipPeople: 3, newPeople: 2 }, // P1 (known since 2024-11), P2, P4
    { month: '2025-05', relationshipPeople: 1, newPeople: 0 },
    { month: '2025-06', relationshipPeople: 2, newPeople: 0 }, // P1, P2
    { month: '2025-07', relationshipPeople: 2, newPeople: 0 }, // P1, P4
    { month: '2025-08', relationshipPeople: 2, newPeople: 0 },
    { month: '2025-09', relationshipPeople: 4, newPeople: 0 }, // P1, P3, P4, P5 (known since 2024-12)
    { month: '2025-10', relationshipPeople: 1, newPeople: 0 },
    { month: '2025-11', relationshipPeople: 1, newPeople: 0 },
    { month: '2025-12', relationshipPeople: 1, newPeople: 0 },
  ],
  // First tour in 2025: P1, P2, P4 (P5's first tour was 2024-12). All three applied within 12 months; P1 and P4
  // were paid within 12 months.
  funnel: { tourAttendees: 3, applied: 3, engaged: 2 },
  repeatVisitors: 1, // P5: visited in 2024, again in 2025
  // Started in 2025: G1 (2025-06, paid to 12: still paid at +3 and +6, not +12), G2 (2025-08, paid 08–09).
  retention: { m3: 0.5, m6: 0.5, m12: 0 },
  matches: 2, // A2 (2025-06), A4 (2025-07)
  postings: 2, // J2, J5 (J1 was published in 2024)
  postingsWithApplications: 1, // J2: A2, A3, A4
  applicationsPerPosting: 1.5, // 3 ÷ 2
  feesPaidJpy: 800_000, // G1 7 × 100,000 + G2 2 × 50,000
  // Tokyo 2 (P1, P5), Osaka 1, 高知県 1 (P3): every cell is 1 or 2, all hidden (their sum, 4, over three cells
  // leaves each one open).
  byHomePrefecture: [
    { prefectureCode: '13', prefectureName: '東京都', prefectureNameEn: 'Tokyo', ...suppressed },
    { prefectureCode: '27', prefectureName: '大阪府', prefectureNameEn: 'Osaka', ...suppressed },
    { prefectureCode: '39', prefectureName: '高知県', prefectureNameEn: 'Kochi', ...suppressed },
  ],
  // ec 2 (P1, P2), marketing 2 (P1, P5), accounting 1, design 1: all hidden, listed by name.
  bySkill: [
    { skill: 'accounting', ...suppressed },
    { skill: 'design', ...suppressed },
    { skill: 'ec', ...suppressed },
    { skill: 'marketing', ...suppressed },
  ],
};

/**
 * 高知県 in 2025, by hand: 馬路村's ties and 四万十町's, of people living outside the prefecture: P1, P2, P4,
 * P5 as above, and P7 (Kanagawa; 2025-10 seminar at the venue in 四万十町, 11 application to J3). P3 lives in
 * the prefecture now: not counted.
 */
export const kochi2025 = {
  region: { code: KOCHI, kind: 'prefecture', name: '高知県', nameEn: 'Kochi' },
  from: '2025-01',
  to: '2025-12',
  relationshipPeople: 5, // P1, P2, P4, P5, P7
  activeRelationshipPeople: 4, // P1, P2, P4, P7 (10, 11)
  homeUnknown: 1,
  byType: { remoteWork: 0, onSiteWork: 2, exchange: 5, nonVisiting: 0 },
  monthly: [
    { month: '2025-01', relationshipPeople: 0, newPeople: 0 },
    { month: '2025-02', relationshipPeople: 0, newPeople: 0 },
    { month: '2025-03', relationshipPeople: 0, newPeople: 0 },
    { month: '2025-04', relationshipPeople: 3, newPeople: 2 },
    { month: '2025-05', relationshipPeople: 1, newPeople: 0 },
    { month: '2025-06', relationshipPeople: 2, newPeople: 0 },
    { month: '2025-07', relationshipPeople: 2, newPeople: 0 },
    { month: '2025-08', relationshipPeople: 2, newPeople: 0 },
    { month: '2025-09', relationshipPeople: 3, newPeople: 0 }, // P1, P4, P5
    { month: '2025-10', relationshipPeople: 2, newPeople: 1 }, // P1, P7 (new)
    { month: '2025-11', relationshipPeople: 2, newPeople: 0 },
    { month: '2025-12', relationshipPeople: 1, newPeople: 0 },
  ],
  funnel: { tourAttendees: 3, applied: 3, engaged: 2 },
  repeatVisitors: 1,
  retention: { m3: 0.5, m6: 0.5, m12: 0 },
  matches: 2,
  postings: 3, // J2, J3, J5
  postingsWithApplications: 2, // J2 (3), J3 (1)
  applicationsPerPosting: 1.33, // 4 ÷ 3
  feesPaidJpy: 800_000,
  // Tokyo 2, Kanagawa 1, Osaka 1: all hidden.
  byHomePrefecture: [
    { prefectureCode: '13', prefectureName: '東京都', prefectureNameEn: 'Tokyo', ...suppressed },
    { prefectureCode: '14', prefectureName: '神奈川県', prefectureNameEn: 'Kanagawa', ...suppressed },
    { prefectureCode: '27', prefectureName: '大阪府', prefectureNameEn: 'Osaka', ...suppressed },
  ],
  // ec 3 (P1, P2, P7) shown; marketing 2 and design 1 hidden (two hidden cells summing to 3: not derivable).
  bySkill: [
    { skill: 'ec', people: 3, suppressed: false },
    { skill: 'design', ...suppressed },
    { skill: 'marketing', ...suppressed },
  ],
};

/** 海士町 in 2025: P5 (Tokyo; 03 application, accepted 04, paid 04–05) and P1 (06 online seminar). */
export const ama2025 = {
  region: { code: AMA, kind: 'municipality', name: '海士町', nameEn: 'Ama-cho' },
  from: '2025-01',
  to: '2025-12',
  relationshipPeople: 2,
  activeRelationshipPeople: 1, // P5
  homeUnknown: 0,
  byType: { remoteWork: 1, onSiteWork: 0, exchange: 0, nonVisiting: 1 },
  monthly: [
    { month: '2025-01', relationshipPeople: 0, newPeople: 0 },
    { month: '2025-02', relationshipPeople: 0, newPeople: 0 },
    { month: '2025-03', relationshipPeople: 1, newPeople: 1 },
    { month: '2025-04', relationshipPeople: 1, newPeople: 0 },
    { month: '2025-05', relationshipPeople: 1, newPeople: 0 },
    { month: '2025-06', relationshipPeople: 1, newPeople: 1 },
    { month: '2025-07', relationshipPeople: 0, newPeople: 0 },
    { month: '2025-08', relationshipPeople: 0, newPeople: 0 },
    { month: '2025-09', relationshipPeople: 0, newPeople: 0 },
    { month: '2025-10', relationshipPeople: 0, newPeople: 0 },
    { month: '2025-11', relationshipPeople: 0, newPeople: 0 },
    { month: '2025-12', relationshipPeople: 0, newPeople: 0 },
  ],
  funnel: { tourAttendees: 0, applied: 0, engaged: 0 },
  repeatVisitors: 0,
  retention: { m3: 0, m6: 0, m12: 0 }, // G3 started 2025-04 and was paid two months
  matches: 1,
  postings: 1,
  postingsWithApplications: 1,
  applicationsPerPosting: 1,
  feesPaidJpy: 160_000,
  byHomePrefecture: [
    { prefectureCode: '13', prefectureName: '東京都', prefectureNameEn: 'Tokyo', ...suppressed },
  ],
  bySkill: [
    { skill: 'ec', ...suppressed },
    { skill: 'marketing', ...suppressed },
  ],
};

/**
 * 馬路村 in 2025-10 … 2025-12: only P1 (paid months); the active people still look at the 12 months ending
 * 2025-12, reaching back before the period.
 */
export const umajiLastQuarter = {
  ...umaji2025,
  from: '2025-10',
  to: '2025-12',
  relationshipPeople: 1,
  activeRelationshipPeople: 4,
  homeUnknown: 0,
  byType: { remoteWork: 1, onSiteWork: 0, exchange: 0, nonVisiting: 0 },
  monthly: umaji2025.monthly.slice(9),
  funnel: { tourAttendees: 0, applied: 0, engaged: 0 },
  repeatVisitors: 0,
  retention: { m3: null, m6: null, m12: null }, // nothing started in the quarter
  matches: 0,
  postings: 0,
  postingsWithApplications: 0,
  applicationsPerPosting: 0,
  feesPaidJpy: 300_000,
  byHomePrefecture: [
    { prefectureCode: '13', prefectureName: '東京都', prefectureNameEn: 'Tokyo', ...suppressed },
  ],
  bySkill: [
    { skill: 'ec', ...suppressed },
    { skill: 'marketing', ...suppressed },
  ],
};

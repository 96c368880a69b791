import { stringify } from 'csv-stringify/sync';
import type { MetricsTable, RelationshipPopulationOut } from './contract.ts';

/** A hidden small cell, as official tables print it. */
const HIDDEN = 'X';
const shown = (c: { people: number | null; suppressed: boolean }) =>
  c.suppressed ? HIDDEN : (c.people ?? '');
const share = (n: number | null) => (n === null ? '' : n);

/** One table of the page as rows under bilingual headers (Japanese first, as Excel in Japan shows them). */
function table(f: RelationshipPopulationOut, name: MetricsTable): { columns: string[]; rows: unknown[][] } {
  switch (name) {
    case 'summary':
      return {
        columns: ['項目 figure', '値 value'],
        rows: [
          ['地域 region', `${f.region.name} (${f.region.code})`],
          ['期間 period', `${f.from}〜${f.to}`],
          ['関係人口 relationship people', f.relationshipPeople],
          ['継続的な関係人口 active relationship people', f.activeRelationshipPeople],
          ['居住地不明 home unknown', f.homeUnknown],
          ['リピーター repeat visitors', f.repeatVisitors],
          ['マッチング matches', f.matches],
          ['募集 postings', f.postings],
          ['応募のあった募集 postings with applications', f.postingsWithApplications],
          ['募集あたり応募数 applications per posting', f.applicationsPerPosting],
          ['支払報酬（税抜・円） fees paid (JPY, excl. tax)', f.feesPaidJpy],
        ],
      };
    case 'monthly':
      return {
        columns: ['月 month', '関係人口 relationship people', '新規 new people'],
        rows: f.monthly.map((m) => [m.month, m.relationshipPeople, m.newPeople]),
      };
    case 'byType':
      return {
        columns: ['類型 type', '人数 people'],
        rows: [
          ['就労型（テレワーク） remote work', f.byType.remoteWork],
          ['就労型（現地就労） on-site work', f.byType.onSiteWork],
          ['参加・交流型 participation/exchange', f.byType.exchange],
          ['非訪問型 non-visiting', f.byType.nonVisiting],
        ],
      };
    case 'funnel':
      return {
        columns: ['段階 step', '人数 people'],
        rows: [
          ['ツアー参加 attended a tour', f.funnel.tourAttendees],
          ['12か月以内に応募 applied within 12 months', f.funnel.applied],
          ['12か月以内に契約 engaged within 12 months', f.funnel.engaged],
        ],
      };
    case 'retention':
      return {
        columns: ['経過 after', '継続率 still paid'],
        rows: [
          ['3か月 3 months', share(f.retention.m3)],
          ['6か月 6 months', share(f.retention.m6)],
          ['12か月 12 months', share(f.retention.m12)],
        ],
      };
    case 'byHomePrefecture':
      return {
        columns: ['都道府県コード code', '居住地 home prefecture', 'prefecture', '人数 people'],
        rows: f.byHomePrefecture.map((c) => [
          c.prefectureCode,
          c.prefectureName,
          c.prefectureNameEn,
          shown(c),
        ]),
      };
    case 'bySkill':
      return { columns: ['スキル skill', '人数 people'], rows: f.bySkill.map((c) => [c.skill, shown(c)]) };
  }
}

/** A table as CSV with a BOM, so that Excel opens it as UTF-8 Japanese. */
export function figuresCsv(f: RelationshipPopulationOut, name: MetricsTable): string {
  const { columns, rows } = table(f, name);
  return stringify(rows, { bom: true, header: true, columns });
}

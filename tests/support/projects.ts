import { randomUUID } from 'node:crypto';
import { call } from './api.ts';

/** A project body the API accepts; a unique word in the title lets a test find exactly its own. */
export function projectBody(overrides: Record<string, unknown> = {}) {
  return {
    title: `梨園のEC立ち上げ支援 ${randomUUID().slice(0, 6)}`,
    summary:
      '二十世紀梨の直売をオンラインに広げたい。ECサイトの構築と、ふるさと納税の返礼品ページ作りを一緒に進めてください。',
    skills: ['ec', 'marketing'],
    municipalityCode: '31370',
    monthlyFeeJpy: 50_000,
    hoursPerMonth: 20,
    remote: 'full',
    durationMonths: 6,
    workType: 'other',
    ...overrides,
  };
}

/** Drafts and publishes a project as the firm; returns it. */
export async function openProject(firmToken: string, overrides: Record<string, unknown> = {}) {
  const created = await call('POST', '/v1/projects', { token: firmToken, json: projectBody(overrides) });
  if (created.status !== 201) throw new Error(`create: ${created.status} ${JSON.stringify(created.body)}`);
  const published = await call('POST', `/v1/projects/${created.body.id}/publish`, { token: firmToken });
  if (published.status !== 200) throw new Error(`publish: ${published.status}`);
  return published.body;
}

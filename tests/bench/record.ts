import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const FILE = 'docs/performance.md';
const MARK = '<!-- bench results: newest first, written by `npm run bench` -->';

/** Adds a run's results at the top of the results section of docs/performance.md, keeping earlier runs. */
export function recordResults(markdown: string): void {
  const doc = existsSync(FILE) ? readFileSync(FILE, 'utf8') : `# Performance\n\n${MARK}\n`;
  const at = doc.indexOf(MARK);
  const next =
    at < 0
      ? `${doc}\n${MARK}\n\n${markdown}\n`
      : `${doc.slice(0, at + MARK.length)}\n\n${markdown}\n${doc.slice(at + MARK.length)}`;
  writeFileSync(FILE, next);
}

import { syntheticProject } from '../../scripts/seed-projects.ts';
import { listingEntries } from '../../shared/data/entities/listing.ts';
import { projectItem } from '../../shared/data/entities/project.ts';

const now = Date.now();
let n = 0,
  entries = 0,
  bytes = 0,
  pbytes = 0;
const sk = new Map<string, number>();
const pref = new Map<string, number>();
const hist = new Map<number, number>();
const t0 = performance.now();
for (let i = 0; i < 10000; i++) {
  const p = syntheticProject(42, i, now);
  const e = listingEntries(p);
  n++;
  entries += e.length;
  hist.set(e.length, (hist.get(e.length) ?? 0) + 1);
  bytes += Buffer.byteLength(JSON.stringify(e[0]));
  pbytes += Buffer.byteLength(JSON.stringify(projectItem(p)));
  for (const s of p.skills) sk.set(s, (sk.get(s) ?? 0) + 1);
  pref.set(p.prefectureCode, (pref.get(p.prefectureCode) ?? 0) + 1);
}
console.log(
  'gen ms',
  performance.now() - t0,
  'entries/project',
  entries / n,
  'entry bytes',
  bytes / n,
  'project bytes',
  pbytes / n,
);
console.log(
  [...sk]
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k}:${((v / n) * 100).toFixed(1)}%`)
    .join(' '),
);
console.log(
  [...pref]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 12)
    .map(([k, v]) => `${k}:${((v / n) * 100).toFixed(1)}%`)
    .join(' '),
);
console.log(
  [...hist]
    .sort((a, b) => a[0] - b[0])
    .map(([k, v]) => `${k}:${v}`)
    .join(' '),
);
const p = syntheticProject(42, 0, now);
console.log(JSON.stringify(p, null, 1));
console.log(
  listingEntries(p)
    .map((e) => e.PK)
    .join(' '),
);

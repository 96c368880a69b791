import { build } from 'esbuild';
import { lambdaBundling } from '../../infra/bundling.ts';

for (const h of process.argv.slice(2)) {
  const r = await build({
    ...lambdaBundling.esbuild,
    entryPoints: [`functions/${h}.ts`],
    write: false,
    outfile: '/tmp/x.mjs',
    metafile: true,
    logLevel: 'error',
  });
  const out = Object.entries(r.metafile.outputs).find(([k]) => k.endsWith('.mjs'))![1];
  const byPkg = new Map<string, number>();
  for (const [file, v] of Object.entries(out.inputs)) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
    const k = m ? m[1]! : file;
    byPkg.set(k, (byPkg.get(k) ?? 0) + v.bytesInOutput);
  }
  console.log('==', h, (out.bytes / 1024).toFixed(0), 'KB');
  for (const [k, v] of [...byPkg].sort((a, b) => b[1] - a[1]).slice(0, 14))
    console.log('  ', k.padEnd(50), (v / 1024).toFixed(1));
}

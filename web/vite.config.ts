import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * The web app. `npm run build:web` writes web/dist, which the local gateway (and CloudFront in the
 * cloud) serves with the API under /v1 on the same origin. `npm run dev:web` proxies /v1 and /_local
 * to a running `npm start` (http://localhost:3000, or API_ORIGIN).
 */
const root = fileURLToPath(new URL('.', import.meta.url));
const outDir = join(root, 'dist');
const apiOrigin = process.env.API_ORIGIN ?? 'http://localhost:3000';

/** BRIEF §4: the JavaScript a first visit loads (entry chunk and its static imports), gzipped. */
const INITIAL_JS_BUDGET_KB = 250;

function initialJsReport(): Plugin {
  return {
    name: 'kakehashi-initial-js',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = new Map<string, { code: string; imports: string[] }>();
      const entries: string[] = [];
      for (const [fileName, output] of Object.entries(bundle)) {
        if (output.type !== 'chunk') continue;
        chunks.set(fileName, { code: output.code, imports: output.imports });
        if (output.isEntry) entries.push(fileName);
      }
      const initial = new Set<string>();
      const visit = (name: string) => {
        if (initial.has(name) || !chunks.has(name)) return;
        initial.add(name);
        for (const imported of chunks.get(name)?.imports ?? []) visit(imported);
      };
      for (const entry of entries) visit(entry);
      let raw = 0;
      let gzip = 0;
      for (const name of initial) {
        const code = chunks.get(name)?.code ?? '';
        raw += Buffer.byteLength(code);
        gzip += gzipSync(code, { level: 9 }).length;
      }
      const kb = (n: number) => Math.round((n / 1024) * 10) / 10;
      const report = {
        files: [...initial],
        rawKB: kb(raw),
        gzipKB: kb(gzip),
        budgetGzipKB: INITIAL_JS_BUDGET_KB,
        lazyChunks: chunks.size - initial.size,
      };
      this.info(
        `initial JS: ${initial.size} files, ${report.rawKB} kB, ${report.gzipKB} kB gzipped ` +
          `(budget ${INITIAL_JS_BUDGET_KB} kB); ${report.lazyChunks} lazily loaded chunks`,
      );
      mkdirSync(join(outDir, '.vite'), { recursive: true });
      writeFileSync(join(outDir, '.vite', 'initial-js.json'), `${JSON.stringify(report, null, 2)}\n`);
      if (report.gzipKB > INITIAL_JS_BUDGET_KB) {
        this.error(`initial JS is ${report.gzipKB} kB gzipped, over the ${INITIAL_JS_BUDGET_KB} kB budget`);
      }
    },
  };
}

export default defineConfig({
  root,
  publicDir: 'public',
  plugins: [react(), initialJsReport()],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    // Maps for debugging, not referenced from the served files.
    sourcemap: 'hidden',
    // The Cognito SDK is a lazily loaded chunk of its own, larger than Vite's default warning size.
    chunkSizeWarningLimit: 700,
  },
  server: {
    proxy: {
      '/v1': apiOrigin,
      '/_local': apiOrigin,
    },
  },
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { contexts, lines, routes } from '#functions/routes.ts';
import { schedules } from '#functions/schedules.ts';
import { streamConsumers } from '#functions/streams.ts';
import { lambdaBundling } from '../../infra/bundling.ts';

/**
 * The layout the code promises (docs/architecture.md): one folder per context on both sides, one line per
 * handler, data access only in entity modules, pure rules free of AWS, Stripe and data code, and bundles that
 * carry only their own line.
 */
const CONTEXTS = Object.keys(contexts);
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
const importsOf = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/^import\s+(type\s+)?[^'"]*?from\s+'([^']+)'/gms)].map((m) => ({
    typeOnly: Boolean(m[1]),
    from: m[2] as string,
  }));

describe('route lines', () => {
  it('defines no route key twice', () => {
    const keys = lines.map((l) => l.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(Object.keys(routes)).toHaveLength(keys.length);
  });

  it('has exactly one line (route, schedule or stream consumer) for every handler file, in its own context', () => {
    const handlers = [...lines.map((l) => l.handler), ...schedules.map((s) => s.handler)];
    handlers.push(...streamConsumers.map((s) => s.handler));
    const onDisk = files('functions')
      .filter((f) => f.split('/').length === 3 && !f.endsWith('/routes.ts'))
      .map((f) => f.slice('functions/'.length, -'.ts'.length));
    expect([...handlers].sort()).toEqual([...onDisk].sort());
    for (const [context, module] of Object.entries(contexts)) {
      for (const l of Object.values(module)) expect(l.handler.split('/')[0]).toBe(context);
    }
  });

  it('describes every function within Lambda’s 256 characters (the route key and its summary, or the job’s)', () => {
    const descriptions = [
      ...lines.map((l) => `${l.key}: ${l.summary}`),
      ...schedules.map((j) => `Scheduled ${j.name}: ${j.summary}`),
    ];
    for (const d of descriptions) expect(d.length, d).toBeLessThanOrEqual(256);
  });

  it('has every route handler use exactly its own line', () => {
    for (const l of lines) {
      const code = readFileSync(`functions/${l.handler}.ts`, 'utf8');
      const used = [...code.matchAll(/\b(?:api|roleApi|optionalApi|signedInApi)\(routes\.(\w+),/g)].map(
        (m) => m[1],
      );
      expect(used, l.handler).toHaveLength(1);
      const context = contexts[l.handler.split('/')[0] as keyof typeof contexts] as Record<string, unknown>;
      expect(context[used[0] as string], l.handler).toBe(l);
    }
  });
});

describe('contexts', () => {
  it('has the same context folders in functions/ and shared/', () => {
    const fnDirs = readdirSync('functions', { withFileTypes: true }).filter((e) => e.isDirectory());
    expect(fnDirs.map((d) => d.name).sort()).toEqual([...CONTEXTS].sort());
    for (const context of CONTEXTS) expect(readdirSync(join('shared', context)).length).toBeGreaterThan(0);
  });

  it('keeps every DynamoDB call in entity modules (and the data layer they share)', () => {
    for (const file of files('shared')) {
      if (file.endsWith('.entity.ts') || file.startsWith('shared/data/')) continue;
      for (const i of importsOf(file)) {
        expect(i.from, file).not.toMatch(/@aws-sdk\/(lib|client)-dynamodb/);
        if (!i.typeOnly && /data\/(client|query)\.ts$/.test(i.from)) {
          // Only table-level calls (DescribeTable for health) may be made outside an entity.
          expect(readFileSync(file, 'utf8'), file).not.toMatch(/\b(db|tableName|queryAll)\b/);
        }
      }
    }
  });

  it('keeps pure rules and contracts free of AWS, Stripe and data code', () => {
    const pure = files('shared').filter(
      (f) => /\/(rules|contract)\.ts$/.test(f) || f.startsWith('shared/domain/'),
    );
    expect(pure.length).toBeGreaterThan(10);
    for (const file of pure) {
      for (const i of importsOf(file)) {
        expect(i.from, file).toMatch(/^(zod$|\.\.?\/)/);
        expect(i.from, file).not.toMatch(/\.entity\.ts$|\/data\/|\/http\/|\/stripe\/|\/mail\//);
      }
    }
  });

  it('calls Stripe through the one client, at the one pinned version', () => {
    for (const file of files('shared')) {
      if (file === 'shared/stripe/client.ts') continue;
      for (const i of importsOf(file)) if (i.from === 'stripe') expect(i.typeOnly, file).toBe(true);
    }
  });
});

describe('bundles', () => {
  const bundle = async (handler: string) => {
    const out = await build({
      ...lambdaBundling.esbuild,
      entryPoints: [`functions/${handler}.ts`],
      write: false,
      sourcemap: false,
      outfile: 'out.mjs',
      logLevel: 'error',
    });
    return out.outputFiles[0]?.text ?? '';
  };

  it('carries only its own line, and nothing of what its function does not touch', async () => {
    const regions = await bundle('regions/list-prefectures');
    expect(regions).toContain(routes['GET /v1/regions/prefectures']?.summary);
    expect(regions).not.toContain(routes['GET /v1/regions/groups']?.summary as string);
    expect(regions).not.toContain('DynamoDBClient');
    expect(regions).not.toContain('api.stripe.com');

    const browse = await bundle('projects/browse-projects');
    expect(browse).toContain(routes['GET /v1/projects']?.summary);
    for (const key of ['POST /v1/projects', 'PATCH /v1/projects/{id}', 'GET /v1/me/projects'])
      expect(browse).not.toContain(routes[key]?.summary as string);
    expect(browse).not.toContain('api.stripe.com');
    expect(browse).not.toContain('jwtVerify');

    const webhook = await bundle('billing/stripe-webhook');
    expect(webhook).toContain('api.stripe.com');
  }, 60_000);

  it('builds only the schemas its line reaches, not every schema of the modules it imports', async () => {
    // Both import shared/projects/rules.ts; only editing a project checks a patch of one.
    const patchOnly = 'Change at least one field.';
    expect(await bundle('admin/get-settings')).not.toContain(patchOnly);
    expect(await bundle('projects/edit-project')).toContain(patchOnly);
  }, 60_000);

  it('marks every schema declared at the top of a shared module pure (shared/zod-mini.ts says why)', () => {
    const unmarked = files('shared').flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/^(?:export )?const (\w+)(?:: [^=]+)? = z\./gm)].map(
        (m) => `${file}: ${m[1]}`,
      ),
    );
    expect(unmarked).toEqual([]);
  });

  it('no route can reach a Scan of the table: only jobs may', () => {
    // The import graph (type-only imports aside) from each handler file, through the product's own modules.
    const reach = (entry: string) => {
      const seen = new Set<string>();
      const visit = (file: string) => {
        if (seen.has(file)) return;
        seen.add(file);
        for (const i of importsOf(file)) {
          if (i.typeOnly) continue;
          const target = i.from.startsWith('#shared/')
            ? `shared/${i.from.slice('#shared/'.length)}`
            : i.from.startsWith('.')
              ? join(file, '..', i.from)
              : undefined;
          if (target) visit(target);
        }
      };
      visit(`functions/${entry}.ts`);
      return seen;
    };
    for (const handler of new Set(Object.values(routes).map((r) => r.handler)))
      expect(reach(handler).has('shared/data/scan.ts'), handler).toBe(false);
    expect(reach('metrics/rebuild-metrics').has('shared/data/scan.ts')).toBe(true);
    const scanners = files('shared').filter((f) => /\bScanCommand\b/.test(readFileSync(f, 'utf8')));
    expect(scanners).toEqual(['shared/data/scan.ts']);
  });
});

describe('binding response schemas', () => {
  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

  it('fails a test whose reply does not match its route response schema, and passes one that does', async () => {
    const { checkReply } = await import('../support/api.ts');
    const ok = { status: 'ok', time: '2026-12-02T00:00:00.000Z' };
    expect(() => checkReply('GET', '/v1/health', json(ok), ok)).not.toThrow();
    expect(() => checkReply('GET', '/v1/health', json({ status: 'fine' }), { status: 'fine' })).toThrow(
      /GET \/v1\/health answered 200 with a body its response schema refuses: status/,
    );
    const refusal = { error: { code: 'not_found', message: 'No such project.' } };
    expect(() => checkReply('GET', '/v1/projects/x', json(refusal, 404), refusal)).not.toThrow();
  });
});

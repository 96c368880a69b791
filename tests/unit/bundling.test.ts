import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { routes } from '#functions/routes.ts';
import { apiDocument } from '#shared/public/api-document.ts';
import { bundleHandler, loadedAtStart } from '../../infra/bundling.ts';

/** Function bundles as CDK makes them (infra/bundling.ts): what a cold start loads, and what waits for first use. */
const dir = mkdtempSync(join(tmpdir(), 'kakehashi-bundling-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const bundle = (handler: string, needs = {}) => {
  const outdir = join(dir, handler.replace('/', '__'));
  const metafile = bundleHandler(handler, outdir, needs);
  const start = new Set(loadedAtStart(metafile));
  const inputsOf = (outputs: string[]) =>
    outputs.flatMap((o) => Object.keys(metafile.outputs[o]?.inputs ?? {}));
  return {
    index: readFileSync(join(outdir, 'index.mjs'), 'utf8'),
    atStart: inputsOf([...start]),
    lazy: inputsOf(Object.keys(metafile.outputs).filter((o) => o.endsWith('.mjs') && !start.has(o))),
  };
};

describe('function bundles', () => {
  it('give the OpenAPI function its document as text, made from the lines, and none of their schemas', () => {
    const { index, atStart, lazy } = bundle('public/openapi');
    const text = JSON.stringify(apiDocument(routes));
    expect(index.includes(text.slice(0, 60)), 'the start of the document').toBe(true);
    for (const l of Object.values(routes)) {
      const operation = `"operationId":"${l.handler.replaceAll('/', '.')}"`;
      expect(index.includes(operation), operation).toBe(true);
    }
    for (const input of [...atStart, ...lazy])
      expect(input).not.toMatch(/functions\/(projects|events)\/routes\.ts$/);
    expect(atStart.some((input) => input.includes('node_modules/zod/v4/classic/'))).toBe(false);
  }, 60_000);

  it('take Node built-ins without ESM imports, and load the SES client, Powertools and Secrets Manager on first use', () => {
    const { index, atStart, lazy } = bundle('billing/stripe-webhook', {
      table: 'write',
      stripe: true,
      mail: true,
    });
    expect(index).not.toMatch(/\bfrom\s*"(node:)?(http|https|crypto|fs|stream|os|path)"/);
    for (const pkg of ['client-sesv2', 'client-secrets-manager', 'aws-lambda-powertools/logger']) {
      expect(
        atStart.some((input) => input.includes(pkg)),
        pkg,
      ).toBe(false);
      expect(
        lazy.some((input) => input.includes(pkg)),
        pkg,
      ).toBe(true);
    }
    expect(atStart.some((input) => input.includes('node_modules/stripe/'))).toBe(true);
  }, 60_000);
});

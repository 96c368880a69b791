import { Anchor, Code, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading } from '../components/Loading.tsx';
import { Page } from '../components/Page.tsx';

/** The part of JSON Schema (2020-12, as OpenAPI 3.1 uses it) this page shows. */
type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  oneOf?: Schema[];
  anyOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  description?: string;
  additionalProperties?: boolean | Schema;
};
type Parameter = { name: string; in: string; required?: boolean; description?: string; schema?: Schema };
type Operation = {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  security?: unknown[];
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: Schema }> }>;
};
type OpenApi = {
  info?: { title?: string; version?: string };
  paths: Record<string, Record<string, Operation>>;
};

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

function typeOf(s: Schema): string {
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (Array.isArray(s.type)) return s.type.join(' | ');
  if (s.type === 'array') return `array<${s.items ? typeOf(s.items) : 'unknown'}>`;
  return s.type ?? (s.oneOf || s.anyOf ? 'oneOf' : 'any');
}

function constraints(s: Schema): string[] {
  const out: string[] = [];
  if (s.format) out.push(`format: ${s.format}`);
  if (s.minLength !== undefined || s.maxLength !== undefined)
    out.push(`length ${s.minLength ?? 0}–${s.maxLength ?? '∞'}`);
  if (s.minimum !== undefined || s.maximum !== undefined)
    out.push(`${s.minimum ?? '−∞'} ≤ n ≤ ${s.maximum ?? '∞'}`);
  if (s.minItems !== undefined || s.maxItems !== undefined)
    out.push(`items ${s.minItems ?? 0}–${s.maxItems ?? '∞'}`);
  if (s.pattern && s.format !== 'email') out.push(`pattern: ${s.pattern}`);
  return out;
}

/** A discriminating label for a oneOf variant: the value of its first `const` property. */
function variantLabel(s: Schema, i: number): string {
  for (const [name, p] of Object.entries(s.properties ?? {})) {
    if (p.const !== undefined) return `${name} = ${JSON.stringify(p.const)}`;
  }
  return `#${i + 1}`;
}

function SchemaView({ schema, depth = 0 }: { schema: Schema; depth?: number }): ReactNode {
  const { t } = useTranslation();
  if (depth > 6) return null;
  const variants = schema.oneOf ?? schema.anyOf;
  if (variants) {
    return (
      <div>
        <Text size="sm" fs="italic">
          {t('docs.oneOf')}
        </Text>
        <ul className="schema">
          {variants.map((v, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: variants have no identity besides their position.
            <li key={i}>
              <Text size="sm" fw={700} component="span">
                {variantLabel(v, i)}
              </Text>
              <SchemaView schema={v} depth={depth + 1} />
            </li>
          ))}
        </ul>
      </div>
    );
  }
  if (schema.type === 'array' && schema.items && (schema.items.properties || schema.items.oneOf)) {
    return <SchemaView schema={schema.items} depth={depth + 1} />;
  }
  if (!schema.properties) return null;
  const required = new Set(schema.required ?? []);
  return (
    <ul className="schema">
      {Object.entries(schema.properties).map(([name, p]) => (
        <li key={name}>
          <Code>{name}</Code>{' '}
          <Text component="span" size="sm">
            {typeOf(p)}
          </Text>{' '}
          <Text component="span" size="sm" c={required.has(name) ? 'red.9' : 'dimmed'}>
            ({required.has(name) ? t('docs.required') : t('docs.optional')})
          </Text>
          {constraints(p).length > 0 && (
            <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {constraints(p).join(' · ')}
            </Text>
          )}
          {(p.properties || p.oneOf || (p.type === 'array' && p.items?.properties)) && (
            <SchemaView schema={p} depth={depth + 1} />
          )}
        </li>
      ))}
    </ul>
  );
}

function jsonSchemaOf(content: Record<string, { schema?: Schema }> | undefined): Schema | undefined {
  return content?.['application/json']?.schema;
}

function OperationView({ method, path, op }: { method: string; path: string; op: Operation }) {
  const { t } = useTranslation();
  const id = op.operationId ?? `${method}-${path}`;
  const body = jsonSchemaOf(op.requestBody?.content);
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={id} id={`op-${id}`}>
      <Title
        order={3}
        size="h5"
        id={id}
        style={{ display: 'flex', gap: '0.5rem', flexWrap: 'wrap', alignItems: 'center' }}
      >
        <span className={`method method-${method}`}>{method.toUpperCase()}</span>
        <Code fz="sm" style={{ overflowWrap: 'anywhere' }}>
          {path}
        </Code>
      </Title>
      {op.summary && <Text mt="xs">{op.summary}</Text>}
      <Text size="sm" mt={4}>
        <strong>{t('docs.access')}:</strong> {op.description ?? '—'}
      </Text>
      {op.parameters && op.parameters.length > 0 && (
        <>
          <Title order={4} size="h6" mt="sm">
            {t('docs.parameters')}
          </Title>
          <Table.ScrollContainer minWidth={320}>
            <Table withTableBorder fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('docs.name')}</Table.Th>
                  <Table.Th scope="col">{t('docs.in')}</Table.Th>
                  <Table.Th scope="col">{t('docs.type')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {op.parameters.map((p) => (
                  <Table.Tr key={`${p.in}-${p.name}`}>
                    <Table.Td>
                      <Code>{p.name}</Code> {p.required ? `(${t('docs.required')})` : ''}
                    </Table.Td>
                    <Table.Td>{p.in}</Table.Td>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>
                      {p.schema ? [typeOf(p.schema), ...constraints(p.schema)].join(' · ') : ''}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
      {body && (
        <details open>
          <summary>{t('docs.requestBody')}</summary>
          <SchemaView schema={body} />
        </details>
      )}
      {op.responses && (
        <details>
          <summary>{t('docs.responses')}</summary>
          <ul className="schema">
            {Object.entries(op.responses).map(([status, r]) => {
              const schema = jsonSchemaOf(r.content);
              return (
                <li key={status}>
                  <Code>{status}</Code> {r.description}
                  {schema && status.startsWith('2') && <SchemaView schema={schema} />}
                </li>
              );
            })}
          </ul>
        </details>
      )}
    </Paper>
  );
}

/** A compact, readable reference rendered from GET /v1/openapi.json. */
export default function ApiDocsPage() {
  const { t } = useTranslation();
  const doc = useQuery({
    queryKey: ['openapi'],
    queryFn: async () => {
      const res = await fetch('/v1/openapi.json', { headers: { accept: 'application/json' } });
      if (!res.ok) throw new Error(`GET /v1/openapi.json answered ${res.status}`);
      return (await res.json()) as OpenApi;
    },
    staleTime: 5 * 60_000,
  });

  const groups = new Map<string, { method: string; path: string; op: Operation }[]>();
  for (const [path, ops] of Object.entries(doc.data?.paths ?? {})) {
    for (const method of METHODS) {
      const op = ops[method];
      if (!op) continue;
      const tag = op.tags?.[0] ?? 'other';
      groups.set(tag, [...(groups.get(tag) ?? []), { method, path, op }]);
    }
  }

  return (
    <Page title={t('docs.title')} size="lg">
      <Text>{t('docs.lead')}</Text>
      <Text size="sm" mt="xs">
        {t('docs.auth')}
      </Text>
      <Anchor
        href="/v1/openapi.json"
        download="kakehashi-openapi.json"
        display="inline-block"
        mt="xs"
        mb="lg"
      >
        {t('docs.download')}
      </Anchor>
      {doc.isPending ? (
        <Loading />
      ) : doc.isError ? (
        <LoadError error={doc.error} onRetry={() => void doc.refetch()} />
      ) : (
        <>
          <nav aria-label={t('docs.title')}>
            <ul className="nav-links nav-links-wrap" style={{ marginBottom: '1.5rem' }}>
              {[...groups.keys()].map((tag) => (
                <li key={tag}>
                  <a className="nav-link" href={`#tag-${tag}`}>
                    {tag}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <Stack gap="xl">
            {[...groups.entries()].map(([tag, ops]) => (
              <section key={tag} aria-labelledby={`tag-${tag}`}>
                <Title order={2} id={`tag-${tag}`} mb="sm" tt="capitalize">
                  {tag}
                </Title>
                <Stack gap="md">
                  {ops.map(({ method, path, op }) => (
                    <OperationView key={`${method} ${path}`} method={method} path={path} op={op} />
                  ))}
                </Stack>
              </section>
            ))}
          </Stack>
        </>
      )}
    </Page>
  );
}

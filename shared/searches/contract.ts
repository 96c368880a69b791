import * as z from '../zod-mini.ts';
import { SavedSearchInput } from './rules.ts';

const Summary = /* @__PURE__ */ z.pure(() => z.object({ ja: z.string(), en: z.string() }));

/** A saved search as its owner sees it. The unsubscribe token is never shown: it lives in the mails only. */
export const SavedSearchOut = /* @__PURE__ */ z.pure(() =>
  z.object({
    id: z.string(),
    name: z.optional(z.string()),
    /** What it looks for, in the words of `GET /v1/projects`. */
    filters: z.omit(SavedSearchInput, { name: true }),
    /** The filters as a person reads them. */
    summary: Summary,
    /** The search page with these filters: `/projects?q=…`. */
    searchPath: z.string(),
    /** Whether the morning digest is mailed (false once unsubscribed). */
    mailed: z.boolean(),
    unsubscribedAt: z.optional(z.string()),
    /** Projects published before this have been considered for the digest. */
    lastDigestAt: z.string(),
    createdAt: z.string(),
  }),
);
export type SavedSearchOut = z.output<typeof SavedSearchOut>;

export const SavedSearchList = /* @__PURE__ */ z.pure(() => z.object({ items: z.array(SavedSearchOut) }));

/** The answer to the unsubscribe link: which search no longer mails. */
export const UnsubscribedOut = /* @__PURE__ */ z.pure(() =>
  z.object({
    id: z.string(),
    name: z.optional(z.string()),
    summary: Summary,
    unsubscribedAt: z.string(),
  }),
);
export type UnsubscribedOut = z.output<typeof UnsubscribedOut>;

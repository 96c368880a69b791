import { Id } from '#shared/domain/fields.ts';
import { line } from '#shared/http/route.ts';
import { SavedSearchList, SavedSearchOut, UnsubscribedOut } from '#shared/searches/contract.ts';
import { SavedSearchInput, UnsubscribeInput } from '#shared/searches/rules.ts';

/** The searches context's lines: a professional keeps searches and is mailed what is new for them each morning. */
export const mySavedSearches = /* @__PURE__ */ line('GET /v1/me/saved-searches', {
  handler: 'searches/my-saved-searches',
  access: ['professional'],
  tag: 'searches',
  summary:
    "The caller's saved searches, newest first, each with its filters in words and its search page link.",
  needs: { table: 'read' },
  response: SavedSearchList,
});

export const saveSearch = /* @__PURE__ */ line('POST /v1/me/saved-searches', {
  handler: 'searches/save-search',
  access: ['professional'],
  tag: 'searches',
  summary:
    'Saves the filters and keyword of a project search (those of GET /v1/projects), mailed each morning when new projects match; 20 at most (the 21st → 409).',
  needs: { table: 'write' },
  body: SavedSearchInput,
  response: SavedSearchOut,
});

export const deleteSavedSearch = /* @__PURE__ */ line('DELETE /v1/me/saved-searches/{id}', {
  handler: 'searches/delete-saved-search',
  access: ['professional'],
  tag: 'searches',
  summary: "Deletes one of the caller's saved searches (204); someone else's is not found (404).",
  needs: { table: 'write' },
  params: Id,
});

export const unsubscribe = /* @__PURE__ */ line('POST /v1/saved-searches/{id}/unsubscribe', {
  handler: 'searches/unsubscribe',
  access: 'public',
  tag: 'searches',
  summary:
    "The digest's unsubscribe link, without signing in: the mail's token stops that search's digests (a wrong token → 404, nothing changes).",
  needs: { table: 'write' },
  params: Id,
  body: UnsubscribeInput,
  response: UnsubscribedOut,
});

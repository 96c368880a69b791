import { syncListings } from '#shared/projects/maintain-listings.ts';

/** Stream consumer (functions/streams.ts): keeps the browse and keyword listings in step with projects. */
export const handler = syncListings;

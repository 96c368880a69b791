import { recordTies } from '#shared/metrics/record-ties.ts';

/** Stream consumer (functions/streams.ts): turns new ties into the regions' relationship-population counters. */
export const handler = recordTies;

import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

/**
 * zod's mini API, with the English messages the classic API (`import * as z from 'zod'`) configures for itself.
 * The few schemas of functions that touch nothing (configuration, the public and regions contracts) are written
 * with it: its functions tree-shake, so such a function loads ≈ 20 KB of zod instead of ≈ 90 KB (and builds its
 * schemas faster). Both APIs share zod's core: the same checks, the same messages, the same JSON Schema.
 * Import it as a namespace (`import * as z from …/zod-mini.ts`), which keeps it tree-shakable.
 */
config(en());

export * from 'zod/mini';

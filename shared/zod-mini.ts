import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

/**
 * zod's mini API, with the English messages the classic API (`import * as z from 'zod'`) configures for itself.
 * Every schema of the product (contracts, rules, entity keys, configuration) is written with it, in shared/ and
 * in the web app: its functions tree-shake, so a function loads ≈ 35 KB of zod instead of ≈ 100 KB, and a
 * schema is a plain object instead of one carrying some forty methods, so building a context's schemas at a
 * cold start is cheaper too. Both APIs share zod's core: the same checks, the same messages, the same JSON
 * Schema. Import it as a namespace (`import * as z from …/zod-mini.ts`), which keeps it tree-shakable.
 *
 * The classic chain reads as calls here: `.optional()` is `z.optional(s)`, `.min(1).max(9)` is
 * `.check(z.minLength(1), z.maxLength(9))` on text and lists and `.check(z.gte(1), z.lte(9))` on numbers,
 * `.refine(f)` is `.check(z.refine(f))`, `.default(v)` is `z._default(s, v)`, `.unwrap()` is `.def.innerType`.
 */
config(en());

export * from 'zod/mini';

/**
 * `make()`, for a schema declared at the top of a module as `/* @__PURE__ *\/ z.pure(() => …)`. esbuild keeps
 * every top-level call it cannot prove free of side effects: it honours zod's own `@__NO_SIDE_EFFECTS__` only
 * within one file, and a `.check()` is a method call, so without the mark a function's bundle would build every
 * schema of every module it imports. Marked, an unused schema is left out of the bundle, and a function builds
 * only the schemas its line reaches (tests/unit/architecture.test.ts checks every top-level schema is marked).
 */
export const pure = <T>(make: () => T): T => make();

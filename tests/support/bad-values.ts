import fc from 'fast-check';

/** Values the bad-input suites put where a field wants something else. */
export const notAString = fc.oneof(
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string()),
  fc.object(),
);
export const notAnObject = fc.oneof(fc.integer(), fc.string(), fc.constant(null), fc.array(fc.jsonValue()));
/** A field name the body does not have (never one an object already answers to). */
export const unknownKey = (known: readonly string[]) =>
  fc
    .string({ minLength: 1 })
    .filter((k) => !known.includes(k) && k !== '__proto__' && !(k in Object.prototype));

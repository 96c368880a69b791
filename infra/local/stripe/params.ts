import { invalidParameter, missingParameter, unknownParameter } from './errors.ts';

/**
 * Strict checks of the SDK's form-encoded parameters (parsed by `qs`: every leaf is a string), in
 * Stripe's words. A parameter the local Stripe does not know is refused with `parameter_unknown`, so
 * the product cannot silently rely on something only real Stripe would do.
 */
export type Field<T, Required extends boolean = false> = {
  readonly required: Required;
  parse(value: unknown, param: string): T;
};

type AnyField = Field<unknown, boolean>;
export type Shape = Record<string, AnyField>;
type Infer<F> = F extends Field<infer T, boolean> ? T : never;
type RequiredKeys<S extends Shape> = {
  [K in keyof S]: S[K] extends Field<unknown, true> ? K : never;
}[keyof S];
type Simplify<T> = { [K in keyof T]: T[K] } & {};
export type Parsed<S extends Shape> = Simplify<
  { [K in RequiredKeys<S>]: Infer<S[K]> } & { [K in Exclude<keyof S, RequiredKeys<S>>]?: Infer<S[K]> }
>;

const field = <T>(parse: (value: unknown, param: string) => T): Field<T> => ({ required: false, parse });

const show = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

export const required = <T>(f: Field<T, boolean>): Field<T, true> => ({ required: true, parse: f.parse });

function nonEmptyString(value: unknown, param: string): string {
  if (typeof value !== 'string') throw invalidParameter(param, `Invalid string: ${show(value)}`);
  if (value === '')
    throw invalidParameter(
      param,
      `You passed an empty string for '${param}'. We assume empty values are an attempt to unset a parameter; however '${param}' cannot be unset. You should remove '${param}' from your request or supply a non-empty value.`,
      'parameter_invalid_empty',
    );
  return value;
}

export const string = (options: { max?: number } = {}) =>
  field<string>((value, param) => {
    const s = nonEmptyString(value, param);
    if (options.max !== undefined && s.length > options.max)
      throw invalidParameter(
        param,
        `Invalid ${param}: must be at most ${options.max} characters`,
        'parameter_invalid_string_too_long',
      );
    return s;
  });

export const integer = (options: { min?: number; max?: number } = {}) =>
  field<number>((value, param) => {
    const s = nonEmptyString(value, param);
    if (!/^-?\d+$/.test(s) || !Number.isSafeInteger(Number(s)))
      throw invalidParameter(param, `Invalid integer: ${s}`, 'parameter_invalid_integer');
    const n = Number(s);
    if (options.min !== undefined && n < options.min)
      throw invalidParameter(param, `This value must be greater than or equal to ${options.min}.`);
    if (options.max !== undefined && n > options.max)
      throw invalidParameter(param, `This value must be less than or equal to ${options.max}.`);
    return n;
  });

/** A decimal such as `application_fee_percent=12.5` (at most two places, as Stripe allows). */
export const decimal = (options: { min: number; max: number }) =>
  field<number>((value, param) => {
    const s = nonEmptyString(value, param);
    if (!/^\d+(\.\d{1,2})?$/.test(s)) throw invalidParameter(param, `Invalid decimal: ${s}`);
    const n = Number(s);
    if (n < options.min || n > options.max)
      throw invalidParameter(param, `Invalid ${param}: must be between ${options.min} and ${options.max}`);
    return n;
  });

export const boolean = () =>
  field<boolean>((value, param) => {
    if (value === 'true') return true;
    if (value === 'false') return false;
    throw invalidParameter(param, `Invalid boolean: ${show(value)}`);
  });

export const oneOf = <const V extends string>(...values: V[]) =>
  field<V>((value, param) => {
    const s = nonEmptyString(value, param);
    if (!(values as string[]).includes(s)) {
      const list =
        values.length > 1 ? `${values.slice(0, -1).join(', ')}, or ${values.at(-1)}` : String(values[0]);
      throw invalidParameter(param, `Invalid ${param.replace(/.*\[(.*)\]$/, '$1')}: must be one of ${list}`);
    }
    return s as V;
  });

/** The empty string, which Stripe reads as "unset this field" (`pause_collection=`). */
export const emptyable = <T>(f: Field<T, boolean>) =>
  field<T | ''>((value, param) => (value === '' ? '' : f.parse(value, param)));

/** Up to 50 keys of at most 40 characters, values of at most 500; a value '' removes its key on update. */
export const metadata = () =>
  field<Record<string, string> | ''>((value, param) => {
    if (value === '') return '';
    if (!isPlainObject(value)) throw invalidParameter(param, `Invalid object`);
    const entries = Object.entries(value);
    if (entries.length > 50) throw invalidParameter(param, 'Metadata can have at most 50 keys.');
    const out: Record<string, string> = {};
    for (const [key, v] of entries) {
      const name = `${param}[${key}]`;
      if (typeof v !== 'string') throw invalidParameter(name, `Invalid string: ${show(v)}`);
      if (key.length > 40) throw invalidParameter(name, 'Metadata keys can be at most 40 characters long.');
      if (v.length > 500) throw invalidParameter(name, 'Metadata values can be at most 500 characters long.');
      out[key] = v;
    }
    return out;
  });

export const array = <T>(item: Field<T, boolean>, options: { max?: number } = {}) =>
  field<T[]>((value, param) => {
    // qs gives an object for sparse or very long index lists: keep the indices' order.
    const items = Array.isArray(value)
      ? value
      : isPlainObject(value) && Object.keys(value).every((k) => /^\d+$/.test(k))
        ? Object.keys(value)
            .sort((a, b) => Number(a) - Number(b))
            .map((k) => value[k])
        : undefined;
    if (!items) throw invalidParameter(param, `Invalid array`);
    if (options.max !== undefined && items.length > options.max)
      throw invalidParameter(param, `Invalid array: at most ${options.max} items`);
    return items.map((v, i) => item.parse(v, `${param}[${i}]`));
  });

export const object = <S extends Shape>(shape: S) =>
  field<Parsed<S>>((value, param) => {
    if (!isPlainObject(value)) throw invalidParameter(param, `Invalid object`);
    const name = (key: string) => (param ? `${param}[${key}]` : key);
    for (const key of Object.keys(value)) if (!Object.hasOwn(shape, key)) throw unknownParameter(name(key));
    const out: Record<string, unknown> = {};
    for (const [key, f] of Object.entries(shape)) {
      const v = value[key];
      if (v === undefined) {
        if (f.required) throw missingParameter(name(key));
        continue;
      }
      out[key] = f.parse(v, name(key));
    }
    return out as Parsed<S>;
  });

/** The whole request's parameters against an endpoint's shape. */
export function parseParams<S extends Shape>(shape: S, raw: Record<string, unknown>): Parsed<S> {
  return object(shape).parse(raw, '');
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `expand[]`, accepted by every endpoint; which paths expand is checked when the answer is built. */
export const expand = () => array(string(), { max: 20 });

/** What every stored item carries besides its own fields: keys, a type tag and timestamps. */
export type Keys = { PK: string; SK: string } & Partial<
  Record<'GSI1PK' | 'GSI1SK' | 'GSI2PK' | 'GSI2SK' | 'GSI3PK' | 'GSI3SK', string>
>;

export type Stored<T, Type extends string> = T & Keys & { type: Type; createdAt: string; updatedAt: string };

/** Removes keys and the type tag: what the domain and the API see of an item. */
export function strip<T extends object>(item: T): Omit<T, keyof Keys | 'type'> {
  const { PK, SK, GSI1PK, GSI1SK, GSI2PK, GSI2SK, GSI3PK, GSI3SK, type, ...rest } = item as T &
    Keys & { type: string };
  return rest as Omit<T, keyof Keys | 'type'>;
}

export const now = () => new Date().toISOString();

/** An item of one type as its entity sees it (a stream image or a rebuild's scan), else undefined. */
export const ofType =
  <T>(type: string) =>
  (item: Record<string, unknown> | undefined): T | undefined =>
    item?.type === type ? (strip(item) as T) : undefined;

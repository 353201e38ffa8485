/**
 * Parse on read: a stored item becomes a domain value only once its `entity` attribute and the attributes its
 * type requires have been checked, never by a cast. Each table module declares its entities with
 * {@link storedEntity}; the compiler holds the declaration to the domain type (every required attribute named,
 * with its kind), and {@link parseItem} checks an item against it at run time. The checks are plain TypeScript:
 * docs/decisions/0002-typed-entities.md says why neither ElectroDB nor the domain's zod schemas do it.
 */

/** A stored item as the document client returns it. */
export type Item = Record<string, unknown>;

/** What a stored value is: `string`, `number`, `boolean`, `list`, `map`, or else `undefined` (absent) or `null`. */
const kindOf = (value: unknown): string =>
  Array.isArray(value) ? 'list' : value === null ? 'null' : typeof value === 'object' ? 'map' : typeof value;

/** The kind an attribute of type `V` is stored as. */
type KindOf<V> = V extends string
  ? 'string'
  : V extends number
    ? 'number'
    : V extends boolean
      ? 'boolean'
      : V extends readonly unknown[]
        ? 'list'
        : 'map';
type RequiredKeys<T> = { [K in keyof T]-?: undefined extends T[K] ? never : K }[keyof T];
type OptionalKeys<T> = Exclude<keyof T, RequiredKeys<T>>;

/**
 * The attributes checked on read: every attribute `T` requires, with its kind (the compiler refuses a declaration
 * that leaves one out or names the wrong kind), and any optional one worth checking when present.
 */
export type Attributes<T> = { [K in RequiredKeys<T>]: KindOf<NonNullable<T[K]>> } & {
  [K in OptionalKeys<T>]?: `${KindOf<NonNullable<T[K]>>}?`;
};

/** One stored entity: its `entity` attribute and the attributes a read checks. */
export interface StoredEntity<T> {
  readonly type: string;
  readonly attributes: Attributes<T>;
}

/** Declares a stored entity: `type` is its `entity` attribute, `attributes` what a read checks (held to `T` by the compiler). */
export const storedEntity = <T>(type: string, attributes: Attributes<T>): StoredEntity<T> => ({ type, attributes });

/** A stored item that is not what its key promised: the message names the entity, the item's key and what is wrong. */
export class MalformedItemError extends Error {
  override name = 'MalformedItemError';
  constructor(entity: string, key: string, problem: string) {
    super(`malformed ${entity} item ${key}: ${problem}`);
  }
}

/** Throws unless every attribute `entity` declares has its kind in `attributes` (optional ones: when present). */
function assertAttributes<T>(attributes: Item, entity: StoredEntity<T>, key: string): asserts attributes is Item & T {
  for (const [field, declared] of Object.entries<string>(entity.attributes)) {
    const found = kindOf(attributes[field]);
    if (found !== declared && `${found}?` !== declared && !(found === 'undefined' && declared.endsWith('?'))) {
      const expected = declared.replace('?', '');
      throw new MalformedItemError(entity.type, key, `${field} is ${found === 'undefined' ? 'missing' : `a ${found}, not a ${expected}`}`);
    }
  }
}

/**
 * The domain value a stored item holds, without its key attributes (`pk`, `sk`, the index keys, `entity`).
 * Throws MalformedItemError when the item is another entity's or lacks (or mistypes) a declared attribute.
 */
export function parseItem<T>(entity: StoredEntity<T>, item: Item): T {
  const { pk, sk, gsi1pk, gsi1sk, entity: type, ...attributes } = item;
  const key = `${pk} / ${sk}`;
  if (type !== entity.type) throw new MalformedItemError(entity.type, key, `entity is ${JSON.stringify(type)}`);
  assertAttributes(attributes, entity, key);
  return attributes;
}

/** The attributes of a projection (no `entity` read): checked as `entity` declares them, returned as they are. */
export function parseAttributes<T>(entity: StoredEntity<T>, item: Item): T {
  assertAttributes(item, entity, item['pk'] === undefined ? '(a projection)' : `${item['pk']} / ${item['sk']}`);
  return item;
}

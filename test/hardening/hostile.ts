/**
 * Malformed and hostile values for fuzzing every boundary: wrong types, huge strings, unicode edge
 * cases, injection strings, dates out of range, and mutations of valid documents.
 */
import fc from "fast-check";

export const injection = [
  "'; DROP TABLE vm_records; --",
  '" OR 1=1 --',
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "{{7*7}}",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: an injection attempt, on purpose
  "${process.exit(1)}",
  "../../../../etc/passwd",
  "%00",
  "\u0000",
  "\uD800",
  "\u202Eevil",
  "\u200B",
  "👩🏽‍💻".repeat(50),
  "__proto__",
  "constructor",
  "0000-01-01T00:00:00.000Z",
  "9999-12-31T23:59:59.999Z",
  "2026-02-30",
  "NaN",
  "-1",
  "1e309",
] as const;

export const hostileString = fc.oneof(
  fc.constantFrom(...injection),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constant("x".repeat(100_001)),
);

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.constantFrom(
    null,
    undefined,
    true,
    false,
    0,
    -0,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    1e308,
    -1,
    2 ** 53,
  ),
  fc.integer(),
  fc.double(),
  fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }),
  fc.constant({}),
  fc.constant([]),
  fc.constant({ __proto__: { polluted: true } }),
);

/** Every path (as key lists) to a leaf or object of a JSON-like value. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== "object" || value === null) return [prefix];
  const own: (string | number)[][] = prefix.length > 0 ? [prefix] : [];
  const entries = Array.isArray(value) ? value.map((v, k) => [k, v] as const) : Object.entries(value);
  return [...own, ...entries.flatMap(([k, v]) => paths(v, [...prefix, k]))];
}

function setAt(
  value: unknown,
  path: readonly (string | number)[],
  replacement: unknown,
  remove: boolean,
): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<
    string | number,
    unknown
  >;
  if (rest.length === 0 && remove) delete copy[head];
  else copy[head] = setAt(copy[head], rest, replacement, remove);
  return copy;
}

/** A valid document with one field replaced by a hostile value, or removed; sometimes cyclic. */
export function mutated(valid: unknown): fc.Arbitrary<unknown> {
  const all = paths(valid);
  return fc
    .tuple(fc.constantFrom(...all), hostileValue, fc.boolean(), fc.integer({ min: 0, max: 19 }))
    .map(([path, replacement, remove, k]) => {
      const out = setAt(valid, path, replacement, remove) as Record<string, unknown>;
      if (k === 0 && typeof out === "object" && out !== null) out.self = out; // a cyclic reference
      return out;
    });
}

/** Anything: hostile values, mutated documents or arbitrary JSON. */
export function hostileInput(valid: unknown): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 1, arbitrary: hostileValue },
    { weight: 1, arbitrary: fc.jsonValue() },
    { weight: 4, arbitrary: mutated(valid) },
  );
}

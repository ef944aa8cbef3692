import { describeError, friesland, initProgramme, openProgramme } from "venture-mentoring";
import { createSqliteStore } from "venture-mentoring/sqlite";

// At start-up: a store that cannot be opened stops the portal with the reason, in words.
const store = createSqliteStore({ path: "./programme.db" });
if (store.isErr()) throw new Error(describeError(store.error, "en"));
const migrated = await store.value.migrate(); // explicit, never on import
if (migrated.isErr()) throw new Error(describeError(migrated.error, "en"));
// Once, on an empty store; afterwards the store holds the programme already (a StoreConflict).
const started = await initProgramme(store.value, friesland, { id: "pm-paula" }, () => new Date());
if (started.isErr() && started.error.type !== "StoreConflict")
  throw new Error(describeError(started.error, "en"));
const opened = await openProgramme(store.value, {
  clock: () => new Date(),
  newId: (kind) => `${kind}-${crypto.randomUUID()}`,
});
if (opened.isErr()) throw new Error(describeError(opened.error, "en"));
export const ctx = opened.value;

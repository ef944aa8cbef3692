import { friesland, initProgramme, openProgramme } from "venture-mentoring";
import { createSqliteStore } from "venture-mentoring/sqlite";

const store = createSqliteStore({ path: "./programme.db" })._unsafeUnwrap();
await store.migrate(); // explicit, never on import
await initProgramme(store, friesland, { id: "pm-paula" }, () => new Date()); // once; a StoreConflict after that
export const ctx = (
  await openProgramme(store, { clock: () => new Date(), newId: (kind) => `${kind}-${crypto.randomUUID()}` })
)._unsafeUnwrap();

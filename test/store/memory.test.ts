import { createMemoryDatabase, createMemoryStore } from "venture-mentoring/memory";
import { runStoreConformance } from "venture-mentoring/testing";
import { it } from "vitest";

runStoreConformance(it, () => createMemoryStore(), {
  sharedDatabase: async () => {
    const database = createMemoryDatabase();
    return async (programme) => createMemoryStore({ database, programme });
  },
});

/**
 * Open the store a `--db` names: a SQLite file (the default, embedded) or a PostgreSQL URL. The
 * drivers are optional peer dependencies, loaded only when used. Tables are migrated on open.
 * A PostgreSQL URL may name the schema: `postgres://user@host/db?schema=ems_friesland`. One store
 * holds many programmes: `programme` opens one of them (default: the store's `default`).
 */
import { randomUUID } from "node:crypto";
import { err, ok, type Result, type ResultAsync } from "neverthrow";
import type { ProgrammeContext, ProgrammeStore, StoreUnavailable } from "venture-mentoring";

export const isPostgresUrl = (db: string) => /^postgres(ql)?:\/\//.test(db);

export async function openStore(
  db: string,
  programme?: string,
): Promise<Result<ProgrammeStore, StoreUnavailable>> {
  const which = programme === undefined ? {} : { programme };
  let created: Result<ProgrammeStore & { migrate(): ResultAsync<void, StoreUnavailable> }, StoreUnavailable>;
  try {
    if (isPostgresUrl(db)) {
      const { createPostgresStore } = await import("venture-mentoring/postgres");
      // `?schema=name` picks the schema (default venture_mentoring); the rest goes to the driver.
      const url = new URL(db);
      const schema = url.searchParams.get("schema");
      url.searchParams.delete("schema");
      created = createPostgresStore({
        connectionString: url.toString(),
        ...(schema === null ? {} : { schema }),
        ...which,
      });
    } else {
      const { createSqliteStore } = await import("venture-mentoring/sqlite");
      created = createSqliteStore({ path: db, ...which });
    }
  } catch (e) {
    // A missing optional driver is the one thing that throws here (at import).
    return err({ type: "StoreUnavailable", cause: e instanceof Error ? e.message : String(e) });
  }
  if (created.isErr()) return err(created.error);
  const store = created.value;
  const migrated = await store.migrate();
  if (migrated.isErr()) {
    await store.close();
    return err(migrated.error);
  }
  return ok(store);
}

/** The host's side of a programme context: the real clock and short random ids. */
export const realHost: Pick<ProgrammeContext, "clock" | "newId"> = {
  clock: () => new Date(),
  newId: (kind) => `${kind}-${randomUUID().slice(0, 8)}`,
};

/** Where a db location is safe to print (a PostgreSQL URL may carry a password). */
export function displayDb(db: string): string {
  if (!isPostgresUrl(db)) return db;
  try {
    const u = new URL(db);
    if (u.password !== "") u.password = "***";
    return u.toString();
  } catch {
    return "postgres://…";
  }
}

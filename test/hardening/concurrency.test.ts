/**
 * Many portal users at once, for a bounded time: several processes on one SQLite file, and many
 * connections to PostgreSQL. Afterwards: no mentor over capacity, no intake lost or duplicated,
 * every write with its audit line, versions consistent. Also: processes killed in the middle of
 * use-cases (SQLite) and connections dropped mid-transaction (PostgreSQL) leave a state from
 * before or after each operation, never between. `npm run bench:reliability` runs the same longer
 * and writes the figures to docs/reliability.md.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { postgresUrl, testSchemas } from "../support/store.js";
import { check, dropConnectionsEvery, prepare, workers } from "./load.js";

const pgUrl = postgresUrl;
const newSchema = testSchemas("vm_load");

/** No intake lost or stored twice, no invariant broken, no defect and no rejected input. */
function expectNothingLostOrBroken(result: Awaited<ReturnType<typeof check>>): void {
  expect(result.problems).toEqual([]);
  expect(result.lost).toEqual([]);
  expect(result.duplicated).toBe(0);
  expect(result.defects + result.invalid).toBe(0);
}

describe("many users at once", { timeout: 120_000 }, () => {
  it("SQLite: four processes on one file for three seconds lose nothing and break no rule", async () => {
    const db = join(mkdtempSync(join(tmpdir(), "vm-load-")), "programme.db");
    await prepare(db);
    const result = await check(db, await workers(db, 3_000, 4, 1));
    console.info(
      "sqlite, 4 processes, 3 s:",
      JSON.stringify({ ...result, problems: result.problems.slice(0, 5) }),
    );
    expect(result.ok).toBeGreaterThan(20);
    expectNothingLostOrBroken(result);
  });

  it("PostgreSQL: four processes with four users each (16 connections) lose nothing and break no rule", async () => {
    const schema = newSchema();
    const db = `${pgUrl}?schema=${schema}`;
    await prepare(db);
    const result = await check(db, await workers(db, 3_000, 4, 4));
    console.info(
      "postgres, 16 users, 3 s:",
      JSON.stringify({ ...result, problems: result.problems.slice(0, 5) }),
    );
    expect(result.ok).toBeGreaterThan(20);
    expectNothingLostOrBroken(result);
  });
});

describe("faults", { timeout: 120_000 }, () => {
  it("SQLite: processes killed in the middle of use-cases leave every operation whole or absent", async () => {
    const db = join(mkdtempSync(join(tmpdir(), "vm-crash-")), "programme.db");
    await prepare(db);
    for (const crashAfter of [350, 700, 1_100, 1_500]) {
      // Two users: one is killed (SIGKILL) mid-flight, the other carries on beside it.
      const outcomes = await Promise.allSettled([
        workers(db, 4_000, 1, 1, ["--crash-after", String(crashAfter)]),
        workers(db, 1_000, 1, 1),
      ]);
      expect(outcomes[0]?.status).toBe("rejected"); // the killed one printed nothing
      const survivor = outcomes[1]?.status === "fulfilled" ? outcomes[1].value : [];
      const result = await check(db, survivor);
      expect(result.problems, `after a kill at ${crashAfter} ms`).toEqual([]);
      expect(result.lost).toEqual([]);
    }
  });

  it("PostgreSQL: connections dropped mid-transaction leave every operation whole or absent", async () => {
    const schema = newSchema();
    const app = `vm_fault_${process.pid}`;
    const db = `${pgUrl}?schema=${schema}&application_name=${app}`;
    await prepare(db);
    const dropping = dropConnectionsEvery(pgUrl, app, 150);
    let summaries: Awaited<ReturnType<typeof workers>>;
    let dropped: number;
    try {
      summaries = await workers(db, 3_000, 2, 4);
    } finally {
      dropped = await dropping.stop();
    }
    const result = await check(db, summaries);
    console.info(
      "postgres with dropped connections:",
      JSON.stringify({ dropped, ...result, problems: result.problems.slice(0, 5) }),
    );
    expect(dropped).toBeGreaterThan(0);
    expect(result.unavailable).toBeGreaterThan(0); // the drops were felt…
    expectNothingLostOrBroken(result); // …and left nothing half-done
  });
});

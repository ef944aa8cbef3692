/**
 * Many portal users at once, for a bounded time: several processes on one SQLite file, and many
 * connections to PostgreSQL. Afterwards: no mentor over capacity, no intake lost or duplicated,
 * every write with its audit line, versions consistent. Also: processes killed in the middle of
 * use-cases (SQLite) and connections dropped mid-transaction (PostgreSQL) leave a state from
 * before or after each operation, never between. `npm run bench:reliability` runs the same longer
 * and writes the figures to docs/reliability.md.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { postgresUrl, testSchemas } from "../support/store.js";
import { tempDirs } from "../support/temp.js";
import { check, dropConnectionsEvery, prepare, workers } from "./load.js";

const tempDir = tempDirs("vm-load-");

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
    const db = join(tempDir(), "programme.db");
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
    const db = join(tempDir(), "programme.db");
    await prepare(db);
    // Four users on one file, each killed (SIGKILL) mid-flight at its own moment, and a fifth that
    // carries on beside them and outlives them all.
    const crashes = [350, 700, 1_100, 1_500];
    const outcomes = await Promise.allSettled([
      ...crashes.map((crashAfter) => workers(db, 4_000, 1, 1, ["--crash-after", String(crashAfter)])),
      workers(db, 2_000, 1, 1),
    ]);
    for (const [k, crashAfter] of crashes.entries()) {
      expect(outcomes[k]?.status, `the user killed at ${crashAfter} ms`).toBe("rejected"); // printed nothing
    }
    const survivor = outcomes[crashes.length];
    expect(survivor?.status).toBe("fulfilled");
    const result = await check(db, survivor?.status === "fulfilled" ? survivor.value : []);
    expect(result.problems).toEqual([]);
    expect(result.lost).toEqual([]);
    expect(result.duplicated).toBe(0);
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

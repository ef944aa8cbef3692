/**
 * `npm run bench:reliability`: the concurrency and fault runs of test/hardening, longer, with the
 * figures docs/reliability.md reports: operations done, refusals (conflicts and rule refusals),
 * store unavailable, and what was lost or broken (must be 0).
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { check, dropConnectionsEvery, prepare, workers } from "../test/hardening/load.js";

const seconds = Number(process.env.SECONDS_PER_RUN ?? 20);
const pgUrl = process.env.VM_TEST_POSTGRES ?? "postgres://postgres@127.0.0.1:5432/test";
const admin = new pg.Pool({ connectionString: pgUrl, max: 1 });
const rows: string[] = [];
const row = (name: string, r: Awaited<ReturnType<typeof check>>, extra = "") =>
  rows.push(
    `| ${name} | ${r.ok} | ${r.refused} | ${r.unavailable} | ${r.intakes} | ${r.audit} | ${r.lost.length} | ${r.duplicated} | ${r.problems.length} | ${r.defects + r.invalid} | ${extra} |`,
  );

{
  const db = join(mkdtempSync(join(tmpdir(), "vm-rel-")), "programme.db");
  await prepare(db);
  row(`SQLite, 4 processes, ${seconds} s`, await check(db, await workers(db, seconds * 1000, 4, 1)));
}
{
  const schema = `vm_rel_${process.pid}_a`;
  const db = `${pgUrl}?schema=${schema}`;
  await prepare(db);
  row(
    `PostgreSQL, 4 processes × 4 users, ${seconds} s`,
    await check(db, await workers(db, seconds * 1000, 4, 4)),
  );
  await admin.query(`DROP SCHEMA "${schema}" CASCADE`);
}
{
  const db = join(mkdtempSync(join(tmpdir(), "vm-rel-")), "programme.db");
  await prepare(db);
  let kills = 0;
  let survivors: Awaited<ReturnType<typeof workers>> = [];
  for (let k = 0; k < 20; k++) {
    const [, survivor] = await Promise.allSettled([
      workers(db, 5_000, 1, 1, ["--crash-after", String(200 + ((k * 137) % 1500))]),
      workers(db, 1_000, 1, 1),
    ]);
    kills++;
    if (survivor.status === "fulfilled") survivors = [...survivors, ...survivor.value];
  }
  row("SQLite, 20 processes killed mid-use-case (SIGKILL)", await check(db, survivors), `${kills} kills`);
}
{
  const schema = `vm_rel_${process.pid}_b`;
  const app = `vm_rel_${process.pid}`;
  const db = `${pgUrl}?schema=${schema}&application_name=${app}`;
  await prepare(db);
  const dropping = dropConnectionsEvery(pgUrl, app, 150);
  const summaries = await workers(db, seconds * 1000, 2, 4);
  const dropped = await dropping.stop();
  row(
    `PostgreSQL, connections dropped every 150 ms, ${seconds} s`,
    await check(db, summaries),
    `${dropped} connections dropped`,
  );
  await admin.query(`DROP SCHEMA "${schema}" CASCADE`);
}
await admin.end();

console.log(
  [
    `Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`,
    "",
    "| run | operations done | refused | store unavailable | intakes stored | audit entries | intakes lost | duplicated | broken invariants | defects | |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ...rows,
  ].join("\n"),
);

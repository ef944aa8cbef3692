import { readdirSync, readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import express from "express";
import {
  friesland,
  initProgramme,
  openProgramme,
  type ProgrammeContext,
  type ProgrammeStore,
} from "venture-mentoring";
import { createMemoryStore } from "venture-mentoring/memory";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { intakeRoutes } from "../../examples/embedding/express.js";
import { reportRoutes } from "../../examples/embedding/hono.js";
import { helpers, proposeTeams } from "../../examples/embedding/large-rounds.js";

const intake = JSON.parse(
  readFileSync(new URL("../../examples/data/sample-intakes.json", import.meta.url), "utf8"),
)[1] as Record<string, unknown>;

let store: ProgrammeStore;
let ctx: ProgrammeContext;
beforeAll(async () => {
  store = createMemoryStore();
  const clock = () => new Date("2026-11-27T10:00:00.000Z");
  (await initProgramme(store, friesland, { id: "pm-paula" }, clock))._unsafeUnwrap();
  ctx = (await openProgramme(store, { clock, newId: (k) => `${k}-1` }))._unsafeUnwrap();
});
afterAll(async () => {
  await store.close();
});

describe("the README's embedding examples", () => {
  it("Express: an intake posted to the router is triaged, and bad input is a 422 with the field", async () => {
    const app = express().use("/api", intakeRoutes(ctx));
    const server = app.listen(0, "127.0.0.1");
    await new Promise((r) => server.once("listening", r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/intakes`;
    try {
      const post = (body: unknown, key: string) =>
        fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json", "Idempotency-Key": key },
          body: JSON.stringify(body),
        });
      const ok = await post(intake, "k-1");
      expect(ok.status).toBe(201);
      expect((await ok.json()).decision.outcome.kind).toBe("refer");
      const bad = await post({ ...intake, id: "x-2", urgency: "yesterday" }, "k-2");
      expect(bad.status).toBe(422);
      expect(JSON.stringify(await bad.json())).toContain("urgency");
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it("hono: the report route answers with the monthly report", async () => {
    const res = await reportRoutes(ctx).request("/reports/current");
    expect(res.status).toBe(200);
    expect((await res.json()).month).toBe("2026-11");
  });

  it("large rounds: the proposal from a posted round, its errors typed, with helper threads", async () => {
    try {
      const body = JSON.parse(
        readFileSync(new URL("../../examples/data/friesland-round.json", import.meta.url), "utf8"),
      );
      const proposal = proposeTeams(body)._unsafeUnwrap();
      expect(proposal.teams).toHaveLength(2);
      expect(proposeTeams({ ...body, date: "someday" })._unsafeUnwrapErr()).toMatchObject({
        type: "ValidationFailed",
      });
    } finally {
      await helpers.close();
    }
  });

  it("the README lists every environment variable the examples, tests and benchmarks read", () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    const read = new Set<string>();
    const walk = (dir: URL) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) walk(new URL(`${e.name}/`, dir));
        else if (e.name.endsWith(".ts"))
          for (const m of readFileSync(new URL(e.name, dir), "utf8").matchAll(/process\.env\.([A-Z_]+)/g))
            read.add(m[1] as string);
      }
    };
    for (const dir of ["examples/", "bench/", "test/"]) walk(new URL(`../../${dir}`, import.meta.url));
    expect(read.size).toBeGreaterThan(8);
    const table = readme.split("\n").filter((line) => line.startsWith("| `"));
    for (const name of read)
      expect(
        table.some((line) => line.includes(`\`${name}\``)),
        name,
      ).toBe(true);
  });

  it("the README shows these files exactly as they are type-checked and tested", () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    const marked = [...readme.matchAll(/<!-- snippet: (\S+) -->\s*```ts\n([\s\S]*?)```/g)];
    expect(marked.map((m) => m[1])).toEqual(
      expect.arrayContaining([
        "examples/embedding/express.ts",
        "examples/embedding/hono.ts",
        "examples/embedding/large-rounds.ts",
      ]),
    );
    // Every TypeScript block in the README is one of these files.
    expect(readme.match(/```ts\n/g)?.length).toBe(marked.length);
    for (const [, file, code] of marked)
      expect(code, file).toBe(readFileSync(new URL(`../../${file}`, import.meta.url), "utf8"));
  });
});

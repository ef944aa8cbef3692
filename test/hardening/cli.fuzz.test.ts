/**
 * Hostile arguments and files for every vmentor command: a documented exit code (never the defect
 * code), a message without a stack trace, and after a failure the store is unchanged.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fc, test } from "@fast-check/vitest";
import { collections } from "venture-mentoring";
import { createSqliteStore } from "venture-mentoring/sqlite";
import { beforeAll, describe, expect } from "vitest";
import { exitCodes, run } from "../../examples/cli/program.js";
import { tempDirs } from "../support/temp.js";
import { hostileInput, hostileString } from "./hostile.js";

const tempDir = tempDirs("vm-cli-fuzz-");

const dir = tempDir();
const db = join(dir, "programme.db");
let files = 0;

async function dump(): Promise<string> {
  const store = createSqliteStore({ path: db })._unsafeUnwrap();
  const out: unknown[] = [];
  for (const c of collections) out.push((await store.list(c))._unsafeUnwrap());
  out.push((await store.audit())._unsafeUnwrap());
  await store.close();
  return JSON.stringify(out);
}

async function vmentor(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(["--db", db, ...argv], { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

beforeAll(async () => {
  // --db is named, so the demo's three months are kept in the file: a programme with real data.
  expect((await vmentor(["demo", "--months", "3", "--warm-up", "2"])).code).toBe(0);
});

/** A file with hostile content: malformed JSON, CSV, or a hostile document. */
const hostileFile = fc
  .oneof(
    hostileInput({ id: "intake-x", venture: { name: "x" } }).map((v) => {
      try {
        return JSON.stringify(v) ?? "null";
      } catch {
        return "{ cyclic";
      }
    }),
    hostileString,
    fc.constant('id,name\n"unterminated'),
    fc.constant("\uFEFFid,name,expertise\nm-1,Name,leadership:9"),
  )
  .map((content) => {
    const ext = content.startsWith("id,") || content.startsWith("\uFEFF") ? "csv" : "json";
    const f = join(dir, `f-${++files}.${ext}`);
    writeFileSync(f, content);
    return f;
  });

const argv: fc.Arbitrary<string[]> = fc.oneof(
  fc.tuple(hostileFile).map(([f]) => ["intake", "submit", f]),
  fc.tuple(hostileFile).map(([f]) => ["mentor", "add", f]),
  fc.tuple(hostileFile).map(([f]) => ["mentor", "import", f]),
  fc.tuple(hostileFile).map(([f]) => ["match", f]),
  fc.tuple(hostileFile).map(([f]) => ["session", "log", "--file", f]),
  fc.tuple(hostileString).map(([id]) => ["triage", id]),
  fc
    .tuple(hostileString, hostileString, hostileString)
    .map(([id, o, p]) => ["triage", id, "--override", o, "--partner", p]),
  fc.tuple(hostileString).map(([m]) => ["round", "plan", "--month", m]),
  fc.tuple(hostileString).map(([p]) => ["round", "plan", "--pin", p]),
  fc.tuple(hostileString, hostileString).map(([r, c]) => ["round", "confirm", r, "--case", c]),
  fc
    .tuple(hostileString, hostileString)
    .map(([c, m]) => ["session", "log", "--case", c, "--minutes", m, "--mentors", m]),
  fc.tuple(hostileString, hostileString).map(([c, r]) => ["case", "close", c, "--reason", r]),
  fc.tuple(hostileString, hostileString).map(([m, f]) => ["report", "--month", m, "--format", f]),
  fc.tuple(fc.constantFrom("export", "erase"), hostileString).map(([v, who]) => ["person", v, who]),
  fc.tuple(hostileString).map(([a]) => ["--actor", a, "purge"]),
  fc.array(hostileString, { maxLength: 4 }),
);

describe("hostile input to every vmentor command", () => {
  test.prop([argv], { numRuns: 120 })(
    "a documented exit code, no stack trace, nothing changed on failure",
    async (args) => {
      const before = await dump();
      const r = await vmentor(args);
      expect(Object.values(exitCodes)).toContain(r.code);
      expect(r.code, `${args.join(" ").slice(0, 200)}\n${r.err.slice(0, 500)}`).not.toBe(exitCodes.defect);
      expect(r.err).not.toMatch(/\n\s+at .+:\d+:\d+/);
      if (r.code !== exitCodes.ok) expect(await dump()).toBe(before);
    },
    60_000,
  );
});

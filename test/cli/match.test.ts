import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateRound } from "../../bench/generator.js";
import { exitCodes, run } from "../../examples/cli/program.js";

const roundFile = new URL("../../examples/data/friesland-round.json", import.meta.url).pathname;

async function vmentor(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

function tempFile(content: string): string {
  const dir = mkdtempSync(join(tmpdir(), "vmentor-"));
  const file = join(dir, "round.json");
  writeFileSync(file, content);
  return file;
}

describe("vmentor match", () => {
  it("prints the proposal with explanations in the round's language", async () => {
    const r = await vmentor("match", roundFile);
    expect(r.code).toBe(exitCodes.ok);
    expect(r.out).toMatch(/^Voorstel voor ems-2026-12/);
    expect(r.out).toContain("(teamleider)");
    expect(r.out).toContain("Capaciteit van teamleiders 2 < 3 cases.");
    expect(r.err).toBe("");
  });

  it("prints JSON with --json", async () => {
    const r = await vmentor("match", roundFile, "--json");
    expect(r.code).toBe(0);
    const p = JSON.parse(r.out);
    expect(p.status).toBe("proposal");
    expect(p.teams).toHaveLength(2);
    expect(p.unstaffed).toEqual(["case-2026-12-03"]);
  });

  it("solves exactly with --exact", async () => {
    const r = await vmentor("match", roundFile, "--exact", "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).certificate).toMatchObject({ method: "exact", gap: 0 });
  }, 60_000);

  it("passes --target-gap and --perturbations to the engine", async () => {
    // A tight 300 × 100 round: without perturbed searches it ends 0.45 % from its bound, with
    // them within the default target (0.3 %); a target of 1 stops after the first search.
    const round = generateRound({ mentors: 300, cases: 100, seed: 1, supply: 1.05 });
    const file = tempFile(JSON.stringify(round));
    const certificate = async (...flags: string[]) => {
      const r = await vmentor("match", file, "--json", ...flags);
      expect(r.code).toBe(exitCodes.ok);
      return JSON.parse(r.out).certificate as { objective: number; gap: number };
    };
    const best = await certificate();
    expect(best.gap).toBeLessThanOrEqual(0.003);
    expect((await certificate("--perturbations", "0")).gap).toBeGreaterThan(0.003);
    expect((await certificate("--target-gap", "1")).objective).toBeLessThan(best.objective);
  }, 60_000);

  it("shares a large round's certificate with --threads: the same proposal", async () => {
    const file = tempFile(
      JSON.stringify(generateRound({ mentors: 2000, cases: 1000, seed: 1, supply: 1.05 })),
    );
    const alone = await vmentor("match", file, "--json");
    const shared = await vmentor("match", file, "--json", "--threads", "1");
    expect(shared.code).toBe(exitCodes.ok);
    expect(JSON.parse(shared.out)).toEqual(JSON.parse(alone.out));
    const many = await vmentor("match", roundFile, "--threads", "65");
    expect(many.code).toBe(exitCodes.invalidInput);
    expect(many.err).toContain("threads");
  }, 60_000);

  it("exits 2 with the field at fault on an invalid round, bad JSON or a missing file", async () => {
    const bad = tempFile(JSON.stringify({ id: "x", date: "someday", rules: {}, mentors: [], cases: [] }));
    const r = await vmentor("match", bad);
    expect(r.code).toBe(exitCodes.invalidInput);
    expect(r.err).toContain("date");
    expect(r.err).not.toMatch(/at .*\.ts:\d+/);
    expect((await vmentor("match", tempFile("{ not json"))).code).toBe(exitCodes.invalidInput);
    const missing = await vmentor("match", "/nonexistent/round.json");
    expect(missing.code).toBe(exitCodes.invalidInput);
    expect(missing.err).toContain("ENOENT");
  });

  it("exits 1 on usage errors", async () => {
    expect((await vmentor("nonsense")).code).toBe(exitCodes.usage);
    expect((await vmentor("match")).code).toBe(exitCodes.usage);
    expect((await vmentor("match", roundFile, "--exact", "--time-limit", "soon")).code).toBe(exitCodes.usage);
    expect((await vmentor("match", roundFile, "--target-gap", "2")).code).toBe(exitCodes.usage);
    expect((await vmentor("match", roundFile, "--target-gap", "")).code).toBe(exitCodes.usage);
    expect((await vmentor("match", roundFile, "--perturbations", "-1")).code).toBe(exitCodes.usage);
    expect((await vmentor("match", roundFile, "--threads", "two")).code).toBe(exitCodes.usage);
  });
});

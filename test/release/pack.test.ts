/**
 * The package as a partner installs it: `npm pack`, installed into an empty project, its quick
 * start run from ESM and from CommonJS, and its `vmentor` bin. Nothing from this repository is
 * reachable there but the tarball. The package is built and packed from a copy of the sources in a
 * temporary directory: the working tree's `dist/` (which a running CLI or portal may be using) is
 * never touched.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkExamples } from "../support/examples.js";

const root = new URL("../..", import.meta.url).pathname;
const project = mkdtempSync(join(tmpdir(), "vm-consumer-"));
const staging = mkdtempSync(join(tmpdir(), "vm-build-"));
const run = (cmd: string, args: string[], cwd = project) =>
  execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 600_000 });

const quickStart = (load: string) => `${load}
const intake = {
  id: "intake-1",
  submittedAt: "2026-11-02T09:15:00.000Z",
  mentee: { name: "Sjoukje de Vries", email: "sjoukje@example.nl" },
  venture: {
    id: "v-1", name: "Kaasmakerij", sector: "agrifood", stage: "established", employees: 14,
    region: "friesland", exportAmbition: "none", innovative: false, competitors: [], suppliers: [],
  },
  question: { summary: "How do I build a management team?", topics: [{ topic: "leadership", weight: 3 }] },
  urgency: "routine",
  consent: { dataProcessing: true, shareWithPartners: true },
};
const main = async () => {
  const store = createMemoryStore();
  const clock = () => new Date("2026-11-27T10:00:00.000Z");
  (await initProgramme(store, friesland, { id: "pm" }, clock))._unsafeUnwrap();
  const ctx = (await openProgramme(store, { clock, newId: (k) => k + "-1" }))._unsafeUnwrap();
  (await submitIntake(ctx, intake, "k-1", { id: "portal" }))._unsafeUnwrap();
  const decided = (await decideTriage(ctx, "intake-1", { id: "pm" }))._unsafeUnwrap();
  const bad = parseIntake({ ...intake, urgency: "yesterday" }, friesland);
  console.log(JSON.stringify({ outcome: decided.decision.outcome.kind, reasons: decided.decision.reasons.length, error: bad.isErr() ? describeError(bad.error, "en") : "" }));
};
main();
`;

// Building the declarations takes about a minute on a quiet two-core machine: a budget of 15 minutes.
beforeAll(() => {
  // Everything the build reads, and nothing it writes: no dist/, node_modules shared by a link.
  const skip = new Set(["node_modules", "dist", ".git", "coverage", "docs"]);
  cpSync(root, staging, {
    recursive: true,
    filter: (src) => !skip.has(src.slice(root.length).split("/")[0] ?? ""),
  });
  symlinkSync(join(root, "node_modules"), join(staging, "node_modules"), "dir");
  const packed = run("npm", ["pack", "--pack-destination", project, "--silent"], staging)
    .trim()
    .split("\n")
    .pop() as string;
  writeFileSync(
    join(project, "package.json"),
    JSON.stringify({ name: "consumer", private: true, version: "1.0.0" }),
  );
  run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", join(project, packed)]);
}, 900_000);

afterAll(() => {
  for (const dir of [staging, project]) rmSync(dir, { recursive: true, force: true });
});

describe("the packed package in an empty project", { timeout: 120_000 }, () => {
  it("ships only what it should", () => {
    const files = readdirSync(join(project, "node_modules", "venture-mentoring", "dist"));
    expect(files).toContain("index.js");
    expect(files).toContain("index.cjs");
    expect(files).toContain("index.d.ts");
    expect(files).toContain("cli.js");
    expect(readdirSync(join(project, "node_modules", "venture-mentoring")).sort()).toEqual([
      "LICENSE",
      "README.md",
      "dist",
      "package.json",
    ]);
  });

  for (const [kind, file, load] of [
    [
      "ESM",
      "quick-start.mjs",
      `import { decideTriage, describeError, friesland, initProgramme, openProgramme, parseIntake, submitIntake } from "venture-mentoring";\nimport { createMemoryStore } from "venture-mentoring/memory";`,
    ],
    [
      "CommonJS",
      "quick-start.cjs",
      `const { decideTriage, describeError, friesland, initProgramme, openProgramme, parseIntake, submitIntake } = require("venture-mentoring");\nconst { createMemoryStore } = require("venture-mentoring/memory");`,
    ],
  ] as const) {
    it(`runs the quick start from ${kind}`, () => {
      writeFileSync(join(project, file), quickStart(load));
      const out = JSON.parse(run("node", [file]));
      // No mentors yet, so no team can be formed: a one-off conversation, never a bare no.
      expect(out.outcome).toBe("oneOff");
      expect(out.reasons).toBeGreaterThan(0);
      expect(out.error).toContain("Urgency has a value that is not allowed");
    });
  }

  for (const [kind, file, load] of [
    ["ESM", "threads.mjs", `import { threadPool } from "venture-mentoring/threads";`],
    ["CommonJS", "threads.cjs", `const { threadPool } = require("venture-mentoring/threads");`],
  ] as const) {
    it(`starts helper threads from ${kind} (the worker file beside the adapter loads the core)`, () => {
      writeFileSync(
        join(project, file),
        `${load}\n(async () => { const pool = threadPool({ threads: 1 })._unsafeUnwrap(); console.log(await pool.ready()); await pool.close(); })();\n`,
      );
      expect(run("node", [file]).trim()).toBe("1");
    });
  }

  it("runs the README's quick start unchanged, and type-checks every README snippet, from the tarball alone", () => {
    const snippets = join(project, "snippets");
    mkdirSync(snippets, { recursive: true });
    for (const f of readdirSync(join(root, "examples/embedding")).filter((x) => x.endsWith(".ts")))
      cpSync(join(root, "examples/embedding", f), join(snippets, f));
    const out = run(join(root, "node_modules/.bin/tsx"), [join(snippets, "quick-start.ts")]);
    expect(out).toContain("kind: 'accept'");
    expect(out).toContain("A strategic question from a running business");
    writeFileSync(
      join(project, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          exactOptionalPropertyTypes: true,
          noUncheckedIndexedAccess: true,
          target: "ES2022",
          module: "ESNext",
          moduleResolution: "Bundler",
          lib: ["ES2022", "DOM"],
          types: ["node"],
          typeRoots: [join(root, "node_modules/@types")],
          skipLibCheck: true,
          noEmit: true,
          // The package from the tarball; the web frameworks the snippets show, from this repository.
          baseUrl: ".",
          paths: {
            express: [join(root, "node_modules/@types/express")],
            "*": [join(root, "node_modules/*")],
          },
        },
        include: ["snippets/*.ts"],
      }),
    );
    try {
      run("node", [join(root, "node_modules/typescript/bin/tsc"), "-p", join(project, "tsconfig.json")]);
    } catch (e) {
      throw new Error(`the snippets do not type-check:\n${(e as { stdout?: string }).stdout ?? String(e)}`);
    }
  });

  it("compiles every @example of the documentation against the installed package", () => {
    const { examples, problems } = checkExamples(project);
    expect(examples).toBeGreaterThan(60);
    expect(problems, problems.join("\n\n")).toEqual([]);
  });

  it("runs the vmentor bin", () => {
    const out = run("npx", ["--no-install", "vmentor", "demo", "--months", "1", "--lang", "en"]);
    expect(out).toContain("The year: 30 mentors");
  });
});

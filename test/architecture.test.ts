import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = new URL("../src/", import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

/** What the pure core never touches (comments are ignored; examples may mention anything). */
const forbidden: [string, RegExp][] = [
  ["a node: module", /from\s+["']node:/],
  ["a database driver", /from\s+["'](better-sqlite3|pg|kysely)["']/],
  ["the clock", /Date\.now\(|new Date\(\)/],
  ["randomness", /Math\.random\(/],
  ["the process", /\bprocess\./],
  ["console output", /\bconsole\./],
];

describe("the core is pure", () => {
  const files = sources(root);
  it.each(forbidden)("no file in src/ uses %s", (_what, pattern) => {
    const code = (f: string) =>
      readFileSync(f, "utf8")
        .replace(/\/\*[\s\S]*?\*\//g, "")
        .replace(/^\s*\/\/.*$/gm, "");
    const offenders = files.filter((f) => pattern.test(code(f)));
    expect(offenders).toEqual([]);
  });
});

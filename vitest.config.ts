import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // Examples and tests import the package by its name, as a partner portal would.
    alias: [
      {
        find: /^venture-mentoring\/(highs|memory|testing|sqlite|postgres|threads)$/,
        replacement: `${fileURLToPath(new URL("./adapters/", import.meta.url))}$1/index.ts`,
      },
      { find: /^venture-mentoring$/, replacement: fileURLToPath(new URL("./src/index.ts", import.meta.url)) },
    ],
  },
  test: {
    include: ["test/**/*.test.ts"],
    typecheck: { enabled: true, include: ["test/types/**/*.test-d.ts"], tsconfig: "./tsconfig.check.json" },
    // CI shares two cores with other work. Two files at a time keep both cores busy on a quiet machine
    // (most of a file's wall time is loading the sources) and claim a fair share on a loaded one.
    maxWorkers: 2,
    // Budgets, never vitest's 5 s default: every test without a budget of its own takes under 2 s on
    // a quiet two-core machine, so 30 s leaves it 15× for a load of about 6. Heavy tests (solver
    // scenarios, processes, Chromium, the packed package) state their own budget, at least 10× their
    // quiet time; `.ci/run` prints the slowest tests so a budget can be checked against them.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
  },
});

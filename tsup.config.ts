import { defineConfig, type Options } from "tsup";

const shared: Options = {
  tsconfig: "tsconfig.build.json",
  sourcemap: true,
  target: "node20",
  treeshake: true,
  // Adapters and the CLI import the core by its package name: one copy of the core.
  external: ["venture-mentoring", "highs", "fast-check", "better-sqlite3", "pg"],
};

export default defineConfig([
  {
    ...shared,
    entry: {
      index: "src/index.ts",
      memory: "adapters/memory/index.ts",
      sqlite: "adapters/sqlite/index.ts",
      postgres: "adapters/postgres/index.ts",
      testing: "adapters/testing/index.ts",
      highs: "adapters/highs/index.ts",
      threads: "adapters/threads/index.ts",
      // Loaded by the threads adapter as a worker thread, beside it in dist/ (not an export).
      "threads-worker": "adapters/threads/worker.ts",
    },
    format: ["esm", "cjs"],
    dts: true,
    clean: true,
    // import.meta.url in the CommonJS build (the HiGHS adapter resolves its worker's dependency with it,
    // the threads adapter its worker file).
    shims: true,
  },
  {
    ...shared,
    entry: { cli: "examples/cli/vmentor.ts" },
    format: ["esm"],
    dts: false,
    clean: false,
  },
]);

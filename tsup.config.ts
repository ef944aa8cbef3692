import { defineConfig } from "tsup";

export default defineConfig({
  entry: { index: "src/index.ts", highs: "adapters/highs/index.ts" },
  tsconfig: "tsconfig.build.json",
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  sourcemap: true,
  target: "node20",
  treeshake: true,
  // Adapters import the core by its package name: one copy of the core, whichever entry loads first.
  external: ["venture-mentoring", "highs"],
  // import.meta.url in the CommonJS build (the HiGHS adapter resolves its worker's dependency with it).
  shims: true,
});

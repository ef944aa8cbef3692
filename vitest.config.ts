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
  },
});

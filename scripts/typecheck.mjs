// Type-check both configurations at once (this machine has two cores; one after the other took
// ~40 s): tsconfig.json proves src/ compiles without Node's types (the pure core), and
// tsconfig.check.json checks everything else against the sources. Fails if either fails.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";

const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const run = (project) =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, [tsc, "-p", project, "--noEmit"], { stdio: "inherit" });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
const codes = await Promise.all(["tsconfig.json", "tsconfig.check.json"].map(run));
process.exit(codes.some((c) => c !== 0) ? 1 : 0);

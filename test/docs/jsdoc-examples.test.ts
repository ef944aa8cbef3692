/**
 * Every `@example` in the library's documentation compiles against its public API, under the
 * strictest settings a portal would use (`test/support/examples.ts`; the packed package is checked
 * the same way in `test/release/pack.test.ts`).
 */
import { describe, expect, it } from "vitest";
import { checkExamples } from "../support/examples.js";

describe("the @example of every documented function", () => {
  it("compiles against the public API", { timeout: 120_000 }, () => {
    const { examples, problems } = checkExamples();
    expect(examples).toBeGreaterThan(60);
    expect(problems, problems.join("\n\n")).toEqual([]);
  });
});

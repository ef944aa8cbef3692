import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { selectBest, selectTopScores } from "../../src/matching/select.js";

describe("selecting a case's best-scored mentors", () => {
  // Scores from a few values, so that ties (broken by the lower index) are common.
  const entries = fc.array(fc.record({ score: fc.integer({ min: 0, max: 6 }), marked: fc.boolean() }), {
    maxLength: 80,
  });
  test.prop([entries, fc.integer({ min: 0, max: 24 })])(
    "the typed selection ranks exactly as the generic one over the marked indices",
    (list, count) => {
      const score = Float64Array.from(list, (e) => e.score * 37.5);
      const marked = Uint8Array.from(list, (e) => (e.marked ? 1 : 0));
      const indices = list.flatMap((e, i) => (e.marked ? [i] : []));
      const expected = selectBest(
        indices,
        count,
        (a, b) => (score[a] as number) < (score[b] as number) || (score[a] === score[b] && a > b),
      );
      expect(selectTopScores(score, marked, count)).toEqual(expected);
    },
  );
});

/**
 * The intake list: every search, filter and page agrees with reading everything and filtering by
 * hand, pages cover the matches exactly once, and a bad query is a typed error naming its part.
 */
import { fc } from "@fast-check/vitest";
import {
  findIntakes,
  type IntakeQuery,
  intakeOutcomeFilters,
  type ProgrammeStore,
  type ValidationFailed,
} from "venture-mentoring";
import { createMemoryStore } from "venture-mentoring/memory";
import { beforeAll, describe, expect, it } from "vitest";
import { runDemoYear } from "../../examples/demo/friesland-year.js";

let store: ProgrammeStore;
beforeAll(async () => {
  store = createMemoryStore();
  const year = await runDemoYear(store, { start: "2026-01", months: 6, seed: 3, warmUp: 1 });
  if (!year.ok) throw new Error(`demo failed at ${year.failure.step}`);
}, 60_000);

const fold = (s: string) => s.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();

/** The oracle: everything read, filtered one by one. */
async function byHand(q: IntakeQuery): Promise<string[]> {
  const [intakes, decisions, referrals] = [
    (await store.list("intakes"))._unsafeUnwrap(),
    (await store.list("decisions"))._unsafeUnwrap(),
    (await store.list("referrals"))._unsafeUnwrap(),
  ];
  const outcome = new Map(decisions.map((d) => [d.value.intakeId as string, d.value.outcome.kind as string]));
  return intakes
    .map((i) => i.value)
    .filter((i) => q.month === undefined || i.submittedAt.toISOString().slice(0, 7) === q.month)
    .filter((i) => q.outcome === undefined || (outcome.get(i.id) ?? "undecided") === q.outcome)
    .filter(
      (i) =>
        q.partnerId === undefined ||
        referrals.some((r) => r.value.intakeId === i.id && r.value.partnerId === q.partnerId),
    )
    .filter(
      (i) =>
        q.text === undefined ||
        [i.id, i.venture.name, i.venture.registrationNumber ?? "", i.mentee.name, i.mentee.email].some((f) =>
          fold(f).includes(fold(q.text ?? "")),
        ),
    )
    .sort((a, b) => b.submittedAt.getTime() - a.submittedAt.getTime() || a.id.localeCompare(b.id))
    .map((i) => i.id);
}

describe("findIntakes", () => {
  it("agrees with filtering by hand, and its pages cover every match once, newest first", async () => {
    const intakes = (await store.list("intakes"))._unsafeUnwrap().map((i) => i.value);
    const partners = [
      ...new Set((await store.list("referrals"))._unsafeUnwrap().map((r) => r.value.partnerId)),
    ];
    const months = [...new Set(intakes.map((i) => i.submittedAt.toISOString().slice(0, 7)))];
    // Pieces of real names and ids, in other cases: what a manager types.
    const words = intakes.flatMap((i) => [
      i.venture.name.slice(2, 6).toUpperCase(),
      i.mentee.name.split(" ")[0] ?? "",
    ]);
    expect(intakes.length).toBeGreaterThan(20);
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            text: fc.constantFrom(...words, "zzz-nobody"),
            month: fc.constantFrom(...months, "2025-01"),
            outcome: fc.constantFrom(...intakeOutcomeFilters),
            partnerId: fc.constantFrom(...partners),
          },
          { requiredKeys: [] },
        ),
        fc.integer({ min: 1, max: 9 }),
        async (query, limit) => {
          const expected = await byHand(query);
          const seen: string[] = [];
          for (let offset = 0; ; offset += limit) {
            const page = (await findIntakes(store, { ...query, offset, limit }))._unsafeUnwrap();
            expect(page.total).toBe(expected.length);
            seen.push(...page.items.map((x) => x.intake.id));
            for (const item of page.items)
              expect(item.decision?.intakeId ?? item.intake.id).toBe(item.intake.id);
            if (page.items.length < limit) break;
          }
          expect(seen).toEqual(expected);
        },
      ),
      { numRuns: 60 },
    );
  }, 60_000);

  it("finds a name without regard to case or accents", async () => {
    const first = (await store.list("intakes"))._unsafeUnwrap()[0]?.value;
    if (first === undefined) throw new Error("no intakes");
    const asTyped = first.venture.name.toUpperCase().replace(/E/g, "Ë");
    const found = (await findIntakes(store, { text: asTyped }))._unsafeUnwrap();
    expect(found.items.map((x) => x.intake.id)).toContain(first.id);
  });

  it("refuses a bad query by its part, and reads nothing", async () => {
    for (const [query, path] of [
      [{ month: "2026-13" }, "month"],
      [{ outcome: "maybe" }, "outcome"],
      [{ limit: 1000 }, "limit"],
      [{ offset: -1 }, "offset"],
      [{ text: "x".repeat(201) }, "text"],
    ] as const) {
      const found = await findIntakes(store, query as IntakeQuery);
      expect(found.isErr()).toBe(true);
      const e = found._unsafeUnwrapErr() as ValidationFailed;
      expect(e.type).toBe("ValidationFailed");
      expect(e.subject).toBe("IntakeQuery");
      expect(e.issues.map((i) => i.path)).toEqual([path]);
    }
  });
});

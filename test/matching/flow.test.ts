import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { FlowNetwork } from "../../src/matching/flow.js";
import { ReferenceFlow } from "./ssp-reference.js";

/**
 * Random networks shaped like the matching's: sources (slots) with a few units of supply and an
 * expensive direct arc to the sink ("seat left empty"), unit arcs to middle nodes (mentors, some
 * through a gadget), and convex arcs from the middle to the sink. Costs are fractional, as the
 * Lagrangian prices make them.
 */
/**
 * Networks of `sources` slots, `middle` mentors and `pairs` pair arcs (each count within its range);
 * a pair names a source up to `ends[0]` and a middle node up to `ends[1]` (pairs naming a missing
 * node are dropped).
 */
function networks(sizes: {
  sources: [number, number];
  middle: [number, number];
  pairs: [number, number];
  ends: [number, number];
}) {
  return fc.record({
    sources: fc.array(
      fc.record({
        supply: fc.integer({ min: 1, max: 3 }),
        empty: fc.double({ min: 0, max: 5e3, noNaN: true }),
      }),
      { minLength: sizes.sources[0], maxLength: sizes.sources[1] },
    ),
    middle: fc.array(
      fc.array(fc.double({ min: -50, max: 200, noNaN: true }), { minLength: 1, maxLength: 3 }),
      {
        minLength: sizes.middle[0],
        maxLength: sizes.middle[1],
      },
    ),
    pairs: fc.array(
      fc.tuple(
        fc.nat(sizes.ends[0]),
        fc.nat(sizes.ends[1]),
        fc.double({ min: -2e3, max: 500, noNaN: true }),
        fc.boolean(),
      ),
      { minLength: sizes.pairs[0], maxLength: sizes.pairs[1] },
    ),
  });
}
const networkArb = networks({ sources: [1, 5], middle: [1, 6], pairs: [0, 24], ends: [4, 5] });
/**
 * Networks of 200+ nodes, where a re-solve after a few cost changes skips scaling (≤ nodes/64 arcs out
 * of line); every pair names nodes below the minimum counts, so all 160+ are kept.
 */
const largeNetworkArb = networks({ sources: [20, 30], middle: [30, 40], pairs: [160, 220], ends: [19, 29] });

type Shape = typeof networkArb extends fc.Arbitrary<infer R> ? R : never;
type Net = Pick<FlowNetwork, "addArc" | "flowOn" | "route">;

function build<T extends Net>(r: Shape, make: (nodes: number) => T, shift: readonly number[] = []) {
  const S = r.sources.length;
  const M = r.middle.length;
  const pairs = r.pairs.filter(([s, m]) => s < S && m < M);
  const t = 0;
  const source = (k: number) => 1 + k;
  const mid = (i: number) => 1 + S + i;
  const gadget = (g: number) => 1 + S + M + g;
  const net = make(1 + S + M + pairs.length);
  const arcs: { from: number; to: number; arc: number }[] = [];
  const pairArcs: { arc: number; cost: number }[] = [];
  const add = (u: number, v: number, cap: number, cost: number) =>
    arcs.push({ from: u, to: v, arc: net.addArc(u, v, cap, cost) });
  pairs.forEach(([s, m, base, viaGadget], g) => {
    const cost = base + (shift[g] ?? 0);
    if (viaGadget) {
      add(source(s), gadget(g), 1, cost);
      add(gadget(g), mid(m), 1, 0);
    } else add(source(s), mid(m), 1, cost);
    pairArcs.push({ arc: (arcs.at(viaGadget ? -2 : -1) as { arc: number }).arc, cost: base });
  });
  r.sources.forEach((s, k) => {
    add(source(k), t, s.supply, s.empty);
  });
  r.middle.forEach((steps, i) => {
    let acc = 0;
    for (const step of [...steps].sort((a, b) => a - b)) {
      acc = step;
      add(mid(i), t, 1, acc);
    }
  });
  const sources = r.sources.map((_, k) => source(k));
  const supplies = r.sources.map((s) => s.supply);
  return { net, arcs, pairArcs, sources, supplies, t, nodes: 1 + S + M + pairs.length };
}

describe("min-cost flow (cost scaling)", () => {
  test.prop([networkArb], { numRuns: 300 })(
    "routes every unit at the reference's minimum cost, conserving flow",
    (r) => {
      const ours = build(r, (n) => new FlowNetwork(n, 4));
      const ref = build(r, (n) => new ReferenceFlow(n));
      const cost = ours.net.route(ours.sources, ours.supplies, ours.t);
      const optimum = ref.net.route(ref.sources, ref.supplies, ref.t);
      expect(cost).toBeCloseTo(optimum, 3);
      const balance = new Array<number>(ours.nodes).fill(0);
      ours.arcs.forEach((a) => {
        const f = ours.net.flowOn(a.arc);
        expect(f).toBeGreaterThanOrEqual(0);
        balance[a.from] = (balance[a.from] as number) + f;
        balance[a.to] = (balance[a.to] as number) - f;
      });
      ours.sources.forEach((s, k) => {
        expect(balance[s]).toBe(ours.supplies[k]);
      });
      expect(balance[ours.t]).toBe(-ours.supplies.reduce((a, b) => a + b, 0));
      for (let v = 0; v < ours.nodes; v++)
        if (v !== ours.t && !ours.sources.includes(v)) expect(balance[v]).toBe(0);
    },
  );

  test.prop([networkArb], { numRuns: 300 })("the prices' bound is below the optimum and tight", (r) => {
    const ours = build(r, (n) => new FlowNetwork(n, 4));
    const ref = build(r, (n) => new ReferenceFlow(n));
    ours.net.route(ours.sources, ours.supplies, ours.t);
    const optimum = ref.net.route(ref.sources, ref.supplies, ref.t);
    const bound = (ours.net as FlowNetwork).lowerBound;
    expect(bound).toBeLessThanOrEqual(optimum + 1e-6 * Math.max(1, Math.abs(optimum)));
    expect(bound).toBeGreaterThanOrEqual(optimum - 1e-2);
  });

  test.prop([networkArb, fc.array(fc.double({ min: -300, max: 300, noNaN: true }), { maxLength: 24 })], {
    numRuns: 200,
  })("re-optimised after a change of costs, it reaches the new minimum", (r, shift) => {
    const ours = build(r, (n) => new FlowNetwork(n, 4));
    ours.net.route(ours.sources, ours.supplies, ours.t);
    ours.pairArcs.forEach((a, g) => {
      ours.net.setCost(a.arc, a.cost + (shift[g] ?? 0));
    });
    const cost = ours.net.reroute();
    const ref = build(r, (n) => new ReferenceFlow(n), shift);
    const optimum = ref.net.route(ref.sources, ref.supplies, ref.t);
    expect(cost).toBeCloseTo(optimum, 3);
    expect(ours.net.lowerBound).toBeLessThanOrEqual(optimum + 1e-6 * Math.max(1, Math.abs(optimum)));
    expect(ours.net.lowerBound).toBeGreaterThanOrEqual(optimum - 1e-2);
  });

  test.prop(
    [
      largeNetworkArb,
      fc.array(fc.tuple(fc.nat(159), fc.double({ min: -3e3, max: 3e3, noNaN: true })), {
        minLength: 1,
        maxLength: 3,
      }),
    ],
    { numRuns: 60 },
  )(
    "re-optimised after a few cost changes (straight to the last phase), it reaches the new minimum",
    (r, changes) => {
      const ours = build(r, (n) => new FlowNetwork(n, 4));
      ours.net.route(ours.sources, ours.supplies, ours.t);
      const shift: number[] = [];
      for (const [g, d] of changes) shift[g] = d;
      ours.pairArcs.forEach((a, g) => {
        if (shift[g] !== undefined) ours.net.setCost(a.arc, a.cost + (shift[g] as number));
      });
      const cost = ours.net.reroute();
      const ref = build(r, (n) => new ReferenceFlow(n), shift);
      const optimum = ref.net.route(ref.sources, ref.supplies, ref.t);
      expect(cost).toBeCloseTo(optimum, 3);
      expect(ours.net.lowerBound).toBeLessThanOrEqual(optimum + 1e-6 * Math.max(1, Math.abs(optimum)));
    },
  );

  test("refuses a source that cannot reach the sink", () => {
    const net = new FlowNetwork(3);
    net.addArc(1, 2, 1, 5);
    expect(() => net.route([1], [1], 0)).toThrow(/no path to the sink/);
  });

  test("solves again only through reroute, and only over the arcs it was routed with", () => {
    const net = new FlowNetwork(3);
    const direct = net.addArc(1, 0, 1, 5);
    const via = net.addArc(1, 2, 1, 1);
    net.addArc(2, 0, 1, 1);
    expect(net.route([1], [1], 0)).toBe(2);
    expect(net.flowOn(via)).toBe(1);
    net.setCost(via, 10);
    expect(net.reroute()).toBe(5);
    expect(net.flowOn(direct)).toBe(1);
    expect(net.flowOn(via)).toBe(0);
    expect(() => net.route([1], [1], 0)).toThrow(/routed already/);
    net.addArc(1, 0, 1, 0);
    expect(() => net.reroute()).toThrow(/arcs added/);
  });
});

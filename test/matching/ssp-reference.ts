/**
 * The successive-shortest-path min-cost flow the library used before cost scaling (one
 * Bellman–Ford pass over the DAG for the first potentials, then one Dijkstra per unit of supply),
 * kept as an independent oracle for the flow tests. Simple on purpose: a linear scan instead of a heap.
 */
export class ReferenceFlow {
  private readonly arcs: { from: number; to: number; cap: number; cost: number }[] = [];
  constructor(readonly nodes: number) {}

  addArc(u: number, v: number, capacity: number, cost: number): number {
    this.arcs.push({ from: u, to: v, cap: capacity, cost }, { from: v, to: u, cap: 0, cost: -cost });
    return this.arcs.length - 2;
  }

  flowOn(e: number): number {
    return (this.arcs[e + 1] as { cap: number }).cap;
  }

  /** Minimum cost of routing every unit of supply to t (Bellman–Ford per unit: slow, obviously right). */
  route(sources: readonly number[], supplies: readonly number[], t: number): number {
    let total = 0;
    for (let k = 0; k < sources.length; k++) {
      for (let unit = 0; unit < (supplies[k] as number); unit++) {
        const dist = new Array<number>(this.nodes).fill(Number.POSITIVE_INFINITY);
        const prev = new Array<number>(this.nodes).fill(-1);
        dist[sources[k] as number] = 0;
        for (let round = 0; round < this.nodes; round++) {
          let changed = false;
          this.arcs.forEach((a, e) => {
            const du = dist[a.from] as number;
            if (a.cap > 0 && du + a.cost < (dist[a.to] as number) - 1e-9) {
              dist[a.to] = du + a.cost;
              prev[a.to] = e;
              changed = true;
            }
          });
          if (!changed) break;
        }
        if (dist[t] === Number.POSITIVE_INFINITY) throw new Error("no path");
        for (let v = t; v !== sources[k]; ) {
          const e = prev[v] as number;
          (this.arcs[e] as { cap: number }).cap -= 1;
          (this.arcs[e ^ 1] as { cap: number }).cap += 1;
          total += (this.arcs[e] as { cost: number }).cost;
          v = (this.arcs[e] as { from: number }).from;
        }
      }
    }
    return total;
  }
}

/**
 * Min-cost flow by successive shortest paths with Dijkstra and node potentials (Johnson
 * reweighting), the algorithm of OpenReview's MinMax matcher and HotCRP's autoassigner. Costs are
 * numbers (integers in practice); arcs are added in topological order of their tails so the first
 * potentials come from one pass over a DAG even though costs are negative.
 */
export class FlowNetwork {
  private head: Int32Array;
  private next: Int32Array;
  private to: Int32Array;
  private cap: Int32Array;
  private cost: Float64Array;
  private edges = 0;
  private readonly order: number[] = [];

  constructor(
    readonly nodes: number,
    expectedEdges = 1024,
  ) {
    this.head = new Int32Array(nodes).fill(-1);
    const n = expectedEdges * 2;
    this.next = new Int32Array(n);
    this.to = new Int32Array(n);
    this.cap = new Int32Array(n);
    this.cost = new Float64Array(n);
  }

  private grow(): void {
    const n = this.next.length * 2;
    const copy = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.next = copy(this.next, (k) => new Int32Array(k));
    this.to = copy(this.to, (k) => new Int32Array(k));
    this.cap = copy(this.cap, (k) => new Int32Array(k));
    this.cost = copy(this.cost, (k) => new Float64Array(k));
  }

  /** Add an arc u→v; returns its index (the reverse arc is index ^ 1). Add arcs tail-layer by tail-layer. */
  addArc(u: number, v: number, capacity: number, cost: number): number {
    if (this.edges + 2 > this.next.length) this.grow();
    const e = this.edges;
    this.to[e] = v;
    this.cap[e] = capacity;
    this.cost[e] = cost;
    this.next[e] = this.head[u] as number;
    this.head[u] = e;
    this.to[e + 1] = u;
    this.cap[e + 1] = 0;
    this.cost[e + 1] = -cost;
    this.next[e + 1] = this.head[v] as number;
    this.head[v] = e + 1;
    this.order.push(u);
    this.edges += 2;
    return e;
  }

  /** Units of flow on arc `e`. */
  flowOn(e: number): number {
    return this.cap[e + 1] as number;
  }

  /**
   * Route every unit of supply at `sources` to `t` along cheapest paths (successive shortest
   * paths, one Dijkstra per unit from its own source, stopping when `t` is settled). The caller
   * guarantees that each source has some path to `t` (a direct arc standing for "not served"),
   * so every unit is routed and the result is a min-cost flow for the given supplies. Sources'
   * arcs must be added before any other node's, then tails layer by layer (a DAG), so one pass
   * gives the first potentials. Returns the total cost.
   */
  route(sources: readonly number[], supplies: readonly number[], t: number): number {
    const n = this.nodes;
    const pot = new Float64Array(n);
    const dist = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
    const prev = new Int32Array(n).fill(-1);
    const done = new Uint8Array(n);
    // First potentials: shortest distances from the sources (all at 0) in the DAG, in arc order.
    for (const s of sources) dist[s] = 0;
    for (let e = 0; e < this.edges; e += 2) {
      const u = this.order[e >> 1] as number;
      const du = dist[u] as number;
      if (du === Number.POSITIVE_INFINITY || (this.cap[e] as number) <= 0) continue;
      const v = this.to[e] as number;
      const nd = du + (this.cost[e] as number);
      if (nd < (dist[v] as number)) dist[v] = nd;
    }
    for (let v = 0; v < n; v++) {
      pot[v] = dist[v] === Number.POSITIVE_INFINITY ? 0 : (dist[v] as number);
      dist[v] = Number.POSITIVE_INFINITY;
    }
    const heap = new MinHeap(1024);
    const touched = new Int32Array(n);
    let nTouched = 0;
    let total = 0;
    for (let k = 0; k < sources.length; k++) {
      const s = sources[k] as number;
      for (let unit = 0; unit < (supplies[k] as number); unit++) {
        heap.clear();
        dist[s] = 0;
        touched[nTouched++] = s;
        heap.push(s, 0);
        let reached = false;
        while (heap.size > 0) {
          const u = heap.pop();
          if (done[u]) continue;
          done[u] = 1;
          if (u === t) {
            reached = true;
            break;
          }
          const du = dist[u] as number;
          const pu = pot[u] as number;
          for (let e = this.head[u] as number; e !== -1; e = this.next[e] as number) {
            if ((this.cap[e] as number) <= 0) continue;
            const v = this.to[e] as number;
            if (done[v]) continue;
            // Reduced costs are ≥ 0; the clamp only removes rounding.
            const nd = du + Math.max(0, (this.cost[e] as number) + pu - (pot[v] as number));
            if (nd < (dist[v] as number)) {
              if (dist[v] === Number.POSITIVE_INFINITY) touched[nTouched++] = v;
              dist[v] = nd;
              prev[v] = e;
              heap.push(v, nd);
            }
          }
        }
        if (!reached) throw new Error("FlowNetwork.route: a source has no path to the sink");
        const dt = dist[t] as number;
        // Potentials of settled nodes only (the rest shift by the constant dt, which changes nothing).
        for (let k = 0; k < nTouched; k++) {
          const v = touched[k] as number;
          if (done[v]) pot[v] = (pot[v] as number) + (dist[v] as number) - dt;
        }
        for (let v = t; v !== s; ) {
          const e = prev[v] as number;
          this.cap[e] = (this.cap[e] as number) - 1;
          this.cap[e ^ 1] = (this.cap[e ^ 1] as number) + 1;
          total += this.cost[e] as number;
          v = this.to[e ^ 1] as number;
        }
        for (let k = 0; k < nTouched; k++) {
          const v = touched[k] as number;
          dist[v] = Number.POSITIVE_INFINITY;
          done[v] = 0;
        }
        nTouched = 0;
      }
    }
    return total;
  }
}

/** A binary min-heap of (node, key) with lazy deletion; the same pushes give the same pops, so ties are deterministic. */
class MinHeap {
  private nodes: Int32Array;
  private keys: Float64Array;
  size = 0;
  constructor(capacity: number) {
    this.nodes = new Int32Array(Math.max(16, capacity));
    this.keys = new Float64Array(Math.max(16, capacity));
  }
  clear(): void {
    this.size = 0;
  }
  push(node: number, key: number): void {
    if (this.size === this.nodes.length) {
      const n = new Int32Array(this.size * 2);
      n.set(this.nodes);
      this.nodes = n;
      const k = new Float64Array(this.size * 2);
      k.set(this.keys);
      this.keys = k;
    }
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pk = this.keys[p] as number;
      if (pk <= key) break;
      this.nodes[i] = this.nodes[p] as number;
      this.keys[i] = pk;
      i = p;
    }
    this.nodes[i] = node;
    this.keys[i] = key;
  }
  pop(): number {
    const top = this.nodes[0] as number;
    const lastNode = this.nodes[--this.size] as number;
    const lastKey = this.keys[this.size] as number;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= this.size) break;
      const r = l + 1;
      let c = l;
      if (r < this.size) {
        const lk = this.keys[l] as number;
        const rk = this.keys[r] as number;
        if (rk < lk) c = r;
      }
      const ck = this.keys[c] as number;
      if (ck >= lastKey) break;
      this.nodes[i] = this.nodes[c] as number;
      this.keys[i] = ck;
      i = c;
    }
    this.nodes[i] = lastNode;
    this.keys[i] = lastKey;
    return top;
  }
}

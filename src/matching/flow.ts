/**
 * Min-cost flow by cost scaling: Goldberg and Tarjan's push–relabel with ε-scaling and Goldberg's
 * global price updates — the method of CS2, LEMON's CostScaling and OR-Tools' min-cost flow. Unlike
 * successive shortest paths (a Dijkstra per seat, each crossing much of the network when supply
 * is tight), its work does not grow with the seats to fill.
 *
 * Arcs are added in paired arrays (arc e and its reverse e ^ 1); routing copies them grouped by
 * tail, each with its reverse's position, so that the scans of a node's arcs — the whole of
 * push–relabel and of the global price updates — read contiguous memory. Build the network, route,
 * read the flows; to solve again with other costs, set them and reroute (warm: from the last flow
 * and prices).
 */

/** Each phase divides ε by this (CS2 and LEMON use 8–16). */
const ALPHA = 12;
/** Scaled costs stay below this, so prices (a few times the largest cost) stay exact doubles. */
const PRICE_RANGE = 2 ** 42;
const MAX_RESOLUTION = 2 ** 20;
const MIN_RESOLUTION = 2 ** -20;
/** A re-solve with at most (connected nodes) / this many arcs out of line skips scaling (see `optimise`). */
const FEW_CHANGES = 64;
/** A global price update after this many relabels per node (CS2 updates about once per n). */
const UPDATE_EVERY = 1;
/**
 * Where scaling starts, in cost units, when the start prices already make the empty flow optimal:
 * about the largest pair value in matching's points. Starting at the largest cost instead (the
 * textbook start) spends phases on the prohibitive "seat left empty" arcs.
 */
const START_EPSILON = 3000;

/** What a solve leaves for the next one: supplies, arcs by tail, scaled costs, prices. */
interface Solved {
  readonly sources: readonly number[];
  readonly supplies: readonly number[];
  readonly t: number;
  readonly units: number;
  /** Nodes with at least one arc (the network's real size, whatever node numbers it leaves unused). */
  readonly connected: number;
  readonly excess: Float64Array;
  /** Arcs out of node v: positions first[v] … first[v + 1] − 1 of the arrays below (grouped by tail). */
  readonly first: Int32Array;
  /** Position of arc e (as numbered by addArc) in the grouped arrays. */
  readonly pos: Int32Array;
  /** Per position: the arc's head, residual capacity, scaled cost, and its reverse arc's position. */
  readonly to: Int32Array;
  readonly cap: Int32Array;
  readonly c: Float64Array;
  readonly rev: Int32Array;
  /**
   * Per position, the residual capacities of the arc and its reverse together — constant, so the
   * reverse's residual is total − cap without a read elsewhere (and its cost is −c: costs are antisymmetric).
   */
  readonly total: Int32Array;
  readonly p: Float64Array;
  /** Scaled cost units per cost unit (resolution × (n + 1)). */
  unit: number;
}

export class FlowNetwork {
  private to: Int32Array;
  /** Capacities as added (routing works on a copy, whose residuals change). */
  private cap: Int32Array;
  private cost: Float64Array;
  private edges = 0;
  /** After {@link FlowNetwork.route}: a lower bound on the minimum cost, from the final prices (LP duality). */
  lowerBound = Number.NEGATIVE_INFINITY;
  private solved: Solved | undefined;

  constructor(
    readonly nodes: number,
    expectedEdges = 1024,
  ) {
    const n = Math.max(2, expectedEdges * 2);
    this.to = new Int32Array(n);
    this.cap = new Int32Array(n);
    this.cost = new Float64Array(n);
  }

  private grow(): void {
    const n = this.to.length * 2;
    const to = new Int32Array(n);
    to.set(this.to);
    this.to = to;
    const cap = new Int32Array(n);
    cap.set(this.cap);
    this.cap = cap;
    const cost = new Float64Array(n);
    cost.set(this.cost);
    this.cost = cost;
  }

  /** Add an arc u→v; returns its index (the reverse arc is index ^ 1). */
  addArc(u: number, v: number, capacity: number, cost: number): number {
    if (this.edges + 2 > this.to.length) this.grow();
    const e = this.edges;
    this.to[e] = v;
    this.cap[e] = capacity;
    this.cost[e] = cost;
    this.to[e + 1] = u;
    this.cap[e + 1] = 0;
    this.cost[e + 1] = -cost;
    this.edges += 2;
    return e;
  }

  /** The price of node `v` after the last solve, in cost units (reduced cost of u→v: cost + p(u) − p(v)). */
  potential(v: number): number {
    const solved = this.solved;
    return solved === undefined ? 0 : (solved.p[v] as number) / solved.unit;
  }

  /** Units of flow on arc `e`. */
  flowOn(e: number): number {
    const solved = this.solved;
    return solved === undefined ? 0 : (solved.cap[solved.pos[e ^ 1] as number] as number);
  }

  /**
   * Route every unit of supply at `sources` to `t` at minimum total cost. The caller guarantees
   * that each source has some path to `t` (a direct arc standing for "not served"). Costs are
   * rounded to integers at the finest resolution the network's size allows (exact for integer
   * costs) and multiplied by n + 1, so the last phase (ε = 1) ends with an optimal flow. Returns
   * the total cost in the arcs' own costs; {@link FlowNetwork.lowerBound} then holds the bound the
   * final prices prove (LP duality), valid whatever the rounding.
   */
  route(sources: readonly number[], supplies: readonly number[], t: number): number {
    const n = this.nodes;
    const m = this.edges;
    const { to } = this;
    // Routing works on a copy of the arcs; a routed network is solved again with reroute.
    if (this.solved !== undefined)
      throw new Error("FlowNetwork.route: routed already (setCost, then reroute)");
    const excess = new Float64Array(n);
    let units = 0;
    for (let k = 0; k < sources.length; k++) {
      const s = sources[k] as number;
      excess[s] = (excess[s] as number) + (supplies[k] as number);
      units += supplies[k] as number;
    }
    excess[t] = (excess[t] as number) - units;
    // Arcs grouped by tail (the tail of arc e is the head of its reverse, e ^ 1).
    const first = new Int32Array(n + 1);
    for (let e = 0; e < m; e++) {
      const u = to[e ^ 1] as number;
      first[u + 1] = (first[u + 1] as number) + 1;
    }
    for (let v = 0; v < n; v++) first[v + 1] = (first[v + 1] as number) + (first[v] as number);
    const adj = new Int32Array(m);
    const fill = first.slice(0, n);
    for (let e = 0; e < m; e++) {
      const u = to[e ^ 1] as number;
      adj[fill[u] as number] = e;
      fill[u] = (fill[u] as number) + 1;
    }
    this.assertReachable(first, adj, excess, t);
    let connected = 0;
    for (let v = 0; v < n; v++) if ((first[v + 1] as number) > (first[v] as number)) connected++;
    // The arcs' data in that grouped order, so that scanning a node's arcs reads contiguous memory.
    const pos = new Int32Array(m);
    for (let k = 0; k < m; k++) pos[adj[k] as number] = k;
    const rev = new Int32Array(m);
    const total = new Int32Array(m);
    for (let k = 0; k < m; k++) {
      const e = adj[k] as number;
      rev[k] = pos[e ^ 1] as number;
      total[k] = (this.cap[e] as number) + (this.cap[e ^ 1] as number);
    }
    const solved: Solved = {
      sources: [...sources],
      supplies: [...supplies],
      t,
      units,
      connected,
      excess,
      first,
      pos,
      to: Int32Array.from(adj, (e) => to[e] as number),
      cap: Int32Array.from(adj, (e) => this.cap[e] as number),
      c: new Float64Array(m),
      rev,
      total,
      p: new Float64Array(n),
      unit: 0,
    };
    this.solved = solved;
    this.scaleCosts(solved);
    // Start prices: shortest distances from the sources over the arcs in their order (tails layer
    // by layer), so every arc's reduced cost is ≥ 0 and the empty flow is already optimal for its
    // excesses; scaling then starts at START_EPSILON instead of the largest cost.
    const { c, p } = solved;
    const dist = p;
    dist.fill(Number.POSITIVE_INFINITY);
    for (const s of sources) dist[s] = 0;
    for (let e = 0; e < m; e += 2) {
      const du = dist[to[e + 1] as number] as number;
      if (du === Number.POSITIVE_INFINITY || (this.cap[e] as number) <= 0) continue;
      const v = to[e] as number;
      const nd = du + (c[pos[e] as number] as number);
      if (nd < (dist[v] as number)) dist[v] = nd;
    }
    // Nodes no source reaches carry no flow; the lowest price keeps the arcs into them from looking
    // profitable. Whatever reduced cost is still negative is measured below, and scaling starts there.
    let lowest = 0;
    for (let v = 0; v < n; v++)
      if (dist[v] !== Number.POSITIVE_INFINITY) lowest = Math.min(lowest, dist[v] as number);
    for (let v = 0; v < n; v++) if (dist[v] === Number.POSITIVE_INFINITY) p[v] = lowest;
    return this.optimise(solved, START_EPSILON * solved.unit);
  }

  /** Change the cost of arc `e` (and of its reverse); {@link FlowNetwork.reroute} then re-optimises. */
  setCost(e: number, cost: number): void {
    this.cost[e] = cost;
    this.cost[e ^ 1] = -cost;
  }

  /**
   * Re-optimise after {@link FlowNetwork.setCost}, starting from the last flow and prices: they
   * are ε-optimal for the new costs with ε the largest change, so scaling starts there rather than
   * from scratch — the coverage prices move the costs a little at every iteration — and, when only
   * a few arcs are out of line, goes straight to the last phase (see `optimise`). With a
   * `tolerance`, scaling stops as soon as the flow's cost is within it of the bound its prices
   * prove ({@link FlowNetwork.lowerBound} stays valid; the flow is then near-optimal, not optimal).
   */
  reroute(tolerance = 0): number {
    const solved = this.solved;
    if (solved === undefined) throw new Error("FlowNetwork.reroute: route first");
    if (solved.pos.length !== this.edges)
      throw new Error("FlowNetwork.reroute: arcs added since the last route");
    const before = solved.unit;
    this.scaleCosts(solved);
    if (solved.unit !== before) {
      const ratio = solved.unit / before;
      for (let v = 0; v < this.nodes; v++) solved.p[v] = Math.round((solved.p[v] as number) * ratio);
    }
    return this.optimise(solved, 0, tolerance);
  }

  /** Integer costs at the finest power-of-two resolution that keeps every price an exact double. */
  private scaleCosts(solved: Solved): void {
    const m = this.edges;
    const { cost } = this;
    let maxAbs = 0;
    for (let e = 0; e < m; e += 2) maxAbs = Math.max(maxAbs, Math.abs(cost[e] as number));
    const mult = this.nodes + 1;
    let scale = 1;
    if (maxAbs > 0) {
      while (scale < MAX_RESOLUTION && maxAbs * scale * 2 * mult <= PRICE_RANGE) scale *= 2;
      while (scale > MIN_RESOLUTION && maxAbs * scale * mult > PRICE_RANGE) scale /= 2;
    }
    const { c, pos } = solved;
    for (let e = 0; e < m; e += 2) {
      const x = Math.round((cost[e] as number) * scale) * mult;
      c[pos[e] as number] = x;
      c[pos[e + 1] as number] = -x;
    }
    solved.unit = scale * mult;
  }

  /**
   * Cost scaling from the current flow and prices: ε starts at the largest violation of a reduced
   * cost (at least `floor`; at 1 for a re-solve with few arcs out of line) and is divided by ALPHA
   * each phase down to 1; each phase saturates the arcs whose reduced cost is below −ε, then pushes
   * and relabels until no node holds excess.
   */
  private optimise(solved: Solved, floor: number, tolerance = 0): number {
    const n = this.nodes;
    const { first, to, cap, c, rev, total, p, excess } = solved;
    let violation = 0;
    let violating = 0;
    for (let u = 0; u < n; u++) {
      const pu = p[u] as number;
      for (let e = first[u] as number; e < (first[u + 1] as number); e++) {
        if ((cap[e] as number) <= 0) continue;
        const cp = (c[e] as number) + pu - (p[to[e] as number] as number);
        if (-cp > violation) violation = -cp;
        if (cp < -1) violating++;
      }
    }
    let pending = false;
    for (let v = 0; v < n; v++) if ((excess[v] as number) > 0) pending = true;
    const cur = new Int32Array(n);
    const queue = new Int32Array(n);
    const queued = new Uint8Array(n);
    const dist = new Float64Array(n);
    const settled = new Uint8Array(n);
    const heap = new MinHeap(1024);
    let head = 0;
    let size = 0;
    const enqueue = (v: number) => {
      queue[(head + size++) % n] = v;
      queued[v] = 1;
    };
    /**
     * Global price update: lower each price by the fewest multiples of ε that give it an
     * admissible path to a node with a deficit (a Dijkstra over the residual arcs, backwards from
     * the deficits, with arc lengths ⌊c_p/ε⌋ + 1). Keeps ε-optimality; saves most relabels.
     */
    const updatePrices = (eps: number) => {
      let active = 0;
      for (let v = 0; v < n; v++) {
        dist[v] = Number.POSITIVE_INFINITY;
        settled[v] = 0;
        if ((excess[v] as number) > 0) active++;
      }
      heap.clear();
      for (let v = 0; v < n; v++) {
        if ((excess[v] as number) < 0) {
          dist[v] = 0;
          heap.push(v, 0);
        }
      }
      let level = 0;
      while (heap.size > 0 && active > 0) {
        const w = heap.pop();
        if (settled[w]) continue;
        settled[w] = 1;
        const dw = dist[w] as number;
        level = dw;
        if ((excess[w] as number) > 0) active--;
        const pw = p[w] as number;
        for (let i = first[w] as number; i < (first[w + 1] as number); i++) {
          // The arc u→w is the reverse of w→u at i: its residual total − cap, its cost −c.
          if ((total[i] as number) - (cap[i] as number) <= 0) continue;
          const u = to[i] as number;
          if (settled[u]) continue;
          const cp = -(c[i] as number) + (p[u] as number) - pw;
          const nd = dw + (cp >= 0 ? Math.floor(cp / eps) + 1 : 0);
          if (nd < (dist[u] as number)) {
            dist[u] = nd;
            heap.push(u, nd);
          }
        }
      }
      for (let v = 0; v < n; v++) {
        p[v] = (p[v] as number) - (settled[v] ? (dist[v] as number) : level) * eps;
        cur[v] = first[v] as number;
      }
    };

    if (!pending && violation === 0) return this.finish(solved);
    // A re-solve after a few cost changes (a few arcs out of line, no scaling floor) goes straight to
    // the last phase: its global price updates then route the few excesses like shortest paths,
    // keeping the rest of the last solution. Scaling from the largest violation would first move
    // every price by multiples of a huge ε and re-route the whole network.
    const few = floor === 0 && violating <= solved.connected / FEW_CHANGES;
    let eps = few ? ALPHA : Math.max(violation, floor, 1) * ALPHA;
    do {
      eps = Math.max(1, Math.ceil(eps / ALPHA));
      // Make the flow ε-optimal at once: saturate every residual arc whose reduced cost is below
      // −ε. (The textbook saturates every negative one; the arcs within ε may stay, since
      // push–relabel only needs ε-optimality — and a re-solve after a few cost changes then starts
      // from a handful of excesses instead of undoing the whole last flow.)
      for (let u = 0; u < n; u++) {
        const pu = p[u] as number;
        for (let e = first[u] as number; e < (first[u + 1] as number); e++) {
          const r = cap[e] as number;
          if (r > 0 && (c[e] as number) + pu - (p[to[e] as number] as number) < -eps) {
            const v = to[e] as number;
            cap[e] = 0;
            const back = rev[e] as number;
            cap[back] = (cap[back] as number) + r;
            excess[u] = (excess[u] as number) - r;
            excess[v] = (excess[v] as number) + r;
          }
        }
      }
      updatePrices(eps);
      // Then push–relabel until no node holds excess (FIFO order).
      head = 0;
      size = 0;
      for (let u = 0; u < n; u++) if ((excess[u] as number) > 0) enqueue(u);
      let relabels = 0;
      while (size > 0) {
        const u = queue[head] as number;
        head = (head + 1) % n;
        size--;
        queued[u] = 0;
        if ((excess[u] as number) <= 0) continue;
        const end = first[u + 1] as number;
        while ((excess[u] as number) > 0) {
          let i = cur[u] as number;
          const pu = p[u] as number;
          for (; i < end; i++) {
            const r = cap[i] as number;
            if (r <= 0) continue;
            const v = to[i] as number;
            if ((c[i] as number) + pu - (p[v] as number) >= 0) continue;
            const delta = Math.min(excess[u] as number, r);
            cap[i] = r - delta;
            const back = rev[i] as number;
            cap[back] = (cap[back] as number) + delta;
            excess[u] = (excess[u] as number) - delta;
            excess[v] = (excess[v] as number) + delta;
            if (queued[v] === 0 && (excess[v] as number) > 0) enqueue(v);
            if ((excess[u] as number) === 0) break;
          }
          cur[u] = i;
          if ((excess[u] as number) <= 0) break;
          // Relabel: lower u's price just enough to make its cheapest residual arc admissible.
          let best = Number.NEGATIVE_INFINITY;
          for (let e = first[u] as number; e < end; e++) {
            if ((cap[e] as number) <= 0) continue;
            const x = (p[to[e] as number] as number) - (c[e] as number);
            if (x > best) best = x;
          }
          p[u] = best - eps;
          cur[u] = first[u] as number;
          if (++relabels >= UPDATE_EVERY * n) {
            relabels = 0;
            updatePrices(eps);
          }
        }
      }
      if (tolerance > 0 && eps > 1) {
        const total = this.finish(solved);
        if (total - this.lowerBound <= tolerance) return total;
      }
    } while (eps > 1);

    return this.finish(solved);
  }

  /** The total cost of the flow, and the bound its prices prove: Σ u·min(0, c_p) − Σ p·b ≤ the optimum. */
  private finish(solved: Solved): number {
    const m = this.edges;
    const { to, cost } = this;
    const { p, sources, supplies, t, units, unit, cap, pos } = solved;
    let total = 0;
    let dual = 0;
    for (let e = 0; e < m; e += 2) {
      const flow = cap[pos[e + 1] as number] as number;
      total += flow * (cost[e] as number);
      const reduced =
        (cost[e] as number) + ((p[to[e + 1] as number] as number) - (p[to[e] as number] as number)) / unit;
      if (reduced < 0) dual += (this.cap[e] as number) * reduced;
    }
    for (let k = 0; k < sources.length; k++)
      dual -= ((p[sources[k] as number] as number) / unit) * (supplies[k] as number);
    dual += ((p[t] as number) / unit) * units;
    this.lowerBound = dual;
    return total;
  }

  /** Every node with supply must reach `t` over arcs with capacity, or push–relabel would not end. */
  private assertReachable(first: Int32Array, adj: Int32Array, excess: Float64Array, t: number): void {
    const reaches = new Uint8Array(this.nodes);
    const stack = [t];
    reaches[t] = 1;
    while (stack.length > 0) {
      const w = stack.pop() as number;
      for (let i = first[w] as number; i < (first[w + 1] as number); i++) {
        const out = adj[i] as number; // w→u; its reverse u→w leads into w
        const u = this.to[out] as number;
        if (reaches[u] === 0 && (this.cap[out ^ 1] as number) > 0) {
          reaches[u] = 1;
          stack.push(u);
        }
      }
    }
    for (let v = 0; v < this.nodes; v++)
      if ((excess[v] as number) > 0 && reaches[v] === 0)
        throw new Error("FlowNetwork.route: a source has no path to the sink");
  }
}

/** A binary min-heap of (node, key) with lazy deletion; the same pushes give the same pops. */
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
      const parent = (i - 1) >> 1;
      const pk = this.keys[parent] as number;
      if (pk <= key) break;
      this.nodes[i] = this.nodes[parent] as number;
      this.keys[i] = pk;
      i = parent;
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
      let child = l;
      if (r < this.size && (this.keys[r] as number) < (this.keys[l] as number)) child = r;
      const ck = this.keys[child] as number;
      if (ck >= lastKey) break;
      this.nodes[i] = this.nodes[child] as number;
      this.keys[i] = ck;
      i = child;
    }
    this.nodes[i] = lastNode;
    this.keys[i] = lastKey;
    return top;
  }
}

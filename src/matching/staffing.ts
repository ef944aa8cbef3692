import { FlowNetwork } from "./flow.js";
import { type Candidate, type Instance, loadCost } from "./instance.js";
import { leadOf } from "./team-value.js";

/** A team as the solvers see it: mentor indices, the lead among them. */
export interface Team {
  lead: number;
  members: number[];
}

/** Assignment of teams to cases (undefined: not staffed). */
export type Assignment = (Team | undefined)[];

/** A per-pair score the flow maximises: the pair score a (member) and a + b (lead). */
export type PairValue = (j: number, c: Candidate) => { member: number; lead: number };

/** The cost of leaving a seat empty when staffing: more than any team could be worth. */
const EMPTY_SEAT = 1e6;
const PIN_BONUS = 1e8;
/** How far a sparse candidate list is widened for a case the flow could not staff from it. */
const WIDER = 160;
/** At most this many cases get every mentor as a candidate (each adds a whole column of pairs). */
const FULL_WIDEN = 5;
/** Flows spent taking given-up cases back (a case costs one only if the test for room finds room for it). */
const RETRIES = 20;
/** Rounds with at most this many cases get the exact choice of which cases to staff. */
export const EXACT_SELECTION = 12;

/**
 * The flow network over the cases in `active`. Each case has a lead slot (1 unit) and a member
 * slot (team size − 1 units). A lead-qualified candidate is reached through the case's pool for
 * their lead fitness (there are two: with and without the venture's sector), which both slots
 * reach — the lead slot's arc earning the lead fitness — and every other candidate straight from
 * the member slot; either way one arc of capacity 1 per pair (one seat per mentor per case). The
 * lead is then the team's best lead fitness, exactly as a team is valued. Mentors reach the sink
 * through unit arcs of rising load cost (convex, so load spreads). A direct slot → sink arc stands
 * for "seat left empty": cost 0 when looking for the most valuable flow (bounds), and a
 * prohibitive cost when staffing, so that as many seats as possible are filled. Solving again with
 * other pair values starts from the last flow and prices (the coverage prices' iterations).
 *
 * Pair values must differ between lead and member by an amount that depends only on the case and
 * the candidate's lead fitness (as {@link modularValue} and the priced values do): a pool's
 * candidates share their lead slot's arc.
 */
export class StaffingFlow {
  private readonly net: FlowNetwork;
  /** Per candidate pair, its arc into the mentor. */
  private readonly pairArcs: { j: number; c: Candidate; arc: number }[] = [];
  /** Per lead pool, the lead slot's arc into it and one of its candidates (the pool's lead fitness). */
  private readonly poolArcs: { j: number; c: Candidate; arc: number }[] = [];
  /** Per case, the lead slot's "left empty" arc (-1: case not active). */
  private readonly emptyLead: Int32Array;
  private readonly sources: number[] = [];
  private readonly supplies: number[] = [];
  /** Per mentor, 1 when a candidate of some active case (only those are in the network). */
  private readonly reached: Uint8Array;
  private solved = false;

  constructor(
    private readonly inst: Instance,
    private readonly active: readonly boolean[],
    private readonly priorities: boolean,
  ) {
    const M = inst.mentors.length;
    const N = inst.cases.length;
    let pairCount = 0;
    let pools = 0;
    const poolOf: Map<number, number>[] = [];
    for (let j = 0; j < N; j++) {
      const levels = new Map<number, number>();
      poolOf.push(levels);
      if (!active[j]) continue;
      for (const c of inst.candidates[j] as Candidate[]) {
        pairCount++;
        if (c.lead >= 0 && !levels.has(c.lead)) levels.set(c.lead, pools++);
      }
    }
    const mentorNode = (i: number) => 1 + i;
    const leadSlot = (j: number) => 1 + M + j;
    const memberSlot = (j: number) => 1 + M + N + j;
    const poolBase = 1 + M + 2 * N;
    const net = new FlowNetwork(poolBase + pools, M * 4 + pairCount + 4 * N + 2 * pools);
    this.net = net;
    this.emptyLead = new Int32Array(N).fill(-1);
    this.reached = new Uint8Array(M);
    const empty = priorities ? EMPTY_SEAT : 0;
    // Arcs out of the slots first (the sources), then out of the pools, then out of the mentors: a
    // topological order, which the flow's start prices rely on.
    for (let j = 0; j < N; j++) {
      if (!active[j]) continue;
      const size = inst.teamSize[j] as number;
      const list = inst.candidates[j] as Candidate[];
      for (const [lead, pool] of poolOf[j] as Map<number, number>) {
        const c = list.find((x) => x.lead === lead) as Candidate;
        this.poolArcs.push({ j, c, arc: net.addArc(leadSlot(j), poolBase + pool, 1, 0) });
        net.addArc(memberSlot(j), poolBase + pool, size - 1, 0);
      }
      for (const c of list)
        if (c.lead < 0)
          this.pairArcs.push({ j, c, arc: net.addArc(memberSlot(j), mentorNode(c.mentor), 1, 0) });
      this.emptyLead[j] = net.addArc(leadSlot(j), T, 1, empty);
      net.addArc(memberSlot(j), T, size - 1, empty);
      this.sources.push(leadSlot(j), memberSlot(j));
      this.supplies.push(1, size - 1);
    }
    for (let j = 0; j < N; j++) {
      if (!active[j]) continue;
      const levels = poolOf[j] as Map<number, number>;
      for (const c of inst.candidates[j] as Candidate[])
        if (c.lead >= 0)
          this.pairArcs.push({
            j,
            c,
            arc: net.addArc(poolBase + (levels.get(c.lead) as number), mentorNode(c.mentor), 1, 0),
          });
    }
    // Load arcs only for mentors some active case can reach: the others carry no flow, and their
    // arcs would only make every global price update cross them (10 000 mentors for 100 cases).
    const reached = this.reached;
    for (const a of this.pairArcs) reached[a.c.mentor] = 1;
    for (let i = 0; i < M; i++) {
      if (inst.mentorExclusion[i] !== undefined || reached[i] === 0) continue;
      const cap = inst.capacity[i] as number;
      for (let k = 1; k <= cap; k++)
        net.addArc(mentorNode(i), T, 1, loadCost(inst, i, k) - loadCost(inst, i, k - 1));
    }
  }

  /**
   * The best flow for these pair values: the (possibly partial) teams, the flow's cost (empty seats
   * not counted), and — without priorities — the least cost any flow could have, proven by the
   * prices (so −bound is an upper bound on the value, however the flow was rounded). A re-solve may
   * stop within `tolerance` of that bound.
   */
  solve(value: PairValue, tolerance = 0): FlowResult {
    const { inst, net } = this;
    for (const a of this.pairArcs) {
      const pin = this.priorities && a.c.pinned ? PIN_BONUS : 0;
      net.setCost(a.arc, -(value(a.j, a.c).member + pin));
    }
    for (const a of this.poolArcs) {
      const v = value(a.j, a.c);
      net.setCost(a.arc, -(v.lead - v.member));
    }
    let cost = this.solved ? net.reroute(tolerance) : net.route(this.sources, this.supplies, T);
    this.solved = true;
    const N = inst.cases.length;
    const teams = Array.from({ length: N }, () => ({ lead: -1, members: [] as number[] }));
    let emptySeats = 0;
    for (let j = 0; j < N; j++) if (this.active[j]) emptySeats += inst.teamSize[j] as number;
    for (const a of this.pairArcs) {
      if (net.flowOn(a.arc) <= 0) continue;
      (teams[a.j] as Team).members.push(a.c.mentor);
      emptySeats--;
    }
    // Where the lead slot was filled, the lead is the team's lead as a team is valued.
    teams.forEach((t, j) => {
      if (!this.active[j] || net.flowOn(this.emptyLead[j] as number) > 0) return;
      t.lead = leadOf(inst, j, t.members);
      t.members = t.members.filter((i) => i !== t.lead);
    });
    const empty = this.priorities ? EMPTY_SEAT : 0;
    cost -= empty * emptySeats;
    // A mentor's capacity price: what the flow's prices say one more seat of theirs is worth.
    const sink = net.potential(T);
    const prices = Float64Array.from(inst.mentors, (_, i) =>
      this.reached[i] === 1 ? Math.max(0, sink - net.potential(1 + i)) : 0,
    );
    return { teams, cost, bound: this.priorities ? Number.NEGATIVE_INFINITY : net.lowerBound, prices };
  }
}

const T = 0;

/** A solved staffing flow. */
export interface FlowResult {
  /** Per case, the (possibly partial) team. */
  readonly teams: Team[];
  /** The flow's cost (empty seats not counted). */
  readonly cost: number;
  /** Without priorities: the least cost any flow could have, proven by the prices. */
  readonly bound: number;
  /** Per mentor, the price of a seat (points ≥ 0): the flow's dual of their capacity. */
  readonly prices: Float64Array;
}

/** Seats the round's mentors offer: the new cases each can take, mentors a hard filter excludes not counted. */
export function seatsOffered(inst: Instance): number {
  let seats = 0;
  inst.capacity.forEach((k, i) => {
    if (inst.mentorExclusion[i] === undefined) seats += k;
  });
  return seats;
}

/** Whether case j could be staffed at all: enough candidates, one of them lead-qualified. */
export function staffable(inst: Instance, j: number): boolean {
  const list = inst.candidates[j] as Candidate[];
  return list.length >= (inst.teamSize[j] as number) && list.some((c) => c.lead >= 0);
}

/** Whether `t` is a whole team for case j: a lead and the team size's other members. */
export function isFullTeam(inst: Instance, t: Team, j: number): boolean {
  return t.lead >= 0 && t.members.length === (inst.teamSize[j] as number) - 1;
}

/**
 * Room for one more case beside a staffing: whether case g could get a whole team beside the whole
 * teams of the active cases — a maximum-flow test that ignores pair values: one augmenting path per
 * seat of g's team through the staffing network, each moving mentors between cases or between a
 * case's lead and member seats (a lead seat takes a lead-qualified mentor only) until it reaches a
 * mentor with a seat to spare. A staffing flow of those cases fills every seat only if this finds
 * room, and it costs a routing of the whole round where this costs a search of the network
 * (5000 × 2500: 0.4 s against ~10 ms; 10000 × 5000: ~2 s against ~40 ms). Built once per staffing;
 * each test leaves it as it was.
 */
export class Room {
  private readonly N: number;
  private readonly lead: Int32Array;
  private readonly members: number[][];
  private readonly load: Int32Array;
  private readonly casesOf: number[][];
  private readonly from: Int32Array;
  private readonly mentorOf: Int32Array;
  private readonly seen: Uint8Array;
  private readonly queue: Int32Array;

  constructor(
    private readonly inst: Instance,
    teams: readonly (Team | undefined)[],
    active: readonly boolean[],
  ) {
    const N = inst.cases.length;
    this.N = N;
    this.lead = new Int32Array(N).fill(-1);
    this.members = inst.cases.map(() => []);
    this.load = new Int32Array(inst.mentors.length);
    this.casesOf = inst.mentors.map(() => []);
    for (let j = 0; j < N; j++) {
      const t = teams[j];
      if (!active[j] || t === undefined || t.lead < 0) continue;
      this.lead[j] = t.lead;
      this.members[j] = [...t.members];
      for (const i of [t.lead, ...t.members]) {
        this.load[i] = (this.load[i] as number) + 1;
        (this.casesOf[i] as number[]).push(j);
      }
    }
    // Nodes: the lead seat (2j) and the member seats (2j + 1) of case j, then mentor i (2N + i).
    const nodes = 2 * N + inst.mentors.length;
    this.from = new Int32Array(nodes);
    this.mentorOf = new Int32Array(nodes);
    this.seen = new Uint8Array(nodes);
    this.queue = new Int32Array(nodes);
  }

  /** Per node, whether some path leads from it to a mentor with a seat to spare (computed once). */
  private reaching: Uint8Array | undefined;

  /**
   * Whether case g (not active) could have a first seat filled: some path from one of its seats
   * reaches a mentor with a seat to spare. Necessary for {@link Room.fits}, and one search of the
   * network backwards from those mentors answers it for every case at once.
   */
  mayFit(g: number): boolean {
    const { inst, lead, members, load } = this;
    const N = this.N;
    if (this.reaching === undefined) {
      // Backwards: into mentor i from a seat of a case i is a candidate of but not on (taking i);
      // into a seat from the mentors on it (leaving it) and from the case's other seat when one of
      // them may sit there (moving over).
      const reaching = new Uint8Array(2 * N + inst.mentors.length);
      const queue: number[] = [];
      const seatsOf: number[][] = inst.mentors.map(() => []);
      for (let j = 0; j < N; j++)
        for (const c of inst.candidates[j] as Candidate[]) {
          const onCase = lead[j] === c.mentor || (members[j] as number[]).includes(c.mentor);
          if (onCase) continue;
          if (c.lead >= 0) (seatsOf[c.mentor] as number[]).push(2 * j);
          (seatsOf[c.mentor] as number[]).push(2 * j + 1);
        }
      inst.mentors.forEach((_, i) => {
        if (inst.mentorExclusion[i] === undefined && (load[i] as number) < (inst.capacity[i] as number)) {
          reaching[2 * N + i] = 1;
          queue.push(2 * N + i);
        }
      });
      const qualified = (j: number, i: number) =>
        (inst.candidates[j] as Candidate[])[(inst.candidateIndex[j] as Map<number, number>).get(i) as number]
          ?.lead ?? -1;
      const reach = (u: number) => {
        if (reaching[u]) return;
        reaching[u] = 1;
        queue.push(u);
      };
      for (let head = 0; head < queue.length; head++) {
        const v = queue[head] as number;
        if (v >= 2 * N) {
          for (const u of seatsOf[v - 2 * N] as number[]) reach(u);
        } else {
          const j = v >> 1;
          const on = v & 1 ? (members[j] as number[]) : (lead[j] as number) >= 0 ? [lead[j] as number] : [];
          for (const i of on) {
            reach(2 * N + i);
            // Mentor i may move to the other seat: any mentor to the member seat, a qualified one to the lead seat.
            if (v & 1 ? qualified(j, i) >= 0 : true) reach(v ^ 1);
          }
        }
      }
      this.reaching = reaching;
    }
    const reaching = this.reaching;
    const size = inst.teamSize[g] as number;
    let leadSeat = false;
    let memberSeat = size <= 1;
    for (const c of inst.candidates[g] as Candidate[]) {
      if (!reaching[2 * N + c.mentor]) continue;
      if (c.lead >= 0) leadSeat = true;
      memberSeat = true;
    }
    return leadSeat && memberSeat;
  }

  /** Whether case g (not active) fits: room for every seat of its team. The staffing is left as it was. */
  fits(g: number): boolean {
    return this.extraSeats([g]) === (this.inst.teamSize[g] as number);
  }

  /**
   * How many more seats the cases `open` (not active) could fill together beside the staffing: a
   * maximum flow from all their seats at once (no more than that many, and no case whose team
   * has more seats, can be added). The staffing is left as it was.
   */
  extraSeats(open: readonly number[]): number {
    const undo: (() => void)[] = [];
    let seats = 0;
    while (this.augment(open, undo)) seats++;
    for (let x = undo.length - 1; x >= 0; x--) (undo[x] as () => void)();
    return seats;
  }

  /**
   * One augmenting path from an empty seat of one of the cases `open` to a mentor with a seat to
   * spare, applied (and how to take it back pushed on `undo`); false when there is none.
   */
  private augment(open: readonly number[], undo: (() => void)[]): boolean {
    const { inst, lead, members, load, casesOf, from, mentorOf, seen, queue } = this;
    const N = this.N;
    const holds = (slot: number, i: number) => {
      const j = slot >> 1;
      return slot & 1 ? (members[j] as number[]).includes(i) : lead[j] === i;
    };
    const leave = (slot: number, i: number) => {
      const j = slot >> 1;
      if (slot & 1) {
        const m = members[j] as number[];
        const at = m.indexOf(i);
        if (at >= 0) {
          m.splice(at, 1);
          undo.push(() => m.splice(at, 0, i));
        }
      } else if (lead[j] === i) {
        lead[j] = -1;
        undo.push(() => {
          lead[j] = i;
        });
      }
    };
    const take = (slot: number, i: number) => {
      const j = slot >> 1;
      if (slot & 1) {
        const m = members[j] as number[];
        m.push(i);
        undo.push(() => m.pop());
      } else {
        const before = lead[j] as number;
        lead[j] = i;
        undo.push(() => {
          lead[j] = before;
        });
      }
    };
    seen.fill(0);
    let head = 0;
    let tail = 0;
    // Paths start at the cases' seats still empty (a full one is an ordinary seat on a path).
    for (const g of open) {
      const size = inst.teamSize[g] as number;
      const starts = [
        (lead[g] as number) < 0 ? 2 * g : -1,
        (members[g] as number[]).length < size - 1 ? 2 * g + 1 : -1,
      ];
      for (const v of starts) {
        if (v < 0) continue;
        seen[v] = 1;
        from[v] = -1;
        queue[tail++] = v;
      }
    }
    let end = -1;
    while (head < tail && end < 0) {
      const v = queue[head++] as number;
      if (v < 2 * N) {
        // A seat of case j: take a candidate, or move one from the case's other seat.
        const j = v >> 1;
        for (const c of inst.candidates[j] as Candidate[]) {
          if ((v & 1) === 0 && c.lead < 0) continue;
          const i = c.mentor;
          if (holds(v, i)) continue;
          const next = holds(v ^ 1, i) ? v ^ 1 : 2 * N + i;
          if (seen[next]) continue;
          seen[next] = 1;
          from[next] = v;
          mentorOf[next] = i;
          if (
            next >= 2 * N &&
            inst.mentorExclusion[i] === undefined &&
            (load[i] as number) < (inst.capacity[i] as number)
          ) {
            end = next;
            break;
          }
          queue[tail++] = next;
        }
      } else {
        // Mentor i, full: one of their cases gives them up and looks for another.
        const i = v - 2 * N;
        for (const k of casesOf[i] as number[]) {
          const slot = lead[k] === i ? 2 * k : 2 * k + 1;
          if (seen[slot]) continue;
          seen[slot] = 1;
          from[slot] = v;
          mentorOf[slot] = i;
          queue[tail++] = slot;
        }
      }
    }
    if (end < 0) return false;
    // Apply the path, from its end back to its first seat (walking back, a seat takes its new
    // mentor before its old one leaves it: `leave` checks who holds it).
    const spare = end - 2 * N;
    load[spare] = (load[spare] as number) + 1;
    undo.push(() => {
      load[spare] = (load[spare] as number) - 1;
    });
    for (let v = end; (from[v] as number) >= 0; v = from[v] as number) {
      const u = from[v] as number;
      const i = mentorOf[v] as number;
      if (v >= 2 * N) {
        take(u, i);
        const list = casesOf[i] as number[];
        list.push(u >> 1);
        undo.push(() => list.pop());
      } else if (u >= 2 * N) {
        leave(v, i);
        const list = casesOf[i] as number[];
        const at = list.indexOf(v >> 1);
        list.splice(at, 1);
        undo.push(() => list.splice(at, 0, v >> 1));
      } else {
        leave(v, i);
        take(u, i);
      }
    }
    return true;
  }
}

/** The modular value of a pair: its score as a member, score plus lead fitness as lead. */
export const modularValue: PairValue = (_j, c) => ({ member: c.score, lead: c.score + c.lead });

/**
 * Staff as many cases as the network allows, exactly: a maximum flow of minimum cost, where a
 * case with a partial team is given up (its mentors freed) one at a time until every remaining
 * case has a full team with a qualified lead. Sparse candidate lists are widened first for cases
 * that could not be staffed from them.
 */
export function staffRound(inst: Instance): {
  assignment: Assignment;
  unstaffed: number[];
  /** The last flow's seat prices per mentor (a start for the bound's prices). */
  prices: Float64Array;
  /** The last flow's network when it staffs exactly the assignment's cases: re-solve it warm with other values. */
  network: StaffingFlow | undefined;
} {
  const N = inst.cases.length;
  const active = Array.from({ length: N }, () => true);
  const full = (t: Team, j: number) => isFullTeam(inst, t, j);
  let last: { network: StaffingFlow; active: boolean[] } | undefined;
  const run = () => {
    last = { network: new StaffingFlow(inst, active, true), active: [...active] };
    return last.network.solve(modularValue);
  };

  let result = run();
  /** Whether a flow gives every active case a full team. */
  const staffsAll = (r: FlowResult) => r.teams.every((t, k) => !active[k] || full(t, k));
  /** Take given-up case g back: kept (true) when the flow still gives every active case a full team. */
  const takeBack = (g: number): boolean => {
    active[g] = true;
    const attempt = run();
    if (staffsAll(attempt)) {
      result = attempt;
      return true;
    }
    active[g] = false;
    return false;
  };
  const short = () => result.teams.map((t, j) => (active[j] && !full(t, j) ? j : -1)).filter((j) => j >= 0);
  if (inst.sparse) {
    // Widen the lists of cases the flow could not staff from them: first 4×, then (for very few) all mentors.
    let todo = short();
    if (todo.length > 0) {
      for (const j of todo) inst.widen(j, WIDER);
      result = run();
      todo = short();
      if (todo.length > 0 && todo.length <= FULL_WIDEN) {
        for (const j of todo) inst.widen(j, inst.mentors.length);
        result = run();
      }
    }
  }
  const given: number[] = [];
  // A case with too few candidates, or none lead-qualified, cannot be staffed whatever the others get.
  let structural = false;
  for (let j = 0; j < N; j++) {
    if (!staffable(inst, j)) {
      active[j] = false;
      given.push(j);
      structural = true;
    }
  }
  if (structural) result = run();
  for (;;) {
    const partial = short().map((j) => {
      const t = result.teams[j] as Team;
      const filled = (t.lead >= 0 ? 1 : 0) + t.members.length;
      return { j, filled, empty: (inst.teamSize[j] as number) - filled };
    });
    if (partial.length === 0) break;
    // Give up the fewest partial cases whose seats could fill the others' empty ones: least filled
    // first, among equals the one accepted last. The flow then re-staffs what is left.
    partial.sort((a, b) => a.filled - b.filled || b.j - a.j);
    let freed = 0;
    let empty = partial.reduce((s, p) => s + p.empty, 0);
    for (const p of partial) {
      active[p.j] = false;
      given.push(p.j);
      freed += p.filled;
      empty -= p.empty;
      if (freed >= empty) break;
    }
    result = run();
  }
  // Seats the mentors can still give: a case needs as many free as its team has, or no flow can
  // staff it. The attempts below skip the flows that cannot succeed — by that count, and where a
  // few seats stay free but out of the case's reach, by the test for room (`Room`): on a round
  // short of seats that is nearly all of them.
  const offered = seatsOffered(inst);
  const free = () => {
    let seats = offered;
    for (let j = 0; j < N; j++) if (active[j]) seats -= inst.teamSize[j] as number;
    return seats;
  };
  // Giving up is greedy; take given-up cases back, earliest accepted first, while every active
  // case still gets a full team. The test for room screens them, so that only a case with room
  // costs a flow (at most RETRIES flows): while the given-up cases together have room for another
  // team (a maximum flow from all their seats at once), each is tested in turn.
  given.sort((a, b) => a - b);
  for (let flows = 0; flows < RETRIES; ) {
    const open = given.filter((g) => !active[g] && staffable(inst, g));
    if (open.length === 0) break;
    const smallest = Math.min(...open.map((g) => inst.teamSize[g] as number));
    if (free() < smallest) break;
    const room = new Room(inst, result.teams, active);
    if (room.extraSeats(open) < smallest) break;
    let added = false;
    for (const j of open) {
      if (flows >= RETRIES) break;
      if (free() < (inst.teamSize[j] as number) || !room.mayFit(j) || !room.fits(j)) continue;
      flows++;
      if (takeBack(j)) {
        added = true;
        break;
      }
    }
    if (!added) break;
  }
  // Then trade: give up one staffed case if that lets two or more given-up cases be staffed.
  let budget = inst.sparse ? 10 : 200;
  const readd = (): number => {
    let added = 0;
    let room = new Room(inst, result.teams, active);
    for (const g of given) {
      // A try that cannot succeed is still a try (the budget counts tries, so the tries are the
      // same as when each was a flow); only the flow is spared.
      if (active[g] || free() < (inst.teamSize[g] as number) || budget-- <= 0) continue;
      if (!room.fits(g) || !takeBack(g)) continue;
      added++;
      room = new Room(inst, result.teams, active);
    }
    return added;
  };
  for (let traded = true; traded && budget > 0; ) {
    traded = false;
    // Two cases taken back (the one given up may be one of them) must fit in the free seats and
    // those of the case given up for them.
    const sizes = given
      .filter((g) => !active[g])
      .map((g) => inst.teamSize[g] as number)
      .sort((a, b) => a - b)
      .slice(0, 2);
    const two = (x: number) => {
      const [a = Number.POSITIVE_INFINITY, b = Number.POSITIVE_INFINITY] = [...sizes, x].sort(
        (p, q) => p - q,
      );
      return a + b;
    };
    // The free seats before each try: a failed try restores the cases, a successful one ends the pass.
    const spare = free();
    for (let s = 0; s < N && budget > 0 && given.some((g) => !active[g]); s++) {
      const size = inst.teamSize[s] as number;
      if (!active[s] || spare + size < two(size)) continue;
      const saved = { active: [...active], result };
      active[s] = false;
      given.push(s);
      result = run();
      budget--;
      if (readd() >= 2) {
        traded = true;
        break;
      }
      active.splice(0, active.length, ...saved.active);
      given.pop();
      result = saved.result;
    }
  }
  // Small rounds (a regional meeting has a handful of new cases): prove the number staffed is the
  // maximum by trying every larger set of cases, and staff, among the sets of that size, the one
  // that serves the earliest accepted cases first (as the meeting's quota does).
  if (N <= EXACT_SELECTION && given.some((j) => !active[j])) {
    const possible = Array.from({ length: N }, (_, j) => staffable(inst, j));
    for (let size = active.filter(Boolean).length; size <= possible.filter(Boolean).length; size++) {
      let found: { active: boolean[]; result: typeof result } | undefined;
      const pick: number[] = [];
      const choose = (from: number): void => {
        if (found !== undefined) return;
        if (pick.length === size) {
          const trial = Array.from({ length: N }, (_, j) => pick.includes(j));
          const saved = [...active];
          active.splice(0, N, ...trial);
          const attempt = run();
          if (staffsAll(attempt)) found = { active: trial, result: attempt };
          active.splice(0, N, ...saved);
          return;
        }
        for (let j = from; j < N; j++) {
          if (!possible[j]) continue;
          pick.push(j);
          choose(j + 1);
          pick.pop();
        }
      };
      choose(0);
      if (found === undefined) break;
      const f: { active: boolean[]; result: typeof result } = found;
      active.splice(0, N, ...f.active);
      result = f.result;
      given.push(...Array.from({ length: N }, (_, j) => j).filter((j) => !active[j]));
    }
  }
  const stillGiven = [...new Set(given.filter((j) => !active[j]))];
  given.length = 0;
  given.push(...stillGiven);
  const assignment: Assignment = result.teams.map((t, j) =>
    active[j] && full(t, j) ? { lead: t.lead, members: [...t.members].sort((a, b) => a - b) } : undefined,
  );
  // The network last solved is the one behind `result` unless a trial after it was rejected.
  const network = last?.active.every((a, j) => a === (assignment[j] !== undefined))
    ? last.network
    : undefined;
  return { assignment, unstaffed: given.sort((a, b) => a - b), prices: result.prices, network };
}

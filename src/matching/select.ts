/**
 * The `count` best of `items`, best first, without sorting the rest: a bounded min-heap over one
 * pass. Scoring ranks thousands of mentors per case to keep a few dozen; `worse(a, b)` says that
 * `a` ranks below `b` and must be a strict total order (break ties by id or index) so the result
 * is deterministic.
 */
export function selectBest<T>(items: Iterable<T>, count: number, worse: (a: T, b: T) => boolean): T[] {
  const heap: T[] = [];
  if (count <= 0) return heap;
  const swap = (i: number, j: number) => {
    const x = heap[i] as T;
    heap[i] = heap[j] as T;
    heap[j] = x;
  };
  for (const x of items) {
    if (heap.length < count) {
      heap.push(x);
      for (let i = heap.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (!worse(heap[i] as T, heap[parent] as T)) break;
        swap(i, parent);
        i = parent;
      }
    } else if (worse(heap[0] as T, x)) {
      heap[0] = x;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        if (l >= heap.length) break;
        const r = l + 1;
        const c = r < heap.length && worse(heap[r] as T, heap[l] as T) ? r : l;
        if (!worse(heap[c] as T, heap[i] as T)) break;
        swap(i, c);
        i = c;
      }
    }
  }
  return heap.sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0));
}

/**
 * The `count` indices i with `marked[i]` and the highest `score[i]`, best first (ties: the lower
 * index first) — {@link selectBest} for scores in a typed array, where it is the hot loop of
 * building a large round: one pass over the array with a typed min-heap, no comparator calls.
 */
export function selectTopScores(score: Float64Array, marked: Uint8Array, count: number): number[] {
  if (count <= 0) return [];
  const heap = new Int32Array(count);
  let size = 0;
  /** Whether index a ranks below index b. */
  const worse = (a: number, b: number) =>
    (score[a] as number) < (score[b] as number) || (score[a] === score[b] && a > b);
  const siftDown = () => {
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      if (l >= size) break;
      const r = l + 1;
      const c = r < size && worse(heap[r] as number, heap[l] as number) ? r : l;
      if (!worse(heap[c] as number, heap[i] as number)) break;
      const x = heap[i] as number;
      heap[i] = heap[c] as number;
      heap[c] = x;
      i = c;
    }
  };
  let i = 0;
  for (; i < score.length && size < count; i++) {
    if (marked[i] === 0) continue;
    heap[size++] = i;
    for (let x = size - 1; x > 0; ) {
      const parent = (x - 1) >> 1;
      if (!worse(heap[x] as number, heap[parent] as number)) break;
      const y = heap[x] as number;
      heap[x] = heap[parent] as number;
      heap[parent] = y;
      x = parent;
    }
  }
  // The heap is full: an index rises through the pass, so only a higher score than the heap's
  // worst ranks above it (tested first: it rarely holds, and the branch then predicts well).
  let floor = size === 0 ? 0 : (score[heap[0] as number] as number);
  for (; i < score.length; i++) {
    if ((score[i] as number) > floor && marked[i] === 1) {
      heap[0] = i;
      siftDown();
      floor = score[heap[0] as number] as number;
    }
  }
  return Array.from(heap.subarray(0, size)).sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0));
}

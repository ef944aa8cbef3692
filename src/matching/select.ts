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

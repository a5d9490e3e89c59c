/** Anything the event queue can hold: it is due at tick `t`, and `seq` breaks ties first-in, first-out. */
export interface Due {
  t: number;
  seq: number;
}

/**
 * The one event queue of a run: a binary min-heap keyed by (time, sequence number).
 * Deliveries, timers and scheduled faults all wait here, so no wall clock and
 * no RxJS scheduler is ever involved in waiting.
 */
export class EventHeap<T extends Due> {
  private items: T[] = [];
  private nextSeq = 0;

  get size(): number {
    return this.items.length;
  }

  /** Empties the queue and restarts the sequence, keeping the array for the next run. */
  clear(): void {
    this.items.length = 0;
    this.nextSeq = 0;
  }

  /** Queues `item` at tick `t`, after everything already queued for `t`. */
  push(item: T, t: number): void {
    item.t = t;
    item.seq = this.nextSeq++;
    const items = this.items;
    let i = items.length;
    items.push(item);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(item, items[parent])) break;
      items[i] = items[parent];
      i = parent;
    }
    items[i] = item;
  }

  /** Visits every queued item, in no particular order. */
  forEach(visit: (item: T) => void): void {
    for (let i = 0; i < this.items.length; i++) visit(this.items[i]);
  }

  peek(): T | undefined {
    return this.items[0];
  }

  pop(): T | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last !== undefined) {
      let i = 0;
      const n = items.length;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const child = r < n && before(items[r], items[l]) ? r : l;
        if (!before(items[child], last)) break;
        items[i] = items[child];
        i = child;
      }
      items[i] = last;
    }
    return top;
  }
}

function before(a: Due, b: Due): boolean {
  return a.t < b.t || (a.t === b.t && a.seq < b.seq);
}

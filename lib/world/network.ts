import { Subject, type OperatorFunction, type Subscription } from 'rxjs';
import { cut as cutLink } from '../faults/cut';
import { delay, delayed as delayedExport } from '../faults/delay';
import { duplicate } from '../faults/duplicate';
import { Envelope as EnvelopeExport } from '../faults/envelope';
import { loss, lost as lostExport } from '../faults/loss';
import { partition as partitionLink } from '../faults/partition';
import { reorder } from '../faults/reorder';
import { slow as slowLink } from '../faults/slow';
import { Window } from '../faults/window';
import type { Message, NodeId } from '../protocols/role';
import type { Fault, NetworkOptions } from '../scenario/types';
import { LinkRandom } from '../faults/random';

// What every message uses, bound once: see the note in world.ts on tsx's getters.
const delayed = delayedExport;
const lost = lostExport;
const Envelope = EnvelopeExport;
type Envelope = EnvelopeExport;

/** A link's end as the network sees it: the node's id, and its number in the run. */
export interface LinkEnd {
  readonly id: NodeId;
  readonly index: number;
}

/**
 * The links of one run, wired as RxJS operators. Every message passes once through the send
 * pipeline (delay, loss, duplication, reordering, slow links, a learner's own operator), which
 * hands each envelope it emits to `onSent`, and once, on arrival, through the arrival pipeline
 * (cuts, partitions). Each Subject is subscribed once per world: RxJS at the boundaries, never a
 * subscription per message (docs/DESIGN.md, "Time").
 *
 * A network of delay and loss alone (the default, and every sweep over `network.loss`) skips
 * the send Subject: it calls `delayed` and `lost`, the functions inside those two operators'
 * `map`, in the order the pipeline would. Two synchronous `map`s are their projections
 * composed, so the envelope, its draws and their order are the same.
 *
 * The world may run again with another seed (`reset`): the pipelines stay subscribed, the
 * windows close, and each link's generator is reseeded on its first send of the new run.
 */
export class Network {
  /** Per fault index: the window a cut, partition or slow link is in force over; null for node faults. */
  readonly windows: (Window | null)[] = [];
  private readonly send$ = new Subject<Envelope>();
  private readonly arrival$ = new Subject<Envelope>();
  private readonly subscriptions: Subscription[] = [];
  /** Each link's generator, at `from.index * nodes + to.index`: no key built per message. */
  private readonly links: (LinkRandom | undefined)[] = [];
  /** The run in which each link's generator was last seeded. */
  private readonly seededIn: number[] = [];
  private run = 0;
  private readonly judgesArrival: boolean;
  private arrived: Envelope | null = null;
  /** Delay and loss only: `send` calls them itself (see above). */
  private readonly plain: boolean;
  private readonly min: number;
  private readonly max: number;
  private readonly loss: number;
  /** Per fault index, where its window opens before any trigger fires (0 for a slow link with no `when`). */
  private readonly opensFirst: number[] = [];
  private readonly custom: boolean;

  constructor(
    network: NetworkOptions,
    faults: readonly Fault[],
    private seed: number,
    custom: OperatorFunction<Envelope, Envelope> | undefined,
    onSent: (e: Envelope) => void,
    private readonly nodes: number,
  ) {
    const [min, max] = typeof network.delay === 'number' ? [network.delay, network.delay] : (network.delay ?? [1, 1]);
    this.min = min;
    this.max = max;
    this.loss = network.loss ?? 0;
    const onSend: OperatorFunction<Envelope, Envelope>[] = [delay(min, max)];
    if (network.loss) onSend.push(loss(network.loss));
    if (network.duplicate) onSend.push(duplicate(network.duplicate));
    if (network.reorder) onSend.push(reorder(network.reorder, Math.max(2, 2 * max)));
    const onArrival: OperatorFunction<Envelope, Envelope>[] = [];
    faults.forEach((f, i) => {
      if (f.kind === 'cut' || f.kind === 'partition' || f.kind === 'slow') {
        const w = f.kind === 'slow' && f.when === undefined ? Window.always() : new Window();
        this.windows[i] = w;
        this.opensFirst[i] = w.opensAt;
        if (f.kind === 'slow') onSend.push(slowLink(f.from, f.to, f.extraTicks, w));
        else if (f.kind === 'cut') onArrival.push(cutLink(f.from, f.to, w));
        else onArrival.push(partitionLink(f.groups, w));
      } else {
        this.windows[i] = null;
      }
    });
    this.custom = custom !== undefined;
    if (custom) onSend.push(custom);
    this.plain = onSend.length === (network.loss ? 2 : 1);
    if (!this.plain) this.subscriptions.push(compose(this.send$, onSend).subscribe(onSent));
    // With no cut or partition, arrival has nothing to judge: skip its Subject altogether.
    this.judgesArrival = onArrival.length > 0;
    if (this.judgesArrival) this.subscriptions.push(compose(this.arrival$, onArrival).subscribe((e) => (this.arrived = e)));
  }

  /**
   * Puts a message on the link from `from` to `to`, with that link's own seeded generator. The
   * send pipeline hands what it emits to `onSent` and this returns null; a network of delay and
   * loss alone returns the one envelope instead, for the caller to schedule as `onSent` would.
   */
  send(id: number, from: LinkEnd, to: LinkEnd, message: Message, now: number): Envelope | null {
    const e = new Envelope(id, from.id, to.id, message, now, now, null, false, this.linkRandom(from, to));
    if (!this.plain) {
      this.send$.next(e);
      return null;
    }
    delayed(e, this.min, this.max);
    if (this.loss) lost(e, this.loss);
    return e;
  }

  /**
   * Judges an envelope as it arrives: the envelope as the arrival pipeline left it (its
   * `dropped` set if a cut or partition took it), or null if a learner's operator swallowed it.
   */
  arrive(e: Envelope): Envelope | null {
    if (!this.judgesArrival) return e;
    this.arrived = null;
    this.arrival$.next(e);
    return this.arrived;
  }

  /** Readies the links for another run with `seed`: windows closed, generators to be reseeded. */
  reset(seed: number): void {
    this.seed = seed;
    this.run++;
    for (let i = 0; i < this.windows.length; i++) {
      const w = this.windows[i];
      if (w === null) continue;
      w.opensAt = this.opensFirst[i];
      w.closesAt = Infinity;
    }
  }

  /**
   * Ends the run's pipelines when they hold a learner's operator, which may have something to
   * release (a `finalize`, say). The kit's own operators hold nothing, so a network without one
   * stays subscribed and a world reset for the next seed runs on it again.
   */
  close(): void {
    if (!this.custom) return;
    for (const s of this.subscriptions) s.unsubscribe();
  }

  private linkRandom(from: LinkEnd, to: LinkEnd): LinkRandom {
    const k = from.index * this.nodes + to.index;
    const r = this.links[k];
    // The common case alone, small enough for V8 to inline into the world's step.
    if (r !== undefined && this.seededIn[k] === this.run) return r;
    return this.seededLink(from, to, k, r);
  }

  /** The link's generator, built or reseeded for this run. */
  private seededLink(from: LinkEnd, to: LinkEnd, k: number, r: LinkRandom | undefined): LinkRandom {
    this.seededIn[k] = this.run;
    if (r === undefined) return (this.links[k] = new LinkRandom(this.seed, from.id, to.id));
    r.reseed(this.seed);
    return r;
  }
}

function compose(source: Subject<Envelope>, operators: OperatorFunction<Envelope, Envelope>[]) {
  return operators.reduce((o, op) => o.pipe(op), source.asObservable());
}

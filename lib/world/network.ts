import { Subject, type OperatorFunction, type Subscription } from 'rxjs';
import { cut as cutLink } from '../faults/cut';
import { delay } from '../faults/delay';
import { duplicate } from '../faults/duplicate';
import { Envelope } from '../faults/envelope';
import { loss } from '../faults/loss';
import { partition as partitionLink } from '../faults/partition';
import { reorder } from '../faults/reorder';
import { slow as slowLink } from '../faults/slow';
import { Window } from '../faults/window';
import type { Message, NodeId } from '../protocols/role';
import type { Fault, NetworkOptions } from '../scenario/types';
import { LinkRandom } from '../faults/random';

/**
 * The links of one run, wired as RxJS operators. Every message passes once through the send
 * pipeline (delay, loss, duplication, reordering, slow links, a learner's own operator), which
 * hands each envelope it emits to `onSent`, and once, on arrival, through the arrival pipeline
 * (cuts, partitions). Each Subject is subscribed once per run: RxJS at the boundaries, never a
 * subscription per message (docs/DESIGN.md, "Time").
 */
export class Network {
  /** Per fault index: the window a cut, partition or slow link is in force over; null for node faults. */
  readonly windows: (Window | null)[] = [];
  private readonly send$ = new Subject<Envelope>();
  private readonly arrival$ = new Subject<Envelope>();
  private readonly subscriptions: Subscription[] = [];
  /** Each link's generator, by sender then receiver: two lookups and no string built per message. */
  private readonly links = new Map<NodeId, Map<NodeId, LinkRandom>>();
  private readonly judgesArrival: boolean;
  private arrived: Envelope | null = null;

  constructor(
    network: NetworkOptions,
    faults: readonly Fault[],
    private readonly seed: number,
    custom: OperatorFunction<Envelope, Envelope> | undefined,
    onSent: (e: Envelope) => void,
  ) {
    const [min, max] = typeof network.delay === 'number' ? [network.delay, network.delay] : network.delay ?? [1, 1];
    const onSend: OperatorFunction<Envelope, Envelope>[] = [delay(min, max)];
    if (network.loss) onSend.push(loss(network.loss));
    if (network.duplicate) onSend.push(duplicate(network.duplicate));
    if (network.reorder) onSend.push(reorder(network.reorder, Math.max(2, 2 * max)));
    const onArrival: OperatorFunction<Envelope, Envelope>[] = [];
    faults.forEach((f, i) => {
      if (f.kind === 'cut' || f.kind === 'partition' || f.kind === 'slow') {
        const w = f.kind === 'slow' && f.when === undefined ? Window.always() : new Window();
        this.windows[i] = w;
        if (f.kind === 'slow') onSend.push(slowLink(f.from, f.to, f.extraTicks, w));
        else if (f.kind === 'cut') onArrival.push(cutLink(f.from, f.to, w));
        else onArrival.push(partitionLink(f.groups, w));
      } else {
        this.windows[i] = null;
      }
    });
    if (custom) onSend.push(custom);
    this.subscriptions.push(compose(this.send$, onSend).subscribe(onSent));
    // With no cut or partition, arrival has nothing to judge: skip its Subject altogether.
    this.judgesArrival = onArrival.length > 0;
    if (this.judgesArrival) this.subscriptions.push(compose(this.arrival$, onArrival).subscribe((e) => (this.arrived = e)));
  }

  /** Puts a message on the link from `from` to `to`, with that link's own seeded generator. */
  send(id: number, from: NodeId, to: NodeId, message: Message, now: number): void {
    this.send$.next(new Envelope(id, from, to, message, now, now, null, false, this.linkRandom(from, to)));
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

  close(): void {
    for (const s of this.subscriptions) s.unsubscribe();
  }

  private linkRandom(from: NodeId, to: NodeId): LinkRandom {
    let byReceiver = this.links.get(from);
    if (byReceiver === undefined) this.links.set(from, (byReceiver = new Map()));
    let r = byReceiver.get(to);
    if (r === undefined) byReceiver.set(to, (r = new LinkRandom(this.seed, from, to)));
    return r;
  }
}

function compose(source: Subject<Envelope>, operators: OperatorFunction<Envelope, Envelope>[]) {
  return operators.reduce((o, op) => o.pipe(op), source.asObservable());
}

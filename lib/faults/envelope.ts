import type { Message, NodeId } from '../protocols/role';
import type { LinkRandom } from './random';

/**
 * A message on its way from one node to another. Link faults see envelopes:
 * they stamp a later `deliverAt`, mark them dropped, or emit a copy.
 * The world owns them; an operator may change `deliverAt` and `dropped` only.
 */
export class Envelope {
  constructor(
    /** The send's number in the run; a duplicate shares it with the original. */
    readonly id: number,
    readonly from: NodeId,
    readonly to: NodeId,
    readonly message: Message,
    readonly sentAt: number,
    /** When it arrives; faults push it later. */
    public deliverAt: number,
    /** Why it will never arrive (`loss`, `cut`, ...), or null. */
    public dropped: string | null,
    /** True for the extra copy a duplicating link made. */
    readonly copy: boolean,
    /** The link's own seeded random source: draw from it, never from `Math.random`. */
    readonly random: LinkRandom,
  ) {}
}

/** Marks `envelope` as never to arrive, saying why; returns it, for use inside `map`. */
export function drop(envelope: Envelope, reason: string): Envelope {
  if (envelope.dropped === null) envelope.dropped = reason;
  return envelope;
}

/** A second copy of `envelope`, arriving at `deliverAt`. */
export function copyOf(envelope: Envelope, deliverAt: number): Envelope {
  const { id, from, to, message, sentAt, dropped, random } = envelope;
  return new Envelope(id, from, to, message, sentAt, deliverAt, dropped, true, random);
}

import { setTimer, type Input, type NodeContext, type NodeId, type Output, type Role, type Step } from '../role';
import type { Acceptor } from './acceptor';
import type { PaxosCommitMessage, PaxosCommitRecord } from './messages';

/**
 * One machine running a leader or voter role and an acceptor side by side (the paper's
 * co-location, `flow.colocate`): one state, one log, one crash for both. Messages of
 * types `phase1a` and `phase2a` are the acceptor's; everything else is the other role's.
 * A message one of them sends to this machine is not a network message, which is what the
 * paper's count discounts: it waits in `inbox` and is handed over at the same tick, in a
 * step of its own (a timer of 0 ticks), so that what the first half wrote and sent in its
 * step does not wait for what the second half writes.
 */
export class Hosted<S> {
  constructor(
    readonly role: S,
    readonly acceptor: Acceptor,
    readonly inbox: readonly PaxosCommitMessage[],
  ) {}
}

const forAcceptor = (m: PaxosCommitMessage) => m.type === 'phase1a' || m.type === 'phase2a';

/** The acceptor's timers, as `acceptor.ts` names them. */
const ACCEPTOR_TIMERS = new Set(['bundle']);
/** The timer that hands the inbox over. */
const LOCAL = 'local';
const empty: readonly PaxosCommitMessage[] = Object.freeze([]);

/** The role of machine `self`, which runs `main` and an acceptor. */
export function hosting<S>(
  self: NodeId,
  main: Role<S, PaxosCommitMessage, PaxosCommitRecord>,
  acc: Role<Acceptor, PaxosCommitMessage, PaxosCommitRecord>,
): Role<Hosted<S>, PaxosCommitMessage, PaxosCommitRecord> {
  return {
    init: (ctx: NodeContext) => new Hosted(main.init(ctx), acc.init(ctx), empty),
    stateName: (s) => main.stateName(s.role),
    step(s, input: Input<PaxosCommitMessage, PaxosCommitRecord>): Step<Hosted<S>, PaxosCommitMessage, PaxosCommitRecord> {
      switch (input.kind) {
        case 'start':
        case 'recover': {
          const [a, aOut] = acc.step(s.acceptor, input);
          const [r, rOut] = main.step(s.role, input);
          return keepLocal(new Hosted(r, a, empty), [...aOut, ...rOut]);
        }
        case 'timeout':
          if (input.timer === LOCAL) return handOver(s);
          if (ACCEPTOR_TIMERS.has(input.timer)) {
            const [a, out] = acc.step(s.acceptor, input);
            return keepLocal(new Hosted(s.role, a, s.inbox), out);
          }
          return keepLocal(...only(main.step(s.role, input), s));
        case 'receive':
          return keepLocal(...deliver(s, input.from, input.message));
      }
    },
  };

  function only(
    step: Step<S, PaxosCommitMessage, PaxosCommitRecord>,
    s: Hosted<S>,
  ): [Hosted<S>, readonly Output<PaxosCommitMessage, PaxosCommitRecord>[]] {
    return [new Hosted(step[0], s.acceptor, s.inbox), step[1]];
  }

  function deliver(
    s: Hosted<S>,
    from: NodeId,
    m: PaxosCommitMessage,
  ): [Hosted<S>, readonly Output<PaxosCommitMessage, PaxosCommitRecord>[]] {
    if (forAcceptor(m)) {
      const [a, out] = acc.step(s.acceptor, { kind: 'receive', from, message: m });
      return [new Hosted(s.role, a, s.inbox), out];
    }
    return only(main.step(s.role, { kind: 'receive', from, message: m }), s);
  }

  /** Every send addressed to this machine goes to the inbox instead of the network; the rest stays in order. */
  function keepLocal(
    s: Hosted<S>,
    outputs: readonly Output<PaxosCommitMessage, PaxosCommitRecord>[],
  ): Step<Hosted<S>, PaxosCommitMessage, PaxosCommitRecord> {
    let local: PaxosCommitMessage[] | null = null;
    const out: Output<PaxosCommitMessage, PaxosCommitRecord>[] = [];
    for (const o of outputs) {
      if (o.kind === 'send' && o.to === self) (local ??= []).push(o.message);
      else out.push(o);
    }
    if (local === null) return [s, outputs];
    if (s.inbox.length === 0) out.push(setTimer(LOCAL, 0));
    return [new Hosted(s.role, s.acceptor, [...s.inbox, ...local]), out];
  }

  /** Hand the inbox to the halves, oldest first, in one step. */
  function handOver(s: Hosted<S>): Step<Hosted<S>, PaxosCommitMessage, PaxosCommitRecord> {
    let state = new Hosted(s.role, s.acceptor, empty);
    const out: Output<PaxosCommitMessage, PaxosCommitRecord>[] = [];
    for (const m of s.inbox) {
      const [next, more] = deliver(state, self, m);
      state = next;
      out.push(...more);
    }
    return keepLocal(state, out);
  }
}

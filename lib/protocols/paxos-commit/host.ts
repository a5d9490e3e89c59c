import type { Input, Message, NodeContext, NodeId, Output, Role, Step } from '../role';
import type { Acceptor } from './acceptor';

/**
 * One machine running a leader or voter role and an acceptor side by side (the paper's
 * co-location, `flow.colocate`): one state, one log, one crash for both. Messages of
 * types `phase1a` and `phase2a` are the acceptor's; everything else is the other role's.
 * A message one of them sends to this machine is handed to the other on the spot, in the
 * same step: it is not a message on the network, which is what the paper's count discounts.
 */
export class Hosted<S> {
  constructor(readonly role: S, readonly acceptor: Acceptor) {}
}

const forAcceptor = (m: Message) => m.type === 'phase1a' || m.type === 'phase2a';

/** The acceptor's timers, as `acceptor.ts` names them. */
const ACCEPTOR_TIMERS = new Set(['bundle']);

/** The role of machine `self`, which runs `main` and an acceptor. */
export function hosting<S>(self: NodeId, main: Role<S>, acc: Role<Acceptor>): Role<Hosted<S>> {
  return {
    init: (ctx: NodeContext) => new Hosted(main.init(ctx), acc.init(ctx)),
    stateName: (s) => main.stateName(s.role),
    step(s, input: Input): Step<Hosted<S>> {
      switch (input.kind) {
        case 'start':
        case 'recover': {
          const [a, aOut] = acc.step(s.acceptor, input);
          const [r, rOut] = main.step(s.role, input);
          return settle(new Hosted(r, a), [...aOut, ...rOut]);
        }
        case 'timeout':
          if (ACCEPTOR_TIMERS.has(input.timer)) {
            const [a, out] = acc.step(s.acceptor, input);
            return settle(new Hosted(s.role, a), out);
          }
          return settle(...only(main.step(s.role, input), s.acceptor));
        case 'receive':
          return settle(...deliver(s, input.from, input.message));
      }
    },
  };

  function only(step: Step<S>, a: Acceptor): [Hosted<S>, readonly Output[]] {
    return [new Hosted(step[0], a), step[1]];
  }

  function deliver(s: Hosted<S>, from: NodeId, m: Message): [Hosted<S>, readonly Output[]] {
    if (forAcceptor(m)) {
      const [a, out] = acc.step(s.acceptor, { kind: 'receive', from, message: m });
      return [new Hosted(s.role, a), out];
    }
    return only(main.step(s.role, { kind: 'receive', from, message: m }), s.acceptor);
  }

  /** Hand every send addressed to this machine to its other half, until none is left; keep the rest in order. */
  function settle(s: Hosted<S>, outputs: readonly Output[]): Step<Hosted<S>> {
    let state = s;
    const out: Output[] = [];
    const queue: Output[] = [...outputs];
    for (let guard = 0; queue.length > 0; guard++) {
      if (guard > 10_000) throw new Error(`${self}: co-located roles keep messaging each other`);
      const o = queue.shift()!;
      if (o.kind !== 'send' || o.to !== self) {
        out.push(o);
        continue;
      }
      const [next, more] = deliver(state, self, o.message);
      state = next;
      queue.unshift(...more);
    }
    return [state, out];
  }
}

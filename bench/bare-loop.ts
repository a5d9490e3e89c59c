// A bare heap loop over the same pure role functions the world runs: no RxJS, no
// trace, no triggers, no validation. It is the floor `simulate` is measured against,
// and it must reach the same verdicts, or the comparison would be meaningless.
import { verdictOf, type Verdict } from '../lib/checkers';
import { protocolDefinition, type ProtocolSpec } from '../lib/protocols/protocol';
import type { Decision, Input, Output, Role } from '../lib/protocols/role';
import { EventHeap } from '../lib/world/heap';
import { LinkRandom } from '../lib/faults/random';

class Ev {
  t = 0;
  seq = 0;
  constructor(
    readonly kind: 0 | 1 | 2,
    readonly node: number,
    readonly from: number,
    readonly input: Input | null,
    readonly timer: string,
    readonly gen: number,
  ) {}
}

export function bareRun(
  spec: ProtocolSpec,
  voters: number,
  loss: number,
  seed: number,
  horizon = 1000,
  delay: readonly [number, number] = [1, 1],
): Verdict {
  const definition = protocolDefinition(spec.name)!;
  const ids = ['coordinator'];
  for (let i = 1; i <= voters; i++) ids.push(`v${i}`);
  const voterIds = ids.slice(1);
  const index = new Map(ids.map((id, i) => [id, i]));
  const roles: Role[] = ids.map((id, i) => definition.role(spec, id, i === 0 ? 'coordinator' : 'voter'));
  const states: unknown[] = ids.map((id, i) =>
    roles[i].init({ id, coordinator: 'coordinator', voters: voterIds, others: [], vote: 'yes' }),
  );
  const decisions: (Decision | null)[] = ids.map(() => null);
  const timers: Record<string, number>[] = ids.map(() => Object.create(null));
  const links = new Map<string, LinkRandom>();
  const heap = new EventHeap<Ev>();
  let everCommitted = false;
  let everAborted = false;

  const apply = (n: number, outputs: readonly Output[]) => {
    for (const o of outputs) {
      if (o.kind === 'setTimer') {
        const gen = (timers[n][o.timer] ?? 0) + 1;
        timers[n][o.timer] = gen;
        heap.push(new Ev(2, n, -1, { kind: 'timeout', timer: o.timer }, o.timer, gen), now + o.after);
      } else if (o.kind === 'cancelTimer') {
        if (timers[n][o.timer] !== undefined) timers[n][o.timer] = -1;
      } else if (o.kind === 'decide') {
        decisions[n] = o.decision;
        if (o.decision === 'commit') everCommitted = true;
        else everAborted = true;
      }
    }
    for (const o of outputs) {
      if (o.kind !== 'send') continue;
      const key = `${ids[n]}>${o.to}`;
      let random = links.get(key);
      if (random === undefined) links.set(key, (random = new LinkRandom(seed, ids[n], o.to)));
      // The world's order of draws: the delay, then loss (lib/world/world.ts, the link pipeline).
      const at = now + random.int(delay[0], delay[1]);
      if (random.chance(loss)) continue;
      heap.push(new Ev(1, index.get(o.to)!, n, { kind: 'receive', from: ids[n], message: o.message }, '', 0), at);
    }
  };

  let now = 0;
  for (let i = 0; i < ids.length; i++) heap.push(new Ev(0, i, -1, { kind: 'start' }, '', 0), 0);
  for (;;) {
    const e = heap.peek();
    if (e === undefined || e.t > horizon) break;
    heap.pop();
    now = e.t;
    if (e.kind === 2) {
      if (timers[e.node][e.timer] !== e.gen) continue;
      delete timers[e.node][e.timer];
    }
    const [next, outputs] = roles[e.node].step(states[e.node], e.input!);
    states[e.node] = next;
    apply(e.node, outputs);
  }
  const up: Record<string, boolean> = {};
  const decided: Record<string, Decision | null> = {};
  ids.forEach((id, i) => {
    up[id] = true;
    decided[id] = decisions[i];
  });
  return verdictOf({ voters: voterIds, up, decisions: decided, everCommitted, everAborted });
}

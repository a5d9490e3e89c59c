import type { Fault, Trigger } from '../scenario/types';

/**
 * A fault in words, for tables and the rows of `matrix`.
 * @example describeFault(crash('coordinator', afterSend('coordinator', 'commit', { to: 'v1' })))
 * // 'crash coordinator after its 1st commit to v1'
 */
export function describeFault(f: Fault): string {
  switch (f.kind) {
    case 'crash':
      return `crash ${f.node} ${describeTrigger(f.when, f.node)}`;
    case 'recover':
      return `recover ${f.node} ${describeTrigger(f.when, f.node)}`;
    case 'pause':
      return `pause ${f.node} for ${f.ticks} ticks ${describeTrigger(f.when, f.node)}`;
    case 'cut':
      return `cut ${f.from} -> ${f.to} ${describeTrigger(f.when)}${f.until ? `, healed ${describeTrigger(f.until)}` : ''}`;
    case 'partition':
      return `partition ${f.groups.map((g) => g.join(',')).join(' | ')} | rest ${describeTrigger(f.when)}${f.until ? `, healed ${describeTrigger(f.until)}` : ''}`;
    case 'slow':
      return `slow ${f.from} -> ${f.to} by ${f.extraTicks} ticks${f.when ? ` ${describeTrigger(f.when)}` : ''}`;
    case 'drift':
      return `${f.node}'s clock at ${f.rate}x${f.when ? ` ${describeTrigger(f.when, f.node)}` : ''}`;
  }
}

/** `after coordinator's 2nd vote from v3`; "its" when the trigger is the faulty node's own event. */
export function describeTrigger(t: Trigger, self?: string): string {
  if (t.kind === 'at') return `at t=${t.t}`;
  const whose = t.node === self ? 'its' : `${t.node}'s`;
  const n = ordinal(t.nth ?? 1);
  switch (t.kind) {
    case 'afterSend':
      return `after ${whose} ${n} ${t.type}${t.to ? ` to ${t.to}` : ''}`;
    case 'afterReceive':
      return `after ${whose} ${n} ${t.type} received${t.from ? ` from ${t.from}` : ''}`;
    case 'onEnter':
      return `on ${whose} ${n} entry into ${t.state}`;
  }
}

function ordinal(n: number): string {
  const tail = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${n}${tail}`;
}

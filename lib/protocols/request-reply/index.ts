import { defineProtocol, type ProtocolSpec } from '../protocol';
import { decide, nothing, send as anySend, setTimer, type Role, type Send, type Step } from '../role';

/**
 * One request and its reply (DDIA ch. 8, "Unreliable Networks"): the coordinator
 * asks `v1` to do a piece of work and waits `timeout` ticks for the reply.
 *
 * The remote decides `commit` when it does the work; the sender decides `commit`
 * when the reply arrives, or `abort` when it gives up. So a run's decisions say
 * what really happened on each side, while the sender only ever sees its timeout.
 */
export interface RequestReplySpec extends ProtocolSpec {
  readonly name: 'requestReply';
  readonly timeout: number;
}

/**
 * @example simulate({ protocol: requestReply(), voters: 1, faults: [cut('coordinator', 'v1', at(0))] })
 */
export function requestReply(options: { readonly timeout?: number } = {}): RequestReplySpec {
  return Object.freeze({ ...options, name: 'requestReply', timeout: options.timeout ?? 10 });
}

/** Its two messages: a request, and the reply to it (DDIA ch. 8, "Unreliable Networks"). */
export type RequestReplyMessage = { readonly type: 'request' } | { readonly type: 'reply' };

const send: Send<RequestReplyMessage> = anySend;

type SenderState = 'init' | 'waiting' | 'replied' | 'timedOut';
type RemoteState = 'init' | 'done';

function sender(timeout: number): Role<SenderState, RequestReplyMessage> {
  return {
    init: () => 'init',
    stateName: (s) => s,
    step(s, input): Step<SenderState, RequestReplyMessage> {
      switch (input.kind) {
        case 'start':
          return ['waiting', [setTimer('reply', timeout), send('v1', { type: 'request' })]];
        case 'receive':
          return input.message.type === 'reply' && s === 'waiting' ? ['replied', [decide('commit')]] : [s, nothing];
        case 'timeout':
          // All it knows is that nothing came back in time.
          return s === 'waiting' ? ['timedOut', [decide('abort')]] : [s, nothing];
        case 'recover':
          return [s, nothing];
      }
    },
  };
}

const remote: Role<RemoteState, RequestReplyMessage> = {
  init: () => 'init',
  stateName: (s) => s,
  step(s, input): Step<RemoteState, RequestReplyMessage> {
    if (input.kind === 'receive' && input.message.type === 'request') {
      return ['done', s === 'done' ? [send(input.from, { type: 'reply' })] : [decide('commit'), send(input.from, { type: 'reply' })]];
    }
    return [s, nothing];
  },
};

defineProtocol({
  name: 'requestReply',
  options: { timeout: { integer: { min: 1, max: 1_000_000 } } },
  messages: ['request', 'reply'],
  states: ['init', 'waiting', 'replied', 'timedOut', 'done'],
  role: (spec: RequestReplySpec, _node, kind) => (kind === 'coordinator' ? sender(spec.timeout) : remote),
});

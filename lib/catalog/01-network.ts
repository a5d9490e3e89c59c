import { at, crash, cut, pause, slow } from '../scenario/builders';
import { requestReply } from '../protocols/request-reply/index';
import type { CatalogEntry } from './entry';

const protocol = requestReply({ timeout: 10 });
const sawTimeout = 'The sender sets a 10-tick timer, hears nothing back, and times out: ';

/**
 * DDIA ch. 8's six ways a request can go unanswered, as the section "Unreliable Networks"
 * lists them in its text, in that order. Fig. 8-1 draws only three of them: (a) the
 * request lost, (b) the remote node down, (c) the response lost; the queued request, the
 * paused remote and the delayed reply are in the text alone. From the sender's side all
 * six look the same (a timeout); the decisions show what really happened at the remote.
 */
export const networkCases: readonly CatalogEntry[] = [
  {
    id: 'net/request-lost',
    title: 'The request is lost',
    source: 'DDIA ch. 8, "Unreliable Networks", case 1; drawn in fig. 8-1 (a)',
    scenario: { protocol, voters: 1, faults: [cut('coordinator', 'v1', at(0))] },
    expected: 'blocked',
    decisions: { coordinator: 'abort', v1: null },
    why: `${sawTimeout}the request never arrived, so the remote never did the work.`,
  },
  {
    id: 'net/request-queued',
    title: 'The request waits in a queue',
    source: 'DDIA ch. 8, "Unreliable Networks", case 2 (not drawn in fig. 8-1)',
    scenario: { protocol, voters: 1, faults: [slow('coordinator', 'v1', 30)] },
    expected: 'inconsistent',
    decisions: { coordinator: 'abort', v1: 'commit' },
    why: `${sawTimeout}yet the request was only late. The remote does the work at t=31, long after the sender gave up on it.`,
  },
  {
    id: 'net/remote-crashed',
    title: 'The remote node has crashed',
    source: 'DDIA ch. 8, "Unreliable Networks", case 3; drawn in fig. 8-1 (b)',
    scenario: { protocol, voters: 1, faults: [crash('v1', at(0))] },
    expected: 'blocked',
    decisions: { coordinator: 'abort', v1: null },
    why: `${sawTimeout}the remote is down, the request is dropped on arrival, and nothing was done.`,
  },
  {
    id: 'net/remote-paused',
    title: 'The remote node is paused',
    source: 'DDIA ch. 8, "Unreliable Networks", case 4, and "Process Pauses" (not drawn in fig. 8-1)',
    scenario: { protocol, voters: 1, faults: [pause('v1', at(1), 30)] },
    expected: 'inconsistent',
    decisions: { coordinator: 'abort', v1: 'commit' },
    why: `${sawTimeout}the remote was alive all along, stopped (a long garbage collection) with the request waiting for it. At t=31 it resumes, does the work and replies to a sender that no longer listens.`,
  },
  {
    id: 'net/reply-lost',
    title: 'The reply is lost',
    source: 'DDIA ch. 8, "Unreliable Networks", case 5; drawn in fig. 8-1 (c)',
    scenario: { protocol, voters: 1, faults: [cut('v1', 'coordinator', at(0))] },
    expected: 'inconsistent',
    decisions: { coordinator: 'abort', v1: 'commit' },
    why: `${sawTimeout}the remote did the work at t=1; only its answer was lost.`,
  },
  {
    id: 'net/reply-delayed',
    title: 'The reply is delayed',
    source: 'DDIA ch. 8, "Unreliable Networks", case 6 (not drawn in fig. 8-1)',
    scenario: { protocol, voters: 1, faults: [slow('v1', 'coordinator', 30)] },
    expected: 'inconsistent',
    decisions: { coordinator: 'abort', v1: 'commit' },
    why: `${sawTimeout}the work was done at t=1 and the reply arrives at t=32, too late to matter.`,
  },
];

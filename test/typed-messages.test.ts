// Typed messages and log records (docs/DESIGN.md, "The role contract"; lib/protocols/README.md):
// each protocol declares the union of its messages and the union of its log records, its roles
// are `Role<S, M, R>` over them, and it sends with a `send` and logs with a `logWrite` that take
// only those unions. Two halves. The type half is checked by `tsc` (`npx tsc --noEmit -p .`
// compiles this file): every `@ts-expect-error` below marks a message or record that must not
// compile, and tsc fails if one does. The run half checks that the unions tell the truth: every
// message the roles send, and every record they log, in the course's runs has exactly the fields
// its type declares, and the types a protocol registers for triggers are the types of its union.
import { describe, expect, it } from 'vitest';
import {
  at,
  catalog,
  crash,
  failover,
  linearizabilityCases,
  logWrite,
  protocolDefinition,
  recover,
  send,
  simulate,
  ScenarioError,
  type FailoverMessage,
  type Input,
  type LeaseLockMessage,
  type LeaseLockRecord,
  type LogRecord,
  type LogWrite,
  type Message,
  type PaxosCommitMessage,
  type PaxosCommitRecord,
  type ReplicatedRegisterMessage,
  type ReplicatedRegisterRecord,
  type Role,
  type Scenario,
  type Send,
  type ThreePhaseCommitMessage,
  type ThreePhaseCommitRecord,
  type TwoPhaseCommitMessage,
  type TwoPhaseCommitRecord,
  type voterLab,
} from '../lib';
import { acceptor } from '../lib/protocols/paxos-commit/index';
import { coordinator, voter, type Voter } from '../lib/protocols/two-phase-commit/index';
import type { RequestReplyMessage } from '../lib/protocols/request-reply/index';
import { primaryBackup, type PrimaryBackupMessage, type ReplicaWrite } from '../lib/protocols/replication/primary-backup';
import { copyToBoth, type CopyToBothMessage } from '../lib/protocols/replication/copy-to-both';

describe('a message a protocol does not have does not compile', () => {
  const send2pc: Send<TwoPhaseCommitMessage> = send;
  const sendPaxos: Send<PaxosCommitMessage> = send;

  it("2PC's send takes 2PC's messages, with their fields, and nothing else (article fig. 1)", () => {
    expect(send2pc('coordinator', { type: 'vote', vote: 'yes' })).toEqual({
      kind: 'send',
      to: 'coordinator',
      message: { type: 'vote', vote: 'yes' },
    });
    // @ts-expect-error a vote whose field is misspelled: it has no `vote`
    send2pc('coordinator', { type: 'vote', vot: 'yes' });
    // @ts-expect-error a vote that is neither yes nor no
    send2pc('coordinator', { type: 'vote', vote: 'maybe' });
    // @ts-expect-error a field 2PC's prepare does not have
    send2pc('v1', { type: 'prepare', ballot: 1 });
    // @ts-expect-error a message of 3PC, not of 2PC
    send2pc('v1', { type: 'preCommit' });
  });

  it("copyToBoth's replicas answer applied or refused, never a vote (lesson 02: no commit protocol)", () => {
    const sendCopy: Send<CopyToBothMessage> = send;
    expect(sendCopy('coordinator', { type: 'refused' })).toEqual({ kind: 'send', to: 'coordinator', message: { type: 'refused' } });
    // @ts-expect-error a replica applies or refuses on the spot: there is no vote to send
    sendCopy('coordinator', { type: 'vote', vote: 'yes' });
    // @ts-expect-error the client's write carries no value here (lesson 02 counts who has it)
    sendCopy('v1', { type: 'write', value: 1 });
  });

  it("Paxos Commit's send takes each phase's fields (Gray and Lamport 2006, sec. 3)", () => {
    expect(sendPaxos('coordinator', { type: 'phase2b', ins: 'v1', bal: 0, val: 'prepared' }).kind).toBe('send');
    // @ts-expect-error a phase 2b without its value
    sendPaxos('coordinator', { type: 'phase2b', ins: 'v1', bal: 0 });
    // @ts-expect-error a ballot is a number
    sendPaxos('a1', { type: 'phase1a', ins: 'v1', bal: '1' });
    // @ts-expect-error an instance can choose only prepared or aborted
    sendPaxos('a1', { type: 'phase2a', ins: 'v1', bal: 1, val: 'commit' });
  });

  it('a switch on the message type narrows each case to its fields, without a cast (article fig. 1)', () => {
    const voteIn = (input: Input<TwoPhaseCommitMessage>) => {
      if (input.kind !== 'receive') return null;
      switch (input.message.type) {
        case 'vote':
          return input.message.vote;
        case 'prepare':
          // @ts-expect-error a prepare carries no vote
          return input.message.vote;
        default:
          return null;
      }
    };
    expect(voteIn({ kind: 'receive', from: 'v1', message: { type: 'vote', vote: 'no' } })).toBe('no');
    expect(voteIn({ kind: 'start' })).toBeNull();
  });

  it("a typed role is a plain Role to the world and to a lab, but one protocol's role is no other's", () => {
    const plain: Role = coordinator(10);
    const forTheLab: Parameters<typeof voterLab>[0] = voter(10, 'wait');
    // @ts-expect-error an acceptor sends Paxos Commit's messages, which a 2PC role may not
    const wrong: Role<unknown, TwoPhaseCommitMessage> = acceptor(10);
    expect([plain, forTheLab, wrong].map((r) => typeof r.step)).toEqual(['function', 'function', 'function']);
  });
});

describe('a log record a protocol does not have does not compile', () => {
  const log2pc: LogWrite<TwoPhaseCommitRecord> = logWrite;
  const logPaxos: LogWrite<PaxosCommitRecord> = logWrite;

  it("2PC's logWrite takes 2PC's records, with their fields, and nothing else (Mohan et al. 1986, sec. 2 to 4)", () => {
    expect(log2pc({ type: 'abort', forced: false })).toEqual({ kind: 'log', record: { type: 'abort', forced: false } });
    // @ts-expect-error a decision is lazy (`forced: false`) or says nothing: never `forced: true`
    log2pc({ type: 'commit', forced: true });
    // @ts-expect-error a prepare record without its undo data
    log2pc({ type: 'prepare', tx: 'T1', redo: 'apply the writes of T1' });
    // @ts-expect-error presumed commit's collecting record names the voters, as a list
    log2pc({ type: 'collecting', voters: 'v1' });
    // @ts-expect-error a record of Paxos Commit, not of 2PC
    log2pc({ type: 'ballot', bal: 1 });
  });

  it("Paxos Commit's logWrite takes each record's fields (Gray and Lamport 2006, sec. 3; Paxos Made Simple, sec. 2)", () => {
    expect(logPaxos({ type: 'promise', ins: 'v1', bal: 4 }).kind).toBe('log');
    // @ts-expect-error an acceptance without its value
    logPaxos({ type: 'accept', ins: 'v1', bal: 4 });
    // @ts-expect-error a ballot is a number
    logPaxos({ type: 'promise', ins: 'v1', bal: '4' });
    // @ts-expect-error a leader logs its ballot as `bal`
    logPaxos({ type: 'ballot', ballot: 4 });
  });

  it('a recover case reads its own records: a check of the type narrows each to its fields, without a cast (DDIA ch. 8)', () => {
    const lastToken = (input: Input<LeaseLockMessage, LeaseLockRecord>) => {
      if (input.kind !== 'recover') return null;
      let token: number | null = null;
      for (const r of input.log) {
        if (r.type === 'grant') token = r.token;
        // @ts-expect-error the store's write record names its client `from`, not `holder`
        else if (r.holder !== undefined) token = null;
      }
      return token;
    };
    const log: LeaseLockRecord[] = [
      { type: 'grant', token: 1, holder: 'c1' },
      { type: 'write', token: 1, from: 'c1' },
      { type: 'grant', token: 2, holder: 'c2' },
    ];
    expect(lastToken({ kind: 'recover', log })).toBe(2);
    expect(lastToken({ kind: 'start' })).toBeNull();
  });

  it("a typed role's outputs carry its records, and a role that logs another protocol's records does not compile", () => {
    const role = voter(10, 'wait');
    const ctx = { id: 'v1', coordinator: 'coordinator', voters: ['v1'], others: [], vote: 'yes' } as const;
    const [, out] = role.step(role.init(ctx), { kind: 'receive', from: 'coordinator', message: { type: 'prepare' } });
    const undo = out.flatMap((o) => (o.kind === 'log' && o.record.type === 'prepare' ? [o.record.undo] : []));
    expect(undo).toEqual(['restore the values T1 overwrote']);
    const step = (s: Voter): readonly [Voter, readonly ReturnType<typeof logPaxos>[]] => [s, [logPaxos({ type: 'ballot', bal: 1 })]];
    // @ts-expect-error a 2PC voter may not log Paxos Commit's ballot
    const wrong: Role<Voter, TwoPhaseCommitMessage, TwoPhaseCommitRecord> = { ...role, step };
    expect(typeof wrong.step).toBe('function');
  });
});

/** Every field name besides `type` of any member of `U`. */
type FieldOf<U> = U extends unknown ? Exclude<keyof U, 'type'> : never;

/** Per message (or record) type, every shape one of that type may have: its fields besides `type`. */
type Shapes<M extends { readonly type: string }> = { readonly [T in M['type']]: readonly (readonly FieldOf<Extract<M, { type: T }>>[])[] };

const twoPhaseCommit: Shapes<TwoPhaseCommitMessage> = {
  prepare: [[]],
  vote: [['vote']],
  commit: [[]],
  abort: [[]],
  ack: [[]],
  ask: [[]],
};
const threePhaseCommit: Shapes<ThreePhaseCommitMessage> = {
  canCommit: [[]],
  vote: [['vote']],
  preCommit: [[]],
  preCommitAck: [[]],
  doCommit: [[]],
  abort: [[]],
  ack: [[]],
  elect: [[]],
  stateReq: [[]],
  stateReport: [['state']],
  ask: [[]],
};
const paxosCommit: Shapes<PaxosCommitMessage> = {
  prepare: [[]],
  phase1a: [['ins', 'bal']],
  phase1b: [['ins', 'mbal', 'bal', 'val']],
  // The voter's own ballot-0 phase 2a carries its vote; a leader's does not.
  phase2a: [
    ['ins', 'bal', 'val', 'vote'],
    ['ins', 'bal', 'val'],
  ],
  // One acceptance, or ballot 0's bundled (`flow.bundle`).
  phase2b: [
    ['ins', 'bal', 'val'],
    ['bal', 'votes'],
  ],
  commit: [[]],
  abort: [[]],
};
const leaseLock: Shapes<LeaseLockMessage> = {
  acquire: [[]],
  granted: [['token', 'lease']],
  renew: [['token']],
  release: [['token']],
  write: [['token']],
  written: [['token']],
  rejected: [['token']],
};
const replicatedRegister: Shapes<ReplicatedRegisterMessage> = {
  write: [['op', 'value']],
  read: [['op'], ['op', 'minVersion']],
  written: [['op', 'version']],
  value: [['op', 'value', 'version']],
  notMaster: [['op']],
  behind: [['op']],
  replicate: [['version', 'value']],
  replicated: [['version']],
  ping: [[]],
  pong: [[]],
  promote: [[]],
  newMaster: [['node']],
};
const twoPhaseCommitRecords: Shapes<TwoPhaseCommitRecord> = {
  prepare: [['tx', 'redo', 'undo']],
  // Forced, or lazy under a presumption (`forced: false`).
  commit: [[], ['forced']],
  abort: [[], ['forced']],
  collecting: [['voters']],
  end: [['forced']],
};
const threePhaseCommitRecords: Shapes<ThreePhaseCommitRecord> = {
  vote: [['tx', 'vote']],
  prepare: [['tx', 'redo', 'undo']],
  precommit: [['tx']],
  commit: [[]],
  abort: [[]],
};
const paxosCommitRecords: Shapes<PaxosCommitRecord> = {
  ballot: [['bal']],
  promise: [['ins', 'bal']],
  // One acceptance, or ballot 0's bundled (`flow.bundle`).
  accept: [
    ['ins', 'bal', 'val'],
    ['bal', 'votes'],
  ],
  prepare: [['tx', 'redo', 'undo']],
  commit: [[]],
  abort: [[]],
};
const leaseLockRecords: Shapes<LeaseLockRecord> = { grant: [['token', 'holder']], write: [['token', 'from']] };
const replicatedRegisterRecords: Shapes<ReplicatedRegisterRecord> = { write: [['version', 'value']], promoted: [[]] };
const failoverShapes: Shapes<FailoverMessage> = { ping: [[]], pong: [[]], promote: [[]] };
const requestReply: Shapes<RequestReplyMessage> = { request: [[]], reply: [[]] };
const primaryBackupShapes: Shapes<PrimaryBackupMessage> = {
  write: [['n']],
  replicate: [['n']],
  received: [['n']],
  saved: [['n']],
  catchUp: [['n']],
};
const primaryBackupRecords: Shapes<ReplicaWrite> = { write: [['n']] };
const copyToBothShapes: Shapes<CopyToBothMessage> = { write: [[]], applied: [[]], refused: [[]] };
const copyToBothRecords: Shapes<{ readonly type: 'write'; readonly tx: string }> = { write: [['tx']] };

/** A scenario with its protocol's options changed (it may no longer be valid). */
function withOptions(scenario: Scenario, options: Record<string, unknown>): Scenario {
  return { ...scenario, protocol: { ...scenario.protocol, ...options } };
}

/** Every message sent, and every record logged, in these scenarios' runs; a variant that is no valid scenario is left out. */
function sentIn(scenarios: readonly Scenario[]): { sent: Message[]; logged: LogRecord[] } {
  const sent: Message[] = [];
  const logged: LogRecord[] = [];
  for (const scenario of scenarios) {
    try {
      for (const e of simulate(scenario).trace) {
        if (e.kind === 'send') sent.push(e.message);
        else if (e.kind === 'log') logged.push(e.record);
      }
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
    }
  }
  return { sent, logged };
}

/** `type {field, ...}`: a message's or record's type and its other fields, sorted. */
const shapeOf = (m: { readonly type: string }) =>
  `${m.type} {${Object.keys(m)
    .filter((k) => k !== 'type')
    .sort()
    .join(', ')}}`;

/** The shapes of `items` that `shapes` does not allow, and the types of `shapes` that no item has. */
function mismatches(items: readonly { readonly type: string }[], shapes: Shapes<{ readonly type: string }>) {
  const example = (type: string, fields: readonly PropertyKey[]) => ({ type, ...Object.fromEntries(fields.map((f) => [f, 0])) });
  const allowed = new Set(Object.entries(shapes).flatMap(([type, list]) => list.map((fields) => shapeOf(example(type, fields)))));
  return {
    unexpected: [...new Set(items.map(shapeOf))].filter((s) => !allowed.has(s)),
    missing: Object.keys(shapes).filter((type) => !items.some((m) => m.type === type)),
  };
}

const casesOf = (name: string) => catalog.filter((e) => e.scenario.protocol.name === name).map((e) => e.scenario);
const variants = (scenarios: readonly Scenario[], options: readonly Record<string, unknown>[]) =>
  scenarios.flatMap((s) => options.map((o) => withOptions(s, o)));

const protocols: readonly {
  name: string;
  shapes: Shapes<Message>;
  /** Its log records' shapes: none for a protocol whose roles log nothing. */
  records?: Shapes<LogRecord>;
  scenarios: () => Scenario[];
}[] = [
  {
    name: 'twoPhaseCommit',
    shapes: twoPhaseCommit,
    records: twoPhaseCommitRecords,
    scenarios: () =>
      variants(
        casesOf('twoPhaseCommit'),
        ['none', 'abort', 'commit'].flatMap((presumption) => [
          { presumption, termination: 'wait' },
          { presumption, termination: 'cooperative' },
        ]),
      ),
  },
  {
    name: 'threePhaseCommit',
    shapes: threePhaseCommit,
    records: threePhaseCommitRecords,
    scenarios: () =>
      variants(casesOf('threePhaseCommit'), [
        { termination: 'timeouts' },
        { termination: 'elect' },
        { termination: 'elect', preCommitAckTimeout: 'commit' },
      ]),
  },
  {
    name: 'paxosCommit',
    shapes: paxosCommit,
    records: paxosCommitRecords,
    scenarios: () => variants(casesOf('paxosCommit'), [{}, { bundle: true }, { fast: true }, { colocate: true }, { phase2a: 'majority' }]),
  },
  {
    name: 'leaseLock',
    shapes: leaseLock,
    records: leaseLockRecords,
    scenarios: () => variants(casesOf('leaseLock'), [{ fencing: false }, { fencing: true }, { lockDelay: 10 }]),
  },
  {
    name: 'replicatedRegister',
    shapes: replicatedRegister,
    records: replicatedRegisterRecords,
    scenarios: () =>
      variants(
        linearizabilityCases.map((c) => c.scenario),
        [{}, { fix: 'remember-timestamp', reads: 'backup', replication: 'async' }],
      ),
  },
  {
    name: 'failover',
    shapes: failoverShapes,
    scenarios: () =>
      [0, 10].map((lease) => ({ protocol: failover({ lease }), voters: 2, faults: [crash('v1', at(15)), recover('v1', at(60))] })),
  },
  { name: 'requestReply', shapes: requestReply, scenarios: () => casesOf('requestReply') },
  {
    name: 'copyToBoth',
    shapes: copyToBothShapes,
    records: copyToBothRecords,
    // Lesson 02's opening: both replicas take the write, or one refuses it.
    scenarios: () => [{ protocol: copyToBoth(), voters: 2 }, { protocol: copyToBoth(), voters: 2, votes: { v2: 'no' } }],
  },
  {
    name: 'primaryBackup',
    shapes: primaryBackupShapes,
    records: primaryBackupRecords,
    // A backup back from a crash asks to catch up (lesson 02).
    scenarios: () =>
      (['async', 'semiSync'] as const).map((mode) => ({
        protocol: primaryBackup({ mode }),
        voters: 2,
        faults: [crash('v2', at(1)), recover('v2', at(20))],
      })),
  },
];

describe("every message the roles send has exactly its type's fields (lib/protocols/*/messages.ts)", () => {
  for (const { name, shapes, scenarios } of protocols) {
    it(`${name}: each message sent in the course's runs has one of its type's shapes, and every type is sent`, () => {
      expect(mismatches(sentIn(scenarios()).sent, shapes)).toEqual({ unexpected: [], missing: [] });
    });

    it(`${name}: the message types it registers for triggers are the types of its union`, () => {
      expect([...protocolDefinition(name)!.messages].sort()).toEqual(Object.keys(shapes).sort());
    });
  }
});

describe("every record the roles log has exactly its type's fields (lib/protocols/*/messages.ts)", () => {
  for (const { name, records, scenarios } of protocols) {
    it(`${name}: each record logged in the course's runs has one of its type's shapes, and every type is logged`, () => {
      // A protocol that declares no records logs none.
      expect(mismatches(sentIn(scenarios()).logged, records ?? {})).toEqual({ unexpected: [], missing: [] });
    });
  }
});

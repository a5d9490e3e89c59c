import { acceptorLabSpec as lab } from '../worker/fixtures/labs';
import type { ExerciseSpec } from '../types';
import { judgeCatalog, judgeStage } from './labs';

export const exercise: ExerciseSpec = {
  id: '08-acceptor',
  lesson: '08',
  title: 'lab: the whole Paxos Commit acceptor, with ballots and its log',
  tests: [
    { name: "runs every Paxos Commit case of the catalog as the paper's acceptors do", points: 2, judge: judgeCatalog(lab) },
    { name: 'keeps agreement, validity and termination over every placement of up to two crashes and recoveries (explore)', points: 2, judge: judgeStage(lab, 'explore') },
    { name: 'keeps agreement when an acceptor crashes after accepting and returns while F + 1 faults strike around it (its log)', points: 2, judge: judgeStage(lab, 'placements') },
    { name: "keeps agreement and validity in every order of two voters' messages and timers, and of one voter's with a crash, each timer firing when no message is in flight (check)", points: 1, judge: judgeStage(lab, 'check') },
  ],
};

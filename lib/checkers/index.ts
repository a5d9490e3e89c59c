export { agreement } from './agreement';
export { validity } from './validity';
export { termination } from './termination';
export { lockSafety, lockSafetyInvariant, grantsAtMost, type LockSafety, type JudgedWrite } from './lock-safety';
export { verdict, verdictOf, verdictsOf, zeroCounts, type Outcome } from './verdict';
export { VERDICTS, LOCK_VERDICTS, type Check, type Judged, type StateView, type StateInvariant, type Verdict, type CommitVerdict, type LockVerdict } from './types';

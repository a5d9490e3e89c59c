export { agreement } from './agreement';
export { validity } from './validity';
export { termination } from './termination';
export { verdict, verdictOf, type Outcome } from './verdict';
export { VERDICTS, type Check, type Judged, type Verdict } from './types';

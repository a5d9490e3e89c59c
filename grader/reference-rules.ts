// Written by `npm run build-exercises` from the rules exported by instructor/reference/*.ts, in lesson order; do not edit.
// `npm run build-exercises -- --check` fails when this file is out of date (tools/indexes.ts).
// grader/reference.ts is the judges' door to these; in the student version neither this file nor the rules exist.
import { recorded } from './recording';
import * as rules from '../instructor/reference/rules';

export const expectedTally = recorded('expectedTally', rules.expectedTally);
export const expectedAgreement = recorded('expectedAgreement', rules.expectedAgreement);
export const expectedElect = recorded('expectedElect', rules.expectedElect);
export const expectedSplit = recorded('expectedSplit', rules.expectedSplit);
export const expectedAvailability = recorded('expectedAvailability', rules.expectedAvailability);

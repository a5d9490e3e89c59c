// Linearizability and replication lag, judged over histories (lesson 10).
export { linearizable, validateHistory, defaultHash } from './check';
export { register, casRegister, keyValue, type RegisterInput, type RegisterOutput, type RegisterValue } from './models';
export type { Operation, History, Model, LinearizableOptions, LinearizabilityResult, LinearizabilityVerdict } from './types';
export { generateHistory, type GenerateOptions } from './generate';
export { readYourWrites, monotonicReads, consistentPrefixReads, staleReads, type LagResult, type LagViolation } from './lag';
export { historyOf, type HasTrace } from './history-of';

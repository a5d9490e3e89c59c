export { compare, type CompareOptions, type FaultScript } from './compare';
export { commitCost, type CommitCost } from './cost';

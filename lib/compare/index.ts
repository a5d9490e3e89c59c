export { compare, type CompareOptions, type FaultScript } from './compare';

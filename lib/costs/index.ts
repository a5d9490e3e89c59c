export { costs, type Costs } from './costs';

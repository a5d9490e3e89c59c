import type { ProtocolDefinition } from '../protocols/protocol';

/** The values a scenario gets for the fields it leaves out (see `Scenario` in `types.ts`). */
export const DEFAULT_VOTERS = 3;
export const DEFAULT_HORIZON = 1000;
export const DEFAULT_SEED = 1;
/** The most voters a scenario may ask for. */
export const MAX_VOTERS = 1000;

/** How many voters, or for a protocol with nodes of its own how many clients, a run has. */
export function sizeOf(definition: ProtocolDefinition, scenario: { readonly voters?: number; readonly clients?: number }): number {
  return definition.ownNodes ? scenario.clients ?? definition.ownNodes.defaultClients : scenario.voters ?? DEFAULT_VOTERS;
}

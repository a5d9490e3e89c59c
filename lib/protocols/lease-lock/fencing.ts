/**
 * The fencing rule (DDIA ch. 8, fig. 8-5): a write is stale when its token is older than
 * one the store has already accepted. Tokens grow with every grant, so an older token
 * belongs to a holder whose lease ended before a newer holder's began.
 *
 * @example staleToken(34, 33) // true: 34 was granted after 33's lease ended
 */
export function staleToken(highestAccepted: number, token: number): boolean {
  return token < highestAccepted;
}

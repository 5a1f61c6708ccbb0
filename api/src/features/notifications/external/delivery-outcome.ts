/**
 * What one attempt through a channel came to. Adapters never throw: every failure is an outcome
 * with a reason a person can act on, and whether trying again later may help.
 */
export type DeliveryOutcome = { ok: true } | { ok: false; error: string; retry: boolean };

export const delivered: DeliveryOutcome = { ok: true };

export function refused(error: string, retry: boolean): DeliveryOutcome {
  return { ok: false, error: error.length > 500 ? `${error.slice(0, 499)}…` : error, retry };
}

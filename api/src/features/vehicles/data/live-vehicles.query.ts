/**
 * A user's live vehicles (`id`, `odometer_unit`) as a subquery, for the list statements of the capsules
 * that attach records to vehicles: a list across vehicles is narrowed to the live ones (a deleted
 * vehicle's records are gone with it) in the same round trip. `userIdParameter` is the statement's
 * placeholder for the user id, e.g. `'$1'`.
 */
export function liveVehiclesOf(userIdParameter: string): string {
  return `select id, odometer_unit from public.vehicles where user_id = ${userIdParameter} and deleted_at is null`;
}

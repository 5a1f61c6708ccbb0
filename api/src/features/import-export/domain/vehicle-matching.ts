import { displayNameOf, OwnedVehicle } from '../../vehicles';

/** Names compare without case and with runs of white space as one space. */
const keyOf = (text: string) => text.trim().replace(/\s+/g, ' ').toLocaleLowerCase();

/**
 * The caller's vehicle a file's vehicle name means: one whose nickname or "year make model" (or
 * "make model") is that name, ignoring case and spacing; undefined when none is.
 */
export function matchVehicle(name: string, vehicles: readonly OwnedVehicle[]): OwnedVehicle | undefined {
  const key = keyOf(name);
  return vehicles.find((vehicle) =>
    [vehicle.nickname, displayNameOf({ ...vehicle, nickname: null }), `${vehicle.make} ${vehicle.model}`].some(
      (candidate) => candidate && keyOf(candidate) === key,
    ),
  );
}

import turfDistance from '@turf/distance';
import { GeoPoint, StationResult } from './stations-provider';

/** Great-circle distance in whole metres. */
export function metresBetween(from: GeoPoint, to: GeoPoint): number {
  const kilometres = turfDistance([from.longitude, from.latitude], [to.longitude, to.latitude], {
    units: 'kilometers',
  });
  return Math.round(kilometres * 1000);
}

/** Stations with their distance from `origin`, nearest first. */
export function byDistanceFrom(origin: GeoPoint, stations: Omit<StationResult, 'distance'>[]): StationResult[] {
  return stations
    .map((station) => ({ ...station, distance: metresBetween(origin, station) }))
    .sort((a, b) => a.distance - b.distance);
}

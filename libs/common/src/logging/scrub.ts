/** A run of 17 VIN characters, or whatever follows a `/vin/` path segment or a `vin=` parameter. */
const vinLike = /(\/vin\/)[^/?#]*|([?&]vin=)[^&#]*|(?<![A-Za-z0-9])[A-HJ-NPR-Za-hj-npr-z0-9]{17}(?![A-Za-z0-9])/g;

/** The URL as a log line may show it: no VIN (a VIN identifies a person's vehicle). */
export function scrubVins(url: string): string {
  if (url.length < 17 && !url.includes('vin')) return url;
  return url.replace(vinLike, (_match, pathPrefix?: string, queryPrefix?: string) =>
    pathPrefix ? `${pathPrefix}***` : queryPrefix ? `${queryPrefix}***` : '***',
  );
}

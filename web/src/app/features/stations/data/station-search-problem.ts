const serviceNames: Record<string, string> = {
  overpass: 'OpenStreetMap',
  geocoder: 'the place search',
  google: 'Google Places',
};

const reasonTexts: Record<string, string> = {
  unreachable: 'cannot be reached',
  timeout: 'took too long to answer',
  refused: 'refused the search',
  quota: 'is over its quota',
  malformed: 'gave an answer that could not be read',
};

/**
 * What the stations page says when the provider behind the search is down: from the body of the
 * API's 503, whose problem names the service (`provider`) and why (`reason`).
 */
export function searchUnavailableText(problem: unknown): string {
  const fields: Record<string, unknown> = problem && typeof problem === 'object' ? { ...problem } : {};
  const provider = typeof fields['provider'] === 'string' ? fields['provider'] : undefined;
  const reason = typeof fields['reason'] === 'string' ? reasonTexts[fields['reason']] : undefined;
  const which = provider ? [serviceNames[provider] ?? provider, reason].filter(Boolean).join(' ') : undefined;
  const because = which ? ` (${which})` : '';
  return `Station search is unavailable right now${because}; your saved stations still work.`;
}

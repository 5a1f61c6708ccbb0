/**
 * Why a webhook URL cannot be used, or undefined when it can: http or https, a host, at most 2,000
 * characters, no user name or password in it (tokens go in the query: Gotify's `token=`, ntfy's
 * `auth=`).
 */
export function webhookUrlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'must be an http:// or https:// URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must be an http:// or https:// URL';
  if (!url.hostname) return 'must name a host';
  if (url.username || url.password) {
    return 'must not hold a user name or password: put a token in the query instead (Gotify: token=, ntfy: auth=)';
  }
  if (value.length > 2000) return 'must be at most 2,000 characters';
  return undefined;
}

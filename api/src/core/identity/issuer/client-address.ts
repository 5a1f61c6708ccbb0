/**
 * The address sign-in attempts are counted against. Behind a TLS-terminating proxy (PUBLIC_URL is
 * https while the app serves http) every request comes from the proxy, so the client is the last
 * `X-Forwarded-For` entry: the one our proxy appended (earlier entries are whatever the client
 * sent). Without a proxy, the socket's address.
 */
export function clientAddressFor(behindProxy: boolean) {
  return (request: Record<string, unknown>): string => {
    const headers = request.headers as Record<string, string | string[] | undefined> | undefined;
    const forwarded = headers?.['x-forwarded-for'];
    const value = Array.isArray(forwarded) ? forwarded.join(',') : forwarded;
    if (behindProxy && value) {
      const last = value.split(',').pop()?.trim();
      if (last) return last;
    }
    return String(request.ip ?? '');
  };
}

import { decodeJwt } from 'jose';
import { signUp } from '../../api/test/support/oidc-login';

/** A signed-up bench user with vehicles, and what a bare list server needs to verify its token. */
export interface ListUser {
  userId: string;
  vehicleIds: string[];
  headers: { authorization: string };
  /** The issuer's keys, issuer and audience, for the bare server to verify the same JWT with. */
  bareEnv: Record<string, string>;
}

/**
 * Signs up a user through the embedded issuer and adds `vehicles` vehicles through the API, for the
 * list scenarios (fill-ups, service records, documents), which seed their rows on these vehicles,
 * and the write scenarios, which write to them.
 */
export async function listUser(apiUrl: string, vehicles: number): Promise<ListUser> {
  const { accessToken } = await signUp(apiUrl, {
    email: 'bench@example.com',
    password: 'bench-password-1',
    displayName: 'Bench',
  });
  const headers = { authorization: `Bearer ${accessToken}` };
  const vehicleIds: string[] = [];
  for (let index = 0; index < vehicles; index++) {
    const response = await fetch(`${apiUrl}/api/vehicles`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({
        make: ['Honda', 'Toyota', 'Ford'][index % 3],
        model: `Model ${index}`,
        year: 2000 + (index % 25),
        odometerUnit: index % 2 === 0 ? 'km' : 'mi',
        fuelTypes: ['gasoline'],
      }),
    });
    if (response.status !== 201) throw new Error(`Seeding vehicle ${index} failed: ${response.status}`);
    vehicleIds.push(((await response.json()) as { id: string }).id);
  }
  const jwks = await (await fetch(`${apiUrl}/auth/jwks`)).text();
  const claims = decodeJwt(accessToken);
  return {
    userId: String(claims.sub),
    vehicleIds,
    headers,
    bareEnv: { BENCH_JWKS: jwks, BENCH_ISSUER: String(claims.iss), BENCH_AUDIENCE: String(claims.aud) },
  };
}

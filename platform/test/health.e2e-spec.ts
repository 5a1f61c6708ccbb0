import { RunningPlatform, startPlatform } from '../src/start-platform';

describe('the platform service HTTP side', () => {
  let platform: RunningPlatform;

  beforeAll(async () => {
    platform = await startPlatform({ ...process.env, PLATFORM_HTTP_PORT: '0', LOG_LEVEL: 'silent' });
  });

  afterAll(() => platform?.close());

  it('answers /health', async () => {
    const response = await fetch(`${platform.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', service: 'platform' });
    expect(response.headers.get('x-request-id')).toBeTruthy();
  });

  it('answers an unknown route with a 404 problem', async () => {
    const response = await fetch(`${platform.url}/nothing`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });
});

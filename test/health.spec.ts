import { Client, startTestApi, TestApi } from './support/test-api';

describe('health', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('reports ready when PostgreSQL and Redis answer', async () => {
    const res = await new Client(api.url).get('/health/ready');
    expect(res.status).toBe(200);
    expect(res.body.details).toMatchObject({ database: { status: 'up' }, redis: { status: 'up' } });
  });
});

import { expect } from 'chai';
import fs from 'node:fs';
import { config } from '../../server/config.js';
import { api } from '../helpers/api.js';
import { createUser, TEST_PASSWORD } from '../helpers/factories.js';

/** The request line is written when the response finishes, a moment after the client has it: wait for it. */
async function requestLinesWith(needle: string): Promise<Record<string, unknown>[]> {
  for (let i = 0; i < 100; i += 1) {
    const lines = fs.existsSync(config.logFile)
      ? fs
          .readFileSync(config.logFile, 'utf8')
          .split('\n')
          .filter((l) => l.includes(needle))
      : [];
    const parsed = lines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => l.message === 'http.request');
    if (parsed.length) return parsed;
    await new Promise((r) => setTimeout(r, 50));
  }
  return [];
}

describe('request logging', () => {
  it('writes one JSON line per request with its request id, and never the password, token or body', async () => {
    await createUser('manager', { email: 'logme@nimah.test' });
    const res = await api()
      .post('/api/auth/login')
      .set('X-Request-Id', 'log-test-1')
      .send({ email: 'logme@nimah.test', password: TEST_PASSWORD })
      .expect(200);
    const requestLines = await requestLinesWith('log-test-1');
    expect(requestLines).to.have.length(1);
    expect(requestLines[0]).to.include({
      method: 'POST',
      path: '/api/auth/login',
      status: 200,
      requestId: 'log-test-1',
    });
    const whole = fs.readFileSync(config.logFile, 'utf8');
    expect(whole).not.to.contain(TEST_PASSWORD);
    expect(whole).not.to.contain(res.body.token);
    expect(whole).not.to.contain('logme@nimah.test');
  });
});

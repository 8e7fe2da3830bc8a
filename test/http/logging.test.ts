import { expect } from 'chai';
import fs from 'node:fs';
import { config } from '../../server/config.js';
import { api } from '../helpers/api.js';
import { createUser, TEST_PASSWORD } from '../helpers/factories.js';

async function logLinesWith(needle: string): Promise<Record<string, unknown>[]> {
  for (let i = 0; i < 40; i += 1) {
    const lines = fs.existsSync(config.logFile) ? fs.readFileSync(config.logFile, 'utf8').split('\n').filter((l) => l.includes(needle)) : [];
    if (lines.length) return lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    await new Promise((r) => setTimeout(r, 50));
  }
  return [];
}

describe('request logging', () => {
  it('writes one JSON line per request with its request id, and never the password, token or body', async () => {
    await createUser('manager', { email: 'logme@nimah.test' });
    const res = await api().post('/api/auth/login').set('X-Request-Id', 'log-test-1')
      .send({ email: 'logme@nimah.test', password: TEST_PASSWORD }).expect(200);
    const lines = await logLinesWith('log-test-1');
    const requestLines = lines.filter((l) => l.message === 'http.request');
    expect(requestLines).to.have.length(1);
    expect(requestLines[0]).to.include({ method: 'POST', path: '/api/auth/login', status: 200, requestId: 'log-test-1' });
    const whole = fs.readFileSync(config.logFile, 'utf8');
    expect(whole).not.to.contain(TEST_PASSWORD);
    expect(whole).not.to.contain(res.body.token);
    expect(whole).not.to.contain('logme@nimah.test');
  });
});

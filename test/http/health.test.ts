import { expect } from 'chai';
import { api } from '../helpers/api.js';
import { config } from '../../server/config.js';

describe('GET /api/health', () => {
  it('when the database answers, returns ok with the dialect and version', async () => {
    const res = await api().get('/api/health').expect(200);
    expect(res.body).to.deep.equal({ status: 'ok', database: config.db.dialect, version: '0.1.0' });
    expect(res.headers['x-request-id']).to.match(/^[0-9a-f-]{36}$/);
  });
});

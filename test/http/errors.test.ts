import { expect } from 'chai';
import { api, bearer } from '../helpers/api.js';
import { signIn } from '../helpers/factories.js';
import { getSequelize } from '../../server/db/sequelize.js';

function expectErrorShape(body: { error?: Record<string, unknown> }, code: string): void {
  expect(body).to.have.all.keys('error');
  expect(body.error).to.include({ code });
  expect(body.error!.message).to.be.a('string').and.not.be.empty;
  expect(body.error!.requestId).to.be.a('string').and.not.be.empty;
  expect(Object.keys(body.error!)).to.satisfy((keys: string[]) =>
    keys.every((k) => ['code', 'message', 'details', 'requestId'].includes(k)),
  );
}

describe('error responses', () => {
  it('when the route does not exist, returns 404 NOT_FOUND in the spec shape', async () => {
    const res = await api().get('/api/no-such-thing').expect(404);
    expectErrorShape(res.body, 'NOT_FOUND');
  });

  it('when the request id header is given, the error carries it', async () => {
    const res = await api().get('/api/no-such-thing').set('X-Request-Id', 'abc-123').expect(404);
    expect(res.body.error.requestId).to.equal('abc-123');
  });

  it('when the JSON is malformed, returns 400 VALIDATION_FAILED naming the body', async () => {
    const res = await api()
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"email": "a@b.c",')
      .expect(400);
    expectErrorShape(res.body, 'VALIDATION_FAILED');
    expect(res.body.error.details).to.deep.equal([{ path: 'body', message: 'is not valid JSON', type: 'body.json' }]);
  });

  it('when the body is not JSON, returns 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const res = await api().post('/api/auth/login').set('Content-Type', 'text/plain').send('email=a').expect(415);
    expectErrorShape(res.body, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('when the body is larger than the limit, returns 413 PAYLOAD_TOO_LARGE', async () => {
    const big = JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(1024 * 1024 + 10) });
    const res = await api().post('/api/auth/login').set('Content-Type', 'application/json').send(big).expect(413);
    expectErrorShape(res.body, 'PAYLOAD_TOO_LARGE');
  });

  it('when the body is a JSON array instead of an object, returns 400', async () => {
    const res = await api().post('/api/auth/login').send([1, 2]).expect(400);
    expectErrorShape(res.body, 'VALIDATION_FAILED');
  });

  it('when a database constraint is broken, returns 409 naming the field and stores nothing more', async () => {
    const { token } = await signIn('admin');
    await api().post('/api/sites').set(bearer(token)).send({ code: 'RUH-1', name: 'مستودع الرياض' }).expect(201);
    const res = await api().post('/api/sites').set(bearer(token)).send({ code: 'ruh-1', name: 'مكرر' }).expect(409);
    expectErrorShape(res.body, 'DUPLICATE');
    expect(res.body.error.details[0]).to.include({ message: 'is already used' });
    const [rows] = await getSequelize().query('SELECT COUNT(*) AS n FROM sites');
    expect(Number((rows as { n: number }[])[0].n)).to.equal(1);
  });

  it('when a path id is not a number, returns 400 naming id', async () => {
    const { token } = await signIn('admin');
    const res = await api().get('/api/users/abc').set(bearer(token)).expect(400);
    expect(res.body.error.details).to.deep.equal([{ path: 'id', message: 'id must be a number', type: 'number.base' }]);
  });

  it('when the URL has a broken percent escape, returns 400 rather than 500', async () => {
    const { token } = await signIn('admin');
    const res = await api().get('/api/scan/%E0%A4%A').set(bearer(token));
    expect(res.status).to.be.oneOf([400, 404]);
    expect(res.body.error).to.have.property('code');
  });
});

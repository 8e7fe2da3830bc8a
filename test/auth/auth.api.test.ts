import { expect } from 'chai';
import { Op } from 'sequelize';
import { api, bearer } from '../helpers/api.js';
import { createUser, signIn, TEST_PASSWORD } from '../helpers/factories.js';
import { LoginAttempt, Session } from '../../server/modules/auth/auth.model.js';
import { hashToken } from '../../server/modules/auth/auth.sessions.js';
import { User } from '../../server/modules/auth/auth.model.js';
import { withTransaction } from '../../server/db/sequelize.js';

describe('auth API', () => {
  it('when the password is right, returns a token, the user, and an httpOnly SameSite cookie; stores only the token hash', async () => {
    const user = await createUser('manager', { email: 'mona@nimah.test' });
    const res = await api()
      .post('/api/auth/login')
      .send({ email: 'MONA@nimah.test', password: TEST_PASSWORD })
      .expect(200);
    expect(res.body.user).to.include({ id: user.id, email: 'mona@nimah.test', role: 'manager' });
    expect(res.body.token).to.be.a('string').with.length.above(30);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie)
      .to.match(/nimah_session=/)
      .and.match(/HttpOnly/i)
      .and.match(/SameSite=Strict/i);
    const stored = await Session.findOne({ where: { userId: user.id } });
    expect(stored!.tokenHash).to.equal(hashToken(res.body.token));
    expect(stored!.tokenHash).not.to.equal(res.body.token);
    expect(res.body.user).not.to.have.property('passwordHash');
  });

  it('when the password is wrong, returns 401 UNAUTHENTICATED and records the failure', async () => {
    await createUser('technician', { email: 'fahd@nimah.test' });
    const res = await api()
      .post('/api/auth/login')
      .send({ email: 'fahd@nimah.test', password: 'wrong password!' })
      .expect(401);
    expect(res.body.error).to.include({ code: 'UNAUTHENTICATED' });
    expect(res.body.error.requestId).to.be.a('string');
    expect(await LoginAttempt.count({ where: { email: 'fahd@nimah.test', succeeded: false } })).to.equal(1);
  });

  it('when the cookie is sent instead of a bearer token, GET /api/auth/me answers the user', async () => {
    await createUser('viewer', { email: 'v@nimah.test' });
    const login = await api()
      .post('/api/auth/login')
      .send({ email: 'v@nimah.test', password: TEST_PASSWORD })
      .expect(200);
    const cookie = String(login.headers['set-cookie']).split(';')[0];
    const me = await api().get('/api/auth/me').set('Cookie', cookie).expect(200);
    expect(me.body).to.include({ email: 'v@nimah.test', role: 'viewer' });
  });

  // Throttling: test/auth/sign-in-throttle.test.ts.

  it('when a user logs out, the token stops working everywhere (the session row is revoked)', async () => {
    const { token, user } = await signIn('manager');
    await api().get('/api/auth/me').set(bearer(token)).expect(200);
    await api().post('/api/auth/logout').set(bearer(token)).expect(204);
    const res = await api().get('/api/auth/me').set(bearer(token)).expect(401);
    expect(res.body.error.code).to.equal('UNAUTHENTICATED');
    const session = await Session.findOne({ where: { userId: user.id } });
    expect(session!.revokedAt).to.be.instanceOf(Date);
  });

  it('when a session has expired, returns 401', async () => {
    const { token, user } = await signIn('manager');
    await withTransaction((transaction) =>
      Session.update({ expiresAt: new Date(Date.now() - 1000) }, { where: { userId: user.id }, transaction }),
    );
    await api().get('/api/auth/me').set(bearer(token)).expect(401);
  });

  it('when a user is deactivated by an admin, their sessions end', async () => {
    const admin = await signIn('admin');
    const tech = await signIn('technician');
    await api().patch(`/api/users/${tech.user.id}`).set(bearer(admin.token)).send({ active: false }).expect(200);
    await api().get('/api/auth/me').set(bearer(tech.token)).expect(401);
    expect(await Session.count({ where: { userId: tech.user.id, revokedAt: { [Op.ne]: null } } })).to.equal(1);
  });

  it('when a user changes language through PATCH /api/auth/me, it is remembered', async () => {
    const { token, user } = await signIn('technician');
    const res = await api().patch('/api/auth/me').set(bearer(token)).send({ language: 'en' }).expect(200);
    expect(res.body.language).to.equal('en');
    expect((await User.findByPk(user.id))!.language).to.equal('en');
  });
});

describe('users API (admin)', () => {
  it('when an admin creates a user, stores a scrypt hash (never the password) and the user can sign in', async () => {
    const { token } = await signIn('admin');
    const res = await api()
      .post('/api/users')
      .set(bearer(token))
      .send({ email: 'Tech@Example.org', name: 'فهد', role: 'technician', password: 'at least 12 chars' })
      .expect(201);
    expect(res.body).to.include({ email: 'tech@example.org', name: 'فهد', role: 'technician', active: true });
    const row = await User.findByPk(res.body.id);
    expect(row!.passwordHash).to.match(/^scrypt\$131072\$8\$1\$/);
    expect(row!.passwordHash).not.to.contain('at least 12 chars');
    await api().post('/api/auth/login').send({ email: 'tech@example.org', password: 'at least 12 chars' }).expect(200);
  });

  it('when the input is bad, returns 400 with one detail per field and creates nothing', async () => {
    const { token } = await signIn('admin');
    const res = await api()
      .post('/api/users')
      .set(bearer(token))
      .send({ email: 'not-an-email', role: 'boss', password: 'short' })
      .expect(400);
    expect(res.body.error.code).to.equal('VALIDATION_FAILED');
    const paths = (res.body.error.details as { path: string }[]).map((d) => d.path).sort();
    expect(paths).to.deep.equal(['email', 'name', 'password', 'role']);
    expect(await User.count()).to.equal(1);
  });

  it('when the email is taken, returns 409 DUPLICATE_EMAIL', async () => {
    const { token } = await signIn('admin');
    await createUser('viewer', { email: 'dup@nimah.test' });
    const res = await api()
      .post('/api/users')
      .set(bearer(token))
      .send({ email: 'dup@nimah.test', name: 'x', role: 'viewer', password: 'long enough pass' })
      .expect(409);
    expect(res.body.error.code).to.equal('DUPLICATE_EMAIL');
  });

  it('lists users with server-side pagination and refuses pageSize above 200', async () => {
    const { token } = await signIn('admin');
    for (let i = 0; i < 3; i += 1) await createUser('viewer');
    const res = await api().get('/api/users?page=2&pageSize=2').set(bearer(token)).expect(200);
    expect(res.body).to.include({ total: 4, page: 2, pageSize: 2 });
    expect(res.body.items).to.have.length(2);
    const bad = await api().get('/api/users?pageSize=201').set(bearer(token)).expect(400);
    expect(bad.body.error.details[0].path).to.equal('pageSize');
  });

  it('when an admin tries to demote themself, returns 409 and keeps the role', async () => {
    const { token, user } = await signIn('admin');
    await api().patch(`/api/users/${user.id}`).set(bearer(token)).send({ role: 'viewer' }).expect(409);
    expect((await User.findByPk(user.id))!.role).to.equal('admin');
  });
});

describe('cookie sessions and cross-site requests', () => {
  async function cookieFor(email: string): Promise<string> {
    const login = await api().post('/api/auth/login').send({ email, password: TEST_PASSWORD }).expect(200);
    return String(login.headers['set-cookie']).split(';')[0];
  }

  it('when a cookie-authenticated write lacks X-Requested-With, refuses it with 403 CSRF_CHECK_FAILED and changes nothing', async () => {
    await createUser('manager', { email: 'csrf@nimah.test' });
    const cookie = await cookieFor('csrf@nimah.test');
    const res = await api().patch('/api/auth/me').set('Cookie', cookie).send({ language: 'en' }).expect(403);
    expect(res.body.error.code).to.equal('CSRF_CHECK_FAILED');
    expect((await User.findOne({ where: { email: 'csrf@nimah.test' } }))!.language).to.equal('ar');
    await api()
      .patch('/api/auth/me')
      .set('Cookie', cookie)
      .set('X-Requested-With', 'nimah')
      .send({ language: 'en' })
      .expect(200);
  });

  it('when a bearer token is used, no extra header is needed, and cookie reads need none either', async () => {
    const { token } = await signIn('manager');
    await api().patch('/api/auth/me').set(bearer(token)).send({ language: 'en' }).expect(200);
    await createUser('viewer', { email: 'reader@nimah.test' });
    await api()
      .get('/api/auth/me')
      .set('Cookie', await cookieFor('reader@nimah.test'))
      .expect(200);
  });
});

describe('password policy', () => {
  it('when a password is short or made of too few characters, returns 400 naming password', async () => {
    const { token } = await signIn('admin');
    for (const password of ['short-one', 'aaaaaaaaaaaaaaaa', 'abababababababab']) {
      const res = await api()
        .post('/api/users')
        .set(bearer(token))
        .send({ email: `p${password.length}${password[1]}@nimah.test`, name: 'x', role: 'viewer', password })
        .expect(400);
      expect(res.body.error.details.map((d: { path: string }) => d.path)).to.deep.equal(['password']);
    }
  });
});

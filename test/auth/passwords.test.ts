// Password storage at OWASP's scrypt cost, older hashes upgraded at sign-in, and a password change that ends the
// other sessions at once.
import { randomBytes, scryptSync } from 'node:crypto';
import { expect } from 'chai';
import { Op } from 'sequelize';
import { withTransaction } from '../../server/db/sequelize.js';
import { Session, User } from '../../server/modules/auth/auth.model.js';
import { verifyPassword } from '../../server/modules/auth/auth.passwords.js';
import { api, bearer } from '../helpers/api.js';
import { createUser, TEST_PASSWORD } from '../helpers/factories.js';

/** A hash as stored before this change: scrypt N=2^14, r=8, p=1 (node's default memory limit). */
function oldFormatHash(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password, salt, 32, { N: 16384, r: 8, p: 1 });
  return ['scrypt', 16384, 8, 1, salt.toString('base64'), key.toString('base64')].join('$');
}

async function login(email: string, password = TEST_PASSWORD): Promise<string> {
  const res = await api().post('/api/auth/login').send({ email, password }).expect(200);
  return res.body.token as string;
}

describe('passwords: scrypt at OWASP cost, older hashes upgraded', () => {
  it('when a user whose hash has the old parameters signs in, the stored hash is redone at N=2^17, r=8, p=1 and still verifies', async function () {
    this.timeout(60_000);
    const user = await createUser('technician', { email: 'veteran@nimah.test' });
    const old = oldFormatHash(TEST_PASSWORD);
    await withTransaction((transaction) => User.update({ passwordHash: old }, { where: { id: user.id }, transaction }));
    await login('veteran@nimah.test');
    const stored = (await User.findByPk(user.id))!.passwordHash;
    expect(stored).to.match(/^scrypt\$131072\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(await verifyPassword(TEST_PASSWORD, stored)).to.equal(true);
    expect(await verifyPassword('another password', stored)).to.equal(false);
    await login('veteran@nimah.test');
    expect((await User.findByPk(user.id))!.passwordHash, 'a current hash is left alone').to.equal(stored);
  });

  it('when the password is wrong, an old hash is kept as it was', async function () {
    this.timeout(60_000);
    const user = await createUser('technician', { email: 'oldwrong@nimah.test' });
    const old = oldFormatHash(TEST_PASSWORD);
    await withTransaction((transaction) => User.update({ passwordHash: old }, { where: { id: user.id }, transaction }));
    await api()
      .post('/api/auth/login')
      .send({ email: 'oldwrong@nimah.test', password: 'wrong password!!' })
      .expect(401);
    expect((await User.findByPk(user.id))!.passwordHash).to.equal(old);
  });
});

describe('passwords: changing your own password', () => {
  it('when a user changes their password, their other sessions are refused at once; the one that changed it stays', async function () {
    this.timeout(120_000);
    const user = await createUser('manager', { email: 'mover@nimah.test' });
    const here = await login('mover@nimah.test');
    const phone = await login('mover@nimah.test');
    const laptop = await login('mover@nimah.test');
    // Cached on this instance before the change: the cache must not keep them alive.
    for (const token of [here, phone, laptop]) await api().get('/api/auth/me').set(bearer(token)).expect(200);
    await api()
      .patch('/api/auth/me')
      .set(bearer(here))
      .send({ password: 'a brand new passphrase', currentPassword: TEST_PASSWORD })
      .expect(200);
    await api().get('/api/auth/me').set(bearer(phone)).expect(401);
    await api().get('/api/auth/me').set(bearer(laptop)).expect(401);
    await api().get('/api/auth/me').set(bearer(here)).expect(200);
    expect(await Session.count({ where: { userId: user.id, revokedAt: { [Op.ne]: null } } })).to.equal(2);
    expect(await Session.count({ where: { userId: user.id, revokedAt: null } })).to.equal(1);
    await login('mover@nimah.test', 'a brand new passphrase');
  });

  it('when the current password is wrong, nothing changes and no session ends', async function () {
    this.timeout(60_000);
    const user = await createUser('manager', { email: 'stay@nimah.test' });
    const here = await login('stay@nimah.test');
    const other = await login('stay@nimah.test');
    const before = (await User.findByPk(user.id))!.passwordHash;
    await api()
      .patch('/api/auth/me')
      .set(bearer(here))
      .send({ password: 'a brand new passphrase', currentPassword: 'not it at all' })
      .expect(401);
    await api().get('/api/auth/me').set(bearer(other)).expect(200);
    expect((await User.findByPk(user.id))!.passwordHash).to.equal(before);
  });
});

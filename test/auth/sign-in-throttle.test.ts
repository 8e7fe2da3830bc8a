// Sign-in throttling that fits an office behind one address (server/modules/auth/auth.throttle.ts). Limits are the
// defaults: 10 failures per (account, address), 100 per address, 50 per account, a 15-minute window.
import { expect } from 'chai';
import { withTransaction } from '../../server/db/sequelize.js';
import { LoginAttempt, LoginThrottle } from '../../server/modules/auth/auth.model.js';
import { api, bearer } from '../helpers/api.js';
import { createUser, signIn, TEST_PASSWORD } from '../helpers/factories.js';
import { signInFrom } from './from-address.js';

const OFFICE = '127.0.0.1';
const ELSEWHERE = '127.0.0.2';
const WRONG = 'not the password!';

/** The address as the app records it (the test server listens on IPv6 and IPv4 alike). */
async function recordedAddress(from: string): Promise<string> {
  await signInFrom(from, 'probe@nimah.test', WRONG);
  const row = await LoginAttempt.findOne({ where: { email: 'probe@nimah.test' }, order: [['id', 'DESC']] });
  return row!.ip;
}

async function seedCounter(
  scope: 'pair' | 'address' | 'account',
  email: string,
  ip: string,
  failures: number,
  ageMinutes = 1,
): Promise<void> {
  const windowStart = new Date(Date.now() - ageMinutes * 60_000);
  await withTransaction(async (transaction) => {
    await LoginThrottle.destroy({ where: { scope, email, ip }, transaction });
    await LoginThrottle.create({ scope, email, ip, failures, windowStart }, { transaction });
  });
}

describe('sign-in throttling: an office behind one address', () => {
  it('when one user fails 12 times, a colleague and the admin still sign in from the same address; the user is locked there only', async function () {
    this.timeout(300_000);
    await createUser('technician', { email: 'clumsy@nimah.test' });
    await createUser('technician', { email: 'colleague@nimah.test' });
    await createUser('admin', { email: 'boss@nimah.test' });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i += 1) statuses.push((await signInFrom(OFFICE, 'clumsy@nimah.test', WRONG)).status);
    expect(statuses).to.deep.equal([...Array(10).fill(401), 429, 429]);
    expect((await signInFrom(OFFICE, 'colleague@nimah.test', TEST_PASSWORD)).status).to.equal(200);
    expect((await signInFrom(OFFICE, 'boss@nimah.test', TEST_PASSWORD)).status).to.equal(200);
    const locked = await signInFrom(OFFICE, 'clumsy@nimah.test', TEST_PASSWORD);
    expect(locked.status).to.equal(429);
    expect(locked.body.error!.code).to.equal('RATE_LIMITED');
    expect(Number(locked.retryAfter)).to.be.within(1, 900);
    expect((await signInFrom(ELSEWHERE, 'clumsy@nimah.test', TEST_PASSWORD)).status).to.equal(200);
    // Only the ten checked attempts were recorded: a refused one never reached the password store.
    expect(await LoginAttempt.count({ where: { email: 'clumsy@nimah.test', succeeded: false } })).to.equal(10);
  });

  it('when 50 wrong passwords for one account arrive at once, only 10 are checked against the password store', async function () {
    this.timeout(300_000);
    await createUser('manager', { email: 'target@nimah.test' });
    const answers = await Promise.all(Array.from({ length: 50 }, () => signInFrom(OFFICE, 'target@nimah.test', WRONG)));
    const tally: Record<number, number> = {};
    for (const a of answers) tally[a.status] = (tally[a.status] ?? 0) + 1;
    expect(tally).to.deep.equal({ 401: 10, 429: 40 });
    expect(await LoginAttempt.count({ where: { email: 'target@nimah.test' } })).to.equal(10);
    const pair = await LoginThrottle.findOne({ where: { scope: 'pair', email: 'target@nimah.test' } });
    expect(pair!.failures).to.equal(10);
  });

  it('when a stranger has spent the account ceiling from other addresses, the owner still signs in from an address with no failure', async function () {
    this.timeout(120_000);
    await createUser('admin', { email: 'owner@nimah.test' });
    const stranger = await recordedAddress(ELSEWHERE);
    expect((await signInFrom(ELSEWHERE, 'owner@nimah.test', WRONG)).status).to.equal(401);
    // The rest of the 50 failures came from many addresses (seeded: 49 more HTTP tries would only slow the test).
    await withTransaction((transaction) =>
      LoginThrottle.update({ failures: 50 }, { where: { scope: 'account', email: 'owner@nimah.test' }, transaction }),
    );
    expect(
      (await signInFrom(ELSEWHERE, 'owner@nimah.test', TEST_PASSWORD)).status,
      "the stranger's address is shut",
    ).to.equal(429);
    expect((await signInFrom(OFFICE, 'owner@nimah.test', TEST_PASSWORD)).status, 'the office is open').to.equal(200);
    // A new address gets one try past the ceiling, and only one.
    expect((await signInFrom('127.0.0.3', 'owner@nimah.test', WRONG)).status).to.equal(401);
    expect((await signInFrom('127.0.0.3', 'owner@nimah.test', WRONG)).status).to.equal(429);
    expect(
      (await LoginThrottle.findOne({ where: { scope: 'pair', email: 'owner@nimah.test', ip: stranger } }))!.failures,
    ).to.equal(1);
  });

  it('when one address has failed 100 times over many accounts, it is shut for every account, and other addresses are not', async function () {
    this.timeout(120_000);
    await createUser('manager', { email: 'sprayed@nimah.test' });
    await seedCounter('address', '', await recordedAddress(OFFICE), 100);
    const res = await signInFrom(OFFICE, 'sprayed@nimah.test', TEST_PASSWORD);
    expect(res.status).to.equal(429);
    expect(Number(res.retryAfter)).to.be.within(800, 900);
    expect((await signInFrom(ELSEWHERE, 'sprayed@nimah.test', TEST_PASSWORD)).status).to.equal(200);
  });

  it('when the failures are older than the window, they no longer count', async function () {
    this.timeout(60_000);
    await createUser('technician', { email: 'old@nimah.test' });
    const office = await recordedAddress(OFFICE);
    await seedCounter('pair', 'old@nimah.test', office, 10, 16);
    await seedCounter('account', 'old@nimah.test', '', 50, 16);
    expect((await signInFrom(OFFICE, 'old@nimah.test', TEST_PASSWORD)).status).to.equal(200);
  });
});

describe('sign-in throttling: an admin clears a lockout', () => {
  it("when an admin clears a locked user's lockout, the user signs in again at once and the counters are gone", async function () {
    this.timeout(60_000);
    const admin = await signIn('admin');
    const user = await createUser('technician', { email: 'locked@nimah.test' });
    await seedCounter('pair', 'locked@nimah.test', await recordedAddress(OFFICE), 10);
    await seedCounter('account', 'locked@nimah.test', '', 50);
    expect((await signInFrom(OFFICE, 'locked@nimah.test', TEST_PASSWORD)).status).to.equal(429);
    await api().delete(`/api/users/${user.id}/lockout`).set(bearer(admin.token)).expect(204);
    expect(await LoginThrottle.count({ where: { email: 'locked@nimah.test' } })).to.equal(0);
    expect((await signInFrom(OFFICE, 'locked@nimah.test', TEST_PASSWORD)).status).to.equal(200);
  });

  it('when the user does not exist, answers 404; when the id is not a number, 400 naming id', async () => {
    const admin = await signIn('admin');
    const missing = await api().delete('/api/users/999999/lockout').set(bearer(admin.token)).expect(404);
    expect(missing.body.error.code).to.equal('NOT_FOUND');
    const bad = await api().delete('/api/users/abc/lockout').set(bearer(admin.token)).expect(400);
    expect(bad.body.error.details[0].path).to.equal('id');
  });
});

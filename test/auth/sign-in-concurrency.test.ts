// A class of trainees signs in at once: every sign-in must get in. The MariaDB run is the one that matters: the
// sign-in writes used to deadlock there (a session insert's foreign-key lock on the user row, then the last-login
// update of that row, then a range delete of expired sessions), and up to 16 of 20 answered 503 DB_BUSY.
import { expect } from 'chai';
import { Op } from 'sequelize';
import { withTransaction } from '../../server/db/sequelize.js';
import { api } from '../helpers/api.js';
import { createUser, TEST_PASSWORD } from '../helpers/factories.js';
import { Session } from '../../server/modules/auth/auth.model.js';

describe('sign-in: a class signing in together', () => {
  it('when 50 sign-ins arrive at once (30 trainees on their own accounts, 20 on one shared class account), all get 200 and a session', async function () {
    // 50 scrypt checks at N=2^17 on however few cores the machine has (about 15 s on two idle cores).
    this.timeout(600_000);
    const users = await Promise.all(
      Array.from({ length: 31 }, (_, i) => createUser('technician', { email: `trainee${i}@nimah.test` })),
    );
    // Yesterday's sessions, expired and live, as on any working day: the sign-in writes meet them.
    await withTransaction((transaction) =>
      Session.bulkCreate(
        users.flatMap((u, i) => [
          { userId: u.id, tokenHash: `${i}`.padStart(64, 'a'), expiresAt: new Date(Date.now() - 3600_000) },
          { userId: u.id, tokenHash: `${i}`.padStart(64, 'b'), expiresAt: new Date(Date.now() + 3600_000) },
        ]),
        { transaction },
      ),
    );
    // Arriving mixed: the shared account's sign-ins beyond 10 wait for its first ones to be checked.
    const emails = users.slice(1).flatMap((u, i) => (i < 20 ? [users[0].email, u.email] : [u.email]));
    const started = new Date();
    const results = await Promise.all(
      emails.map((email) => api().post('/api/auth/login').send({ email, password: TEST_PASSWORD })),
    );
    const tally: Record<string, number> = {};
    for (const r of results) tally[r.status] = (tally[r.status] ?? 0) + 1;
    console.log(`      50 concurrent sign-ins: ${JSON.stringify(tally)}`);
    expect(results.filter((r) => r.status !== 200).map((r) => `${r.status} ${r.body?.error?.code}`)).to.deep.equal([]);
    expect(await Session.count({ where: { createdAt: { [Op.gte]: started } } })).to.equal(50);
  });
});

// Sign-in history does not grow without bound: attempts and counters past their window, and expired sessions, go.
import { expect } from 'chai';
import { withTransaction } from '../../server/db/sequelize.js';
import { LoginAttempt, LoginThrottle, Session } from '../../server/modules/auth/auth.model.js';
import { purgeSignInHistory } from '../../server/modules/auth/auth.housekeeping.js';
import { initModels } from '../../server/models.js';
import { createUser } from '../helpers/factories.js';

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);

describe('sign-in housekeeping', () => {
  // This file builds no app (which registers the models); run alone, the models must be registered here.
  before(() => initModels());

  it('when attempts and counters are older than the 15-minute window and sessions have expired, a pass deletes them and keeps the rest', async () => {
    const user = await createUser('technician');
    await withTransaction(async (transaction) => {
      await LoginAttempt.bulkCreate(
        [
          ...Array.from({ length: 1_205 }, (_, i) => ({
            email: `old${i % 7}@nimah.test`,
            ip: '10.0.0.1',
            succeeded: false,
            createdAt: minutesAgo(16 + (i % 60)),
          })),
          { email: 'fresh@nimah.test', ip: '10.0.0.1', succeeded: false, createdAt: minutesAgo(14) },
        ],
        { transaction },
      );
      await LoginThrottle.bulkCreate(
        [
          { scope: 'pair', email: 'old0@nimah.test', ip: '10.0.0.1', failures: 10, windowStart: minutesAgo(16) },
          { scope: 'address', email: '', ip: '10.0.0.1', failures: 3, windowStart: minutesAgo(14) },
        ],
        { transaction },
      );
      await Session.bulkCreate(
        [
          { userId: user.id, tokenHash: 'a'.repeat(64), expiresAt: minutesAgo(1) },
          { userId: user.id, tokenHash: 'b'.repeat(64), expiresAt: minutesAgo(-60) },
        ],
        { transaction },
      );
    });
    const counts = await purgeSignInHistory();
    expect(counts).to.deep.equal({ attempts: 1_205, throttles: 1, sessions: 1 });
    expect((await LoginAttempt.findAll()).map((a) => a.email)).to.deep.equal(['fresh@nimah.test']);
    expect((await LoginThrottle.findAll()).map((t) => t.scope)).to.deep.equal(['address']);
    expect((await Session.findAll()).map((s) => s.tokenHash)).to.deep.equal(['b'.repeat(64)]);
  });
});

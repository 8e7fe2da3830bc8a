// The session cache (server/modules/auth/auth.sessions.ts): one lookup for many concurrent requests, a busy token read
// again before its entry runs out, and the database still the truth within SESSION_CACHE_MS.
import { expect } from 'chai';
import { signIn } from '../helpers/factories.js';
import { Session } from '../../server/modules/auth/auth.model.js';
import {
  actorForToken,
  hashToken,
  sessionLookupsSettled,
  SESSION_CACHE_MS,
  SESSION_REFRESH_AHEAD_MS,
} from '../../server/modules/auth/auth.sessions.js';
import { withTransaction } from '../../server/db/sequelize.js';

/** Counts the session reads Sequelize runs (its own hook; nothing is replaced). */
function countSessionReads(): { count: () => number; stop: () => void } {
  let n = 0;
  Session.addHook('beforeFind', 'countReads', () => {
    n += 1;
  });
  return { count: () => n, stop: () => Session.removeHook('beforeFind', 'countReads') };
}

/** Revokes a session in the database only, as another server instance would. */
const revokeElsewhere = (token: string) =>
  withTransaction((transaction) =>
    Session.update({ revokedAt: new Date() }, { where: { tokenHash: hashToken(token) }, transaction }),
  );

describe('session cache', () => {
  let reads: ReturnType<typeof countSessionReads>;
  beforeEach(() => {
    reads = countSessionReads();
  });
  afterEach(async () => {
    await sessionLookupsSettled();
    reads.stop();
  });

  it('when 20 requests with a token nobody has looked up arrive at once, reads the session once and answers all', async () => {
    const { user, token } = await signIn('technician');
    const now = Date.now();

    const actors = await Promise.all(Array.from({ length: 20 }, () => actorForToken(token, now)));

    expect(reads.count()).to.equal(1);
    expect(actors.map((a) => a?.id)).to.deep.equal(Array(20).fill(user.id));
  });

  it('when a cached token is used in the last second of its entry, answers from the cache and reads it again in the background', async () => {
    const { user, token } = await signIn('manager');
    const now = Date.now();
    await actorForToken(token, now);
    expect(reads.count()).to.equal(1);

    const nearEnd = now + SESSION_CACHE_MS - SESSION_REFRESH_AHEAD_MS / 2;
    const [a, b] = await Promise.all([actorForToken(token, nearEnd), actorForToken(token, nearEnd)]);
    expect([a?.id, b?.id]).to.deep.equal([user.id, user.id]);
    await sessionLookupsSettled();
    expect(reads.count()).to.equal(2);

    // The refreshed entry counts from the refresh: past the first entry's end there is no wait and no read.
    expect((await actorForToken(token, now + SESSION_CACHE_MS + 100))?.id).to.equal(user.id);
    expect(reads.count()).to.equal(2);
  });

  it('when a session is revoked in the database by another instance, stops accepting it once the background read sees it', async () => {
    const { user, token } = await signIn('viewer');
    const now = Date.now();
    await actorForToken(token, now);
    await revokeElsewhere(token);

    expect((await actorForToken(token, now + 1_000))?.id).to.equal(user.id, 'trusted from the cache within its time');
    const nearEnd = now + SESSION_CACHE_MS - SESSION_REFRESH_AHEAD_MS / 2;
    expect((await actorForToken(token, nearEnd))?.id).to.equal(user.id, 'still within its time while the refresh runs');
    await sessionLookupsSettled();

    expect(await actorForToken(token, nearEnd + 1)).to.equal(undefined);
  });

  it('when a revoked session was cached and nobody used it near the end, is never accepted past SESSION_CACHE_MS', async () => {
    const { token } = await signIn('technician');
    const now = Date.now();
    await actorForToken(token, now);
    await revokeElsewhere(token);

    expect(await actorForToken(token, now + SESSION_CACHE_MS + 1)).to.equal(undefined);
    expect(reads.count()).to.equal(2);
  });

  it('when an unknown token is sent many times at once, caches nothing and reads once per burst', async () => {
    const now = Date.now();
    const answers = await Promise.all(Array.from({ length: 10 }, () => actorForToken('not-a-token', now)));
    expect(answers).to.deep.equal(Array(10).fill(undefined));
    expect(reads.count()).to.equal(1);
    await actorForToken('not-a-token', now);
    expect(reads.count()).to.equal(2);
  });
});

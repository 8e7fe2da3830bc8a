// The public rate limits' shared counters (server/lib/rate-limit-store.ts): what one statement counts and hands back,
// a window that starts again in the same row, and the housekeeping that deletes ended windows. Several processes
// sharing them: test/reliability/instances.test.ts.
import { expect } from 'chai';
import '../../server/routes.js'; // the route list makes the public limiters, whose windows housekeeping reads
import { DatabaseRateLimitStore, purgeEndedRateLimitWindows } from '../../server/lib/rate-limit-store.js';
import type { Options } from 'express-rate-limit';
import { rawSelect, rawWrite } from '../helpers/more-factories.js';

const WINDOW_MS = 15 * 60_000;

function store(prefix: string): DatabaseRateLimitStore {
  const made = new DatabaseRateLimitStore(prefix);
  made.init({ windowMs: WINDOW_MS } as Options);
  return made;
}

describe('rate limit store (rate_limit_hits)', () => {
  it('counts each hit of a key in one row, hands back the count and the end of the window that began at the first hit', async () => {
    const pledges = store('test-pledge:');
    const before = Date.now();
    const first = await pledges.increment('10.0.0.1');
    const second = await pledges.increment('10.0.0.1');
    const other = await pledges.increment('10.0.0.2');
    const otherLimiter = await store('test-verify:').increment('10.0.0.1');

    expect([first.totalHits, second.totalHits, other.totalHits, otherLimiter.totalHits]).to.deep.equal([1, 2, 1, 1]);
    expect(second.resetTime!.getTime(), 'the window began with the first hit').to.equal(first.resetTime!.getTime());
    expect(first.resetTime!.getTime()).to.be.within(before + WINDOW_MS, Date.now() + WINDOW_MS);
    expect(await pledges.get('10.0.0.1')).to.deep.equal(second);
    expect(await rawSelect('SELECT `key`, hits FROM rate_limit_hits ORDER BY `key`')).to.deep.equal([
      { key: 'test-pledge:10.0.0.1', hits: 2 },
      { key: 'test-pledge:10.0.0.2', hits: 1 },
      { key: 'test-verify:10.0.0.1', hits: 1 },
    ]);
  });

  it('when parallel hits arrive at once, each gets its own place in the count', async () => {
    const pledges = store('test-pledge:');
    const counts = await Promise.all(Array.from({ length: 20 }, () => pledges.increment('10.0.0.3')));
    expect(counts.map((c) => c.totalHits).sort((x, y) => x - y)).to.deep.equal(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
  });

  it('when the window has ended, the next hit starts a new one in the same row; decrement and resetKey change only their key', async () => {
    const pledges = store('test-pledge:');
    for (let i = 0; i < 5; i += 1) await pledges.increment('10.0.0.4');
    await pledges.increment('10.0.0.5');
    await rawWrite("UPDATE rate_limit_hits SET window_start = :ended WHERE `key` = 'test-pledge:10.0.0.4'", {
      ended: Date.now() - WINDOW_MS,
    });
    expect(await pledges.get('10.0.0.4'), 'an ended window counts nothing').to.equal(undefined);
    const restarted = await pledges.increment('10.0.0.4');
    expect(restarted.totalHits).to.equal(1);
    expect(restarted.resetTime!.getTime()).to.be.greaterThan(Date.now() + WINDOW_MS - 60_000);

    await pledges.increment('10.0.0.4');
    await pledges.decrement('10.0.0.4');
    await pledges.resetKey('10.0.0.5');
    expect(await rawSelect('SELECT `key`, hits FROM rate_limit_hits')).to.deep.equal([
      { key: 'test-pledge:10.0.0.4', hits: 1 },
    ]);
  });

  it('housekeeping deletes the rows whose window ended and keeps the others', async () => {
    const pledges = store('test-pledge:');
    await pledges.increment('10.0.0.6');
    await pledges.increment('10.0.0.7');
    await rawWrite("UPDATE rate_limit_hits SET window_start = :ended WHERE `key` = 'test-pledge:10.0.0.6'", {
      ended: Date.now() - WINDOW_MS - 1,
    });
    expect(await purgeEndedRateLimitWindows()).to.equal(1);
    expect(await rawSelect('SELECT `key` FROM rate_limit_hits')).to.deep.equal([{ key: 'test-pledge:10.0.0.7' }]);
  });
});

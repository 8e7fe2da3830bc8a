// withTransaction on MariaDB runs a use case again when InnoDB rolled it back to break a deadlock (ER_LOCK_DEADLOCK),
// so concurrent writers get their answer instead of 503 DB_BUSY. SQLite queues its writers: no deadlock to retry.
import { expect } from 'chai';
import { QueryTypes, type Transaction } from 'sequelize';
import { getSequelize, isSqlite, withTransaction } from '../../server/db/sequelize.js';
import { writeIn } from '../../server/db/statements.js';

type Bump = (name: string, transaction: Transaction) => Promise<unknown>;
const throughSequelize: Bump = (name, transaction) =>
  getSequelize().query('UPDATE sequences SET value = value + 1 WHERE name = :name', {
    replacements: { name },
    transaction,
  });
// The hot write paths' statements go to mysql2 directly (db/statements.ts), whose deadlock error is not wrapped.
const throughDriver: Bump = (name, transaction) =>
  writeIn(transaction, 'UPDATE sequences SET value = value + 1 WHERE name = ?', [name]);

/** A promise and the function that settles it: two transactions wait for each other's first lock. */
function signal(): { reached: Promise<void>; reach: () => void } {
  let reach = () => undefined as void;
  const reached = new Promise<void>((resolve) => (reach = resolve));
  return { reached, reach };
}

describe('withTransaction: deadlocks', () => {
  for (const [key, how, bump] of [
    ['sq', 'Sequelize', throughSequelize],
    ['my', 'mysql2 directly (db/statements.ts)', throughDriver],
  ] as const) {
    it(`when two transactions lock two rows in opposite orders (statements through ${how}), InnoDB ends one, it runs again, and both complete once`, async function () {
      if (isSqlite()) this.skip();
      const [a, b] = [`dl:${key}:a`, `dl:${key}:b`];
      await getSequelize().query('INSERT INTO sequences (name, value) VALUES (:a, 0), (:b, 0)', {
        replacements: { a, b },
      });
      const first = signal();
      const second = signal();
      const attempts = { ab: 0, ba: 0 };
      const ab = withTransaction(async (t) => {
        attempts.ab += 1;
        await bump(a, t);
        first.reach();
        await second.reached;
        await bump(b, t);
      });
      const ba = withTransaction(async (t) => {
        attempts.ba += 1;
        await bump(b, t);
        second.reach();
        await first.reached;
        await bump(a, t);
      });

      await Promise.all([ab, ba]);

      // One of them ran twice (the deadlock's victim); what its first run wrote was rolled back.
      expect(attempts.ab + attempts.ba).to.equal(3);
      const rows = await getSequelize().query<{ name: string; value: number | string }>(
        'SELECT name, value FROM sequences WHERE name IN (:a, :b) ORDER BY name',
        { type: QueryTypes.SELECT, replacements: { a, b } },
      );
      expect(rows.map((r) => [r.name, Number(r.value)])).to.deep.equal([
        [a, 2],
        [b, 2],
      ]);
    });
  }

  it('when the use case fails for another reason, it is not run again', async function () {
    if (isSqlite()) this.skip();
    let runs = 0;
    const failing = withTransaction(async () => {
      runs += 1;
      throw new Error('a use case error');
    });
    await failing.then(
      () => expect.fail('should have failed'),
      (err: Error) => expect(err.message).to.equal('a use case error'),
    );
    expect(runs).to.equal(1);
  });
});

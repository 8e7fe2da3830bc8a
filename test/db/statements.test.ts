// db/statements.ts: the hot write paths' statements, run in the caller's transaction on either dialect (straight
// through mysql2 on MariaDB). They see the transaction's own writes, roll back with it, and count changed rows.
import { expect } from 'chai';
import { QueryTypes } from 'sequelize';
import { getSequelize, withTransaction } from '../../server/db/sequelize.js';
import { selectIn, writeIn } from '../../server/db/statements.js';

const valueOf = async (name: string): Promise<number | undefined> => {
  const [row] = await getSequelize().query<{ value: number | string }>('SELECT value FROM sequences WHERE name = ?', {
    replacements: [name],
    type: QueryTypes.SELECT,
  });
  return row === undefined ? undefined : Number(row.value);
};

describe('db/statements: writeIn and selectIn', () => {
  it('when a write matches rows, returns how many it changed, and the same transaction reads them back', async () => {
    const seen = await withTransaction(async (t) => {
      const inserted = await writeIn(t, 'INSERT INTO sequences (name, value) VALUES (?, ?), (?, ?)', [
        'st:a',
        1,
        'st:b',
        2,
      ]);
      const updated = await writeIn(t, 'UPDATE sequences SET value = value + ? WHERE name IN (?, ?)', [
        10,
        'st:a',
        'st:b',
      ]);
      const missed = await writeIn(t, 'UPDATE sequences SET value = 0 WHERE name = ?', ['st:none']);
      const rows = await selectIn<{ name: string; value: number | string }>(
        t,
        'SELECT name, value FROM sequences WHERE name IN (?, ?) ORDER BY name',
        ['st:a', 'st:b'],
      );
      return { inserted, updated, missed, rows: rows.map((r) => [r.name, Number(r.value)]) };
    });
    expect(seen).to.deep.equal({
      inserted: 2,
      updated: 2,
      missed: 0,
      rows: [
        ['st:a', 11],
        ['st:b', 12],
      ],
    });
    expect(await valueOf('st:a')).to.equal(11);
  });

  it('when the transaction fails after a write, nothing of it is stored', async () => {
    await withTransaction(async (t) => {
      await writeIn(t, 'INSERT INTO sequences (name, value) VALUES (?, ?)', ['st:gone', 5]);
      throw new Error('the use case fails');
    }).catch((err: Error) => expect(err.message).to.equal('the use case fails'));
    expect(await valueOf('st:gone')).to.equal(undefined);
  });
});

// Spec §14: a lot's stock never goes below 0, even when handovers race for its last bundles. Eight different
// reserved allocations are handed over at once against a lot of three: exactly three get a bundle, five get 409
// BUNDLE_OUT_OF_STOCK and stay reserved. On MariaDB the handovers really run concurrently (SQLite queues write
// transactions), so this is the test that the conditional decrement, not a read-then-write, guards the stock.
import { expect } from 'chai';
import { signIn } from '../helpers/factories.js';
import { countRows, rawSelect, rawWrite } from '../helpers/more-factories.js';
import {
  addLot,
  assignments,
  createSponsor,
  handOver,
  iccid,
  remainingOf,
  reservedAllocation,
  statusesOf,
  type Reserved,
} from '../helpers/connectivity.js';

describe('connectivity bundles: stock under concurrent handovers', function () {
  this.timeout(120_000);

  for (const named of [true, false]) {
    it(`when 8 handovers race for a lot of 3 (${named ? 'lot named' : 'oldest lot of the sponsor'}), exactly 3 get one and 5 get 409`, async () => {
      const { token: manager } = await signIn('manager');
      const sponsor = await createSponsor(manager);
      const lot = await addLot(manager, sponsor.id, { count: 3 });
      const reserved: Reserved[] = [];
      for (let i = 0; i < 8; i += 1) reserved.push(await reservedAllocation(manager));

      const results = await Promise.all(
        reserved.map((r, i) =>
          handOver(manager, r.allocationId, {
            bundle: { sponsorId: sponsor.id, ...(named ? { lotId: lot.id } : {}), iccid: iccid(500 + i) },
          }),
        ),
      );

      const statuses = results.map((r) => r.status);
      expect(
        statuses.filter((s) => s === 200),
        JSON.stringify(statuses),
      ).to.have.length(3);
      expect(
        statuses.filter((s) => s === 409),
        JSON.stringify(statuses),
      ).to.have.length(5);
      for (const r of results.filter((x) => x.status === 409))
        expect(r.body.error.code).to.equal('BUNDLE_OUT_OF_STOCK');
      expect(await remainingOf(lot.id)).to.equal(0);
      const rows = await assignments();
      expect(rows).to.have.length(3);
      const won = reserved.filter((_, i) => results[i].status === 200).map((r) => r.allocationId);
      expect(rows.map((a) => Number(a.allocation_id)).sort()).to.deep.equal([...won].sort());
      for (const [i, r] of reserved.entries())
        expect(await statusesOf(r)).to.deep.equal(
          results[i].status === 200
            ? { allocation: 'handed_over', device: 'handed_over' }
            : { allocation: 'reserved', device: 'allocated' },
        );
      expect(await countRows('figure_handover_facts')).to.equal(3);
      const [never] = await rawSelect<{ n: number | string }>(
        'SELECT COUNT(*) AS n FROM bundle_lots WHERE remaining < 0',
      );
      expect(Number(never.n)).to.equal(0);
    });
  }

  it('when a write would take the stock below 0, the database itself refuses it (CHECK constraint)', async () => {
    const { token: manager } = await signIn('manager');
    const sponsor = await createSponsor(manager);
    const lot = await addLot(manager, sponsor.id, { count: 1 });

    let refused: unknown;
    try {
      await rawWrite('UPDATE bundle_lots SET remaining = remaining - 2 WHERE id = :id', { id: lot.id });
    } catch (error) {
      refused = error;
    }

    expect(refused, 'the CHECK constraint').to.be.instanceOf(Error);
    expect(await remainingOf(lot.id)).to.equal(1);
  });
});

// Spec §14, issue 19 point 3: sponsors and their stock of SIM data bundles, one bundle given at handover (the SIM's
// ICCID or number stored encrypted, shown as its last 4 digits), stock that never goes below 0, and the report of
// bundles and gigabytes per sponsor, region and month.
import { expect } from 'chai';
import { parse as parseCsv } from 'csv-parse/sync';
import { decryptPii } from '../../server/lib/pii.js';
import { iccidAad } from '../../server/modules/connectivity/index.js';
import { createEndpoint } from '../../server/modules/webhooks/webhooks.service.js';
import { api, bearer } from '../helpers/api.js';
import { signIn } from '../helpers/factories.js';
import { countRows, rawSelect } from '../helpers/more-factories.js';
import { createBeneficiary, SIGNATURE_PNG } from '../helpers/beneficiaries.js';
import { createBatch, createPartnerOrg, handOverBatch, readyDevices } from '../helpers/batches.js';
import { createProgramme } from '../documents/documents.helpers.js';
import {
  addLot,
  assignments,
  createSponsor,
  handOver,
  iccid,
  remainingOf,
  reservedAllocation,
  statusesOf,
} from '../helpers/connectivity.js';
import type { AllocationDto, BundleReportDto, SponsorDto } from '../../server/shared/index.js';

describe('connectivity bundles (spec §14)', function () {
  this.timeout(60_000);
  let manager: string;
  beforeEach(async () => {
    manager = (await signIn('manager')).token;
  });

  describe('sponsors and their stock', () => {
    it('when a manager creates a sponsor and receives two lots, the sponsor shows each lot and the totals', async () => {
      const sponsor = await createSponsor(manager, {
        name: 'شركة الاتصالات السعودية',
        nameLatin: 'STC',
        contactPerson: 'م. سارة',
        phone: '0551234567',
      });
      const first = await addLot(manager, sponsor.id, { operator: 'STC', dataGb: 10, validityDays: 30, count: 5 });
      await addLot(manager, sponsor.id, { operator: 'Mobily', dataGb: 0.5, validityDays: 7, count: 3 });

      const res = await api().get(`/api/sponsors/${sponsor.id}`).set(bearer(manager)).expect(200);

      expect(first).to.include({ sponsorId: sponsor.id, operator: 'STC', dataGb: 10, received: 5, remaining: 5 });
      const body = res.body as SponsorDto;
      expect(body).to.include({
        name: 'شركة الاتصالات السعودية',
        nameLatin: 'STC',
        contactPerson: 'م. سارة',
        phone: '+966551234567',
        received: 8,
        remaining: 8,
        distributed: 0,
      });
      expect(body.lots.map((l) => [l.operator, l.dataGb, l.validityDays, l.remaining])).to.deep.equal([
        ['STC', 10, 30, 5],
        ['Mobily', 0.5, 7, 3],
      ]);
      const [stored] = await rawSelect<{ data_mb: number; received: number; remaining: number }>(
        'SELECT data_mb, received, remaining FROM bundle_lots WHERE operator = :op',
        { op: 'Mobily' },
      );
      expect([Number(stored.data_mb), Number(stored.received), Number(stored.remaining)]).to.deep.equal([500, 3, 3]);
    });

    it('when a technician or viewer lists sponsors, they see the stock but not the contact person or phone', async () => {
      const sponsor = await createSponsor(manager, { contactPerson: 'م. سارة', phone: '0551234567' });
      await addLot(manager, sponsor.id);
      for (const role of ['technician', 'viewer'] as const) {
        const { token } = await signIn(role);
        const list = await api().get('/api/sponsors').set(bearer(token)).expect(200);
        expect(list.body.total).to.equal(1);
        expect(list.body.items[0]).to.include({ id: sponsor.id, contactPerson: null, phone: null, received: 5 });
      }
    });

    it('when a sponsor or a lot is invalid, answers 400 naming each field and writes nothing', async () => {
      const bad = await api().post('/api/sponsors').set(bearer(manager)).send({ phone: 'abc' }).expect(400);
      expect(bad.body.error.details.map((d: { path: string }) => d.path).sort()).to.deep.equal(['name', 'phone']);
      const sponsor = await createSponsor(manager);

      const res = await api()
        .post(`/api/sponsors/${sponsor.id}/bundles`)
        .set(bearer(manager))
        .send({ operator: ' ', dataGb: 1.2345, validityDays: 0, count: 2.5 })
        .expect(400);

      const details = res.body.error.details as Array<{ path: string; type: string }>;
      expect(Object.fromEntries(details.map((d) => [d.path, d.type]))).to.deep.equal({
        operator: 'string.empty',
        dataGb: 'dataGb.precision',
        validityDays: 'number.min',
        count: 'number.integer',
      });
      const missing = await api().post(`/api/sponsors/${sponsor.id}/bundles`).set(bearer(manager)).send({});
      expect(missing.status).to.equal(400);
      expect(missing.body.error.details.map((d: { path: string }) => d.path)).to.have.members([
        'operator',
        'dataGb',
        'validityDays',
        'count',
      ]);
      expect(await countRows('bundle_lots')).to.equal(0);
      expect(await countRows('sponsors')).to.equal(1);
    });

    it('when the sponsor does not exist, GET and a new lot answer 404', async () => {
      await api().get('/api/sponsors/999999').set(bearer(manager)).expect(404);
      await api()
        .post('/api/sponsors/999999/bundles')
        .set(bearer(manager))
        .send({ operator: 'STC', dataGb: 1, validityDays: 30, count: 1 })
        .expect(404);
      expect(await countRows('bundle_lots')).to.equal(0);
    });
  });

  describe('a bundle at handover', () => {
    it('when a handover takes a bundle, stores the SIM encrypted with its last 4, takes one from the lot and shows it', async () => {
      const sponsor = await createSponsor(manager, { name: 'زين', nameLatin: 'Zain' });
      const lot = await addLot(manager, sponsor.id, { operator: 'Zain', dataGb: 20, validityDays: 60, count: 2 });
      const r = await reservedAllocation(manager, { regionCode: 'SA-01' });
      const sim = iccid(1234);

      const res = await handOver(manager, r.allocationId, { bundle: { sponsorId: sponsor.id, iccid: sim } });

      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      expect((res.body as AllocationDto).bundle).to.deep.equal({
        sponsorId: sponsor.id,
        sponsorName: 'زين',
        lotId: lot.id,
        operator: 'Zain',
        dataGb: 20,
        validityDays: 60,
        iccidLast4: '1234',
      });
      const [row] = await assignments();
      expect(row).to.include({ iccid_last4: '1234', region_code: 'SA-01', month: '2026-11' });
      expect(Number(row.allocation_id)).to.equal(r.allocationId);
      expect(Number(row.data_mb)).to.equal(20000);
      expect(row.iccid_encrypted).to.match(/^v2:/).and.not.include(sim).and.not.include(sim.slice(0, 10));
      expect(decryptPii(row.iccid_encrypted, iccidAad(r.allocationId))).to.equal(sim);
      expect(() => decryptPii(row.iccid_encrypted, iccidAad(r.allocationId + 1))).to.throw();
      expect(await remainingOf(lot.id)).to.equal(1);
      const after = await api().get(`/api/sponsors/${sponsor.id}`).set(bearer(manager)).expect(200);
      expect(after.body).to.include({ received: 2, remaining: 1, distributed: 1 });
      expect(JSON.stringify(after.body)).not.to.include(sim);
    });

    it('when a technician or viewer reads the allocation, the bundle comes without the last 4 digits', async () => {
      const sponsor = await createSponsor(manager);
      await addLot(manager, sponsor.id);
      const r = await reservedAllocation(manager);
      await handOver(manager, r.allocationId, { bundle: { sponsorId: sponsor.id, iccid: iccid(77) } }).then((x) =>
        expect(x.status).to.equal(200),
      );
      const viewer = (await signIn('viewer')).token;

      const one = await api().get(`/api/allocations/${r.allocationId}`).set(bearer(viewer)).expect(200);
      const list = await api().get('/api/allocations').set(bearer(viewer)).expect(200);
      const full = await api().get('/api/allocations').set(bearer(manager)).expect(200);

      expect(one.body.bundle).to.include({ sponsorId: sponsor.id, dataGb: 10, iccidLast4: null });
      expect(list.body.items[0].bundle).to.include({ iccidLast4: null });
      expect(full.body.items[0].bundle).to.include({ iccidLast4: '0077' });
    });

    it('when the ICCID or number is typed in Arabic-Indic digits with spaces, hyphens or a +, stores the Latin digits', async () => {
      const sponsor = await createSponsor(manager);
      await addLot(manager, sponsor.id, { count: 3 });
      const typed = [
        ['٨٩٩٦ ٦٠١٢-٣٤٥٦ ٧٨٩٠ ١٢٣٤', '89966012345678901234'],
        ['+۹۶۶ ۵۰ ۱۲۳ ۴۵۶۷', '966501234567'],
      ];
      for (const [input, digits] of typed) {
        const r = await reservedAllocation(manager);
        const res = await handOver(manager, r.allocationId, { bundle: { sponsorId: sponsor.id, iccid: input } });
        expect(res.status, JSON.stringify(res.body)).to.equal(200);
        expect(res.body.bundle.iccidLast4).to.equal(digits.slice(-4));
        const [row] = await rawSelect<{ iccid_encrypted: string }>(
          'SELECT iccid_encrypted FROM bundle_assignments WHERE allocation_id = :id',
          { id: r.allocationId },
        );
        expect(decryptPii(row.iccid_encrypted, iccidAad(r.allocationId))).to.equal(digits);
      }
    });

    it('when the ICCID is not 8 to 22 digits, answers 400 naming bundle.iccid without echoing it, and hands nothing over', async () => {
      const sponsor = await createSponsor(manager);
      const lot = await addLot(manager, sponsor.id);
      const r = await reservedAllocation(manager);
      for (const bad of ['1234567', '89966'.repeat(5), '8996A01234567890', '']) {
        const res = await handOver(manager, r.allocationId, { bundle: { sponsorId: sponsor.id, iccid: bad } });
        expect(res.status, bad).to.equal(400);
        expect(res.body.error.details[0]).to.include({ path: 'bundle.iccid' });
        if (bad) expect(JSON.stringify(res.body)).not.to.include(bad);
      }
      const typeOf = await handOver(manager, r.allocationId, { bundle: { sponsorId: sponsor.id, iccid: '1234567' } });
      expect(typeOf.body.error.details[0]).to.deep.include({ type: 'iccid.format', context: { min: 8, max: 22 } });
      const noSponsor = await handOver(manager, r.allocationId, { bundle: { iccid: iccid(1) } });
      expect(noSponsor.body.error.details[0]).to.include({ path: 'bundle.sponsorId', type: 'any.required' });
      expect(await statusesOf(r)).to.deep.equal({ allocation: 'reserved', device: 'allocated' });
      expect(await remainingOf(lot.id)).to.equal(5);
      expect(await countRows('bundle_assignments')).to.equal(0);
    });

    it('when the lot has no bundle left, answers 409 BUNDLE_OUT_OF_STOCK naming bundle.lotId and writes nothing', async () => {
      const sponsor = await createSponsor(manager);
      const lot = await addLot(manager, sponsor.id, { count: 1 });
      const first = await reservedAllocation(manager);
      const second = await reservedAllocation(manager);
      const bundle = { sponsorId: sponsor.id, lotId: lot.id };
      expect((await handOver(manager, first.allocationId, { bundle: { ...bundle, iccid: iccid(1) } })).status).to.equal(
        200,
      );

      const res = await handOver(manager, second.allocationId, { bundle: { ...bundle, iccid: iccid(2) } });

      expect(res.status).to.equal(409);
      expect(res.body.error.code).to.equal('BUNDLE_OUT_OF_STOCK');
      expect(res.body.error.details).to.deep.equal([
        { path: 'bundle.lotId', message: `lot ${lot.id} has no bundle left` },
      ]);
      expect(await statusesOf(second)).to.deep.equal({ allocation: 'reserved', device: 'allocated' });
      expect(await remainingOf(lot.id)).to.equal(0);
      expect((await assignments()).map((a) => Number(a.allocation_id))).to.deep.equal([first.allocationId]);
      const [beneficiary] = await rawSelect<{ status: string }>('SELECT status FROM beneficiaries WHERE id = :id', {
        id: second.beneficiaryId,
      });
      expect(beneficiary.status).to.equal('allocated');
      expect(await countRows('figure_handover_facts')).to.equal(1);
    });

    it('when no lot is named, takes from the oldest lot in stock, and answers 409 naming bundle.sponsorId once all are empty', async () => {
      const sponsor = await createSponsor(manager);
      const older = await addLot(manager, sponsor.id, { count: 1, dataGb: 1 });
      const newer = await addLot(manager, sponsor.id, { count: 1, dataGb: 2 });
      const rs = [
        await reservedAllocation(manager),
        await reservedAllocation(manager),
        await reservedAllocation(manager),
      ];

      const got = [];
      for (const [i, r] of rs.entries())
        got.push(await handOver(manager, r.allocationId, { bundle: { sponsorId: sponsor.id, iccid: iccid(i) } }));

      expect(got.map((g) => g.status)).to.deep.equal([200, 200, 409]);
      expect(got.map((g) => g.body.bundle?.lotId)).to.deep.equal([older.id, newer.id, undefined]);
      expect(got[2].body.error).to.include({ code: 'BUNDLE_OUT_OF_STOCK' });
      expect(got[2].body.error.details[0]).to.include({ path: 'bundle.sponsorId' });
      expect([await remainingOf(older.id), await remainingOf(newer.id)]).to.deep.equal([0, 0]);
      expect(await statusesOf(rs[2])).to.deep.equal({ allocation: 'reserved', device: 'allocated' });
    });

    it('when the sponsor or lot is unknown, or the lot is another sponsor’s, answers 422 naming the field and takes nothing', async () => {
      const sponsor = await createSponsor(manager);
      const other = await createSponsor(manager);
      const lot = await addLot(manager, sponsor.id);
      const othersLot = await addLot(manager, other.id);
      const r = await reservedAllocation(manager);
      const cases: Array<[Record<string, unknown>, string, string]> = [
        [{ sponsorId: 999999 }, 'REFERENCE_NOT_FOUND', 'bundle.sponsorId'],
        [{ sponsorId: sponsor.id, lotId: 999999 }, 'REFERENCE_NOT_FOUND', 'bundle.lotId'],
        [{ sponsorId: sponsor.id, lotId: othersLot.id }, 'BUNDLE_LOT_MISMATCH', 'bundle.lotId'],
      ];
      for (const [bundle, code, path] of cases) {
        const res = await handOver(manager, r.allocationId, { bundle: { ...bundle, iccid: iccid(5) } });
        expect(res.status, JSON.stringify(res.body)).to.equal(422);
        expect(res.body.error.code).to.equal(code);
        expect(res.body.error.details[0].path).to.equal(path);
      }
      expect([await remainingOf(lot.id), await remainingOf(othersLot.id)]).to.deep.equal([5, 5]);
      expect(await statusesOf(r)).to.deep.equal({ allocation: 'reserved', device: 'allocated' });
      expect(await countRows('bundle_assignments')).to.equal(0);
    });

    it('when the handover is refused for another reason (a cancelled allocation, a second handover), no bundle is taken', async () => {
      const sponsor = await createSponsor(manager);
      const lot = await addLot(manager, sponsor.id);
      const cancelled = await reservedAllocation(manager);
      await api()
        .post(`/api/allocations/${cancelled.allocationId}/cancel`)
        .set(bearer(manager))
        .send({ reason: 'الأسرة انتقلت' })
        .expect(200);
      const done = await reservedAllocation(manager);
      expect((await handOver(manager, done.allocationId)).status).to.equal(200);
      const bundle = { sponsorId: sponsor.id, iccid: iccid(9) };

      const refused = [
        await handOver(manager, cancelled.allocationId, { bundle }),
        await handOver(manager, done.allocationId, { bundle }),
      ];

      expect(refused.map((x) => [x.status, x.body.error.code])).to.deep.equal([
        [409, 'INVALID_TRANSITION'],
        [409, 'INVALID_TRANSITION'],
      ]);
      expect(await remainingOf(lot.id)).to.equal(5);
      expect(await countRows('bundle_assignments')).to.equal(0);
      const noBundle = await api().get(`/api/allocations/${done.allocationId}`).set(bearer(manager)).expect(200);
      expect(noBundle.body.bundle).to.equal(null);
    });

    it('when a batch is handed over with a bundle, answers 400 naming bundle (one bundle cannot go with many devices)', async () => {
      const sponsor = await createSponsor(manager);
      const lot = await addLot(manager, sponsor.id);
      const programme = await createProgramme(manager);
      const partner = await createPartnerOrg(manager);
      const devices = await readyDevices(manager, 1);
      const batch = await createBatch(manager, {
        recipient: { partnerId: partner.id },
        programmeId: programme.id,
        deviceIds: [devices[0].id],
      });

      const res = await api()
        .post(`/api/allocation-batches/${batch.id}/handover`)
        .set(bearer(manager))
        .send({ receivedBy: 'منسق', signature: SIGNATURE_PNG, bundle: { sponsorId: sponsor.id, iccid: iccid(3) } });

      expect(res.status).to.equal(400);
      expect(res.body.error.details[0]).to.include({ path: 'bundle', type: 'any.unknown' });
      expect(await remainingOf(lot.id)).to.equal(5);
    });

    it('when a partner hands on a device in its custody with a bundle, the bundle is taken and shown to the partner', async () => {
      const sponsor = await createSponsor(manager);
      const lot = await addLot(manager, sponsor.id);
      const programme = await createProgramme(manager);
      const partner = await createPartnerOrg(manager);
      const [device] = await readyDevices(manager, 1);
      const batch = await createBatch(manager, {
        recipient: { partnerId: partner.id },
        programmeId: programme.id,
        deviceIds: [device.id],
      });
      await handOverBatch(manager, batch.id);
      const family = await createBeneficiary(manager, { partnerId: partner.id, regionCode: 'SA-02' });
      const user = (await signIn('partner', { partnerId: partner.id })).token;
      const allocation = await api()
        .post('/api/allocations')
        .set(bearer(user))
        .send({ deviceId: device.id, beneficiaryId: family.id })
        .expect(201);

      const res = await handOver(user, allocation.body.id, { bundle: { sponsorId: sponsor.id, iccid: '0501234567' } });

      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      expect(res.body.bundle).to.include({ lotId: lot.id, iccidLast4: '4567' });
      expect(await remainingOf(lot.id)).to.equal(4);
      const [row] = await assignments();
      expect(row).to.include({ region_code: 'SA-02' });
      // The partner picks from the sponsors' stock, but never sees a sponsor's contact.
      const listed = await api().get('/api/sponsors').set(bearer(user)).expect(200);
      expect(listed.body.items[0]).to.include({ id: sponsor.id, contactPerson: null, phone: null });
    });

    it('when a webhook hears the handover, it hears the bundle without the ICCID or its last digits', async () => {
      const admin = await signIn('admin');
      await createEndpoint({ url: 'http://127.0.0.1:9/hook', events: ['allocation.handed_over'] }, admin.user, {
        allowPrivate: true,
      });
      const sponsor = await createSponsor(manager);
      const lot = await addLot(manager, sponsor.id, { operator: 'Mobily', dataGb: 5 });
      const r = await reservedAllocation(manager);
      const sim = iccid(4321);
      expect(
        (await handOver(manager, r.allocationId, { bundle: { sponsorId: sponsor.id, iccid: sim } })).status,
      ).to.equal(200);

      const [message] = await rawSelect<{ payload: string }>(
        "SELECT payload FROM outbox_messages WHERE topic = 'allocation.handed_over'",
      );

      expect(message.payload).to.include(`"lotId":${lot.id}`).and.include('"operator":"Mobily"');
      expect(message.payload).not.to.include(sim).and.not.include('4321').and.not.include('iccid');
    });
  });

  describe('the report of bundles given', () => {
    /** Four handovers: sponsor A in SA-01 (Nov twice, Dec once) and in SA-04 (Nov), sponsor B in SA-01 (Dec). */
    async function scene() {
      const a = await createSponsor(manager, { name: 'الراعي أ' });
      const b = await createSponsor(manager, { name: 'الراعي ب' });
      const lotA = await addLot(manager, a.id, { dataGb: 0.1, count: 10 });
      const lotA2 = await addLot(manager, a.id, { dataGb: 0.2, count: 10 });
      const lotB = await addLot(manager, b.id, { dataGb: 1.5, count: 10 });
      const plan: Array<[number, number, string, string]> = [
        [a.id, lotA.id, 'SA-01', '2026-11-03T09:00:00Z'],
        [a.id, lotA2.id, 'SA-01', '2026-11-20T09:00:00Z'],
        [a.id, lotA.id, 'SA-04', '2026-11-21T09:00:00Z'],
        [a.id, lotA2.id, 'SA-01', '2026-12-01T09:00:00Z'],
        [b.id, lotB.id, 'SA-01', '2026-12-02T09:00:00Z'],
      ];
      for (const [i, [sponsorId, lotId, regionCode, at]] of plan.entries()) {
        const r = await reservedAllocation(manager, { regionCode });
        const res = await handOver(manager, r.allocationId, {
          handedOverAt: at,
          bundle: { sponsorId, lotId, iccid: iccid(100 + i) },
        });
        expect(res.status, JSON.stringify(res.body)).to.equal(200);
      }
      return { a, b };
    }

    it('sums bundles and gigabytes per sponsor, region and month exactly, with the totals', async () => {
      const { a, b } = await scene();
      const viewer = (await signIn('viewer')).token;

      const res = await api().get('/api/reports/bundles').set(bearer(viewer)).expect(200);

      const report = res.body as BundleReportDto;
      expect(report.rows.map((r) => [r.month, r.sponsorId, r.regionCode, r.bundles, r.dataGb])).to.deep.equal([
        ['2026-11', a.id, 'SA-01', 2, 0.3],
        ['2026-11', a.id, 'SA-04', 1, 0.1],
        ['2026-12', a.id, 'SA-01', 1, 0.2],
        ['2026-12', b.id, 'SA-01', 1, 1.5],
      ]);
      expect(report.rows[0].sponsorName).to.equal('الراعي أ');
      expect(report.totals).to.deep.equal({ bundles: 5, dataGb: 2.1 });
    });

    it('filters by months, sponsor and region, and refuses a bad month or an inverted range with 400', async () => {
      const { a } = await scene();
      const get = (q: string) => api().get(`/api/reports/bundles?${q}`).set(bearer(manager));

      const december = (await get('from=2026-12&to=2026-12').expect(200)).body as BundleReportDto;
      const aInRiyadh = (await get(`sponsorId=${a.id}&regionCode=SA-01`).expect(200)).body as BundleReportDto;

      expect(december.totals).to.deep.equal({ bundles: 2, dataGb: 1.7 });
      expect(aInRiyadh.rows.map((r) => [r.month, r.bundles, r.dataGb])).to.deep.equal([
        ['2026-11', 2, 0.3],
        ['2026-12', 1, 0.2],
      ]);
      const bad = await get('from=2026-13&to=2026-1&regionCode=XX-99').expect(400);
      expect(bad.body.error.details.map((d: { path: string; type: string }) => [d.path, d.type])).to.deep.equal([
        ['from', 'month.pattern'],
        ['to', 'month.pattern'],
        ['regionCode', 'any.only'],
      ]);
      const inverted = await get('from=2026-12&to=2026-11').expect(400);
      expect(inverted.body.error.details[0]).to.include({ type: 'dateRange.order' });
    });

    it('gives the same rows as CSV, one line per sponsor × region × month and a total line', async () => {
      const { a, b } = await scene();

      const res = await api().get('/api/reports/bundles.csv?from=2026-11').set(bearer(manager)).expect(200);

      expect(res.headers['content-type']).to.match(/^text\/csv/);
      const rows: string[][] = parseCsv(res.text, { bom: true });
      expect(rows).to.deep.equal([
        ['month', 'sponsorId', 'sponsor', 'regionCode', 'bundles', 'dataGb'],
        ['2026-11', String(a.id), 'الراعي أ', 'SA-01', '2', '0.3'],
        ['2026-11', String(a.id), 'الراعي أ', 'SA-04', '1', '0.1'],
        ['2026-12', String(a.id), 'الراعي أ', 'SA-01', '1', '0.2'],
        ['2026-12', String(b.id), 'الراعي ب', 'SA-01', '1', '1.5'],
        ['total', '', '', '', '5', '2.1'],
      ]);
    });
  });
});

// Exporting a selection of the device list as CSV (issue 20), whatever its size: an explicit selection travels as a
// POST with the ids in a JSON body (up to a selection's 5,000; a URL holds 1,000), "all matching the filter" as a GET
// with the list's filters, however many match. The same columns, the same readers (the device list's), nothing
// written.
import { parse as parseCsv } from 'csv-parse/sync';
import { expect } from 'chai';
import { QueryTypes } from 'sequelize';
import { getSequelize } from '../../server/db/sequelize.js';
import { sqlTime } from '../../server/lib/sql.js';
import { rebuildFigures } from '../../server/modules/figures/index.js';
import { api, bearer } from '../helpers/api.js';
import { createPartnerOrg } from '../helpers/batches.js';
import { createDonation, createDonor, signIn } from '../helpers/factories.js';

const COLUMNS = [
  'assetTag',
  'type',
  'manufacturer',
  'model',
  'serialNumber',
  'imei',
  'status',
  'grade',
  'disposition',
  'donationCode',
  'donorName',
  'receivedAt',
  'statusChangedAt',
];

type CsvRow = Record<string, string>;
const rowsOf = (text: string): CsvRow[] => parseCsv<CsvRow>(text, { bom: true, columns: true, skip_empty_lines: true });
const headerOf = (text: string): string[] => {
  const [header]: string[][] = parseCsv(text, { bom: true, to_line: 1 });
  return header;
};

/** A derived table of the numbers 0..9999 (SQLite and MariaDB alike): many rows in one statement. */
function numbers(): string {
  const digits = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((d) => `SELECT ${d} AS d`).join(' UNION ALL ');
  return `SELECT a.d + 10 * b.d + 100 * c.d + 1000 * e.d AS n
    FROM (${digits}) a CROSS JOIN (${digits}) b CROSS JOIN (${digits}) c CROSS JOIN (${digits}) e`;
}

/** `count` devices inserted straight (tags EXP<n>, n from `first`), of one type and status, in one statement. */
async function insertDevices(donationId: number, first: number, count: number, type: string, status: string) {
  const tag = getSequelize().getDialect() === 'sqlite' ? "'EXP' || n" : "CONCAT('EXP', n)";
  const model = getSequelize().getDialect() === 'sqlite' ? "'Model ' || n" : "CONCAT('Model ', n)";
  const now = sqlTime(new Date());
  await getSequelize().query(
    `INSERT INTO devices (donation_id, asset_tag, type, model, status, version, last_event_seq, status_changed_at, created_at, updated_at)
     SELECT ?, ${tag}, ?, ${model}, ?, 0, 0, ?, ?, ? FROM (${numbers()}) t WHERE n BETWEEN ? AND ? ORDER BY n`,
    { replacements: [donationId, type, status, now, now, now, first, first + count - 1] },
  );
}

const devicesByTag = async (): Promise<Map<string, number>> => {
  const rows = await getSequelize().query<{ id: number; tag: string }>(
    'SELECT id, asset_tag AS tag FROM devices ORDER BY id',
    { type: QueryTypes.SELECT },
  );
  return new Map(rows.map((r) => [r.tag, Number(r.id)]));
};
const eventCount = async (): Promise<number> => {
  const [row] = await getSequelize().query<{ n: number | string }>('SELECT COUNT(*) AS n FROM device_events', {
    type: QueryTypes.SELECT,
  });
  return Number(row.n);
};

/** Runs `request`, counting the SELECTs on the devices table meanwhile (a Sequelize hook: the real queries). */
async function readingDevices<T>(request: () => PromiseLike<T>): Promise<T & { deviceQueries: number }> {
  let deviceQueries = 0;
  getSequelize().addHook('afterQuery', 'countDeviceQueries', (_options, query) => {
    if (/^SELECT[\s\S]*FROM [`"]devices[`"]/i.test((query as unknown as { sql?: string }).sql ?? ''))
      deviceQueries += 1;
  });
  try {
    const result = await request();
    return Object.assign(result as object, { deviceQueries }) as T & { deviceQueries: number };
  } finally {
    getSequelize().removeHook('afterQuery', 'countDeviceQueries');
  }
}

describe('exporting a selection of the device list as CSV', function () {
  this.timeout(120_000);
  let viewer: string;
  let technician: string;
  let donationCode: string;
  let ids: Map<string, number>;

  beforeEach(async () => {
    viewer = (await signIn('viewer')).token;
    technician = (await signIn('technician')).token;
    const donor = await createDonor({ name: 'مؤسسة الوفاء' });
    const donation = await createDonation({ donorId: donor.id });
    donationCode = donation.code;
    // 5,200 laptops in intake (more than a selection holds) and 300 phones in wipe.
    await insertDevices(donation.id, 1, 5200, 'laptop', 'intake');
    await insertDevices(donation.id, 5201, 300, 'phone', 'wipe');
    // The list's counts come from the read model: rebuilt from the tables the rows went into.
    await rebuildFigures({ repair: true });
    ids = await devicesByTag();
  });

  it('when 1,500 selected devices are exported, the CSV holds exactly those, in id order, with the same columns', async () => {
    // Every third laptop and phone, as the client sends them (newest first, as the list shows them).
    const tags = [...ids.keys()].filter((_, i) => i % 3 === 0).slice(0, 1500);
    expect(tags).to.have.length(1500);
    const selected = tags.map((t) => ids.get(t)!).reverse();
    const before = await eventCount();
    const res = await readingDevices(() =>
      api()
        .post('/api/reports/devices.csv')
        .set(bearer(viewer))
        .send({ ids: selected })
        .buffer(true)
        .expect(200)
        .expect('Content-Type', /text\/csv/),
    );
    // One query per batch of 1,000 rows, donor and donation joined in (no query per device).
    expect(res.deviceQueries).to.equal(2);
    expect(headerOf(res.text)).to.deep.equal(COLUMNS);
    const rows = rowsOf(res.text);
    expect(rows.map((r) => r.assetTag)).to.deep.equal(tags);
    const n = rows[0].assetTag.slice(3);
    expect(rows[0]).to.include({ type: 'laptop', model: `Model ${n}`, status: 'intake', donationCode });
    expect(rows[0].donorName).to.equal('مؤسسة الوفاء');
    expect(rows.filter((r) => r.type === 'phone').every((r) => r.status === 'wipe')).to.equal(true);
    expect(await eventCount(), 'an export writes nothing').to.equal(before);

    // An unknown id is left out, as the GET of ids leaves it out.
    const withUnknown = await api()
      .post('/api/reports/devices.csv')
      .set(bearer(viewer))
      .send({ ids: [ids.get('EXP2'), 999999] })
      .buffer(true)
      .expect(200);
    expect(rowsOf(withUnknown.text).map((r) => r.assetTag)).to.deep.equal(['EXP2']);
  });

  it('when all devices matching a filter are exported, the CSV holds every one of them, beyond a selection’s cap', async () => {
    const over = await api().get('/api/devices/selection?type=laptop').set(bearer(viewer)).expect(422);
    expect(over.body.error.code).to.equal('SELECTION_TOO_LARGE');

    const laptops = await readingDevices(() =>
      api().get('/api/reports/devices.csv?type=laptop').set(bearer(viewer)).buffer(true).expect(200),
    );
    // Keyset batches of 1,000 rows: six of them, the last one short.
    expect(laptops.deviceQueries).to.equal(6);
    expect(headerOf(laptops.text)).to.deep.equal(COLUMNS);
    const rows = rowsOf(laptops.text);
    expect(rows).to.have.length(5200);
    expect(new Set(rows.map((r) => r.assetTag)).size).to.equal(5200);
    expect(rows.every((r) => r.type === 'laptop' && r.status === 'intake')).to.equal(true);

    const phones = await api()
      .get('/api/reports/devices.csv?status=wipe&q=Model%2052')
      .set(bearer(viewer))
      .buffer(true)
      .expect(200);
    // Models "Model 52…" among the phones (5201..5500): 5201..5299.
    const phoneTags = rowsOf(phones.text).map((r) => r.assetTag);
    expect([...phoneTags].sort()).to.deep.equal(Array.from({ length: 99 }, (_, i) => `EXP${5201 + i}`).sort());

    // The list's filters and the list agree: the list's total for the same filter.
    const list = await api().get('/api/devices?status=wipe&q=Model%2052').set(bearer(viewer)).expect(200);
    expect(list.body.total).to.equal(99);

    // Nothing matching: the header only.
    const none = await api().get('/api/reports/devices.csv?type=monitor').set(bearer(viewer)).buffer(true).expect(200);
    expect(headerOf(none.text)).to.deep.equal(COLUMNS);
    expect(rowsOf(none.text)).to.deep.equal([]);
  });

  it('when the input is wrong, answers 400 naming the field', async () => {
    const post = async (body: unknown): Promise<string[]> => {
      const res = await api()
        .post('/api/reports/devices.csv')
        .set(bearer(viewer))
        .send(body as object)
        .expect(400);
      return (res.body.error.details as { path: string }[]).map((d) => d.path);
    };
    expect(await post({})).to.deep.equal(['ids']);
    expect(await post({ ids: [] })).to.deep.equal(['ids']);
    expect(await post({ ids: 'EXP1' })).to.deep.equal(['ids']);
    expect(await post({ ids: [1, 'x'] })).to.deep.equal(['ids.1']);
    expect(await post({ ids: [1, -2] })).to.deep.equal(['ids.1']);
    expect(await post({ ids: [1, 2, 1] })).to.deep.equal(['ids.2']);
    expect(await post({ ids: Array.from({ length: 5001 }, (_, i) => i + 1) })).to.deep.equal(['ids']);
    // 5,000 is a selection's size: taken.
    await api()
      .post('/api/reports/devices.csv')
      .set(bearer(viewer))
      .send({ ids: Array.from({ length: 5000 }, (_, i) => i + 1) })
      .buffer(true)
      .expect(200);

    const get = async (query: string): Promise<string> => {
      const res = await api().get(`/api/reports/devices.csv?${query}`).set(bearer(viewer)).expect(400);
      return (res.body.error.details as { path: string }[])[0].path;
    };
    expect(await get('status=lost')).to.equal('status');
    expect(await get('type=car')).to.equal('type');
    expect(await get('siteId=x')).to.equal('siteId');
    expect(await get('ids=1,x')).to.equal('ids');
  });

  it('is read by the device list’s readers only: staff and viewers, not partners nor anyone signed out', async () => {
    const body = { ids: [ids.get('EXP1'), ids.get('EXP2')] };
    for (const token of [viewer, technician]) {
      const res = await api().post('/api/reports/devices.csv').set(bearer(token)).send(body).buffer(true).expect(200);
      expect(rowsOf(res.text).map((r) => r.assetTag)).to.deep.equal(['EXP1', 'EXP2']);
      await api().get('/api/reports/devices.csv?type=phone').set(bearer(token)).expect(200);
    }
    const admin = (await signIn('admin')).token;
    const partner = (await signIn('partner', { partnerId: (await createPartnerOrg(admin)).id })).token;
    await api().post('/api/reports/devices.csv').set(bearer(partner)).send(body).expect(403);
    await api().get('/api/reports/devices.csv?type=phone').set(bearer(partner)).expect(403);
    await api().post('/api/reports/devices.csv').send(body).expect(401);
    await api().get('/api/reports/devices.csv?type=phone').expect(401);
  });
});

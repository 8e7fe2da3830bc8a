// The demo seeder, run through umzug like `npm run db:seed`, on the test database (SQLite, or MariaDB in CI).
import { expect } from 'chai';
import { QueryTypes } from 'sequelize';
import { getSequelize } from '../../server/db/sequelize.js';
import { createSeeder } from '../../server/db/umzug.js';
import { User } from '../../server/modules/auth/auth.model.js';
import { DEVICE_STATUSES, countByStatus, verifyChains } from '../../server/modules/devices/index.js';
import { Device, DeviceEvent, Drive } from '../../server/modules/devices/devices.model.js';
import { Donation } from '../../server/modules/donations/donations.model.js';
import { Donor } from '../../server/modules/donors/donors.model.js';
import { Sanitization } from '../../server/modules/sanitization/sanitization.model.js';
import { Site } from '../../server/modules/sites/sites.model.js';
import { Disposal, Part, VerificationSample } from '../../server/modules/workshop/workshop.model.js';
import { Allocation } from '../../server/modules/allocations/allocations.model.js';
import { Beneficiary } from '../../server/modules/beneficiaries/beneficiaries.model.js';
import { Programme } from '../../server/modules/programmes/programmes.model.js';

const ARABIC = /[\u0600-\u06FF]/;

/** A seeder umzug that starts from an empty seeder_meta (the setup empties every table but the umzug ones). */
async function freshSeeder() {
  const sequelize = getSequelize();
  const seeder = createSeeder();
  await seeder.executed(); // creates seeder_meta when missing
  await sequelize.query('DELETE FROM seeder_meta');
  return seeder;
}

async function snapshot() {
  const sequences = await getSequelize().query<{ name: string; value: number | string }>(
    'SELECT name, value FROM sequences ORDER BY name',
    { type: QueryTypes.SELECT },
  );
  return {
    users: await User.count(),
    sites: await Site.count(),
    donors: await Donor.count(),
    donations: await Donation.count(),
    devices: await Device.count(),
    drives: await Drive.count(),
    events: await DeviceEvent.count(),
    sanitizations: await Sanitization.count(),
    parts: await Part.count(),
    disposals: await Disposal.count(),
    samples: await VerificationSample.count(),
    beneficiaries: await Beneficiary.count(),
    allocations: await Allocation.count(),
    programmes: await Programme.count(),
    sequences: sequences.map((s) => `${s.name}=${Number(s.value)}`),
  };
}

/** Every status and every donation status represented, 400 devices with chains that verify. */
async function expectCountsAndChains(): Promise<void> {
  expect(await Site.count()).to.equal(3);
  // Every demo site and family is in a region of the reference list (spec §11).
  expect(await Site.count({ where: { regionCode: null } })).to.equal(0);
  expect(await Beneficiary.count({ where: { regionCode: null } })).to.equal(0);
  expect(await Donor.count()).to.equal(20);
  expect(await Donation.count()).to.equal(40);
  expect(await Device.count()).to.equal(400);
  const byStatus = await countByStatus({});
  for (const status of DEVICE_STATUSES) expect(byStatus[status] ?? 0, status).to.be.greaterThan(0);
  const donationStatuses = (await Donation.findAll({ attributes: ['status'], raw: true })).map((d) => d.status);
  expect(new Set(donationStatuses)).to.have.keys('pledged', 'scheduled', 'received', 'closed');
  const report = await verifyChains();
  expect(report.broken).to.deep.equal([]);
  expect(report.ok).to.equal(true);
  expect(report.eventsChecked).to.be.greaterThan(400);
}

/** Codes DN-YYYY-NNNN whose highest number per year is where the sequence stands, so new donations follow on. */
async function expectDonationCodes(): Promise<void> {
  const donations = await Donation.findAll({ attributes: ['code'], raw: true });
  for (const { code } of donations) expect(code).to.match(/^DN-\d{4}-\d{4}$/);
  const sequences = await getSequelize().query<{ name: string; value: number | string }>(
    "SELECT name, value FROM sequences WHERE name LIKE 'donation:%'",
    { type: QueryTypes.SELECT },
  );
  expect(sequences).to.not.be.empty;
  for (const { name, value } of sequences) {
    const year = name.slice('donation:'.length);
    const numbers = donations.filter((d) => d.code.startsWith(`DN-${year}-`)).map((d) => Number(d.code.slice(-4)));
    expect(Math.max(...numbers), name).to.equal(Number(value));
  }
}

async function expectPeople(): Promise<void> {
  const sites = await Site.findAll({ raw: true });
  expect(sites.every((s) => ARABIC.test(s.name) && s.nameLatin)).to.equal(true);
  const donors = await Donor.findAll({ raw: true });
  expect(donors.filter((d) => ARABIC.test(d.name))).to.have.length(20);
  expect(donors.filter((d) => !/^\+(9665|2126|2127)\d{8}$/.test(d.phone ?? '')).map((d) => d.phone)).to.deep.equal([]);
  const users = (await User.findAll({ attributes: ['email', 'role'], raw: true })).map((u) => `${u.role}:${u.email}`);
  expect(users).to.include.members([
    'admin:admin@nimah.example',
    'manager:manager@nimah.example',
    'technician:tech@nimah.example',
    'viewer:viewer@nimah.example',
  ]);
}

/** The guard of complete_wipe held for every device past it; recycled and harvested devices have their rows. */
async function expectWorkshopRecords(): Promise<void> {
  const [unwiped] = await getSequelize().query<{ n: number | string }>(
    `SELECT COUNT(*) AS n FROM drives d JOIN devices v ON v.id = d.device_id
     WHERE v.status NOT IN ('intake', 'repair', 'wipe')
       AND NOT EXISTS (SELECT 1 FROM sanitizations s WHERE s.drive_id = d.id AND s.state = 'counted' AND s.result = 'passed')`,
    { type: QueryTypes.SELECT },
  );
  expect(Number(unwiped.n)).to.equal(0);
  expect(await Sanitization.count()).to.be.greaterThan(300);
  expect(await Disposal.count()).to.equal(await Device.count({ where: { status: ['recycled', 'harvested'] } }));
  expect(await Part.count()).to.be.greaterThan(0);
}

/** Phase 1 with its target, an allocation behind every allocated or handed-over device, served families. */
async function expectProgramme(): Promise<void> {
  const programme = await Programme.findOne({ where: { name: 'المرحلة الأولى' } });
  expect(programme).to.deep.include({ targetFamilies: 2000 });
  const placed = await Device.count({ where: { status: ['allocated', 'handed_over'] } });
  expect(await Allocation.count({ where: { programmeId: programme!.id } })).to.equal(placed);
  expect(await Beneficiary.count({ where: { status: 'served' } })).to.equal(
    await Device.count({ where: { status: 'handed_over' } }),
  );
  expect(await Beneficiary.count({ where: { status: ['verified', 'waitlisted'] } })).to.be.greaterThan(20);
}

describe('demo seeders (seeders/*.ts)', function () {
  this.timeout(180_000);

  it('when run on an empty database, creates 3 sites, 20 donors, 40 donations and 400 devices in every status, with valid hash chains', async () => {
    const seeder = await freshSeeder();

    const ran = await seeder.up();

    expect(ran.map((m) => m.name)).to.deep.equal([
      '2026.11.25T01.00.00.demo-data.ts',
      '2026.11.25T01.10.00.demo-programme.ts',
    ]);
    await expectCountsAndChains();
    await expectProgramme();
    await expectDonationCodes();
    await expectPeople();
    await expectWorkshopRecords();
  });

  it('when run a second time, adds nothing and consumes no codes or asset tags', async () => {
    await (await freshSeeder()).up();
    const first = await snapshot();

    await (await freshSeeder()).up();

    expect(await snapshot()).to.deep.equal(first);
    expect((await verifyChains()).ok).to.equal(true);
  });

  it('when reverted, removes the demo donations, devices, donors, sites and accounts', async () => {
    const seeder = await freshSeeder();
    await seeder.up();

    await seeder.down({ to: 0 });

    const { sequences: _kept, ...rows } = await snapshot();
    expect(
      Object.values(rows).every((n) => n === 0),
      JSON.stringify(rows),
    ).to.equal(true);
  });
});

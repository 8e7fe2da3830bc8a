// Bulk seeder for the bench database: drops and re-creates it, runs the migrations, then writes every table with
// multi-row INSERTs in big batches inside transactions (never the ORM per row).
//   node --import tsx bench/seed.ts --devices 100000 [--url mysql://root@127.0.0.1:3306/nimah_bench]
// The last line printed is `SEED_RESULT {json}` for bench/run.ts.
import mysql from 'mysql2/promise';
import { assertDroppable, databaseOf, parseOptions, serverUrlOf } from './options.js';
import { BENCH_ADMIN, serverEnv, TAG_PREFIX } from './env.js';
import { prng, volumesFor } from './seed.plan.js';
import { addDevice, baseEvents, deviceTables, planDevices, type DevicePlan } from './seed.devices.js';
import {
  addAllocation,
  addBeneficiaries,
  addDonations,
  addDonors,
  addProgramme,
  addSites,
  addUsers,
  peopleTables,
  type Pii,
} from './seed.people.js';
import { drain, Pipeline, writeChunk, type Table } from './seed.tables.js';

const opts = parseOptions(process.argv.slice(2));
const volumes = volumesFor(opts.devices[0]);
assertDroppable(opts.url, opts.force);
// The server modules read their configuration when first imported: set it before loading them.
Object.assign(process.env, serverEnv(opts.url, 0));
const { ensureDatabaseExists, closeSequelize } = await import('../server/db/sequelize.js');
const { migrateUp } = await import('../server/db/umzug.js');
const { eventHash } = await import('../server/modules/devices/devices.events.js');
const { canonicalJson } = await import('../server/lib/canonical-json.js');
const { hashPassword } = await import('../server/modules/auth/auth.passwords.js');

const PER_DONATION = 20;
const DEVICE_CHUNK = 2500;
const DAY_MS = 86_400_000;
const log = (m: string) => process.stdout.write(`[seed] ${m}\n`);
const started = performance.now();
const timings: Record<string, number> = {};
const lap = (name: string, since: number) => {
  timings[name] = Math.round(performance.now() - since);
};

async function recreateDatabase(): Promise<void> {
  const t = performance.now();
  const admin = await mysql.createConnection(serverUrlOf(opts.url));
  await admin.query(`DROP DATABASE IF EXISTS \`${databaseOf(opts.url).replace(/`/g, '')}\``);
  await admin.end();
  await ensureDatabaseExists();
  await migrateUp();
  await closeSequelize();
  lap('migrate', t);
}

/** lib/pii.ts (AES-256-GCM + keyed hash) when the beneficiaries work has landed; undefined otherwise. */
async function loadPii(): Promise<Pii | undefined> {
  try {
    const { preparePiiKey } = await import('../server/lib/pii-key.js');
    const pii = await import('../server/lib/pii.js');
    await preparePiiKey();
    return { encrypt: pii.encryptPii, hash: pii.piiHash };
  } catch {
    return undefined;
  }
}

await recreateDatabase();
const conn = await mysql.createConnection({
  uri: opts.url.replace(/^mariadb:/, 'mysql:'),
  timezone: 'Z',
  charset: 'utf8mb4',
});
// A fresh database filled by one trusted writer: skip per-row FK and unique re-checks (the data is built consistent).
await conn.query('SET SESSION foreign_key_checks = 0, unique_checks = 0');
const existing = new Set(
  ((await conn.query('SHOW TABLES'))[0] as Record<string, string>[]).map((r) => Object.values(r)[0]),
);
const now = Date.now();
const notes: string[] = [];

// Reference data: users, sites, donors, donations.
let t = performance.now();
const at = new Date(now - 900 * DAY_MS);
const { adminId, technicianIds } = addUsers(await hashPassword(BENCH_ADMIN.password), BENCH_ADMIN.email, at);
const sites = addSites(at);
addDonors(volumes.donors, now);
const blocks = Math.ceil(volumes.devices / PER_DONATION);
const rand = prng(0xb10c);
const blockTimes = Array.from({ length: blocks }, () => now - Math.floor(rand() * 730 * DAY_MS)).sort((a, b) => a - b);
const perBlock = blockTimes.map((_, i) => Math.min(PER_DONATION, volumes.devices - i * PER_DONATION));
const pledges = Math.max(10, Math.round(blocks / 50));
addDonations(blockTimes, perBlock, pledges, volumes.donors, sites, now);
peopleTables.sequences.add([`asset_tag:${TAG_PREFIX}`, volumes.devices]);
await writeChunk(
  conn,
  drain([peopleTables.users, peopleTables.sites, peopleTables.donors, peopleTables.donations, peopleTables.sequences]),
);
lap('reference', t);

// Devices, drives, sanitizations and events, chunk by chunk; the database writes one chunk while the next is built.
t = performance.now();
const plans = planDevices(volumes.devices, blockTimes, PER_DONATION, (d) => 1 + ((d - 1) % sites), now);
const base = plans.reduce((n, p) => n + baseEvents(p), 0);
const extra = Math.max(0, volumes.events - base);
const pii = existing.has('beneficiaries') ? await loadPii() : undefined;
const withAllocations = pii !== undefined && existing.has('allocations') && existing.has('programmes');
const allocated: { status: 'reserved' | 'handed_over'; at: Date }[] = [];
const ctx = {
  now,
  spans: existing.has('figure_stage_spans'),
  plans,
  technicianIds,
  adminId,
  hash: eventHash,
  canonicalJson,
  tagPrefix: TAG_PREFIX,
  extraEvents: (i: number) => Math.floor(extra / volumes.devices) + (i < extra % volumes.devices ? 1 : 0),
  onAllocation: withAllocations
    ? (plan: DevicePlan, deviceId: number, allocatedAt: Date, handedOverAt: Date | null) => {
        addAllocation(plan, deviceId, allocatedAt, handedOverAt, volumes.beneficiaries, adminId);
        allocated.push({ status: handedOverAt ? 'handed_over' : 'reserved', at: handedOverAt ?? allocatedAt });
      }
    : undefined,
};
const deviceSide: Table[] = [
  deviceTables.devices,
  deviceTables.drives,
  deviceTables.sanitizations,
  deviceTables.events,
  deviceTables.spans,
  peopleTables.allocations,
];
// Two connections take chunks in turn, so the database works on two transactions at once (disjoint rows).
const second = await mysql.createConnection({
  uri: opts.url.replace(/^mariadb:/, 'mysql:'),
  timezone: 'Z',
  charset: 'utf8mb4',
});
await second.query('SET SESSION foreign_key_checks = 0, unique_checks = 0');
const pipelines = [new Pipeline(conn), new Pipeline(second)];
for (let id = 1; id <= volumes.devices; id += 1) {
  addDevice(ctx, id);
  if (id % DEVICE_CHUNK === 0 || id === volumes.devices) {
    await pipelines[Math.floor((id - 1) / DEVICE_CHUNK) % 2].send(drain(deviceSide));
    if (id % 20_000 === 0) log(`${id} devices, ${deviceTables.events.count} events`);
  }
}
await Promise.all(pipelines.map((p) => p.finish()));
await second.end();
lap('devices+events', t);

// Beneficiaries (national IDs encrypted with lib/pii.ts), partners, the programme.
t = performance.now();
if (!existing.has('beneficiaries')) notes.push('no beneficiaries table yet: beneficiaries and allocations skipped');
else if (!pii) notes.push('server/lib/pii.ts not found: beneficiaries skipped');
else {
  addBeneficiaries(volumes.beneficiaries, allocated, pii, now);
  if (existing.has('programmes')) addProgramme(now);
  await writeChunk(conn, drain([peopleTables.partners, peopleTables.beneficiaries, peopleTables.programmes]));
}
lap('beneficiaries', t);

t = performance.now();
await conn.query('SET SESSION foreign_key_checks = 1, unique_checks = 1');
await conn.query(
  `ANALYZE TABLE ${['devices', 'drives', 'device_events', 'donations', 'donors', 'sanitizations', ...(pii ? ['beneficiaries', 'allocations'] : [])].join(', ')}`,
);
lap('analyze', t);
await conn.end();

// The read model (server/modules/figures) from the rows just written, as `npm run reports:rebuild` does: the bulk
// writes above bypass the application, so its counters start empty. The stage spans were written with the events
// above; their recount (a window over every status event, minutes and gigabytes of temporary table at 1,000,000
// devices) is skipped.
t = performance.now();
const { rebuildFigures } = await import('../server/modules/figures/index.js');
const drift = await rebuildFigures({ spans: !ctx.spans });
await closeSequelize();
notes.push(`read model built: ${drift.length} counter rows written`);
lap('read model', t);

const result = {
  devices: deviceTables.devices.count,
  drives: deviceTables.drives.count,
  events: deviceTables.events.count,
  sanitizations: deviceTables.sanitizations.count,
  donors: peopleTables.donors.count,
  donations: peopleTables.donations.count,
  beneficiaries: peopleTables.beneficiaries.count,
  allocations: peopleTables.allocations.count,
  seconds: Math.round((performance.now() - started) / 100) / 10,
  timings,
  notes,
};
log(
  `done in ${result.seconds} s: ${result.devices} devices, ${result.drives} drives, ${result.events} events, ${result.beneficiaries} beneficiaries, ${result.donors} donors`,
);
for (const n of notes) log(`note: ${n}`);
process.stdout.write(`SEED_RESULT ${JSON.stringify(result)}\n`);

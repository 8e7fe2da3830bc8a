// Batch printing benchmark: a whole first phase, 2,000 handover certificates, streamed into one PDF by
// GET /api/programmes/:id/certificates.pdf from a temp SQLite database.
//   npm run bench:certificates            (or: node --import tsx bench/certificates.bench.ts --count 2000 [--port P])
// Targets: at most 20 s and under 300 MB of resident memory on the project's 2-core machine.
//
// This process seeds the database; then the server runs exactly as `npm start` runs it (the compiled build under
// plain node, scripts/ensure-server.mjs) and prints the batch, so the memory figure is the server's own peak.
import { createWriteStream, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { buildServer, startServer, tempDataDir } from '../test/helpers/processes.js';
import { cpuMs, rssMb } from './processes.js';

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  process.stdout.write(
    'npm run bench:certificates -- [--count N (default 2000)] [--port P (default: a free one)]\n' +
      'Seeds a temp SQLite database, starts the compiled server and prints N certificates in one PDF.\n',
  );
  process.exit(0);
}
const arg = (name: string): string | undefined =>
  process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined;
const COUNT = Number(arg('--count')) || 2000;
const TARGET_SECONDS = 20;
const TARGET_MB = 300;

// The server modules read their configuration when first imported: set it before loading them.
const dir = tempDataDir('bench-certificates');
const ADMIN = { email: 'bench-admin@nimah.test', password: 'bench-password-0123' };
// A port of the system's choosing unless one is named: a fixed one met another run's server on a shared machine
// (test/helpers/processes.ts, assertPortFree).
const PORT = Number(arg('--port')) || undefined;
const serverEnv = {
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  DATA_DIR: dir,
  DATABASE_URL: `sqlite:${path.join(dir, 'bench.sqlite')}`,
  PII_KEY: 'be'.repeat(32),
  PUBLIC_URL: 'https://nimah.example.org',
};
Object.assign(process.env, { ...serverEnv, NODE_ENV: 'test', LOG_LEVEL: 'silent' });
const { closeSequelize, withTransaction } = await import('../server/db/sequelize.js');
const { initModels } = await import('../server/models.js');
const { migrateUp } = await import('../server/db/umzug.js');
const { storeFile } = await import('../server/lib/file-store.js');
const { Allocation } = await import('../server/modules/allocations/allocations.model.js');
const { Beneficiary } = await import('../server/modules/beneficiaries/beneficiaries.model.js');
const { Device, Drive } = await import('../server/modules/devices/devices.model.js');
const { Donation } = await import('../server/modules/donations/donations.model.js');
const { Donor } = await import('../server/modules/donors/donors.model.js');
const { Programme } = await import('../server/modules/programmes/programmes.model.js');
const { updateSettings } = await import('../server/modules/settings/index.js');
const { signaturePng } = await import('../test/documents/signature-png.js');

const MODELS = [
  ['Lenovo', 'ThinkPad T480'],
  ['Dell', 'Latitude E7240'],
  ['HP', 'EliteBook 840 G5'],
  ['Lenovo', 'ThinkPad X1 Carbon 5th Gen'],
];
const FAMILIES = ['أسرة العتيبي', 'أسرة الحربي', 'أسرة القحطاني', 'أسرة الزهراني', 'Sara Ahmed', 'أسرة بن سعيد'];

/** A realistic phase: one donation of many laptops, each handed over to its own family with a signature. */
async function seed(): Promise<number> {
  const signature = await storeFile(signaturePng());
  await updateSettings({
    charityLicence: '4471',
    charityAddress: 'الدمام، حي الشاطئ',
    charityPhone: '+966 13 812 3456',
  });
  return withTransaction(async (transaction) => {
    const donor = await Donor.create(
      {
        kind: 'company',
        name: 'شركة الخليج للتقنية',
        nameLatin: 'Gulf Tech Co.',
        contactPerson: null,
        email: null,
        phone: null,
        city: 'الدمام',
        crNumber: '2050012345',
      },
      { transaction },
    );
    const donation = await Donation.create(
      {
        code: 'DN-2026-0001',
        donorId: donor.id,
        channel: 'drop_off',
        status: 'received',
        expectedCount: COUNT,
        siteId: null,
        notes: null,
        createdBy: null,
      },
      { transaction },
    );
    const programme = await Programme.create(
      {
        name: 'المرحلة الأولى',
        nameLatin: 'Phase 1',
        targetFamilies: COUNT,
        targetStudents: 0,
        startsOn: '2026-01-01',
        endsOn: '2026-12-31',
      },
      { transaction },
    );
    const now = new Date();
    const devices = await Device.bulkCreate(
      Array.from({ length: COUNT }, (_, i) => ({
        assetTag: `NM${String(i + 1).padStart(6, '0')}`,
        donationId: donation.id,
        siteId: null,
        type: 'laptop' as const,
        manufacturer: MODELS[i % 4][0],
        model: MODELS[i % 4][1],
        serialNumber: `PF${String(i).padStart(6, '0')}X`,
        serialKey: `PF${String(i).padStart(6, '0')}X`,
        cpu: 'Intel Core i5-8350U @ 1.70GHz',
        ramGb: 8,
        grade: 'B' as const,
        os: 'Windows 11 Pro',
        status: 'handed_over' as const,
        statusChangedAt: now,
      })),
      { transaction },
    );
    await Drive.bulkCreate(
      devices.map((d) => ({
        deviceId: d.id,
        serialNumber: `S3Z9${d.id}`,
        serialKey: `S3Z9${d.id}`,
        model: 'Samsung SSD 860',
        mediaType: 'ssd' as const,
        capacityBytes: 256060514304,
      })),
      { transaction },
    );
    const people = await Beneficiary.bulkCreate(
      devices.map((_, i) => ({
        kind: 'family' as const,
        name: FAMILIES[i % FAMILIES.length],
        nationalIdEncrypted: 'bench',
        nationalIdHash: String(i).padStart(64, '0'),
        nationalIdLast4: String(i % 10000).padStart(4, '0'),
        phone: '+966501234567',
        city: 'الدمام',
        region: 'Eastern',
        householdSize: 5,
        monthlyIncome: 3000,
        schoolChildren: 2,
        need: 'laptop' as const,
        purpose: 'business' as const,
        partnerId: null,
        status: 'served' as const,
        statusChangedAt: now,
      })),
      { transaction },
    );
    await Allocation.bulkCreate(
      devices.map((d, i) => ({
        deviceId: d.id,
        beneficiaryId: people[i].id,
        programmeId: programme.id,
        status: 'handed_over' as const,
        beneficiaryPrevStatus: 'verified',
        overrideReason: null,
        allocatedBy: null,
        receivedBy: 'أم خالد',
        signatureSha256: signature,
        signatureType: 'image/png',
        certificateCode: `C${String(i).padStart(9, '0')}`,
        handedOverAt: new Date(Date.UTC(2026, 0, 2) + i * 3 * 3600_000),
      })),
      { transaction },
    );
    return programme.id;
  });
}

const cpuSeconds = (pid: number): number => cpuMs(pid) / 1000;

/** Starts the compiled server on the seeded database, prints the batch over HTTP, samples the server's RSS. */
async function generate(programmeId: number): Promise<Result> {
  buildServer();
  const server = await startServer(
    {
      ...serverEnv,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
    },
    { entry: 'compiled', port: PORT, keep: 'none', echo: 'stderr', health: { timeoutMs: 30_000, everyMs: 50 } },
  );
  try {
    const { base } = server;
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    // A failed sign-in must say so here: without a token the next request only meets "session expired".
    if (login.status !== 200) throw new Error(`login answered ${login.status}: ${await login.text()}`);
    const { token } = (await login.json()) as { token: string };
    const pid = server.child.pid!;
    const baselineMb = rssMb(pid);
    const cpuBefore = cpuSeconds(pid);
    let peak = baselineMb;
    const sampler = setInterval(() => {
      peak = Math.max(peak, rssMb(pid));
    }, 25);
    const file = path.join(dir, 'certificates.pdf');
    const started = performance.now();
    const res = await fetch(`${base}/api/programmes/${programmeId}/certificates.pdf`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (res.status !== 200 || !res.body)
      throw new Error(`certificates.pdf answered ${res.status}: ${await res.text()}`);
    await finished(
      Readable.fromWeb(res.body as import('node:stream/web').ReadableStream).pipe(createWriteStream(file)),
    );
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, rssMb(pid));
    const pages = Number(res.headers.get('x-total-count') ?? 0);
    return {
      seconds,
      cpuSeconds: cpuSeconds(pid) - cpuBefore,
      pages,
      peakMb: peak,
      baselineMb,
      bytes: statSync(file).size,
    };
  } finally {
    await server.stop();
  }
}

interface Result {
  seconds: number;
  cpuSeconds: number;
  pages: number;
  peakMb: number;
  baselineMb: number;
  bytes: number;
}

async function seedAndMeasure(): Promise<void> {
  try {
    initModels();
    await migrateUp();
    const t = performance.now();
    const programmeId = await seed();
    await closeSequelize();
    process.stdout.write(
      `seeded ${COUNT} devices, beneficiaries and handed-over allocations in ${((performance.now() - t) / 1000).toFixed(1)} s\n`,
    );
    report(await generate(programmeId));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function report(r: Result): void {
  const meets = r.seconds <= TARGET_SECONDS && r.peakMb < TARGET_MB;
  process.stdout.write(
    [
      `certificates: ${r.pages} pages in one PDF (${(r.bytes / 1024 / 1024).toFixed(1)} MB)`,
      `elapsed: ${r.seconds.toFixed(2)} s (${(r.pages / r.seconds).toFixed(0)} certificates/s); CPU time ${r.cpuSeconds.toFixed(2)} s`,
      `peak RSS of the server: ${r.peakMb.toFixed(0)} MB (sampled every 25 ms while printing; ${r.baselineMb.toFixed(0)} MB before the request)`,
      // Other processes share the machine: the load average tells how far the wall time is from an idle one.
      `load average (1 min) at the end: ${os.loadavg()[0].toFixed(2)} on ${os.availableParallelism()} cores`,
      `targets: ≤ ${TARGET_SECONDS} s and < ${TARGET_MB} MB → ${meets ? 'MET' : 'NOT MET'}`,
    ].join('\n') + '\n',
  );
  if (!meets) process.exitCode = 1;
}

await seedAndMeasure();

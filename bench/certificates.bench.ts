// Batch printing benchmark: a whole first phase, 2,000 handover certificates, streamed into one PDF from a
// temp SQLite database, the way GET /api/programmes/:id/certificates.pdf draws them (same job, minus HTTP).
//   npm run bench:certificates            (or: node --import tsx bench/certificates.bench.ts --count 2000)
// Targets: at most 20 s and under 300 MB of resident memory on the project's 2-core machine.
//
// Two processes: this one seeds the database, then a fresh one (the same file with --generate) draws the PDF, so
// that the memory figure is the generating process's own peak and not what seeding 6,000 rows left behind.
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';

const arg = (name: string): string | undefined => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const COUNT = Number(arg('--count')) || 2000;
const GENERATE_IN = arg('--generate');
const TARGET_SECONDS = 20;
const TARGET_MB = 300;

// The server modules read their configuration when first imported: set it before loading them.
const dir = GENERATE_IN ?? mkdtempSync(path.join(os.tmpdir(), 'nimah-bench-certificates-'));
Object.assign(process.env, {
  NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: dir, DATABASE_URL: `sqlite:${path.join(dir, 'bench.sqlite')}`,
  PII_KEY: 'be'.repeat(32), PUBLIC_URL: 'https://nimah.example.org',
});
const { closeSequelize, withTransaction } = await import('../server/db/sequelize.js');
const { initModels } = await import('../server/db/models.js');
const { migrateUp } = await import('../server/db/umzug.js');
const { storeFile } = await import('../server/lib/file-store.js');
const { Allocation } = await import('../server/modules/allocations/index.js');
const { Beneficiary } = await import('../server/modules/beneficiaries/index.js');
const { Device, Drive } = await import('../server/modules/devices/index.js');
const { Donation } = await import('../server/modules/donations/index.js');
const { Donor } = await import('../server/modules/donors/index.js');
const { Programme } = await import('../server/modules/programmes/index.js');
const { updateSettings } = await import('../server/modules/settings/settings.js');
const { newDocument, programmeCertificates } = await import('../server/modules/documents/index.js');
const { signaturePng } = await import('../test/documents/signature-png.js');

const MODELS = [['Lenovo', 'ThinkPad T480'], ['Dell', 'Latitude E7240'], ['HP', 'EliteBook 840 G5'], ['Lenovo', 'ThinkPad X1 Carbon 5th Gen']];
const FAMILIES = ['أسرة العتيبي', 'أسرة الحربي', 'أسرة القحطاني', 'أسرة الزهراني', 'Sara Ahmed', 'أسرة بن سعيد'];

/** A realistic phase: one donation of many laptops, each handed over to its own family with a signature. */
async function seed(): Promise<number> {
  const signature = await storeFile(signaturePng());
  await updateSettings({ charityLicence: '4471', charityAddress: 'الدمام، حي الشاطئ', charityPhone: '+966 13 812 3456' });
  return withTransaction(async (transaction) => {
    const donor = await Donor.create({ kind: 'company', name: 'شركة الخليج للتقنية', nameLatin: 'Gulf Tech Co.', contactPerson: null, email: null, phone: null, city: 'الدمام', crNumber: '2050012345' }, { transaction });
    const donation = await Donation.create({ code: 'DN-2026-0001', donorId: donor.id, channel: 'drop_off', status: 'received', expectedCount: COUNT, siteId: null, notes: null, createdBy: null }, { transaction });
    const programme = await Programme.create({ name: 'المرحلة الأولى', nameLatin: 'Phase 1', targetFamilies: COUNT, targetStudents: 0, startsOn: '2026-01-01', endsOn: '2026-12-31' }, { transaction });
    const now = new Date();
    const devices = await Device.bulkCreate(Array.from({ length: COUNT }, (_, i) => ({
      assetTag: `NM${String(i + 1).padStart(6, '0')}`, donationId: donation.id, siteId: null, type: 'laptop' as const,
      manufacturer: MODELS[i % 4][0], model: MODELS[i % 4][1], serialNumber: `PF${String(i).padStart(6, '0')}X`, serialKey: `PF${String(i).padStart(6, '0')}X`,
      cpu: 'Intel Core i5-8350U @ 1.70GHz', ramGb: 8, grade: 'B' as const, os: 'Windows 11 Pro', status: 'handed_over' as const, statusChangedAt: now,
    })), { transaction });
    await Drive.bulkCreate(devices.map((d) => ({ deviceId: d.id, serialNumber: `S3Z9${d.id}`, serialKey: `S3Z9${d.id}`, model: 'Samsung SSD 860', mediaType: 'ssd' as const, capacityBytes: 256060514304 })), { transaction });
    const people = await Beneficiary.bulkCreate(devices.map((_, i) => ({
      kind: 'family' as const, name: FAMILIES[i % FAMILIES.length], nationalIdEncrypted: 'bench', nationalIdHash: String(i).padStart(64, '0'),
      nationalIdLast4: String(i % 10000).padStart(4, '0'), phone: '+966501234567', city: 'الدمام', region: 'Eastern', householdSize: 5,
      monthlyIncome: 3000, schoolChildren: 2, need: 'laptop' as const, purpose: 'business' as const, partnerId: null, status: 'served' as const, statusChangedAt: now,
    })), { transaction });
    await Allocation.bulkCreate(devices.map((d, i) => ({
      deviceId: d.id, beneficiaryId: people[i].id, programmeId: programme.id, status: 'handed_over' as const, beneficiaryPrevStatus: 'verified',
      overrideReason: null, allocatedBy: null, receivedBy: 'أم خالد', signatureSha256: signature, signatureType: 'image/png',
      certificateCode: `C${String(i).padStart(9, '0')}`, handedOverAt: new Date(Date.UTC(2026, 0, 2) + i * 3 * 3600_000),
    })), { transaction });
    return programme.id;
  });
}

async function generate(programmeId: number): Promise<Omit<Result, 'maxRssMb'>> {
  const file = path.join(dir, 'certificates.pdf');
  const baselineMb = process.memoryUsage().rss / 1024 / 1024;
  let peak = process.memoryUsage().rss;
  const cpu = process.cpuUsage();
  const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 25);
  const started = performance.now();
  const job = await programmeCertificates(programmeId, {});
  const out = createWriteStream(file);
  const doc = newDocument(job.options);
  doc.pipe(out);
  const pages = await job.draw(doc, out);
  doc.end();
  await finished(out);
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { seconds, cpuSeconds: (used.user + used.system) / 1e6, pages, peakMb: peak / 1024 / 1024, baselineMb, bytes: statSync(file).size };
}

interface Result { seconds: number; cpuSeconds: number; pages: number; peakMb: number; baselineMb: number; bytes: number; maxRssMb: number }

async function generateHere(): Promise<void> {
  initModels();
  const [programme] = await Programme.findAll({ limit: 1 });
  const r = await generate(programme.id);
  await closeSequelize();
  process.stdout.write(`${JSON.stringify({ ...r, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
}

async function seedAndMeasure(): Promise<void> {
  try {
    initModels();
    await migrateUp();
    const t = performance.now();
    await seed();
    await closeSequelize();
    process.stdout.write(`seeded ${COUNT} devices, beneficiaries and handed-over allocations in ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
    const out = execFileSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--generate', dir], { encoding: 'utf8' });
    report(JSON.parse(out.trim().split('\n').pop()!) as Result);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function report(r: Result): void {
  const meets = r.seconds <= TARGET_SECONDS && r.maxRssMb < TARGET_MB;
  process.stdout.write([
    `certificates: ${r.pages} pages in one PDF (${(r.bytes / 1024 / 1024).toFixed(1)} MB)`,
    `elapsed: ${r.seconds.toFixed(2)} s (${(r.pages / r.seconds).toFixed(0)} certificates/s); CPU time ${r.cpuSeconds.toFixed(2)} s`,
    `peak RSS of the generating process: ${r.maxRssMb.toFixed(0)} MB (max RSS; sampled every 25 ms while drawing: ${r.peakMb.toFixed(0)} MB;`
      + ` ${r.baselineMb.toFixed(0)} MB before the first page)`,
    // Other processes share the machine: the load average tells how far the wall time is from an idle one.
    `load average (1 min) at the end: ${os.loadavg()[0].toFixed(2)} on ${os.availableParallelism()} cores`,
    `targets: ≤ ${TARGET_SECONDS} s and < ${TARGET_MB} MB → ${meets ? 'MET' : 'NOT MET'}`,
  ].join('\n') + '\n');
  if (!meets) process.exitCode = 1;
}

await (GENERATE_IN ? generateHere() : seedAndMeasure());

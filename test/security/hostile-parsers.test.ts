// No upload can freeze the server (issue 14, point 4). Every parser of uploaded content gets a generated hostile
// corpus (hostile-corpus.ts) and must cost time in proportion to its input; the heavy ones run in worker threads
// with a time limit, so /api/health keeps answering while a hostile 10 MB file is parsed.
// Two timed assertions, both generous because CI machines are shared and noisy: a ratio (1 MB against 100 KB of the
// same pattern, least CPU time of five runs each: linear is ~10, the old backtracking patterns were 100 to 1000) with an
// absolute cap per MB; and /api/health under 100 ms during the parse, from a server in its own process (a blocked
// event loop gave seconds).
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { config } from '../../server/config.js';
import { AppError } from '../../server/lib/errors.js';
import { assertPrintableSize, inspectImage } from '../../server/lib/image-check.js';
import { runOffThread } from '../../server/lib/worker-pool.js';
import { readSignature } from '../../server/modules/allocations/allocations.handover.js';
import { parseManifest } from '../../server/modules/donations/donations.import.js';
import { parseHardwareReport } from '../../server/modules/hardware/index.js';
import { readHardwareReport } from '../../server/modules/hardware/hardware.report.js';
import { parseNwipeLog } from '../../server/modules/sanitization/sanitization.nwipe.js';
import { api, bearer } from '../helpers/api.js';
import { signIn } from '../helpers/factories.js';
import { fixture } from '../helpers/fixtures.js';
import { buildServer, root } from '../helpers/processes.js';
import { HOSTILE_CASES, hugePng, TRUNCATED_IMAGES, type HostileCase } from './hostile-corpus.js';
import {
  call,
  createDonation,
  signInAdmin,
  startServer,
  stop,
  type ServerProcess,
} from '../reliability/server-process.js';
import { freshTargetDb, type TargetDb } from '../reliability/target-db.js';
import { deviceWithNwipeDrives, NWIPE_DRIVES, storedFiles } from './upload-helpers.js';

/** Runs the parser the upload route would; an AppError (a 4xx) is a fine outcome, anything else fails the test. */
function parseAs(parser: HostileCase['parser'], content: Buffer | string): void {
  try {
    if (parser === 'nwipe') parseNwipeLog(String(content));
    else if (parser === 'hardware') parseHardwareReport(content as Buffer);
    else if (parser === 'csv') parseManifest(content as Buffer);
    else {
      const info = inspectImage(content as Buffer);
      if (info) assertPrintableSize(info, 'file');
    }
  } catch (error) {
    if (!(error instanceof AppError) || error.status >= 500) throw error;
  }
}

/**
 * The least CPU time of `runs` parses, in ms. CPU time, not wall time: on a machine busy with other work a thread
 * waits for a core (and garbage collection for its helper threads) for longer than it runs.
 */
function bestOf(runs: number, parser: HostileCase['parser'], content: Buffer | string): number {
  let best = Infinity;
  for (let i = 0; i < runs; i += 1) {
    const started = process.cpuUsage();
    parseAs(parser, content);
    const used = process.cpuUsage(started);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

/** GETs /api/health one after another until `done` settles; the time each took, in ms. */
async function healthLatencies(base: string, done: Promise<unknown>): Promise<number[]> {
  let finished = false;
  void done.finally(() => {
    finished = true;
  });
  const latencies: number[] = [];
  while (!finished) {
    const started = performance.now();
    const res = await fetch(`${base}/api/health`);
    await res.arrayBuffer();
    latencies.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return latencies;
}

const TEN_MB = 10_000_000;
const execFileAsync = promisify(execFile);

/**
 * Uploads from another process (curl), as a technician's browser would: a client in this process would share the
 * event loop being measured, and its own work on a 10 MB body would count against the server.
 */
/** The upload written to a file first, so that writing it is not measured. */
async function uploadFile(content: Buffer): Promise<string> {
  const file = path.join(os.tmpdir(), `nimah-hostile-${process.pid}.log`);
  await fs.promises.writeFile(file, content);
  return file;
}

/**
 * Starts curl at once and resolves when it ends. Starting a process forks this one (the test runner, with the
 * server in it, holding a large heap), which holds the event loop while the page tables are copied: call it
 * before measuring, so that the fork is not counted against the server.
 */
function sendFrom(url: string, token: string, file: string): Promise<{ status: number; body: string }> {
  return execFileAsync(
    'curl',
    ['-s', '-w', '\n%{http_code}', '-H', `Authorization: Bearer ${token}`, '-F', `file=@${file}`, url],
    { maxBuffer: 1 << 20 },
  ).then(({ stdout }) => {
    const at = stdout.lastIndexOf('\n');
    return { status: Number(stdout.slice(at + 1)), body: stdout.slice(0, at) };
  });
}

describe('hostile uploads: parsers linear in their input, parsed off the request thread', function () {
  this.timeout(180_000);

  describe('time per MB on a generated hostile corpus', () => {
    for (const hostile of HOSTILE_CASES) {
      it(`${hostile.name}: 1 MB costs under 20 × what 100 KB does, and under 3 s`, () => {
        const as = (bytes: number) =>
          hostile.parser === 'nwipe' ? hostile.make(bytes).toString('utf8') : hostile.make(bytes);
        const small = as(100_000);
        const large = as(1_000_000);
        parseAs(hostile.parser, small); // compiles the code paths before anything is timed
        const smallMs = bestOf(5, hostile.parser, small);
        const largeMs = bestOf(5, hostile.parser, large);
        // Below 10 ms one garbage collection or a timer tick dominates; the ratio then starts from 10 ms.
        expect(
          largeMs / Math.max(smallMs, 10),
          `100 KB: ${smallMs.toFixed(1)} ms, 1 MB: ${largeMs.toFixed(1)} ms`,
        ).to.be.below(20);
        expect(largeMs).to.be.below(3000);
      });
    }

    it('when the nwipe table row is the issue\'s 2,042-character line of "a|" and spaces, parses it in milliseconds (was ~5 s)', () => {
      const text =
        "[2024/03/15 10:22:01] nwipe: notice: Invoking method 'DoD Short' on /dev/sda\n" +
        `********** Drive Status **********\na|${' '.repeat(2040)}\n`;
      expect(bestOf(1, 'nwipe', text)).to.be.below(500);
    });
  });

  it('when a Workbench 11 snapshot declares 1e308 MB drives and RAM, stores them as unknown (null), not as Infinity', async () => {
    const { token } = await signIn('admin');
    const device = await deviceWithNwipeDrives(token);
    const snapshot = JSON.stringify({
      type: 'Snapshot',
      version: '11',
      device: { type: 'Desktop', manufacturer: 'Dell', serialNumber: '7QJ8XK2' },
      components: [
        { type: 'RamModule', size: 1e308 },
        {
          type: 'HardDrive',
          serialNumber: 'S2ZYJ9CF613407',
          size: 1e308,
          actions: [{ type: 'TestDataStorage', lifetime: 1e300, reallocatedSectorCount: 2 ** 40 }],
        },
      ],
    });
    const res = await api()
      .post(`/api/devices/${device.id}/hardware-reports`)
      .set(bearer(token))
      .attach('file', Buffer.from(snapshot), 'wb.json');
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    expect(res.body.device.ramGb).to.equal(null);
    const drive = (res.body.drives as Array<Record<string, unknown>>).find((d) => d.serialNumber === 'S2ZYJ9CF613407');
    expect(drive).to.include({ capacityBytes: null, powerOnHours: null, reallocatedSectors: null });
  });

  describe('images: structure and declared size checked before anything is stored', () => {
    let token: string;
    beforeEach(async () => {
      token = (await signIn('admin')).token;
    });

    for (const [what, image] of TRUNCATED_IMAGES) {
      it(`when the logo or a signature is ${what}, answers 415 and stores nothing`, async () => {
        const files = storedFiles();
        const res = await api().put('/api/settings/logo').set(bearer(token)).attach('file', image, 'logo.png');
        expect(res.status, JSON.stringify(res.body)).to.equal(415);
        expect(res.body.error.code).to.equal('UNSUPPORTED_FILE_TYPE');
        expect(() => readSignature({ receivedBy: 'x' }, { buffer: image } as Express.Multer.File)).to.throw(
          AppError,
          /PNG or JPEG/,
        );
        expect(storedFiles()).to.deep.equal(files);
      });
    }

    it('when a whole PNG declares 100 000 × 100 000 pixels, answers 422 IMAGE_TOO_LARGE naming the field, for the logo and a signature', async () => {
      const files = storedFiles();
      const res = await api()
        .put('/api/settings/logo')
        .set(bearer(token))
        .attach('file', hugePng(100_000, 100_000), 'logo.png');
      expect(res.status, JSON.stringify(res.body)).to.equal(422);
      expect(res.body.error).to.include({ code: 'IMAGE_TOO_LARGE' });
      expect(res.body.error.details).to.include({ field: 'file', width: 100_000, height: 100_000 });
      expect(() => readSignature({ receivedBy: 'x' }, { buffer: hugePng(100_000, 100_000) } as Express.Multer.File))
        .to.throw(AppError)
        .with.property('code', 'IMAGE_TOO_LARGE');
      expect(storedFiles()).to.deep.equal(files);
      const fine = await api()
        .put('/api/settings/logo')
        .set(bearer(token))
        .attach('file', hugePng(400, 200), 'logo.png');
      expect(fine.status, JSON.stringify(fine.body)).to.equal(200);
    });
  });

  describe('worker threads with a time limit', () => {
    it('when a parse runs past its time limit, stops the worker and answers 422 PARSE_TIMEOUT naming the field; the next parse works', async () => {
      const spin = new URL('./spin-parser.ts', import.meta.url).href;
      const started = performance.now();
      const error = await runOffThread(spin, 'spinForever', [], { field: 'file', timeoutMs: 300 }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).to.be.instanceOf(AppError);
      expect(error).to.include({ code: 'PARSE_TIMEOUT', status: 422 });
      expect((error as AppError).details).to.deep.equal({ field: 'file', timeoutMs: 300 });
      expect(performance.now() - started).to.be.below(30_000);
      const report = await readHardwareReport(fixture('hardware', 'dmidecode-laptop.txt'));
      expect(report.format).to.equal('dmidecode');
    });

    it('gives the same result and the same errors in a worker as on the calling thread', async () => {
      const content = fixture('hardware', 'dmidecode-laptop.txt');
      expect(await readHardwareReport(content)).to.deep.equal(parseHardwareReport(content));
      const error = await readHardwareReport(Buffer.from('%PDF-1.7')).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).to.be.instanceOf(AppError).and.include({ code: 'UNSUPPORTED_FILE_TYPE', status: 415 });
    });

    it('when the server runs compiled (dist/, plain node without tsx), parses in its worker thread too', function () {
      this.timeout(240_000);
      buildServer({ quiet: true });
      const script = `const { readHardwareReport } = await import('./dist/server/modules/hardware/hardware.report.js');
        const fs = await import('node:fs');
        const report = await readHardwareReport(fs.readFileSync('test/fixtures/hardware/dmidecode-laptop.txt'));
        process.stdout.write(JSON.stringify(report));`;
      const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
        cwd: root,
        env: { PATH: process.env.PATH ?? '', NODE_ENV: 'development', LOG_LEVEL: 'silent' },
        encoding: 'utf8',
      });
      expect(JSON.parse(out)).to.deep.equal(parseHardwareReport(fixture('hardware', 'dmidecode-laptop.txt')));
    });
  });

  // The server runs in its own process, as `npm start` runs it: in this process the test runner's own work (mocha,
  // forking curl, reading replies) would share the event loop being measured.
  describe('/api/health while a hostile 10 MB upload is parsed', function () {
    this.timeout(240_000);
    let db: TargetDb;
    let server: ServerProcess;
    let token: string;
    let deviceId: number;
    before(async () => {
      db = await freshTargetDb('hostile', 'nimah_hostile_test');
      server = await startServer({ ...db.env, LOG_LEVEL: 'warn' });
      token = await signInAdmin(server.base);
      const donation = await createDonation(server.base, token);
      const device = await call<{ id: number }>(server.base, token, 'POST', `/api/donations/${donation.id}/devices`, {
        type: 'desktop',
        manufacturer: 'Dell',
        model: 'OptiPlex 7050',
        serialNumber: '7QJ8XK2',
        drives: NWIPE_DRIVES,
      });
      expect(device.status, JSON.stringify(device.body)).to.equal(201);
      deviceId = device.body.id;
    });
    after(async () => {
      if (server) await stop(server);
      if (db) await db.close();
    });

    // Both end in 422 (nothing stored), so what is measured is the parse, not a 10 MB hash and write.
    const smartctlWithoutSerials = (bytes: number): Buffer =>
      Buffer.from(
        HOSTILE_CASES.find((c) => c.name.startsWith('smartctl'))!
          .make(bytes)
          .toString('latin1')
          .replaceAll('"serial_number":"S1",', '"serial_number":"0000",'),
        'latin1',
      );
    const uploads: Array<[string, string, (bytes: number) => Buffer]> = [
      ['an nwipe log of the issue\'s "a|" lines', 'sanitizations', HOSTILE_CASES[0].make],
      [
        'smartctl JSON of drives without serials and with numbers beyond double range',
        'hardware-reports',
        smartctlWithoutSerials,
      ],
    ];
    for (const [what, route, make] of uploads) {
      it(`when ${what} is uploaded, every health check answers within 100 ms of an idle one`, async () => {
        const url = `${server.base}/api/devices/${deviceId}/${route}`;
        // A small file of the same kind first: a worker loads its parser module once (~2 s under tsx), and that
        // start-up, not the parse, is not what the figure is about.
        const warm = await uploadFile(make(10_000));
        expect((await sendFrom(url, token, warm)).status).to.be.within(400, 499);
        const content = make(TEN_MB);
        expect(content.length).to.be.within(TEN_MB - 4096, config.upload.maxBytes);
        const file = await uploadFile(content);
        // Up to three uploads: a machine shared with other work (CI neighbours, a database server) can stall every
        // thread of the server for a while, parse or not, and one such stall is not the parse's doing. A parse that
        // holds the event loop fails all three (it costs seconds: 5 s for one line of the nwipe log).
        const attempts: string[] = [];
        let met = false;
        for (let attempt = 1; attempt <= 3 && !met; attempt += 1) {
          const upload = sendFrom(url, token, file);
          const started = performance.now();
          const latencies = await healthLatencies(server.base, upload);
          const res = await upload;
          expect(res.status, res.body).to.equal(422);
          // The same checks for as long again with nothing uploading: what this machine gives right now, idle.
          const took = performance.now() - started;
          const idle = await healthLatencies(server.base, new Promise((resolve) => setTimeout(resolve, took)));
          const slowest = Math.max(...latencies);
          attempts.push(
            `upload took ${took.toFixed(0)} ms; ${latencies.length} health checks, slowest ${slowest.toFixed(1)} ms ` +
              `(idle: ${Math.max(...idle).toFixed(1)} ms)`,
          );
          console.log(`      ${attempts[attempts.length - 1]}`); // the figure the issue asks to see
          expect(latencies.length, attempts.join('; ')).to.be.at.least(3);
          met = slowest < 100 + Math.max(...idle);
        }
        await fs.promises.rm(file, { force: true });
        await fs.promises.rm(warm, { force: true });
        expect(met, `no upload met the target: ${attempts.join('; ')}`).to.equal(true);
      });
    }
  });
});

// Uploads: size limits on every upload route (walked from allRoutes), type decided by content and never by the
// file name, storage under the content's sha256 outside every served folder, and nothing served back actively.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import request from 'supertest';
import { createApp } from '../../server/app.js';
import { config } from '../../server/config.js';
import { getSequelize } from '../../server/db/sequelize.js';
import { bodyKindOf } from '../../server/lib/route.js';
import { storedPath } from '../../server/lib/file-store.js';
import { allRoutes } from '../../server/routes.js';
import { api, bearer } from '../helpers/api.js';
import { createDonation, signIn } from '../helpers/factories.js';
import { rowCounts } from './data-snapshot.js';
import { realPath, routeKey } from './fuzz-probe.js';
import { CSV, fixture, PNG } from '../helpers/fixtures.js';
import { deviceWithNwipeDrives, storedFiles } from './upload-helpers.js';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const ACTIVE_TYPES =
  /^(text\/html|application\/xhtml\+xml|image\/svg\+xml|text\/xml|application\/xml|text\/javascript|application\/javascript)/i;
const uploadRoutes = allRoutes.filter((r) => ['multipart', 'json_or_multipart'].includes(bodyKindOf(r)));

describe('uploads', () => {
  let token: string;
  beforeEach(async () => {
    token = (await signIn('admin')).token;
  });

  it(`when a file is one byte over the limit, every upload route (${uploadRoutes.length} found) answers 413 FILE_TOO_LARGE and stores nothing`, async () => {
    const device = await deviceWithNwipeDrives(token);
    const donation = await createDonation();
    const ids: Record<string, string> = { devices: String(device.id), donations: String(donation.id) };
    const counts = await rowCounts(getSequelize());
    const files = storedFiles();
    const big = Buffer.alloc(config.upload.maxBytes + 1, 0x41);
    const failures: string[] = [];
    for (const route of uploadRoutes) {
      // The file field is "file" on most routes; a route that wants another name says "Unexpected file field".
      const statuses: number[] = [];
      for (const field of ['file', 'signature', 'image']) {
        const res = await api()
          [route.method](realPath(route.path, ids))
          .set(bearer(token))
          .attach(field, big, 'big.csv');
        statuses.push(res.status);
        if (res.status === 413) {
          expect(res.body.error.code).to.equal('FILE_TOO_LARGE');
          break;
        }
      }
      if (!statuses.includes(413)) failures.push(`${routeKey(route)}: ${statuses.join(', ')}`);
    }
    expect(failures).to.deep.equal([]);
    expect(await rowCounts(getSequelize())).to.deep.equal(counts);
    expect(storedFiles()).to.deep.equal(files);
  });

  it('when a PNG is named manifest.csv, the CSV import answers 415; a CSV named manifest.png is imported', async () => {
    const donation = await createDonation();
    const png = await api()
      .post(`/api/donations/${donation.id}/devices/import`)
      .set(bearer(token))
      .attach('file', PNG, { filename: 'manifest.csv', contentType: 'text/csv' });
    expect(png.status).to.equal(415);
    expect(png.body.error.code).to.equal('UNSUPPORTED_FILE_TYPE');
    const csv = await api()
      .post(`/api/donations/${donation.id}/devices/import`)
      .set(bearer(token))
      .attach('file', CSV, { filename: 'manifest.png', contentType: 'image/png' });
    expect(csv.status, JSON.stringify(csv.body)).to.equal(201);
    expect(csv.body.imported).to.equal(1);
  });

  it('when a PNG is named as an nwipe log or a hardware report, answers 415 or 422 and stores no file', async () => {
    const device = await deviceWithNwipeDrives(token);
    const files = storedFiles();
    const wipe = await api()
      .post(`/api/devices/${device.id}/sanitizations`)
      .set(bearer(token))
      .attach('file', PNG, 'nwipe.log');
    expect(wipe.status).to.equal(415);
    const report = await api()
      .post(`/api/devices/${device.id}/hardware-reports`)
      .set(bearer(token))
      .attach('file', PNG, 'lshw.json');
    expect(report.status).to.be.oneOf([415, 422]);
    expect(storedFiles()).to.deep.equal(files);
  });

  it('when a CSV is named logo.png, the logo upload answers 415; a PNG named logo.txt is taken', async function () {
    const logo = allRoutes.find((r) => r.method === 'put' && r.path === '/api/settings/logo');
    if (!logo) this.skip();
    const csv = await api()
      .put('/api/settings/logo')
      .set(bearer(token))
      .attach('file', CSV, { filename: 'logo.png', contentType: 'image/png' });
    expect(csv.status).to.equal(415);
    const png = await api()
      .put('/api/settings/logo')
      .set(bearer(token))
      .attach('file', PNG, { filename: 'logo.txt', contentType: 'text/plain' });
    expect(png.status, JSON.stringify(png.body)).to.equal(200);
    expect(storedFiles()).to.include(path.relative(config.upload.dir, storedPath(sha256(PNG))));
  });

  it('stores an nwipe log once, under the sha256 of its content, not executable, in a folder outside every served folder', async () => {
    const device = await deviceWithNwipeDrives(token);
    const log = fixture('nwipe', 'all-erased-two-drives.log');
    const res = await api()
      .post(`/api/devices/${device.id}/sanitizations`)
      .set(bearer(token))
      .attach('file', log, '../../evil.html')
      .expect(201);
    const hash = sha256(log);
    expect(res.body.records.map((r: { evidenceSha256: string }) => r.evidenceSha256)).to.deep.equal([hash, hash]);
    const file = storedPath(hash);
    expect(fs.readFileSync(file).equals(log)).to.equal(true);
    // Every file in the store, from this test or any earlier one, is named by its own content.
    for (const f of storedFiles()) {
      expect(path.basename(f)).to.equal(sha256(fs.readFileSync(path.join(config.upload.dir, f))));
      expect(path.dirname(f)).to.equal(path.basename(f).slice(0, 2));
      expect(fs.statSync(path.join(config.upload.dir, f)).mode & 0o111, `${f} is executable`).to.equal(0);
    }
    const clientDist = path.resolve(import.meta.dirname, '..', '..', 'client');
    expect(path.relative(clientDist, config.upload.dir).startsWith('..'), 'upload folder inside client/').to.equal(
      true,
    );
  });

  it('never serves an uploaded file: not at /uploads, /data/uploads or /api/uploads, and no API route answers with an active content type', async () => {
    const device = await deviceWithNwipeDrives(token);
    const marker = '<script>alert("nimah-upload")</script>';
    const log = Buffer.concat([
      fixture('nwipe', 'all-erased-two-drives.log'),
      Buffer.from(`[2024/03/15 11:59:59]  notice: ${marker}\n`),
    ]);
    await api()
      .post(`/api/devices/${device.id}/sanitizations`)
      .set(bearer(token))
      .attach('file', log, 'evil.html')
      .expect(201);
    const hash = sha256(log);
    const guesses = [
      `/uploads/${hash}`,
      `/uploads/${hash.slice(0, 2)}/${hash}`,
      `/data/uploads/${hash.slice(0, 2)}/${hash}`,
      `/api/uploads/${hash}`,
      `/${hash.slice(0, 2)}/${hash}`,
      `/api/files/${hash}`,
      `/uploads/../data/uploads/${hash.slice(0, 2)}/${hash}`,
    ];
    for (const url of guesses) {
      const res = await api().get(url).set(bearer(token));
      expect(res.text ?? '', url).not.to.contain('nimah-upload');
      expect(res.text ?? '', url).not.to.contain('S2ZYJ9CF613407');
    }
    // The API never answers with a type a browser would run; pages for people (receipts, certificate checks) are
    // HTML by design, and must not carry the uploaded script.
    const ids = { devices: String(device.id) };
    const fresh = request(createApp()); // public routes count requests per app: leave the shared app's budget alone
    for (const route of allRoutes.filter((r) => r.method === 'get')) {
      const res = await fresh.get(realPath(route.path, ids)).set(bearer(token));
      const type = String(res.headers['content-type'] ?? '');
      if (route.path.startsWith('/api/')) expect(type, routeKey(route)).not.to.match(ACTIVE_TYPES);
      else if (ACTIVE_TYPES.test(type)) expect(res.text, routeKey(route)).not.to.contain(marker);
      expect(res.headers['x-content-type-options'], routeKey(route)).to.equal('nosniff');
    }
  });
});

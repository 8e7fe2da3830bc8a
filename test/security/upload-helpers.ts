// Records the upload tests (and the backup test) share; their files are in test/helpers/fixtures.ts.
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { config } from '../../server/config.js';
import { api, bearer } from '../helpers/api.js';
import { createDonation } from '../helpers/factories.js';

/** The drives named in test/fixtures/nwipe/all-erased-two-drives.log. */
export const NWIPE_DRIVES = [
  { serialNumber: 'S2ZYJ9CF613407', mediaType: 'hdd', model: 'ST500LM012' },
  { serialNumber: 'S3Z9NB0K123456X', mediaType: 'ssd', model: 'Samsung SSD 860 EVO' },
];

export async function deviceWithNwipeDrives(token: string): Promise<{ id: number; version: number; assetTag: string }> {
  const donation = await createDonation();
  const res = await api().post(`/api/donations/${donation.id}/devices`).set(bearer(token)).send({
    type: 'desktop',
    manufacturer: 'Dell',
    model: 'OptiPlex 7050',
    serialNumber: '7QJ8XK2',
    drives: NWIPE_DRIVES,
  });
  expect(res.status, JSON.stringify(res.body)).to.equal(201);
  return res.body as { id: number; version: number; assetTag: string };
}

/** Every file under the upload folder, relative to it. */
export function storedFiles(dir = config.upload.dir): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => fs.statSync(path.join(dir, f)).isFile())
    .sort();
}

// Drives devices through the workshop over HTTP, for tests that need a device in a given status.
import { expect } from 'chai';
import { api, bearer } from './api.js';
import { createDonation } from './factories.js';
import type { DeviceDto } from '../../server/shared/index.js';

export const QA_PASS = {
  keyboard: 'pass',
  screen: 'pass',
  battery: 'pass',
  wifi: 'pass',
  ports: 'pass',
  camera: 'na',
  audio: 'pass',
};

let serial = 0;

export async function intake(token: string, drives = 1, donationId?: number): Promise<DeviceDto> {
  const donation = donationId ?? (await createDonation()).id;
  serial += 1;
  const res = await api()
    .post(`/api/donations/${donation}/devices`)
    .set(bearer(token))
    .send({
      type: 'laptop',
      manufacturer: 'Lenovo',
      model: 'ThinkPad T480',
      serialNumber: `PF${String(serial).padStart(6, '0')}`,
      drives: Array.from({ length: drives }, (_, i) => ({
        serialNumber: `S3Z9${serial}X${i}`,
        model: 'Samsung SSD 860',
        mediaType: 'ssd',
        capacityBytes: 256060514304,
      })),
    });
  expect(res.status, JSON.stringify(res.body)).to.equal(201);
  return res.body as DeviceDto;
}

export async function act(
  token: string,
  device: { id: number; version: number },
  body: Record<string, unknown>,
  status = 200,
): Promise<DeviceDto> {
  const res = await api()
    .post(`/api/devices/${device.id}/actions`)
    .set(bearer(token))
    .send({ version: device.version, ...body });
  expect(res.status, JSON.stringify(res.body)).to.equal(status);
  return res.body as DeviceDto;
}

export const PASSED_WIPE = {
  method: 'purge',
  technique: 'ata_sanitize',
  tool: 'nwipe 0.37',
  passes: 1,
  verification: 'last_pass',
  result: 'passed',
  startedAt: '2026-11-20T08:00:00Z',
  finishedAt: '2026-11-20T08:40:00Z',
} as const;

/** A passed record per drive, each evidenced by a tool's report file (spec §10: so it counts at once). */
export async function wipeAllDrives(token: string, deviceId: number): Promise<void> {
  const detail = await api().get(`/api/devices/${deviceId}`).set(bearer(token)).expect(200);
  for (const drive of detail.body.drives as { serialNumber: string }[]) {
    const req = api().post(`/api/devices/${deviceId}/sanitizations`).set(bearer(token));
    for (const [k, v] of Object.entries({ driveSerial: drive.serialNumber, ...PASSED_WIPE }))
      void req.field(k, String(v));
    await req
      .attach('file', Buffer.from(`ATA sanitize report\nserial ${drive.serialNumber}\nresult: passed\n`), 'report.txt')
      .expect(201);
  }
}

/** intake → repair? no: intake → wipe → refurbish → ready, with every drive sanitized on the way. */
export async function readyDevice(token: string): Promise<DeviceDto> {
  let d = await intake(token);
  d = await act(token, d, { action: 'triage', needsRepair: false, disposition: 'reuse' });
  await wipeAllDrives(token, d.id);
  d = await act(token, d, { action: 'complete_wipe' });
  return act(token, d, {
    action: 'refurbish',
    os: 'Windows 11 Pro',
    licence: 'oem_coa',
    windows11Eligible: true,
    grade: 'B',
    qa: QA_PASS,
  });
}

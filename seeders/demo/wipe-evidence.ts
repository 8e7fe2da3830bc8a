// Spec §10: a sanitization record counts only with evidence. The demo's wipes are backed, as a real one would be, by
// a report file stored under its sha256 (marked as seeded data, so nobody takes it for a real erasure report).
import type { Transaction } from 'sequelize';
import { storeFile } from '../../server/lib/file-store.js';
import type { Device } from '../../server/modules/devices/index.js';
import { addRecords } from '../../server/modules/sanitization/index.js';
import { DeviceFile } from '../../server/modules/sanitization/sanitization.model.js';

type Draft = Parameters<typeof addRecords>[1][number];

export async function addEvidencedRecords(
  device: Device,
  drafts: Draft[],
  operatorId: number,
  transaction: Transaction,
): Promise<void> {
  const lines = drafts.map(
    (d) =>
      `${d.driveSerial}\t${d.method}/${d.technique}\t${d.tool}\t${d.result}\t${d.finishedAt ? new Date(d.finishedAt).toISOString() : ''}`,
  );
  const data = Buffer.from(
    ['Nimah demo data: seeded wipe report, not a real erasure', `device ${device.assetTag}`, ...lines, ''].join('\n'),
  );
  const sha256 = await storeFile(data);
  await DeviceFile.create(
    {
      deviceId: device.id,
      kind: 'wipe_evidence',
      format: 'report-text',
      sha256,
      sizeBytes: data.length,
      originalName: 'demo-wipe-report.txt',
      uploadedBy: operatorId,
    },
    { transaction },
  );
  await addRecords(device, drafts, operatorId, sha256, transaction);
}

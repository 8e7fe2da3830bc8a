// What several browser suites set up through the API before the browser opens (valid national IDs, ready devices),
// and the signature a receiver draws on the handover pad.
import type { Page } from 'playwright-core';
import type { Api } from './api.js';

/** A valid Saudi national ID: 10 digits starting with 1, ending with its Luhn check digit. */
export function saudiId(n: number): string {
  const body = `1${String(n).padStart(8, '0')}`;
  let sum = 0;
  for (let i = 0; i < body.length; i += 1) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return body + String((10 - (sum % 10)) % 10);
}

export interface ReadyDevice {
  id: number;
  assetTag: string;
}

/** The laptop a suite's devices are made of; `n` makes its serial and its drive's serial unique. */
export interface LaptopModel {
  manufacturer: string;
  model: string;
  /** Serial prefixes: the device's and its drive's. */
  serialPrefix: string;
  drivePrefix: string;
}
export const DELL: LaptopModel = {
  manufacturer: 'Dell',
  model: 'Latitude 5490',
  serialPrefix: 'DL',
  drivePrefix: 'S5B',
};

/** One device as the suite names it: its make, serials and the grade QA gives it. */
export interface DeviceSpec {
  manufacturer: string;
  model: string;
  serial: string;
  drive: string;
  grade?: 'A' | 'B';
}

/**
 * A ready device through the API, as the workshop leaves it: triaged, its drive wiped and confirmed by `verifier`
 * (a record typed in by hand counts once the colleague it names confirms it, spec §10), QA passed, graded (A unless
 * said).
 */
export async function readyDeviceOf(
  api: Api,
  verifier: Api,
  donationId: number,
  spec: DeviceSpec,
): Promise<ReadyDevice> {
  const { id: verifierId } = await verifier.call<{ id: number }>('GET', '/api/auth/me');
  const d = await api.call<ReadyDevice>('POST', `/api/donations/${donationId}/devices`, {
    type: 'laptop',
    manufacturer: spec.manufacturer,
    model: spec.model,
    serialNumber: spec.serial,
    drives: [{ serialNumber: spec.drive, model: 'Samsung SSD 860', mediaType: 'ssd', capacityBytes: 256060514304 }],
  });
  await api.call('POST', `/api/devices/${d.id}/actions`, {
    action: 'triage',
    version: 0,
    needsRepair: false,
    disposition: 'reuse',
  });
  const record = await api.call<{ id: number }>('POST', `/api/devices/${d.id}/sanitizations`, {
    driveSerial: spec.drive,
    method: 'purge',
    technique: 'ata_sanitize',
    tool: 'hdparm 9.65',
    passes: 1,
    verification: 'last_pass',
    result: 'passed',
    verifierId,
  });
  await verifier.call('POST', `/api/sanitizations/${record.id}/confirm`);
  await api.call('POST', `/api/devices/${d.id}/actions`, { action: 'complete_wipe', version: 1 });
  await api.call('POST', `/api/devices/${d.id}/actions`, {
    action: 'refurbish',
    version: 2,
    os: 'Windows 11 Pro',
    licence: 'oem_coa',
    windows11Eligible: true,
    grade: spec.grade ?? 'A',
    qa: {
      keyboard: 'pass',
      screen: 'pass',
      battery: 'pass',
      wifi: 'pass',
      ports: 'pass',
      camera: 'pass',
      audio: 'pass',
    },
  });
  return d;
}

/** The suite's `n`th ready laptop of one model (its serials made unique by `n`). */
export function readyDevice(
  api: Api,
  verifier: Api,
  donationId: number,
  n: number,
  laptop: LaptopModel = DELL,
): Promise<ReadyDevice> {
  return readyDeviceOf(api, verifier, donationId, {
    manufacturer: laptop.manufacturer,
    model: laptop.model,
    serial: `${laptop.serialPrefix}${String(n).padStart(6, '0')}`,
    drive: `${laptop.drivePrefix}${String(n).padStart(8, '0')}`,
  });
}

/** Draws a stroke on the signature pad, as a finger would. */
export async function sign(page: Page): Promise<void> {
  const pad = page.getByTestId('signature-pad');
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + 30, box.y + box.height * 0.6);
  await page.mouse.down();
  for (let i = 1; i <= 24; i += 1) {
    await page.mouse.move(box.x + 30 + i * 12, box.y + box.height * (0.6 - 0.25 * Math.sin(i / 3)));
  }
  await page.mouse.up();
}

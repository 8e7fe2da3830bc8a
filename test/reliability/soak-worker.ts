// One soak worker: until the deadline, picks a random device and does the next valid thing to it, whatever
// another worker may be doing to the same device at that moment (that race is the point). Workshop actions
// always; allocation, cancellation, handover and return when the allocations routes exist.
import { family } from '../beneficiaries/helpers.js';
import { PNG } from '../helpers/fixtures.js';
import { call } from './server-process.js';
import { nextAction } from './workloads.js';

interface Device {
  id: number;
  status: string;
  version: number;
}

export interface SoakState {
  base: string;
  token: string;
  deadline: number;
  random: () => number;
  devices: number[];
  beneficiaries: number[];
  allocations: boolean;
  stats: Record<string, number>;
  /** Answers that a valid request must never get (5xx, 400, 401, 403), one line each. */
  unexpected: string[];
}

const EXPECTED = new Set([200, 201, 404, 409, 422]);

async function send(
  s: SoakState,
  label: string,
  method: string,
  url: string,
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  const res = await call(s.base, s.token, method, url, body);
  s.stats[`${label} ${res.status}`] = (s.stats[`${label} ${res.status}`] ?? 0) + 1;
  if (!EXPECTED.has(res.status))
    s.unexpected.push(`${method} ${url} ${label}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
  return res;
}

const pick = <T>(s: SoakState, items: T[]): T => items[Math.floor(s.random() * items.length)];

async function reservedAllocation(s: SoakState, deviceId: number): Promise<number | undefined> {
  const res = await call<{ items: { id: number }[] }>(
    s.base,
    s.token,
    'GET',
    `/api/allocations?deviceId=${deviceId}&status=reserved`,
  );
  return res.body.items?.[0]?.id;
}

async function allocationStep(s: SoakState, device: Device): Promise<void> {
  if (device.status === 'ready') {
    await send(s, 'allocate', 'POST', '/api/allocations', {
      deviceId: device.id,
      beneficiaryId: pick(s, s.beneficiaries),
    });
  } else if (device.status === 'allocated') {
    const id = await reservedAllocation(s, device.id);
    if (!id) return;
    if (s.random() < 0.8)
      await send(s, 'cancel', 'POST', `/api/allocations/${id}/cancel`, { reason: 'soak: the family moved' });
    else if (
      (
        await send(s, 'handover', 'POST', `/api/allocations/${id}/handover`, {
          receivedBy: 'Soak Receiver',
          signature: `data:image/png;base64,${PNG.toString('base64')}`,
        })
      ).status === 200
    ) {
      // The family is served now: a new one joins, so that allocations never run out of candidates.
      s.beneficiaries.push(await newVerifiedBeneficiary(s));
    }
  } else if (device.status === 'handed_over') {
    await send(s, 'return', 'POST', `/api/devices/${device.id}/actions`, {
      action: 'return',
      version: device.version,
      reason: 'soak: returned for a new cycle',
    });
  }
}

export async function newVerifiedBeneficiary(s: Pick<SoakState, 'base' | 'token'>): Promise<number> {
  const created = await call<{ id: number }>(s.base, s.token, 'POST', '/api/beneficiaries', family());
  if (created.status !== 201) throw new Error(`beneficiary: ${created.status} ${JSON.stringify(created.body)}`);
  const verified = await call(s.base, s.token, 'PATCH', `/api/beneficiaries/${created.body.id}`, {
    status: 'verified',
  });
  if (verified.status !== 200)
    throw new Error(`verify beneficiary: ${verified.status} ${JSON.stringify(verified.body)}`);
  return created.body.id;
}

export async function soakWorker(s: SoakState): Promise<void> {
  while (Date.now() < s.deadline) {
    const id = pick(s, s.devices);
    const device = (await call<Device>(s.base, s.token, 'GET', `/api/devices/${id}`)).body;
    const action = nextAction(device.status, s.random);
    if (action)
      await send(s, String(action.action), 'POST', `/api/devices/${id}/actions`, {
        ...action,
        version: device.version,
      });
    else if (s.allocations) await allocationStep(s, device);
  }
}

// Workloads shared by the crash and soak tests: a big CSV upload that can be cut off by a kill, and workers that
// push devices through the workshop with valid actions.
import http from 'node:http';
import { call } from './server-process.js';

export function manifestCsv(rows: number, serialPrefix: string): Buffer {
  const lines = ['type,manufacturer,model,serialNumber'];
  for (let i = 1; i <= rows; i += 1)
    lines.push(`laptop,Lenovo,ThinkPad T480,${serialPrefix}${String(i).padStart(6, '0')}`);
  return Buffer.from(`${lines.join('\n')}\n`);
}

function multipartFile(field: string, name: string, content: Buffer): { body: Buffer; contentType: string } {
  const boundary = `----nimah${Date.now().toString(16)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n`;
  return {
    body: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

export interface Upload {
  /** Resolves when the last byte of the request has been handed to the socket. */
  sent: Promise<number>;
  /** Resolves with the status, or null when the connection died first. */
  answered: Promise<number | null>;
  isAnswered: () => boolean;
}

/** POSTs a CSV manifest and reports when it was fully sent and when (if ever) it was answered. */
export function uploadManifest(base: string, token: string, donationId: number, csv: Buffer): Upload {
  const { body, contentType } = multipartFile('file', 'manifest.csv', csv);
  let done = false;
  let markSent: (t: number) => void = () => undefined;
  const sent = new Promise<number>((resolve) => {
    markSent = resolve;
  });
  const answered = new Promise<number | null>((resolve) => {
    const req = http.request(
      `${base}/api/donations/${donationId}/devices/import`,
      {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': contentType, 'Content-Length': body.length },
      },
      (res) => {
        res.resume();
        res.on('end', () => {
          done = true;
          resolve(res.statusCode ?? null);
        });
      },
    );
    req.on('error', () => {
      done = true;
      resolve(null);
    });
    req.end(body, () => markSent(Date.now()));
  });
  return { sent, answered, isAnswered: () => done };
}

export const QA_PASS = {
  keyboard: 'pass',
  screen: 'pass',
  battery: 'pass',
  wifi: 'pass',
  ports: 'pass',
  camera: 'na',
  audio: 'pass',
};

interface DeviceState {
  id: number;
  status: string;
  version: number;
}

/** The next valid workshop action for a device in `status`, or undefined when the workshop is done with it. */
export function nextAction(status: string, random: () => number): Record<string, unknown> | undefined {
  switch (status) {
    case 'intake':
      return { action: 'triage', needsRepair: random() < 0.3, disposition: 'reuse', findings: 'soak' };
    case 'repair':
      return { action: 'repair', workDone: 'Replaced the keyboard', partsUsed: [], fixed: true };
    case 'wipe':
      return { action: 'complete_wipe', noStorage: true };
    case 'refurbish':
      return { action: 'refurbish', os: 'Ubuntu 24.04', licence: 'open_source', grade: 'B', qa: QA_PASS };
    default:
      return undefined;
  }
}

export interface ActionLog {
  acknowledged: Map<number, number>;
  sent: number;
  ok: number;
  conflicts: number;
  serverErrors: string[];
}

export const newActionLog = (): ActionLog => ({
  acknowledged: new Map(),
  sent: 0,
  ok: 0,
  conflicts: 0,
  serverErrors: [],
});

/**
 * One worker: takes devices from the shared queue and drives each to `ready`. A 409 (another worker won the race)
 * re-reads the device and carries on. Stops when the queue is empty, `stopped()` says so, or the server dies.
 */
export async function workshopWorker(
  base: string,
  token: string,
  queue: number[],
  log: ActionLog,
  random: () => number,
  stopped: () => boolean,
): Promise<void> {
  while (!stopped()) {
    const id = queue.shift();
    if (id === undefined) return;
    try {
      await driveDevice(base, token, id, log, random, stopped);
    } catch {
      return; // the connection died: the server was killed
    }
  }
}

async function driveDevice(
  base: string,
  token: string,
  id: number,
  log: ActionLog,
  random: () => number,
  stopped: () => boolean,
): Promise<void> {
  let device = (await call<DeviceState>(base, token, 'GET', `/api/devices/${id}`)).body;
  for (
    let action = nextAction(device.status, random);
    action && !stopped();
    action = nextAction(device.status, random)
  ) {
    log.sent += 1;
    const res = await call<DeviceState>(base, token, 'POST', `/api/devices/${id}/actions`, {
      ...action,
      version: device.version,
    });
    if (res.status >= 500)
      log.serverErrors.push(`${String(action.action)} on ${id}: ${res.status} ${JSON.stringify(res.body)}`);
    if (res.status === 200) {
      log.ok += 1;
      device = res.body;
      log.acknowledged.set(id, device.version);
    } else if (res.status === 409) {
      log.conflicts += 1;
      device = (await call<DeviceState>(base, token, 'GET', `/api/devices/${id}`)).body;
    } else {
      return;
    }
  }
}

/** Mulberry32: a small seeded PRNG, so a failing run can be replayed from its printed seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// The benchmarked requests. Each scenario builds its requests on the fly (varying tags, pages, ids, bodies);
// the baseline serves the same paths, so one plan drives both servers.
import { prng } from './seed.plan.js';
import { TAG_PREFIX } from './env.js';
import type { RequestPlan } from './load.js';

export interface Dataset {
  /** Highest seeded device id (ids 1..maxDeviceId exist). */
  maxDeviceId: number;
  /** Donations that take devices (status received). */
  openDonations: number[];
}

export type ScenarioName =
  | 'scan'
  | 'list'
  | 'detail'
  | 'queue'
  | 'dashboard'
  | 'dashboard_load'
  | 'regions'
  | 'cumulative'
  | 'intake'
  | 'action';

export type Side = 'nimah' | 'baseline';

/** `plan` is called once per run; `side` says which server the run is for (the write scenarios keep a cursor per side). */
export interface Scenario {
  name: ScenarioName;
  label: string;
  plan: (headers: Record<string, string>, side: Side) => RequestPlan;
  /** Concurrent connections when not the run's (figures are read by a few managers at once, not by 32). */
  connections?: number;
}

/**
 * The figures screens (dashboard, regional table) under the load their readers make: a handful of managers and
 * partners at once. Each answer is computed fresh from the read model (no cache anywhere), so their latency at this
 * concurrency is what a reader waits; 32 connections on one dashboard would measure a queue, not the dashboard.
 */
export const FIGURES_CONNECTIONS = 4;

const ARABIC_LAYOUT: Record<string, string> = { N: 'ى', M: 'ة' };

/** An asset tag as scanners and people send it: plain, as printed (NM-000123), lower case, or typed on an Arabic layout. */
function scanCode(rand: () => number, id: number): string {
  const digits = String(id).padStart(6, '0');
  const r = rand();
  if (r < 0.7) return TAG_PREFIX + digits;
  if (r < 0.85) return `${TAG_PREFIX}-${digits}`;
  if (r < 0.95) return (TAG_PREFIX + digits).toLowerCase();
  return encodeURIComponent([...TAG_PREFIX].map((c) => ARABIC_LAYOUT[c] ?? c).join('') + digits);
}

export function readScenarios(data: Dataset): Scenario[] {
  const rand = prng(42);
  const anyId = () => 1 + Math.floor(rand() * data.maxDeviceId);
  const get = (label: string, name: ScenarioName, path: () => string): Scenario => ({
    name,
    label,
    plan: (headers) => ({ method: 'GET', headers, next: () => ({ path: path() }) }),
  });
  return [
    get('scan lookup  GET /api/scan/:tag', 'scan', () => `/api/scan/${scanCode(rand, anyId())}`),
    get(
      'device list  GET /api/devices?status=ready&page=N',
      'list',
      () => `/api/devices?status=ready&page=${1 + Math.floor(rand() * 20)}`,
    ),
    get('device detail GET /api/devices/:id', 'detail', () => `/api/devices/${anyId()}`),
    get('intake queue GET /api/intake-queue', 'queue', () => '/api/intake-queue'),
    // One reader: what a fresh computation costs (the "a fresh computation takes ~1.3 s"); then several.
    {
      ...get('dashboard    GET /api/reports/dashboard, 1 reader', 'dashboard', () => '/api/reports/dashboard'),
      connections: 1,
    },
    {
      ...get('dashboard    GET /api/reports/dashboard, 4 readers', 'dashboard_load', () => '/api/reports/dashboard'),
      connections: FIGURES_CONNECTIONS,
    },
    {
      ...get('regions      GET /api/reports/regions', 'regions', () => '/api/reports/regions'),
      connections: FIGURES_CONNECTIONS,
    },
    // The dashboard's programme chart: families and students served month by month (the seeded programme is 1).
    {
      ...get(
        'programme chart GET /api/reports/programmes/1/cumulative',
        'cumulative',
        () => '/api/reports/programmes/1/cumulative',
      ),
      connections: FIGURES_CONNECTIONS,
    },
  ];
}

let serial = 0;

export function intakeScenario(data: Dataset): Scenario {
  return {
    name: 'intake',
    label: 'device intake POST /api/donations/:id/devices',
    plan: (headers) => ({
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      next: () => {
        serial += 1;
        const donation = data.openDonations[serial % data.openDonations.length];
        const body = {
          type: 'laptop',
          manufacturer: 'Lenovo',
          model: 'ThinkPad T480',
          serialNumber: `BENCH${process.pid}X${serial}`,
          drives: [
            {
              serialNumber: `BDRV${process.pid}X${serial}`,
              model: 'Samsung SSD 860',
              mediaType: 'ssd',
              capacityBytes: 256060514304,
            },
          ],
        };
        return { path: `/api/donations/${donation}/devices`, body: JSON.stringify(body) };
      },
    }),
  };
}

/**
 * Triage of distinct devices in intake, each with its current version. Each side walks the pool with its own cursor
 * that carries over from run to run, so no device is triaged twice by Nimah.
 */
export function actionScenario(pool: { id: number; version: number }[]): Scenario & { used: () => number } {
  const cursor: Record<Side, number> = { nimah: 0, baseline: 0 };
  return {
    name: 'action',
    label: 'lifecycle action POST /api/devices/:id/actions (triage)',
    used: () => cursor.nimah,
    plan: (headers, side) => ({
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      next: () => {
        const device = pool[cursor[side] % pool.length];
        cursor[side] += 1;
        const body = {
          action: 'triage',
          version: device.version,
          needsRepair: false,
          disposition: 'reuse',
          findings: 'bench',
        };
        return { path: `/api/devices/${device.id}/actions`, body: JSON.stringify(body) };
      },
    }),
  };
}

/** A CSV manifest of `rows` devices with unique serials. */
export function manifest(rows: number): string {
  const lines = ['type,manufacturer,model,serialNumber,notes'];
  for (let i = 1; i <= rows; i += 1)
    lines.push(`laptop,Dell,Latitude 7490,CSV${process.pid}R${i},"batch ${Math.ceil(i / 100)}, shelf B"`);
  return `${lines.join('\n')}\n`;
}

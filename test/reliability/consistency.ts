// What must hold after any crash or race: each device's version counts its status changes (the events that set
// a status, minus the intake event), its status is the one its newest status event set, and every chain verifies.
import { call } from './server-process.js';

interface Row {
  id: number;
  version: number | string;
  status: string;
  transitions: number | string;
  last_status: string | null;
}

export interface ChainReport {
  ok: boolean;
  devicesChecked: number;
  eventsChecked: number;
  broken: unknown[];
}

type Select = <T extends object>(sql: string, replacements?: Record<string, unknown>) => Promise<T[]>;

/** Devices whose counters disagree with their events, described one per line (empty when all agree). */
export async function versionMismatches(select: Select): Promise<string[]> {
  const rows = await select<Row>(`
    SELECT d.id, d.version, d.status,
      (SELECT COUNT(*) FROM device_events e WHERE e.device_id = d.id AND e.to_status IS NOT NULL) AS transitions,
      (SELECT e.to_status FROM device_events e WHERE e.device_id = d.id AND e.to_status IS NOT NULL ORDER BY e.seq DESC LIMIT 1) AS last_status
    FROM devices d ORDER BY d.id`);
  return rows
    .filter((r) => Number(r.version) !== Number(r.transitions) - 1 || r.status !== r.last_status)
    .map(
      (r) =>
        `device ${r.id}: version ${r.version}, ${r.transitions} status events, status ${r.status}, last event to ${r.last_status}`,
    );
}

export async function auditVerify(base: string, token: string): Promise<ChainReport> {
  const res = await call<ChainReport>(base, token, 'GET', '/api/audit/verify');
  if (res.status !== 200) throw new Error(`audit/verify: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

// The read model recomputed from the source tables (devices, sanitizations, disposals, allocations, beneficiaries,
// device_events): the test oracle, the migration that first fills the model, and `npm run reports:rebuild`. One
// transaction; every difference between what is stored and what the sources give is reported, then fixed.
import type { Transaction } from 'sequelize';
import { getSequelize, isSqlite, withTransaction } from '../../db/sequelize.js';
import { insertHandoverFact } from './figures.record.js';
import {
  COUNTER_TABLES,
  COUNTERS,
  monthOf,
  monthSql,
  secondsSql,
  select,
  setCounters,
  sqlTime,
  type CounterRow,
  type CounterTable,
} from './figures.tables.js';

export interface Drift {
  table: string;
  key: string;
  expected: string;
  stored: string;
}

type Row = Record<string, unknown>;

/** What the counter tables should hold, from the source tables (figure_handovers from the handover facts). */
export async function recount(transaction?: Transaction): Promise<Record<CounterTable, CounterRow[]>> {
  const devices = await select<Row>(
    `SELECT status, COALESCE(site_id, 0) AS site_id, type, ${monthSql('created_at')} AS intake_month, COUNT(*) AS n
       FROM devices GROUP BY status, COALESCE(site_id, 0), type, ${monthSql('created_at')}`,
    {},
    transaction,
  );
  const drives = await select<Row>(
    `SELECT COALESCE(d.site_id, 0) AS site_id, COUNT(DISTINCT s.drive_id) AS drives_sanitized
       FROM sanitizations s JOIN devices d ON d.id = s.device_id
      WHERE s.state = 'counted' AND s.result = 'passed' GROUP BY COALESCE(d.site_id, 0)`,
    {},
    transaction,
  );
  const kg = await select<Row>(
    `SELECT COALESCE(d.site_id, 0) AS site_id, SUM(x.weight_kg) AS recycled_kg
       FROM disposals x JOIN devices d ON d.id = x.device_id
      WHERE x.kind = 'recycle' AND x.weight_kg IS NOT NULL GROUP BY COALESCE(d.site_id, 0)`,
    {},
    transaction,
  );
  const handovers = await select<Row>(
    `SELECT month, programme_id, beneficiary_kind, partner_id, region_code, site_id, COUNT(*) AS handovers,
            SUM(CASE WHEN first_in_programme THEN 1 ELSE 0 END) AS served
       FROM figure_handover_facts GROUP BY month, programme_id, beneficiary_kind, partner_id, region_code, site_id`,
    {},
    transaction,
  );
  const sites = new Map<number, [number, number]>();
  for (const r of drives) sites.set(Number(r.site_id), [Number(r.drives_sanitized), 0]);
  for (const r of kg) {
    const id = Number(r.site_id);
    sites.set(id, [sites.get(id)?.[0] ?? 0, Number(r.recycled_kg)]);
  }
  return {
    figure_devices: rowsOf('figure_devices', devices),
    figure_sites: [...sites].map(([id, values]) => ({ key: [id], values })),
    figure_handovers: rowsOf('figure_handovers', handovers),
  };
}

function rowsOf(table: CounterTable, rows: Row[]): CounterRow[] {
  const { keys, measures } = COUNTERS[table];
  return rows.map((r) => ({
    key: keys.map((k) => (typeof r[k] === 'number' || /_id$/.test(k) ? Number(r[k]) : String(r[k]))),
    values: measures.map((m) => Number(r[m] ?? 0)),
  }));
}

async function stored(table: CounterTable, transaction: Transaction): Promise<CounterRow[]> {
  const { keys, measures } = COUNTERS[table];
  return rowsOf(table, await select<Row>(`SELECT ${[...keys, ...measures].join(', ')} FROM ${table}`, {}, transaction));
}

const close = (a: number, b: number) => Math.abs(a - b) < 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));

/** Counter rows that differ (a missing row counts as zeros). */
function compare(
  table: CounterTable,
  expected: CounterRow[],
  have: CounterRow[],
): { drift: Drift[]; fix: CounterRow[] } {
  const zeros = COUNTERS[table].measures.map(() => 0);
  const byKey = new Map(have.map((r) => [JSON.stringify(r.key), r]));
  const drift: Drift[] = [];
  const fix: CounterRow[] = [];
  const measures = COUNTERS[table].measures.join(',');
  for (const e of expected) {
    const id = JSON.stringify(e.key);
    const s = byKey.get(id)?.values ?? zeros;
    byKey.delete(id);
    if (!e.values.every((v, i) => close(v, s[i]))) {
      drift.push({
        table,
        key: id,
        expected: `${measures}=${e.values.join(',')}`,
        stored: `${measures}=${s.join(',')}`,
      });
      fix.push(e);
    }
  }
  for (const [id, r] of byKey) {
    if (r.values.every((v) => v === 0)) continue;
    drift.push({
      table,
      key: id,
      expected: `${measures}=${zeros.join(',')}`,
      stored: `${measures}=${r.values.join(',')}`,
    });
    fix.push({ key: r.key, values: zeros });
  }
  return { drift, fix };
}

/** Handover facts against the allocations handed over: missing ones added (from today's data), stray ones removed. */
async function syncHandoverFacts(transaction: Transaction): Promise<Drift[]> {
  const drift: Drift[] = [];
  const missing = await select<{
    id: number;
    device_id: number;
    beneficiary_id: number;
    programme_id: number | null;
    handed_over_at: Date | string;
    kind: string;
    partner_id: number | null;
    region_code: string | null;
    site_id: number | null;
    site_region: string | null;
  }>(
    `SELECT a.id, a.device_id, a.beneficiary_id, a.programme_id, a.handed_over_at, b.kind, b.partner_id,
            b.region_code, d.site_id, s.region_code AS site_region
       FROM allocations a JOIN beneficiaries b ON b.id = a.beneficiary_id JOIN devices d ON d.id = a.device_id
       LEFT JOIN sites s ON s.id = d.site_id
      WHERE a.status = 'handed_over' AND a.handed_over_at IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM figure_handover_facts f WHERE f.allocation_id = a.id)
      ORDER BY a.handed_over_at, a.id`,
    {},
    transaction,
  );
  for (const a of missing) {
    await insertHandoverFact(
      {
        allocationId: Number(a.id),
        deviceId: Number(a.device_id),
        beneficiaryId: Number(a.beneficiary_id),
        programmeId: Number(a.programme_id ?? 0),
        kind: String(a.kind),
        partnerId: Number(a.partner_id ?? 0),
        regionCode: String(a.region_code ?? a.site_region ?? ''),
        siteId: Number(a.site_id ?? 0),
        month: monthOf(a.handed_over_at),
        handedOverAt: new Date(a.handed_over_at),
        first: false, // settled below, with the rest of the beneficiary's handovers in the programme
      },
      transaction,
    );
    drift.push({ table: 'figure_handover_facts', key: `[${a.id}]`, expected: 'present', stored: 'missing' });
  }
  const stray = await select<{ allocation_id: number }>(
    `SELECT f.allocation_id FROM figure_handover_facts f
      WHERE NOT EXISTS (SELECT 1 FROM allocations a WHERE a.id = f.allocation_id AND a.status = 'handed_over')`,
    {},
    transaction,
  );
  for (const f of stray) {
    await getSequelize().query('DELETE FROM figure_handover_facts WHERE allocation_id = :id', {
      replacements: { id: f.allocation_id },
      transaction,
    });
    drift.push({ table: 'figure_handover_facts', key: `[${f.allocation_id}]`, expected: 'absent', stored: 'present' });
  }
  // Exactly one first handover per beneficiary and programme: where there is not, the earliest one (by id).
  const groups = await select<{ programme_id: number; beneficiary_id: number; firsts: number | string }>(
    `SELECT programme_id, beneficiary_id, SUM(CASE WHEN first_in_programme THEN 1 ELSE 0 END) AS firsts
       FROM figure_handover_facts GROUP BY programme_id, beneficiary_id
     HAVING SUM(CASE WHEN first_in_programme THEN 1 ELSE 0 END) <> 1`,
    {},
    transaction,
  );
  for (const g of groups) {
    const where = 'programme_id = :p AND beneficiary_id = :b';
    const replacements = { p: g.programme_id, b: g.beneficiary_id };
    await getSequelize().query(`UPDATE figure_handover_facts SET first_in_programme = :no WHERE ${where}`, {
      replacements: { ...replacements, no: false },
      transaction,
    });
    const [firstId] = await select<{ id: number }>(
      `SELECT MIN(allocation_id) AS id FROM figure_handover_facts WHERE ${where}`,
      replacements,
      transaction,
    );
    await getSequelize().query('UPDATE figure_handover_facts SET first_in_programme = :yes WHERE allocation_id = :id', {
      replacements: { yes: true, id: firstId.id },
      transaction,
    });
    drift.push({
      table: 'figure_handover_facts',
      key: `programme ${g.programme_id}, beneficiary ${g.beneficiary_id}`,
      expected: 'first=1',
      stored: `first=${Number(g.firsts)}`,
    });
  }
  return drift;
}

/** The spans the status events give: each status event after a device's first ends the span of the one before. */
const EXPECTED_SPANS = `
  SELECT device_id, seq AS end_seq, prev_status AS stage, prev_at AS entered_at, created_at AS left_at
    FROM (SELECT device_id, seq, created_at,
                 LAG(to_status) OVER (PARTITION BY device_id ORDER BY seq) AS prev_status,
                 LAG(created_at) OVER (PARTITION BY device_id ORDER BY seq) AS prev_at
            FROM device_events WHERE to_status IS NOT NULL) e
   WHERE prev_status IS NOT NULL`;

/**
 * Stage spans against the status events. A span written live starts at the device's status_changed_at, which may
 * be a few milliseconds off its event's time: lengths within a second agree.
 */
async function syncSpans(transaction: Transaction): Promise<Drift[]> {
  const drift: Drift[] = [];
  const wrong = await select<{
    device_id: number;
    end_seq: number;
    stage: string;
    entered_at: Date | string;
    left_at: Date | string;
    seconds: number | string;
    site_id: number | string;
    stored_stage: string | null;
    stored_seconds: number | string | null;
  }>(
    `SELECT x.device_id, x.end_seq, x.stage, x.entered_at, x.left_at, ${secondsSql('x.entered_at', 'x.left_at')} AS seconds,
            COALESCE(d.site_id, 0) AS site_id, f.stage AS stored_stage, f.seconds AS stored_seconds
       FROM (${EXPECTED_SPANS}) x JOIN devices d ON d.id = x.device_id
       LEFT JOIN figure_stage_spans f ON f.device_id = x.device_id AND f.end_seq = x.end_seq
      WHERE f.id IS NULL OR f.stage <> x.stage
         OR ABS(f.seconds - ${secondsSql('x.entered_at', 'x.left_at')}) > 1`,
    {},
    transaction,
  );
  for (const w of wrong) {
    const key = { deviceId: w.device_id, endSeq: w.end_seq };
    await getSequelize().query('DELETE FROM figure_stage_spans WHERE device_id = :deviceId AND end_seq = :endSeq', {
      replacements: key,
      transaction,
    });
    await getSequelize().query(
      `INSERT INTO figure_stage_spans (device_id, end_seq, stage, site_id, entered_at, left_at, seconds)
       VALUES (:deviceId, :endSeq, :stage, :siteId, :enteredAt, :leftAt, :seconds)`,
      {
        replacements: {
          ...key,
          stage: w.stage,
          siteId: Number(w.site_id),
          enteredAt: sqlTime(new Date(w.entered_at)),
          leftAt: sqlTime(new Date(w.left_at)),
          seconds: Math.max(0, Number(w.seconds)),
        },
        transaction,
      },
    );
    drift.push({
      table: 'figure_stage_spans',
      key: `[${w.device_id},${w.end_seq}]`,
      expected: `${w.stage} ${Number(w.seconds).toFixed(1)} s`,
      stored: w.stored_stage === null ? 'missing' : `${w.stored_stage} ${Number(w.stored_seconds).toFixed(1)} s`,
    });
  }
  const stray = await select<{ id: number; device_id: number; end_seq: number }>(
    `SELECT f.id, f.device_id, f.end_seq FROM figure_stage_spans f
      WHERE NOT EXISTS (SELECT 1 FROM device_events e WHERE e.device_id = f.device_id AND e.seq = f.end_seq
                           AND e.to_status IS NOT NULL)`,
    {},
    transaction,
  );
  for (const s of stray) {
    await getSequelize().query('DELETE FROM figure_stage_spans WHERE id = :id', {
      replacements: { id: s.id },
      transaction,
    });
    drift.push({
      table: 'figure_stage_spans',
      key: `[${s.device_id},${s.end_seq}]`,
      expected: 'absent',
      stored: 'present',
    });
  }
  return drift;
}

/**
 * Compares the whole read model with a recount inside `transaction`, repairs every difference and returns them.
 * With `{ repair: false }` it only reports (the tests' oracle); the transaction is the caller's.
 */
export async function rebuildFiguresIn(transaction: Transaction, options: { repair?: boolean } = {}): Promise<Drift[]> {
  const repair = options.repair ?? true;
  const drift: Drift[] = [];
  // MariaDB: lock the model's rows first (in the order writers take them: spans and facts, then the counters), and
  // only then read: the snapshot of the sources is taken after every writer that got past these locks committed,
  // and writers still to come wait, then add their change onto the repaired rows. SQLite's writers are queued.
  if (!isSqlite()) {
    for (const table of ['figure_stage_spans', 'figure_handover_facts', ...COUNTER_TABLES])
      await getSequelize().query(`SELECT COUNT(*) FROM ${table} FOR UPDATE`, { transaction });
  }
  if (repair) {
    drift.push(...(await syncHandoverFacts(transaction)));
    drift.push(...(await syncSpans(transaction)));
  }
  const expected = await recount(transaction);
  for (const table of COUNTER_TABLES) {
    const result = compare(table, expected[table], await stored(table, transaction));
    drift.push(...result.drift);
    if (repair) await setCounters(table, result.fix, transaction);
  }
  return drift;
}

/** `npm run reports:rebuild`, and the migration that first fills the model: one transaction. */
export async function rebuildFigures(options: { repair?: boolean } = {}): Promise<Drift[]> {
  return withTransaction((t) => rebuildFiguresIn(t, options));
}

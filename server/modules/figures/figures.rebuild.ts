// The read model recomputed from the source tables (devices, sanitizations, disposals, allocations, beneficiaries,
// device_events): the test oracle, the migration that first fills the model, and `npm run reports:rebuild`. One
// transaction; every difference between what is stored and what the sources give is reported, then fixed.
import type { Transaction } from 'sequelize';
import { getSequelize, isSqlite, withTransaction } from '../../db/sequelize.js';
import {
  COUNTER_TABLES,
  COUNTERS,
  COUNTS_AS_SANITIZED,
  MEDIA_SANITIZED,
  monthSql,
  secondsSql,
  select,
  setCounters,
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

/**
 * COUNTS_AS_SANITIZED, or the same without the encryption check while the column is not there: migration 24 runs this
 * rebuild before migration 35 adds sanitizations.encryption_verified, and no record before it is a phone's reset.
 */
async function sanitizedCondition(transaction?: Transaction): Promise<string> {
  const sql = isSqlite()
    ? `SELECT COUNT(*) AS n FROM pragma_table_info('sanitizations') WHERE name = 'encryption_verified'`
    : `SELECT COUNT(*) AS n FROM information_schema.columns
        WHERE table_schema = DATABASE() AND table_name = 'sanitizations' AND column_name = 'encryption_verified'`;
  const [row] = await select<{ n: number | string }>(sql, {}, transaction);
  return Number(row?.n ?? 0) > 0 ? COUNTS_AS_SANITIZED : "s.state = 'counted' AND s.result = 'passed'";
}

/** What the counter tables should hold, from the source tables (figure_handovers from the handover facts). */
export async function recount(transaction?: Transaction): Promise<Record<CounterTable, CounterRow[]>> {
  const devices = await select<Row>(
    `SELECT status, COALESCE(site_id, 0) AS site_id, type, ${monthSql('created_at')} AS intake_month, COUNT(*) AS n
       FROM devices GROUP BY status, COALESCE(site_id, 0), type, ${monthSql('created_at')}`,
    {},
    transaction,
  );
  const drives = await select<Row>(
    `SELECT COALESCE(d.site_id, 0) AS site_id, ${MEDIA_SANITIZED} AS drives_sanitized
       FROM sanitizations s JOIN devices d ON d.id = s.device_id
      WHERE ${await sanitizedCondition(transaction)} GROUP BY COALESCE(d.site_id, 0)`,
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

const SAMPLE = 10;
const q = (sql: string, transaction: Transaction) => getSequelize().query(sql, { transaction });
const countOf = async (sql: string, transaction: Transaction): Promise<number> =>
  Number((await select<{ n: unknown }>(`SELECT COUNT(*) AS n FROM (${sql}) c`, {}, transaction))[0]?.n ?? 0);

/** Up to SAMPLE differences of one kind, then one line saying how many more there are. */
async function differences(
  table: string,
  sql: string,
  describe: (row: Row) => Omit<Drift, 'table'>,
  transaction: Transaction,
): Promise<Drift[]> {
  const n = await countOf(sql, transaction);
  if (!n) return [];
  const rows = await select<Row>(`${sql} LIMIT ${SAMPLE}`, {}, transaction);
  const out = rows.map((r) => ({ table, ...describe(r) }));
  if (n > rows.length) out.push({ table, key: `… and ${n - rows.length} more`, expected: '', stored: '' });
  return out;
}

const FIRSTS = 'SUM(CASE WHEN first_in_programme THEN 1 ELSE 0 END)';

/**
 * Handover facts against the allocations handed over: missing ones added (who and where from today's data), stray
 * ones removed, and exactly one first handover per beneficiary and programme (the earliest by id where not).
 */
async function syncHandoverFacts(transaction: Transaction, repair: boolean): Promise<Drift[]> {
  const table = 'figure_handover_facts';
  const missingFrom = `FROM allocations a JOIN beneficiaries b ON b.id = a.beneficiary_id JOIN devices d ON d.id = a.device_id
       LEFT JOIN sites s ON s.id = d.site_id
      WHERE a.status = 'handed_over' AND a.handed_over_at IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM figure_handover_facts f WHERE f.allocation_id = a.id)`;
  const strayWhere = `NOT EXISTS (SELECT 1 FROM allocations a
      WHERE a.id = figure_handover_facts.allocation_id AND a.status = 'handed_over')`;
  const badGroups = `SELECT programme_id, beneficiary_id, ${FIRSTS} AS firsts FROM figure_handover_facts
      GROUP BY programme_id, beneficiary_id HAVING ${FIRSTS} <> 1`;
  const drift = [
    ...(await differences(
      table,
      `SELECT a.id ${missingFrom}`,
      (r) => ({ key: `[${Number(r.id)}]`, expected: 'present', stored: 'missing' }),
      transaction,
    )),
    ...(await differences(
      table,
      `SELECT allocation_id FROM figure_handover_facts WHERE ${strayWhere}`,
      (r) => ({ key: `[${Number(r.allocation_id)}]`, expected: 'absent', stored: 'present' }),
      transaction,
    )),
  ];
  if (repair) {
    await q(
      `INSERT INTO figure_handover_facts (allocation_id, device_id, beneficiary_id, programme_id, beneficiary_kind,
          partner_id, region_code, site_id, month, handed_over_at, first_in_programme)
       SELECT a.id, a.device_id, a.beneficiary_id, COALESCE(a.programme_id, 0), b.kind, COALESCE(b.partner_id, 0),
              COALESCE(b.region_code, s.region_code, ''), COALESCE(d.site_id, 0), ${monthSql('a.handed_over_at')},
              a.handed_over_at, 0
       ${missingFrom}`,
      transaction,
    );
    await q(`DELETE FROM figure_handover_facts WHERE ${strayWhere}`, transaction);
  }
  // Checked after the facts are complete (a missing fact is a beneficiary without a first one).
  drift.push(
    ...(await differences(
      table,
      badGroups,
      (r) => ({
        key: `programme ${Number(r.programme_id)}, beneficiary ${Number(r.beneficiary_id)}`,
        expected: 'first=1',
        stored: `first=${Number(r.firsts)}`,
      }),
      transaction,
    )),
  );
  if (repair) {
    // DISTINCT and GROUP BY keep the inner selects materialised: MariaDB refuses to update a table it reads from.
    await q(
      `UPDATE figure_handover_facts SET first_in_programme = 0 WHERE allocation_id IN (
         SELECT allocation_id FROM (SELECT DISTINCT f.allocation_id FROM figure_handover_facts f
           JOIN (SELECT programme_id, beneficiary_id FROM figure_handover_facts GROUP BY programme_id, beneficiary_id
                  HAVING ${FIRSTS} > 1) g ON g.programme_id = f.programme_id AND g.beneficiary_id = f.beneficiary_id) t)`,
      transaction,
    );
    await q(
      `UPDATE figure_handover_facts SET first_in_programme = 1 WHERE allocation_id IN (
         SELECT id FROM (SELECT MIN(allocation_id) AS id FROM figure_handover_facts
                          GROUP BY programme_id, beneficiary_id HAVING ${FIRSTS} = 0) t)`,
      transaction,
    );
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
 * be a few milliseconds off its event's time: lengths within a second agree. All in set-wise statements (600,000
 * events at 100,000 devices).
 */
async function syncSpans(transaction: Transaction, repair: boolean): Promise<Drift[]> {
  const table = 'figure_stage_spans';
  const seconds = secondsSql('x.entered_at', 'x.left_at');
  const differing = `FROM (${EXPECTED_SPANS}) x
       JOIN figure_stage_spans f ON f.device_id = x.device_id AND f.end_seq = x.end_seq
      WHERE f.stage <> x.stage OR ABS(f.seconds - ${seconds}) > 1`;
  const missing = `FROM (${EXPECTED_SPANS}) x JOIN devices d ON d.id = x.device_id
      WHERE NOT EXISTS (SELECT 1 FROM figure_stage_spans f WHERE f.device_id = x.device_id AND f.end_seq = x.end_seq)`;
  const strayWhere = `NOT EXISTS (SELECT 1 FROM device_events e WHERE e.device_id = figure_stage_spans.device_id
      AND e.seq = figure_stage_spans.end_seq AND e.to_status IS NOT NULL)`;
  const drift = [
    ...(await differences(
      table,
      `SELECT x.device_id, x.end_seq, x.stage, ${seconds} AS seconds, f.stage AS stored_stage, f.seconds AS stored_seconds ${differing}`,
      (r) => ({
        key: `[${Number(r.device_id)},${Number(r.end_seq)}]`,
        expected: `${String(r.stage)} ${Number(r.seconds).toFixed(1)} s`,
        stored: `${String(r.stored_stage)} ${Number(r.stored_seconds).toFixed(1)} s`,
      }),
      transaction,
    )),
    ...(await differences(
      table,
      `SELECT x.device_id, x.end_seq ${missing}`,
      (r) => ({ key: `[${Number(r.device_id)},${Number(r.end_seq)}]`, expected: 'present', stored: 'missing' }),
      transaction,
    )),
    ...(await differences(
      table,
      `SELECT device_id, end_seq FROM figure_stage_spans WHERE ${strayWhere}`,
      (r) => ({ key: `[${Number(r.device_id)},${Number(r.end_seq)}]`, expected: 'absent', stored: 'present' }),
      transaction,
    )),
  ];
  if (repair && drift.length) {
    await q(
      `DELETE FROM figure_stage_spans WHERE id IN (SELECT id FROM (SELECT DISTINCT f.id AS id ${differing}) t)`,
      transaction,
    );
    await q(`DELETE FROM figure_stage_spans WHERE ${strayWhere}`, transaction);
    await q(
      `INSERT INTO figure_stage_spans (device_id, end_seq, stage, site_id, entered_at, left_at, seconds)
       SELECT x.device_id, x.end_seq, x.stage, COALESCE(d.site_id, 0), x.entered_at, x.left_at,
              CASE WHEN ${seconds} < 0 THEN 0 ELSE ${seconds} END
       ${missing}`,
      transaction,
    );
  }
  return drift;
}

export interface RebuildOptions {
  /** false: only report (the tests' oracle). */
  repair?: boolean;
  /**
   * false: leave the stage spans out (the bench's bulk seeder writes them with the events it generates; their
   * recount is a window over every status event, minutes at a million devices).
   */
  spans?: boolean;
}

/**
 * Compares the whole read model with a recount inside `transaction`, repairs every difference and returns them
 * (at most a few per kind, then how many more). With `{ repair: false }` it only reports (the tests' oracle).
 */
export async function rebuildFiguresIn(transaction: Transaction, options: RebuildOptions = {}): Promise<Drift[]> {
  const repair = options.repair ?? true;
  // MariaDB: lock the model's rows first (in the order writers take them: spans and facts, then the counters), and
  // only then read: the snapshot of the sources is taken after every writer that got past these locks committed,
  // and writers still to come wait, then add their change onto the repaired rows. SQLite's writers are queued.
  if (!isSqlite()) {
    const spans = options.spans === false ? [] : ['figure_stage_spans'];
    for (const table of [...spans, 'figure_handover_facts', ...COUNTER_TABLES])
      await q(`SELECT COUNT(*) FROM ${table} FOR UPDATE`, transaction);
  }
  const drift = [
    ...(await syncHandoverFacts(transaction, repair)),
    ...(options.spans === false ? [] : await syncSpans(transaction, repair)),
  ];
  const expected = await recount(transaction);
  for (const table of COUNTER_TABLES) {
    const have = await stored(table, transaction);
    const result = compare(table, expected[table], have);
    for (const d of result.drift) drift.push(d);
    if (repair) {
      const existing = new Set(have.map((r) => JSON.stringify(r.key)));
      await setCounters(table, result.fix, (r) => existing.has(JSON.stringify(r.key)), transaction);
    }
  }
  return drift;
}

/** `npm run reports:rebuild`, and the migration that first fills the model: one transaction. */
export async function rebuildFigures(options: RebuildOptions = {}): Promise<Drift[]> {
  return withTransaction((t) => rebuildFiguresIn(t, options));
}

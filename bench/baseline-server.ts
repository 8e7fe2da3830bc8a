// The stack's own limit: a minimal Express 5 + mysql2 server answering each benchmarked route with the one
// equivalent query (no auth, validation, ORM, logging or DTO mapping), on the same database and pool size.
//   DATABASE_URL=mysql://… PORT=3902 node --import tsx bench/baseline-server.ts
import express from 'express';
import mysql, { type RowDataPacket } from 'mysql2/promise';
import { BENCH_POOL } from './env.js';

const url = (process.env.DATABASE_URL ?? '').replace(/^mariadb:/, 'mysql:');
const port = Number(process.env.PORT ?? 3902);
const pool = mysql.createPool({ uri: url, connectionLimit: BENCH_POOL, timezone: 'Z', charset: 'utf8mb4' });
const app = express();
app.use(express.json());

/** Asset tags the cheap way: upper case, no separators. */
const tagOf = (code: string) => code.toUpperCase().replace(/[\s-]/g, '');
const num = (v: unknown, fallback: number) => (Number.isInteger(Number(v)) && Number(v) > 0 ? Number(v) : fallback);

app.get('/api/health', (_req, res) => {
  res.json({ status: 'ok' });
});

app.get('/api/scan/:code', async (req, res) => {
  const [rows] = await pool.query<RowDataPacket[]>('SELECT id, asset_tag, status FROM devices WHERE asset_tag = ?', [
    tagOf(req.params.code),
  ]);
  if (!rows.length) res.status(404).json({ error: { code: 'NOT_FOUND' } });
  else res.json({ kind: 'device', id: rows[0].id, assetTag: rows[0].asset_tag, status: rows[0].status });
});

app.get('/api/devices', async (req, res) => {
  const page = num(req.query.page, 1);
  const [rows] = await pool.query<RowDataPacket[]>(
    `SELECT d.*, dn.code AS donation_code FROM devices d LEFT JOIN donations dn ON dn.id = d.donation_id
      WHERE d.status = ? ORDER BY d.id DESC LIMIT 50 OFFSET ?`,
    [typeof req.query.status === 'string' ? req.query.status : 'ready', (page - 1) * 50],
  );
  res.json({ items: rows, page, pageSize: 50 });
});

app.get('/api/devices/:id', async (req, res) => {
  const [rows] = await pool.query<RowDataPacket[]>('SELECT * FROM devices WHERE id = ?', [num(req.params.id, 0)]);
  if (!rows.length) res.status(404).json({ error: { code: 'NOT_FOUND' } });
  else res.json(rows[0]);
});

app.get('/api/intake-queue', async (_req, res) => {
  const [rows] = await pool.query<RowDataPacket[]>(
    "SELECT * FROM devices WHERE status = 'intake' ORDER BY status_changed_at, id LIMIT 100",
  );
  res.json({ devices: rows });
});

// The regional table computed from the source rows in one query per side (devices by their site's region, people
// served by theirs): what the read model saves.
app.get('/api/reports/regions', async (_req, res) => {
  const [[devices], [served]] = await Promise.all([
    pool.query<RowDataPacket[]>(
      `SELECT s.region_code AS region, d.status, COUNT(*) AS n FROM devices d LEFT JOIN sites s ON s.id = d.site_id
        GROUP BY s.region_code, d.status`,
    ),
    pool.query<RowDataPacket[]>(
      `SELECT b.region_code AS region, b.kind, COUNT(DISTINCT a.beneficiary_id) AS n FROM allocations a
         JOIN beneficiaries b ON b.id = a.beneficiary_id WHERE a.status = 'handed_over' GROUP BY b.region_code, b.kind`,
    ),
  ]);
  res.json({ devices, served });
});

// The programme chart's one statement as the server runs it, without the programme read or the month filling.
app.get('/api/reports/programmes/:id/cumulative', async (req, res) => {
  const [rows] = await pool.query<RowDataPacket[]>(
    `SELECT kind, DATE_FORMAT(first_at, '%Y-%m') AS month, COUNT(*) AS n FROM (
       SELECT b.kind AS kind, MIN(a.handed_over_at) AS first_at
         FROM allocations a JOIN beneficiaries b ON b.id = a.beneficiary_id
        WHERE a.programme_id = ? AND a.status = 'handed_over'
        GROUP BY a.beneficiary_id, b.kind) firsts
      GROUP BY kind, month`,
    [num(req.params.id, 1)],
  );
  res.json({ months: rows });
});

app.get('/api/reports/dashboard', async (_req, res) => {
  const [rows] = await pool.query<RowDataPacket[]>('SELECT status, COUNT(*) AS n FROM devices GROUP BY status');
  res.json({ devicesByStatus: Object.fromEntries(rows.map((r) => [r.status, Number(r.n)])) });
});

// Writes: one single-row INSERT each. Rows are marked (asset tag "BL…", seq ≥ 1,000,000) so the bench deletes them afterwards.
let counter = 0;
const unique = () => `${process.pid.toString(36)}${(counter += 1).toString(36)}`.toUpperCase();

app.post('/api/donations/:id/devices', async (req, res) => {
  const body = req.body as { type?: string; manufacturer?: string; model?: string; serialNumber?: string };
  const now = new Date();
  const tag = `BL${unique()}`;
  const [result] = await pool.query<mysql.ResultSetHeader>(
    `INSERT INTO devices (asset_tag, donation_id, type, manufacturer, model, serial_number, serial_key, status, version,
       last_event_seq, status_changed_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'intake', 0, 0, ?, ?, ?)`,
    [
      tag,
      num(req.params.id, 1),
      body.type ?? 'laptop',
      body.manufacturer ?? null,
      body.model ?? null,
      body.serialNumber ?? null,
      body.serialNumber ?? null,
      now,
      now,
      now,
    ],
  );
  res.status(201).json({ id: result.insertId, assetTag: tag, status: 'intake', version: 0 });
});

app.post('/api/devices/:id/actions', async (req, res) => {
  const now = new Date();
  const [result] = await pool.query<mysql.ResultSetHeader>(
    `INSERT INTO device_events (device_id, seq, type, actor_id, from_status, to_status, payload, prev_hash, hash, created_at)
     VALUES (?, ?, 'triage', NULL, 'intake', 'wipe', ?, NULL, ?, ?)`,
    [num(req.params.id, 1), 1_000_000 + (counter += 1), JSON.stringify(req.body ?? {}), '0'.repeat(64), now],
  );
  res.json({ id: num(req.params.id, 1), eventId: result.insertId, status: 'wipe' });
});

const server = app.listen(port);
process.on('SIGTERM', () => server.close(() => void pool.end().then(() => process.exit(0))));

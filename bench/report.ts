// The results table: requests/s, p50 and p99, ratio to the baseline, and each target met / NOT met.
import type { LoadResult } from './load.js';
import { FIGURES_CONNECTIONS, type ScenarioName } from './scenarios.js';

export interface ScenarioResult {
  name: ScenarioName;
  label: string;
  nimah: LoadResult;
  baseline?: LoadResult;
  /** The machine's 1-minute load average before and after the scenario. */
  load?: [number, number];
}

export interface VolumeResult {
  devices: number;
  seed?: {
    seconds: number;
    devices: number;
    drives: number;
    events: number;
    beneficiaries: number;
    donors: number;
    notes: string[];
  };
  startupMs: number;
  peakRssMb: number;
  idleRssMb: number;
  /** The server's V8 heap in use after start, and its peak over the scenarios (bench/memory-probe.mjs). */
  idleHeapMb?: number;
  peakHeapMb?: number;
  auditVerifyMs?: number;
  auditEvents?: number;
  auditIncrementalMs?: number;
  auditIncrementalEvents?: number;
  auditOk?: boolean;
  importMs?: number;
  importRows?: number;
  importStatus?: number;
  scenarios: ScenarioResult[];
  certificates?: string;
  connections: number;
  duration: number;
  rounds: number;
  cores: number;
  dashboardColdMs?: number;
  /** The last page of `status=ready` (OFFSET pagination), its number and how long it took. */
  deepPageMs?: number;
  deepPage?: number;
  /** Peak RSS (MB) of the server during each scenario. */
  rssByScenario?: Record<string, number>;
}

interface Check {
  what: string;
  value: string;
  target: string;
  met: boolean;
}

const ratioOf = (s: ScenarioResult): number | undefined =>
  s.baseline && s.baseline.rps > 0 ? s.nimah.rps / s.baseline.rps : undefined;
const pct = (r: number | undefined) => (r === undefined ? '–' : `${Math.round(r * 100)} %`);
const cpu = (r?: LoadResult) => (r?.cpuPerRequest === undefined ? '–' : r.cpuPerRequest.toFixed(2));
const ms = (v: number) => (v >= 100 ? String(Math.round(v)) : v.toFixed(1));

export function checks(v: VolumeResult): Check[] {
  const out: Check[] = [];
  const by = (n: ScenarioName) => v.scenarios.find((s) => s.name === n);
  const scan = by('scan');
  if (scan) {
    out.push({
      what: 'scan lookup vs baseline',
      value: pct(ratioOf(scan)),
      target: '≥ 50 %',
      met: (ratioOf(scan) ?? 0) >= 0.5,
    });
    out.push({
      what: 'scan lookup p99',
      value: `${ms(scan.nimah.p99)} ms`,
      target: '≤ 25 ms',
      met: scan.nimah.p99 <= 25,
    });
  }
  for (const n of ['list', 'detail', 'queue'] as const) {
    const s = by(n);
    if (s)
      out.push({
        what: `${n === 'queue' ? 'intake queue' : `device ${n}`} vs baseline`,
        value: pct(ratioOf(s)),
        target: n === 'list' ? '≥ 60 %' : '≥ 40 %',
        met: (ratioOf(s) ?? 0) >= (n === 'list' ? 0.6 : 0.4),
      });
  }
  const dash = by('dashboard');
  // Issue 16: every answer computed fresh from the read model (no cache in the process).
  if (dash) {
    out.push({
      what: `dashboard p50 (${v.devices.toLocaleString('en')} devices, 1 reader)`,
      value: `${ms(dash.nimah.p50)} ms`,
      target: '≤ 50 ms',
      met: dash.nimah.ok > 0 && dash.nimah.p50 <= 50,
    });
    out.push({
      what: `dashboard p99 (${v.devices.toLocaleString('en')} devices, 1 reader)`,
      value: `${ms(dash.nimah.p99)} ms`,
      target: '≤ 100 ms',
      met: dash.nimah.ok > 0 && dash.nimah.p99 <= 100,
    });
  }
  const regions = by('regions');
  if (regions)
    out.push({
      what: `regional table p50 (${FIGURES_CONNECTIONS} readers)`,
      value: `${ms(regions.nimah.p50)} ms`,
      target: '≤ 50 ms',
      met: regions.nimah.ok > 0 && regions.nimah.p50 <= 50,
    });
  const action = by('action');
  if (action)
    out.push({
      what: 'lifecycle actions',
      value: `${Math.round(action.nimah.rps)}/s`,
      target: '≥ 600/s',
      met: action.nimah.rps >= 600,
    });
  if (v.importMs !== undefined) {
    out.push({
      what: `CSV import of ${(v.importRows ?? 0).toLocaleString('en')} rows`,
      value: `${(v.importMs / 1000).toFixed(2)} s${v.importStatus === 201 ? '' : ` (HTTP ${v.importStatus})`}`,
      target: '≤ 10 s',
      met: v.importStatus === 201 && v.importMs <= 10_000,
    });
  }
  out.push({
    what: 'server RSS under load (peak)',
    value: `${Math.round(v.peakRssMb)} MB`,
    target: '≤ 300 MB',
    met: v.peakRssMb <= 300,
  });
  out.push({
    what: 'startup to healthy',
    value: `${(v.startupMs / 1000).toFixed(2)} s`,
    target: '≤ 3 s',
    met: v.startupMs <= 3000,
  });
  return out;
}

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  return [
    line(head),
    `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`,
    ...rows.map(line),
  ].join('\n');
}

export function render(v: VolumeResult): string {
  const rows = v.scenarios.map((s) => {
    const errors = s.nimah.non2xx + s.nimah.errors;
    return [
      s.label,
      String(Math.round(s.nimah.rps)),
      ms(s.nimah.p50),
      ms(s.nimah.p99),
      s.baseline ? String(Math.round(s.baseline.rps)) : '–',
      s.baseline ? ms(s.baseline.p50) : '–',
      s.baseline ? ms(s.baseline.p99) : '–',
      pct(ratioOf(s)),
      cpu(s.nimah),
      cpu(s.baseline),
      errors ? String(errors) : '0',
    ];
  });
  const parts = [
    `### ${v.devices.toLocaleString('en')} devices (${v.connections} connections, ${v.duration} s per scenario and server in ${v.rounds} turns)`,
    v.seed
      ? `Seeded ${v.seed.devices.toLocaleString('en')} devices, ${v.seed.drives.toLocaleString('en')} drives, ${v.seed.events.toLocaleString('en')} events, ` +
        `${v.seed.beneficiaries.toLocaleString('en')} beneficiaries, ${v.seed.donors.toLocaleString('en')} donors in ${v.seed.seconds} s.`
      : 'Database reused (not seeded).',
    '',
    table(
      [
        'scenario',
        'Nimah req/s',
        'p50 ms',
        'p99 ms',
        'baseline req/s',
        'p50 ms',
        'p99 ms',
        'ratio',
        'CPU ms/req',
        'baseline CPU',
        'non-2xx',
      ],
      rows,
    ),
    '',
    table(
      ['target', 'measured', 'target', 'result'],
      checks(v).map((c) => [c.what, c.value, c.target, c.met ? 'met' : 'NOT met']),
    ),
  ];
  const loads = v.scenarios.flatMap((s) => s.load ?? []);
  const extra: string[] = [`idle RSS after start: ${Math.round(v.idleRssMb)} MB`];
  if (v.idleHeapMb !== undefined || v.peakHeapMb !== undefined) {
    const heap = (mb?: number) => (mb === undefined ? '–' : `${Math.round(mb)} MB`);
    extra.push(`V8 heap in use: ${heap(v.idleHeapMb)} after start, ${heap(v.peakHeapMb)} at peak`);
  }
  if (v.rssByScenario)
    extra.push(
      `peak RSS by scenario (MB): ${Object.entries(v.rssByScenario)
        .map(([k, mb]) => `${k} ${mb}`)
        .join(', ')}`,
    );
  if (v.dashboardColdMs !== undefined)
    extra.push(`dashboard, first request after start: ${Math.round(v.dashboardColdMs)} ms`);
  if (v.deepPageMs !== undefined)
    extra.push(`device list, last page of status=ready (page ${v.deepPage}): ${ms(v.deepPageMs)} ms`);
  if (loads.length)
    extra.push(
      `machine load average (1 min) during the scenarios: ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} on ${v.cores} cores`,
    );
  if (v.auditVerifyMs !== undefined)
    extra.push(
      `full audit verification (background job): ${(v.auditVerifyMs / 1000).toFixed(1)} s for ${(v.auditEvents ?? 0).toLocaleString('en')} events, chains ${v.auditOk ? 'valid' : 'BROKEN'}`,
    );
  if (v.auditIncrementalMs !== undefined)
    extra.push(
      `routine GET /api/audit/verify after the write scenarios: ${Math.round(v.auditIncrementalMs)} ms for the ${(v.auditIncrementalEvents ?? 0).toLocaleString('en')} events since the checkpoint`,
    );
  if (v.certificates) extra.push(`certificates: ${v.certificates}`);
  parts.push('', ...extra);
  return parts.join('\n');
}

const x = (from: number | undefined, to: number | undefined) =>
  from && to !== undefined && from > 0 ? `×${(to / from).toFixed(to / from >= 10 ? 0 : 1)}` : '–';

/**
 * The volumes side by side: p50 / p95 of each scenario, the one-off figures and the server's memory, with how much
 * each grew from the smallest volume to the largest, beside how much the data grew and the baseline's own p95.
 */
export function renderGrowth(results: VolumeResult[]): string {
  if (results.length < 2) return '';
  const [a, b] = [results[0], results[results.length - 1]];
  const cols = results.map((r) => r.devices.toLocaleString('en'));
  const row = (what: string, cells: (string | undefined)[], growth: string, base = '') => [
    what,
    ...cells.map((c) => c ?? '–'),
    growth,
    base,
  ];
  const of = (r: VolumeResult, name: string) => r.scenarios.find((s) => s.name === name);
  const rows = a.scenarios.map((first) => {
    const last = of(b, first.name);
    return row(
      `${first.label.replace(/\s+/g, ' ')} (p50 / p95 ms)`,
      results.map((r) => {
        const s = of(r, first.name);
        return s && `${ms(s.nimah.p50)} / ${ms(s.nimah.p95)}`;
      }),
      x(first.nimah.p95, last?.nimah.p95),
      x(first.baseline?.p95, last?.baseline?.p95),
    );
  });
  const once = (what: string, f: (r: VolumeResult) => number | undefined, fmt: (n: number) => string) => {
    if (results.every((r) => f(r) === undefined)) return;
    rows.push(
      row(
        what,
        results.map((r) => {
          const v = f(r);
          return v === undefined ? undefined : fmt(v);
        }),
        x(f(a), f(b)),
      ),
    );
  };
  const secs = (n: number) => (n / 1000).toFixed(n >= 10_000 ? 0 : 2);
  const mb = (n: number) => String(Math.round(n));
  once(
    'dashboard, first request after start (ms)',
    (r) => r.dashboardColdMs,
    (n) => String(Math.round(n)),
  );
  once('device list, last page of status=ready (ms)', (r) => r.deepPageMs, ms);
  once('full audit verification (s)', (r) => r.auditVerifyMs, secs);
  once('CSV import of 10,000 rows (s)', (r) => r.importMs, secs);
  once('startup to healthy (s)', (r) => r.startupMs, secs);
  once('seeding (s)', (r) => (r.seed ? r.seed.seconds * 1000 : undefined), secs);
  once('server RSS after start (MB)', (r) => r.idleRssMb, mb);
  once('server RSS, peak under load (MB)', (r) => r.peakRssMb, mb);
  once('V8 heap in use after start (MB)', (r) => r.idleHeapMb, mb);
  once('V8 heap in use, peak (MB)', (r) => r.peakHeapMb, mb);
  return [
    `### Growth ${a.devices.toLocaleString('en')} → ${b.devices.toLocaleString('en')} devices (data ×${Math.round(b.devices / a.devices)})`,
    '',
    table(['figure', ...cols, 'growth', 'baseline p95 growth'], rows),
  ].join('\n');
}

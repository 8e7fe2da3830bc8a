// The bench's growth report (bench/options.ts, load.ts, report.ts, chart.ts): which volumes a `--devices` asks for,
// how p95 is taken, and that the side-by-side table and the chart show every volume and scenario. Pure functions:
// no server, no database, no timing.
import { expect } from 'chai';
import { growthChart } from '../../bench/chart.js';
import { combine, quantile, type LoadResult } from '../../bench/load.js';
import { ladder, parseOptions } from '../../bench/options.js';
import { renderGrowth, type VolumeResult } from '../../bench/report.js';

const load = (p50: number, p95: number): LoadResult => ({
  rps: 100,
  p50,
  p95,
  p99: p95 * 2,
  requests: 1000,
  ok: 1000,
  seconds: 10,
  non2xx: 0,
  errors: 0,
  statusCodes: { 200: 1000 },
});

const volume = (devices: number, scale: number): VolumeResult => ({
  devices,
  startupMs: 800,
  idleRssMb: 120,
  peakRssMb: 200 + scale,
  idleHeapMb: 40,
  peakHeapMb: 90,
  connections: 32,
  duration: 10,
  rounds: 2,
  cores: 2,
  dashboardColdMs: 50 * scale,
  scenarios: [
    { name: 'scan', label: 'scan lookup  GET /api/scan/:tag', nimah: load(5, 10), baseline: load(4, 8) },
    { name: 'cumulative', label: 'programme chart GET …', nimah: load(2 * scale, 4 * scale), baseline: load(1, 2) },
  ],
});

describe('bench growth report', () => {
  it('measures a lone --devices above 100,000 with every power of ten from 10,000 below it', () => {
    expect(ladder([1_000_000])).to.deep.equal([10_000, 100_000, 1_000_000]);
    expect(ladder([500_000])).to.deep.equal([10_000, 100_000, 500_000]);
    expect(ladder([100_000])).to.deep.equal([100_000]);
    expect(ladder([1_000_000, 10_000])).to.deep.equal([1_000_000, 10_000]);
    const o = parseOptions(['--devices', '1000000', '--no-ladder', '--no-chart'], {});
    expect([o.devices, o.ladder, o.chart]).to.deep.equal([[1_000_000], false, '']);
  });

  it('takes p95 by nearest rank over the latencies of every round', () => {
    expect(quantile([], 0.95)).to.equal(0);
    expect(quantile([3, 1, 2], 0.5)).to.equal(2);
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(quantile(values, 0.95)).to.equal(95);
    const runs = [
      { ...load(1, 0), latencies: Array.from({ length: 50 }, (_, i) => i + 1) },
      { ...load(1, 0), latencies: Array.from({ length: 50 }, (_, i) => i + 51) },
    ];
    expect(combine(runs).p95).to.equal(95);
    expect(combine(runs)).not.to.have.property('latencies');
  });

  it('prints the volumes side by side with how each figure grew', () => {
    const text = renderGrowth([volume(10_000, 1), volume(100_000, 10), volume(1_000_000, 100)]);
    expect(text).to.contain('data ×100');
    expect(text).to.match(/\| figure\s+\|\s+10,000 \|\s+100,000 \|\s+1,000,000 \|/);
    expect(text).to.match(
      /programme chart GET … \(p50 \/ p95 ms\)\s+\|\s+2\.0 \/ 4\.0 \|\s+20\.0 \/ 40\.0 \|\s+200 \/ 400 \|\s+×100 \|\s+×1\.0 \|/,
    );
    expect(text).to.match(/V8 heap in use, peak \(MB\)\s+\|\s+90 \|\s+90 \|\s+90 \|\s+×1\.0 \|/);
    expect(renderGrowth([volume(10_000, 1)])).to.equal('');
  });

  it('draws one line per scenario and the guide of growth with the data', () => {
    const svg = growthChart([volume(10_000, 1), volume(100_000, 10), volume(1_000_000, 100)]);
    expect(svg.startsWith('<svg')).to.equal(true);
    expect(svg.match(/<polyline /g)).to.have.length(2);
    expect(svg.match(/<circle /g)).to.have.length(6);
    for (const tick of ['10k', '100k', '1M']) expect(svg).to.contain(`>${tick}<`);
    expect(svg).to.contain('grows with the data');
  });
});

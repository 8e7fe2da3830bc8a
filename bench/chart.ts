// The growth chart of docs/performance.md: p95 latency of each scenario against the number of devices, both axes
// logarithmic, as a self-contained SVG (no library: a few lines, a grid and a legend). A line that climbs as steeply
// as the dotted "grows with the data" guide costs time in proportion to the data; a flat one does not.
import type { VolumeResult } from './report.js';

const WIDTH = 800;
const HEIGHT = 440;
const PLOT = { left: 64, top: 40, right: 520, bottom: 380 };
const COLOURS = [
  '#1f77b4',
  '#d62728',
  '#2ca02c',
  '#9467bd',
  '#ff7f0e',
  '#8c564b',
  '#e377c2',
  '#17becf',
  '#7f7f7f',
  '#bcbd22',
];
/** "device list  GET /api/devices?…" → "device list"; "dashboard GET …, 4 readers" → "dashboard, 4 readers". */
const shortLabel = (label: string) => {
  const [name, rest = ''] = label.split(/\s+(?:GET|POST)\s+/);
  const readers = /, (\d+ readers?)$/.exec(rest);
  return `${name.trim()}${readers ? `, ${readers[1]}` : ''}`;
};

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const round = (n: number) => Math.round(n * 10) / 10;
const decades = (lo: number, hi: number) => {
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e += 1) out.push(10 ** e);
  return out;
};
const tickLabel = (v: number, unit: string) =>
  v >= 1_000_000 ? `${v / 1_000_000}M${unit}` : v >= 1000 ? `${v / 1000}k${unit}` : `${v}${unit}`;

/** The chart as SVG text; needs at least two volumes. */
export function growthChart(results: VolumeResult[]): string {
  const volumes = results.map((r) => r.devices);
  const names = results[0].scenarios.map((s) => s.name);
  const series = names.map((name) => ({
    label: shortLabel(results[0].scenarios.find((s) => s.name === name)?.label ?? name),
    points: results.flatMap((r) => {
      const s = r.scenarios.find((x) => x.name === name);
      return s && s.nimah.p95 > 0 ? [{ x: r.devices, y: s.nimah.p95 }] : [];
    }),
  }));
  const ys = series.flatMap((s) => s.points.map((p) => p.y));
  const yTicks = decades(Math.min(...ys), Math.max(...ys));
  const xTicks = decades(Math.min(...volumes), Math.max(...volumes)).filter(
    (v) => v >= Math.min(...volumes) && v <= Math.max(...volumes),
  );
  const [x0, x1] = [Math.log10(Math.min(...volumes)), Math.log10(Math.max(...volumes))];
  const [y0, y1] = [Math.log10(yTicks[0]), Math.log10(yTicks[yTicks.length - 1])];
  const px = (v: number) => round(PLOT.left + ((Math.log10(v) - x0) / (x1 - x0 || 1)) * (PLOT.right - PLOT.left));
  const py = (v: number) => round(PLOT.bottom - ((Math.log10(v) - y0) / (y1 - y0 || 1)) * (PLOT.bottom - PLOT.top));

  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#fff"/>`,
    `<text x="${PLOT.left}" y="22" font-size="14" font-weight="bold">p95 latency by volume (npm run bench, both axes logarithmic)</text>`,
  ];
  for (const t of yTicks) {
    out.push(
      `<line x1="${PLOT.left}" x2="${PLOT.right}" y1="${py(t)}" y2="${py(t)}" stroke="#ddd"/>`,
      `<text x="${PLOT.left - 6}" y="${py(t) + 4}" text-anchor="end">${tickLabel(t, ' ms')}</text>`,
    );
  }
  for (const t of xTicks) {
    out.push(
      `<line x1="${px(t)}" x2="${px(t)}" y1="${PLOT.top}" y2="${PLOT.bottom}" stroke="#ddd"/>`,
      `<text x="${px(t)}" y="${PLOT.bottom + 18}" text-anchor="middle">${tickLabel(t, '')}</text>`,
    );
  }
  out.push(
    `<text x="${(PLOT.left + PLOT.right) / 2}" y="${PLOT.bottom + 38}" text-anchor="middle">devices</text>`,
    `<rect x="${PLOT.left}" y="${PLOT.top}" width="${PLOT.right - PLOT.left}" height="${PLOT.bottom - PLOT.top}" fill="none" stroke="#888"/>`,
  );
  // The guide: time in proportion to the data, from the bottom-left corner (×10 per ×10 devices).
  const guideEnd = Math.min(10 ** x1, 10 ** x0 * (10 ** y1 / 10 ** y0));
  out.push(
    `<line x1="${px(10 ** x0)}" y1="${py(10 ** y0)}" x2="${px(guideEnd)}" y2="${py((10 ** y0 * guideEnd) / 10 ** x0)}" stroke="#000" stroke-dasharray="2 4"/>`,
  );
  const legend = (i: number, text: string, mark: string) => {
    const y = PLOT.top + 8 + i * 22;
    out.push(mark.replace(/Y/g, String(y)), `<text x="${PLOT.right + 40}" y="${y + 4}">${escape(text)}</text>`);
  };
  series.forEach((s, i) => {
    const colour = COLOURS[i % COLOURS.length];
    const path = s.points.map((p) => `${px(p.x)},${py(p.y)}`).join(' ');
    out.push(`<polyline points="${path}" fill="none" stroke="${colour}" stroke-width="2"/>`);
    for (const p of s.points)
      out.push(
        `<circle cx="${px(p.x)}" cy="${py(p.y)}" r="3" fill="${colour}"><title>${escape(s.label)}: ${p.y} ms</title></circle>`,
      );
    legend(
      i,
      s.label.slice(0, 48),
      `<line x1="${PLOT.right + 12}" x2="${PLOT.right + 34}" y1="Y" y2="Y" stroke="${colour}" stroke-width="2"/>`,
    );
  });
  legend(
    series.length,
    'grows with the data (×10 per ×10)',
    `<line x1="${PLOT.right + 12}" x2="${PLOT.right + 34}" y1="Y" y2="Y" stroke="#000" stroke-dasharray="2 4"/>`,
  );
  out.push('</svg>', '');
  return out.join('\n');
}

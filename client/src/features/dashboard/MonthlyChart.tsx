import { ChartDataTable } from '../../components/ChartDataTable';
import { ChartLegend, niceStep } from '../../components/ChartLegend';
import { usePrefs } from '../../prefs/PreferencesProvider';

export interface Series {
  key: string;
  label: string;
  color: string;
  values: number[];
}

const W = 720;
const H = 240;
const PAD = { top: 16, bottom: 34, side: 36 };

/**
 * A grouped bar chart drawn by hand in SVG (no chart library in the bundle). In Arabic the months run from right to
 * left, as the text does; the value axis sits on the reading side. A hidden table gives screen readers the figures.
 */
export function MonthlyChart({ months, series, title }: { months: string[]; series: Series[]; title: string }) {
  const { fmt, language } = usePrefs();
  const rtl = language === 'ar';
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const step = niceStep(max);
  const top = Math.ceil(max / step) * step;
  const plotW = W - PAD.side * 2;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(1, months.length);
  const barW = Math.min(18, (slot * 0.7) / series.length);
  const y = (v: number) => PAD.top + plotH - (v / top) * plotH;
  // Slot i's centre: from the left in English, from the right in Arabic.
  const cx = (i: number) => (rtl ? W - PAD.side - slot * (i + 0.5) : PAD.side + slot * (i + 0.5));
  const axisX = rtl ? W - PAD.side + 6 : PAD.side - 6;
  const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);

  return (
    <figure className="nm-chart" style={{ margin: 0 }}>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        width="100%"
        role="img"
        aria-label={title}
        style={{ display: 'block', maxHeight: 280 }}>
        {ticks.map((v) => (
          <g key={v}>
            <line x1={PAD.side} x2={W - PAD.side} y1={y(v)} y2={y(v)} stroke="#dee2e6" strokeWidth={1} />
            <text x={axisX} y={y(v) + 4} fontSize={11} fill="#495057" textAnchor={rtl ? 'start' : 'end'}>
              {fmt.number(v)}
            </text>
          </g>
        ))}
        {months.map((m, i) => (
          <g key={m}>
            {series.map((s, k) => {
              const v = s.values[i] ?? 0;
              const offset = (k - (series.length - 1) / 2) * (barW + 2) * (rtl ? -1 : 1);
              return (
                <rect
                  key={s.key}
                  x={cx(i) + offset - barW / 2}
                  y={y(v)}
                  width={barW}
                  height={Math.max(0, PAD.top + plotH - y(v))}
                  fill={s.color}
                  rx={2}>
                  <title>{`${fmt.month(m)} · ${s.label}: ${fmt.number(v)}`}</title>
                </rect>
              );
            })}
            <text x={cx(i)} y={H - PAD.bottom + 16} fontSize={11} fill="#495057" textAnchor="middle">
              {fmt.month(m)}
            </text>
          </g>
        ))}
      </svg>
      <ChartLegend
        items={series.map((s) => ({
          key: s.key,
          label: s.label,
          swatch: { inlineSize: 12, blockSize: 12, background: s.color, borderRadius: 2 },
        }))}
      />
      <ChartDataTable title={title} months={months} series={series} />
    </figure>
  );
}

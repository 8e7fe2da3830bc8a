import type { ProgrammeCumulativeDto } from '../../api/types';
import { ChartDataTable } from '../../components/ChartDataTable';
import { ChartLegend, niceStep } from '../../components/ChartLegend';
import { usePrefs } from '../../prefs/PreferencesProvider';

const W = 720;
const H = 260;
const PAD = { top: 18, bottom: 34, side: 44 };
const FAMILIES = '#0f6a4e';
const STUDENTS = '#1c7ed6';

/**
 * Families and students served by a programme, cumulated month by month, against its targets (dashed lines): drawn
 * by hand in SVG like the monthly chart (no chart library). In Arabic time runs from right to left. A hidden table
 * gives screen readers the figures.
 */
export function CumulativeChart({ data, title }: { data: ProgrammeCumulativeDto; title: string }) {
  const { t, fmt, language } = usePrefs();
  const rtl = language === 'ar';
  const months = data.months.map((m) => m.month);
  const families = data.months.map((m) => m.cumulativeFamilies);
  const students = data.months.map((m) => m.cumulativeStudents);
  const targets = [
    {
      key: 'families',
      value: data.targetFamilies,
      color: FAMILIES,
      label: t('dash.targetFamilies', { n: data.targetFamilies }),
    },
    {
      key: 'students',
      value: data.targetStudents,
      color: STUDENTS,
      label: t('dash.targetStudents', { n: data.targetStudents }),
    },
  ].filter((x) => x.value > 0);
  const series = [
    { key: 'families', label: t('dash.cumulativeFamilies'), color: FAMILIES, values: families },
    { key: 'students', label: t('dash.cumulativeStudents'), color: STUDENTS, values: students },
  ];
  const max = Math.max(1, ...families, ...students, ...targets.map((x) => x.value));
  const step = niceStep(max);
  const top = Math.ceil(max / step) * step;
  const plotW = W - PAD.side * 2;
  const plotH = H - PAD.top - PAD.bottom;
  const y = (v: number) => PAD.top + plotH - (v / top) * plotH;
  // A single month sits in the middle; otherwise the first and last months touch the plot's edges.
  const x = (i: number) => {
    const along = months.length > 1 ? (i / (months.length - 1)) * plotW : plotW / 2;
    return rtl ? W - PAD.side - along : PAD.side + along;
  };
  const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);
  const axisX = rtl ? W - PAD.side + 6 : PAD.side - 6;
  // Label every month when they fit, otherwise about six of them (always the last).
  const every = Math.max(1, Math.ceil(months.length / 6));
  const labelled = (i: number) => (months.length - 1 - i) % every === 0;

  return (
    <figure className="nm-chart" style={{ margin: 0 }} data-testid="cumulative-chart">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        width="100%"
        role="img"
        aria-label={title}
        style={{ display: 'block', maxHeight: 300 }}>
        {ticks.map((v) => (
          <g key={v}>
            <line x1={PAD.side} x2={W - PAD.side} y1={y(v)} y2={y(v)} stroke="#dee2e6" strokeWidth={1} />
            {/* Numbers laid out left to right whatever the page's direction: the anchor then means what it says. */}
            <text
              x={axisX}
              y={y(v) + 4}
              fontSize={11}
              fill="#495057"
              textAnchor={rtl ? 'start' : 'end'}
              style={{ direction: 'ltr' }}>
              {fmt.number(v)}
            </text>
          </g>
        ))}
        {targets.map((target) => (
          <g key={target.key}>
            <line
              x1={PAD.side}
              x2={W - PAD.side}
              y1={y(target.value)}
              y2={y(target.value)}
              stroke={target.color}
              strokeWidth={1.5}
              strokeDasharray="6 4"
            />
            <text
              x={rtl ? PAD.side + 4 : W - PAD.side - 4}
              y={y(target.value) - 5}
              fontSize={11}
              fill={target.color}
              textAnchor={rtl ? 'start' : 'end'}>
              {target.label}
            </text>
          </g>
        ))}
        {series.map((s) => (
          <g key={s.key}>
            <polyline
              points={s.values.map((v, i) => `${x(i)},${y(v)}`).join(' ')}
              fill="none"
              stroke={s.color}
              strokeWidth={2.5}
              strokeLinejoin="round"
            />
            {s.values.map((v, i) => (
              <circle key={months[i]} cx={x(i)} cy={y(v)} r={3} fill={s.color}>
                <title>{`${fmt.month(months[i])} · ${s.label}: ${fmt.number(v)}`}</title>
              </circle>
            ))}
          </g>
        ))}
        {months.map((m, i) =>
          labelled(i) ? (
            <text key={m} x={x(i)} y={H - PAD.bottom + 18} fontSize={11} fill="#495057" textAnchor="middle">
              {fmt.month(m)}
            </text>
          ) : null,
        )}
      </svg>
      <ChartLegend
        items={[
          ...series.map((s) => ({
            key: s.key,
            label: s.label,
            swatch: { inlineSize: 14, blockSize: 3, background: s.color },
          })),
          ...targets.map((target) => ({
            key: target.key,
            label: target.label,
            swatch: { inlineSize: 14, blockSize: 0, borderTop: `2px dashed ${target.color}` },
          })),
        ]}
      />
      <ChartDataTable title={title} months={months} series={series} />
    </figure>
  );
}

import { usePrefs } from '../prefs/PreferencesProvider';

export interface ChartSeries {
  key: string;
  label: string;
  values: readonly number[];
}

/**
 * A chart's figures as a table that only screen readers get (the charts are SVG drawings): one row per month, one
 * column per series. The wrapper hides the table (a table ignores a 1 px width, so it cannot be the hidden box itself).
 */
export function ChartDataTable({
  title,
  months,
  series,
}: {
  title: string;
  months: readonly string[];
  series: readonly ChartSeries[];
}) {
  const { t, fmt } = usePrefs();
  return (
    <div className="nm-sr">
      <table>
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dash.month')}</th>
            {series.map((s) => (
              <th key={s.key} scope="col">
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {months.map((m, i) => (
            <tr key={m}>
              <th scope="row">{fmt.month(m)}</th>
              {series.map((s) => (
                <td key={s.key}>{fmt.number(s.values[i] ?? 0)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

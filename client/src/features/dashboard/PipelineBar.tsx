import { Anchor, Box, Group, SimpleGrid, Text } from '@mantine/core';
import { Link } from 'react-router';
import { DEVICE_STATUSES } from '../../api/types';
import { useEnumLabel } from '../../components/Labels';
import { usePrefs } from '../../prefs/PreferencesProvider';
import { statusColour } from './statusColours';

/** A segment narrower than this share shows no number inside (it would not fit); the legend always has it. */
const LABEL_SHARE = 0.06;

/**
 * Devices by status as ONE stacked bar in lifecycle order (intake first, on the reading side: right in Arabic), each
 * segment as wide as its count (a tiny one keeps a few pixels), then the legend: every status in words with its
 * colour, count and share, each opening the filtered device list. The bar repeats the legend for the eye, so it is
 * hidden from screen readers; the legend is the accessible reading.
 */
export function PipelineBar({ counts }: { counts: Record<string, number> }) {
  const { t, fmt } = usePrefs();
  const label = useEnumLabel();
  const rows = DEVICE_STATUSES.map((s) => ({ status: s, n: counts[s] ?? 0 }));
  const total = rows.reduce((sum, r) => sum + r.n, 0);
  const share = (n: number) => (total ? Math.round((n / total) * 1000) / 10 : 0);
  return (
    <div data-testid="pipeline">
      <Text size="xs" c="dimmed" mb={6}>
        {t('dash.pipeline.hint')}
      </Text>
      {total === 0 ? (
        <Text size="sm" c="dimmed" data-testid="pipeline-empty">
          {t('dash.pipeline.empty')}
        </Text>
      ) : (
        <div
          data-testid="pipeline-bar"
          aria-hidden="true"
          style={{ display: 'flex', gap: 2, blockSize: 32, borderRadius: 6, overflow: 'hidden' }}>
          {rows
            .filter((r) => r.n > 0)
            .map(({ status, n }) => {
              const c = statusColour(status);
              return (
                <div
                  key={status}
                  data-testid="pipeline-segment"
                  data-status={status}
                  data-count={n}
                  title={`${label('deviceStatus', status)}: ${fmt.number(n)}`}
                  style={{
                    flex: `${n} 1 0`,
                    minInlineSize: 6,
                    background: c.fill,
                    color: c.text,
                    display: 'flex',
                    alignItems: 'center',
                    justifyContent: 'center',
                    fontSize: 13,
                    fontWeight: 600,
                    overflow: 'hidden',
                    whiteSpace: 'nowrap',
                  }}>
                  {n / total >= LABEL_SHARE ? fmt.number(n) : null}
                </div>
              );
            })}
        </div>
      )}
      <Text size="sm" mt={6} fw={500} data-testid="pipeline-total">
        {t('dash.pipeline.total', { n: total })}
      </Text>
      <SimpleGrid
        component="ul"
        cols={{ base: 2, sm: 3, md: 5 }}
        spacing="xs"
        verticalSpacing={4}
        mt="xs"
        p={0}
        aria-label={t('dash.pipeline.legend')}
        data-testid="pipeline-legend"
        style={{ listStyle: 'none', margin: 0 }}>
        {rows.map(({ status, n }) => (
          <Box component="li" key={status} data-status={status} data-count={n}>
            <Group gap={6} wrap="nowrap" align="center">
              <span
                aria-hidden="true"
                style={{
                  inlineSize: 12,
                  blockSize: 12,
                  flex: 'none',
                  borderRadius: 3,
                  background: statusColour(status).fill,
                  border: '1px solid rgba(0, 0, 0, 0.35)',
                }}
              />
              <Anchor component={Link} to={`/devices?status=${status}`} size="sm" c={n ? undefined : 'dimmed'}>
                {label('deviceStatus', status)}
              </Anchor>
            </Group>
            <Text size="sm" ps={18} c={n ? undefined : 'dimmed'}>
              <b>{fmt.number(n)}</b>
              {total > 0 && <span> · {t('unit.percent', { n: share(n) })}</span>}
            </Text>
          </Box>
        ))}
      </SimpleGrid>
    </div>
  );
}

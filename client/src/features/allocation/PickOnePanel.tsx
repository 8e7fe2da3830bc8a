import { Radio, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TableScroll } from '../../components/TableScroll';
import { usePrefs } from '../../prefs/PreferencesProvider';
import { TitledCard } from '../../components/TitledCard';

/**
 * One side of the allocation board: a titled list with its total, where one row is picked with a radio button. An
 * error offers a retry; an empty list says so.
 */
export function PickOnePanel<T>({
  title,
  total,
  error,
  onRetry,
  emptyText,
  items,
  testId,
  value,
  onChange,
  pick,
  cells,
}: {
  title: string;
  total: number;
  error: unknown;
  onRetry: () => void;
  emptyText: string;
  items: T[];
  testId: string;
  value: string | null;
  onChange: (value: string) => void;
  /** The radio's value and accessible name for a row. */
  pick: (item: T) => { value: string; label: string };
  /** The row's cells after the radio. */
  cells: (item: T) => ReactNode;
}) {
  const { fmt } = usePrefs();
  return (
    <TitledCard
      title={
        <>
          {title}{' '}
          <Text span c="dimmed" fz="sm">
            ({fmt.number(total)})
          </Text>
        </>
      }
      h="100%">
      {error ? (
        <ErrorAlert error={error} onRetry={onRetry} />
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {emptyText}
        </Text>
      ) : (
        <Radio.Group value={value} onChange={onChange} aria-label={title}>
          <TableScroll label={title} compact>
            <Table verticalSpacing={4} highlightOnHover data-testid={testId}>
              <Table.Tbody>
                {items.map((item) => {
                  const radio = pick(item);
                  return (
                    <Table.Tr key={radio.value}>
                      <Table.Td w={32}>
                        <Radio value={radio.value} aria-label={radio.label} />
                      </Table.Td>
                      {cells(item)}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </TableScroll>
        </Radio.Group>
      )}
    </TitledCard>
  );
}

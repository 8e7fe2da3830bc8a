import { SegmentedControl, Table, Text } from '@mantine/core';
import type { QaItem, QaResult } from '../../../api/types';
import { QA_ITEMS } from '../../../api/types';
import { useT } from '../../../prefs/PreferencesProvider';

/** Seven functional checks, each pass / fail / not applicable. A fail sends the device back to repair. */
export function QaChecklist({
  value,
  onChange,
  error,
}: {
  value: Record<QaItem, QaResult>;
  onChange: (v: Record<QaItem, QaResult>) => void;
  error?: (path: string) => string | undefined;
}) {
  const t = useT();
  const results: { value: QaResult; label: string }[] = [
    { value: 'pass', label: t('qa.pass') },
    { value: 'fail', label: t('qa.fail') },
    { value: 'na', label: t('qa.na') },
  ];
  return (
    <fieldset className="nm-fieldset">
      <legend>{t('qa.title')}</legend>
      <Table verticalSpacing={4} withRowBorders={false}>
        <Table.Tbody>
          {QA_ITEMS.map((item) => (
            <Table.Tr key={item}>
              <Table.Td>
                <Text size="sm" id={`qa-${item}`}>
                  {t(`qa.${item}`)}
                </Text>
              </Table.Td>
              <Table.Td>
                <SegmentedControl
                  size="xs"
                  aria-labelledby={`qa-${item}`}
                  name={`qa-${item}`}
                  data={results}
                  value={value[item]}
                  onChange={(v) => onChange({ ...value, [item]: v })}
                  color={value[item] === 'fail' ? 'red' : value[item] === 'pass' ? 'teal' : 'gray'}
                  data-testid={`qa-${item}`}
                />
                {error?.(`qa.${item}`) && (
                  <Text c="red" size="xs">
                    {error(`qa.${item}`)}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </fieldset>
  );
}

import { Group, SegmentedControl, Text } from '@mantine/core';
import type { QaItem, QaResult } from '../../../api/types';
import { QA_ITEMS } from '../../../api/types';
import { useT } from '../../../prefs/PreferencesProvider';

/**
 * Seven functional checks, each pass / fail / not applicable. A fail sends the device back to repair. Each choice is a
 * target at least 44 px high (pressed with a thumb or a gloved finger at the bench), on its label's row.
 */
export function QaChecklist({
  value,
  onChange,
  error,
}: {
  value: Record<QaItem, QaResult>;
  onChange: (item: QaItem, result: QaResult) => void;
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
      {QA_ITEMS.map((item) => (
        <div key={item} data-testid={`qa-row-${item}`}>
          <Group gap="sm" wrap="wrap" py={4}>
            <Text size="sm" fw={500} id={`qa-${item}`} w={{ base: '100%', xs: 140 }}>
              {t(`qa.${item}`)}
            </Text>
            <SegmentedControl
              size="md"
              aria-labelledby={`qa-${item}`}
              name={`qa-${item}`}
              data={results}
              value={value[item]}
              onChange={(v) => onChange(item, v)}
              color={value[item] === 'fail' ? 'red' : value[item] === 'pass' ? 'teal' : 'gray'}
              styles={{ label: { minHeight: 44, display: 'flex', alignItems: 'center', justifyContent: 'center' } }}
              data-testid={`qa-${item}`}
            />
          </Group>
          {error?.(`qa.${item}`) && (
            <Text c="red" size="xs">
              {error(`qa.${item}`)}
            </Text>
          )}
        </div>
      ))}
    </fieldset>
  );
}

import { ActionIcon, Button, Grid, NativeSelect, TextInput } from '@mantine/core';
import type { DeviceType } from '../../api/types';
import { DEVICE_TYPES } from '../../api/types';
import { IconPlus } from '../../components/icons';
import { useEnumOptions } from '../../components/useEnumOptions';
import { useT } from '../../prefs/PreferencesProvider';

export interface PledgeItemForm {
  type: DeviceType;
  count: string;
  description: string;
}

/** The devices offered, one row per kind; the count is kept as typed (Arabic-Indic digits too) until submit. */
export function PledgeItemsEditor({
  items,
  onChange,
  error,
}: {
  items: PledgeItemForm[];
  onChange: (items: PledgeItemForm[]) => void;
  error: (path: string) => string | undefined;
}) {
  const t = useT();
  const options = useEnumOptions();
  const update = (i: number, patch: Partial<PledgeItemForm>) =>
    onChange(items.map((it, n) => (n === i ? { ...it, ...patch } : it)));
  return (
    <div>
      {items.map((it, i) => (
        <Grid key={i} gap="xs" align="flex-end" mb="xs">
          <Grid.Col span={{ base: 7, sm: 4 }}>
            <NativeSelect
              label={t('pledge.itemType')}
              value={it.type}
              onChange={(e) => update(i, { type: e.currentTarget.value as DeviceType })}
              data={options('deviceType', DEVICE_TYPES)}
              error={error(`items.${i}.type`)}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 5, sm: 2 }}>
            <TextInput
              label={t('pledge.itemCount')}
              value={it.count}
              onChange={(e) => update(i, { count: e.currentTarget.value })}
              inputMode="numeric"
              dir="ltr"
              error={error(`items.${i}.count`)}
            />
          </Grid.Col>
          <Grid.Col span={{ base: items.length > 1 ? 10 : 12, sm: items.length > 1 ? 5 : 6 }}>
            <TextInput
              label={t('pledge.itemDescription')}
              value={it.description}
              onChange={(e) => update(i, { description: e.currentTarget.value })}
              placeholder={t('pledge.itemDescriptionHint')}
              error={error(`items.${i}.description`)}
            />
          </Grid.Col>
          {items.length > 1 && (
            <Grid.Col span={{ base: 2, sm: 1 }}>
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                aria-label={t('pledge.removeItem')}
                onClick={() => onChange(items.filter((_, n) => n !== i))}>
                ×
              </ActionIcon>
            </Grid.Col>
          )}
        </Grid>
      ))}
      <Button
        variant="subtle"
        size="compact-sm"
        leftSection={<IconPlus size={14} />}
        onClick={() => onChange([...items, { type: 'laptop', count: '1', description: '' }])}>
        {t('pledge.addItem')}
      </Button>
    </div>
  );
}

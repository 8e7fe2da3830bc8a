import { ActionIcon, Autocomplete, Button, Group, Select, Stack, TextInput } from '@mantine/core';
import type { PartDto, PartRef } from '../../../api/types';
import { useT } from '../../../prefs/PreferencesProvider';

/** One row per part: a free type and serial, or a part picked from the inventory (which fills both and links it). */
export interface PartRow {
  type: string;
  serialNumber: string;
  description: string;
  partId: number | null;
}
export const EMPTY_PART: PartRow = { type: '', serialNumber: '', description: '', partId: null };

export function toPartRefs(rows: PartRow[]): PartRef[] {
  return rows
    .filter((r) => r.type.trim() || r.partId !== null)
    .map((r) => ({
      type: r.type.trim().toLowerCase(),
      ...(r.serialNumber.trim() ? { serialNumber: r.serialNumber.trim() } : {}),
      ...(r.description.trim() ? { description: r.description.trim() } : {}),
      ...(r.partId !== null ? { partId: r.partId } : {}),
    }));
}

const COMMON_TYPES = ['ram', 'ssd', 'hdd', 'battery', 'keyboard', 'screen', 'charger', 'fan', 'wifi'];

export function PartsEditor({
  rows,
  onChange,
  inventory,
  pathPrefix,
  fieldError,
  label,
}: {
  rows: PartRow[];
  onChange: (rows: PartRow[]) => void;
  inventory?: PartDto[];
  pathPrefix: string;
  fieldError: (path: string) => string | undefined;
  label: string;
}) {
  const t = useT();
  const set = (i: number, patch: Partial<PartRow>) => onChange(rows.map((r, n) => (n === i ? { ...r, ...patch } : r)));
  const picked = new Set(rows.map((r) => r.partId).filter((x): x is number => x !== null));
  return (
    <fieldset className="nm-fieldset">
      <legend>{label}</legend>
      <Stack gap="xs">
        {rows.map((row, i) => (
          <Group key={i} gap="xs" align="flex-start" wrap="wrap" data-testid="part-row">
            {inventory && inventory.length > 0 && (
              <Select
                label={t('parts.fromInventory')}
                placeholder={t('parts.none')}
                clearable
                searchable
                w={220}
                value={row.partId === null ? null : String(row.partId)}
                data={inventory
                  .filter((p) => p.id === row.partId || !picked.has(p.id))
                  .map((p) => ({
                    value: String(p.id),
                    label: `${p.type} \u2066${p.serialNumber ?? ''}\u2069 #${p.id}`,
                  }))}
                onChange={(v) => {
                  const part = inventory.find((p) => String(p.id) === v);
                  set(
                    i,
                    part
                      ? { partId: part.id, type: part.type, serialNumber: part.serialNumber ?? '' }
                      : { partId: null },
                  );
                }}
                error={fieldError(`${pathPrefix}.${i}.partId`)}
              />
            )}
            <Autocomplete
              label={t('parts.type')}
              data={COMMON_TYPES}
              value={row.type}
              w={150}
              dir="ltr"
              autoComplete="off"
              onChange={(v) => set(i, { type: v })}
              error={fieldError(`${pathPrefix}.${i}.type`)}
              disabled={row.partId !== null}
            />
            <TextInput
              label={t('parts.serial')}
              dir="ltr"
              value={row.serialNumber}
              w={190}
              classNames={{ input: 'nm-mono' }}
              onChange={(e) => set(i, { serialNumber: e.currentTarget.value })}
              error={fieldError(`${pathPrefix}.${i}.serialNumber`)}
              disabled={row.partId !== null}
            />
            <TextInput
              label={t('parts.description')}
              value={row.description}
              style={{ flex: '1 1 160px' }}
              onChange={(e) => set(i, { description: e.currentTarget.value })}
              error={fieldError(`${pathPrefix}.${i}.description`)}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              mt={26}
              aria-label={t('parts.remove', { n: i + 1 })}
              onClick={() => onChange(rows.filter((_, n) => n !== i))}>
              ×
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button variant="light" size="xs" onClick={() => onChange([...rows, EMPTY_PART])}>
            {t('parts.add')}
          </Button>
        </Group>
      </Stack>
    </fieldset>
  );
}

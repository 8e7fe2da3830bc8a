import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import type { DonorDto } from '../../api/types';
import { useQuery } from '@tanstack/react-query';
import { endpoints } from '../../api/endpoints';
import { useT } from '../../prefs/PreferencesProvider';

/** Donors searched on the server as the user types (there may be thousands); the chosen one stays listed. */
export function DonorPicker({
  value,
  onChange,
  error,
  initial,
}: {
  value: number | null;
  onChange: (id: number | null) => void;
  error?: string;
  initial?: DonorDto;
}) {
  const t = useT();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 300);
  const [chosen, setChosen] = useState<DonorDto | undefined>(initial);
  const { data, isFetching: loading } = useQuery(endpoints.donors.list({ q: debounced, pageSize: 20 }));
  const found = useMemo(() => data?.items ?? [], [data]);
  const all = useMemo(() => {
    const list = chosen && !found.some((d) => d.id === chosen.id) ? [chosen, ...found] : found;
    return list;
  }, [found, chosen]);
  const optionsData = all.map((d) => ({
    value: String(d.id),
    label: d.nameLatin && d.nameLatin !== d.name ? `${d.name} (${d.nameLatin})` : d.name,
  }));
  const current = value === null ? null : String(value);
  const currentLabel = optionsData.find((o) => o.value === current)?.label ?? '';
  return (
    <Select
      label={t('donation.donor')}
      required
      searchable
      data={optionsData}
      value={current}
      searchValue={search || (current ? currentLabel : '')}
      onSearchChange={(s) => {
        if (s !== currentLabel) setSearch(s);
      }}
      onChange={(v) => {
        setChosen(all.find((d) => String(d.id) === v));
        setSearch('');
        onChange(v ? Number(v) : null);
      }}
      // The server has filtered already; filtering again here would hide donors matched on fields not in the label.
      filter={({ options }) => options}
      nothingFoundMessage={loading ? t('common.loading') : t('list.empty')}
      error={error}
    />
  );
}

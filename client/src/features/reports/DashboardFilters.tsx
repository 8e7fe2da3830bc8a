import { Button, Group, Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { endpoints } from '../../api/endpoints';
import { REGIONS } from '../../api/types';
import { useQueryParams } from '../../components/useQueryParams';
import { usePrefs } from '../../prefs/PreferencesProvider';
import { useProgrammes } from '../allocation/useProgrammes';
import { regionName } from './regionName';
import { DateField } from '../../components/DateField';

export const DASHBOARD_FILTERS = ['programmeId', 'regionCode', 'siteId', 'from', 'to'] as const;
export type DashboardFilterValues = Record<(typeof DASHBOARD_FILTERS)[number], string>;

/** The dashboard's filters live in the URL (bookmarkable, kept by Back); empty ones are left out of the request. */
export function useDashboardFilters() {
  const { values, set } = useQueryParams(DASHBOARD_FILTERS);
  const query = Object.fromEntries(
    Object.entries(values).filter(([, v]) => v !== ''),
  ) as Partial<DashboardFilterValues>;
  return { values, query, set };
}

/** Programme, region, site and period (from/to, calendar days): each change refetches the dashboard. */
export function DashboardFilters({
  values,
  set,
}: {
  values: DashboardFilterValues;
  set: (changes: Partial<Record<keyof DashboardFilterValues, string | null>>) => void;
}) {
  const { t, language } = usePrefs();
  const programmes = useProgrammes();
  const sites = useQuery(endpoints.sites());
  const siteOptions = (sites.data ?? []).map((s) => ({
    value: String(s.id),
    label: language !== 'ar' && s.nameLatin ? s.nameLatin : s.name,
  }));
  const regionOptions = REGIONS.map((r) => ({ value: r.code, label: regionName(r, language) }));
  const any = Object.values(values).some(Boolean);
  return (
    <Group gap="sm" align="end" wrap="wrap" role="group" aria-label={t('dash.filters')} data-testid="dashboard-filters">
      <Select
        label={t('dash.filterProgramme')}
        placeholder={t('dash.allProgrammes')}
        data={programmes.options}
        value={values.programmeId || null}
        onChange={(v) => set({ programmeId: v })}
        clearable
        w={200}
      />
      <Select
        label={t('dash.filterRegion')}
        placeholder={t('dash.allRegions')}
        data={regionOptions}
        value={values.regionCode || null}
        onChange={(v) => set({ regionCode: v })}
        searchable
        clearable
        w={200}
      />
      <Select
        label={t('dash.filterSite')}
        placeholder={t('dash.allSites')}
        data={siteOptions}
        value={values.siteId || null}
        onChange={(v) => set({ siteId: v })}
        clearable
        w={180}
      />
      <DateField
        label={t('dash.from')}
        name="from"
        value={values.from}
        max={values.to || undefined}
        onChange={(v) => set({ from: v || null })}
        w={160}
      />
      <DateField
        label={t('dash.to')}
        name="to"
        value={values.to}
        min={values.from || undefined}
        onChange={(v) => set({ to: v || null })}
        w={160}
      />
      {any && (
        <Button
          variant="subtle"
          onClick={() => set({ programmeId: null, regionCode: null, siteId: null, from: null, to: null })}>
          {t('dash.clearFilters')}
        </Button>
      )}
    </Group>
  );
}

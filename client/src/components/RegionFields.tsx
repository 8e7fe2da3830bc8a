import { Autocomplete, Select, type AutocompleteProps, type SelectProps } from '@mantine/core';
import { useMemo } from 'react';
import { citiesOf, REGIONS, regionName, type CountryCode, type Language } from '../api/types';
import { usePrefs } from '../prefs/PreferencesProvider';

const COUNTRIES: readonly CountryCode[] = ['SA', 'MA'];

const cityName = (c: { nameAr: string; nameEn: string; nameFr: string }, language: Language) =>
  language === 'ar' ? c.nameAr : language === 'en' ? c.nameEn : c.nameFr;

/** A region's name in the UI language (names from the shared reference list, not from the message files). */
export function useRegionName(): (code: string | null | undefined) => string {
  const { language } = usePrefs();
  return (code) => regionName(code, language);
}

/**
 * The region of the reference list (spec §11), grouped by country, named in the UI language. The charity's own
 * country comes first when `country` is given; `only` offers one country's regions (the charity's own, in the setup
 * and the settings).
 */
export function RegionSelect({
  country,
  only,
  ...props
}: Omit<SelectProps, 'data'> & { country?: CountryCode; only?: CountryCode }) {
  const { language, t } = usePrefs();
  const data = useMemo(() => {
    const named = (c: CountryCode) =>
      REGIONS.filter((r) => r.country === c).map((r) => ({ value: r.code, label: regionName(r.code, language) }));
    if (only) return named(only);
    const order = country ? [country, ...COUNTRIES.filter((c) => c !== country)] : COUNTRIES;
    return order.map((c) => ({
      group: c === 'SA' ? t('region.country.SA') : t('region.country.MA'),
      items: named(c),
    }));
  }, [country, only, language, t]);
  return (
    <Select
      label={t('region.label')}
      placeholder={t('region.placeholder')}
      nothingFoundMessage={t('region.nothingFound')}
      searchable
      clearable
      data={data}
      {...props}
    />
  );
}

/** The city: free text (a town or village may be missing), suggesting the chosen region's main cities. */
export function CityAutocomplete({
  regionCode,
  ...props
}: Omit<AutocompleteProps, 'data'> & { regionCode: string | null }) {
  const { language, t } = usePrefs();
  const data = useMemo(() => citiesOf(regionCode).map((c) => cityName(c, language)), [regionCode, language]);
  return <Autocomplete description={t('region.cityHint')} dir="auto" data={data} {...props} />;
}

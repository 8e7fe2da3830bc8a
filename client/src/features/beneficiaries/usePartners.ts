import { useQuery } from '@tanstack/react-query';
import { endpoints } from '../../api/endpoints';
import type { PartnerDto } from '../../api/types';
import { usePrefs } from '../../prefs/PreferencesProvider';

/** Partner organisations for pickers and for naming a beneficiary's referrer (a charity has tens, not thousands). */
export function usePartners() {
  const { language } = usePrefs();
  const partners = useQuery(endpoints.partners.list({ pageSize: 200 }));
  const nameOf = (p: PartnerDto) => (language === 'en' && p.nameLatin ? p.nameLatin : p.name);
  const items = partners.data?.items ?? [];
  return {
    ...partners,
    items,
    nameOf,
    byId: (id: number | null | undefined) => (id == null ? undefined : items.find((p) => p.id === id)),
    options: items.map((p) => ({ value: String(p.id), label: nameOf(p) })),
  };
}

import type { Page, PartnerDto } from '../../api/types';
import { useApi } from '../../api/useApi';
import { usePrefs } from '../../prefs/PreferencesProvider';

/** Partner organisations for pickers and for naming a beneficiary's referrer (a charity has tens, not thousands). */
export function usePartners() {
  const { language } = usePrefs();
  const partners = useApi<Page<PartnerDto>>('/api/partners', { pageSize: 200 });
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

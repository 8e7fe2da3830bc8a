// The instance's country comes from the server (config COUNTRY, in GET /api/settings): read once a user is signed
// in, and remembered (PreferencesProvider) so that the next visit, public pages included, formats right at once.
import { api } from '../api/http';
import type { Country } from '../i18n/format';

export async function fetchCountry(signal?: AbortSignal): Promise<Country | undefined> {
  const settings = await api<{ country?: string }>('/api/settings', { signal });
  return settings.country === 'MA' || settings.country === 'SA' ? settings.country : undefined;
}

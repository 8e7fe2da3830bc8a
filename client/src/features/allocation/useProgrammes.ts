import type { ProgrammeDto } from '../../api/types';
import { useApi } from '../../api/useApi';
import { usePrefs } from '../../prefs/PreferencesProvider';

/** The programmes (a handful of phases), with their names in the UI language for pickers. */
export function useProgrammes() {
  const { language } = usePrefs();
  const programmes = useApi<ProgrammeDto[]>('/api/programmes');
  const items = programmes.data ?? [];
  const nameOf = (p: ProgrammeDto) => (language === 'en' && p.nameLatin ? p.nameLatin : p.name);
  return { ...programmes, items, nameOf, options: items.map((p) => ({ value: String(p.id), label: nameOf(p) })) };
}

import type { ProgrammeDto } from '../../api/types';
import { useQuery } from '@tanstack/react-query';
import { endpoints } from '../../api/endpoints';
import { usePrefs } from '../../prefs/PreferencesProvider';

/** The programmes (a handful of phases), with their names in the UI language for pickers. */
export function useProgrammes() {
  const { language } = usePrefs();
  const programmes = useQuery(endpoints.programmes.list());
  const items = programmes.data ?? [];
  const nameOf = (p: ProgrammeDto) => (language !== 'ar' && p.nameLatin ? p.nameLatin : p.name);
  return { ...programmes, items, nameOf, options: items.map((p) => ({ value: String(p.id), label: nameOf(p) })) };
}

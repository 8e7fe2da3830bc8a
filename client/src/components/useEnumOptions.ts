import { useEnumLabel } from './Labels';

/** Select options for an enum, labelled in the user's language. */
export function useEnumOptions() {
  const label = useEnumLabel();
  return (group: string, values: readonly string[]) => values.map((value) => ({ value, label: label(group, value) }));
}

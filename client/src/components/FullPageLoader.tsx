import { Center, Loader } from '@mantine/core';
import { useT } from '../prefs/PreferencesProvider';

export function FullPageLoader() {
  const t = useT();
  // role="status": a span may carry aria-label only with a role, and the screen reader then says "loading".
  return (
    <Center h="60vh">
      <Loader role="status" aria-label={t('common.loading')} />
    </Center>
  );
}

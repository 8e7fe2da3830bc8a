import { Anchor, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { PublicLayout } from '../../components/PublicLayout';
import { useT } from '../../prefs/PreferencesProvider';

/** Whether the document itself was loaded at this URL (the server answered it), rather than the router moving here. */
function documentWasLoadedAt(href: string): boolean {
  const nav = performance.getEntriesByType?.('navigation')[0] as PerformanceNavigationTiming | undefined;
  return nav?.name === href;
}

/**
 * /verify/<code> and /receipts/<token> are pages the server renders itself (before the app's fallback). If the router
 * ever lands on one (a link rendered through it, history navigation), the browser is sent to the server for the real
 * page. If the app was served for that URL, the server has no such page: say so instead of reloading forever.
 */
export default function ServerPage() {
  const t = useT();
  const location = useLocation();
  const href = window.location.href;
  const [missing] = useState(() => documentWasLoadedAt(href));
  useEffect(() => {
    if (!missing) window.location.replace(href);
  }, [missing, href, location.key]);
  if (!missing) return null;
  return (
    <PublicLayout>
      <Title order={1} fz={24} mb="sm">
        {t('error.pageNotFound')}
      </Title>
      <Text mb="md">{t('public.missing')}</Text>
      <Anchor href="/">{t('action.home')}</Anchor>
    </PublicLayout>
  );
}

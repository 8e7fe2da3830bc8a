import { Button, Code, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { DeviceEventDto } from '../../../api/types';
import { Ltr } from '../../../components/Ltr';
import { usePrefs } from '../../../prefs/PreferencesProvider';

/**
 * An event's link of the hash chain and the data it recorded, as stored: for whoever checks the chain or an
 * integration. Collapsed until asked for; the sentence above it is what a person reads.
 */
export function TechnicalDetails({ event }: { event: DeviceEventDto }) {
  const { t, fmt } = usePrefs();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="subtle" color="gray" size="compact-xs" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
        {t('history.technical')}
      </Button>
      {open && (
        <Stack gap={2} mt={4} data-testid="event-technical">
          <Text size="xs">
            {t('history.seq')}: {fmt.number(event.seq)}
          </Text>
          <Text size="xs">
            {t('history.hash')}:{' '}
            <Ltr mono>
              <span style={{ wordBreak: 'break-all' }}>{event.hash}</span>
            </Ltr>
          </Text>
          <Text size="xs">
            {t('history.prevHash')}:{' '}
            {event.prevHash ? (
              <Ltr mono>
                <span style={{ wordBreak: 'break-all' }}>{event.prevHash}</span>
              </Ltr>
            ) : (
              t('history.firstLink')
            )}
          </Text>
          <Text size="xs">{t('history.payload')}:</Text>
          {/* Wraps instead of scrolling sideways: a scrolled box at 360 px is one a keyboard cannot reach (axe). */}
          <Code block dir="ltr" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {JSON.stringify(event.payload, null, 2)}
          </Code>
        </Stack>
      )}
    </>
  );
}

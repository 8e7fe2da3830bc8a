import { Alert, Anchor, Button, Group, Paper, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { CustodyDto } from '../../api/types';
import { MANAGERS } from '../../api/types';
import { useUser } from '../../auth/AuthProvider';
import { usePrefs } from '../../prefs/PreferencesProvider';
import { ReturnFromCustodyForm } from '../partner-home/ReturnFromCustody';
import { isolate } from '../../i18n/isolate';

/**
 * A device in a partner association's custody (spec §13): who holds it, since when, through which batch. Managers can
 * take it back from the partner here.
 */
export function DeviceCustody({
  custody,
  deviceId,
  assetTag,
}: {
  custody: CustodyDto;
  deviceId: number;
  assetTag: string;
}) {
  const { t, fmt } = usePrefs();
  const user = useUser();
  const manager = MANAGERS.includes(user.role);
  const [returning, setReturning] = useState(false);
  return (
    <Alert color="grape" variant="light" title={t('custody.title')} data-testid="device-custody">
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Text size="sm">
          {t('custody.heldBy', { partner: isolate(custody.partnerName), since: fmt.date(custody.since) })}
          {custody.batchId !== null && manager && (
            <>
              {' '}
              <Anchor component={Link} to={`/batches/${custody.batchId}`} size="sm">
                {t('custody.batch')}
              </Anchor>
            </>
          )}
        </Text>
        {manager && !returning && (
          <Button variant="outline" color="orange" size="xs" onClick={() => setReturning(true)}>
            {t('custody.return')}
          </Button>
        )}
      </Group>
      {returning && (
        <Paper withBorder p="sm" mt="sm">
          <ReturnFromCustodyForm deviceId={deviceId} assetTag={assetTag} onClose={() => setReturning(false)} />
        </Paper>
      )}
    </Alert>
  );
}

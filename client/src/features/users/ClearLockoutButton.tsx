import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../api/http';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../prefs/PreferencesProvider';

/**
 * Ends a user's sign-in lockouts at once (DELETE /api/users/:id/lockout): for a colleague who mistyped their
 * password ten times, or an account someone else has been guessing at. Their password is unchanged.
 */
export function ClearLockoutButton({ userId }: { userId: number }) {
  const t = useT();
  const [state, setState] = useState<'idle' | 'busy' | 'done'>('idle');
  const [error, setError] = useState<unknown>(null);
  const onClick = async () => {
    setState('busy');
    setError(null);
    try {
      await api<void>(`/api/users/${userId}/lockout`, { method: 'DELETE' });
      setState('done');
    } catch (err) {
      setError(err);
      setState('idle');
    }
  };
  return (
    <>
      {error !== null && <ErrorAlert error={error} />}
      <Group gap="sm">
        <Button variant="light" size="compact-sm" loading={state === 'busy'} onClick={onClick} data-testid="clear-lockout">
          {t('user.clearLockout')}
        </Button>
        <Text size="sm" c="dimmed" role="status">{state === 'done' ? t('user.lockoutCleared') : t('user.clearLockoutHint')}</Text>
      </Group>
    </>
  );
}

import { Button, Group, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { endpoints } from '../../api/endpoints';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../prefs/PreferencesProvider';

/**
 * Ends a user's sign-in lockouts at once (DELETE /api/users/:id/lockout): for a colleague who mistyped their
 * password ten times, or an account someone else has been guessing at. Their password is unchanged.
 */
export function ClearLockoutButton({ userId }: { userId: number }) {
  const t = useT();
  const clear = useMutation({ mutationFn: () => endpoints.users.clearLockout(userId) });
  return (
    <>
      {clear.error && <ErrorAlert error={clear.error} />}
      <Group gap="sm">
        <Button
          variant="light"
          size="compact-sm"
          loading={clear.isPending}
          onClick={() => clear.mutate()}
          data-testid="clear-lockout">
          {t('user.clearLockout')}
        </Button>
        <Text size="sm" c="dimmed" role="status">
          {clear.isSuccess ? t('user.lockoutCleared') : t('user.clearLockoutHint')}
        </Text>
      </Group>
    </>
  );
}

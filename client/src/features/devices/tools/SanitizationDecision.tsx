import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { DEVICE_CHANGES, endpoints } from '../../../api/endpoints';
import type { SanitizationDto, UserDto } from '../../../api/types';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useT } from '../../../prefs/PreferencesProvider';

/**
 * Spec §10: who may confirm or reject a record typed in by hand. The verifier it names, and never its operator; a
 * record from before the rule that names no one may be decided by any colleague but its operator. The server checks
 * the same, this only decides whether to show the buttons.
 */
export function mayDecide(record: SanitizationDto, me: UserDto | null): boolean {
  if (!me || me.role === 'viewer' || record.state !== 'awaiting_confirmation') return false;
  if (record.operatorId === me.id) return false;
  return record.verifierId === null || record.verifierId === me.id;
}

/** Confirm and reject buttons for one record; reject asks why. */
export function SanitizationDecision({ record, onDecided }: { record: SanitizationDto; onDecided?: () => void }) {
  const t = useT();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const decision = useMutation({
    mutationFn: (kind: 'confirm' | 'reject') => endpoints.sanitizations.decide(record.id, kind, reason.trim()),
    meta: { invalidates: DEVICE_CHANGES },
    onSuccess: () => {
      setRejecting(false);
      onDecided?.();
    },
  });
  const busy = decision.isPending ? decision.variables : null;
  const error = decision.error;

  return (
    <>
      <Group gap={6} wrap="nowrap" data-testid={`decide-${record.id}`}>
        <Button size="compact-sm" color="teal" loading={busy === 'confirm'} onClick={() => decision.mutate('confirm')}>
          {t('wipe.confirm')}
        </Button>
        <Button size="compact-sm" color="red" variant="light" onClick={() => setRejecting(true)}>
          {t('wipe.reject')}
        </Button>
      </Group>
      {error && !rejecting && <ErrorAlert error={error} />}
      <Modal opened={rejecting} onClose={() => setRejecting(false)} title={t('wipe.rejectTitle')} centered>
        <Stack gap="sm">
          {error && <ErrorAlert error={error} />}
          <Textarea
            label={t('wipe.rejectReason')}
            required
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            autosize
            minRows={2}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button
              color="red"
              disabled={!reason.trim()}
              loading={busy === 'reject'}
              onClick={() => decision.mutate('reject')}>
              {t('wipe.reject')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

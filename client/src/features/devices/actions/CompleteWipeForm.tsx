import { Alert, Checkbox, List, Text } from '@mantine/core';
import { Fragment } from 'react';
import { ApiError } from '../../../api/http';
import { carriesImei, type DeviceDetailDto, type WipeIncompleteDetail } from '../../../api/types';
import { Ltr } from '../../../components/Ltr';
import { useT } from '../../../prefs/PreferencesProvider';
import { ActionFormFrame } from './ActionFormFrame';
import { useActionForm, type DeviceActionState } from './useDeviceAction';

/** The drives a 422 WIPE_INCOMPLETE names: each still lacks a counted, passed sanitization record. */
function missingDrives(err: unknown): WipeIncompleteDetail[] {
  if (!(err instanceof ApiError) || err.code !== 'WIPE_INCOMPLETE' || !Array.isArray(err.details)) return [];
  return (err.details as WipeIncompleteDetail[]).filter((d) => typeof d.serialNumber === 'string');
}

/**
 * Closes the wipe stage. The server checks that every drive has a passed record; a device with no drive at all
 * must say so explicitly (noStorage), so that a forgotten drive is never mistaken for "nothing to wipe".
 */
export function CompleteWipeForm({ device, state }: { device: DeviceDetailDto; state: DeviceActionState }) {
  const t = useT();
  const form = useActionForm(state, { noStorage: false });
  // A phone always has storage, wiped by a factory reset of the whole device (docs/phones.md): never "no storage".
  const phone = device.type === 'phone';
  const driveless = (device.drives ?? []).length === 0 && !phone;
  // The records come with the device detail; without them the hint is left out rather than guessed.
  // Spec §10: a record awaiting its verifier's confirmation, or rejected, does not count.
  const passedRecords = (device.sanitizations ?? []).filter((s) => s.result === 'passed' && s.state === 'counted');
  const passed = new Set(passedRecords.map((s) => s.driveId));
  const passedSerials = new Set(passedRecords.map((s) => s.driveSerial));
  // The drives the last refusal named, less those that have a passed record since (a log uploaded meanwhile).
  const missing = missingDrives(state.errors.error).filter((d) => !passedSerials.has(d.serialNumber ?? ''));
  const refusedEarlier = missingDrives(state.errors.error).length > 0;
  const pending = device.sanitizations ? (device.drives ?? []).filter((d) => !passed.has(d.id)) : [];
  const next = (device.disposition ?? 'reuse') === 'reuse' ? 'refurbish' : 'disposal';
  return (
    <ActionFormFrame
      state={state}
      known={['noStorage']}
      testId="form-complete_wipe"
      submitLabel={t('lifecycle.complete_wipe')}
      hint={t('action.next', { status: t(`deviceStatus.${next}`) })}
      handled={refusedEarlier ? ['WIPE_INCOMPLETE'] : []}
      onSubmit={() =>
        state.submit({ action: 'complete_wipe', ...(driveless ? { noStorage: form.values.noStorage } : {}) })
      }>
      {missing.length > 0 && (
        <Alert color="red" title={t('wipe.incomplete')} data-testid="wipe-missing">
          <List size="sm">
            {missing.map((d) => (
              <List.Item key={d.serialNumber}>
                <Ltr mono>{d.serialNumber}</Ltr>
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {carriesImei(device.type) && (
        <Text size="sm" c="dimmed">
          {t('phoneWipe.completeHint')}
        </Text>
      )}
      {driveless ? (
        <Checkbox
          label={t('wipe.noStorage')}
          description={t('wipe.noStorageHint')}
          {...form.getInputProps('noStorage', { type: 'checkbox' })}
          name="noStorage"
        />
      ) : pending.length > 0 ? (
        <Text size="sm">
          {t('wipe.pending', { n: pending.length })}{' '}
          {pending.map((d, i) => (
            <Fragment key={d.id}>
              {i > 0 ? ' · ' : ''}
              <Ltr mono>{d.serialNumber}</Ltr>
            </Fragment>
          ))}
        </Text>
      ) : (
        device.sanitizations && (
          <Text size="sm" c="teal.9">
            {t('wipe.allPassed')}
          </Text>
        )
      )}
    </ActionFormFrame>
  );
}

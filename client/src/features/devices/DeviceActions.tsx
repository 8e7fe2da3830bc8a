import { Alert, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { DeviceDetailDto, DeviceDto, WorkshopActionName } from '../../api/types';
import { useUser } from '../../auth/AuthProvider';
import { MANAGERS, STAFF } from '../../api/types';
import { useEnumLabel } from '../../components/Labels';
import { useT } from '../../prefs/PreferencesProvider';
import { AllocationLinks } from './actions/AllocationLinks';
import { CompleteWipeForm } from './actions/CompleteWipeForm';
import { HarvestForm, RecycleForm, ReturnForm } from './actions/DisposalForms';
import { RefurbishForm } from './actions/RefurbishForm';
import { RepairForm } from './actions/RepairForm';
import { TriageForm } from './actions/TriageForm';
import { useDeviceAction } from './actions/useDeviceAction';
import { TitledCard } from '../../components/TitledCard';

const WORKSHOP: readonly WorkshopActionName[] = [
  'triage',
  'repair',
  'complete_wipe',
  'refurbish',
  'recycle',
  'harvest',
  'return',
];
const ALLOCATION = ['allocate', 'cancel_allocation', 'handover'];

function ActionPanel({
  action,
  device,
  onDone,
  onStale,
}: {
  action: WorkshopActionName;
  device: DeviceDetailDto;
  onDone: (d: DeviceDto) => void;
  onStale: () => void;
}) {
  const state = useDeviceAction(device, onDone, onStale);
  switch (action) {
    case 'triage':
      return <TriageForm state={state} />;
    case 'repair':
      return <RepairForm state={state} />;
    case 'complete_wipe':
      return <CompleteWipeForm device={device} state={state} />;
    case 'refurbish':
      return <RefurbishForm device={device} state={state} />;
    case 'recycle':
      return <RecycleForm state={state} />;
    case 'harvest':
      return <HarvestForm state={state} />;
    case 'return':
      return <ReturnForm state={state} />;
  }
}

/**
 * The forms of the lifecycle actions the server allows from the current status (`allowedActions`; the client never
 * copies the transition table). Several allowed actions (recycle or harvest) become tabs; each keeps what was typed
 * while the user switches between them. A single action has no tab bar, only its name as a heading. Allocation and handover go through the allocation screens instead.
 */
export function DeviceActions({ device, onChanged }: { device: DeviceDetailDto; onChanged: () => void }) {
  const t = useT();
  const label = useEnumLabel();
  const user = useUser();
  const actions = (device.allowedActions ?? []).filter((a): a is WorkshopActionName =>
    (WORKSHOP as readonly string[]).includes(a),
  );
  const allocation = (device.allowedActions ?? []).filter((a) => ALLOCATION.includes(a));
  const [tab, setTab] = useState<string | null>(null);
  const [done, setDone] = useState<DeviceDto | null>(null);
  // Said here, above the forms: after the reload the form that hit the conflict may no longer apply (new status).
  const [stale, setStale] = useState(false);
  const current = tab && actions.includes(tab as WorkshopActionName) ? tab : (actions[0] ?? null);
  const mayAct = STAFF.includes(user.role);

  const onDone = (d: DeviceDto) => {
    setDone(d);
    setStale(false);
    setTab(null);
    onChanged();
  };
  const onStale = () => {
    setDone(null);
    setStale(true);
    onChanged();
  };

  return (
    <TitledCard title={t('device.actions')} data-testid="device-actions">
      {done && (
        <Alert
          color="green"
          mb="sm"
          role="status"
          withCloseButton
          onClose={() => setDone(null)}
          data-testid="action-done"
          closeButtonLabel={t('action.close')}>
          {t('device.actionDone', { status: label('deviceStatus', done.status) })}
        </Alert>
      )}
      {stale && (
        <Alert
          color="orange"
          mb="sm"
          role="alert"
          title={t('error.stale')}
          withCloseButton
          onClose={() => setStale(false)}
          closeButtonLabel={t('action.close')}
          data-testid="stale-alert">
          {t('device.staleReloaded')}
        </Alert>
      )}
      {actions.length === 0 && allocation.length === 0 && (
        <Text c="dimmed" size="sm">
          {t('device.noActions')}
        </Text>
      )}
      {actions.length > 0 && !mayAct && (
        <Text c="dimmed" size="sm">
          {t('device.readOnly')}
        </Text>
      )}
      {actions.length === 1 && mayAct && (
        <div data-action={actions[0]}>
          <Title order={3} fz="md" mb="sm">
            {label('lifecycle', actions[0])}
          </Title>
          <ActionPanel
            key={`${actions[0]}-${device.status}`}
            action={actions[0]}
            device={device}
            onDone={onDone}
            onStale={onStale}
          />
        </div>
      )}
      {actions.length > 1 && mayAct && (
        <Tabs value={current} onChange={setTab} keepMounted variant="outline">
          <Tabs.List>
            {actions.map((a) => (
              <Tabs.Tab key={a} value={a} data-action={a}>
                {label('lifecycle', a)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {actions.map((a) => (
            // Keyed by the status: after an action the forms start empty for the new state; a stale reload keeps them.
            <Tabs.Panel key={`${a}-${device.status}`} value={a} pt="sm">
              <ActionPanel action={a} device={device} onDone={onDone} onStale={onStale} />
            </Tabs.Panel>
          ))}
        </Tabs>
      )}
      {allocation.length > 0 &&
        (MANAGERS.includes(user.role) ? (
          <AllocationLinks device={device} />
        ) : (
          <Text c="dimmed" size="sm">
            {t('device.allocationByManager')}
          </Text>
        ))}
    </TitledCard>
  );
}

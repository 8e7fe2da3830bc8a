import { useState } from 'react';
import { api, ApiError } from '../../../api/http';
import type { DeviceDetailDto, DeviceDto, WorkshopActionInput } from '../../../api/types';
import { useFieldErrors } from '../../../components/useFieldErrors';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** An action's payload as a form builds it; the version is added here, from the device the user is looking at. */
export type ActionBody = DistributiveOmit<WorkshopActionInput, 'version'>;

/**
 * Sends one lifecycle action with the device's current `version`. A 409 STALE_VERSION means someone else moved the
 * device meanwhile: the page reloads it and says so, and the form keeps what was typed (its state lives in the form,
 * which stays mounted while the device reloads). Other errors stay on the form, each next to its field.
 */
export function useDeviceAction(device: DeviceDetailDto, onDone: (updated: DeviceDto) => void, onStale: () => void) {
  const errors = useFieldErrors();
  const [busy, setBusy] = useState(false);

  const submit = async (body: ActionBody) => {
    if (busy) return;
    setBusy(true);
    errors.clear();
    try {
      const updated = await api<DeviceDto>(`/api/devices/${device.id}/actions`, { method: 'POST', body: { ...body, version: device.version } });
      onDone(updated);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'STALE_VERSION') onStale();
      errors.setError(err);
    } finally {
      setBusy(false);
    }
  };
  return { submit, busy, errors };
}

export type DeviceActionState = ReturnType<typeof useDeviceAction>;

import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useEffect } from 'react';
import { DEVICE_CHANGES, endpoints } from '../../../api/endpoints';
import type { DeviceDetailDto, DeviceDto, WorkshopActionInput } from '../../../api/types';
import { useServerErrors } from '../../../components/useServerErrors';
import { withoutChanged } from '../../../components/useServerForm';
import { translateFieldErrors } from '../../../i18n/serverMessages';
import { useT } from '../../../prefs/PreferencesProvider';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** An action's payload as a form builds it; the version is added here, from the device the user is looking at. */
export type ActionBody = DistributiveOmit<WorkshopActionInput, 'version'>;

/**
 * Sends one lifecycle action with the device's current `version`. A 409 STALE_VERSION means someone else moved the
 * device meanwhile: the page reloads it and says so, and the form keeps what was typed (its state lives in the form,
 * which stays mounted while the device reloads). Other errors stay on the form, each next to its field.
 */
export function useDeviceAction(device: DeviceDetailDto, onDone: (updated: DeviceDto) => void, onStale: () => void) {
  const action = useMutation({
    mutationFn: (body: ActionBody) => endpoints.devices.act(device.id, { ...body, version: device.version }),
    meta: { invalidates: DEVICE_CHANGES },
    onSuccess: onDone,
    onError: (err) => {
      if (err.code === 'STALE_VERSION') onStale();
    },
  });
  const errors = useServerErrors(action.error);
  const submit = (body: ActionBody) => {
    if (!action.isPending) action.mutate(body);
  };
  return { submit, busy: action.isPending, errors };
}

export type DeviceActionState = ReturnType<typeof useDeviceAction>;

/**
 * An action form's values (@mantine/form). Each refusal's field messages land on the fields of the same path, and a
 * field's message goes as soon as that field is changed; the values typed stay for the next try.
 */
export function useActionForm<V extends Record<string, unknown>>(state: DeviceActionState, initialValues: V) {
  const t = useT();
  const form = useForm<V>({
    mode: 'controlled',
    initialValues,
    onValuesChange: (values, previous) => form.setErrors((errors) => withoutChanged(errors, values, previous)),
  });
  const { error } = state.errors;
  const { setErrors } = form;
  useEffect(() => {
    setErrors(error ? translateFieldErrors(error.details, t, error.code) : {});
  }, [error, t, setErrors]);
  return form;
}

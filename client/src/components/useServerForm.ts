import { useForm, type FormErrors, type FormValidateInput } from '@mantine/form';
import { useMutation, type QueryKey } from '@tanstack/react-query';
import type { ApiError } from '../api/http';
import { translateFieldErrors } from '../i18n/serverMessages';
import { useT } from '../prefs/PreferencesProvider';
import { useServerErrors } from './useServerErrors';

export interface ServerFormOptions<V, R> {
  initialValues: V;
  /** The endpoint call (endpoints.ts) the values go to. */
  submit: (values: V) => Promise<R>;
  /** The resources the write changes (endpoints.ts `keys`): their reads on screen are fetched again. */
  invalidates?: readonly QueryKey[];
  onSuccess?: (result: R, values: V) => void;
  onError?: (error: ApiError, values: V) => void;
  /** Fields on the form; a server error naming another path is listed in the alert instead. Default: the values' keys. */
  known?: readonly string[];
  /** Checks worth making before a round trip (e.g. a signature not drawn yet); the server checks everything anyway. */
  validate?: FormValidateInput<V>;
}

/**
 * A form (@mantine/form: values, per-field errors that clear as soon as the field changes) whose submit is a mutation.
 * The server's field errors (400 VALIDATION_FAILED, and 409/422 details naming a field) land on the fields of the same
 * path, translated from their `type`; `unshown` lists those no field shows. What was typed stays.
 */
export function useServerForm<V extends Record<string, unknown>, R = unknown>(options: ServerFormOptions<V, R>) {
  const t = useT();
  const form = useForm<V>({
    mode: 'controlled',
    initialValues: options.initialValues,
    validate: options.validate,
    onValuesChange: (values, previous) => form.setErrors((errors) => withoutChanged(errors, values, previous)),
  });
  const mutation = useMutation<R, ApiError, V>({
    mutationFn: options.submit,
    meta: { invalidates: options.invalidates },
    onMutate: () => {
      form.clearErrors();
    },
    onSuccess: (result, values) => options.onSuccess?.(result, values),
    onError: (err, values) => {
      form.setErrors(translateFieldErrors(err.details, t, err.code));
      options.onError?.(err, values);
    },
  });
  const errors = useServerErrors(mutation.error);
  return {
    form,
    mutation,
    busy: mutation.isPending,
    /** The last failure, for <ErrorAlert>; null when the last submit went through (or none was made). */
    error: mutation.error,
    // A second Enter while the first submit is on its way sends nothing.
    onSubmit: form.onSubmit((values) => {
      if (!mutation.isPending) mutation.mutate(values);
    }),
    /** The message on `path`, for inputs that take a plain string (getInputProps gives the others theirs). */
    fieldError: (path: string) => errorOf(form.errors, path),
    unshown: errors.unshown(options.known ?? Object.keys(options.initialValues)),
  };
}

/** A form's message on `path` as a string, for inputs and lists that take one (getInputProps gives the others theirs). */
export function errorOf(errors: FormErrors, path: string): string | undefined {
  const e = errors[path];
  return typeof e === 'string' ? e : undefined;
}

function at(values: unknown, path: readonly string[]): unknown {
  let v = values;
  for (const key of path) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
  return v;
}

/**
 * The messages left once the fields they are about have changed, as soon as they change (@mantine/form only clears
 * the exact path typed into). A message on a path the values do not hold (the server's `drives.0.capacityBytes`, typed
 * as `drives.0.capacityGb`; `qa` set whole) goes when the nearest part of its path they do hold changes. Values are
 * updated immutably, so a changed part is a new object.
 */
export function withoutChanged(errors: FormErrors, values: unknown, previous: unknown): FormErrors {
  let next = errors;
  for (const key of Object.keys(errors)) {
    const path = key.split('.');
    while (path.length > 1 && at(values, path) === undefined) path.pop();
    if (at(values, path) !== at(previous, path)) {
      if (next === errors) next = { ...errors };
      delete next[key];
    }
  }
  return next;
}

import { Alert, Button, List } from '@mantine/core';
import { ApiError } from '../api/http';
import type { MessageKey } from '../i18n';
import { useT } from '../prefs/PreferencesProvider';
import { Ltr } from './Ltr';

const TITLES: Partial<Record<string, MessageKey>> = {
  NETWORK: 'error.network',
  UNAUTHENTICATED: 'error.unauthenticated',
  FORBIDDEN: 'error.forbidden',
  NOT_FOUND: 'error.notFound',
  RATE_LIMITED: 'error.rateLimited',
  VALIDATION_FAILED: 'error.validation',
  STALE_VERSION: 'error.stale',
  INTERNAL: 'error.internal',
  // Business rules (409/422) the user can act on: a title in their language; the server's sentence follows it.
  WIPE_INCOMPLETE: 'error.code.WIPE_INCOMPLETE',
  SERIAL_MISMATCH: 'error.code.SERIAL_MISMATCH',
  INVALID_TRANSITION: 'error.code.INVALID_TRANSITION',
  UNKNOWN_DRIVE: 'error.code.UNKNOWN_DRIVE',
  PART_UNAVAILABLE: 'error.code.PART_UNAVAILABLE',
  DEVICE_NOT_IN_WORKSHOP: 'error.code.DEVICE_NOT_IN_WORKSHOP',
  ALREADY_THERE: 'error.code.ALREADY_THERE',
  DEVICE_NOT_READY: 'error.code.DEVICE_NOT_READY',
  BENEFICIARY_NOT_ELIGIBLE: 'error.code.BENEFICIARY_NOT_ELIGIBLE',
  ALREADY_ALLOCATED: 'error.code.ALREADY_ALLOCATED',
  DUPLICATE_BENEFICIARY: 'error.code.DUPLICATE_BENEFICIARY',
  STALE_BENEFICIARY: 'error.code.STALE_BENEFICIARY',
  FILE_TOO_LARGE: 'error.code.FILE_TOO_LARGE',
  UNSUPPORTED_FILE_TYPE: 'error.code.UNSUPPORTED_FILE_TYPE',
  REPORT_INVALID: 'error.code.REPORT_INVALID',
  NWIPE_LOG_INCOMPLETE: 'error.code.REPORT_INVALID',
  VERIFIER_IS_OPERATOR: 'error.code.VERIFIER_IS_OPERATOR',
  REFERENCE_NOT_FOUND: 'error.code.REFERENCE_NOT_FOUND',
};

/**
 * A failed request, told in the user's language with the server's own message and request id under it, so that
 * a support call can quote them. `unshown` lists field messages that no input on the form displays.
 */
export function ErrorAlert({ error, onRetry, unshown }: { error: unknown; onRetry?: () => void; unshown?: string[] }) {
  const t = useT();
  if (!error) return null;
  const e =
    error instanceof ApiError
      ? error
      : new ApiError(
          0,
          'CLIENT',
          error instanceof Error ? error.message : typeof error === 'string' ? error : 'Unexpected error',
        );
  const key =
    TITLES[e.code] ?? (e.status === 404 ? 'error.notFound' : e.status >= 500 ? 'error.internal' : 'error.generic');
  return (
    <Alert color="red" title={t(key)} role="alert">
      {/* The server's message for a validation failure is generic ("Request is invalid"); the fields say the rest. */}
      {/* dir="auto": the server writes English; in an Arabic page it must still read left to right ("2 drive(s) of …"). */}
      {e.message && e.code !== 'VALIDATION_FAILED' && <div dir="auto">{e.message}</div>}
      {unshown && unshown.length > 0 && (
        <List size="sm" mt={4}>
          {unshown.map((m) => (
            <List.Item key={m}>{m}</List.Item>
          ))}
        </List>
      )}
      {e.requestId && (
        <div className="nm-muted">
          {t('error.requestId')}: <Ltr mono>{e.requestId}</Ltr>
        </div>
      )}
      {onRetry && (
        <Button size="xs" variant="light" color="red" mt="xs" onClick={onRetry}>
          {t('action.retry')}
        </Button>
      )}
    </Alert>
  );
}

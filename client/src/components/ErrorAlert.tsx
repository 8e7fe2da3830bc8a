import { Alert, Button, List } from '@mantine/core';
import { ApiError } from '../api/http';
import type { MessageKey } from '../i18n';
import { useT } from '../prefs/PreferencesProvider';
import { Ltr } from './Ltr';

const TITLES: Partial<Record<string, MessageKey>> = {
  NETWORK: 'error.network', UNAUTHENTICATED: 'error.unauthenticated', FORBIDDEN: 'error.forbidden',
  NOT_FOUND: 'error.notFound', RATE_LIMITED: 'error.rateLimited', VALIDATION_FAILED: 'error.validation',
  STALE_VERSION: 'error.stale', INTERNAL: 'error.internal',
};

/**
 * A failed request, told in the user's language with the server's own message and request id under it, so that
 * a support call can quote them. `unshown` lists field messages that no input on the form displays.
 */
export function ErrorAlert({ error, onRetry, unshown }: { error: unknown; onRetry?: () => void; unshown?: string[] }) {
  const t = useT();
  if (!error) return null;
  const e = error instanceof ApiError ? error : new ApiError(0, 'CLIENT', String(error));
  const key = TITLES[e.code] ?? (e.status === 404 ? 'error.notFound' : e.status >= 500 ? 'error.internal' : 'error.generic');
  return (
    <Alert color="red" title={t(key)} role="alert">
      {/* The server's message for a validation failure is generic ("Request is invalid"); the fields say the rest. */}
      {e.message && e.code !== 'VALIDATION_FAILED' && <div>{e.message}</div>}
      {unshown && unshown.length > 0 && <List size="sm" mt={4}>{unshown.map((m) => <List.Item key={m}>{m}</List.Item>)}</List>}
      {e.requestId && <div className="nm-muted">{t('error.requestId')}: <Ltr mono>{e.requestId}</Ltr></div>}
      {onRetry && <Button size="xs" variant="light" color="red" mt="xs" onClick={onRetry}>{t('action.retry')}</Button>}
    </Alert>
  );
}

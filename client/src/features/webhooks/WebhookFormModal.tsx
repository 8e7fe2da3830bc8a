import { Alert, Button, Code, Group, Modal, MultiSelect, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { endpoints, keys } from '../../api/endpoints';
import { WEBHOOK_EVENTS, type WebhookEndpointDto, type WebhookEndpointInput } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { useServerForm } from '../../components/useServerForm';
import { useT } from '../../prefs/PreferencesProvider';

type Form = { url: string; events: WebhookEndpointInput['events']; secret: string };
const EMPTY: Form = { url: '', events: [], secret: '' };

/** A new endpoint; once saved, its secret is shown this one time, for the receiver's configuration. */
export function WebhookFormModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const [created, setCreated] = useState<WebhookEndpointDto | null>(null);
  const { form, onSubmit, busy, error, unshown } = useServerForm({
    initialValues: EMPTY,
    submit: (v) => {
      const body: WebhookEndpointInput = { url: v.url.trim(), events: v.events };
      if (v.secret.trim()) body.secret = v.secret.trim();
      return endpoints.webhooks.create(body);
    },
    invalidates: [keys.webhooks],
    onSuccess: setCreated,
  });
  return (
    <Modal opened onClose={onClose} title={t('webhooks.new')} centered size="lg">
      {created ? (
        <Stack>
          <Alert color="teal" title={t('webhooks.secretOnce')}>
            <Text size="sm" mb="xs">
              {t('webhooks.secretHint')}
            </Text>
            <Code block dir="ltr" data-testid="webhook-secret">
              {created.secret}
            </Code>
          </Alert>
          <Group justify="flex-end">
            <Button onClick={onClose}>{t('webhooks.done')}</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={onSubmit} noValidate>
          <Stack>
            {error && <ErrorAlert error={error} unshown={unshown} />}
            <TextInput
              label={t('webhooks.url')}
              required
              dir="ltr"
              placeholder="https://partner.example.org/nimah"
              {...form.getInputProps('url')}
              name="url"
            />
            <MultiSelect
              label={t('webhooks.events')}
              required
              data={WEBHOOK_EVENTS.map((e) => ({ value: e, label: e }))}
              {...form.getInputProps('events')}
              name="events"
            />
            <TextInput
              label={t('webhooks.secret')}
              description={t('webhooks.secretGenerated')}
              dir="ltr"
              {...form.getInputProps('secret')}
              name="secret"
            />
            <FormActions busy={busy} onCancel={onClose} />
          </Stack>
        </form>
      )}
    </Modal>
  );
}

import { ActionIcon, Button, CopyButton, Tooltip } from '@mantine/core';
import { useT } from '../prefs/PreferencesProvider';
import { IconCheck, IconCopy, IconWhatsApp } from './moreIcons';

/** Copies a link; the icon turns into a tick for a moment once it is on the clipboard. */
export function CopyLinkButton({ value, testId }: { value: string; testId?: string }) {
  const t = useT();
  return (
    <CopyButton value={value}>
      {({ copied, copy }) => (
        <Tooltip label={copied ? t('docs.copied') : t('docs.copy')}>
          <ActionIcon variant="subtle" onClick={copy} aria-label={t('docs.copy')} data-testid={testId}>
            {copied ? <IconCheck /> : <IconCopy />}
          </ActionIcon>
        </Tooltip>
      )}
    </CopyButton>
  );
}

/** WhatsApp's "click to chat" address: the app (or WhatsApp Web) opens with the text ready to send to a chosen contact. */
export function whatsAppHref(message: string, url: string): string {
  return `https://wa.me/?text=${encodeURIComponent(`${message}\n${url}`)}`;
}

/** Opens WhatsApp with a short message and the link, to send to the donor (most donors read WhatsApp first). */
export function WhatsAppShare({ url, message, testId }: { url: string; message: string; testId?: string }) {
  const t = useT();
  return (
    <Button
      component="a"
      href={whatsAppHref(message, url)}
      target="_blank"
      rel="noopener noreferrer"
      size="compact-sm"
      variant="light"
      color="green"
      leftSection={<IconWhatsApp size={16} />}
      data-testid={testId}>
      {t('share.whatsApp')}
    </Button>
  );
}

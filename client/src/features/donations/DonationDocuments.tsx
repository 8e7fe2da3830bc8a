import { Anchor, Group, Stack, Text } from '@mantine/core';
import type { DonationDetailDto } from '../../api/types';
import { useUser } from '../../auth/AuthProvider';
import { STAFF } from '../../api/types';
import { Ltr } from '../../components/Ltr';
import { PrintLabelsButton } from '../../components/PrintLabelsButton';
import { CopyLinkButton, WhatsAppShare } from '../../components/ShareLink';
import { useT } from '../../prefs/PreferencesProvider';
import { TitledCard } from '../../components/TitledCard';

/**
 * The donor's receipt (a public page behind a secret link, and its PDF) and the asset labels of every device of the
 * donation, on the 62×29 mm roll or an A4 sheet. The server draws the PDFs and the browser prints them; the receipt is
 * a plain link, the labels a POST (printing them is recorded in each device's history).
 */
export function DonationDocuments({ donation, hasDevices }: { donation: DonationDetailDto; hasDevices: boolean }) {
  const t = useT();
  const canPrint = STAFF.includes(useUser().role);
  return (
    <TitledCard title={t('docs.title')} data-testid="donation-documents">
      <Stack gap={6}>
        <Group gap="md" wrap="wrap">
          <Anchor
            href={`/api/donations/${donation.id}/receipt.pdf`}
            target="_blank"
            rel="noopener"
            data-testid="receipt-pdf">
            {t('docs.receiptPdf')}
          </Anchor>
          {canPrint && hasDevices && (
            <PrintLabelsButton
              target={{ donationId: donation.id }}
              format="roll"
              label={t('docs.labelsRoll')}
              testId="labels-roll"
            />
          )}
          {canPrint && hasDevices && (
            <PrintLabelsButton
              target={{ donationId: donation.id }}
              format="a4"
              label={t('docs.labelsA4')}
              testId="labels-a4"
            />
          )}
        </Group>
        {donation.receiptUrl && (
          <div>
            <Text size="sm" fw={500}>
              {t('docs.receiptLink')}
            </Text>
            <Group gap={4} wrap="nowrap" style={{ minWidth: 0 }}>
              {/* A full page load: the server renders /receipts/<token> itself, the app's router must not catch it. */}
              <Anchor
                href={donation.receiptUrl}
                target="_blank"
                rel="noopener noreferrer"
                size="sm"
                style={{ overflowWrap: 'anywhere', minWidth: 0 }}
                data-testid="receipt-link">
                <Ltr mono>{donation.receiptUrl}</Ltr>
              </Anchor>
              <CopyLinkButton value={donation.receiptUrl} testId="receipt-copy" />
            </Group>
            <Group gap="xs" mt={4}>
              <WhatsAppShare url={donation.receiptUrl} message={t('share.receiptMessage')} testId="receipt-whatsapp" />
            </Group>
            <Text size="xs" c="dimmed">
              {t('docs.receiptLinkHint')}
            </Text>
          </div>
        )}
      </Stack>
    </TitledCard>
  );
}

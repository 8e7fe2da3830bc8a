import { Anchor, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { DeviceDetailDto } from '../../../api/types';
import { useUser } from '../../../auth/AuthProvider';
import { STAFF } from '../../../api/types';
import { useEnumLabel } from '../../../components/Labels';
import { PrintLabelsButton } from '../../../components/PrintLabelsButton';
import { Ltr } from '../../../components/Ltr';
import { usePrefs } from '../../../prefs/PreferencesProvider';
import { TableScroll } from '../../../components/TableScroll';
import { TitledCard } from '../../../components/TitledCard';

function size(bytes: number): string {
  return bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1000))} KB`;
}

/**
 * The device's documents are PDFs the server draws, opened in a new tab so that the browser's viewer prints them at
 * their exact size: the certificate by a plain link, the labels by a POST that records the printing. The evidence files (hardware reports, wipe logs) are listed with their sha256, which is what
 * the certificates and the history quote.
 */
export function DeviceDocuments({ device }: { device: DeviceDetailDto }) {
  const { t, fmt } = usePrefs();
  const label = useEnumLabel();
  const files = device.files ?? [];
  // Printing a label writes a history event (a POST), so the server allows it to staff only; viewers see no label buttons.
  const canPrint = STAFF.includes(useUser().role);
  const hasWipe = (device.sanitizations ?? []).length > 0 || device.drives.length > 0;
  return (
    <TitledCard title={t('docs.title')} data-testid="device-documents">
      <Stack gap={6}>
        <Group gap="md" wrap="wrap">
          {canPrint && (
            <PrintLabelsButton
              target={{ deviceIds: [device.id] }}
              format="roll"
              label={t('docs.labelRoll')}
              testId="label-roll"
            />
          )}
          {canPrint && (
            <PrintLabelsButton
              target={{ deviceIds: [device.id] }}
              format="a4"
              label={t('docs.labelA4')}
              testId="label-a4"
            />
          )}
          {hasWipe && (
            <Anchor
              href={`/api/devices/${device.id}/sanitization-certificate.pdf`}
              target="_blank"
              rel="noopener"
              data-testid="sanitization-certificate">
              {t('docs.sanitizationCertificate')}
            </Anchor>
          )}
        </Group>
        <Title order={3} fz="md" mt="xs">
          {t('docs.evidence')}
        </Title>
        {files.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('docs.noEvidence')}
          </Text>
        ) : (
          <TableScroll label={t('docs.evidence')} compact>
            <Table verticalSpacing={4} data-testid="evidence-files">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('docs.kind')}</Table.Th>
                  <Table.Th>{t('docs.fileName')}</Table.Th>
                  <Table.Th>{t('docs.size')}</Table.Th>
                  <Table.Th>sha256</Table.Th>
                  <Table.Th>{t('common.time')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {files.map((f) => (
                  <Table.Tr key={f.id}>
                    <Table.Td>
                      {label('fileKind', f.kind)}
                      {f.format ? (
                        <>
                          {' '}
                          · <Ltr>{f.format}</Ltr>
                        </>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <Ltr>{f.originalName ?? '—'}</Ltr>
                    </Table.Td>
                    <Table.Td className="nm-nowrap">
                      <Ltr>{size(f.sizeBytes)}</Ltr>
                    </Table.Td>
                    <Table.Td>
                      <span title={f.sha256}>
                        <Ltr mono>{f.sha256.slice(0, 12)}…</Ltr>
                      </span>
                    </Table.Td>
                    <Table.Td className="nm-nowrap">{fmt.dateTime(f.createdAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        )}
      </Stack>
    </TitledCard>
  );
}

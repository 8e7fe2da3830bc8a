import { Badge, Stack, Table, Text } from '@mantine/core';
import type { SanitizationDto } from '../../../api/types';
import { useAuth } from '../../../auth/AuthProvider';
import { useEnumLabel } from '../../../components/Labels';
import { Ltr } from '../../../components/Ltr';
import { usePrefs } from '../../../prefs/PreferencesProvider';
import { TableScroll } from '../../../components/TableScroll';
import { mayDecide, SanitizationDecision } from './SanitizationDecision';

const RESULT_COLORS: Record<string, string> = { passed: 'green', failed: 'red', aborted: 'orange' };
const STATE_COLORS: Record<string, string> = { counted: 'green', awaiting_confirmation: 'yellow', rejected: 'red' };

/** Spec §10: whether the record counts, and who is to confirm it (or did, or rejected it and why). */
export function RecordState({ record, onDecided }: { record: SanitizationDto; onDecided?: () => void }) {
  const { t, fmt } = usePrefs();
  const label = useEnumLabel();
  const { state } = useAuth();
  const me = state.status === 'signed-in' ? state.user : null;
  // Isolated, so that an Arabic name inside an English sentence (or the reverse) keeps its place.
  const who = `\u2068${record.verifierName ?? ''}\u2069`;
  let detail: string | null = null;
  if (record.state === 'awaiting_confirmation')
    detail = record.verifierName ? t('wipe.awaitingBy', { name: who }) : t('wipe.awaitingAnyone');
  else if (record.state === 'rejected')
    detail = t('wipe.rejectedBecause', { reason: `\u2068${record.rejectionReason ?? ''}\u2069` });
  else if (record.confirmedAt) detail = t('wipe.confirmedBy', { name: who });
  return (
    <Stack gap={4} align="flex-start" data-testid={`record-state-${record.id}`} data-state={record.state}>
      <Badge color={STATE_COLORS[record.state] ?? 'gray'} variant="light" miw="max-content">
        {label('wipeState', record.state)}
      </Badge>
      {detail && (
        <Text size="xs" c="dimmed">
          {detail}
        </Text>
      )}
      {record.state === 'counted' && record.confirmedAt && (
        <Text size="xs" c="dimmed" className="nm-nowrap">
          {fmt.dateTime(record.confirmedAt)}
        </Text>
      )}
      {onDecided && mayDecide(record, me) && <SanitizationDecision record={record} onDecided={onDecided} />}
    </Stack>
  );
}

/** Every record, one row per drive and attempt; a failed or aborted wipe stays in the list next to the later pass. */
export function SanitizationRecords({ records, onDecided }: { records: SanitizationDto[]; onDecided?: () => void }) {
  const { t, fmt } = usePrefs();
  const label = useEnumLabel();
  if (records.length === 0)
    return (
      <Text c="dimmed" size="sm">
        {t('wipe.noRecords')}
      </Text>
    );
  return (
    <TableScroll label={t('wipe.title')}>
      <Table verticalSpacing="xs" data-testid="sanitization-records">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('drive.serial')}</Table.Th>
            <Table.Th>{t('wipe.method')}</Table.Th>
            <Table.Th>
              {t('wipe.tool')} · {t('wipe.evidence')}
            </Table.Th>
            <Table.Th>{t('wipe.verification')}</Table.Th>
            <Table.Th>{t('wipe.result')}</Table.Th>
            <Table.Th>{t('wipe.finishedAt')}</Table.Th>
            <Table.Th>{t('wipe.state')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {records.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>
                {/* A phone's or tablet's factory reset is of its built-in storage, not of a drive (docs/phones.md). */}
                {r.driveSerial === null ? t('phoneWipe.wholeDevice') : <Ltr mono>{r.driveSerial}</Ltr>}
              </Table.Td>
              <Table.Td>
                {label('wipeMethod', r.method)} · {label('technique', r.technique)}
                {r.passes !== null ? ` · ${t('wipe.passesN', { n: r.passes })}` : ''}
                {r.osVersion && (
                  <>
                    {' · '}
                    <Ltr>{r.osVersion}</Ltr>
                  </>
                )}
                {r.encryptionVerified === false && (
                  <Text size="xs" c="red.8">
                    {t('phoneWipe.notVerified')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Ltr>{r.tool}</Ltr>
                <Text size="xs" c="dimmed">
                  {label('wipeEvidence', r.evidence)} · {label('wipeSource', r.source)}
                  {r.evidenceSha256 ? (
                    <>
                      {' '}
                      · <Ltr mono>{r.evidenceSha256.slice(0, 12)}</Ltr>
                    </>
                  ) : null}
                </Text>
              </Table.Td>
              <Table.Td>{label('verification', r.verification)}</Table.Td>
              <Table.Td className="nm-nowrap">
                <Badge color={RESULT_COLORS[r.result] ?? 'gray'} variant="light" miw="max-content">
                  {label('wipeResult', r.result)}
                </Badge>
              </Table.Td>
              <Table.Td className="nm-nowrap">{fmt.dateTime(r.finishedAt ?? r.createdAt)}</Table.Td>
              <Table.Td>
                <RecordState record={r} onDecided={onDecided} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}

import { Button, Group, NumberInput, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { endpoints, keys } from '../../api/endpoints';
import type { DonorDetailDto } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Ltr } from '../../components/Ltr';
import { CopyLinkButton, WhatsAppShare } from '../../components/ShareLink';
import { TitledCard } from '../../components/TitledCard';
import { useT } from '../../prefs/PreferencesProvider';

/**
 * The donor's own page (managers): its secret link to send or copy, a new link when the old one leaked (the old
 * one then says it was replaced), and the yearly statement issued for a year (it then appears on the page, and the
 * donor is emailed its link).
 */
export function DonorPageCard({ donor }: { donor: DonorDetailDto & { pageUrl: string } }) {
  const t = useT();
  const client = useQueryClient();
  const [year, setYear] = useState<number>(new Date().getFullYear());
  const rotate = useMutation({
    mutationFn: () => endpoints.donors.rotatePageToken(donor.id),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.donors }),
  });
  const issue = useMutation({ mutationFn: (y: number) => endpoints.donors.issueStatement(donor.id, y) });
  return (
    <TitledCard title={t('donor.page')}>
      <Stack gap="sm">
        {(rotate.error ?? issue.error) && <ErrorAlert error={(rotate.error ?? issue.error)!} />}
        <Group gap="sm" wrap="wrap">
          <Text size="sm" style={{ overflowWrap: 'anywhere', minWidth: 0 }} data-testid="donor-page-url">
            <Ltr>{donor.pageUrl}</Ltr>
          </Text>
          <CopyLinkButton value={donor.pageUrl} testId="donor-page-copy" />
          <WhatsAppShare url={donor.pageUrl} message={t('share.donorPageMessage')} testId="donor-page-whatsapp" />
          <Button
            size="compact-sm"
            variant="subtle"
            color="red"
            loading={rotate.isPending}
            onClick={() => rotate.mutate()}>
            {t('donor.pageRotate')}
          </Button>
        </Group>
        <Group gap="sm" align="flex-end">
          <NumberInput
            label={t('donor.statementYear')}
            value={year}
            onChange={(v) => setYear(Number(v))}
            min={2000}
            max={new Date().getFullYear() + 1}
            w={140}
          />
          <Button variant="default" loading={issue.isPending} onClick={() => issue.mutate(year)}>
            {t('donor.statementIssue')}
          </Button>
          {issue.data && (
            <Text size="sm" role="status">
              {t('donor.statementIssued', { number: issue.data.number })}
            </Text>
          )}
        </Group>
      </Stack>
    </TitledCard>
  );
}

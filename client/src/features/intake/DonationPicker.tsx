import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { DonationDto } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useEnumLabel } from '../../components/Labels';
import { useT } from '../../prefs/PreferencesProvider';
import { isolateLtr, openDonations, OPEN_STATUSES } from '../donations/useDonationOptions';

/** A searchable choice of open donations, grouped by status; typing a code or a donor's name narrows it. */
export function DonationPicker({
  value,
  onChange,
}: {
  value: number | null;
  onChange: (d: DonationDto | null) => void;
}) {
  const t = useT();
  const label = useEnumLabel();
  const { data: open, isPending: loading, error } = useQuery(openDonations());
  const donations = useMemo(() => open?.items ?? [], [open]);
  const data = useMemo(
    () =>
      OPEN_STATUSES.map((status) => ({
        group: label('donationStatus', status),
        items: donations
          .filter((d) => d.status === status)
          .map((d) => ({
            value: String(d.id),
            label: `${isolateLtr(d.code)} · ${d.donorName}`,
          })),
      })).filter((g) => g.items.length > 0),
    [donations, label],
  );

  if (error) return <ErrorAlert error={error} />;
  return (
    <Select
      label={t('intake.donation')}
      placeholder={loading ? t('common.loading') : t('intake.donationPlaceholder')}
      data={data}
      value={value === null ? null : String(value)}
      onChange={(v) => onChange(donations.find((d) => String(d.id) === v) ?? null)}
      searchable
      clearable
      nothingFoundMessage={t('intake.noDonations')}
      disabled={loading}
      maxDropdownHeight={320}
      data-testid="donation-picker"
    />
  );
}

import { Checkbox, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { connectivity, SPONSORS_KEY } from '../../api/connectivity';
import type { ApiError } from '../../api/http';
import type { AssignedBundleDto, BundleAssignmentInput, BundleLotDto, SponsorDto } from '../../api/types';
import type { Translate } from '../../i18n';
import { isolate } from '../../i18n/isolate';
import { useT } from '../../prefs/PreferencesProvider';

/**
 * The SIM with a data bundle that may go with a device (spec §14): from a sponsor's stock, optionally from one lot
 * (else the sponsor's oldest lot still in stock), for the SIM whose ICCID or number is typed or scanned.
 */
// A type, not an interface: form values must be assignable to Record<string, unknown> (useServerForm).
export type BundleValues = {
  bundle: { given: boolean; sponsorId: string | null; lotId: string | null; iccid: string };
};
export const NO_BUNDLE: BundleValues = { bundle: { given: false, sponsorId: null, lotId: null, iccid: '' } };
/** The picker's fields: a server error on one of these shows next to it. */
export const BUNDLE_FIELDS = ['bundle', 'bundle.sponsorId', 'bundle.lotId', 'bundle.iccid'] as const;
export const BUNDLE_OUT_OF_STOCK = 'BUNDLE_OUT_OF_STOCK';
/** Hints under the inputs, so the inputs of the row stay aligned whether or not a field has a hint. */
const BELOW: ('label' | 'input' | 'description' | 'error')[] = ['label', 'input', 'description', 'error'];

/** Checked before a round trip, only when a bundle goes with the device. */
export function bundleRules(t: Translate) {
  const required = t('validation.any.required');
  return {
    sponsorId: (v: string | null, values: BundleValues) => (values.bundle.given && !v ? required : null),
    iccid: (v: string, values: BundleValues) => (values.bundle.given && !v.trim() ? required : null),
  };
}

/**
 * The handover body's part: nothing unless a bundle goes with the device. The ICCID goes as typed (a scanner on an
 * Arabic keyboard may type Arabic-Indic digits): the server reads it.
 */
export function bundleBody(v: BundleValues): { bundle?: BundleAssignmentInput } {
  const b = v.bundle;
  if (!b.given || !b.sponsorId) return {};
  return {
    bundle: {
      sponsorId: Number(b.sponsorId),
      ...(b.lotId ? { lotId: Number(b.lotId) } : {}),
      iccid: b.iccid.trim(),
    },
  };
}

/** The field a refusal for lack of stock is said on: the lot when one was picked, else the sponsor. */
export const outOfStockPath = (v: BundleValues): string => (v.bundle.lotId ? 'bundle.lotId' : 'bundle.sponsorId');

/**
 * For a handover form's onError: a 409 for lack of stock is said next to the picker (the form keeps what was typed),
 * and the sponsors' stock is read again so the picker shows what is left.
 */
export function useBundleRefusal() {
  const t = useT();
  const queryClient = useQueryClient();
  return (err: ApiError, values: BundleValues, setFieldError: (path: string, message: string) => void) => {
    if (err.code !== BUNDLE_OUT_OF_STOCK) return;
    setFieldError(outOfStockPath(values), t('bundle.outOfStock'));
    void queryClient.invalidateQueries({ queryKey: SPONSORS_KEY });
  };
}

/** "Zain · 10 GB · 30 days" */
export function useLotText() {
  const t = useT();
  return (l: Pick<BundleLotDto | AssignedBundleDto, 'operator' | 'dataGb' | 'validityDays'>) =>
    t('bundle.lot', { operator: isolate(l.operator), gb: l.dataGb, days: l.validityDays });
}

/** The lot a bundle is taken from when none is picked: the sponsor's oldest lot still in stock (as the server does). */
function oldestInStock(s: SponsorDto): BundleLotDto | undefined {
  return s.lots.filter((l) => l.remaining > 0).sort((a, b) => a.id - b.id)[0];
}

/**
 * "A SIM with a data bundle goes with the device": the sponsor (only those with stock, with what is left), the lot
 * if not the oldest, and the SIM's ICCID or number. A scanner's Enter after the ICCID does not send the form.
 */
export function BundlePicker<V extends BundleValues>({ form }: { form: UseFormReturnType<V> }) {
  const t = useT();
  const lotText = useLotText();
  const sponsors = useQuery(connectivity.sponsors.list());
  const b = form.values.bundle;
  // A role that may not read the stock (or a server without it) simply has no bundle to give.
  if (sponsors.error) return null;
  const inStock = (sponsors.data?.items ?? []).filter((s) => s.remaining > 0);
  const picked = sponsors.data?.items.find((s) => String(s.id) === b.sponsorId);
  const lots = picked ? picked.lots.filter((l) => l.remaining > 0 || String(l.id) === b.lotId) : [];
  const oldest = picked ? oldestInStock(picked) : undefined;
  const none = sponsors.data !== undefined && inStock.length === 0;
  const set = (path: string, value: unknown) => form.setFieldValue(path, value as never);

  return (
    <Stack gap="xs" data-testid="bundle-picker">
      <Checkbox
        name="bundle.given"
        label={t('bundle.given')}
        description={none ? t('bundle.noneInStock') : t('bundle.givenHint')}
        disabled={none && !b.given}
        {...form.getInputProps('bundle.given', { type: 'checkbox' })}
      />
      {b.given && (
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Select
            label={t('bundle.sponsor')}
            required
            name="bundle.sponsorId"
            placeholder={t('bundle.pickSponsor')}
            // The picked sponsor stays listed when its stock runs out meanwhile (a 409 says so next to it).
            data={[...inStock, ...(picked && picked.remaining <= 0 ? [picked] : [])].map((s) => ({
              value: String(s.id),
              label: `${s.name} — ${t('sponsors.remaining', { n: s.remaining })}`,
            }))}
            nothingFoundMessage={t('bundle.noneInStock')}
            {...form.getInputProps('bundle.sponsorId')}
            onChange={(v) => {
              set('bundle.sponsorId', v);
              set('bundle.lotId', null);
            }}
            description={oldest && !b.lotId ? t('bundle.fromOldest', { lot: lotText(oldest) }) : undefined}
            inputWrapperOrder={BELOW}
            data-testid="bundle-sponsor"
          />
          <Select
            label={t('bundle.lotLabel')}
            name="bundle.lotId"
            clearable
            disabled={!picked}
            placeholder={t('bundle.anyLot')}
            data={lots.map((l) => ({
              value: String(l.id),
              label: `${lotText(l)} — ${t('sponsors.remaining', { n: l.remaining })}`,
            }))}
            {...form.getInputProps('bundle.lotId')}
            data-testid="bundle-lot"
          />
          <TextInput
            label={t('bundle.iccid')}
            description={t('bundle.iccidHint')}
            required
            name="bundle.iccid"
            dir="ltr"
            inputMode="numeric"
            autoComplete="off"
            classNames={{ input: 'nm-mono' }}
            inputWrapperOrder={BELOW}
            {...form.getInputProps('bundle.iccid')}
            onKeyDown={(e) => {
              if (e.key === 'Enter') e.preventDefault();
            }}
          />
        </SimpleGrid>
      )}
      {sponsors.isPending && (
        <Text size="xs" c="dimmed">
          {t('common.loading')}
        </Text>
      )}
    </Stack>
  );
}

/**
 * The bundle that went with a device, on the handover's outcome: "Zain · 10 GB · 30 days, from the sponsor; SIM ending
 * in 1234" (the last digits only for those who may read who received it).
 */
export function BundleGiven({ bundle }: { bundle: AssignedBundleDto }) {
  const t = useT();
  const lotText = useLotText();
  return (
    <Text size="sm" data-testid="handover-bundle">
      {t('bundle.givenWith', { lot: lotText(bundle), sponsor: isolate(bundle.sponsorName) })}
      {bundle.iccidLast4 && (
        <>
          {t('common.listSep')}
          {t('bundle.simEnding')}{' '}
          <bdi dir="ltr" className="nm-mono">
            {bundle.iccidLast4}
          </bdi>
        </>
      )}
    </Text>
  );
}

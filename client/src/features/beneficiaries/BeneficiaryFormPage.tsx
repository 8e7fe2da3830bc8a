import { Button, Group, Paper, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api } from '../../api/http';
import type { BeneficiaryDto, BeneficiaryInput, BeneficiaryKind, Need, Purpose } from '../../api/types';
import { BENEFICIARY_KINDS, NEEDS, PURPOSES } from '../../api/types';
import { useQuery } from '@tanstack/react-query';
import { endpoints } from '../../api/endpoints';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FullPageLoader } from '../../components/FullPageLoader';
import { NumberField, parseNumber } from '../../components/NumberField';
import { PageHeader } from '../../components/PageHeader';
import { useEnumOptions } from '../../components/useEnumOptions';
import { useFieldErrors } from '../../components/useFieldErrors';
import { toLatinDigits } from '../../i18n/format';
import { useT } from '../../prefs/PreferencesProvider';
import { usePartners } from './usePartners';

interface Form {
  kind: BeneficiaryKind; name: string; nationalId: string; phone: string; city: string; region: string;
  householdSize: string; monthlyIncome: string; schoolChildren: string; need: Need; purpose: Purpose; partnerId: string | null;
}
const EMPTY: Form = {
  kind: 'family', name: '', nationalId: '', phone: '', city: '', region: '', householdSize: '', monthlyIncome: '', schoolChildren: '0',
  need: 'laptop', purpose: 'general', partnerId: null,
};
const KNOWN = Object.keys(EMPTY);
/** Hints under the input, so the inputs of a row stay aligned whether or not a field has a hint. */
const BELOW: ('label' | 'input' | 'description' | 'error')[] = ['label', 'input', 'description', 'error'];

function fromDto(b: BeneficiaryDto): Form {
  return {
    kind: b.kind, name: b.name, nationalId: '', phone: b.phone, city: b.city ?? '', region: b.region ?? '',
    householdSize: String(b.householdSize), monthlyIncome: String(b.monthlyIncome), schoolChildren: String(b.schoolChildren),
    need: b.need, purpose: b.purpose, partnerId: b.partnerId === null ? null : String(b.partnerId),
  };
}

/**
 * The national ID is write-only: it is never sent back, so when editing the field starts empty (the masked form is its
 * hint) and is sent only if the manager types a new one. An empty number is left out, so the server names it as missing.
 */
function toInput(f: Form, editing: boolean): BeneficiaryInput {
  const out: BeneficiaryInput = {
    kind: f.kind, name: f.name.trim(), phone: toLatinDigits(f.phone.trim()), need: f.need, purpose: f.purpose,
    householdSize: parseNumber(f.householdSize), monthlyIncome: parseNumber(f.monthlyIncome), schoolChildren: parseNumber(f.schoolChildren) ?? 0,
  };
  if (f.nationalId.trim()) out.nationalId = toLatinDigits(f.nationalId.trim());
  if (f.city.trim()) out.city = f.city.trim();
  if (f.region.trim()) out.region = f.region.trim();
  if (f.partnerId) out.partnerId = Number(f.partnerId);
  else if (editing) out.partnerId = null;
  return out;
}

export default function BeneficiaryFormPage() {
  const t = useT();
  const options = useEnumOptions();
  const navigate = useNavigate();
  const { id } = useParams();
  const editing = id !== undefined;
  const existing = useQuery({ ...endpoints.beneficiaries.get(Number(id) || 0), enabled: editing });
  const partners = usePartners();
  const errors = useFieldErrors();
  const [form, setForm] = useState<Form>(EMPTY);
  const [busy, setBusy] = useState(false);
  useEffect(() => { if (existing.data) setForm(fromDto(existing.data)); }, [existing.data]);

  if (editing && existing.error) return <ErrorAlert error={existing.error} onRetry={() => void existing.refetch()} />;
  if (editing && !existing.data) return <FullPageLoader />;

  const set = <K extends keyof Form>(k: K) => (v: Form[K]) => setForm((f) => ({ ...f, [k]: v }));
  const f = errors.field;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    errors.clear();
    try {
      const saved = await api<BeneficiaryDto>(editing ? `/api/beneficiaries/${id}` : '/api/beneficiaries', {
        method: editing ? 'PATCH' : 'POST', body: toInput(form, editing),
      });
      navigate(`/beneficiaries/${saved.id}`);
    } catch (err) {
      errors.setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader title={editing ? t('beneficiaries.edit') : t('beneficiaries.new')} />
      <Paper withBorder p="md" maw={900}>
        <form onSubmit={onSubmit} noValidate data-testid="beneficiary-form">
          <Stack>
            {errors.error !== null && <ErrorAlert error={errors.error} unshown={errors.unshown(KNOWN)} />}
            <div>
              <Text size="sm" fw={500} mb={4} id="beneficiary-kind">{t('beneficiary.kind')}</Text>
              <SegmentedControl aria-labelledby="beneficiary-kind" value={form.kind} onChange={(v) => set('kind')(v as BeneficiaryKind)}
                data={options('beneficiaryKind', BENEFICIARY_KINDS)} />
            </div>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput label={t('beneficiary.name')} required name="name" dir="auto" value={form.name} onChange={(e) => set('name')(e.currentTarget.value)} error={f('name')} />
              <TextInput label={t('beneficiary.nationalId')} required={!editing} name="nationalId" dir="ltr" inputMode="numeric" autoComplete="off"
                value={form.nationalId} onChange={(e) => set('nationalId')(e.currentTarget.value)} error={f('nationalId')} classNames={{ input: 'nm-mono' }}
                placeholder={editing ? existing.data?.nationalIdMasked : undefined}
                description={editing ? t('beneficiary.nationalIdKeep') : t('beneficiary.nationalIdHint')} inputWrapperOrder={BELOW} />
              <TextInput label={t('beneficiary.phone')} required name="phone" type="tel" dir="ltr" inputMode="tel" placeholder="05XXXXXXXX"
                value={form.phone} onChange={(e) => set('phone')(e.currentTarget.value)} error={f('phone')} />
              <Select label={t('beneficiary.partner')} clearable data={partners.options} value={form.partnerId} onChange={set('partnerId')}
                error={f('partnerId')} placeholder={t('beneficiary.noPartner')} />
              <TextInput label={t('beneficiary.city')} name="city" dir="auto" value={form.city} onChange={(e) => set('city')(e.currentTarget.value)} error={f('city')} />
              <TextInput label={t('beneficiary.region')} name="region" dir="auto" value={form.region} onChange={(e) => set('region')(e.currentTarget.value)} error={f('region')} />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
              <NumberField label={t('beneficiary.household')} required name="householdSize" value={form.householdSize} onChange={set('householdSize')} error={f('householdSize')} />
              <NumberField label={t('beneficiary.income')} required name="monthlyIncome" decimal value={form.monthlyIncome} onChange={set('monthlyIncome')}
                error={f('monthlyIncome')} description={t('beneficiary.incomeHint')} inputWrapperOrder={BELOW} />
              <NumberField label={t('beneficiary.schoolChildren')} name="schoolChildren" value={form.schoolChildren} onChange={set('schoolChildren')} error={f('schoolChildren')} />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <Select label={t('beneficiary.need')} required data={options('need', NEEDS)} value={form.need} allowDeselect={false}
                onChange={(v) => set('need')((v ?? 'any') as Need)} error={f('need')} />
              <Select label={t('beneficiary.purpose')} data={options('purpose', PURPOSES)} value={form.purpose} allowDeselect={false}
                onChange={(v) => set('purpose')((v ?? 'general') as Purpose)} error={f('purpose')} />
            </SimpleGrid>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => navigate(-1)}>{t('action.cancel')}</Button>
              <Button type="submit" loading={busy}>{t('action.save')}</Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </>
  );
}

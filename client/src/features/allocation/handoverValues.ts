// What every handover form sends (one device, a batch, a partner's onward handover: spec §13): who received it,
// when, their signature and the accessories; for one device, optionally a SIM with a data bundle (spec §14). One
// home for the values, the checks made before the round trip, and the body.
import type { HandoverInput } from '../../api/types';
import type { Translate } from '../../i18n';
import { accessoriesBody, accessoriesNoteError, NO_ACCESSORIES, type AccessoriesValues } from './AccessoriesChecklist';
import { BUNDLE_FIELDS, bundleBody, bundleRules, NO_BUNDLE, type BundleValues } from './BundlePicker';

// A type, not an interface: form values must be assignable to Record<string, unknown> (useServerForm).
export type HandoverValues = AccessoriesValues &
  BundleValues & {
    receivedBy: string;
    /** datetime-local, the user's wall time. */
    handedOverAt: string;
    /** A data URL from the signature pad, '' until drawn. */
    signature: string;
    /** An admin's reason to hand over before the programme's training is completed ('' = none). */
    trainingOverrideReason: string;
  };

/** Local wall time for a datetime-local input, minutes precision. */
export function nowLocal(): string {
  const d = new Date();
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 16);
}

export const handoverInitial = (receivedBy: string): HandoverValues => ({
  receivedBy,
  handedOverAt: nowLocal(),
  signature: '',
  trainingOverrideReason: '',
  ...NO_ACCESSORIES,
  ...NO_BUNDLE,
});

/** Every field of a handover form: a server error naming another path is listed in the form's alert. */
export const HANDOVER_FIELDS: readonly string[] = [
  'receivedBy',
  'handedOverAt',
  'signature',
  'accessories',
  'accessoriesNote',
  'trainingOverrideReason',
  ...BUNDLE_FIELDS,
];

/** The server would refuse these too; saying so here spares a round trip while the family is waiting. */
export function handoverRules(t: Translate) {
  return {
    signature: (s: string) => (s ? null : t('handover.signatureMissing')),
    accessoriesNote: (_note: string, values: AccessoriesValues) =>
      accessoriesNoteError(values, t('accessories.noteMissing')),
    bundle: bundleRules(t),
  };
}

/** The body; the bundle goes only when the form offered it and it was ticked (never from a batch's form). */
export function handoverBody(v: HandoverValues): HandoverInput {
  const at = new Date(v.handedOverAt);
  return {
    receivedBy: v.receivedBy.trim(),
    signature: v.signature,
    ...accessoriesBody(v),
    ...bundleBody(v),
    ...(v.trainingOverrideReason.trim() && { trainingOverrideReason: v.trainingOverrideReason.trim() }),
    ...(Number.isNaN(at.getTime()) ? {} : { handedOverAt: at.toISOString() }),
  };
}

// What every handover form sends (one device, a batch, a partner's onward handover: spec §13): who received it,
// when, their signature and the accessories. One home for the values, the checks made before the round trip, and
// the body.
import type { HandoverInput } from '../../api/types';
import type { Translate } from '../../i18n';
import { accessoriesBody, accessoriesNoteError, NO_ACCESSORIES, type AccessoriesValues } from './AccessoriesChecklist';

// A type, not an interface: form values must be assignable to Record<string, unknown> (useServerForm).
export type HandoverValues = AccessoriesValues & {
  receivedBy: string;
  /** datetime-local, the user's wall time. */
  handedOverAt: string;
  /** A data URL from the signature pad, '' until drawn. */
  signature: string;
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
  ...NO_ACCESSORIES,
});

/** The server would refuse these too; saying so here spares a round trip while the family is waiting. */
export function handoverRules(t: Translate) {
  return {
    signature: (s: string) => (s ? null : t('handover.signatureMissing')),
    accessoriesNote: (_note: string, values: AccessoriesValues) =>
      accessoriesNoteError(values, t('accessories.noteMissing')),
  };
}

export function handoverBody(v: HandoverValues): HandoverInput {
  const at = new Date(v.handedOverAt);
  return {
    receivedBy: v.receivedBy.trim(),
    signature: v.signature,
    ...accessoriesBody(v),
    ...(Number.isNaN(at.getTime()) ? {} : { handedOverAt: at.toISOString() }),
  };
}

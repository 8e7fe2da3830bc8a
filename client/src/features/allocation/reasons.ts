// The server explains each suggested pair in English sentences (server/modules/allocations/allocations.suggestions.ts).
// Their three shapes are told again in the user's language with the client's own labels; any other sentence is shown
// as the server wrote it, so a new reason is never hidden.
import { hasKey, type MessageKey, type Vars } from '../../i18n';

type T = (key: MessageKey, vars?: Vars) => string;
type Label = (group: string, value: string) => string;

export function localizeReason(reason: string, t: T, label: Label, day: (ymd: string) => string): string {
  let m = reason.match(/^priority score ([\d.]+) \(mostly (.+)\)$/);
  if (m) {
    const factors = m[2] === 'waiting time' ? ['daysWaiting'] : m[2].split(' and ');
    const names = factors.map((f) => {
      const key = `priority.${f}`;
      return hasKey(key) ? t(key) : f;
    });
    return t('reason.score', { score: Number(m[1]), factors: names.join(t('reason.and')) });
  }
  m = reason.match(/^needs (\w+): (\w+) fits$/);
  if (m) return t('reason.fits', { need: label('need', m[1]), type: label('deviceType', m[2]) });
  m = reason.match(/^grade (\w+), ready since (\d{4}-\d{2}-\d{2})$/);
  if (m) return t('reason.grade', { grade: m[1] === 'ungraded' ? t('reason.ungraded') : m[1], date: day(m[2]) });
  return reason;
}

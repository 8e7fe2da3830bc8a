// The sentences of the donor receipt made from its figures (the messages themselves are in documents.messages.ts):
// the headline, the notes on how the figures were made. The in-kind statement follows domain-notes §4: it describes
// the items, states no value and says nothing was given in return.
import { config } from '../../config.js';
import { ltr } from '../../lib/pdf/index.js';
import type { Bilingual } from './documents.format.js';
import { ASSUMED_WEIGHT_KG, CO2E_SOURCE, CO2E_SOURCE_FR, type Impact } from './documents.donor-receipt-impact.js';
import { message, messages, numberIn, type MessageLanguage } from './documents.messages.js';

export const RECEIPT_STATEMENTS = {
  inKind: messages('inKind'),
} satisfies Record<string, Bilingual>;

/** Latin text (figures with their unit) keeps its order inside Arabic. */
const inLanguage = (language: MessageLanguage, text: string): string => (language === 'ar' ? ltr(text) : text);

/** The notes under the tiles: how each figure was made, data security and privacy. */
export function receiptNotes(impact: Impact): Array<Required<Bilingual>> {
  const w = ASSUMED_WEIGHT_KG;
  const f = config.co2eKg;
  return [
    messages('weightNote', (language) => {
      const kg = (n: number) => inLanguage(language, `${numberIn(language, n)} kg`);
      return {
        recorded: kg(impact.kg.recorded),
        assumed: kg(impact.kg.assumed),
        laptop: kg(w.laptop),
        desktop: kg(w.desktop),
        allInOne: kg(w.all_in_one),
        tablet: kg(w.tablet),
        phone: kg(w.phone),
        monitor: kg(w.monitor),
      };
    }),
    messages('co2eNote', (language) => ({
      laptop: inLanguage(language, `${numberIn(language, f.laptop)} kg CO2e`),
      desktop: inLanguage(language, numberIn(language, f.desktop)),
      other: inLanguage(language, numberIn(language, f.other)),
      source: language === 'fr' ? CO2E_SOURCE_FR : CO2E_SOURCE,
    })),
    messages('securityNote', (language) => ({ nist: inLanguage(language, 'NIST SP 800-88') })),
  ];
}

/**
 * The receipt's first words: "Your donation reached N families and M students" (a count that is 0 is left out);
 * before any handover, that the devices are being prepared for them.
 */
export function servedHeadline(impact: Pick<Impact, 'families' | 'students'>): Required<Bilingual> {
  const { families, students } = impact;
  if (!families && !students) return messages('beingPrepared');
  return messages('reached', (language) => {
    const parts = [
      families ? message('families', language, { n: families }) : '',
      students ? message('students', language, { n: students }) : '',
    ].filter(Boolean);
    return {
      whom: parts.length === 2 ? message('both', language, { first: parts[0], second: parts[1] }) : parts[0],
    };
  });
}

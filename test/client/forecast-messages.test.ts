// The forecast's messages on the dashboard's programme card (issue 16 point 5), formatted as the browser does:
// Arabic counts agree with their noun ("يلزم تسليم 12 جهازًا شهريًا"), English and French pluralise.
import { expect } from 'chai';
import { IntlMessageFormat } from 'intl-messageformat';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

// Loaded by URL like test/client/i18n.test.ts: the client's files are type-checked by the client's tsconfig.
type Dictionary = Record<string, string>;
const i18nDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../client/src/i18n');
const load = async (language: string) =>
  ((await import(pathToFileURL(path.join(i18nDir, `${language}.ts`)).href)) as Record<string, Dictionary>)[language];
let ar: Dictionary;
let en: Dictionary;
let fr: Dictionary;

const format = (locale: string, message: string, values: Record<string, string | number>) =>
  new IntlMessageFormat(message, locale, undefined, { ignoreTag: true }).format(values) as string;
const AR = 'ar-u-nu-latn';
const date = '31 ديسمبر 2027';

describe('forecast messages (ar, en, fr)', () => {
  before(async () => {
    [ar, en, fr] = await Promise.all(['ar', 'en', 'fr'].map(load));
    // Arabic as the dashboard has it: ar.ts plus the later screens' messages its chunk registers (ar.screens.ts).
    const later = (await import(pathToFileURL(path.join(i18nDir, 'ar.screens.ts')).href)) as { arScreens: Dictionary };
    ar = { ...ar, ...later.arScreens };
  });

  it('the pace needed by the end date reads naturally in Arabic for every plural form', () => {
    const needed = (n: number) => format(AR, ar['dash.forecastNeeded'], { n, date });
    expect(needed(12)).to.equal('يلزم تسليم 12 جهازًا شهريًا لبلوغ الهدف بحلول 31 ديسمبر 2027');
    expect(needed(1)).to.equal('يلزم تسليم جهاز واحد شهريًا لبلوغ الهدف بحلول 31 ديسمبر 2027');
    expect(needed(2)).to.equal('يلزم تسليم جهازين شهريًا لبلوغ الهدف بحلول 31 ديسمبر 2027');
    expect(needed(5)).to.equal('يلزم تسليم 5 أجهزة شهريًا لبلوغ الهدف بحلول 31 ديسمبر 2027');
    expect(needed(167)).to.equal('يلزم تسليم 167 جهازًا شهريًا لبلوغ الهدف بحلول 31 ديسمبر 2027');
    expect(needed(200)).to.equal('يلزم تسليم 200 جهاز شهريًا لبلوغ الهدف بحلول 31 ديسمبر 2027');
    expect(format('ar-u-nu-arab', ar['dash.forecastNeeded'], { n: 12, date })).to.contain('١٢ جهازًا');
    expect(format(AR, ar['dash.forecastNeededDays'], { n: 40, date, days: 12 })).to.equal(
      'يلزم تسليم 40 جهازًا بحلول 31 ديسمبر 2027، والباقي 12 يومًا',
    );
    expect(format(AR, ar['dash.forecastEnded'], { n: 3, date })).to.equal(
      'انقضى تاريخ النهاية (31 ديسمبر 2027) وما زال 3 مستفيدين بانتظار التسليم',
    );
  });

  it('not enough data, stalled, beyond the horizon and the rules read right in Arabic', () => {
    expect(format(AR, ar['dash.forecastNotEnough'], { n: 3, since: '1 نوفمبر 2026' })).to.equal(
      'لا تكفي البيانات بعد: 3 تسليمات منذ 1 نوفمبر 2026',
    );
    expect(format(AR, ar['dash.forecastNotEnough'], { n: 1, since: '1 نوفمبر 2026' })).to.contain('تسليم واحد');
    expect(format(AR, ar['dash.forecastStalled'], { weeks: 8 })).to.equal('لا موعد: لا تسليمات في آخر 8 أسابيع');
    expect(format(AR, ar['dash.forecastBeyond'], { years: 10 })).to.equal('أكثر من 10 سنوات بهذه الوتيرة');
    expect(format(AR, ar['dash.forecastHint'], { minHandovers: 10, minWeeks: 4, paceWeeks: 8, years: 10 })).to.equal(
      'لا يُعطى موعد قبل 10 تسليمات على مدى 4 أسابيع، ويفترض استمرار وتيرة آخر 8 أسابيع، ولا يُذكر إن تجاوز 10 سنوات.',
    );
  });

  it('English and French say the same', () => {
    expect(format('en-GB', en['dash.forecastNeeded'], { n: 1, date: '31 Dec 2027' })).to.equal(
      'Needs 1 handover a month to finish by 31 Dec 2027',
    );
    expect(format('en-GB', en['dash.forecastNeeded'], { n: 12, date: '31 Dec 2027' })).to.equal(
      'Needs 12 handovers a month to finish by 31 Dec 2027',
    );
    expect(format('en-GB', en['dash.forecastNotEnough'], { n: 3, since: '1 Nov 2026' })).to.equal(
      'Not enough data yet: 3 handovers since 1 Nov 2026',
    );
    expect(
      format('en-GB', en['dash.forecastHint'], { minHandovers: 10, minWeeks: 4, paceWeeks: 8, years: 10 }),
    ).to.equal(
      'A date needs at least 10 handovers over 4 weeks; it assumes the pace of the last 8 weeks goes on, and is not given beyond 10 years.',
    );
    expect(format('fr-FR', fr['dash.forecastNeeded'], { n: 12, date: '31 déc. 2027' })).to.equal(
      'Il faut 12 remises par mois pour finir d’ici le 31 déc. 2027',
    );
    expect(format('fr-FR', fr['dash.forecastEnded'], { n: 1, date: '31 déc. 2027' })).to.equal(
      'La date de fin (31 déc. 2027) est passée et 1 bénéficiaire attend encore',
    );
  });
});

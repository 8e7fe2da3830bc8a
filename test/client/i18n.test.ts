// The client's messages (client/src/i18n/{ar,en,fr}.ts) are ICU MessageFormat, formatted in the browser by react-intl.
// This checks them without a browser: every message parses, every language has the same keys with the same
// arguments (and the same numeric ones), Arabic counts use all six CLDR plural forms, and the examples of issue 15
// read right when formatted with Arabic plural rules.
import { expect } from 'chai';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

type Dictionary = Record<string, string>;
const LANGUAGES = ['ar', 'en', 'fr'] as const;
type Language = (typeof LANGUAGES)[number];
const AR_FORMS = ['zero', 'one', 'two', 'few', 'many', 'other'];

// Loaded by URL: the client's files are built by Vite with the client's tsconfig, not type-checked by the server's.
const i18nDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../client/src/i18n');
async function load(language: Language): Promise<Dictionary> {
  const mod = (await import(pathToFileURL(path.join(i18nDir, `${language}.ts`)).href)) as Record<string, Dictionary>;
  if (language !== 'ar') return mod[language];
  // Arabic comes in two files: the first screen's messages, and those the later screens register when they load.
  const screens = (await import(pathToFileURL(path.join(i18nDir, 'ar.screens.ts')).href)) as Record<string, Dictionary>;
  const overlap = Object.keys(screens.arScreens).filter((key) => key in mod.ar);
  expect(overlap, 'keys in both ar.ts and ar.screens.ts').to.deep.equal([]);
  return { ...mod.ar, ...screens.arScreens };
}

interface Args {
  all: Set<string>;
  numeric: Set<string>;
  plurals: { name: string; forms: string[] }[];
}

function collect(
  elements: MessageFormatElement[],
  args: Args = { all: new Set(), numeric: new Set(), plurals: [] },
): Args {
  for (const el of elements) {
    if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
    if (el.type === TYPE.tag) {
      collect(el.children, args);
      continue;
    }
    args.all.add(el.value);
    if (el.type === TYPE.number || el.type === TYPE.plural) args.numeric.add(el.value);
    if (el.type === TYPE.plural) args.plurals.push({ name: el.value, forms: Object.keys(el.options) });
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      for (const option of Object.values(el.options)) collect(option.value, args);
    }
  }
  return args;
}

const sorted = (s: Set<string>) => [...s].sort();

describe('client messages (ICU)', function () {
  const dict = {} as Record<Language, Dictionary>;
  before(async function () {
    for (const l of LANGUAGES) dict[l] = await load(l);
  });

  const format = (language: string, message: string, values?: Record<string, string | number>) =>
    new IntlMessageFormat(message, language, undefined, { ignoreTag: true }).format(values) as string;

  it('every language has the same keys, every message parses, with the same (numeric) arguments as Arabic', function () {
    const keys = Object.keys(dict.ar).sort();
    expect(keys.length).to.be.greaterThan(600);
    const problems: string[] = [];
    for (const l of ['en', 'fr'] as const) {
      expect(Object.keys(dict[l]).sort(), `${l} keys`).to.deep.equal(keys);
    }
    for (const key of keys) {
      const parsed = {} as Record<Language, Args>;
      for (const l of LANGUAGES) {
        try {
          parsed[l] = collect(parse(dict[l][key], { ignoreTag: true, requiresOtherClause: true }));
        } catch (err) {
          problems.push(`${l} ${key}: ${(err as Error).message}`);
        }
      }
      if (!parsed.ar) continue;
      for (const l of ['en', 'fr'] as const) {
        if (!parsed[l]) continue;
        if (sorted(parsed[l].all).join() !== sorted(parsed.ar.all).join())
          problems.push(`${l} ${key}: arguments ${sorted(parsed[l].all).join()} vs ar ${sorted(parsed.ar.all).join()}`);
        if (sorted(parsed[l].numeric).join() !== sorted(parsed.ar.numeric).join())
          problems.push(
            `${l} ${key}: numeric arguments ${sorted(parsed[l].numeric).join()} vs ar ${sorted(parsed.ar.numeric).join()}`,
          );
      }
    }
    expect(problems).to.deep.equal([]);
  });

  it('a message without arguments reads exactly as written (no stray ICU quoting or braces)', function () {
    const problems: string[] = [];
    for (const l of LANGUAGES) {
      for (const [key, message] of Object.entries(dict[l])) {
        if (collect(parse(message, { ignoreTag: true })).all.size) continue;
        const out = format(l, message);
        if (out !== message) problems.push(`${l} ${key}: ${JSON.stringify(out)}`);
      }
    }
    expect(problems).to.deep.equal([]);
  });

  it('Arabic counts use all six CLDR plural forms; English and French use one and other', function () {
    const problems: string[] = [];
    for (const l of LANGUAGES) {
      for (const [key, message] of Object.entries(dict[l])) {
        for (const p of collect(parse(message, { ignoreTag: true })).plurals) {
          const want = l === 'ar' ? AR_FORMS : ['one', 'other'];
          if (p.forms.slice().sort().join() !== want.slice().sort().join())
            problems.push(`${l} ${key} {${p.name}}: ${p.forms.join()}`);
        }
      }
    }
    expect(problems).to.deep.equal([]);
    // Counts exist to be pluralised: the plain `{n}` that used to glue a number to a noun is gone.
    expect(
      Object.values(dict.ar).filter((m) => collect(parse(m, { ignoreTag: true })).plurals.length).length,
    ).to.be.at.least(10);
  });

  it('the issue-15 examples read right in Arabic, with Latin or Arabic-Indic digits', function () {
    expect(format('ar-u-nu-latn', dict.ar['wipe.passesN'], { n: 4 })).to.equal('4 مرات');
    expect(format('ar-u-nu-latn', dict.ar['wipe.passesN'], { n: 1 })).to.equal('مرة واحدة');
    expect(format('ar-u-nu-latn', dict.ar['wipe.passesN'], { n: 2 })).to.equal('مرتان');
    expect(format('ar-u-nu-latn', dict.ar['wipe.passesN'], { n: 11 })).to.equal('11 مرة');
    expect(format('ar-u-nu-arab', dict.ar['wipe.passesN'], { n: 4 })).to.equal('٤ مرات');
    expect(format('ar-u-nu-latn', dict.ar['wipe.logRecorded'], { n: 2, passed: 2 })).to.contain('سجلّان');
    expect(format('ar-u-nu-latn', dict.ar['hw.erasures'], { n: 2 })).to.contain('سجلّان');
    expect(format('ar-u-nu-latn', dict.ar['hw.erasures'], { n: 5 })).to.contain('5 سجلات');
    expect(format('ar-u-nu-latn', dict.ar['user.passwordHint'], { n: 100 })).to.equal('100 حرف على الأقل');
    expect(format('ar-u-nu-latn', dict.ar['user.passwordHint'], { n: 8 })).to.equal('8 أحرف على الأقل');
    expect(format('ar-u-nu-latn', dict.ar['user.passwordHint'], { n: 12 })).to.equal('12 حرفًا على الأقل');
    expect(format('ar-u-nu-latn', dict.ar['batch.ready'], { total: 1 })).to.equal('جاهز: شهادة واحدة');
    expect(format('ar-u-nu-latn', dict.ar['import.done'], { n: 2 })).to.equal('استُورد جهازان.');
    expect(format('ar-u-nu-latn', dict.ar['dash.servedOf'], { served: 1, target: 2000 })).to.equal(
      'استلم 1 من أصل 2,000 مستفيد',
    );
    expect(format('ar-u-nu-arab', dict.ar['list.range'], { from: 1, to: 25, total: 1200 })).to.equal('١–٢٥ من ١٬٢٠٠');
  });

  it('server validation types: ICU messages with exactly the context arguments translateFieldError passes', async function () {
    const mod = (await import(pathToFileURL(path.join(i18nDir, 'serverMessages.ts')).href)) as {
      VALIDATION_ARGS: Record<string, readonly string[]>;
      translateFieldError: (
        e: { path: string; message: string; type?: string; context?: Record<string, unknown> },
        t: (key: string, vars?: Record<string, string | number>) => string,
        code?: string,
      ) => string;
    };
    const problems: string[] = [];
    const keys = Object.keys(dict.ar).filter((k) => k.startsWith('validation.') && !k.startsWith('validation.code.'));
    expect(keys.length).to.be.greaterThan(40);
    for (const key of keys) {
      const type = key.slice('validation.'.length);
      const args = sorted(collect(parse(dict.ar[key], { ignoreTag: true })).all);
      const want = [...(mod.VALIDATION_ARGS[type] ?? [])].sort();
      if (args.join() !== want.join()) problems.push(`${key}: ${args.join()} vs VALIDATION_ARGS ${want.join()}`);
    }
    expect(problems).to.deep.equal([]);
    const t = (language: string, locale: string) => (key: string, vars?: Record<string, string | number>) =>
      format(locale, dict[language as Language][key], vars);
    const ar = t('ar', 'ar-u-nu-latn');
    expect(
      mod.translateFieldError(
        { path: 'notes', message: 'notes length must be ...', type: 'string.max', context: { limit: 100 } },
        ar,
      ),
    ).to.equal('يجب ألا يزيد على 100 حرف');
    expect(
      mod.translateFieldError({ path: 'name', message: 'x', type: 'string.min', context: { limit: 2 } }, ar),
    ).to.equal('يجب ألا يقل عن حرفين');
    expect(mod.translateFieldError({ path: 'nationalId', message: 'x', type: 'nationalId.SA' }, ar)).to.contain(
      'رقم هوية أو إقامة غير صالح',
    );
    expect(
      mod.translateFieldError({ path: 'handedOverAt', message: 'x', type: 'date.max', context: { limit: 'now' } }, ar),
    ).to.equal('لا يمكن أن يكون في المستقبل');
    expect(mod.translateFieldError({ path: 'siteId', message: 'does not exist' }, ar, 'REFERENCE_NOT_FOUND')).to.equal(
      'غير موجود',
    );
    // Unknown type, or a limit that did not come: the server's own words.
    expect(mod.translateFieldError({ path: 'x', message: 'x is odd', type: 'some.future' }, ar)).to.equal('x is odd');
    expect(mod.translateFieldError({ path: 'x', message: 'x is too long', type: 'string.max' }, ar)).to.equal(
      'x is too long',
    );
    expect(
      mod.translateFieldError(
        { path: 'notes', message: 'x', type: 'string.max', context: { limit: 1 } },
        t('en', 'en-GB'),
      ),
    ).to.equal('At most 1 character');
  });

  it('English and French plurals', function () {
    expect(format('en-GB', dict.en['import.done'], { n: 1 })).to.equal('1 device imported.');
    expect(format('en-GB', dict.en['import.done'], { n: 2 })).to.equal('2 devices imported.');
    expect(format('en-GB', dict.en['wipe.passesN'], { n: 1 })).to.equal('1 pass');
    expect(format('fr-FR', dict.fr['user.passwordHint'], { n: 8 })).to.equal('Au moins 8 caractères');
    expect(format('fr-FR', dict.fr['user.passwordHint'], { n: 1 })).to.equal('Au moins 1 caractère');
  });

  // Issue 20: the glossary (docs/glossary.md) in the UI's words. «مسح» is scanning only; wiping is «محو البيانات».
  it('the glossary holds: no banned usage in Arabic, English or French', function () {
    const banned: Record<Language, [RegExp, string][]> = {
      ar: [
        [/مسح\s*(ال)?بيانات/, 'wiping is «محو البيانات», «مسح» is scanning'],
        [/سجلّ?ا?ت?\s+(ال)?مسح|أداة المسح|إتمام المسح|إثبات (ال)?مسح|مُسحت|يُمسح|تُمسح بيانات/, 'a wipe is «محو»'],
        [/^مسح$|مسح التصفية/, 'clearing is «إزالة» (a signature: «إعادة التوقيع»)'],
        [/رقم الطلب/, 'beside a request id: «مرجع للدعم»; an application: «مرجع الطلب»'],
        [/فك القطع|فُكّت قطع/, 'harvested is «مُفكَّك», harvesting «تفكيك»'],
        [/رسكلة/, 'recycled is «أُعيد تدويره», recycling «إعادة التدوير»'],
        [/قائمة انتظار الاستلام/, 'the intake queue is «قائمة الاستلام»; «قائمة الانتظار» is the beneficiaries’'],
      ],
      en: [
        [/sanitization|sanitized|request id/i, 'English says wipe record, data wipe, support reference'],
        [/harvest parts|parts harvested/i, 'harvested for parts'],
      ],
      fr: [
        [/identifiant de la requête|désinfection|assainissement/i, 'effacement des données, référence pour le support'],
      ],
    };
    const problems: string[] = [];
    for (const l of LANGUAGES) {
      for (const [key, message] of Object.entries(dict[l])) {
        for (const [re, why] of banned[l]) if (re.test(message)) problems.push(`${l} ${key}: ${message} (${why})`);
      }
    }
    expect(problems).to.deep.equal([]);
    // The words the glossary fixes, where they are shown.
    expect(dict.ar['deviceStatus.wipe']).to.equal('محو البيانات');
    expect(dict.ar['docs.sanitizationCertificate']).to.contain('شهادة محو البيانات');
    expect(dict.ar['error.requestId']).to.equal('مرجع للدعم');
    expect(dict.ar['signature.redo']).to.equal('إعادة التوقيع');
    expect(dict.ar['deviceStatus.harvested']).to.equal('مُفكَّك');
    expect(dict.ar['lifecycle.harvest']).to.equal(dict.ar['eventType.harvest']);
    expect(dict.ar['deviceStatus.recycled']).to.equal('أُعيد تدويره');
    for (const l of LANGUAGES) {
      expect(dict[l]['nav.intakeQueue'], `${l} intake queue vs waiting list`).not.to.equal(dict[l]['nav.waitlist']);
      expect(dict[l]['queue.title'], `${l} intake queue`).to.equal(dict[l]['nav.intakeQueue']);
      expect(dict[l]['waitlist.title'], `${l} waiting list`).to.equal(dict[l]['nav.waitlist']);
    }
    expect(dict.ar['nav.intakeQueue']).not.to.contain('انتظار');
  });

  it('the server’s SMS and e-mail wording follow the glossary too', async function () {
    const fs = await import('node:fs');
    const problems: string[] = [];
    for (const file of ['server/modules/sms/sms.render.ts', 'server/modules/email/email.wording.ts']) {
      const text = fs.readFileSync(path.resolve(i18nDir, '../../..', file), 'utf8');
      for (const re of [/مسح|نمسح|مُسحت/, /رقم الطلب/, /قائمة انتظار الاستلام/, /sanitiz/i])
        if (re.test(text)) problems.push(`${file}: ${String(re)}`);
    }
    expect(problems).to.deep.equal([]);
  });

  // Words that are the same in both languages: acronyms, brand and product names, and words French shares.
  const SAME_IN_FRENCH = new Set([
    'Nimah',
    'العربية',
    'English',
    'Français',
    'SMART',
    'IMEI',
    'SSD',
    'NVMe',
    'eMMC',
    'SMS',
    'URL',
    'Wi-Fi',
    'WhatsApp',
    'Webhook',
    'Webhooks',
    'Workbench',
    'ATA Secure Erase',
    'ATA Sanitize',
    'NVMe Sanitize',
    'NVMe Format (crypto)',
    'Purge',
    'Actions',
    'Association',
    'Code',
    'Date',
    'Description',
    'Documents',
    'Institution',
    'Institutions',
    'Justification',
    'Licence',
    'Mobile',
    'Organisation',
    'Page {page, number}',
    '{n, number} ms',
    'Passes',
    'Places',
    'Points',
    'Ports',
    'Programme',
    'Programmes',
    'Secret',
    'Site',
    'Sites',
    'Sponsor',
    'Suggestions',
    'Technique',
    'Total',
    'Type',
  ]);

  it('French is complete: no French message is its English one, but for a short list of shared words', function () {
    const english: string[] = [];
    for (const [key, message] of Object.entries(dict.fr)) {
      if (message !== dict.en[key] || SAME_IN_FRENCH.has(message)) continue;
      // Nothing but arguments, numbers and signs ("{n, number}", "{from} → {to}", ", ") has no language.
      const words = message.replace(/\{[^{}]*\}/g, '').replace(/[^\p{L}]/gu, '');
      if (words.length) english.push(`${key}: ${message}`);
    }
    expect(english).to.deep.equal([]);
  });

  it('an Arabic count lacking two, few or many fails, and one and two are said in words', function () {
    const problems: string[] = [];
    const walk = (elements: MessageFormatElement[], key: string) => {
      for (const el of elements) {
        if (el.type === TYPE.plural) {
          const missing = ['two', 'few', 'many'].filter((f) => !(f in el.options));
          if (missing.length) problems.push(`ar ${key} {${el.value}} lacks ${missing.join(', ')}`);
          // «جهاز واحد», «جهازان»: never «1 جهاز», «2 جهاز».
          for (const f of ['one', 'two'])
            if (el.options[f]?.value.some((x) => x.type === TYPE.pound))
              problems.push(`ar ${key} {${el.value}} ${f} has the digit`);
        }
        if (el.type === TYPE.plural || el.type === TYPE.select)
          for (const o of Object.values(el.options)) walk(o.value, key);
      }
    };
    for (const [key, message] of Object.entries(dict.ar)) walk(parse(message, { ignoreTag: true }), key);
    expect(problems).to.deep.equal([]);
    // And they read right: two, three to ten, eleven and more.
    expect(format('ar-u-nu-latn', dict.ar['wq.countLabel'], { n: 2 })).to.equal('جهازان');
    expect(format('ar-u-nu-latn', dict.ar['wq.countLabel'], { n: 3 })).to.equal('3 أجهزة');
    expect(format('ar-u-nu-latn', dict.ar['wq.countLabel'], { n: 11 })).to.equal('11 جهازًا');
    expect(format('ar-u-nu-latn', dict.ar['wq.countLabel'], { n: 100 })).to.equal('100 جهاز');
    expect(format('ar-u-nu-latn', dict.ar['dash.days'], { n: 0 })).to.equal('أقل من يوم');
  });

  it('hints and amounts follow the country (Saudi Arabia or Morocco)', function () {
    for (const l of LANGUAGES) {
      const ma = format(l, dict[l]['beneficiary.nationalIdHint'], { country: 'MA' });
      const sa = format(l, dict[l]['beneficiary.nationalIdHint'], { country: 'SA' });
      expect(ma, `${l} MA`).to.contain('CIN');
      expect(sa, `${l} SA`).to.match(/10/);
      expect(format(l, dict[l]['apply.who.income'], { amount: 800, country: 'MA' }), l).to.match(/درهم|dirhams/);
      expect(format(l, dict[l]['apply.who.income'], { amount: 800, country: 'SA' }), l).to.match(/ريال|riyals/);
    }
  });
});

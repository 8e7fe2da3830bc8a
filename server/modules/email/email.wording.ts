// The words of the donor emails and of the unsubscribe page, in Arabic (the reference), English and French.
// Templates name their values in braces ({code}); email.render.ts fills them, escaped for HTML and isolated for
// bidirectional text. Counts take their form from the language's plural rules (Intl.PluralRules, the CLDR rules ICU
// uses), with the same six Arabic forms as the web client's ICU messages: the Arabic device count below is the
// client's `wq.countLabel` (test/email/email.render.test.ts formats both and compares them).
import type { Language } from '../../shared/index.js';
import type { EmailPayload, EmailTopic } from './email.payload.js';

/** A count's wordings by plural category; `#` is the number. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** A template and the values it names. */
export type Line = readonly [template: string, vars?: Readonly<Record<string, string>>];

export interface ComposedEmail {
  subject: Line;
  paragraphs: Line[];
  /** The link the email is about, as a button (and a line in the text part). */
  action?: { intro?: Line; label: string; url: string };
}

/** Everything one language says; `compose` writes each topic from its payload. */
export interface Wording {
  dir: 'rtl' | 'ltr';
  /** Locale of numbers and plural rules: Latin digits in Arabic, as the charity's documents print them. */
  locale: string;
  /** What ends a label before its link in the text part (French sets a narrow no-break space before it). */
  colon: string;
  devices: PluralForms;
  greeting: string;
  closing: string;
  ifButtonFails: string;
  why: string;
  unsubscribe: string;
  licence: string;
  compose: Record<EmailTopic, (p: EmailPayload, count: string | null) => ComposedEmail>;
  page: {
    confirmTitle: string;
    confirmText: string;
    confirmButton: string;
    doneTitle: string;
    doneText: string;
  };
}

const ar: Wording = {
  dir: 'rtl',
  locale: 'ar-u-nu-latn',
  colon: ':',
  devices: {
    zero: 'لا أجهزة',
    one: 'جهاز واحد',
    two: 'جهازان',
    few: '# أجهزة',
    many: '# جهازًا',
    other: '# جهاز',
  },
  greeting: 'مرحبًا {name}،',
  closing: 'مع خالص الشكر والتقدير،',
  ifButtonFails: 'إن لم يعمل الزر، فانسخوا هذا الرابط إلى المتصفح:',
  why: 'وصلتكم هذه الرسالة بصفتكم متبرعين لدى {charity}.',
  unsubscribe: 'إيقاف هذه الرسائل',
  licence: 'ترخيص رقم {licence}',
  compose: {
    'donation.received': (p, count) => ({
      subject: ['استلمنا تبرعكم {code}، شكرًا لكم', { code: p.donationCode! }],
      paragraphs: [
        count
          ? [
              'استلمنا تبرعكم رقم {code}، وفيه {count}. شكرًا لكم على كرمكم وثقتكم بنا.',
              { code: p.donationCode!, count },
            ]
          : ['استلمنا تبرعكم رقم {code}. شكرًا لكم على كرمكم وثقتكم بنا.', { code: p.donationCode! }],
        [
          'سنفحص الأجهزة ونُصلح ما يحتاج منها إلى إصلاح، ونمحو ما عليها من بيانات محوًا آمنًا موثّقًا، ثم نسلّمها إلى أسر منتجة وطلاب يحتاجون إليها. وحين يكتمل استلام التبرع نرسل إليكم إيصاله.',
        ],
      ],
      action: p.donorPageUrl
        ? { intro: ['تجدون تبرعاتكم كلها وإيصالاتها في صفحتكم.'], label: 'صفحة تبرعاتكم', url: p.donorPageUrl }
        : undefined,
    }),
    'donation.closed': (p, count) => ({
      subject: ['إيصال تبرعكم {code}', { code: p.donationCode! }],
      paragraphs: [
        count
          ? ['أتممنا استلام تبرعكم رقم {code}، وفيه {count}، وأصدرنا إيصاله.', { code: p.donationCode!, count }]
          : ['أتممنا استلام تبرعكم رقم {code}، وأصدرنا إيصاله.', { code: p.donationCode! }],
        ['يبيّن الإيصال الأجهزة المستلمة وأثرها. والرابط خاص بكم، فلا تشاركوه إلا مع من تريدون.'],
      ],
      action: { label: 'عرض الإيصال', url: p.receiptUrl! },
    }),
    'statement.ready': (p, count) => ({
      subject: ['كشف تبرعاتكم لعام {year}', { year: String(p.year) }],
      paragraphs: [
        ['أعددنا كشف تبرعاتكم لعام {year}.', { year: String(p.year) }],
        ...(count ? [['ومجموع ما تبرعتم به في عام {year}: {count}.', { year: String(p.year), count }] as const] : []),
        [
          'يجمع الكشف أثر تبرعاتكم خلال العام: الأسر والطلاب الذين خدمتهم أجهزتكم في كل منطقة، ووسائط التخزين التي مُحيت بياناتها، ووزن ما أُبعد عن النفايات، والانبعاثات التي تجنّبناها.',
        ],
      ],
      action: { label: 'تنزيل الكشف', url: p.statementUrl! },
    }),
  },
  page: {
    confirmTitle: 'إيقاف رسائل البريد الإلكتروني',
    confirmText:
      'هل تريدون إيقاف رسائل {charity} إلى بريدكم؟ لن نرسل إليكم بعدها رسائل الشكر ولا الإيصالات ولا الكشوف السنوية، وتبقى إيصالات تبرعاتكم متاحة لدى الجمعية.',
    confirmButton: 'نعم، أوقفوا الرسائل',
    doneTitle: 'أوقفنا الرسائل',
    doneText: 'لن نرسل إليكم رسائل بالبريد الإلكتروني بعد الآن. وإن غيّرتم رأيكم فتواصلوا مع {charity}.',
  },
};

const en: Wording = {
  dir: 'ltr',
  locale: 'en-GB',
  colon: ':',
  devices: { one: '# device', other: '# devices' },
  greeting: 'Dear {name},',
  closing: 'With our thanks,',
  ifButtonFails: 'If the button does not work, copy this link into your browser:',
  why: 'You receive this email because you donated to {charity}.',
  unsubscribe: 'Stop these emails',
  licence: 'Licence No. {licence}',
  compose: {
    'donation.received': (p, count) => ({
      subject: ['Thank you: we have received your donation {code}', { code: p.donationCode! }],
      paragraphs: [
        count
          ? [
              'We have received your donation {code}, with {count}. Thank you for your generosity and your trust.',
              { code: p.donationCode!, count },
            ]
          : [
              'We have received your donation {code}. Thank you for your generosity and your trust.',
              { code: p.donationCode! },
            ],
        [
          'We will test the devices, repair those that need it and wipe every drive securely, with a record of each wipe, then hand them to low-income families and students who need them. Once the donation is complete, we will send you its receipt.',
        ],
      ],
      action: p.donorPageUrl
        ? {
            intro: ['All your donations and their receipts are on your page.'],
            label: 'Your donations',
            url: p.donorPageUrl,
          }
        : undefined,
    }),
    'donation.closed': (p, count) => ({
      subject: ['Receipt for your donation {code}', { code: p.donationCode! }],
      paragraphs: [
        count
          ? [
              'We have completed the intake of your donation {code} ({count}) and issued its receipt.',
              { code: p.donationCode!, count },
            ]
          : ['We have completed the intake of your donation {code} and issued its receipt.', { code: p.donationCode! }],
        [
          'The receipt lists the devices we received and their impact. The link is yours: share it only with whom you choose.',
        ],
      ],
      action: { label: 'View the receipt', url: p.receiptUrl! },
    }),
    'statement.ready': (p, count) => ({
      subject: ['Your {year} donation statement', { year: String(p.year) }],
      paragraphs: [
        ['Your donation statement for {year} is ready.', { year: String(p.year) }],
        ...(count ? [['In {year} you donated {count}.', { year: String(p.year), count }] as const] : []),
        [
          'It sums up the impact of your donations over the year: the families and students your devices served in each region, the drives wiped, the weight kept out of landfill and the emissions avoided.',
        ],
      ],
      action: { label: 'Download the statement', url: p.statementUrl! },
    }),
  },
  page: {
    confirmTitle: 'Stop emails',
    confirmText:
      'Do you want to stop emails from {charity}? We will no longer send you thanks, receipts or yearly statements by email; the receipts of your donations stay available from the charity.',
    confirmButton: 'Yes, stop the emails',
    doneTitle: 'Emails stopped',
    doneText: 'We will not email you any more. If you change your mind, contact {charity}.',
  },
};

const fr: Wording = {
  dir: 'ltr',
  locale: 'fr-FR',
  colon: '\u202f:',
  devices: { one: '# appareil', many: '# d’appareils', other: '# appareils' },
  greeting: 'Bonjour {name},',
  closing: 'Avec nos remerciements,',
  ifButtonFails: 'Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur :',
  why: 'Vous recevez ce message parce que vous avez fait un don à {charity}.',
  unsubscribe: 'Ne plus recevoir ces messages',
  licence: 'Agrément n° {licence}',
  compose: {
    'donation.received': (p, count) => ({
      subject: ['Merci : nous avons reçu votre don {code}', { code: p.donationCode! }],
      paragraphs: [
        count
          ? [
              'Nous avons bien reçu votre don {code}, qui compte {count}. Merci de votre générosité et de votre confiance.',
              { code: p.donationCode!, count },
            ]
          : [
              'Nous avons bien reçu votre don {code}. Merci de votre générosité et de votre confiance.',
              { code: p.donationCode! },
            ],
        [
          'Nous allons tester les appareils, réparer ceux qui en ont besoin et effacer chaque disque de façon sûre et attestée, puis les remettre à des familles à faibles revenus et à des élèves qui en ont besoin. Une fois le don complet, nous vous enverrons son reçu.',
        ],
      ],
      action: p.donorPageUrl
        ? {
            intro: ['Tous vos dons et leurs reçus se trouvent sur votre page.'],
            label: 'Vos dons',
            url: p.donorPageUrl,
          }
        : undefined,
    }),
    'donation.closed': (p, count) => ({
      subject: ['Reçu de votre don {code}', { code: p.donationCode! }],
      paragraphs: [
        count
          ? [
              'Nous avons terminé la réception de votre don {code} ({count}) et établi son reçu.',
              { code: p.donationCode!, count },
            ]
          : ['Nous avons terminé la réception de votre don {code} et établi son reçu.', { code: p.donationCode! }],
        [
          'Le reçu détaille les appareils reçus et leur impact. Ce lien vous est personnel : ne le partagez qu’avec qui vous le souhaitez.',
        ],
      ],
      action: { label: 'Voir le reçu', url: p.receiptUrl! },
    }),
    'statement.ready': (p, count) => ({
      subject: ['Votre relevé de dons {year}', { year: String(p.year) }],
      paragraphs: [
        ['Votre relevé de dons pour l’année {year} est prêt.', { year: String(p.year) }],
        ...(count ? [['En {year}, vous avez donné {count}.', { year: String(p.year), count }] as const] : []),
        [
          'Il résume l’impact de vos dons sur l’année : les familles et les élèves servis par vos appareils dans chaque région, les disques effacés, le poids détourné des déchets et les émissions évitées.',
        ],
      ],
      action: { label: 'Télécharger le relevé', url: p.statementUrl! },
    }),
  },
  page: {
    confirmTitle: 'Ne plus recevoir d’e-mails',
    confirmText:
      'Voulez-vous ne plus recevoir les e-mails de {charity} ? Nous ne vous enverrons plus de remerciements, de reçus ni de relevés annuels par e-mail ; les reçus de vos dons restent disponibles auprès de l’association.',
    confirmButton: 'Oui, ne plus m’écrire',
    doneTitle: 'E-mails arrêtés',
    doneText: 'Nous ne vous écrirons plus par e-mail. Si vous changez d’avis, contactez {charity}.',
  },
};

export const WORDING: Readonly<Record<Language, Wording>> = { ar, en, fr };

const pluralRules = new Map<string, Intl.PluralRules>();
const numberFormats = new Map<string, Intl.NumberFormat>();

export function formatNumber(language: Language, n: number): string {
  const { locale } = WORDING[language];
  let f = numberFormats.get(locale);
  if (!f) numberFormats.set(locale, (f = new Intl.NumberFormat(locale)));
  return f.format(n);
}

/** `n` in the form its language's plural rules choose (`#` replaced by the number). */
export function countOf(language: Language, n: number, forms: PluralForms): string {
  const { locale } = WORDING[language];
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  return (forms[rules.select(n)] ?? forms.other).replace('#', formatNumber(language, n));
}

/** "3 أجهزة", "1 device", "2 appareils"; null when there is no count to tell (none given, or 0). */
export function deviceCount(language: Language, n: number | undefined): string | null {
  return n ? countOf(language, n, WORDING[language].devices) : null;
}

// A count written out in words, as delivery notes and certificates state quantities (figures can be altered by
// hand, words much less easily): `120` → `مئة وعشرون` / `one hundred and twenty`. Pure; 0 to 999,999.
//
// The Arabic is the number on its own, in the form used after "عدد الأجهزة:" (the masculine count of جهاز: ثلاثة,
// أحد عشر, مئة وعشرون): naming the noun after it would need its case and number to agree with the last part of
// the number, which the label beside it makes unnecessary.
import type { Bilingual } from './documents.format.js';

const AR_ONES = ['', 'واحد', 'اثنان', 'ثلاثة', 'أربعة', 'خمسة', 'ستة', 'سبعة', 'ثمانية', 'تسعة'];
const AR_TENS = ['', 'عشرة', 'عشرون', 'ثلاثون', 'أربعون', 'خمسون', 'ستون', 'سبعون', 'ثمانون', 'تسعون'];
const AR_HUNDREDS = ['', 'مئة', 'مئتان', 'ثلاثمئة', 'أربعمئة', 'خمسمئة', 'ستمئة', 'سبعمئة', 'ثمانمئة', 'تسعمئة'];

/** 1…99 in Arabic: units before tens (`واحد وعشرون`), 11 and 12 as `أحد عشر`, `اثنا عشر`. */
function arabicBelow100(n: number): string {
  if (n < 10) return AR_ONES[n];
  if (n === 10) return AR_TENS[1];
  if (n === 11) return 'أحد عشر';
  if (n === 12) return 'اثنا عشر';
  if (n < 20) return `${AR_ONES[n - 10]} عشر`;
  const units = n % 10;
  const tens = AR_TENS[Math.floor(n / 10)];
  return units ? `${AR_ONES[units]} و${tens}` : tens;
}

/** 1…999 in Arabic, parts joined with و. */
function arabicBelow1000(n: number): string {
  const parts = [AR_HUNDREDS[Math.floor(n / 100)], n % 100 ? arabicBelow100(n % 100) : ''].filter(Boolean);
  return parts.join(' و');
}

/** ألف, ألفان, ثلاثة آلاف … عشرة آلاف, then أحد عشر ألفًا, مئة ألف. */
function arabicThousands(n: number): string {
  if (n === 1) return 'ألف';
  if (n === 2) return 'ألفان';
  if (n <= 10) return `${arabicBelow100(n)} آلاف`;
  const rest = n % 100;
  // 11–99 (and hundreds ending in them) count ألف in the accusative singular; the rest in the genitive singular.
  return `${arabicBelow1000(n)} ${rest >= 11 ? 'ألفًا' : 'ألف'}`;
}

export function arabicNumberWords(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 999_999) return String(n);
  if (n === 0) return 'صفر';
  const thousands = Math.floor(n / 1000);
  const parts = [thousands ? arabicThousands(thousands) : '', n % 1000 ? arabicBelow1000(n % 1000) : ''];
  return parts.filter(Boolean).join(' و');
}

const EN_ONES = [
  '',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

function englishBelow1000(n: number): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const restWords =
    rest < 20 ? EN_ONES[rest] : [EN_TENS[Math.floor(rest / 10)], EN_ONES[rest % 10]].filter(Boolean).join('-');
  if (!hundreds) return restWords;
  return rest ? `${EN_ONES[hundreds]} hundred and ${restWords}` : `${EN_ONES[hundreds]} hundred`;
}

export function englishNumberWords(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 999_999) return String(n);
  if (n === 0) return 'zero';
  const thousands = Math.floor(n / 1000);
  const rest = n % 1000;
  const head = thousands ? `${englishBelow1000(thousands)} thousand` : '';
  if (!rest) return head;
  // British usage: "one thousand and five", "one thousand, two hundred".
  if (!head) return englishBelow1000(rest);
  return rest < 100 ? `${head} and ${englishBelow1000(rest)}` : `${head}, ${englishBelow1000(rest)}`;
}

const FR_ONES = [
  '',
  'un',
  'deux',
  'trois',
  'quatre',
  'cinq',
  'six',
  'sept',
  'huit',
  'neuf',
  'dix',
  'onze',
  'douze',
  'treize',
  'quatorze',
  'quinze',
  'seize',
  'dix-sept',
  'dix-huit',
  'dix-neuf',
];
const FR_TENS = [
  '',
  '',
  'vingt',
  'trente',
  'quarante',
  'cinquante',
  'soixante',
  'soixante',
  'quatre-vingt',
  'quatre-vingt',
];

/** 1…99 in French: `vingt et un`, `soixante-douze`, `quatre-vingts`, `quatre-vingt-onze`. */
function frenchBelow100(n: number): string {
  if (n < 20) return FR_ONES[n];
  const ten = Math.floor(n / 10);
  // 70–79 and 90–99 count on from soixante and quatre-vingt with 10–19.
  const unit = ten === 7 || ten === 9 ? (n % 10) + 10 : n % 10;
  if (!unit) return ten === 8 ? 'quatre-vingts' : FR_TENS[ten];
  if ((unit === 1 || unit === 11) && ten < 8) return `${FR_TENS[ten]} et ${FR_ONES[unit]}`;
  return `${FR_TENS[ten]}-${FR_ONES[unit]}`;
}

/** 1…999 in French; `cents` takes its s only when nothing follows (`deux cents`, `deux cent trois`). */
function frenchBelow1000(n: number, last = true): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const head = !hundreds ? '' : hundreds === 1 ? 'cent' : `${FR_ONES[hundreds]} cent${!rest && last ? 's' : ''}`;
  return [head, rest ? frenchBelow100(rest) : ''].filter(Boolean).join(' ');
}

export function frenchNumberWords(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 999_999) return String(n);
  if (n === 0) return 'zéro';
  const thousands = Math.floor(n / 1000);
  const rest = n % 1000;
  // `mille` never takes an s, nor do cent and quatre-vingt before it (`deux cent mille`, `quatre-vingt mille`).
  const before = frenchBelow1000(thousands, false).replace(/quatre-vingts$/, 'quatre-vingt');
  const head = !thousands ? '' : thousands === 1 ? 'mille' : `${before} mille`;
  return [head, rest ? frenchBelow1000(rest) : ''].filter(Boolean).join(' ');
}

export function numberInWords(n: number): Bilingual {
  return { ar: arabicNumberWords(n), en: englishNumberWords(n), fr: frenchNumberWords(n) };
}

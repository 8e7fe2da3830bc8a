// What the date field reads and shows (issue 20 point 3): typed day first, Arabic-Indic digits accepted, ISO on the
// wire; the Hijri (Umm al-Qura) line; Morocco's Arabic month names for a charity in Morocco.
import { expect } from 'chai';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

// Loaded by URL like test/client/i18n.test.ts: the client's files are type-checked by the client's tsconfig.
interface DateText {
  parseDayFirst: (text: string) => string | null;
  formatDayFirst: (iso: string | null | undefined) => string;
  hijriDay: (iso: string, language: 'ar' | 'en' | 'fr', digits: 'latn' | 'arab') => string;
  calendarLocale: (language: 'ar' | 'en' | 'fr', country: string | null | undefined) => string;
  parseMonth: (text: string) => string | null;
  formatMonth: (ym: string | null | undefined) => string;
}
const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../client/src/components/dateText.ts');
let d: DateText;

describe('date field text (dateText.ts)', function () {
  before(async function () {
    d = (await import(pathToFileURL(file).href)) as DateText;
  });

  it('reads a day typed day first, in either set of Arabic digits too, as ISO', function () {
    for (const typed of [
      '07/12/2026',
      '7/12/2026',
      '07-12-2026',
      '7.12.2026',
      '٠٧/١٢/٢٠٢٦',
      '۰۷/۱۲/۲۰۲۶',
      ' 2026-12-07 ',
    ])
      expect(d.parseDayFirst(typed), typed).to.equal('2026-12-07');
    expect(d.parseDayFirst('12/07/2026')).to.equal('2026-07-12');
    expect(d.parseDayFirst('29/02/2028')).to.equal('2028-02-29');
  });

  it('reads nothing from a partial or impossible day', function () {
    for (const typed of ['', '07/12', '07/12/26', '31/02/2026', '29/02/2027', '00/12/2026', '07/13/2026', 'abc'])
      expect(d.parseDayFirst(typed), typed).to.equal(null);
  });

  it('shows an ISO day as DD/MM/YYYY, and nothing for what is not one', function () {
    expect(d.formatDayFirst('2026-12-07')).to.equal('07/12/2026');
    expect(d.formatDayFirst('')).to.equal('');
    expect(d.formatDayFirst('2026-02-30')).to.equal('');
  });

  it('gives the Umm al-Qura date in the UI language and digits', function () {
    expect(d.hijriDay('2026-12-07', 'ar', 'arab')).to.equal('٢٧ جمادى الآخرة ١٤٤٨ هـ');
    expect(d.hijriDay('2026-12-07', 'ar', 'latn')).to.equal('27 جمادى الآخرة 1448 هـ');
    expect(d.hijriDay('2026-12-07', 'en', 'arab')).to.equal('27 Jumada II 1448 AH');
  });

  it('names the months the Moroccan way in Arabic for a charity in Morocco only', function () {
    expect(d.calendarLocale('ar', 'MA')).to.equal('ar-ma');
    expect(d.calendarLocale('ar', 'ma')).to.equal('ar-ma');
    expect(d.calendarLocale('ar', 'SA')).to.equal('ar');
    expect(d.calendarLocale('ar', null)).to.equal('ar');
    expect(d.calendarLocale('fr', 'MA')).to.equal('fr');
  });

  it('reads a month typed month first, in either set of Arabic digits too, as YYYY-MM (the month field)', function () {
    for (const typed of ['12/2026', '12-2026', '12.2026', '١٢/٢٠٢٦', '۱۲/۲۰۲۶', ' 2026-12 '])
      expect(d.parseMonth(typed), typed).to.equal('2026-12');
    expect(d.parseMonth('3/2026')).to.equal('2026-03');
    expect(d.parseMonth('٣/٢٠٢٦')).to.equal('2026-03');
  });

  it('reads no month from a partial or impossible one', function () {
    for (const typed of ['', '2026', '12/26', '13/2026', '00/2026', '07/12/2026', '123/2026', 'déc. 2026'])
      expect(d.parseMonth(typed), typed).to.equal(null);
  });

  it('shows a month as MM/YYYY, and nothing for what is not one', function () {
    expect(d.formatMonth('2026-03')).to.equal('03/2026');
    expect(d.formatMonth('')).to.equal('');
    expect(d.formatMonth('2026-13')).to.equal('');
    expect(d.formatMonth(null)).to.equal('');
  });
});

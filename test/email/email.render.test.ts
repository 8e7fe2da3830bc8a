// Rendering donor emails (issue 17 point 2), without sending: counts in each language's plural forms (the Arabic ones
// the same as the web client's ICU message), every value escaped in the HTML, the letterhead from the settings, and
// a payload missing what its topic needs refused for good, naming the field.
import { expect } from 'chai';
import { IntlMessageFormat } from 'intl-messageformat';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { EMAIL_TOPICS, LOGO_CID, renderEmail, type EmailSettings } from '../../server/modules/email/index.js';
import { countOf, WORDING } from '../../server/modules/email/email.wording.js';
import { PermanentDeliveryError } from '../../server/modules/outbox/index.js';
import { DEFAULT_SETTINGS } from '../../server/modules/settings/index.js';
import { root } from '../helpers/fixtures.js';

const SETTINGS: EmailSettings = { ...DEFAULT_SETTINGS };
const LINKS = {
  receiptUrl: 'https://nimah.example/receipts/tok',
  statementUrl: 'https://nimah.example/donors/tok/statement.pdf',
  unsubscribeUrl: 'https://nimah.example/unsubscribe/1.ar.x',
};
const full = (language: string, extra: Record<string, unknown> = {}) => ({
  language,
  donorName: 'Gulf Tech',
  donationCode: 'DN-2026-0001',
  year: 2026,
  deviceCount: 3,
  ...LINKS,
  ...extra,
});
const plain = (text: string): string => text.replace(/[\u2066-\u2069]/g, '');

function refusal(run: () => unknown): PermanentDeliveryError {
  try {
    run();
  } catch (err) {
    expect(err).to.be.instanceOf(PermanentDeliveryError);
    return err as PermanentDeliveryError;
  }
  throw new Error('expected PermanentDeliveryError');
}

describe('email rendering', () => {
  it('counts devices in Arabic with the six forms of the web client (its ICU message wq.countLabel, formatted alike)', async () => {
    // The work queues' message is one of the later screens' (ar.screens.ts, registered with their chunk).
    const file = pathToFileURL(path.join(root, 'client', 'src', 'i18n', 'ar.screens.ts')).href;
    const { arScreens } = (await import(file)) as { arScreens: Record<string, string> };
    const client = new IntlMessageFormat(arScreens['wq.countLabel'], 'ar-u-nu-latn');
    for (let n = 1; n <= 250; n += 1) {
      expect(countOf('ar', n, WORDING.ar.devices), String(n)).to.equal(client.format({ n }));
    }
    expect([1, 2, 3, 10, 11, 99, 100, 101, 103].map((n) => countOf('ar', n, WORDING.ar.devices))).to.deep.equal([
      'جهاز واحد',
      'جهازان',
      '3 أجهزة',
      '10 أجهزة',
      '11 جهازًا',
      '99 جهازًا',
      '100 جهاز',
      '101 جهاز',
      '103 أجهزة',
    ]);
  });

  it('counts devices in English and French by their plural rules, with their number formats', () => {
    expect([1, 2, 1500].map((n) => countOf('en', n, WORDING.en.devices))).to.deep.equal([
      '1 device',
      '2 devices',
      '1,500 devices',
    ]);
    expect([0, 1, 2, 1_000_000].map((n) => countOf('fr', n, WORDING.fr.devices))).to.deep.equal([
      '0 appareil',
      '1 appareil',
      '2 appareils',
      '1\u202f000\u202f000 d’appareils',
    ]);
  });

  it('renders every topic in every language with its lang and direction, the link in the HTML and the text part', () => {
    for (const topic of EMAIL_TOPICS) {
      for (const language of ['ar', 'en', 'fr']) {
        const email = renderEmail(topic, full(language), SETTINGS);
        const dir = language === 'ar' ? 'rtl' : 'ltr';
        expect(email.html, `${topic} ${language}`).to.contain(`<html lang="${language}" dir="${dir}">`);
        const link =
          topic === 'donation.closed' ? LINKS.receiptUrl : topic === 'statement.ready' ? LINKS.statementUrl : null;
        if (link) {
          expect(email.html).to.contain(`href="${link}"`);
          expect(email.text).to.contain(link);
        }
        expect(email.html).to.contain(`href="${LINKS.unsubscribeUrl}"`);
        expect(email.text).to.contain(LINKS.unsubscribeUrl);
        expect(email.subject.length).to.be.greaterThan(5);
      }
    }
  });

  it('leaves the count out when there is none, rather than writing "0 devices"', () => {
    const email = renderEmail('donation.received', full('ar', { deviceCount: 0 }), SETTINGS);
    expect(plain(email.text)).to.contain('استلمنا تبرعكم رقم DN-2026-0001. شكرًا لكم');
    expect(email.text).to.not.contain('لا أجهزة');
  });

  it('escapes every value in the HTML (name, code, links, the charity identity) and keeps the text part literal', () => {
    const hostile = '<img src=x onerror=alert(1)> & "q" \'s\'';
    const email = renderEmail(
      'donation.closed',
      full('en', { donorName: hostile, donationCode: '<b>DN</b>', receiptUrl: "https://x.example/r?a=1&b=it's" }),
      { ...SETTINGS, charityNameLatin: '<Charity & Co>', charityAddress: '<script>x</script>', charityPhone: '"+966"' },
    );
    expect(email.html).to.not.contain('<img src=x');
    expect(email.html).to.not.contain('<script>');
    expect(email.html).to.not.contain('<b>DN</b>');
    expect(email.html).to.contain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;q&quot; &#39;s&#39;');
    expect(email.html).to.contain('href="https://x.example/r?a=1&amp;b=it&#39;s"');
    expect(email.html).to.contain('&lt;Charity &amp; Co&gt;');
    expect(plain(email.text)).to.contain(`Dear ${hostile},`);
  });

  it('shows the logo as the related part only when the settings have one, and the contact line from the settings', () => {
    expect(renderEmail('donation.received', full('en'), SETTINGS).html).to.not.contain('<img');
    const email = renderEmail('donation.received', full('ar'), {
      ...SETTINGS,
      logoSha256: 'a'.repeat(64),
      charityPhone: '+966 11 234 5678',
      charityLicence: '1234',
    });
    expect(email.html).to.contain(`<img src="cid:${LOGO_CID}" alt="${SETTINGS.charityName}"`);
    expect(email.html).to.contain('<span dir="ltr">+966 11 234 5678</span>');
    expect(plain(email.text)).to.contain('+966 11 234 5678 · ترخيص رقم 1234');
    expect(email.text.startsWith(`${SETTINGS.charityName}\n${SETTINGS.charityNameLatin}\n`)).to.equal(true);
  });

  it('refuses for good a payload without what its topic needs, naming the field; and an unknown topic', () => {
    const { receiptUrl: _r, ...noReceipt } = full('en');
    expect(refusal(() => renderEmail('donation.closed', noReceipt, SETTINGS)).message).to.equal(
      'payload.receiptUrl is missing (donation.closed needs it)',
    );
    const { statementUrl: _s, ...noStatement } = full('en');
    expect(refusal(() => renderEmail('statement.ready', noStatement, SETTINGS)).message).to.contain(
      'payload.statementUrl is missing',
    );
    const { donationCode: _c, ...noCode } = full('en');
    expect(refusal(() => renderEmail('donation.received', noCode, SETTINGS)).message).to.contain(
      'payload.donationCode is missing',
    );
    const { unsubscribeUrl: _u, ...noUnsubscribe } = full('en');
    expect(refusal(() => renderEmail('donation.received', noUnsubscribe, SETTINGS)).message).to.contain(
      'payload.unsubscribeUrl is missing',
    );
    expect(
      refusal(() => renderEmail('donation.received', { ...full('en'), donorName: '' }, SETTINGS)).message,
    ).to.contain('payload.donorName');
    expect(refusal(() => renderEmail('donation.received', null, SETTINGS)).message).to.contain(
      'payload.language is missing',
    );
    expect(refusal(() => renderEmail('nope', full('en'), SETTINGS)).message).to.contain('"nope"');
  });
});

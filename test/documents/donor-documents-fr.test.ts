// The donor's documents in French (issue 20): the receipt PDF and page with French as the language after Arabic
// (?lang=fr, the default when COUNTRY=MA), the yearly statement in French (?lang=fr). Counts take their CLDR plural
// form in each language (Arabic one/two/few/many, French one/other), numbers and dates are French, regions carry
// their French names, and no English is left. Read back with pdftotext.
import { expect } from 'chai';
import { api, bearer } from '../helpers/api.js';
import { createDonor, signIn } from '../helpers/factories.js';
import { postManifest } from '../helpers/more-factories.js';
import { act, intake, QA_PASS, wipeAllDrives } from '../helpers/workshop.js';
import { pdfText, removeTestPdfs, requirePdfTools } from '../pdf/pdf.helpers.js';
import { binary, handedOver, pdfInfo, savePdf, setCharity, startTagsAt123 } from './documents.helpers.js';
import { Donation } from '../../server/modules/donations/donations.model.js';
import { config } from '../../server/config.js';
import { gregorianDate } from '../../server/modules/documents/documents.format.js';
import type { DeviceDto } from '../../server/shared/index.js';

const YEAR = new Date().getUTCFullYear();

/** English a French receipt or statement must not print (the charity's Latin name aside). */
const ENGLISH = [
  /\bfamil(y|ies)\b/i,
  /\bdevices?\b/i,
  /\bstudents?\b/i,
  /Receipt/,
  /\bDonor\b/,
  /\bDonation\b/,
  /\bPlaced\b/i,
  /In progress/i,
  /Impact as of/,
  /stamp/i,
  /Weight diverted/,
  /\bestimate\b/,
  /sanitized/,
  /Manufacturing footprint/,
  /Statement/,
  /Region\b/,
  /November|December|January/,
];

/**
 * The manifest's last line, Arabic then French on one line. pdftotext gives a mixed-direction line in visual order
 * and drops short vowels and tanwin: the words are compared, not the sentence (docs/screenshots show it drawn).
 */
function endOfManifest(text: string): string {
  const lines = text.split('\n');
  const at = lines.findIndex((line) => line.startsWith('Fin de la liste'));
  expect(at, 'the end of the manifest').to.be.at.least(0);
  return [lines[at], lines[at + 1] ?? ''].join(' ').replace(/[\u064B-\u065F\u0670]/g, '');
}

function expectNoEnglish(text: string): void {
  for (const word of ENGLISH) expect(text, String(word)).to.not.match(word);
}

async function readyIn(token: string, donationId: number): Promise<DeviceDto> {
  let d = await intake(token, 1, donationId);
  d = await act(token, d, { action: 'triage', needsRepair: false, disposition: 'reuse' });
  await wipeAllDrives(token, d.id);
  d = await act(token, d, { action: 'complete_wipe' });
  return act(token, d, {
    action: 'refurbish',
    os: 'Windows 11 Pro',
    licence: 'oem_coa',
    windows11Eligible: true,
    grade: 'A',
    qa: QA_PASS,
  });
}

async function donationOf(token: string, donorId: number): Promise<{ id: number; code: string }> {
  const res = await api().post('/api/donations').set(bearer(token)).send({ donorId, channel: 'drop_off' }).expect(201);
  return res.body as { id: number; code: string };
}

/** `count` laptops received through the donation's manifest. */
async function laptops(token: string, donationId: number, count: number, from = 0): Promise<void> {
  const rows = Array.from(
    { length: count },
    (_, i) => `laptop,Lenovo,ThinkPad T480,FR${String(from + i).padStart(5, '0')}`,
  );
  await postManifest(token, donationId, ['type,manufacturer,model,serialNumber', ...rows].join('\n')).expect(201);
}

const receiptPdf = (token: string, id: number, query = '?lang=fr') =>
  binary(api().get(`/api/donations/${id}/receipt.pdf${query}`).set(bearer(token)));

describe('donor documents in French (receipt, receipt page, yearly statement)', () => {
  let manager: string;
  before(requirePdfTools);
  after(removeTestPdfs);
  beforeEach(async () => {
    manager = (await signIn('manager')).token;
    await setCharity((await signIn('admin')).token);
    await startTagsAt123();
  });

  it('with ?lang=fr, the receipt reads Arabic and French: plural forms, French date and numbers, the in-kind wording, no English', async () => {
    const donor = await createDonor({ name: 'شركة الأطلس للتقنية' });
    const donation = await donationOf(manager, donor.id);
    await handedOver(manager, { device: await readyIn(manager, donation.id), beneficiary: { regionCode: 'MA-06' } });
    await handedOver(manager, { device: await readyIn(manager, donation.id), beneficiary: { regionCode: 'MA-04' } });
    await laptops(manager, donation.id, 9);

    const file = savePdf(await receiptPdf(manager, donation.id), 'receipt-fr');

    const text = pdfText(file);
    const flat = text.replace(/\s+/g, ' '); // sentences wrap over lines
    const today = gregorianDate(new Date()).fr!;
    expect(flat)
      .to.include('Reçu de don en nature')
      .and.include('إيصال تبرع عيني')
      // Two families: Arabic dual, French plural.
      .and.include('وصل تبرعكم إلى أسرتين')
      .and.include('Votre don a bénéficié à 2 familles')

      .and.include('Appareils reçus (11)')
      .and.include('appareils reçus')
      .and.include('appareils remis')
      .and.include('en préparation')
      .and.include('Numéro du reçu')
      .and.include('Don et date de réception')
      .and.include('Entreprise')
      .and.include('Portable')
      .and.include('Remis')
      .and.include('En préparation')
      .and.include('n’indique aucune valeur monétaire')
      .and.include('en contrepartie de ce don')
      .and.include('Poids évité')
      .and.include('tablette 0,6 kg')
      .and.include('Source : empreinte de fabrication')
      .and.include('étiquette d’inventaire')
      .and.include('jamais nommés')
      .and.include(`Impact au ${today}`)
      .and.include('Cachet de l’association');
    // Eleven devices: Arabic «many» (tamyiz in the accusative, جهازًا), French plural.
    expect(endOfManifest(text))
      .to.include('Fin de la liste : 11 appareils')
      .and.include('نهاية البيان')
      .and.include('11');
    expect(endOfManifest(text).split(' ')).to.include('جهازا');
    expectNoEnglish(text);
    expect(pdfInfo(file).Title).to.match(/^Reçu de don en nature RC-/);
  });

  it('when a receipt lists 1, 2 or 3 devices, its last line reads جهاز واحد / جهازان / 3 أجهزة and 1 appareil / 2 appareils / 3 appareils', async () => {
    const cases: Array<[number, string, string]> = [
      [1, 'جهاز واحد', 'Fin de la liste : 1 appareil ·'],
      [2, 'جهازان', 'Fin de la liste : 2 appareils'],
      [3, 'أجهزة', 'Fin de la liste : 3 appareils'],
    ];
    const donor = await createDonor({ name: 'متبرع' });
    let from = 0;
    for (const [count, ar, fr] of cases) {
      const donation = await donationOf(manager, donor.id);
      await laptops(manager, donation.id, count, from);
      from += count;

      const text = pdfText(savePdf(await receiptPdf(manager, donation.id), `receipt-fr-${count}`));

      expect(endOfManifest(text), String(count)).to.include(ar).and.include(fr).and.include('نهاية البيان');
      // Nothing placed yet: the headline says the devices are being prepared, in both languages.
      expect(text).to.include('Vos appareils sont en cours de préparation');
      const flat = text.replace(/\s+/g, ' ');
      expect(flat).to.include(count === 1 ? 'appareil reçu' : 'appareils reçus');
      if (count === 1) expect(flat).to.not.include('appareils reçus');
      expectNoEnglish(text);
    }
  });

  it('the donor’s receipt page and its PDF follow ?lang=fr: French under the Arabic, the link keeps the language', async () => {
    const donor = await createDonor({ name: 'متبرع' });
    const donation = await donationOf(manager, donor.id);
    await handedOver(manager, { device: await readyIn(manager, donation.id) });
    const token = (await Donation.findByPk(donation.id))!.receiptToken!;

    const page = await api().get(`/receipts/${token}?lang=fr`).expect(200);

    expect(page.text)
      .to.include('Reçu de don en nature')
      .and.include('Votre don a bénéficié à 1 famille')
      .and.include('<small lang="fr">famille bénéficiaire</small>')
      .and.include('<small lang="fr">appareil reçu</small>')
      .and.include('Numéro du reçu')
      .and.include('Télécharger le reçu (PDF)')
      .and.include(`href="/receipts/${token}/receipt.pdf?lang=fr"`)
      .and.include('Agrément n°');
    expect(page.text).to.not.include('lang="en"').and.not.include('Your donation').and.not.include('Download');
    const pdf = pdfText(savePdf(await binary(api().get(`/receipts/${token}/receipt.pdf?lang=fr`)), 'receipt-page-fr'));
    expect(pdf).to.include('Votre don a bénéficié à 1 famille');
    expect((await api().get(`/receipts/${token}?lang=de`)).status).to.equal(400);
  });

  // config is frozen at start: run this file with COUNTRY=MA too to see the Moroccan default.
  it(`without ?lang, the receipt and a non-Arabic donor's statement use the country's language (${config.country})`, async () => {
    const french = config.country === 'MA';
    const donor = await createDonor({ name: 'متبرع' });
    await api().patch(`/api/donors/${donor.id}`).set(bearer(manager)).send({ preferredLanguage: 'en' }).expect(200);
    const donation = await donationOf(manager, donor.id);
    await laptops(manager, donation.id, 2);
    await api().post(`/api/donors/${donor.id}/statements`).set(bearer(manager)).send({ year: YEAR }).expect(201);

    const receipt = pdfText(savePdf(await receiptPdf(manager, donation.id, ''), 'receipt-default'));
    const statement = pdfText(
      savePdf(
        await binary(api().get(`/api/donors/${donor.id}/statement.pdf?year=${YEAR}`).set(bearer(manager))),
        'statement-default',
      ),
    );

    expect(receipt).to.include(french ? 'Reçu de don en nature' : 'In-kind Donation Receipt');
    expect(statement).to.include(french ? 'Relevé annuel des dons' : 'Annual Donation Statement');
    const english = pdfText(savePdf(await receiptPdf(manager, donation.id, '?lang=en'), 'receipt-en'));
    expect(english).to.include('End of manifest: 2 devices').and.not.include('Fin de la liste');
  });

  it('with ?lang=fr, the yearly statement is all French: French region names, plural captions, French numbers and dates', async () => {
    const donor = await createDonor({ name: 'شركة الأطلس للتقنية' });
    const donation = await donationOf(manager, donor.id);
    await handedOver(manager, { device: await readyIn(manager, donation.id), beneficiary: { regionCode: 'MA-04' } });
    await handedOver(manager, {
      device: await readyIn(manager, donation.id),
      beneficiary: { kind: 'student', regionCode: 'MA-11' },
    });
    await laptops(manager, donation.id, 1);
    await api().post(`/api/donors/${donor.id}/statements`).set(bearer(manager)).send({ year: YEAR }).expect(201);

    const file = savePdf(
      await binary(api().get(`/api/donors/${donor.id}/statement.pdf?year=${YEAR}&lang=fr`).set(bearer(manager))),
      'statement-fr',
    );

    const text = pdfText(file);
    const flat = text.replace(/\s+/g, ' ');
    expect(flat)
      .to.include('Relevé annuel des dons')
      .and.include('Bénéficiaires par région')
      .and.include('Rabat-Salé-Kénitra')
      .and.include('Laâyoune-Sakia El Hamra')
      .and.include('appareils donnés')
      .and.include('appareils remis')
      .and.include('famille bénéficiaire')
      .and.include('élève bénéficiaire')
      .and.include('disques effacés')
      .and.include('tablette 0,6 kg')
      .and.include(gregorianDate(new Date()).fr!);
    expectNoEnglish(text);
    expect(text).to.not.include('Rabat-Sale-Kenitra').and.not.include('Laayoune');
    expect(pdfInfo(file).Title).to.match(/^Relevé annuel des dons ST-/);

    const bad = await api().get(`/api/donors/${donor.id}/statement.pdf?year=${YEAR}&lang=de`).set(bearer(manager));
    expect(bad.status).to.equal(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path)).to.deep.equal(['lang']);
  });
});

// Donors who read French (issue 20): managers may choose ar, en or fr as a donor's language through the API (any
// other value is a 400 naming the field); a French donor's page and yearly statement are in French without ?lang,
// whatever the country. Read back as HTML and with pdftotext.
import { expect } from 'chai';
import { api, bearer } from '../helpers/api.js';
import { signIn } from '../helpers/factories.js';
import { postManifest } from '../helpers/more-factories.js';
import { binary, savePdf, setCharity } from '../documents/documents.helpers.js';
import { pdfText, removeTestPdfs, requirePdfTools } from '../pdf/pdf.helpers.js';

const YEAR = new Date().getUTCFullYear();

describe('donors who read French (preferredLanguage fr)', () => {
  let manager: string;
  beforeEach(async () => {
    manager = (await signIn('manager')).token;
  });

  async function frenchDonor(): Promise<{ id: number; pageUrl: string }> {
    const res = await api()
      .post('/api/donors')
      .set(bearer(manager))
      .send({ kind: 'company', name: 'شركة الأطلس', nameLatin: 'Atlas SA', preferredLanguage: 'fr' });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    expect(res.body.preferredLanguage).to.equal('fr');
    return (await api().get(`/api/donors/${res.body.id}`).set(bearer(manager)).expect(200)).body;
  }

  it('accepts fr on create and on patch, and refuses another language with 400 naming preferredLanguage', async () => {
    const donor = await frenchDonor();
    await api().patch(`/api/donors/${donor.id}`).set(bearer(manager)).send({ preferredLanguage: 'en' }).expect(200);
    const back = await api().patch(`/api/donors/${donor.id}`).set(bearer(manager)).send({ preferredLanguage: 'fr' });
    expect(back.status).to.equal(200);
    expect(back.body.preferredLanguage).to.equal('fr');
    for (const bad of ['de', 'FR', 'french', 5]) {
      const res = await api().patch(`/api/donors/${donor.id}`).set(bearer(manager)).send({ preferredLanguage: bad });
      expect(res.status, String(bad)).to.equal(400);
      expect(res.body.error.code).to.equal('VALIDATION_FAILED');
      expect(res.body.error.details[0]).to.include({ path: 'preferredLanguage' });
    }
    const created = await api()
      .post('/api/donors')
      .set(bearer(manager))
      .send({ kind: 'individual', name: 'متبرع', preferredLanguage: 'es' })
      .expect(400);
    expect(created.body.error.details[0]).to.include({ path: 'preferredLanguage' });
  });

  it('accepts fr from the public pledge form too', async () => {
    const res = await api()
      .post('/api/public/pledges')
      .send({
        donor: { name: 'Association Nour', email: 'nour@example.org', preferredLanguage: 'fr' },
        items: [{ type: 'laptop', count: 2 }],
      });
    expect(res.status, JSON.stringify(res.body)).to.be.oneOf([201, 202]);
  });

  describe('their page and statement', () => {
    before(requirePdfTools);
    after(removeTestPdfs);

    it('are in French without ?lang: the page (lang="fr") and the yearly statement, no English', async () => {
      await setCharity((await signIn('admin')).token);
      const donor = await frenchDonor();
      const donation = (
        await api().post('/api/donations').set(bearer(manager)).send({ donorId: donor.id, channel: 'drop_off' })
      ).body as { id: number; code: string };
      const rows = ['type,manufacturer,model,serialNumber', 'laptop,Lenovo,T480,LF00001', 'laptop,Lenovo,T480,LF00002'];
      await postManifest(manager, donation.id, rows.join('\n')).expect(201);

      const page = await api().get(new URL(donor.pageUrl).pathname).expect(200);
      expect(page.text).to.include('<html lang="fr" dir="ltr">').and.include('Vos dons').and.include(donation.code);
      expect(page.text).to.not.include('Your donations');

      await api().post(`/api/donors/${donor.id}/statements`).set(bearer(manager)).send({ year: YEAR }).expect(201);
      const url = `/api/donors/${donor.id}/statement.pdf?year=${YEAR}`;
      const text = pdfText(savePdf(await binary(api().get(url).set(bearer(manager))), 'statement-donor-fr'));
      expect(text.replace(/\s+/g, ' ')).to.include('Relevé annuel des dons').and.include('appareils donnés');
      for (const english of [/Annual Donation Statement/, /\bdevices?\b/i, /\bDonor\b/])
        expect(text).to.not.match(english);
    });
  });
});

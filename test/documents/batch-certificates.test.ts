import { expect } from 'chai';
import { api, bearer } from '../helpers/api.js';
import { signIn } from '../helpers/factories.js';
import { pdfText, removeTestPdfs, requirePdfTools } from '../pdf/pdf.helpers.js';
import { binary, createProgramme, handedOver, pdfInfo, savePdf, setCharity } from './documents.helpers.js';

describe('GET /api/programmes/:id/certificates.pdf (batch)', () => {
  let manager: string;
  let admin: string;
  let programme: { id: number };
  let inRange: string[];
  let inRangeIds: number[];
  let outOfRange: string;
  before(requirePdfTools);
  after(removeTestPdfs);
  beforeEach(async function () {
    this.timeout(60_000);
    manager = (await signIn('manager')).token;
    admin = (await signIn('admin')).token;
    await setCharity(admin);
    programme = await createProgramme(manager);
    // 2026-06-30 23:30 UTC is already 1 July in Riyadh: out of a range that ends on 30 June there.
    const march = await handedOver(manager, { programmeId: programme.id, handedOverAt: '2026-03-01T10:00:00Z' });
    const june = await handedOver(manager, { programmeId: programme.id, handedOverAt: '2026-06-30T20:00:00Z' });
    const july = await handedOver(manager, { programmeId: programme.id, handedOverAt: '2026-06-30T23:30:00Z' });
    inRange = [march.certificateCode, june.certificateCode];
    inRangeIds = [march.allocationId, june.allocationId];
    outOfRange = july.certificateCode;
  });

  it('when certificates fall in the range, streams them as one PDF of one page each, announcing the total first', async () => {
    const res = await binary(
      api().get(`/api/programmes/${programme.id}/certificates.pdf?from=2026-01-01&to=2026-06-30`).set(bearer(manager)),
    );

    expect(res.headers['x-total-count']).to.equal('2');
    const file = savePdf(res, 'batch');
    expect(pdfInfo(file)).to.include({ Pages: '2', Author: 'Nimah Computer Refurbishing Charity' });
    const text = pdfText(file);
    for (const code of inRange) expect(text).to.include(code);
    expect(text).to.not.include(outOfRange);
    // The second page repeats the first one's fixed wording from a recording: it must read the same.
    expect(text.match(/Computer Handover Certificate/g)).to.have.length(2);
    expect(text.match(/شهادة تسليم جهاز حاسوب/g)).to.have.length(2);
  });

  it('when the client asks for the count first (GET …/count or HEAD), answers the total without drawing', async () => {
    const count = await api()
      .get(`/api/programmes/${programme.id}/certificates/count?from=2026-01-01&to=2026-06-30`)
      .set(bearer(manager))
      .expect(200);
    expect(count.body).to.deep.equal({ programmeId: programme.id, from: '2026-01-01', to: '2026-06-30', total: 2 });
    const all = await api().get(`/api/programmes/${programme.id}/certificates/count`).set(bearer(manager)).expect(200);
    expect(all.body.total).to.equal(3);

    const head = await api()
      .head(`/api/programmes/${programme.id}/certificates.pdf?from=2026-07-01`)
      .set(bearer(manager));

    expect(head.status).to.equal(200);
    expect(head.headers['x-total-count']).to.equal('1');
    expect(head.headers['content-type']).to.match(/^application\/pdf/);
  });

  it('when the range holds no certificate, returns 422 NO_CERTIFICATES; bad dates 400; an unknown programme 404', async () => {
    const empty = await api()
      .get(`/api/programmes/${programme.id}/certificates.pdf?from=2025-01-01&to=2025-12-31`)
      .set(bearer(manager));
    expect(empty.status).to.equal(422);
    expect(empty.body.error.code).to.equal('NO_CERTIFICATES');
    for (const query of ['from=2026-13-01', 'from=2026-06-01&to=2026-01-01', 'to=yesterday']) {
      expect(
        (await api().get(`/api/programmes/${programme.id}/certificates.pdf?${query}`).set(bearer(manager))).status,
        query,
      ).to.equal(400);
    }
    expect((await api().get('/api/programmes/999999/certificates.pdf').set(bearer(manager))).status).to.equal(404);
    expect((await api().get('/api/programmes/999999/certificates/count').set(bearer(manager))).status).to.equal(404);
  });

  // Each page must read as the single certificate in the same language: the bulk PDF is those pages, in order.
  const singles = async (lang: string): Promise<string> => {
    const pages: string[] = [];
    for (const id of inRangeIds) {
      const url = `/api/allocations/${id}/certificate.pdf?lang=${lang}`;
      pages.push(pdfText(savePdf(await binary(api().get(url).set(bearer(manager))), `single-${lang}-${id}`)));
    }
    return pages.join('\n');
  };
  const range = 'from=2026-01-01&to=2026-06-30';

  it('with ?lang=fr, prints every certificate in Arabic and French, each as the single certificate in French', async () => {
    const res = await binary(
      api().get(`/api/programmes/${programme.id}/certificates.pdf?${range}&lang=fr`).set(bearer(manager)),
    );

    expect(res.status).to.equal(200);
    const file = savePdf(res, 'batch-fr');
    const text = pdfText(file);
    expect(text.match(/Certificat de remise d'un ordinateur/g)).to.have.length(2);
    expect(text.match(/Scannez pour vérifier/g)).to.have.length(2);
    expect(text).to.include('Date de remise').and.not.include('Computer Handover Certificate');
    expect(text).to.equal(await singles('fr'));
    expect(pdfInfo(file).Title).to.match(/^Certificats de remise d'ordinateurs · /);
    const english = pdfText(
      savePdf(
        await binary(
          api().get(`/api/programmes/${programme.id}/certificates.pdf?${range}&lang=en`).set(bearer(manager)),
        ),
        'batch-en',
      ),
    );
    expect(english).to.equal(await singles('en'));
  });

  it('without ?lang, prints French once the country is Morocco (as the single certificate does), English before', async () => {
    const url = `/api/programmes/${programme.id}/certificates.pdf?${range}`;
    const saudi = pdfText(savePdf(await binary(api().get(url).set(bearer(manager))), 'batch-sa'));
    expect(saudi).to.include('Computer Handover Certificate').and.not.include('Certificat de remise');

    await api().patch('/api/settings').set(bearer(admin)).send({ country: 'MA' }).expect(200);
    const moroccan = pdfText(savePdf(await binary(api().get(url).set(bearer(manager))), 'batch-ma'));

    expect(moroccan.match(/Certificat de remise d'un ordinateur/g)).to.have.length(2);
    expect(moroccan).to.not.include('Computer Handover Certificate');
    expect(moroccan).to.equal(await singles('fr'));
  });

  it('with another ?lang, returns 400 naming lang (with a bad date too, both named); HEAD checks it as well', async () => {
    const url = `/api/programmes/${programme.id}/certificates.pdf`;
    const bad = await api().get(`${url}?${range}&lang=de`).set(bearer(manager));
    expect(bad.status).to.equal(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path)).to.deep.equal(['lang']);
    const both = await api().get(`${url}?from=2026-13-01&lang=ar`).set(bearer(manager));
    expect(both.status).to.equal(400);
    expect(both.body.error.details.map((d: { path: string }) => d.path)).to.have.members(['from', 'lang']);
    expect((await api().head(`${url}?lang=de`).set(bearer(manager))).status).to.equal(400);
  });
});

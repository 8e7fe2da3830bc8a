// The one-click unsubscribe (RFC 8058) over HTTP: the GET shows a question in the donor's language and writes
// nothing; the POST (RFC 8058's form body, the page's own form, multipart, or nothing) records the opt-out once; a
// link the server did not make, or one altered by a single character, is a 404 page and records nothing.
import { expect } from 'chai';
import { QueryTypes } from 'sequelize';
import { getSequelize } from '../../server/db/sequelize.js';
import { isUnsubscribed, readUnsubscribeToken, unsubscribeUrl } from '../../server/modules/email/index.js';
import { api } from '../helpers/api.js';
import { createDonor } from '../helpers/factories.js';

interface Row {
  donor_id: number;
  unsubscribed_at: Date | string;
}
const rows = (): Promise<Row[]> =>
  getSequelize().query<Row>('SELECT donor_id, unsubscribed_at FROM email_unsubscribes ORDER BY id', {
    type: QueryTypes.SELECT,
  });
const pathOf = (url: string): string => new URL(url).pathname;

describe('unsubscribe links', () => {
  it('when a donor opens the link, the page asks in their language with a button that posts back, and nothing is recorded', async () => {
    const donor = await createDonor();
    const link = pathOf(unsubscribeUrl(donor.id, 'en'));
    const res = await api().get(link).expect(200);
    expect(res.headers['content-type']).to.match(/^text\/html/);
    expect(res.headers['cache-control']).to.equal('no-store');
    expect(res.headers['x-robots-tag']).to.equal('noindex, nofollow');
    expect(res.text).to.contain('<html lang="en" dir="ltr">');
    expect(res.text).to.contain('Yes, stop the emails');
    expect(res.text).to.contain(`<form method="post" action="${link}">`);
    expect(res.text).to.contain('name="List-Unsubscribe" value="One-Click"');
    expect(res.text).to.not.contain('csr@gulftech.example').and.not.contain(donor.name);
    const arabic = await api()
      .get(pathOf(unsubscribeUrl(donor.id)))
      .expect(200);
    expect(arabic.text).to.contain('<html lang="ar" dir="rtl">');
    expect(arabic.text).to.contain('نعم، أوقفوا الرسائل');
    expect(await rows()).to.deep.equal([]);
    expect(await isUnsubscribed(donor.id)).to.equal(false);
  });

  it('when the RFC 8058 one-click POST arrives (form-encoded List-Unsubscribe=One-Click), the opt-out is stored and confirmed; a second POST keeps the first time', async () => {
    const donor = await createDonor();
    const other = await createDonor();
    const link = pathOf(unsubscribeUrl(donor.id, 'fr'));
    const res = await api().post(link).type('form').send('List-Unsubscribe=One-Click').expect(200);
    expect(res.text).to.contain('<html lang="fr" dir="ltr">');
    expect(res.text).to.contain('E-mails arrêtés');
    const [first] = await rows();
    expect(Number(first.donor_id)).to.equal(donor.id);
    expect(await isUnsubscribed(donor.id)).to.equal(true);
    expect(await isUnsubscribed(other.id)).to.equal(false);

    await api().post(link).type('form').send('List-Unsubscribe=One-Click').expect(200);
    const after = await rows();
    expect(after).to.have.length(1);
    expect(new Date(after[0].unsubscribed_at).getTime()).to.equal(new Date(first.unsubscribed_at).getTime());
  });

  it('accepts the POST as multipart (RFC 8058 says SHOULD), as JSON, or without a body: the link alone says who', async () => {
    const donors = [await createDonor(), await createDonor(), await createDonor()];
    await api()
      .post(pathOf(unsubscribeUrl(donors[0].id)))
      .field('List-Unsubscribe', 'One-Click')
      .expect(200);
    await api()
      .post(pathOf(unsubscribeUrl(donors[1].id)))
      .send({ anything: true })
      .expect(200);
    await api()
      .post(pathOf(unsubscribeUrl(donors[2].id)))
      .expect(200);
    expect((await rows()).map((r) => Number(r.donor_id)).sort()).to.deep.equal(donors.map((d) => d.id).sort());
  });

  it('when the link was altered (another donor id, language or MAC) or is not a link at all, GET and POST answer a 404 page and nothing is recorded', async () => {
    const donor = await createDonor();
    const victim = await createDonor();
    const token = pathOf(unsubscribeUrl(donor.id)).split('/').pop()!;
    const [, , mac] = token.split('.');
    const flipped = mac.slice(0, -1) + (mac.endsWith('A') ? 'B' : 'A');
    const forged = [
      `${victim.id}.ar.${mac}`,
      `${donor.id}.en.${mac}`,
      `${donor.id}.ar.${flipped}`,
      `${donor.id}.ar.${mac}x`,
      'nonsense',
      '0.ar.AAAAAAAAAAAAAAAAAAAAAA',
    ];
    for (const t of forged) {
      expect(readUnsubscribeToken(t), t).to.equal(null);
      const get = await api()
        .get(`/unsubscribe/${encodeURIComponent(t)}`)
        .expect(404);
      expect(get.text).to.contain('رابط غير صالح').and.contain('Unknown link');
      await api()
        .post(`/unsubscribe/${encodeURIComponent(t)}`)
        .type('form')
        .send('List-Unsubscribe=One-Click')
        .expect(404);
    }
    expect(await rows()).to.deep.equal([]);
  });

  it('when the link names a donor that no longer exists, the POST answers 404 and records nothing', async () => {
    await api()
      .post(pathOf(unsubscribeUrl(987654)))
      .type('form')
      .send('List-Unsubscribe=One-Click')
      .expect(404);
    expect(await rows()).to.deep.equal([]);
  });

  it('when two one-click POSTs for one donor arrive at once, one row is stored and both are confirmed', async () => {
    const donor = await createDonor();
    const link = pathOf(unsubscribeUrl(donor.id));
    const answers = await Promise.all(
      [1, 2, 3].map(() => api().post(link).type('form').send('List-Unsubscribe=One-Click')),
    );
    expect(answers.map((a) => a.status)).to.deep.equal([200, 200, 200]);
    expect(await rows()).to.have.length(1);
  });
});

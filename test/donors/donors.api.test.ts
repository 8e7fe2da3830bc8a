import { expect } from 'chai';
import { api, bearer } from '../helpers/api.js';
import { createDonation, createDonor, signIn } from '../helpers/factories.js';
import { createDeviceRecord, type ErrorBodyOf } from '../helpers/more-factories.js';
import { Donor } from '../../server/modules/donors/donors.model.js';
import type { DonorDetailDto, DonorDto, FieldErrorDto, Page } from '../../server/shared/index.js';

const gulfTech = {
  kind: 'company',
  name: 'شركة الخليج للتقنية',
  nameLatin: 'Gulf Tech Co.',
  email: 'CSR@GulfTech.example',
  phone: '0501234567',
  city: 'الدمام',
  crNumber: '2050012345',
  preferredLanguage: 'ar',
};

describe('donors API', () => {
  describe('POST /api/donors', () => {
    it('when a technician sends a valid company, returns 201 and stores the phone as E.164 and the Arabic name as sent', async () => {
      const { token } = await signIn('technician');

      const res = await api().post('/api/donors').set(bearer(token)).send(gulfTech).expect(201);

      const body = res.body as DonorDto;
      expect(body).to.include({
        kind: 'company',
        name: 'شركة الخليج للتقنية',
        nameLatin: 'Gulf Tech Co.',
        email: 'csr@gulftech.example',
        phone: '+966501234567',
        city: 'الدمام',
        crNumber: '2050012345',
        preferredLanguage: 'ar',
      });
      const stored = await Donor.findByPk(body.id);
      expect(stored?.name).to.equal('شركة الخليج للتقنية');
      expect(stored?.phone).to.equal('+966501234567');
      expect(stored?.email).to.equal('csr@gulftech.example');
      expect(await Donor.count()).to.equal(1);
    });

    it('when the phone is typed with Arabic-Indic digits, stores it as E.164', async () => {
      const { token } = await signIn('manager');

      const res = await api()
        .post('/api/donors')
        .set(bearer(token))
        .send({ kind: 'individual', name: 'سارة', phone: '٠٥٥١٢٣٤٥٦٧' })
        .expect(201);

      expect((res.body as DonorDto).phone).to.equal('+966551234567');
      expect((await Donor.findByPk((res.body as DonorDto).id))?.phone).to.equal('+966551234567');
    });

    it('when kind, email and phone are all wrong, returns 400 with one details entry per field and stores nothing', async () => {
      const { token } = await signIn('manager');

      const res = await api()
        .post('/api/donors')
        .set(bearer(token))
        .send({ ...gulfTech, kind: 'charity', email: 'not-an-email', phone: '12' })
        .expect(400);

      const body = res.body as ErrorBodyOf<FieldErrorDto[]>;
      expect(body.error.code).to.equal('VALIDATION_FAILED');
      expect(body.error.requestId).to.be.a('string').and.not.empty;
      expect(body.error.details).to.have.length(3);
      expect(body.error.details!.map((d) => d.path).sort()).to.deep.equal(['email', 'kind', 'phone']);
      for (const d of body.error.details!) expect(d.message).to.be.a('string').and.not.empty;
      expect(await Donor.count()).to.equal(0);
    });

    it('when the name is missing, returns 400 naming name', async () => {
      const { token } = await signIn('manager');

      const res = await api()
        .post('/api/donors')
        .set(bearer(token))
        .send({ kind: 'individual', name: '   ' })
        .expect(400);

      expect((res.body as ErrorBodyOf<FieldErrorDto[]>).error.details!.map((d) => d.path)).to.deep.equal(['name']);
    });

    it('when a viewer tries to create a donor, returns 403 and stores nothing', async () => {
      const { token } = await signIn('viewer');

      const res = await api().post('/api/donors').set(bearer(token)).send(gulfTech).expect(403);

      expect((res.body as ErrorBodyOf).error.code).to.equal('FORBIDDEN');
      expect(await Donor.count()).to.equal(0);
    });

    it('when nobody is signed in, returns 401', async () => {
      const res = await api().post('/api/donors').send(gulfTech).expect(401);

      expect((res.body as ErrorBodyOf).error.code).to.equal('UNAUTHENTICATED');
    });
  });

  describe('GET /api/donors', () => {
    it('when there are more donors than a page, returns that page with the total, sorted by name', async () => {
      const { token } = await signIn('viewer');
      for (const name of ['د', 'أ', 'ج', 'ب', 'ه']) await createDonor({ name });

      const res = await api().get('/api/donors?page=2&pageSize=2').set(bearer(token)).expect(200);

      const body = res.body as Page<DonorDto>;
      expect(body).to.include({ total: 5, page: 2, pageSize: 2 });
      expect(body.items.map((d) => d.name)).to.deep.equal(['ج', 'د']);
    });

    it('when no page is asked for, returns the first page of 50', async () => {
      const { token } = await signIn('viewer');
      await createDonor();

      const res = await api().get('/api/donors').set(bearer(token)).expect(200);

      expect(res.body).to.include({ total: 1, page: 1, pageSize: 50 });
    });

    it('when pageSize is 201, returns 400 naming pageSize', async () => {
      const { token } = await signIn('viewer');

      const res = await api().get('/api/donors?pageSize=201').set(bearer(token)).expect(400);

      const body = res.body as ErrorBodyOf<FieldErrorDto[]>;
      expect(body.error.code).to.equal('VALIDATION_FAILED');
      expect(body.error.details!.map((d) => d.path)).to.deep.equal(['pageSize']);
    });

    it('when q is given, returns the donors whose Arabic name, Latin name or email contains it', async () => {
      const { token } = await signIn('viewer');
      const khaleej = await createDonor({ name: 'شركة الخليج للتقنية' });
      await createDonor({ name: 'مؤسسة النور' });

      const arabic = await api()
        .get(`/api/donors?q=${encodeURIComponent('الخليج')}`)
        .set(bearer(token))
        .expect(200);
      const latin = await api().get('/api/donors?q=gulf').set(bearer(token)).expect(200);

      expect((arabic.body as Page<DonorDto>).items.map((d) => d.id)).to.deep.equal([khaleej.id]);
      expect((arabic.body as Page<DonorDto>).total).to.equal(1);
      // Both factory donors carry the Latin name "Gulf Tech Co.".
      expect((latin.body as Page<DonorDto>).total).to.equal(2);
    });

    it('when q holds an underscore or a percent sign, matches them literally', async () => {
      const { token } = await signIn('manager');
      const underscored = await api()
        .post('/api/donors')
        .set(bearer(token))
        .send({ kind: 'company', name: 'Rabat Tech', email: 'csr_team@rabat.example' })
        .expect(201);
      await api()
        .post('/api/donors')
        .set(bearer(token))
        .send({ kind: 'company', name: 'Casa Tech', email: 'csrxteam@casa.example' })
        .expect(201);
      const percent = await api()
        .post('/api/donors')
        .set(bearer(token))
        .send({ kind: 'company', name: '100% Green' })
        .expect(201);
      await api().post('/api/donors').set(bearer(token)).send({ kind: 'company', name: '1000 Green' }).expect(201);

      const byUnderscore = await api().get('/api/donors?q=csr_team').set(bearer(token)).expect(200);
      const byPercent = await api()
        .get(`/api/donors?q=${encodeURIComponent('100%')}`)
        .set(bearer(token))
        .expect(200);

      expect((byUnderscore.body as Page<DonorDto>).items.map((d) => d.id)).to.deep.equal([
        (underscored.body as DonorDto).id,
      ]);
      expect((byPercent.body as Page<DonorDto>).items.map((d) => d.id)).to.deep.equal([(percent.body as DonorDto).id]);
    });

    it('when kind is given, returns only donors of that kind', async () => {
      const { token } = await signIn('viewer');
      await createDonor({ kind: 'company' });
      const person = await createDonor({ kind: 'individual', name: 'سارة' });

      const res = await api().get('/api/donors?kind=individual').set(bearer(token)).expect(200);

      expect((res.body as Page<DonorDto>).items.map((d) => d.id)).to.deep.equal([person.id]);
    });
  });

  describe('GET /api/donors/:id', () => {
    it('when the donor has donations, returns the donor with the summary of devices and the donations, newest first', async () => {
      // Staff see the contact details; a viewer's answer has none (test/donors/contact-redaction.test.ts).
      const { token } = await signIn('technician');
      const donor = await createDonor();
      const first = await createDonation({ donorId: donor.id });
      const second = await createDonation({ donorId: donor.id });
      await createDeviceRecord({ donationId: first.id });
      await createDeviceRecord({ donationId: first.id, status: 'handed_over' });
      await createDeviceRecord({ donationId: second.id, status: 'recycled' });
      await createDeviceRecord({ donationId: second.id, status: 'wipe' });
      await createDonation(); // another donor's donation is not counted

      const res = await api().get(`/api/donors/${donor.id}`).set(bearer(token)).expect(200);

      const body = res.body as DonorDetailDto;
      expect(body).to.include({ id: donor.id, name: 'شركة الخليج للتقنية', phone: '+966501234567' });
      expect(body.summary).to.deep.equal({ donations: 2, devices: 4, placed: 1, recycled: 1, inProgress: 2 });
      expect(body.donations.map((d) => d.id)).to.deep.equal([second.id, first.id]);
      expect(body.donations[0]).to.include({ code: second.code, donorName: 'شركة الخليج للتقنية' });
    });

    it('when the donor has no donations, returns a zero summary', async () => {
      const { token } = await signIn('viewer');
      const donor = await createDonor();

      const res = await api().get(`/api/donors/${donor.id}`).set(bearer(token)).expect(200);

      expect((res.body as DonorDetailDto).summary).to.deep.equal({
        donations: 0,
        devices: 0,
        placed: 0,
        recycled: 0,
        inProgress: 0,
      });
      expect((res.body as DonorDetailDto).donations).to.deep.equal([]);
    });

    it('when the id is unknown, returns 404 NOT_FOUND', async () => {
      const { token } = await signIn('viewer');

      const res = await api().get('/api/donors/999999').set(bearer(token)).expect(404);

      expect((res.body as ErrorBodyOf).error.code).to.equal('NOT_FOUND');
    });

    it('when the id is not a number, returns 400 naming id', async () => {
      const { token } = await signIn('viewer');

      const res = await api().get('/api/donors/abc').set(bearer(token)).expect(400);

      const body = res.body as ErrorBodyOf<FieldErrorDto[]>;
      expect(body.error.code).to.equal('VALIDATION_FAILED');
      expect(body.error.details!.map((d) => d.path)).to.deep.equal(['id']);
    });
  });

  describe('PATCH /api/donors/:id', () => {
    it('when a manager changes the phone and city, returns the donor and stores the change', async () => {
      const { token } = await signIn('manager');
      const donor = await createDonor();

      const res = await api()
        .patch(`/api/donors/${donor.id}`)
        .set(bearer(token))
        .send({ phone: '0551234567', city: 'الخبر' })
        .expect(200);

      expect(res.body).to.include({ id: donor.id, phone: '+966551234567', city: 'الخبر', name: 'شركة الخليج للتقنية' });
      const stored = await Donor.findByPk(donor.id);
      expect(stored?.phone).to.equal('+966551234567');
      expect(stored?.city).to.equal('الخبر');
    });

    it('when a manager sends an empty email and a null phone, clears both and leaves the fields not sent alone', async () => {
      const { token } = await signIn('manager');
      const donor = await createDonor();

      const res = await api()
        .patch(`/api/donors/${donor.id}`)
        .set(bearer(token))
        .send({ email: '', phone: null })
        .expect(200);

      expect(res.body).to.include({ email: null, phone: null, city: 'الدمام', crNumber: '2050012345' });
      const stored = await Donor.findByPk(donor.id);
      expect(stored).to.include({ email: null, phone: null, city: 'الدمام', nameLatin: 'Gulf Tech Co.' });
    });

    it('when a technician tries to change a donor, returns 403 and changes nothing', async () => {
      const { token } = await signIn('technician');
      const donor = await createDonor();

      const res = await api().patch(`/api/donors/${donor.id}`).set(bearer(token)).send({ city: 'الخبر' }).expect(403);

      expect((res.body as ErrorBodyOf).error.code).to.equal('FORBIDDEN');
      expect((await Donor.findByPk(donor.id))?.city).to.equal('الدمام');
    });

    it('when the patch has no known field, returns 400', async () => {
      const { token } = await signIn('manager');
      const donor = await createDonor();

      const res = await api().patch(`/api/donors/${donor.id}`).set(bearer(token)).send({ colour: 'blue' }).expect(400);

      expect((res.body as ErrorBodyOf).error.code).to.equal('VALIDATION_FAILED');
    });

    it('when the kind is invalid, returns 400 naming kind and changes nothing', async () => {
      const { token } = await signIn('manager');
      const donor = await createDonor();

      const res = await api().patch(`/api/donors/${donor.id}`).set(bearer(token)).send({ kind: 'charity' }).expect(400);

      expect((res.body as ErrorBodyOf<FieldErrorDto[]>).error.details!.map((d) => d.path)).to.deep.equal(['kind']);
      expect((await Donor.findByPk(donor.id))?.kind).to.equal('company');
    });

    it('when the id is unknown, returns 404 NOT_FOUND', async () => {
      const { token } = await signIn('manager');

      const res = await api().patch('/api/donors/999999').set(bearer(token)).send({ city: 'الخبر' }).expect(404);

      expect((res.body as ErrorBodyOf).error.code).to.equal('NOT_FOUND');
    });

    it('when the id is abc, returns 400 naming id', async () => {
      const { token } = await signIn('manager');

      const res = await api().patch('/api/donors/abc').set(bearer(token)).send({ city: 'الخبر' }).expect(400);

      expect((res.body as ErrorBodyOf<FieldErrorDto[]>).error.details!.map((d) => d.path)).to.deep.equal(['id']);
    });
  });
});

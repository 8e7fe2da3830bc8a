import { expect } from 'chai';
import { api, bearer } from '../helpers/api.js';
import { createDonation, signIn } from '../helpers/factories.js';
import {
  createDeviceRecord,
  createSite,
  postDevice,
  setAssetTagCounter,
  type ErrorBodyOf,
} from '../helpers/more-factories.js';
import { withTransaction } from '../../server/db/sequelize.js';
import { appendEvent } from '../../server/modules/devices/index.js';
import type { DeviceDetailDto, DeviceDto, DeviceEventDto, FieldErrorDto, Page } from '../../server/shared/index.js';

const idsOf = (res: { body: unknown }) => (res.body as Page<DeviceDto>).items.map((d) => d.id);

describe('devices API', () => {
  describe('GET /api/devices', () => {
    it('when filtered by one status, returns only devices in it, newest first', async () => {
      const { token } = await signIn('viewer');
      const a = await createDeviceRecord();
      await createDeviceRecord({ status: 'repair' });
      const c = await createDeviceRecord();

      const res = await api().get('/api/devices?status=intake').set(bearer(token)).expect(200);

      expect(idsOf(res)).to.deep.equal([c.id, a.id]);
      expect((res.body as Page<DeviceDto>).total).to.equal(2);
    });

    it('when filtered by status=intake,repair or by a repeated status, returns devices in either', async () => {
      const { token } = await signIn('viewer');
      const a = await createDeviceRecord();
      const b = await createDeviceRecord({ status: 'repair' });
      await createDeviceRecord({ status: 'wipe' });
      await createDeviceRecord({ status: 'ready' });

      const listed = await api().get('/api/devices?status=intake,repair').set(bearer(token)).expect(200);
      const repeated = await api().get('/api/devices?status=intake&status=repair').set(bearer(token)).expect(200);

      expect(idsOf(listed)).to.deep.equal([b.id, a.id]);
      expect(idsOf(repeated)).to.deep.equal([b.id, a.id]);
    });

    it('when filtered by type and donation, returns the devices that match both', async () => {
      const { token } = await signIn('viewer');
      const donation = await createDonation();
      const laptop = await createDeviceRecord({ donationId: donation.id, type: 'laptop' });
      await createDeviceRecord({ donationId: donation.id, type: 'monitor' });
      await createDeviceRecord({ type: 'laptop' });

      const byBoth = await api()
        .get(`/api/devices?type=laptop&donationId=${donation.id}`)
        .set(bearer(token))
        .expect(200);
      const byDonation = await api().get(`/api/devices?donationId=${donation.id}`).set(bearer(token)).expect(200);

      expect(idsOf(byBoth)).to.deep.equal([laptop.id]);
      expect((byDonation.body as Page<DeviceDto>).total).to.equal(2);
      expect((byDonation.body as Page<DeviceDto>).items[0].donationCode).to.equal(donation.code);
    });

    it('when filtered by site, returns the devices kept there', async () => {
      const { token } = await signIn('viewer');
      const dammam = await createSite('مستودع الدمام');
      const khobar = await createSite('مستودع الخبر');
      const here = await createDeviceRecord({ siteId: dammam.id });
      await createDeviceRecord({ siteId: khobar.id });
      await createDeviceRecord();

      const res = await api().get(`/api/devices?siteId=${dammam.id}`).set(bearer(token)).expect(200);

      expect(idsOf(res)).to.deep.equal([here.id]);
    });

    it('when q is the start of an asset tag, with or without the label hyphen, returns the devices whose tag starts so', async () => {
      const { token } = await signIn('viewer');
      await createDeviceRecord();
      const second = await createDeviceRecord();
      await setAssetTagCounter(9);
      const tenToTwelve = [await createDeviceRecord(), await createDeviceRecord(), await createDeviceRecord()];
      expect(tenToTwelve.map((d) => d.assetTag)).to.deep.equal(['NM000010', 'NM000011', 'NM000012']);

      const exact = await api().get('/api/devices?q=NM000002').set(bearer(token)).expect(200);
      const prefix = await api().get('/api/devices?q=nm-00001').set(bearer(token)).expect(200);

      expect(idsOf(exact)).to.deep.equal([second.id]);
      expect(idsOf(prefix)).to.deep.equal(tenToTwelve.map((d) => d.id).reverse());
    });

    it('when q is a serial in another case or with hyphens, or a part of the model, returns that device', async () => {
      const { token } = await signIn('viewer');
      const thinkPad = await createDeviceRecord({
        manufacturer: 'Lenovo',
        model: 'ThinkPad T480',
        serialNumber: 'PF1-ABC23',
      });
      await createDeviceRecord({ manufacturer: 'Dell', model: 'Latitude 5490', serialNumber: 'DL5490' });

      const bySerial = await api().get('/api/devices?q=pf1abc').set(bearer(token)).expect(200);
      const byModel = await api().get('/api/devices?q=thinkpad').set(bearer(token)).expect(200);
      const byMaker = await api().get('/api/devices?q=Lenovo').set(bearer(token)).expect(200);

      expect(idsOf(bySerial)).to.deep.equal([thinkPad.id]);
      expect(idsOf(byModel)).to.deep.equal([thinkPad.id]);
      expect(idsOf(byMaker)).to.deep.equal([thinkPad.id]);
    });

    it('when q holds an underscore, matches it literally in the model', async () => {
      const { token } = await signIn('viewer');
      const underscored = await createDeviceRecord({ model: 'Pro_Book 450' });
      await createDeviceRecord({ model: 'ProxBook 450' });

      const res = await api().get('/api/devices?q=Pro_Book').set(bearer(token)).expect(200);

      expect(idsOf(res)).to.deep.equal([underscored.id]);
    });

    it('when asked for page 2 of size 2, returns that page of the newest-first list with the total', async () => {
      const { token } = await signIn('viewer');
      const devices = [];
      for (let i = 0; i < 5; i += 1) devices.push(await createDeviceRecord());

      const res = await api().get('/api/devices?page=2&pageSize=2').set(bearer(token)).expect(200);

      const body = res.body as Page<DeviceDto>;
      expect(body).to.include({ total: 5, page: 2, pageSize: 2 });
      expect(body.items.map((d) => d.id)).to.deep.equal([devices[2].id, devices[1].id]);
    });

    it('when pageSize is above 200, returns 400 naming pageSize', async () => {
      const { token } = await signIn('viewer');

      const res = await api().get('/api/devices?pageSize=201').set(bearer(token)).expect(400);

      expect((res.body as ErrorBodyOf<FieldErrorDto[]>).error.details!.map((d) => d.path)).to.deep.equal(['pageSize']);
    });

    it('when the status filter holds an unknown status, returns 400 naming status', async () => {
      const { token } = await signIn('viewer');

      const res = await api().get('/api/devices?status=intake,broken').set(bearer(token)).expect(400);

      const body = res.body as ErrorBodyOf<FieldErrorDto[]>;
      expect(body.error.code).to.equal('VALIDATION_FAILED');
      expect(body.error.details!.map((d) => d.path)).to.deep.equal(['status']);
      expect(body.error.details![0].message).to.contain('broken');
    });

    it('when nobody is signed in, returns 401', async () => {
      await api().get('/api/devices').expect(401);
    });
  });

  describe('GET /api/devices/:id', () => {
    it('when the device was taken in with a drive, returns it with its drives, its intake event and allowedActions [triage]', async () => {
      const { token, user } = await signIn('technician');
      const donation = await createDonation();
      const created = await postDevice(token, donation.id, {
        type: 'laptop',
        manufacturer: 'Lenovo',
        model: 'ThinkPad T480',
        serialNumber: 'PF1ABC23',
        drives: [
          { serialNumber: 'S3Z9NB0K123456', model: 'Samsung SSD 860', mediaType: 'ssd', capacityBytes: 256060514304 },
        ],
      }).expect(201);
      const id = (created.body as DeviceDto).id;

      const res = await api().get(`/api/devices/${id}`).set(bearer(token)).expect(200);

      const body = res.body as DeviceDetailDto;
      expect(body).to.include({
        id,
        assetTag: 'NM000001',
        status: 'intake',
        version: 0,
        donationId: donation.id,
        donationCode: donation.code,
        donorId: donation.donorId,
        donorName: 'شركة الخليج للتقنية',
        model: 'ThinkPad T480',
      });
      expect(body.allowedActions).to.deep.equal(['triage']);
      expect(body.drives).to.have.length(1);
      expect(body.drives[0]).to.include({
        serialNumber: 'S3Z9NB0K123456',
        model: 'Samsung SSD 860',
        mediaType: 'ssd',
        capacityBytes: 256060514304,
      });
      expect(body.events).to.have.length(1);
      expect(body.events[0]).to.include({
        seq: 1,
        type: 'intake',
        actorId: user.id,
        actorName: user.name,
        fromStatus: null,
        toStatus: 'intake',
      });
      expect(body.events[0].hash).to.match(/^[0-9a-f]{64}$/);
      expect(body.events[0].payload).to.deep.equal({
        donationId: donation.id,
        source: 'manual',
        drives: ['S3Z9NB0K123456'],
      });
    });

    it('when the device is in repair, lists repair as its only action', async () => {
      const { token } = await signIn('viewer');
      const device = await createDeviceRecord({ status: 'repair' });

      const res = await api().get(`/api/devices/${device.id}`).set(bearer(token)).expect(200);

      expect((res.body as DeviceDetailDto).allowedActions).to.deep.equal(['repair']);
    });

    it('when the id is unknown, returns 404; when it is abc, returns 400 naming id', async () => {
      const { token } = await signIn('viewer');

      const missing = await api().get('/api/devices/999999').set(bearer(token)).expect(404);
      const bad = await api().get('/api/devices/abc').set(bearer(token)).expect(400);

      expect((missing.body as ErrorBodyOf).error.code).to.equal('NOT_FOUND');
      expect((bad.body as ErrorBodyOf<FieldErrorDto[]>).error.details!.map((d) => d.path)).to.deep.equal(['id']);
    });
  });

  describe('GET /api/devices/:id/events', () => {
    it('when the device has several events, returns them oldest first, linked by hash, with the page info', async () => {
      const { token, user } = await signIn('viewer');
      const device = await createDeviceRecord();
      await withTransaction(async (transaction) => {
        await appendEvent(device.id, { type: 'note', actorId: user.id, payload: { text: 'شاشة مكسورة' } }, transaction);
        await appendEvent(device.id, { type: 'label_printed', actorId: user.id }, transaction);
      });

      const res = await api().get(`/api/devices/${device.id}/events`).set(bearer(token)).expect(200);

      const body = res.body as Page<DeviceEventDto>;
      expect(body).to.include({ total: 3, page: 1, pageSize: 200 });
      expect(body.items.map((e) => [e.seq, e.type, e.actorName])).to.deep.equal([
        [1, 'intake', null],
        [2, 'note', user.name],
        [3, 'label_printed', user.name],
      ]);
      expect(body.items[1].payload).to.deep.equal({ text: 'شاشة مكسورة' });
      expect(new Set(body.items.map((e) => e.hash)).size).to.equal(3);
    });

    it('when asked for the second page of one, returns the second event', async () => {
      const { token } = await signIn('viewer');
      const device = await createDeviceRecord();
      await withTransaction((transaction) =>
        appendEvent(device.id, { type: 'note', actorId: null, payload: { text: 'x' } }, transaction),
      );

      const res = await api().get(`/api/devices/${device.id}/events?page=2&pageSize=1`).set(bearer(token)).expect(200);

      expect((res.body as Page<DeviceEventDto>).items.map((e) => e.seq)).to.deep.equal([2]);
    });

    it('when the device does not exist, returns 404', async () => {
      const { token } = await signIn('viewer');

      const res = await api().get('/api/devices/999999/events').set(bearer(token)).expect(404);

      expect((res.body as ErrorBodyOf).error.code).to.equal('NOT_FOUND');
    });
  });
});

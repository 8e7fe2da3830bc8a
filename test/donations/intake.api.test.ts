import { expect } from 'chai';
import { createDonation, signIn } from '../helpers/factories.js';
import { countRows, createSite, postDevice, rawSelect, type ErrorBodyOf } from '../helpers/more-factories.js';
import { withTransaction } from '../../server/db/sequelize.js';
import { Device, DeviceEvent, Drive } from '../../server/modules/devices/devices.model.js';
import { Donation } from '../../server/modules/donations/donations.model.js';
import type { DeviceDto, FieldErrorDto } from '../../server/shared/index.js';

const thinkPad = {
  type: 'laptop',
  manufacturer: 'Lenovo',
  model: 'ThinkPad T480',
  serialNumber: 'PF1ABC23',
  drives: [{ serialNumber: 'S3Z9NB0K123456', model: 'Samsung SSD 860', mediaType: 'ssd', capacityBytes: 256060514304 }],
};

describe('POST /api/donations/:id/devices (intake)', () => {
  it('when a technician takes in a laptop with a drive, returns 201 with tag NM000001 in intake at version 0', async () => {
    const { token } = await signIn('technician');
    const donation = await createDonation({ status: 'received' });

    const res = await postDevice(token, donation.id, thinkPad).expect(201);

    const body = res.body as DeviceDto;
    expect(body).to.include({
      assetTag: 'NM000001',
      status: 'intake',
      version: 0,
      donationId: donation.id,
      donationCode: donation.code,
      type: 'laptop',
      manufacturer: 'Lenovo',
      model: 'ThinkPad T480',
      serialNumber: 'PF1ABC23',
    });
    expect(body.allowedActions).to.deep.equal(['triage']);
    const stored = await Device.findByPk(body.id);
    expect(stored).to.include({
      assetTag: 'NM000001',
      status: 'intake',
      version: 0,
      serialKey: 'PF1ABC23',
      donationId: donation.id,
    });
  });

  it('when the device has a drive, stores the drive with its serial, media type and capacity', async () => {
    const { token } = await signIn('technician');
    const donation = await createDonation();

    const res = await postDevice(token, donation.id, thinkPad).expect(201);

    const drives = await rawSelect<{
      device_id: number;
      serial_number: string;
      serial_key: string;
      media_type: string;
      capacity_bytes: number | string;
      model: string;
    }>('SELECT device_id, serial_number, serial_key, media_type, capacity_bytes, model FROM drives');
    expect(drives).to.have.length(1);
    expect(drives[0]).to.include({
      device_id: (res.body as DeviceDto).id,
      serial_number: 'S3Z9NB0K123456',
      serial_key: 'S3Z9NB0K123456',
      media_type: 'ssd',
      model: 'Samsung SSD 860',
    });
    expect(Number(drives[0].capacity_bytes)).to.equal(256060514304);
  });

  it('when a device is taken in, stores a first event of type intake with a 64-hex hash that the device anchors', async () => {
    const { token, user } = await signIn('technician');
    const donation = await createDonation();

    const res = await postDevice(token, donation.id, thinkPad).expect(201);

    const id = (res.body as DeviceDto).id;
    const events = await DeviceEvent.findAll({ where: { deviceId: id } });
    expect(events).to.have.length(1);
    const [event] = events;
    expect(event).to.include({
      seq: 1,
      type: 'intake',
      actorId: user.id,
      fromStatus: null,
      toStatus: 'intake',
      prevHash: null,
    });
    expect(event.hash).to.match(/^[0-9a-f]{64}$/);
    expect(JSON.parse(event.payload)).to.deep.equal({
      donationId: donation.id,
      source: 'manual',
      drives: ['S3Z9NB0K123456'],
    });
    const device = await Device.findByPk(id);
    expect(device).to.include({ lastEventSeq: 1, lastEventHash: event.hash });
  });

  it('when devices are taken in one after another, numbers the tags NM000001, NM000002 and counts them on the donation', async () => {
    const { token } = await signIn('technician');
    const donation = await createDonation();

    const first = await postDevice(token, donation.id, { type: 'desktop' }).expect(201);
    const second = await postDevice(token, donation.id, { type: 'monitor' }).expect(201);

    expect([(first.body as DeviceDto).assetTag, (second.body as DeviceDto).assetTag]).to.deep.equal([
      'NM000001',
      'NM000002',
    ]);
    expect((await Donation.findByPk(donation.id))?.receivedCount).to.equal(2);
  });

  it('when the donation is still pledged, takes the device in and marks the donation received', async () => {
    const { token } = await signIn('technician');
    const donation = await createDonation({ status: 'pledged' });

    await postDevice(token, donation.id, { type: 'laptop' }).expect(201);

    const stored = await Donation.findByPk(donation.id);
    expect(stored?.status).to.equal('received');
    expect(stored?.receivedAt).to.be.instanceOf(Date);
    expect(stored?.receivedCount).to.equal(1);
  });

  it('when the donation is scheduled, marks it received', async () => {
    const { token } = await signIn('manager');
    const donation = await createDonation({ status: 'scheduled' });

    await postDevice(token, donation.id, { type: 'tablet' }).expect(201);

    expect((await Donation.findByPk(donation.id))?.status).to.equal('received');
  });

  it('when the donation is closed, returns 409 DONATION_CLOSED and stores no device, drive, event or tag', async () => {
    const { token } = await signIn('technician');
    const closed = await createDonation({ status: 'closed' });

    const res = await postDevice(token, closed.id, thinkPad).expect(409);

    expect((res.body as ErrorBodyOf).error.code).to.equal('DONATION_CLOSED');
    expect(await countRows('devices')).to.equal(0);
    expect(await countRows('drives')).to.equal(0);
    expect(await countRows('device_events')).to.equal(0);
    expect((await Donation.findByPk(closed.id))?.receivedCount).to.equal(0);
    const open = await createDonation();
    const next = await postDevice(token, open.id, { type: 'laptop' }).expect(201);
    expect((next.body as DeviceDto).assetTag).to.equal('NM000001');
  });

  it('when the type is not a device type, returns 400 naming type and stores nothing', async () => {
    const { token } = await signIn('technician');
    const donation = await createDonation();

    const res = await postDevice(token, donation.id, { ...thinkPad, type: 'watch' }).expect(400);

    const body = res.body as ErrorBodyOf<FieldErrorDto[]>;
    expect(body.error.code).to.equal('VALIDATION_FAILED');
    expect(body.error.details!.map((d) => d.path)).to.deep.equal(['type']);
    expect(await countRows('devices')).to.equal(0);
  });

  it('when the type is written in capitals, accepts it in lower case', async () => {
    const { token } = await signIn('technician');
    const donation = await createDonation();

    const res = await postDevice(token, donation.id, { type: ' Laptop ' }).expect(201);

    expect((res.body as DeviceDto).type).to.equal('laptop');
  });

  it('when two drives in one request share a serial, returns 400 and stores nothing', async () => {
    const { token } = await signIn('technician');
    const donation = await createDonation();

    const res = await postDevice(token, donation.id, {
      type: 'desktop',
      drives: [
        { serialNumber: 'WD-123', mediaType: 'hdd' },
        { serialNumber: 'WD-123', mediaType: 'hdd' },
      ],
    }).expect(400);

    const body = res.body as ErrorBodyOf<FieldErrorDto[]>;
    expect(body.error.code).to.equal('VALIDATION_FAILED');
    expect(body.error.details![0].path).to.match(/^drives/);
    expect(await countRows('devices')).to.equal(0);
    expect(await countRows('drives')).to.equal(0);
  });

  it('when two drives differ only in case and hyphens, returns 400 naming the drives, as for equal serials, and stores nothing', async () => {
    const { token } = await signIn('technician');
    const donation = await createDonation();

    const res = await postDevice(token, donation.id, {
      type: 'desktop',
      drives: [
        { serialNumber: 'WD-123abc', mediaType: 'hdd' },
        { serialNumber: 'wd123ABC', mediaType: 'hdd' },
      ],
    });

    // The drives table keys serials without case and hyphens; the API should say so in its own field names.
    expect(res.status).to.equal(400);
    const body = res.body as ErrorBodyOf<FieldErrorDto[]>;
    expect(body.error.code).to.equal('VALIDATION_FAILED');
    expect(body.error.details![0].path).to.match(/^drives/);
    expect(await countRows('devices')).to.equal(0);
    expect(await countRows('drives')).to.equal(0);
    expect(await countRows('device_events')).to.equal(0);
  });

  it('when a drive has an unknown media type, returns 400 naming the drive field', async () => {
    const { token } = await signIn('technician');
    const donation = await createDonation();

    const res = await postDevice(token, donation.id, {
      type: 'laptop',
      drives: [{ serialNumber: 'X1', mediaType: 'floppy' }],
    }).expect(400);

    expect((res.body as ErrorBodyOf<FieldErrorDto[]>).error.details!.map((d) => d.path)).to.deep.equal([
      'drives.0.mediaType',
    ]);
  });

  it("when no site is given, stores the device at the donation's site", async () => {
    const { token } = await signIn('technician');
    const site = await createSite();
    const donation = await createDonation();
    await withTransaction((transaction) =>
      Donation.update({ siteId: site.id }, { where: { id: donation.id }, transaction }),
    );

    const res = await postDevice(token, donation.id, { type: 'laptop' }).expect(201);

    expect((res.body as DeviceDto).siteId).to.equal(site.id);
    expect((await Device.findByPk((res.body as DeviceDto).id))?.siteId).to.equal(site.id);
  });

  it('when the site does not exist, returns 422 REFERENCE_NOT_FOUND naming siteId and stores nothing', async () => {
    const { token } = await signIn('technician');
    const donation = await createDonation({ status: 'pledged' });

    const res = await postDevice(token, donation.id, { type: 'laptop', siteId: 9999 }).expect(422);

    const body = res.body as ErrorBodyOf<FieldErrorDto[]>;
    expect(body.error.code).to.equal('REFERENCE_NOT_FOUND');
    expect(body.error.details).to.deep.equal([{ path: 'siteId', message: 'does not exist' }]);
    expect(await countRows('devices')).to.equal(0);
    expect((await Donation.findByPk(donation.id))?.status).to.equal('pledged');
  });

  it('when the donation does not exist, returns 404 and stores nothing', async () => {
    const { token } = await signIn('technician');

    const res = await postDevice(token, 999999, { type: 'laptop' }).expect(404);

    expect((res.body as ErrorBodyOf).error.code).to.equal('NOT_FOUND');
    expect(await countRows('devices')).to.equal(0);
  });

  it('when a viewer takes in a device, returns 403', async () => {
    const { token } = await signIn('viewer');
    const donation = await createDonation();

    await postDevice(token, donation.id, { type: 'laptop' }).expect(403);

    expect(await countRows('devices')).to.equal(0);
  });

  it('when 20 intakes into two donations run at once, gives 20 distinct tags without an error and counts each donation right', async function () {
    this.timeout(40_000);
    const { token } = await signIn('technician');
    const a = await createDonation({ status: 'pledged' });
    const b = await createDonation({ status: 'received' });

    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        postDevice(token, i % 2 ? b.id : a.id, {
          type: 'laptop',
          serialNumber: `SN-${i}`,
          drives: [{ serialNumber: `DR-${i}`, mediaType: 'ssd' }],
        }),
      ),
    );

    expect(results.map((r) => r.status)).to.deep.equal(Array(20).fill(201));
    const tags = results.map((r) => (r.body as DeviceDto).assetTag);
    expect(new Set(tags).size).to.equal(20);
    expect([...tags].sort()).to.deep.equal(Array.from({ length: 20 }, (_, i) => `NM${String(i + 1).padStart(6, '0')}`));
    const stored = await rawSelect<{ id: number; received_count: number | string; status: string }>(
      'SELECT id, received_count, status FROM donations ORDER BY id',
    );
    expect(stored.map((d) => [d.id, Number(d.received_count), d.status])).to.deep.equal([
      [a.id, 10, 'received'],
      [b.id, 10, 'received'],
    ]);
    expect(await Device.count()).to.equal(20);
    expect(await Drive.count()).to.equal(20);
    expect(await DeviceEvent.count({ where: { type: 'intake', seq: 1 } })).to.equal(20);
  });
});

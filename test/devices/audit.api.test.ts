import { expect } from 'chai';
import { api, bearer } from '../helpers/api.js';
import { createDonation, signIn } from '../helpers/factories.js';
import { postDevice, postManifest, rawWrite } from '../helpers/more-factories.js';
import { withTransaction } from '../../server/db/sequelize.js';
import { appendEvent } from '../../server/modules/devices/index.js';
import { DeviceEvent } from '../../server/modules/devices/devices.model.js';
import type { AuditVerifyDto, DeviceDto } from '../../server/shared/index.js';

/** Three devices taken in by hand, one of them with two more events, and two imported from a manifest. */
async function history(token: string): Promise<DeviceDto[]> {
  const donation = await createDonation();
  const devices: DeviceDto[] = [];
  for (const serialNumber of ['A1', 'A2', 'A3']) {
    devices.push(
      (
        await postDevice(token, donation.id, {
          type: 'laptop',
          serialNumber,
          drives: [{ serialNumber: `D-${serialNumber}`, mediaType: 'ssd' }],
        }).expect(201)
      ).body as DeviceDto,
    );
  }
  await withTransaction(async (transaction) => {
    await appendEvent(
      devices[1].id,
      { type: 'note', actorId: null, payload: { text: 'لوحة المفاتيح تالفة' } },
      transaction,
    );
    await appendEvent(devices[1].id, { type: 'label_printed', actorId: null }, transaction);
  });
  await postManifest(token, donation.id, 'type,serialNumber\ndesktop,B1\nmonitor,B2\n').expect(201);
  return devices;
}

async function verify(token: string): Promise<AuditVerifyDto> {
  return (await api().get('/api/audit/verify').set(bearer(token)).expect(200)).body as AuditVerifyDto;
}

describe('GET /api/audit/verify', () => {
  it('when devices were taken in by hand and by import and events were added, returns ok with what it checked', async () => {
    const { token } = await signIn('manager');
    await history(token);

    const report = await verify(token);

    expect(report).to.include({ ok: true, devicesChecked: 5, eventsChecked: 7, mode: 'full', checkpoint: null });
    expect(report.broken).to.deep.equal([]);
  });

  it('when there are no devices, returns ok with nothing checked', async () => {
    const { token } = await signIn('admin');

    const report = await verify(token);

    expect(report).to.include({ ok: true, devicesChecked: 0, eventsChecked: 0, since: 0, upTo: 0 });
    expect(report.broken).to.deep.equal([]);
  });

  it('when an event payload is changed in the database, returns ok false naming the device, its tag and the event', async () => {
    const { token } = await signIn('manager');
    const devices = await history(token);
    const target = devices[1];
    const event = await DeviceEvent.findOne({ where: { deviceId: target.id, seq: 2 } });

    await rawWrite('UPDATE device_events SET payload = :payload WHERE id = :id', {
      payload: '{"text":"all fine"}',
      id: event!.id,
    });
    const report = await verify(token);

    expect(report.ok).to.equal(false);
    expect(report.broken).to.have.length(1);
    expect(report.broken[0]).to.include({ deviceId: target.id, assetTag: target.assetTag, seq: 2, eventId: event!.id });
    expect(report.broken[0].reason).to.match(/altered/);
  });

  it('when the last event of a device is deleted, returns ok false naming that device', async () => {
    const { token } = await signIn('manager');
    const devices = await history(token);
    const target = devices[1];

    await rawWrite('DELETE FROM device_events WHERE device_id = :id AND seq = 3', { id: target.id });
    const report = await verify(token);

    expect(report.ok).to.equal(false);
    expect(report.broken.map((b) => [b.deviceId, b.assetTag, b.seq])).to.deep.equal([[target.id, target.assetTag, 3]]);
  });

  it('when the only event of a device is deleted, returns ok false naming that device', async () => {
    const { token } = await signIn('manager');
    const devices = await history(token);

    await rawWrite('DELETE FROM device_events WHERE device_id = :id', { id: devices[2].id });
    const report = await verify(token);

    expect(report.ok).to.equal(false);
    expect(report.broken.map((b) => [b.deviceId, b.assetTag, b.seq])).to.deep.equal([
      [devices[2].id, devices[2].assetTag, 1],
    ]);
  });

  it('when an event in the middle is deleted, returns ok false naming the device', async () => {
    const { token } = await signIn('manager');
    const devices = await history(token);

    await rawWrite('DELETE FROM device_events WHERE device_id = :id AND seq = 2', { id: devices[1].id });
    const report = await verify(token);

    expect(report.ok).to.equal(false);
    expect([...new Set(report.broken.map((b) => b.deviceId))]).to.deep.equal([devices[1].id]);
    expect(report.broken[0]).to.include({ assetTag: devices[1].assetTag, seq: 3 });
  });

  it('when the time of an event is changed, returns ok false naming the device', async () => {
    const { token } = await signIn('manager');
    const devices = await history(token);
    const event = await DeviceEvent.findOne({ where: { deviceId: devices[0].id, seq: 1 } });

    await rawWrite('UPDATE device_events SET created_at = :when WHERE id = :id', {
      when: new Date(event!.createdAt.getTime() - 3_600_000),
      id: event!.id,
    });
    const report = await verify(token);

    expect(report.ok).to.equal(false);
    expect(report.broken).to.have.length(1);
    expect(report.broken[0]).to.include({ deviceId: devices[0].id, assetTag: devices[0].assetTag, seq: 1 });
  });

  it('when the status recorded by an imported device event is changed, returns ok false naming that device', async () => {
    const { token } = await signIn('manager');
    await history(token);
    const imported = await DeviceEvent.findOne({ where: { seq: 1 }, order: [['id', 'DESC']] });

    await rawWrite("UPDATE device_events SET to_status = 'ready' WHERE id = :id", { id: imported!.id });
    const report = await verify(token);

    expect(report.ok).to.equal(false);
    expect(report.broken.map((b) => [b.deviceId, b.seq])).to.deep.equal([[imported!.deviceId, 1]]);
  });
});

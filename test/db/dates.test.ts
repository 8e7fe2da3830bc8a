// Dates are stored as UTC wall time and must come back as the same instant, whichever way a row is read: through
// a model, as plain rows, or in a batch of SELECTs (MySQL reads them with our own cast, server/db/sequelize.ts).
import { expect } from 'chai';
import { api, bearer } from '../helpers/api.js';
import { signIn } from '../helpers/factories.js';
import { createDeviceRecord, rawSelect, rawWrite } from '../helpers/more-factories.js';
import { Device } from '../../server/modules/devices/devices.model.js';
import { isSqlite } from '../../server/db/sequelize.js';

describe('dates read back from the database', () => {
  // A server clock in Riyadh (UTC+3) must not shift stored UTC times: Node honours TZ changed at run time.
  const zone = process.env.TZ;
  before(() => {
    process.env.TZ = 'Asia/Riyadh';
  });
  after(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it('when a DATETIME holds 2026-01-02 03:04:05.678 UTC, the model, the list, the device page and the intake queue all say that instant on a server in UTC+3', async () => {
    const { token } = await signIn('viewer');
    const device = await createDeviceRecord();
    const stored = isSqlite() ? '2026-01-02 03:04:05.678 +00:00' : '2026-01-02 03:04:05.678';
    await rawWrite('UPDATE devices SET status_changed_at = :stored WHERE id = :id', { stored, id: device.id });

    const model = await Device.findByPk(device.id);
    const list = await api().get('/api/devices?status=intake').set(bearer(token)).expect(200);
    const page = await api().get(`/api/devices/${device.id}`).set(bearer(token)).expect(200);
    const queue = await api().get('/api/intake-queue').set(bearer(token)).expect(200);

    expect(model!.statusChangedAt.toISOString()).to.equal('2026-01-02T03:04:05.678Z');
    expect(list.body.items[0].statusChangedAt).to.equal('2026-01-02T03:04:05.678Z');
    expect(page.body.statusChangedAt).to.equal('2026-01-02T03:04:05.678Z');
    expect(queue.body.devices[0].statusChangedAt).to.equal('2026-01-02T03:04:05.678Z');
  });

  it('when a model writes 2026-03-04T05:06:07.089Z on a server in UTC+3, the column holds that UTC wall time', async () => {
    const device = await createDeviceRecord();
    await device.update({ statusChangedAt: new Date('2026-03-04T05:06:07.089Z') });

    const [row] = await rawSelect<{ v: string }>(
      'SELECT CAST(status_changed_at AS CHAR) AS v FROM devices WHERE id = :id',
      { id: device.id },
    );

    expect(row.v).to.equal(isSqlite() ? '2026-03-04 05:06:07.089 +00:00' : '2026-03-04 05:06:07.089');
  });
});

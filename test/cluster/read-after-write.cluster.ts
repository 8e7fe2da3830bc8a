// Read-after-write across instances: after each action sent through nginx, the very next request for the device page
// (which nginx passes to another instance) shows the new status and version, as the next screen a user opens would.
// Holds with a replica in the cluster because the device page reads from the primary (server/db/select-batch.ts).
import { expect } from 'chai';
import { verifiedBeneficiary } from '../documents/documents.helpers.js';
import { signIn } from '../helpers/factories.js';
import { PNG } from '../helpers/fixtures.js';
import { intake, QA_PASS, wipeAllDrives } from '../helpers/workshop.js';
import { cluster, instancesThatServed, send, type ClusterResponse } from './cluster.js';

interface Device {
  id: number;
  status: string;
  version: number;
}

describe('cluster: read-after-write through nginx', function () {
  this.timeout(120_000);
  let token: string;
  beforeEach(async () => {
    token = (await signIn('manager')).token;
  });

  it('after each action, the device page on the next request shows the new status and version', async () => {
    const writes: ClusterResponse[] = [];
    const reads: ClusterResponse[] = [];
    let crossed = 0;
    let device: Device = { id: 0, status: '', version: 0 };
    /** The action through nginx, then the device page through nginx: the same status and version. */
    const step = async (method: string, url: string, body: unknown, expected: string) => {
      const write = await send<Device>(token, method, url, body);
      expect(write.status, `${url} ${JSON.stringify(write.body)}`).to.be.oneOf([200, 201]);
      const page = await send<Device>(token, 'GET', `/api/devices/${device.id}`);
      expect(page.status).to.equal(200);
      expect({ status: page.body.status, version: page.body.version }, `after ${expected}`).to.deep.equal({
        status: expected,
        version: device.version + 1,
      });
      writes.push(write);
      reads.push(page);
      if (instancesThatServed([write])[0] !== instancesThatServed([page])[0]) crossed += 1;
      device = page.body;
    };

    for (let round = 0; round < 3; round += 1) {
      device = await intake(token);
      const action = (body: Record<string, unknown>, expected: string) =>
        step('POST', `/api/devices/${device.id}/actions`, { version: device.version, ...body }, expected);
      await action({ action: 'triage', needsRepair: true, disposition: 'reuse', findings: 'keyboard' }, 'repair');
      await action({ action: 'repair', workDone: 'Replaced the keyboard', partsUsed: [], fixed: true }, 'wipe');
      await wipeAllDrives(token, device.id);
      await action({ action: 'complete_wipe' }, 'refurbish');
      await action(
        { action: 'refurbish', os: 'Ubuntu 24.04', licence: 'open_source', grade: 'B', qa: QA_PASS },
        'ready',
      );
      const family = await verifiedBeneficiary(token);
      const allocation = await send<{ id: number }>(token, 'POST', '/api/allocations', {
        deviceId: device.id,
        beneficiaryId: family.id,
      });
      expect(allocation.status).to.equal(201);
      let page = await send<Device>(token, 'GET', `/api/devices/${device.id}`);
      expect([page.body.status, page.body.version]).to.deep.equal(['allocated', device.version + 1]);
      device = page.body;
      const handover = await send(token, 'POST', `/api/allocations/${allocation.body.id}/handover`, {
        receivedBy: 'أم خالد',
        signature: `data:image/png;base64,${PNG.toString('base64')}`,
      });
      expect(handover.status, JSON.stringify(handover.body)).to.equal(200);
      page = await send<Device>(token, 'GET', `/api/devices/${device.id}`);
      expect([page.body.status, page.body.version]).to.deep.equal(['handed_over', device.version + 1]);
    }
    // Round robin: the page was read from another instance than the one that wrote, again and again.
    expect(instancesThatServed([...writes, ...reads])).to.deep.equal(cluster.ports);
    expect(crossed, 'reads served by an instance other than the writer').to.be.greaterThan(writes.length / 2);
  });
});

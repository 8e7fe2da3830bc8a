// Allocations per role: technicians and viewers see that a device went to a beneficiary (id, dates, status), never
// who received it, the certificate code, or the reasons a manager typed about the family.
import { expect } from 'chai';
import { api, bearer } from '../helpers/api.js';
import { signIn } from '../helpers/factories.js';
import { handedOver } from '../documents/documents.helpers.js';
import type { Role } from '../../server/modules/auth/index.js';

describe('allocations: redaction per role', () => {
  it('when a technician or viewer lists or opens a handed-over allocation, the receiver and certificate code are null; a manager sees both', async () => {
    const { token: manager } = await signIn('manager');
    const h = await handedOver(manager);

    for (const role of ['technician', 'viewer'] as Role[]) {
      const { token } = await signIn(role);
      const one = await api().get(`/api/allocations/${h.allocationId}`).set(bearer(token)).expect(200);
      const list = await api().get('/api/allocations').set(bearer(token)).expect(200);
      for (const dto of [one.body, list.body.items[0]]) {
        expect(dto, role).to.include({
          id: h.allocationId,
          status: 'handed_over',
          redacted: true,
          receivedBy: null,
          certificateCode: null,
          overrideReason: null,
          cancelReason: null,
        });
        expect(JSON.stringify(dto)).not.to.contain(h.certificateCode).and.not.to.contain('أم خالد');
      }
    }
    const full = await api().get(`/api/allocations/${h.allocationId}`).set(bearer(manager)).expect(200);
    expect(full.body).to.include({ redacted: false, receivedBy: 'أم خالد', certificateCode: h.certificateCode });
  });

  it('when anyone reads the device history, the handover event shows no certificate code', async () => {
    const { token: manager } = await signIn('manager');
    const h = await handedOver(manager);

    const events = await api().get(`/api/devices/${h.device.id}/events`).set(bearer(manager)).expect(200);

    expect(events.body.items.find((e: { type: string }) => e.type === 'handover').payload)
      .to.include({ allocationId: h.allocationId })
      .and.not.have.property('certificateCode');
    expect(JSON.stringify(events.body)).not.to.contain(h.certificateCode);
  });
});

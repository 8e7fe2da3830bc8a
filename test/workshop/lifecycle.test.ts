// The lifecycle table, checked for every status × action pair against the product spec (§3).
import { expect } from 'chai';
import {
  allowedActions,
  assertActionAllowed,
  DEVICE_ACTIONS,
  DEVICE_STATUSES,
  TRANSITIONS,
  type DeviceAction,
  type DeviceStatus,
} from '../../server/modules/devices/devices.lifecycle.js';
import { ConflictError } from '../../server/lib/errors.js';

const SPEC: Record<DeviceAction, { from: DeviceStatus; to: DeviceStatus[] }> = {
  triage: { from: 'intake', to: ['repair', 'wipe'] },
  repair: { from: 'repair', to: ['wipe'] },
  complete_wipe: { from: 'wipe', to: ['refurbish', 'disposal'] },
  refurbish: { from: 'refurbish', to: ['ready', 'repair'] },
  allocate: { from: 'ready', to: ['allocated'] },
  cancel_allocation: { from: 'allocated', to: ['ready'] },
  handover: { from: 'allocated', to: ['handed_over'] },
  // Spec §13: a batch handed over to a partner association puts its devices in the partner's custody, ready again.
  transfer_custody: { from: 'allocated', to: ['ready'] },
  recycle: { from: 'disposal', to: ['recycled'] },
  harvest: { from: 'disposal', to: ['harvested'] },
  return: { from: 'handed_over', to: ['intake'] },
};

describe('device lifecycle table', () => {
  for (const status of DEVICE_STATUSES) {
    for (const action of DEVICE_ACTIONS) {
      const allowed = SPEC[action].from === status;
      it(`${action} from ${status} is ${allowed ? 'allowed' : 'refused with INVALID_TRANSITION'}`, () => {
        if (allowed) {
          expect(() => assertActionAllowed(status, action)).not.to.throw();
          expect(allowedActions(status)).to.include(action);
          expect([...TRANSITIONS[action].to]).to.deep.equal(SPEC[action].to);
        } else {
          try {
            assertActionAllowed(status, action);
            expect.fail('should have thrown');
          } catch (err) {
            expect(err).to.be.instanceOf(ConflictError);
            expect((err as ConflictError).code).to.equal('INVALID_TRANSITION');
            expect((err as ConflictError).details).to.deep.include({ status, action, allowed: allowedActions(status) });
          }
          expect(allowedActions(status)).not.to.include(action);
        }
      });
    }
  }

  it('leaves recycled and harvested devices with no action at all', () => {
    expect(allowedActions('recycled')).to.deep.equal([]);
    expect(allowedActions('harvested')).to.deep.equal([]);
  });
});

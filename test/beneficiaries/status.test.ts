import { expect } from 'chai';
import { withTransaction } from '../../server/db/sequelize.js';
import { AppError } from '../../server/lib/errors.js';
import { Beneficiary, BeneficiaryAudit } from '../../server/modules/beneficiaries/beneficiaries.model.js';
import { changeBeneficiaryStatus, type BeneficiaryStatus } from '../../server/modules/beneficiaries/index.js';
import { api, bearer } from '../helpers/api.js';
import { signIn } from '../helpers/factories.js';
import { createBeneficiary, setRow } from './helpers.js';

const patch = (token: string, id: number, body: Record<string, unknown>) =>
  api().patch(`/api/beneficiaries/${id}`).set(bearer(token)).send(body);

async function statusTrail(id: number): Promise<[string | null, string | null, string[]][]> {
  const rows = await BeneficiaryAudit.findAll({
    where: { beneficiaryId: id, action: 'status_changed' },
    order: [['id', 'ASC']],
  });
  return rows.map((r) => [r.fromStatus, r.toStatus, JSON.parse(r.fields) as string[]]);
}

async function systemChange(id: number, to: BeneficiaryStatus): Promise<Beneficiary> {
  const b = (await Beneficiary.findByPk(id))!;
  return withTransaction((t) => changeBeneficiaryStatus(b, to, null, t, { allowSystem: true }));
}

describe('beneficiary status flow', () => {
  it('when a manager verifies then waitlists, moves applied → verified → waitlisted with one audit row per change', async () => {
    const { user, token } = await signIn('manager');
    const b = await createBeneficiary(token);

    const verified = await patch(token, b.id, { status: 'verified' }).expect(200);
    const waitlisted = await patch(token, b.id, { status: 'waitlisted' }).expect(200);

    expect(verified.body).to.deep.include({ status: 'verified', allowedTransitions: ['waitlisted', 'rejected'] });
    expect(waitlisted.body).to.deep.include({ status: 'waitlisted', allowedTransitions: ['rejected'] });
    expect(Date.parse(waitlisted.body.statusChangedAt)).to.be.at.least(Date.parse(b.statusChangedAt));
    expect((await Beneficiary.findByPk(b.id))!.status).to.equal('waitlisted');
    expect(await statusTrail(b.id)).to.deep.equal([
      ['applied', 'verified', ['status']],
      ['verified', 'waitlisted', ['status']],
    ]);
    const actors = await BeneficiaryAudit.findAll({ where: { beneficiaryId: b.id, action: 'status_changed' } });
    expect(actors.map((a) => a.actorId)).to.deep.equal([user.id, user.id]);
  });

  it('when rejected without a reason, returns 400; with one, stores the reason and audits it by name', async () => {
    const { token } = await signIn('manager');
    const b = await createBeneficiary(token);

    const noReason = await patch(token, b.id, { status: 'rejected' }).expect(400);
    const res = await patch(token, b.id, {
      status: 'rejected',
      rejectionReason: 'Income above the programme threshold',
    }).expect(200);

    expect(noReason.body.error.details.map((d: { path: string }) => d.path)).to.deep.equal(['rejectionReason']);
    expect(res.body).to.deep.include({
      status: 'rejected',
      rejectionReason: 'Income above the programme threshold',
      allowedTransitions: [],
    });
    expect((await Beneficiary.findByPk(b.id))!.rejectionReason).to.equal('Income above the programme threshold');
    expect(await statusTrail(b.id)).to.deep.equal([['applied', 'rejected', ['status', 'rejectionReason']]]);
  });

  it('when a rejection reason comes without status rejected, returns 400', async () => {
    const { token } = await signIn('manager');
    const b = await createBeneficiary(token);

    const res = await patch(token, b.id, { status: 'verified', rejectionReason: 'no' }).expect(400);

    expect(res.body.error.details.map((d: { path: string }) => d.path)).to.deep.equal(['rejectionReason']);
    expect((await Beneficiary.findByPk(b.id))!.status).to.equal('applied');
  });

  for (const to of ['allocated', 'served'] as const) {
    it(`when PATCH asks for ${to}, returns 409 INVALID_TRANSITION listing what is allowed, and changes nothing (fields included)`, async () => {
      const { token } = await signIn('admin');
      const b = await createBeneficiary(token);
      await patch(token, b.id, { status: 'verified' }).expect(200);

      const res = await patch(token, b.id, { status: to, city: 'جدة' }).expect(409);

      expect(res.body.error).to.deep.include({
        code: 'INVALID_TRANSITION',
        details: { status: 'verified', to, allowed: ['waitlisted', 'rejected'] },
      });
      expect(res.body.error.message).to.contain('allocation');
      const stored = (await Beneficiary.findByPk(b.id))!;
      expect([stored.status, stored.city]).to.deep.equal(['verified', 'الدمام']);
      expect(await BeneficiaryAudit.count({ where: { beneficiaryId: b.id } })).to.equal(2);
    });
  }

  it('when a step is skipped or a rejected beneficiary is reopened, returns 409 INVALID_TRANSITION', async () => {
    const { token } = await signIn('manager');
    const b = await createBeneficiary(token);

    const skip = await patch(token, b.id, { status: 'waitlisted' }).expect(409);
    await patch(token, b.id, { status: 'rejected', rejectionReason: 'Duplicate household' }).expect(200);
    const reopen = await patch(token, b.id, { status: 'verified' }).expect(409);

    expect(skip.body.error.details).to.deep.equal({
      status: 'applied',
      to: 'waitlisted',
      allowed: ['verified', 'rejected'],
    });
    expect(reopen.body.error.details).to.deep.equal({ status: 'rejected', to: 'verified', allowed: [] });
  });

  describe('changeBeneficiaryStatus (the allocations module)', () => {
    it('with allowSystem, allocates a verified beneficiary, serves them, and audits each step without an actor', async () => {
      const { token } = await signIn('manager');
      const b = await createBeneficiary(token);
      await setRow(b.id, { status: 'verified' });

      await systemChange(b.id, 'allocated');
      const served = await systemChange(b.id, 'served');

      expect(served.status).to.equal('served');
      expect((await Beneficiary.findByPk(b.id))!.status).to.equal('served');
      expect(await statusTrail(b.id)).to.deep.equal([
        ['verified', 'allocated', ['status']],
        ['allocated', 'served', ['status']],
      ]);
      expect(
        (await BeneficiaryAudit.findAll({ where: { action: 'status_changed' } })).map((a) => a.actorId),
      ).to.deep.equal([null, null]);
    });

    it('with allowSystem, a cancelled allocation returns the beneficiary to the waitlist', async () => {
      const { token } = await signIn('manager');
      const b = await createBeneficiary(token);
      await setRow(b.id, { status: 'waitlisted' });
      await systemChange(b.id, 'allocated');

      const back = await systemChange(b.id, 'waitlisted');

      expect(back.status).to.equal('waitlisted');
    });

    it('without allowSystem, refuses allocated with 409 INVALID_TRANSITION', async () => {
      const { token } = await signIn('manager');
      const b = await createBeneficiary(token);
      await setRow(b.id, { status: 'verified' });
      const row = (await Beneficiary.findByPk(b.id))!;

      const err = await withTransaction((t) => changeBeneficiaryStatus(row, 'allocated', null, t)).catch(
        (e: unknown) => e,
      );

      expect(err).to.be.instanceOf(AppError).and.include({ code: 'INVALID_TRANSITION', status: 409 });
      expect((await Beneficiary.findByPk(b.id))!.status).to.equal('verified');
    });

    it('when the beneficiary changed after it was read, throws 409 STALE_BENEFICIARY and writes no audit row', async () => {
      const { token } = await signIn('manager');
      const b = await createBeneficiary(token);
      await setRow(b.id, { status: 'verified' });
      const stale = (await Beneficiary.findByPk(b.id))!;
      await systemChange(b.id, 'allocated');

      const err = await withTransaction((t) => changeBeneficiaryStatus(stale, 'waitlisted', null, t)).catch(
        (e: unknown) => e,
      );

      expect(err).to.be.instanceOf(AppError).and.include({ code: 'STALE_BENEFICIARY', status: 409 });
      expect((await Beneficiary.findByPk(b.id))!.status).to.equal('allocated');
      expect(await statusTrail(b.id)).to.deep.equal([['verified', 'allocated', ['status']]]);
    });

    it('when two allocations race for the same verified beneficiary, exactly one wins', async () => {
      const { token } = await signIn('manager');
      const b = await createBeneficiary(token);
      await setRow(b.id, { status: 'verified' });
      const [one, two] = [(await Beneficiary.findByPk(b.id))!, (await Beneficiary.findByPk(b.id))!];

      const results = await Promise.allSettled(
        [one, two].map((copy) =>
          withTransaction((t) => changeBeneficiaryStatus(copy, 'allocated', null, t, { allowSystem: true })),
        ),
      );

      expect(results.map((r) => r.status).sort()).to.deep.equal(['fulfilled', 'rejected']);
      const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(lost.reason).to.include({ code: 'STALE_BENEFICIARY' });
      expect(await statusTrail(b.id)).to.have.length(1);
    });
  });
});

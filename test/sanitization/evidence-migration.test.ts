// migrations/2026.12.06T00.00.03.sanitization-evidence.ts on rows written before it: a record with an evidence file
// counts (tool_log); one typed in by hand waits for its verifier, or, naming none, for any colleague but its operator.
import { expect } from 'chai';
import { api, bearer } from '../helpers/api.js';
import { signIn } from '../helpers/factories.js';
import { rawSelect, rawWrite } from '../helpers/more-factories.js';
import { intake } from '../helpers/workshop.js';
import { getSequelize } from '../../server/db/sequelize.js';
import { Drive } from '../../server/modules/devices/devices.model.js';
import { up } from '../../migrations/2026.12.06T00.00.03.sanitization-evidence.js';

const run = () => up({ name: 'sanitization-evidence', context: getSequelize().getQueryInterface() });

/** A row as the code before the migration wrote it: only the columns it knew (the new ones take their defaults). */
async function legacyRow(
  deviceId: number,
  driveId: number,
  operatorId: number,
  verifierId: number | null,
  evidenceSha256: string | null,
  result = 'passed',
): Promise<number> {
  await rawWrite(
    `INSERT INTO sanitizations (device_id, drive_id, method, technique, tool, passes, verification, result, operator_id, verifier_id, source, evidence_sha256, created_at)
    VALUES (:deviceId, :driveId, 'purge', 'ata_sanitize', 'hdparm 9.65', 1, 'last_pass', :result, :operatorId, :verifierId, :source, :evidenceSha256, :now)`,
    {
      deviceId,
      driveId,
      operatorId,
      verifierId,
      evidenceSha256,
      result,
      source: evidenceSha256 ? 'nwipe' : 'manual',
      now: new Date(),
    },
  );
  const [row] = await rawSelect<{ id: number }>('SELECT MAX(id) AS id FROM sanitizations');
  return Number(row.id);
}

describe('migration: sanitization evidence and state (spec §10)', () => {
  it('maps legacy rows: with a file → tool_log/counted; without → none/awaiting_confirmation, keeping the verifier; running again changes nothing', async () => {
    const operator = await signIn('technician');
    const verifier = await signIn('manager');
    const device = await intake(operator.token, 3);
    const drives = await Drive.findAll({ where: { deviceId: device.id }, order: [['id', 'ASC']] });
    const withFile = await legacyRow(device.id, drives[0].id, operator.user.id, null, 'c'.repeat(64));
    const named = await legacyRow(device.id, drives[1].id, operator.user.id, verifier.user.id, null);
    const unnamed = await legacyRow(device.id, drives[2].id, operator.user.id, null, null);
    const failedWithFile = await legacyRow(device.id, drives[2].id, operator.user.id, null, 'd'.repeat(64), 'failed');

    await run();
    await run();

    const rows = await rawSelect<{ id: number; evidence: string; state: string; verifier_id: number | null }>(
      'SELECT id, evidence, state, verifier_id FROM sanitizations ORDER BY id',
    );
    expect(
      rows.map((r) => [Number(r.id), r.evidence, r.state, r.verifier_id === null ? null : Number(r.verifier_id)]),
    ).to.deep.equal([
      [withFile, 'tool_log', 'counted', null],
      [named, 'none', 'awaiting_confirmation', verifier.user.id],
      [unnamed, 'none', 'awaiting_confirmation', null],
      [failedWithFile, 'tool_log', 'counted', null],
    ]);
  });

  it('a legacy record naming no verifier may be confirmed by any staff member but its operator, who becomes its verifier', async () => {
    const operator = await signIn('technician');
    const colleague = await signIn('technician');
    const device = await intake(operator.token, 1);
    const drive = await Drive.findOne({ where: { deviceId: device.id } });
    const id = await legacyRow(device.id, drive!.id, operator.user.id, null, null);
    await run();

    const queue = (await api().get('/api/sanitizations?awaiting=me').set(bearer(colleague.token)).expect(200)).body;
    expect(queue.items.map((i: { id: number }) => i.id)).to.deep.equal([id]);
    expect(
      (await api().get('/api/sanitizations?awaiting=me').set(bearer(operator.token)).expect(200)).body.total,
    ).to.equal(0);
    expect(
      (await api().post(`/api/sanitizations/${id}/confirm`).set(bearer(operator.token)).expect(403)).body.error.code,
    ).to.equal('OPERATOR_CANNOT_CONFIRM');
    const res = await api().post(`/api/sanitizations/${id}/confirm`).set(bearer(colleague.token)).expect(200);
    expect(res.body).to.include({ state: 'counted', verifierId: colleague.user.id, confirmedBy: colleague.user.id });
  });
});

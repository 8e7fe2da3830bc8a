// Demo programme "Phase 1" (2,000 families), beneficiaries, and the allocation rows behind the demo devices
// that are allocated or handed over, with handovers spread over the past year so the dashboard has a history.
// Idempotent: the programme by name, beneficiaries by national-ID hash, allocations by device. Demo people are
// written with their final status directly, so they carry no audit rows (real ones always do).
import { Op, type Transaction } from 'sequelize';
import { withTransaction } from '../server/db/sequelize.js';
import { initModels } from '../server/models.js';
import { storeFile } from '../server/lib/file-store.js';
import { preparePiiKey } from '../server/lib/pii-key.js';
import { piiHash } from '../server/lib/pii.js';
import { Allocation } from '../server/modules/allocations/allocations.model.js';
import { newCertificateCode } from '../server/modules/allocations/allocations.handover.js';
import { Beneficiary, BeneficiaryAudit } from '../server/modules/beneficiaries/beneficiaries.model.js';
import { Device } from '../server/modules/devices/devices.model.js';
import { Programme } from '../server/modules/programmes/programmes.model.js';
import { rebuildFigures } from '../server/modules/figures/index.js';
import { ensureBeneficiary, familySeeds } from './demo/families.js';
import type { Migration } from '../server/db/umzug.js';

const PHASE_1 = 'المرحلة الأولى';
const WAITING = 60;
const DAY_MS = 86_400_000;
// A 1×1 PNG: the demo "signature".
const SIGNATURE = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * The setup's demo (issue 22) names its programme apart from "المرحلة الأولى", which the setup suggests for the
 * charity's own first programme: removing the demo must never take a real programme with it.
 */
export const SETUP_DEMO_PROGRAMME = { name: 'برنامج تجريبي', nameLatin: 'Demo programme' } as const;

export async function seedDemoProgramme(
  names: { name: string; nameLatin: string } = { name: PHASE_1, nameLatin: 'Phase 1' },
): Promise<{ beneficiaries: number; allocations: number }> {
  initModels();
  await preparePiiKey();
  const signatureSha = await storeFile(SIGNATURE);
  return withTransaction(async (transaction) => {
    const [programme] = await Programme.findOrCreate({
      where: { name: names.name },
      transaction,
      defaults: {
        ...names,
        targetFamilies: 2000,
        targetStudents: 0,
        startsOn: '2026-01-01',
        endsOn: '2027-12-31',
      },
    });
    const placed = await Device.findAll({
      where: { status: { [Op.in]: ['allocated', 'handed_over'] } },
      order: [['id', 'ASC']],
      transaction,
    });
    const seeds = familySeeds(placed.length + WAITING);
    let allocations = 0;
    for (const [i, device] of placed.entries()) {
      const person = await ensureBeneficiary(
        { ...seeds[i], status: device.status === 'handed_over' ? 'served' : 'allocated' },
        i,
        transaction,
      );
      if (await Allocation.count({ where: { deviceId: device.id }, transaction })) continue;
      const handed = device.status === 'handed_over';
      await Allocation.create(
        {
          deviceId: device.id,
          beneficiaryId: person.id,
          programmeId: programme.id,
          status: handed ? 'handed_over' : 'reserved',
          beneficiaryPrevStatus: 'waitlisted',
          overrideReason: null,
          allocatedBy: null,
          ...(handed
            ? {
                receivedBy: person.name,
                signatureSha256: signatureSha,
                signatureType: 'image/png',
                certificateCode: newCertificateCode(),
                handedOverAt: new Date(Date.now() - ((i * 4) % 330) * DAY_MS),
              }
            : {}),
        },
        { transaction },
      );
      allocations += 1;
    }
    for (let i = placed.length; i < seeds.length; i += 1) {
      const status = (['verified', 'waitlisted', 'waitlisted', 'applied'] as const)[i % 4];
      await ensureBeneficiary({ ...seeds[i], status }, i, transaction);
    }
    return { beneficiaries: await Beneficiary.count({ transaction }), allocations };
  });
}

// Demo allocations are written as rows, not through handover(): the figures' read model learns of them (and of
// the demo devices) from its rebuild, as it would of data loaded by hand.
export const up: Migration = async () => {
  await seedDemoProgramme();
  await rebuildFigures();
};

/**
 * Removes what the setup's demo added here (DELETE /api/settings/demo), in the caller's transaction: the allocations
 * of demo people and of demo devices, the demo people (and any audit rows staff added to them), and the setup's demo
 * programme once nothing refers to it. Real people, allocations and programmes stay.
 */
export async function removeSetupDemoProgramme(
  demoDeviceIds: number[],
  transaction: Transaction,
): Promise<{ allocations: number; beneficiaries: number; programmes: number }> {
  const people = (
    await Beneficiary.findAll({
      attributes: ['id'],
      where: { nationalIdHash: { [Op.in]: demoPeopleHashes() } },
      raw: true,
      transaction,
    })
  ).map((b) => b.id);
  const allocations = await Allocation.destroy({
    where: { [Op.or]: [{ beneficiaryId: people }, { deviceId: demoDeviceIds }] },
    transaction,
  });
  await BeneficiaryAudit.destroy({ where: { beneficiaryId: people }, transaction });
  const beneficiaries = await Beneficiary.destroy({ where: { id: people }, transaction });
  let programmes = 0;
  const programme = await Programme.findOne({ where: { name: SETUP_DEMO_PROGRAMME.name }, transaction });
  if (programme && !(await Allocation.count({ where: { programmeId: programme.id }, transaction }))) {
    await programme.destroy({ transaction });
    programmes = 1;
  }
  return { allocations, beneficiaries, programmes };
}

/** Demo people are recognised by their national-ID hash; 1,000 covers any number of demo devices placed. */
const demoPeopleHashes = (): string[] => familySeeds(1000).map((seed) => piiHash(seed.nationalId));

export const down: Migration = async () => {
  initModels();
  await preparePiiKey();
  const hashes = demoPeopleHashes();
  await withTransaction(async (transaction) => {
    const programme = await Programme.findOne({ where: { name: PHASE_1 }, transaction });
    if (programme) await Allocation.destroy({ where: { programmeId: programme.id }, transaction });
    await Beneficiary.destroy({ where: { nationalIdHash: { [Op.in]: hashes } }, transaction });
    if (programme) await programme.destroy({ transaction });
  });
  await rebuildFigures();
};

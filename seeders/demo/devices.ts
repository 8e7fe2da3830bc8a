// Demo devices, through the application's own write paths: createDevice() allocates the asset tag from the
// database and writes the first hash-chained event; addRecords() writes sanitization records with their
// events; changeStatus() (the one function that writes Device.status) does each lifecycle action.
import type { Transaction } from 'sequelize';
import { appendEvent, changeStatus, createDevice } from '../../server/modules/devices/index.js';
import { Device } from '../../server/modules/devices/devices.model.js';
import { issueReceiptNumber } from '../../server/modules/donations/index.js';
import { Donation } from '../../server/modules/donations/donations.model.js';
import { Disposal, Part, VerificationSample } from '../../server/modules/workshop/workshop.model.js';
import { serialKey } from '../../server/lib/text.js';
import { storageSummary } from './catalogue.js';
import { historyOf, type ActionStep, type Step } from './paths.js';
import type { DemoDonation } from './donations.js';
import type { DevicePlan, LotPlan } from './plan.js';
import type { Staff } from './reference.js';
import type { WipeRecord } from './wipes.js';
import { addEvidencedRecords } from './wipe-evidence.js';

const MINUTE = 60_000;

/** Devices are recognised by serial number; returns how many were created. */
export async function ensureDevices(
  lots: LotPlan[],
  donations: Map<number, DemoDonation>,
  staff: Staff,
  transaction: Transaction,
): Promise<number> {
  const planned = lots.flatMap((l) =>
    l.devices.map((d) => ({ lot: l.lot, device: d, key: serialKey(d.serialNumber) })),
  );
  const found = await Device.findAll({
    attributes: ['serialKey'],
    where: { serialKey: planned.map((p) => p.key) },
    raw: true,
    transaction,
  });
  const existing = new Set(found.map((d) => d.serialKey));
  let created = 0;
  for (const p of planned) {
    if (existing.has(p.key)) continue;
    await writeDevice(p.device, donations.get(p.lot)!, staff, transaction);
    created += 1;
  }
  // As an intake through the API would: a donation holding devices has its receipt number (oldest lot first).
  const filled = await Donation.findAll({
    where: { id: [...new Set(planned.map((p) => donations.get(p.lot)!.id))], receiptNumber: null },
    order: [
      ['receivedAt', 'ASC'],
      ['id', 'ASC'],
    ],
    transaction,
  });
  for (const donation of filled) await issueReceiptNumber(donation, transaction);
  return created;
}

async function writeDevice(
  plan: DevicePlan,
  donation: DemoDonation,
  staff: Staff,
  transaction: Transaction,
): Promise<void> {
  const { model } = plan;
  let device = await createDevice(
    donation.id,
    {
      type: model.type,
      manufacturer: model.manufacturer,
      model: model.model,
      serialNumber: plan.serialNumber,
      siteId: donation.siteId ?? undefined,
      cpu: plan.cpu ?? undefined,
      ramGb: plan.ramGb ?? undefined,
      screenInches: model.screenInches ?? undefined,
      batteryHealth: plan.batteryHealth ?? undefined,
      notes: plan.notes ?? undefined,
      drives: plan.drives,
    },
    staff.technician,
    transaction,
    'demo_seed',
  );
  // Not a lifecycle field, so it is set directly (a hardware report would fill it in the real flow).
  await device.update({ storageSummary: storageSummary(plan.drives) }, { transaction });
  for (const step of historyOf(plan)) device = await writeStep(device, step, staff, transaction);
}

async function writeStep(device: Device, step: Step, staff: Staff, transaction: Transaction): Promise<Device> {
  if (step.kind === 'note') {
    await appendEvent(device.id, { type: step.type, actorId: staff[step.by], payload: step.payload }, transaction);
    return device;
  }
  if (step.kind === 'sanitize') {
    await addEvidencedRecords(
      device,
      step.records.map((r) => recordDraft(r, staff)),
      staff[step.by],
      transaction,
    );
    return device;
  }
  const payload = await writeSideRows(device, step, staff, transaction);
  return changeStatus(
    device,
    {
      action: step.action,
      version: device.version,
      to: step.to,
      actorId: staff[step.by],
      payload,
      fields: step.fields,
    },
    transaction,
  );
}

function recordDraft(r: WipeRecord, staff: Staff) {
  const finishedAt = new Date(Date.now() - r.endedMinutesAgo * MINUTE);
  return {
    driveSerial: r.driveSerial,
    method: r.method,
    technique: r.technique,
    tool: r.tool,
    passes: r.passes,
    verification: r.verification,
    result: r.result,
    notes: r.notes,
    source: 'manual' as const,
    startedAt: new Date(finishedAt.getTime() - r.durationMin * MINUTE),
    finishedAt,
    verifierId: r.verified ? staff.manager : undefined,
  };
}

/** The rows an action leaves besides the event (as workshop.actions.ts writes them); returns the event payload. */
async function writeSideRows(
  device: Device,
  step: ActionStep,
  staff: Staff,
  transaction: Transaction,
): Promise<Record<string, unknown>> {
  const actorId = staff[step.by];
  if (step.sample) {
    const passed = step.sample === 'passed';
    await VerificationSample.create(
      {
        deviceId: device.id,
        operatorId: actorId,
        status: step.sample,
        verifierId: passed ? staff.manager : null,
        verifiedAt: passed ? new Date() : null,
      },
      { transaction },
    );
  }
  if (step.disposal)
    await Disposal.create({ deviceId: device.id, ...step.disposal, createdBy: actorId }, { transaction });
  if (!step.parts) return step.payload;
  const parts = await Part.bulkCreate(
    step.parts.map((p) => ({
      type: p.type,
      serialNumber: p.serialNumber ?? null,
      description: p.description ?? null,
      status: 'available' as const,
      sourceDeviceId: device.id,
    })),
    { transaction },
  );
  return { ...step.payload, parts: parts.map((p) => ({ partId: p.id, type: p.type, serialNumber: p.serialNumber })) };
}

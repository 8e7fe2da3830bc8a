// What a batch's documents print (spec §13): the delivery note (every device with its specs, the recipient and its
// contact, the checklist, who signed) and the institution's handover certificate. Loaded in a few queries for up
// to 500 devices; refusals (404, 409) are thrown here, before a byte of PDF is drawn.
import { ConflictError, NotFoundError } from '../../lib/errors.js';
import { userNamesOf } from '../auth/index.js';
import { findBatchRecord, type BatchRecord } from '../allocations/index.js';
import { findBeneficiary } from '../beneficiaries/index.js';
import { deviceSpecsOf, driveSpecsOf } from '../devices/index.js';
import { findPartner } from '../partners/index.js';
import { programmeNameOf } from '../programmes/index.js';
import { type Accessory, type BatchRecipientKind, type BatchStatus } from '../../shared/index.js';
import { formatCapacity, secondLanguage, wording, type Bilingual } from './documents.format.js';
import { cityOf, regionOf } from './documents.places.js';
import { verifyUrlOf } from './documents.handover-certificate-data.js';
import { readOptional } from './documents.letterhead.js';
import { INSTITUTION_TYPES, PARTNER_KINDS } from './documents.wording.js';

export interface DeliveryNoteDevice {
  assetTag: string;
  type: string;
  manufacturer: string | null;
  model: string | null;
  serialNumber: string | null;
  cpu: string | null;
  ramGb: number | null;
  storage: string | null;
  grade: string | null;
}

/** An organisation (institution or partner association): its name may be printed for anyone; the contact is a person. */
export interface BatchRecipient {
  kind: BatchRecipientKind;
  name: string;
  nameLatin: string | null;
  /** School, training centre, partner association… */
  type: Bilingual;
  registrationNumber: string | null;
  city: Bilingual | null;
  region: Bilingual | null;
  contactPerson: string | null;
  phone: string | null;
}

/**
 * The recipient in English text: its Latin name, or "the institution named above" (an Arabic name inside an English
 * sentence wraps and reads badly).
 */
export function latinName(r: BatchRecipient): string {
  if (r.nameLatin) return r.nameLatin;
  if (secondLanguage() === 'fr')
    return r.kind === 'institution' ? "l'institution nommée ci-dessus" : "l'association nommée ci-dessus";
  return r.kind === 'institution' ? 'the institution named above' : 'the association named above';
}

export interface BatchDocumentData {
  code: string;
  status: BatchStatus;
  createdAt: Date;
  recipient: BatchRecipient;
  programme: { name: string; nameLatin: string | null } | null;
  deviceCount: number;
  /** In the order they were scanned; empty when the document does not list them (the certificate). */
  devices: DeliveryNoteDevice[];
  accessories: Accessory[];
  accessoriesNote: string | null;
  /** Set once handed over. */
  handover: {
    at: Date;
    receivedBy: string;
    /** The signature image as stored; null when its file is missing. */
    signature: Buffer | null;
    /** The staff member who recorded the handover. */
    deliveredBy: string | null;
  } | null;
  /** The institution's certificate (institution batches after handover). */
  certificate: { code: string; verifyUrl: string } | null;
}

/** 404 for an unknown batch; 409 BATCH_CANCELLED: a cancelled batch delivers nothing, so it has no note. */
export async function loadDeliveryNote(batchId: number): Promise<BatchDocumentData> {
  const batch = await findBatchRecord(batchId);
  if (!batch) throw new NotFoundError(`Batch ${batchId} not found`);
  if (batch.status === 'cancelled')
    throw new ConflictError('BATCH_CANCELLED', `Batch ${batch.code} was cancelled; it has no delivery note`, {
      status: batch.status,
    });
  return batchDocumentData(batch, true);
}

/**
 * 404 for an unknown batch; 409 NO_INSTITUTION_CERTIFICATE for a partner's batch (each family's onward handover has
 * its own certificate), 409 NOT_HANDED_OVER until the institution has signed for it.
 */
export async function loadBatchCertificate(batchId: number): Promise<BatchDocumentData> {
  const batch = await findBatchRecord(batchId);
  if (!batch) throw new NotFoundError(`Batch ${batchId} not found`);
  if (batch.recipientKind !== 'institution')
    throw new ConflictError(
      'NO_INSTITUTION_CERTIFICATE',
      `Batch ${batch.code} went to a partner association: each family's handover has its own certificate`,
      { recipientKind: batch.recipientKind },
    );
  if (batch.status !== 'handed_over' || !batch.certificateCode)
    throw new ConflictError(
      'NOT_HANDED_OVER',
      `Batch ${batch.code} is ${batch.status}; its certificate exists once the institution has signed for it`,
      { status: batch.status },
    );
  return batchDocumentData(batch, false);
}

async function batchDocumentData(batch: BatchRecord, withDevices: boolean): Promise<BatchDocumentData> {
  const [recipient, programme, devices, signature, deliveredBy] = await Promise.all([
    recipientOf(batch),
    programmeNameOf(batch.programmeId),
    withDevices ? devicesOf(batch.deviceIds) : Promise.resolve([]),
    batch.signatureSha256 ? readOptional(batch.signatureSha256, 'signature') : Promise.resolve(null),
    batch.handedOverBy != null ? userNamesOf([batch.handedOverBy]) : Promise.resolve([]),
  ]);
  const handedOver = batch.status === 'handed_over' && batch.handedOverAt;
  return {
    code: batch.code,
    status: batch.status,
    createdAt: batch.createdAt,
    recipient,
    programme: programme ? { name: programme.name, nameLatin: programme.nameLatin } : null,
    deviceCount: batch.deviceCount,
    devices,
    accessories: batch.accessories,
    accessoriesNote: batch.accessoriesNote,
    handover: handedOver
      ? {
          at: batch.handedOverAt!,
          receivedBy: batch.receivedBy ?? '',
          signature,
          deliveredBy: deliveredBy[0]?.name ?? null,
        }
      : null,
    certificate: batch.certificateCode
      ? { code: batch.certificateCode, verifyUrl: verifyUrlOf(batch.certificateCode) }
      : null,
  };
}

async function recipientOf(batch: BatchRecord): Promise<BatchRecipient> {
  if (batch.recipientKind === 'institution') {
    const b = await findBeneficiary(batch.beneficiaryId!);
    return {
      kind: 'institution',
      name: b.name,
      nameLatin: null,
      type: wording(INSTITUTION_TYPES, b.institutionType),
      registrationNumber: b.registrationNumber ?? null,
      city: cityOf(b.city, b.regionCode ?? null),
      region: regionOf(b.regionCode ?? null),
      contactPerson: b.contactPerson ?? null,
      phone: b.phone || null,
    };
  }
  const p = await findPartner(batch.partnerId!);
  return {
    kind: 'partner',
    name: p.name,
    nameLatin: p.nameLatin,
    type: wording(PARTNER_KINDS, p.kind),
    registrationNumber: null,
    city: cityOf(p.city, p.regionCode),
    region: regionOf(p.regionCode),
    contactPerson: p.contactPerson,
    phone: p.phone,
  };
}

/** The devices in `ids` order, with their storage from the hardware report or else from the drives. */
async function devicesOf(ids: readonly number[]): Promise<DeliveryNoteDevice[]> {
  const [devices, drives] = await Promise.all([deviceSpecsOf(ids), driveSpecsOf(ids)]);
  const byId = new Map(devices.map((d) => [d.id, d]));
  const drivesOf = new Map<number, string[]>();
  for (const d of drives) {
    const text = [formatCapacity(d.capacityBytes === null ? null : Number(d.capacityBytes)), d.mediaType.toUpperCase()]
      .filter(Boolean)
      .join(' ');
    drivesOf.set(d.deviceId, [...(drivesOf.get(d.deviceId) ?? []), text]);
  }
  return ids.flatMap((id) => {
    const d = byId.get(id);
    if (!d) return [];
    return [
      {
        assetTag: d.assetTag,
        type: d.type,
        manufacturer: d.manufacturer,
        model: d.model,
        serialNumber: d.serialNumber,
        cpu: d.cpu ?? null,
        ramGb: d.ramGb ?? null,
        storage: d.storageSummary ?? (drivesOf.get(id)?.join(' + ') || null),
        grade: d.grade ?? null,
      },
    ];
  });
}

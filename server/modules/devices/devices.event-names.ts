// The names a device's history reads as sentences (issue 20): the sites, donation, programme, partner, batch and
// people its events name by id, resolved for the whole history at once — one query per kind, and only for the kinds
// some event names (no query per event). The ids stay in the payload, which the page shows only under "technical
// details". Only what every role may read: the history is read by technicians, viewers and partners too, so no
// beneficiary is named (allocations name none here), and certificate codes and override reasons are never in the
// shown payload (devices.schema.ts, UNSHOWN_PAYLOAD_KEYS).
import { QueryTypes } from 'sequelize';
import { getSequelize } from '../../db/sequelize.js';
import type { DeviceEventDto, DeviceEventNames, EventNameRef } from '../../shared/index.js';

type Kind = 'site' | 'donation' | 'programme' | 'partner' | 'batch' | 'user';

/** Where each kind is read: one statement per kind, for every id of that kind in the history. */
const SOURCES: Record<Kind, string> = {
  site: 'SELECT id, name, name_latin AS nameLatin FROM sites WHERE id IN (:ids)',
  donation: 'SELECT id, code AS name, NULL AS nameLatin FROM donations WHERE id IN (:ids)',
  programme: 'SELECT id, name, name_latin AS nameLatin FROM programmes WHERE id IN (:ids)',
  partner: 'SELECT id, name, name_latin AS nameLatin FROM partners WHERE id IN (:ids)',
  batch: 'SELECT id, code AS name, NULL AS nameLatin FROM allocation_batches WHERE id IN (:ids)',
  user: 'SELECT id, name, NULL AS nameLatin FROM users WHERE id IN (:ids)',
};

/** Which payload key names which kind, and under which name the sentence finds it. */
const REFS: { key: string; kind: Kind; as: keyof DeviceEventNames }[] = [
  { key: 'fromSiteId', kind: 'site', as: 'fromSite' },
  { key: 'toSiteId', kind: 'site', as: 'toSite' },
  { key: 'donationId', kind: 'donation', as: 'donationCode' },
  { key: 'programmeId', kind: 'programme', as: 'programme' },
  { key: 'partnerId', kind: 'partner', as: 'partner' },
  { key: 'batchId', kind: 'batch', as: 'batchCode' },
  { key: 'operatorId', kind: 'user', as: 'operatorName' },
  { key: 'verifierId', kind: 'user', as: 'verifierName' },
];

/** Kinds whose sentence wants the plain text (a code, a person's name) rather than both scripts of a name. */
const PLAIN: ReadonlySet<Kind> = new Set(['donation', 'batch', 'user']);

const idIn = (payload: Record<string, unknown>, key: string): number | null => {
  const v = payload[key];
  return typeof v === 'number' && Number.isInteger(v) ? v : null;
};

async function namesOf(kind: Kind, ids: Set<number>): Promise<Map<number, EventNameRef>> {
  if (!ids.size) return new Map();
  const rows = await getSequelize().query<{ id: number; name: string; nameLatin: string | null }>(SOURCES[kind], {
    replacements: { ids: [...ids] },
    type: QueryTypes.SELECT,
  });
  return new Map(rows.map((r) => [Number(r.id), { name: r.name, nameLatin: r.nameLatin ?? null }]));
}

/** Fills `names` of every event of one history, in place, and returns them. */
export async function withEventNames(events: DeviceEventDto[]): Promise<DeviceEventDto[]> {
  const wanted = new Map<Kind, Set<number>>();
  for (const e of events)
    for (const ref of REFS) {
      const id = idIn(e.payload, ref.key);
      if (id === null) continue;
      if (!wanted.has(ref.kind)) wanted.set(ref.kind, new Set());
      wanted.get(ref.kind)!.add(id);
    }
  const kinds = [...wanted.keys()];
  const found = new Map(
    await Promise.all(kinds.map(async (kind) => [kind, await namesOf(kind, wanted.get(kind)!)] as const)),
  );
  for (const e of events) {
    const names: Record<string, unknown> = {};
    for (const ref of REFS) {
      const id = idIn(e.payload, ref.key);
      if (id === null) continue;
      const row = found.get(ref.kind)?.get(id) ?? null;
      names[ref.as] = row && PLAIN.has(ref.kind) ? row.name : row;
    }
    // A batch's code travels in the payload of the events written since batches have codes.
    if (names.batchCode == null && typeof e.payload.batchCode === 'string') names.batchCode = e.payload.batchCode;
    e.names = names;
  }
  return events;
}

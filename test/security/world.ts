// A small world of real records for the walks over every route (privacy, GET-never-writes): beneficiaries with
// known personal data, a device handed over to a named receiver with a certificate code, donors with phone and
// email, a pledge whose donation holds a device (so it has a receipt), and the ids and codes that name them.
import { api, bearer } from '../helpers/api.js';
import { signIn } from '../helpers/factories.js';
import { rawSelect } from '../helpers/more-factories.js';
import { intake } from '../helpers/workshop.js';
import { createBeneficiary, createPartner } from '../beneficiaries/helpers.js';
import { createProgramme, handedOver } from '../documents/documents.helpers.js';

export const PEOPLE = [
  {
    name: 'أسرة زبيدة القرويين',
    nationalId: '1098765439',
    phone: '0557654321',
    e164: '+966557654321',
    nsn: '557654321',
  },
  {
    name: 'Zubaida Qarawiyyin',
    nationalId: '2345678904',
    phone: '0548887766',
    e164: '+966548887766',
    nsn: '548887766',
  },
  { name: 'Wadiha Handedover', nationalId: '1000000016', phone: '0561239876', e164: '+966561239876', nsn: '561239876' },
];
/** documents.helpers.ts hands every device over to this receiver. */
export const RECEIVER = 'أم خالد';
export const PLEDGER = {
  name: 'Pledging Person',
  phone: '0559876543',
  e164: '+966559876543',
  nsn: '559876543',
  email: 'pledger.private@example.org',
};

/** Every way to fill the route's parameters from `values` (each parameter independently: a device id with a file id). */
export function urlsOf(path: string, values: string[]): string[] {
  let urls = [path];
  for (const name of path.match(/:\w+/g) ?? [])
    urls = urls.flatMap((u) => values.map((v) => u.replace(name, encodeURIComponent(v))));
  return urls;
}

export interface World {
  /** Every id, code, tag and token worth trying in a path parameter. */
  paramValues: string[];
  certificateCode: string;
  receiptTokens: string[];
  donorContacts: string[];
}

export async function buildWorld(): Promise<World> {
  const { token: manager } = await signIn('manager');
  const partner = await createPartner(manager);
  const programme = await createProgramme(manager);
  const ids: number[] = [];
  for (const p of PEOPLE.slice(0, 2)) {
    const b = await createBeneficiary(manager, {
      name: p.name,
      nationalId: p.nationalId,
      phone: p.phone,
      partnerId: partner.id,
    });
    await api().patch(`/api/beneficiaries/${b.id}`).set(bearer(manager)).send({ status: 'verified' }).expect(200);
    ids.push(b.id);
  }
  const last = PEOPLE[2];
  const h = await handedOver(manager, {
    programmeId: programme.id,
    beneficiary: { name: last.name, nationalId: last.nationalId, phone: last.phone },
  });
  await api()
    .post('/api/public/pledges')
    .send({
      donor: { kind: 'individual', name: PLEDGER.name, phone: PLEDGER.phone, email: PLEDGER.email },
      items: [{ type: 'laptop', count: 1 }],
    })
    .expect(201);
  const [pledge] = await rawSelect<{ id: number; donor_id: number }>(
    'SELECT id, donor_id FROM donations WHERE channel = :c',
    { c: 'pledge' },
  );
  const pledged = await intake(manager, 1, pledge.id);
  const donations = await rawSelect<{ id: number; receipt_token: string; donor_id: number }>(
    'SELECT id, receipt_token, donor_id FROM donations ORDER BY id',
  );
  const donors = await rawSelect<{ email: string | null; phone: string | null }>('SELECT email, phone FROM donors');
  const [file] = await rawSelect<{ id: number }>('SELECT id FROM device_files ORDER BY id LIMIT 1').catch(() => [
    { id: 1 },
  ]);
  const numbers = [
    ...ids,
    partner.id,
    programme.id,
    h.allocationId,
    h.beneficiaryId,
    h.device.id,
    pledged.id,
    pledge.id,
    pledge.donor_id,
    ...donations.map((d) => d.id),
    file?.id ?? 1,
  ];
  return {
    paramValues: [
      ...new Set([
        ...numbers.map(String),
        h.device.assetTag,
        pledged.assetTag,
        h.certificateCode,
        ...donations.map((d) => d.receipt_token),
      ]),
    ],
    certificateCode: h.certificateCode,
    receiptTokens: donations.map((d) => d.receipt_token),
    donorContacts: [
      ...new Set(
        donors
          .flatMap((d) => [d.email, d.phone, d.phone?.replace(/^\+966/, '')])
          .filter((v): v is string => Boolean(v)),
      ),
    ],
  };
}

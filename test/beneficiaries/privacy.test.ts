// For every route a technician or a viewer may call, the answer never carries a beneficiary's name, phone or
// national ID (not even masked). Walks the same route list as test/auth/access.test.ts, so a route added later
// is covered without touching this file.
import type { Stream } from 'node:stream';
import { expect } from 'chai';
import { allRoutes } from '../../server/routes.js';
import { toLatinDigits } from '../../server/lib/text.js';
import { mayAccess, type Role } from '../../server/modules/auth/index.js';
import { Beneficiary, toBeneficiaryDto } from '../../server/modules/beneficiaries/index.js';
import { api, bearer } from '../helpers/api.js';
import { signIn } from '../helpers/factories.js';
import { createDeviceRecord } from '../helpers/more-factories.js';
import { createBeneficiary, createPartner } from './helpers.js';

const PEOPLE = [
  { name: 'أسرة زبيدة القرويين', nationalId: '1098765439', phone: '0557654321', e164: '+966557654321', nsn: '557654321' },
  { name: 'Zubaida Qarawiyyin', nationalId: '2345678904', phone: '0548887766', e164: '+966548887766', nsn: '548887766' },
];
const SECRETS = PEOPLE.flatMap((p) => [p.name, ...p.name.split(' ').filter((w) => w.length > 4), p.nationalId, p.e164, p.nsn, `******${p.nationalId.slice(-4)}`]);

/** Reads every body as raw bytes, whatever its type (JSON, CSV, HTML, PDF). */
function rawBody(res: Stream, done: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

describe('beneficiary privacy: technicians and viewers', () => {
  it('never receive a beneficiary name, phone or national ID from any route they may call', async function () {
    this.timeout(120_000);
    const { token: manager } = await signIn('manager');
    const partner = await createPartner(manager);
    const ids: number[] = [];
    for (const p of PEOPLE) {
      const b = await createBeneficiary(manager, { name: p.name, nationalId: p.nationalId, phone: p.phone, partnerId: partner.id });
      await api().patch(`/api/beneficiaries/${b.id}`).set(bearer(manager)).send({ status: 'verified' }).expect(200);
      ids.push(b.id);
    }
    const device = await createDeviceRecord({ status: 'ready' });
    // Ids of real records (a beneficiary, a partner, a device) and the personal values themselves, as path parameters
    // and searches. The ID goes into paths in Arabic-Indic digits (which scanning normalises): paths are logged, and
    // the log scan (test/zz-log-scan.test.ts) rightly fails on anything shaped like a national ID.
    const arabicId = PEOPLE[0].nationalId.replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d)));
    const paramValues = [...new Set([String(ids[0]), String(partner.id), String(device.id)])].concat(arabicId, PEOPLE[1].e164);
    const queries = ['', ...[PEOPLE[0].name, PEOPLE[1].nationalId, PEOPLE[0].phone].map((v) => `?q=${encodeURIComponent(v)}`)];

    const leaks: string[] = [];
    let calls = 0;
    for (const role of ['technician', 'viewer'] as Role[]) {
      const { token } = await signIn(role);
      for (const route of allRoutes.filter((r) => mayAccess(r.access, role) && r.path !== '/api/auth/logout')) {
        const urls = route.path.includes(':') ? paramValues.map((v) => route.path.replace(/:\w+/g, encodeURIComponent(v))) : [route.path];
        for (const url of urls) {
          // Searches go to list routes (no path parameter); a record route is asked for each value instead.
          for (const query of route.method === 'get' && !route.path.includes(':') ? queries : ['']) {
            const res = await api()[route.method](url + query).set(bearer(token)).buffer(true).parse(rawBody);
            calls += 1;
            const text = (res.body as Buffer).toString('utf8');
            // A value the caller typed may be echoed back, also normalised (404 "… 1098765439 not found"): only the
            // others would leak.
            const sent = toLatinDigits(decodeURIComponent(url + query));
            for (const secret of SECRETS.filter((s) => !sent.includes(s))) if (text.includes(secret)) leaks.push(`${role} ${route.method.toUpperCase()} ${url}${query} → ${res.status} contains "${secret}"`);
            if (res.status >= 500) leaks.push(`${role} ${route.method.toUpperCase()} ${url}${query} → ${res.status}`);
          }
        }
      }
    }

    expect(calls).to.be.greaterThan(50);
    expect(leaks).to.deep.equal([]);
  });

  it('toBeneficiaryDto gives technicians and viewers initials only, and managers the masked record', async () => {
    const { token } = await signIn('manager');
    const created = await createBeneficiary(token, { name: PEOPLE[0].name, nationalId: PEOPLE[0].nationalId, phone: PEOPLE[0].phone });
    const row = (await Beneficiary.findByPk(created.id))!;

    for (const role of ['technician', 'viewer'] as Role[]) {
      const dto = toBeneficiaryDto(row, role);
      expect(dto).to.include({ redacted: true, initials: 'أ. ق.', status: 'applied' });
      const text = JSON.stringify(dto);
      for (const secret of SECRETS) expect(text, secret).not.to.contain(secret);
      expect(dto).not.to.have.any.keys('name', 'phone', 'nationalIdMasked', 'monthlyIncome', 'householdSize');
    }
    for (const role of ['admin', 'manager'] as Role[]) {
      expect(toBeneficiaryDto(row, role)).to.include({ redacted: false, name: PEOPLE[0].name, phone: PEOPLE[0].e164, nationalIdMasked: '******5439' });
    }
  });
});

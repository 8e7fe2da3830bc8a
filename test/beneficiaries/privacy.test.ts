// For every route a technician or a viewer may call, the answer never carries a beneficiary's name, phone or
// national ID (not even masked), the name of whoever received a device, or a handover certificate code; a viewer's
// answers carry no donor phone, email or receipt link either. Walks the same route list as test/auth/access.test.ts,
// so a route added later is covered without touching this file, and seeds real records (test/security/world.ts).
import type { Stream } from 'node:stream';
import { expect } from 'chai';
import { allRoutes } from '../../server/routes.js';
import { toLatinDigits } from '../../server/lib/text.js';
import { mayAccess, type Role } from '../../server/modules/auth/index.js';
import { Beneficiary } from '../../server/modules/beneficiaries/beneficiaries.model.js';
import { toBeneficiaryDto } from '../../server/modules/beneficiaries/index.js';
import { api, bearer } from '../helpers/api.js';
import { signIn } from '../helpers/factories.js';
import { buildWorld, PEOPLE, RECEIVER, urlsOf } from '../security/world.js';
import { createBeneficiary } from './helpers.js';

const SECRETS = PEOPLE.flatMap((p) => [
  p.name,
  ...p.name.split(' ').filter((w) => w.length > 4),
  p.nationalId,
  p.e164,
  p.nsn,
  `******${p.nationalId.slice(-4)}`,
]).concat(RECEIVER);

/** Reads every body as raw bytes, whatever its type (JSON, CSV, HTML, PDF). */
function rawBody(res: Stream, done: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

describe('privacy: technicians, viewers and other partners', () => {
  it('never receive a beneficiary name, phone or national ID, a receiver name, a certificate code or (viewers) a donor contact or receipt link', async function () {
    this.timeout(300_000);
    const world = await buildWorld();
    // The ID goes into paths in Arabic-Indic digits (which scanning normalises): paths are logged, and the log scan
    // (test/zz-log-scan.test.ts) rightly fails on anything shaped like a national ID.
    const arabicId = PEOPLE[0].nationalId.replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d)));
    const paramValues = world.paramValues.concat(arabicId, PEOPLE[1].e164);
    const queries = [
      '',
      ...[PEOPLE[0].name, PEOPLE[1].nationalId, PEOPLE[0].phone].map((v) => `?q=${encodeURIComponent(v)}`),
    ];
    const secretsOf = (role: Role) =>
      SECRETS.concat(world.certificateCode, role === 'viewer' ? [...world.donorContacts, ...world.receiptTokens] : []);

    const leaks: string[] = [];
    let calls = 0;
    // A partner association's user of ANOTHER partner than the one that referred the world's families (spec §13): it
    // must see none of them, nor the family the charity served directly.
    for (const role of ['technician', 'viewer', 'partner'] as Role[]) {
      const { token } = await signIn(role);
      for (const route of allRoutes.filter((r) => mayAccess(r.access, role) && r.path !== '/api/auth/logout')) {
        for (const url of urlsOf(route.path, paramValues)) {
          // Searches go to list routes (no path parameter); a record route is asked for each value instead.
          for (const query of route.method === 'get' && !route.path.includes(':') ? queries : ['']) {
            const res = await api()
              [route.method](url + query)
              .set(bearer(token))
              .buffer(true)
              .parse(rawBody);
            calls += 1;
            const text = `${(res.body as Buffer).toString('utf8')}${JSON.stringify(res.headers)}`;
            // A value the caller typed may be echoed back, also normalised (404 "… 1098765439 not found"): only the
            // others would leak.
            const sent = toLatinDigits(decodeURIComponent(url + query));
            for (const secret of secretsOf(role).filter((s) => !sent.includes(s)))
              if (text.includes(secret))
                leaks.push(`${role} ${route.method.toUpperCase()} ${url}${query} → ${res.status} contains "${secret}"`);
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
    const created = await createBeneficiary(token, {
      name: PEOPLE[0].name,
      nationalId: PEOPLE[0].nationalId,
      phone: PEOPLE[0].phone,
    });
    const row = (await Beneficiary.findByPk(created.id))!;

    for (const role of ['technician', 'viewer'] as Role[]) {
      const dto = toBeneficiaryDto(row, role);
      expect(dto).to.include({ redacted: true, initials: 'أ. ق.', status: 'applied' });
      const text = JSON.stringify(dto);
      for (const secret of SECRETS) expect(text, secret).not.to.contain(secret);
      expect(dto).not.to.have.any.keys('name', 'phone', 'nationalIdMasked', 'monthlyIncome', 'householdSize');
    }
    for (const role of ['admin', 'manager'] as Role[]) {
      expect(toBeneficiaryDto(row, role)).to.include({
        redacted: false,
        name: PEOPLE[0].name,
        phone: PEOPLE[0].e164,
        nationalIdMasked: '******5439',
      });
    }
  });
});

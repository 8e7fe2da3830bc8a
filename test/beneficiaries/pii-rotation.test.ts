// Key rotation of personal data: rows written under key A, a server restarted with B as PII_KEY and A in
// PII_KEYS_OLD (it reads both and writes B), then `pii:rotate` run as its own process. Afterwards every row
// decrypts, none names key A, A can leave the ring, and lookups by national ID (keyed hashes) still work.
import path from 'node:path';
import { createCipheriv, randomBytes } from 'node:crypto';
import { expect } from 'chai';
import { config } from '../../server/config.js';
import { buildKeyRing, keyIdOf, keyRing, useKeyRing } from '../../server/lib/pii-key.js';
import { decryptPii, piiKeyIdOf } from '../../server/lib/pii.js';
import { nationalIdAad } from '../../server/modules/beneficiaries/index.js';
import { iccidAad } from '../../server/modules/connectivity/index.js';
import { api, bearer } from '../helpers/api.js';
import { signIn } from '../helpers/factories.js';
import { rawSelect, rawWrite } from '../helpers/more-factories.js';
import { testDir } from '../env.js';
import { operatorEnv, runCli } from '../helpers/processes.js';
import { createBeneficiary, saudiId } from './helpers.js';
import { verifiedInstitution } from '../helpers/batches.js';
import { addLot, createSponsor, handOver, iccid, reservedAllocation } from '../helpers/connectivity.js';

const KEY_A = config.piiKey;
const KEY_B = 'b7'.repeat(32);
const ROTATING = { PII_KEY: KEY_B, PII_KEYS_OLD: KEY_A, PII_HASH_KEY: KEY_A };

function rotateCli(args: string[]): Promise<{ code: number | null; out: string }> {
  return runCli(
    ['pii-rotate', ...args],
    operatorEnv({
      LOG_LEVEL: 'warn',
      LOG_FILE: path.join(testDir, 'pii-rotate.log'),
      DATA_DIR: config.dataDir,
      DATABASE_URL: config.db.url,
      ...ROTATING,
    }),
  );
}

/** What the server wrote before key ids existed: `v1:` base64(iv ‖ tag ‖ ciphertext), key A, no associated data. */
function v1Under(key: string, text: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(key, 'hex'), iv);
  const ct = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return `v1:${Buffer.concat([iv, cipher.getAuthTag(), ct]).toString('base64')}`;
}

const storedIds = async () =>
  (
    await rawSelect<{ id: number; stored: string }>(
      'SELECT id, national_id_encrypted AS stored FROM beneficiaries WHERE national_id_encrypted IS NOT NULL ORDER BY id',
    )
  ).map((r) => ({ id: Number(r.id), blob: r.stored }));

describe('PII key rotation (npm run pii:rotate)', function () {
  this.timeout(60_000);
  let suiteRing: ReturnType<typeof keyRing>;
  before(() => {
    suiteRing = keyRing();
  });
  afterEach(() => useKeyRing(suiteRing));

  it('re-encrypts every row under the new key in batches, leaves none under the old one, and lookups keep working', async () => {
    const { token } = await signIn('manager');
    const ids = [saudiId(9101), saudiId(9102), saudiId(9103), saudiId(9104)];
    const people = [];
    for (const nationalId of ids.slice(0, 3)) people.push(await createBeneficiary(token, { nationalId }));
    // An institution has no national ID (spec §13): the rotation passes over its empty column.
    await verifiedInstitution(token);
    await rawWrite('UPDATE beneficiaries SET national_id_encrypted = :blob WHERE id = :id', {
      blob: v1Under(KEY_A, ids[2]),
      id: people[2].id,
    });
    // The server restarts with B current and A still readable: it writes B, and reads rows of both keys.
    useKeyRing(buildKeyRing({ current: KEY_B, old: [KEY_A], hash: KEY_A }));
    people.push(await createBeneficiary(token, { nationalId: ids[3] }));
    const before = await storedIds();
    expect(before.map((r) => piiKeyIdOf(r.blob))).to.deep.equal([
      keyIdOf(Buffer.from(KEY_A, 'hex')),
      keyIdOf(Buffer.from(KEY_A, 'hex')),
      null,
      keyIdOf(Buffer.from(KEY_B, 'hex')),
    ]);
    expect(before.map((r) => decryptPii(r.blob, nationalIdAad(r.id)))).to.deep.equal(ids);

    const first = await rotateCli(['2']);

    expect(first.code, first.out).to.equal(0);
    expect(first.out).to.contain(
      'beneficiaries.national_id_encrypted: 4 rows, 3 re-encrypted, 1 already current, 0 changed meanwhile, 0 unreadable',
    );
    const after = await storedIds();
    expect(after.map((r) => piiKeyIdOf(r.blob))).to.deep.equal(Array(4).fill(keyIdOf(Buffer.from(KEY_B, 'hex'))));
    expect(after.map((r) => r.blob).join('\n')).not.to.contain(keyIdOf(Buffer.from(KEY_A, 'hex')));
    // Key A leaves the ring: every row still decrypts, each only in its own row.
    useKeyRing(buildKeyRing({ current: KEY_B, hash: KEY_A }));
    expect(after.map((r) => decryptPii(r.blob, nationalIdAad(r.id)))).to.deep.equal(ids);
    expect(() => decryptPii(after[0].blob, nationalIdAad(after[1].id))).to.throw();
    const found = await api().get(`/api/beneficiaries?q=${ids[0]}`).set(bearer(token)).expect(200);
    expect(found.body.items.map((b: { id: number }) => b.id)).to.deep.equal([people[0].id]);
    const again = await api().post('/api/beneficiaries').set(bearer(token)).send({
      kind: 'family',
      name: 'أسرة',
      nationalId: ids[1],
      phone: '0551112233',
      householdSize: 3,
      monthlyIncome: 1000,
      schoolChildren: 0,
      need: 'laptop',
      purpose: 'study',
    });
    expect(again.status).to.equal(409);

    const second = await rotateCli([]);
    expect(second.code, second.out).to.equal(0);
    expect(second.out).to.contain('4 rows, 0 re-encrypted, 4 already current');
  });

  it('re-encrypts the SIM numbers of connectivity bundles, each bound to its allocation', async () => {
    const { token } = await signIn('manager');
    const sponsor = await createSponsor(token);
    await addLot(token, sponsor.id);
    const sims = [iccid(7001), iccid(7002)];
    const allocations: number[] = [];
    for (const [i, sim] of sims.entries()) {
      // The first under key A; the second after the restart with B current.
      if (i === 1) useKeyRing(buildKeyRing({ current: KEY_B, old: [KEY_A], hash: KEY_A }));
      const r = await reservedAllocation(token);
      expect(
        (await handOver(token, r.allocationId, { bundle: { sponsorId: sponsor.id, iccid: sim } })).status,
      ).to.equal(200);
      allocations.push(r.allocationId);
    }
    const stored = () =>
      rawSelect<{ allocation_id: number; cipher: string }>(
        'SELECT allocation_id, iccid_encrypted AS cipher FROM bundle_assignments ORDER BY allocation_id',
      );
    expect((await stored()).map((r) => piiKeyIdOf(r.cipher))).to.deep.equal([
      keyIdOf(Buffer.from(KEY_A, 'hex')),
      keyIdOf(Buffer.from(KEY_B, 'hex')),
    ]);

    const res = await rotateCli([]);

    expect(res.code, res.out).to.equal(0);
    expect(res.out).to.contain(
      'bundle_assignments.iccid_encrypted: 2 rows, 1 re-encrypted, 1 already current, 0 changed meanwhile, 0 unreadable',
    );
    expect(res.out).not.to.contain(sims[0]);
    useKeyRing(buildKeyRing({ current: KEY_B, hash: KEY_A }));
    const after = await stored();
    expect(after.map((r) => piiKeyIdOf(r.cipher))).to.deep.equal(Array(2).fill(keyIdOf(Buffer.from(KEY_B, 'hex'))));
    expect(after.map((r) => decryptPii(r.cipher, iccidAad(Number(r.allocation_id))))).to.deep.equal(sims);
    expect(() => decryptPii(after[0].cipher, iccidAad(allocations[1]))).to.throw();
  });

  it('when a value cannot be decrypted by any configured key, leaves it, reports it and exits 1', async () => {
    const { token } = await signIn('manager');
    const b = await createBeneficiary(token, { nationalId: saudiId(9201) });
    await rawWrite('UPDATE beneficiaries SET national_id_encrypted = :blob WHERE id = :id', {
      blob: v1Under('cd'.repeat(32), saudiId(9201)),
      id: b.id,
    });

    const res = await rotateCli([]);

    expect(res.code).to.equal(1);
    expect(res.out).to.contain('1 unreadable').and.not.contain(saudiId(9201));
  });

  it('refuses to start a ring with old keys but no PII_HASH_KEY, naming the variable and not the key', () => {
    expect(() => buildKeyRing({ current: KEY_B, old: [KEY_A] })).to.throw(/PII_HASH_KEY is required/);
    expect(() => buildKeyRing({ current: 'short' })).to.throw(/^PII_KEY must be 32 bytes/);
    expect(() => buildKeyRing({ current: KEY_A, old: [KEY_A], hash: KEY_A })).to.throw(/same key twice/);
  });
});

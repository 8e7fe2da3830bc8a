import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { expect } from 'chai';
import { decryptPii, encryptPii, needsRotation, piiHash, piiKeyIdOf } from '../../server/lib/pii.js';
import { keyRing } from '../../server/lib/pii-key.js';
import { nationalIdAad } from '../../server/modules/beneficiaries/index.js';
import { api, bearer } from '../helpers/api.js';
import { signIn } from '../helpers/factories.js';
import { rawSelect } from '../helpers/more-factories.js';
import { createBeneficiary } from './helpers.js';

interface StoredIds {
  national_id_encrypted: string;
  national_id_hash: string;
  national_id_last4: string;
}

const AAD = nationalIdAad(7);

describe('personal data at rest', () => {
  it('when a value is encrypted, decrypts to the same text, with a fresh IV each time and the current key id', () => {
    const a = encryptPii('1000000008', AAD);
    const b = encryptPii('1000000008', AAD);

    expect(a).to.match(/^v2:[0-9a-f]{8}:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+$/);
    expect(piiKeyIdOf(a)).to.equal(keyRing().current.id);
    expect(a).not.to.equal(b);
    expect(decryptPii(a, AAD)).to.equal('1000000008');
    expect(decryptPii(encryptPii('أسرة العتيبي', AAD), AAD)).to.equal('أسرة العتيبي');
  });

  it('when the ciphertext is altered or cut, refuses to decrypt (GCM authentication)', () => {
    const parts = encryptPii('1000000008', AAD).split(':');
    const tag = Buffer.from(parts[4], 'base64url');
    tag[tag.length - 1] ^= 1;

    expect(() => decryptPii([...parts.slice(0, 4), tag.toString('base64url')].join(':'), AAD)).to.throw();
    expect(() => decryptPii(parts.slice(0, 4).join(':'), AAD)).to.throw();
    expect(() => decryptPii('v1:AAAA', AAD)).to.throw();
    expect(() => decryptPii('v9:AAAA', AAD)).to.throw();
  });

  it('when a ciphertext is moved to another row or another column, refuses to decrypt it (associated data)', () => {
    const blob = encryptPii('1000000008', nationalIdAad(7));

    expect(() => decryptPii(blob, nationalIdAad(8))).to.throw();
    expect(() => decryptPii(blob, 'beneficiaries.phone:7')).to.throw();
    expect(decryptPii(blob, nationalIdAad(7))).to.equal('1000000008');
  });

  it('still reads the v1 format written before key ids and associated data (no AAD, any ring key)', () => {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', keyRing().current.key, iv);
    const ct = Buffer.concat([cipher.update('1000000008', 'utf8'), cipher.final()]);
    const v1 = `v1:${Buffer.concat([iv, cipher.getAuthTag(), ct]).toString('base64')}`;

    expect(decryptPii(v1, AAD)).to.equal('1000000008');
    expect(needsRotation(v1)).to.equal(true);
  });

  it('hashes equal IDs equally and different IDs differently, as 64 hex characters that are not a plain SHA-256', () => {
    expect(piiHash('1000000008')).to.equal(piiHash('1000000008'));
    expect(piiHash('1000000008')).not.to.equal(piiHash('1234567897'));
    expect(piiHash('1000000008')).to.match(/^[0-9a-f]{64}$/);
    // sha256('1000000008') without a key: a keyed hash must differ, or IDs could be found by brute force.
    expect(piiHash('1000000008')).not.to.equal(createHash('sha256').update('1000000008').digest('hex'));
  });

  it('when a beneficiary is registered, stores the ID encrypted (not in plain text anywhere in the row) and the response masked', async () => {
    const { token } = await signIn('manager');

    const created = await createBeneficiary(token, { nationalId: '١٠٠٠٠٠٠٠٠٨' });

    expect(created.nationalIdMasked).to.equal('******0008');
    expect(JSON.stringify(created)).not.to.contain('1000000008');
    const [row] = await rawSelect<StoredIds & Record<string, unknown>>('SELECT * FROM beneficiaries WHERE id = :id', {
      id: created.id,
    });
    expect(JSON.stringify(row)).not.to.contain('1000000008');
    expect(row.national_id_encrypted).not.to.contain('1000000008');
    expect(decryptPii(row.national_id_encrypted, nationalIdAad(created.id))).to.equal('1000000008');
    expect(() => decryptPii(row.national_id_encrypted, nationalIdAad(created.id + 1))).to.throw();
    expect(row.national_id_hash).to.equal(piiHash('1000000008'));
    expect(row.national_id_last4).to.equal('0008');
    const detail = await api().get(`/api/beneficiaries/${created.id}`).set(bearer(token)).expect(200);
    expect(detail.body.nationalIdMasked).to.equal('******0008');
    expect(JSON.stringify(detail.body)).not.to.contain('1000000008');
  });
});

import { createHash } from 'node:crypto';
import { expect } from 'chai';
import { decryptPii, encryptPii, piiHash } from '../../server/lib/pii.js';
import { api, bearer } from '../helpers/api.js';
import { signIn } from '../helpers/factories.js';
import { rawSelect } from '../helpers/more-factories.js';
import { createBeneficiary } from './helpers.js';

interface StoredIds { national_id_encrypted: string; national_id_hash: string; national_id_last4: string }

describe('personal data at rest', () => {
  it('when a value is encrypted, decrypts to the same text, with a fresh IV each time', () => {
    const a = encryptPii('1000000008');
    const b = encryptPii('1000000008');

    expect(a).to.match(/^v1:[A-Za-z0-9+/=]+$/);
    expect(a).not.to.equal(b);
    expect(decryptPii(a)).to.equal('1000000008');
    expect(decryptPii(encryptPii('أسرة العتيبي'))).to.equal('أسرة العتيبي');
  });

  it('when the ciphertext is altered or cut, refuses to decrypt (GCM authentication)', () => {
    const blob = encryptPii('1000000008');
    const raw = Buffer.from(blob.slice(3), 'base64');
    raw[raw.length - 1] ^= 1;

    expect(() => decryptPii(`v1:${raw.toString('base64')}`)).to.throw();
    expect(() => decryptPii('v1:AAAA')).to.throw();
    expect(() => decryptPii('v9:AAAA')).to.throw();
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
    const [row] = await rawSelect<StoredIds & Record<string, unknown>>('SELECT * FROM beneficiaries WHERE id = :id', { id: created.id });
    expect(JSON.stringify(row)).not.to.contain('1000000008');
    expect(row.national_id_encrypted).not.to.contain('1000000008');
    expect(decryptPii(row.national_id_encrypted)).to.equal('1000000008');
    expect(row.national_id_hash).to.equal(piiHash('1000000008'));
    expect(row.national_id_last4).to.equal('0008');
    const detail = await api().get(`/api/beneficiaries/${created.id}`).set(bearer(token)).expect(200);
    expect(detail.body.nationalIdMasked).to.equal('******0008');
    expect(JSON.stringify(detail.body)).not.to.contain('1000000008');
  });
});

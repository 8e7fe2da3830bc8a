import { expect } from 'chai';
import type { FieldErrorDto } from '../../server/shared/index.js';
import { api, bearer } from '../helpers/api.js';
import { signIn } from '../helpers/factories.js';

/** Every field error of a 400: path, English message, machine-readable type, and context without the submitted data. */
function fieldErrors(body: { error: { code: string; details?: FieldErrorDto[] } }): Map<string, FieldErrorDto> {
  expect(body.error.code).to.equal('VALIDATION_FAILED');
  for (const d of body.error.details!) {
    expect(Object.keys(d)).to.satisfy((keys: string[]) =>
      keys.every((k) => ['path', 'message', 'type', 'context'].includes(k)),
    );
    expect(d.type).to.be.a('string').and.not.be.empty;
    if (d.context) expect(d.context).to.not.have.any.keys('value', 'label', 'key', 'invalids', 'dupeValue');
  }
  return new Map(body.error.details!.map((d) => [d.path, d]));
}

describe('validation errors: type and context', () => {
  it("when fields are missing, too short or not an email, names joi's type and the limit", async () => {
    const { token } = await signIn('admin');
    const res = await api()
      .post('/api/users')
      .set(bearer(token))
      .send({ email: 'someone@', password: 'Sh0rt!', role: 'technician' })
      .expect(400);
    const errors = fieldErrors(res.body);
    expect(errors.get('name')).to.deep.include({ type: 'any.required' });
    expect(errors.get('name')!.context).to.equal(undefined);
    expect(errors.get('email')).to.deep.include({ type: 'string.email' });
    expect(errors.get('password')).to.deep.include({ type: 'string.min', context: { limit: 12 } });
    expect(errors.get('password')!.message).to.equal('password length must be at least 12 characters long');
  });

  it('when a value is not among the allowed ones, lists them in context.valids', async () => {
    const { token } = await signIn('admin');
    const res = await api()
      .post('/api/users')
      .set(bearer(token))
      .send({ email: 'a@example.org', name: 'A', password: 'correct horse battery', role: 'owner' })
      .expect(400);
    expect(fieldErrors(res.body).get('role')).to.deep.include({
      type: 'any.only',
      context: { valids: ['admin', 'manager', 'technician', 'viewer', 'partner'] },
    });
  });

  it('when a phone number is invalid, our own validator gives its own type, and the number is not echoed', async () => {
    const { token } = await signIn('manager');
    const res = await api()
      .post('/api/donors')
      .set(bearer(token))
      .send({ kind: 'individual', name: 'متبرع', phone: '0123', email: 'not-an-email-0123' })
      .expect(400);
    const errors = fieldErrors(res.body);
    expect(errors.get('phone')).to.deep.equal({
      path: 'phone',
      message: 'phone is not a valid phone number',
      type: 'phone.invalid',
    });
    expect(errors.get('email')!.type).to.equal('string.email');
    expect(JSON.stringify(res.body)).to.not.contain('0123');
  });

  it('when a named format does not match, the format is the type (signature data URL, CR number)', async () => {
    const { token } = await signIn('manager');
    const res = await api()
      .post('/api/donors')
      .set(bearer(token))
      .send({ kind: 'company', name: 'شركة', crNumber: 'x!' })
      .expect(400);
    expect(fieldErrors(res.body).get('crNumber')).to.deep.equal({
      path: 'crNumber',
      message: 'crNumber must be 4 to 32 letters or digits',
      type: 'crNumber.format',
    });
  });
});

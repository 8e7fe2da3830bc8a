// SMTP_URL and MAIL_FROM (issue 17 point 2): both optional, checked at start like every other setting, with a
// message that names the variable and never echoes the value (a URL can hold the SMTP password).
import { expect } from 'chai';
import { ConfigError, loadConfig } from '../../server/config.js';

function refusal(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).to.be.instanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration: email', () => {
  it('when neither is set, both are empty (nothing is sent)', () => {
    expect(loadConfig({}).email).to.deep.equal({ smtpUrl: '', from: '' });
    expect(loadConfig({ SMTP_URL: '', MAIL_FROM: '' }).email).to.deep.equal({ smtpUrl: '', from: '' });
  });

  it('takes smtp:// and smtps:// URLs with a login, and a From as an address or a name and <address>', () => {
    const c = loadConfig({
      SMTP_URL: 'smtps://mailer:s%40cret@mail.charity.org:465',
      MAIL_FROM: 'noreply@charity.org',
    });
    expect(c.email).to.deep.equal({
      smtpUrl: 'smtps://mailer:s%40cret@mail.charity.org:465',
      from: 'noreply@charity.org',
    });
    for (const from of ['جمعية نعمة <noreply@charity.org>', '"Nimah, Riyadh" <noreply@charity.org>', ' a@b.org ']) {
      expect(loadConfig({ SMTP_URL: 'smtp://mail.charity.org:587', MAIL_FROM: from }).email.from).to.equal(from.trim());
    }
  });

  it('refuses another scheme or a malformed URL naming SMTP_URL, without echoing it', () => {
    for (const url of ['http://mail.charity.org', 'mail.charity.org:587', 'smtp://user:pa ss@host']) {
      const message = refusal({ SMTP_URL: url });
      expect(message).to.contain('"SMTP_URL" must be smtp://');
      expect(message).to.not.contain(url);
    }
  });

  it('refuses a From that is not an address, naming MAIL_FROM', () => {
    for (const from of ['noreply', 'Charity <noreply>', 'a@b.org, c@d.org', '<>']) {
      expect(refusal({ MAIL_FROM: from }), from).to.contain('"MAIL_FROM" must be an address');
    }
  });
});

// Seeding through the public HTTP API, as a client would: the browser tests never touch the database directly.
import { ADMIN } from './harness.js';

export class Api {
  private constructor(
    readonly base: string,
    private readonly token: string,
  ) {}

  static async signIn(base: string, email: string = ADMIN.email, password: string = ADMIN.password): Promise<Api> {
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (!res.ok) throw new Error(`login failed: ${res.status} ${await res.text()}`);
    const { token } = (await res.json()) as { token: string };
    return new Api(base, token);
  }

  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}

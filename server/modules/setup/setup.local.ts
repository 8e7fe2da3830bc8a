// "From the machine itself" (issue 22): the setup may skip its token only for a request that provably comes from
// this machine. Behind a reverse proxy every request arrives from loopback, so loopback alone proves nothing: a
// configured TRUST_PROXY or any forwarding header means a proxy may be in between, and the token is required.
import type { Request } from 'express';
import { config } from '../../config.js';

const FORWARDING_HEADERS = ['x-forwarded-for', 'forwarded', 'x-real-ip', 'x-forwarded-host', 'cf-connecting-ip'];

const isLoopback = (address: string | undefined): boolean =>
  !!address && (address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.'));

const behindProxy = (): boolean => config.trustProxy !== false && config.trustProxy !== 0;

/** True for a request over loopback with no proxy configured and no forwarding header. */
export function fromThisMachine(req: Request): boolean {
  if (behindProxy()) return false;
  if (FORWARDING_HEADERS.some((h) => req.headers[h] !== undefined)) return false;
  return isLoopback(req.socket.remoteAddress);
}

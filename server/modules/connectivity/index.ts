// The connectivity module's public face (spec §14): the handover takes a bundle from a sponsor's stock in its own
// transaction (assignBundle) and its body's `bundle` schema; allocations show the bundle given, certificates print
// it; pii:rotate re-encrypts the SIM numbers. It imports no other module but auth's roles.
export { initConnectivityModels } from './connectivity.model.js';
export type { BundleAssignment, BundleLot, Sponsor } from './connectivity.model.js';
export {
  assignBundle,
  assignedBundlesOf,
  certificateBundlesOf,
  type BundleHandover,
  type CertificateBundle,
} from './connectivity.assign.js';
export { bundleAssignmentInput } from './connectivity.schema.js';
export { iccidAad, normalizeIccid, parseIccid } from './connectivity.iccid.js';

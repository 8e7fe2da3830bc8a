// Walking the node tree that `lshw -json` prints. Iterative, so a maliciously deep document cannot overflow
// the call stack.
import { asArray, asObject, asString, isObject, objectsIn, type JsonObject } from './hardware.json.js';

export interface LshwVisit {
  node: JsonObject;
  parent: LshwVisit | undefined;
  /**
   * True below a disk or an NVMe controller. Worked out once per node while walking: asking each disk for its
   * ancestors instead cost time in proportion to depth × disks, quadratic on a deep hostile tree.
   */
  insideDrive: boolean;
}

/** Every node below (and including) the root, each linked to its parent, in document order. */
export function walkLshw(root: JsonObject): LshwVisit[] {
  const visits: LshwVisit[] = [];
  const stack: LshwVisit[] = [{ node: root, parent: undefined, insideDrive: false }];
  while (stack.length > 0) {
    const visit = stack.pop() as LshwVisit;
    visits.push(visit);
    const children = objectsIn(visit.node.children);
    const insideDrive = visit.insideDrive || visit.node.class === 'disk' || isNvmeController(visit.node);
    for (let i = children.length - 1; i >= 0; i -= 1) stack.push({ node: children[i], parent: visit, insideDrive });
  }
  return visits;
}

/** Some lshw versions print the tree wrapped in an array; the machine is the "system" node. */
export function lshwRoot(value: unknown): JsonObject | undefined {
  if (isObject(value)) return value;
  const nodes = objectsIn(value);
  return nodes.find((node) => node.class === 'system') ?? nodes[0];
}

/** Recognises an lshw node: an object with a string "class" and an "id" or "children". */
export function looksLikeLshw(value: unknown): boolean {
  const root = lshwRoot(value);
  return root !== undefined && typeof root.class === 'string' && ('id' in root || 'children' in root);
}

export function capabilities(node: JsonObject): string[] {
  return Object.keys(asObject(node.capabilities) ?? {});
}

/** A node's device path ("/dev/sda"); lshw gives a string or an array of names. */
export function logicalName(node: JsonObject): string | undefined {
  const names = [node.logicalname, ...asArray(node.logicalname)].map(asString).filter(Boolean) as string[];
  return names.find((name) => name.startsWith('/dev/')) ?? names[0];
}

export function isNvmeController(node: JsonObject): boolean {
  if (node.class !== 'storage') return false;
  const driver = asString(asObject(node.configuration)?.driver);
  return driver === 'nvme' || capabilities(node).includes('nvme') || /nvme/i.test(asString(node.description) ?? '');
}

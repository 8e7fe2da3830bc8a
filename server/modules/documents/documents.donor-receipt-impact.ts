// The impact figures of a donor receipt, computed from plain facts so that every rule is visible and testable.
// Assumptions (printed on the receipt and in docs/documents/README.md):
// - kg diverted from e-waste = weights the recyclers recorded + an assumed weight for every placed device.
// - CO2e avoided = placed devices × the configured factor for their kind (CO2E_KG_PER_LAPTOP, …). Only placed
//   devices count: a recycled device avoided no new purchase. It is an estimate and the receipt says so.
import { isDisposed, isPlaced, type DeviceStatus } from '../devices/index.js';
import { ASSUMED_WEIGHT_KG, co2eFactorFor } from '../figures/index.js';

export type Outcome = 'placed' | 'recycled' | 'harvested' | 'in_progress';

// The assumed weights and CO2e factors are the figures module's (the live figures and the receipt count alike).
export { ASSUMED_WEIGHT_KG, co2eFactorFor };

export const CO2E_SOURCE =
  'Manufacturing footprint avoided by reuse: ≈225 kg CO2e per new laptop (3StepIT/EY), 280 kg (Boavizta, mean); ' +
  'refurbishing saves 69–83 % against new (Fraunhofer Austria 2023).';
export const CO2E_SOURCE_FR =
  'empreinte de fabrication évitée par le réemploi : ≈225 kg CO2e par portable neuf (3StepIT/EY), 280 kg (Boavizta, ' +
  'moyenne) ; le reconditionnement économise 69 à 83 % par rapport au neuf (Fraunhofer Austria 2023).';

/** What became of a device, as the receipt counts it (a status as read from the database). */
export function outcomeOf(status: string): Outcome {
  const s = status as DeviceStatus;
  if (isPlaced(s)) return 'placed';
  if (isDisposed(s)) return s as 'recycled' | 'harvested';
  return 'in_progress';
}

export interface ImpactFacts {
  devices: ReadonlyArray<{ type: string; status: string }>;
  /** Distinct beneficiaries who received a device of this donation, by kind: counts only, never who. */
  served: { families: number; students: number };
  /** The method of each sanitized drive's latest passed record. */
  drivesSanitizedBy: ReadonlyArray<string>;
  recordedDisposalKg: number;
}

export interface Impact {
  received: number;
  outcomes: Record<Outcome, number>;
  families: number;
  students: number;
  drivesSanitized: { clear: number; purge: number; destroy: number; total: number };
  kg: { recorded: number; assumed: number; total: number };
  co2e: { kg: number; placedByGroup: Record<'laptop' | 'desktop' | 'other', number> };
}

export function computeImpact(facts: ImpactFacts): Impact {
  const outcomes: Record<Outcome, number> = { placed: 0, recycled: 0, harvested: 0, in_progress: 0 };
  const placedByGroup = { laptop: 0, desktop: 0, other: 0 };
  let assumed = 0;
  let co2e = 0;
  for (const d of facts.devices) {
    const outcome = outcomeOf(d.status);
    outcomes[outcome] += 1;
    if (outcome !== 'placed') continue;
    const factor = co2eFactorFor(d.type);
    placedByGroup[factor.group] += 1;
    co2e += factor.kg;
    assumed += ASSUMED_WEIGHT_KG[d.type] ?? ASSUMED_WEIGHT_KG.other;
  }
  const count = (method: string) => facts.drivesSanitizedBy.filter((m) => m === method).length;
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    received: facts.devices.length,
    outcomes,
    families: facts.served.families,
    students: facts.served.students,
    drivesSanitized: {
      clear: count('clear'),
      purge: count('purge'),
      destroy: count('destroy'),
      total: facts.drivesSanitizedBy.length,
    },
    kg: {
      recorded: round(facts.recordedDisposalKg),
      assumed: round(assumed),
      total: round(facts.recordedDisposalKg + assumed),
    },
    co2e: { kg: Math.round(co2e), placedByGroup },
  };
}

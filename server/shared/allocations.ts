// Allocations, programmes and the dashboard (server/modules/allocations, programmes, reports).

export type AllocationStatus = 'reserved' | 'handed_over' | 'cancelled';
export interface AllocationDto {
  id: number;
  deviceId: number;
  assetTag: string | null;
  beneficiaryId: number;
  programmeId: number | null;
  status: AllocationStatus;
  overrideReason: string | null;
  cancelReason: string | null;
  receivedBy: string | null;
  hasSignature: boolean;
  certificateCode: string | null;
  handedOverAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** True when the caller may not see who received the device: the fields about people are then null. */
  redacted: boolean;
}
/** `overrideReason`: why a manager allocates against the suggestion order (5 to 500 characters). */
export interface AllocateInput {
  deviceId: number;
  beneficiaryId: number;
  programmeId?: number;
  overrideReason?: string;
}
export interface HandoverInput {
  receivedBy: string;
  signature: string;
  handedOverAt?: string;
}

/** GET /api/allocations/suggestions: a pair and the server's reasons for it (English sentences, see reasons.ts). */
export interface SuggestionDto {
  beneficiaryId: number;
  deviceId: number;
  assetTag: string;
  deviceType: string;
  grade: string | null;
  score: number;
  reasons: string[];
}

export interface ProgrammeDto {
  id: number;
  name: string;
  nameLatin: string | null;
  targetFamilies: number;
  targetStudents: number;
  startsOn: string | null;
  endsOn: string | null;
  createdAt: string;
}
export interface ProgrammeInput {
  name: string;
  nameLatin?: string;
  targetFamilies: number;
  targetStudents: number;
  startsOn?: string;
  endsOn?: string;
}
export interface ProgrammeProgressDto {
  programmeId: number;
  name: string;
  targetFamilies: number;
  targetStudents: number;
  servedFamilies: number;
  servedStudents: number;
  percent: number;
  last30DaysRate: number;
  forecastCompletionDate: string | null;
}

export interface DashboardDto {
  devicesByStatus: Record<string, number>;
  totalDevices: number;
  monthly: { month: string; intake: number; handovers: number }[];
  medianDaysPerStage: Record<string, number | null>;
  yield: { placed: number; received: number; ratio: number };
  programmes: ProgrammeProgressDto[];
}

// The typed API client: each route's URL and result type are declared here once. A read is a query definition
// (`useQuery(endpoints.devices.get(id))`), keyed by its resource first so that a write can refresh everything of
// that resource (`invalidates: [keys.devices]`); a write is a plain function for a mutation.
import { queryOptions, type QueryKey } from '@tanstack/react-query';
import { api, postForBlob, uploadWithProgress, withQuery, type QueryValue } from './http';
import type {
  AllocateInput,
  AllocationDto,
  AppointmentInput,
  AwaitingSanitizationDto,
  BeneficiaryDetailDto,
  BeneficiaryDto,
  BeneficiaryInput,
  BeneficiaryPatch,
  DashboardDto,
  DeviceDetailDto,
  DeviceDto,
  DonationDetailDto,
  DonationDto,
  DonationInput,
  DonationPatch,
  DonorDetailDto,
  DonorDto,
  DonorInput,
  DonorStatementDto,
  HandoverInput,
  HardwareReportResult,
  ImportResponse,
  IntakeDeviceInput,
  IntakeQueueDto,
  IntakeQueueTotals,
  Language,
  LoginResponse,
  OutboxMessageDto,
  OutboxPageDto,
  WebhookDeliveryDto,
  WebhookEndpointDto,
  WebhookEndpointInput,
  WebhookEndpointPatch,
  Page,
  PartDto,
  PartnerDto,
  PartnerInput,
  PartnerPatch,
  PledgeInput,
  PledgeResponse,
  ProgrammeCumulativeDto,
  ProgrammeDto,
  ProgrammeInput,
  ProgrammeProgressDto,
  RegionsReportDto,
  SanitizationDto,
  SanitizationInput,
  ScanResultDto,
  SiteDto,
  SiteInput,
  SuggestionDto,
  UserDto,
  UserInput,
  UserPatch,
  VerifierDto,
  WaitlistDto,
  WorkQueuesDto,
  WorkshopActionInput,
} from './types';

type Query = Record<string, QueryValue>;

/** The first part of every query key: invalidating one refreshes every read of that resource. */
export const keys = {
  me: ['me'],
  users: ['users'],
  donors: ['donors'],
  donations: ['donations'],
  devices: ['devices'],
  sanitizations: ['sanitizations'],
  beneficiaries: ['beneficiaries'],
  partners: ['partners'],
  waitlist: ['waitlist'],
  allocations: ['allocations'],
  programmes: ['programmes'],
  reports: ['reports'],
  workQueues: ['work-queues'],
  intakeQueue: ['intake-queue'],
  parts: ['parts'],
  sites: ['sites'],
  outbox: ['outbox'],
  webhooks: ['webhooks'],
  batches: ['allocation-batches'],
  custody: ['custody'],
} as const satisfies Record<string, QueryKey>;

/** Everything a device's lifecycle touches: its page and lists, the queues, donations' counts, the dashboard. */
export const DEVICE_CHANGES: readonly QueryKey[] = [
  keys.devices,
  keys.sanitizations,
  keys.workQueues,
  keys.intakeQueue,
  keys.donations,
  keys.donors,
  keys.allocations,
  keys.reports,
  keys.parts,
];
/** An allocation moves a device and a beneficiary (and the waiting list). */
export const ALLOCATION_CHANGES: readonly QueryKey[] = [
  ...DEVICE_CHANGES,
  keys.beneficiaries,
  keys.waitlist,
  keys.programmes,
  keys.custody,
];
/** A batch moves many devices at once, into an institution's hands or a partner's custody (spec §13). */
export const BATCH_CHANGES: readonly QueryKey[] = [...ALLOCATION_CHANGES, keys.batches];

/** A read as a query definition keyed by its resource (exported for api/distribution.ts, the batch screens' routes). */
export function read<T>(key: QueryKey, path: string, query?: Query) {
  return queryOptions({
    queryKey: [...key, path, query ?? {}],
    queryFn: ({ signal }) => api<T>(path, { query, signal }),
  });
}
const post = <T>(path: string, body?: unknown) => api<T>(path, { method: 'POST', body });
const patch = <T>(path: string, body: unknown) => api<T>(path, { method: 'PATCH', body });
const put = <T>(path: string, body: unknown) => api<T>(path, { method: 'PUT', body });

export const endpoints = {
  auth: {
    me: (signal?: AbortSignal) => api<UserDto>('/api/auth/me', { signal }),
    login: (email: string, password: string) => post<LoginResponse>('/api/auth/login', { email, password }),
    logout: () => post<void>('/api/auth/logout'),
    setLanguage: (language: Language) => patch<UserDto>('/api/auth/me', { language }),
  },
  users: {
    list: (q: Query) => read<Page<UserDto>>(keys.users, '/api/users', q),
    create: (input: UserInput) => post<UserDto>('/api/users', input),
    update: (id: number, body: UserPatch) => patch<UserDto>(`/api/users/${id}`, body),
    clearLockout: (id: number) => api<void>(`/api/users/${id}/lockout`, { method: 'DELETE' }),
  },
  donors: {
    list: (q: Query) => read<Page<DonorDto>>(keys.donors, '/api/donors', q),
    get: (id: number) => read<DonorDetailDto>(keys.donors, `/api/donors/${id}`),
    create: (input: DonorInput) => post<DonorDto>('/api/donors', input),
    update: (id: number, body: Partial<DonorInput>) => patch<DonorDto>(`/api/donors/${id}`, body),
    rotatePageToken: (id: number) => post<DonorDto>(`/api/donors/${id}/page-token/rotate`),
    issueStatement: (id: number, year: number) => post<DonorStatementDto>(`/api/donors/${id}/statements`, { year }),
  },
  donations: {
    list: (q: Query) => read<Page<DonationDto>>(keys.donations, '/api/donations', q),
    get: (id: number) => read<DonationDetailDto>(keys.donations, `/api/donations/${id}`),
    /** What was typed goes as typed (a count may be text), so the server's message names the real problem. */
    create: (input: Partial<Record<keyof DonationInput, unknown>>) => post<DonationDto>('/api/donations', input),
    update: (id: number, body: DonationPatch) => patch<DonationDto>(`/api/donations/${id}`, body),
    addDevice: (id: number, input: IntakeDeviceInput) => post<DeviceDto>(`/api/donations/${id}/devices`, input),
    importDevices: (id: number, body: FormData, onProgress: (fraction: number) => void, onProcessing: () => void) =>
      uploadWithProgress<ImportResponse>(`/api/donations/${id}/devices/import`, body, onProgress, onProcessing),
  },
  pledges: {
    create: (input: PledgeInput) => post<PledgeResponse>('/api/public/pledges', input),
  },
  intakeQueue: () => read<IntakeQueueDto & IntakeQueueTotals>(keys.intakeQueue, '/api/intake-queue'),
  workQueues: (q: Query) => read<WorkQueuesDto>(keys.workQueues, '/api/work-queues', q),
  devices: {
    list: (q: Query) => read<Page<DeviceDto>>(keys.devices, '/api/devices', q),
    get: (id: number) => read<DeviceDetailDto>(keys.devices, `/api/devices/${id}`),
    sanitizations: (id: number) => read<SanitizationDto[]>(keys.sanitizations, `/api/devices/${id}/sanitizations`),
    /** Every action carries the version the user saw (optimistic concurrency). */
    act: (id: number, body: WorkshopActionInput) => post<DeviceDto>(`/api/devices/${id}/actions`, body),
    addNote: (id: number, text: string) => post<DeviceDetailDto>(`/api/devices/${id}/notes`, { text }),
    move: (id: number, body: { siteId: number; reason?: string }) =>
      post<DeviceDetailDto>(`/api/devices/${id}/moves`, body),
    uploadHardwareReport: (id: number, body: FormData) =>
      post<HardwareReportResult>(`/api/devices/${id}/hardware-reports`, body),
    /** One typed record (JSON, or multipart with its evidence file), or an nwipe log (multipart) with one record per drive. */
    addSanitization: (id: number, body: SanitizationInput | FormData) =>
      post<SanitizationDto>(`/api/devices/${id}/sanitizations`, body),
    uploadNwipeLog: (id: number, body: FormData) =>
      post<{ records: SanitizationDto[] }>(`/api/devices/${id}/sanitizations`, body),
  },
  sanitizations: {
    list: (q: Query) => read<Page<AwaitingSanitizationDto>>(keys.sanitizations, '/api/sanitizations', q),
    verifiers: () => read<{ items: VerifierDto[] }>(keys.sanitizations, '/api/sanitizations/verifiers'),
    decide: (id: number, kind: 'confirm' | 'reject', reason?: string) =>
      post<SanitizationDto>(`/api/sanitizations/${id}/${kind}`, kind === 'reject' ? { reason } : undefined),
  },
  parts: (q: Query) => read<Page<PartDto>>(keys.parts, '/api/parts', q),
  sites: () => read<SiteDto[]>(keys.sites, '/api/sites'),
  outbox: {
    list: (q: Query) => read<OutboxPageDto>(keys.outbox, '/api/outbox', q),
    retry: (id: number) => post<OutboxMessageDto>(`/api/outbox/${id}/retry`),
  },
  webhooks: {
    list: (q: Query) => read<Page<WebhookEndpointDto>>(keys.webhooks, '/api/webhooks', q),
    deliveries: (id: number, q: Query) =>
      read<Page<WebhookDeliveryDto>>(keys.webhooks, `/api/webhooks/${id}/deliveries`, q),
    create: (input: WebhookEndpointInput) => post<WebhookEndpointDto>('/api/webhooks', input),
    update: (id: number, body: WebhookEndpointPatch) => patch<WebhookEndpointDto>(`/api/webhooks/${id}`, body),
    remove: (id: number) => api<void>(`/api/webhooks/${id}`, { method: 'DELETE' }),
  },
  siteWrites: {
    create: (input: SiteInput) => post<SiteDto>('/api/sites', input),
    update: (id: number, body: Partial<SiteInput>) => patch<SiteDto>(`/api/sites/${id}`, body),
  },
  scan: (code: string) => api<ScanResultDto>(`/api/scan/${encodeURIComponent(code)}`),
  labels: {
    print: (body: { deviceIds?: number[]; donationId?: number; format: 'roll' | 'a4' }) =>
      postForBlob('/api/labels/print', body),
  },
  beneficiaries: {
    list: (q: Query) => read<Page<BeneficiaryDto>>(keys.beneficiaries, '/api/beneficiaries', q),
    get: (id: number) => read<BeneficiaryDetailDto>(keys.beneficiaries, `/api/beneficiaries/${id}`),
    create: (input: BeneficiaryInput) => post<BeneficiaryDto>('/api/beneficiaries', input),
    update: (id: number, body: BeneficiaryPatch) => patch<BeneficiaryDto>(`/api/beneficiaries/${id}`, body),
  },
  waitlist: (q: Query) => read<WaitlistDto>(keys.waitlist, '/api/waitlist', q),
  partners: {
    list: (q: Query) => read<Page<PartnerDto>>(keys.partners, '/api/partners', q),
    create: (input: PartnerInput) => post<PartnerDto>('/api/partners', input),
    update: (id: number, body: PartnerPatch) => patch<PartnerDto>(`/api/partners/${id}`, body),
  },
  allocations: {
    list: (q: Query) => read<Page<AllocationDto>>(keys.allocations, '/api/allocations', q),
    get: (id: number) => read<AllocationDto>(keys.allocations, `/api/allocations/${id}`),
    suggestions: (q: Query) => read<{ items: SuggestionDto[] }>(keys.allocations, '/api/allocations/suggestions', q),
    create: (input: AllocateInput) => post<AllocationDto>('/api/allocations', input),
    handover: (id: number, body: HandoverInput) => post<AllocationDto>(`/api/allocations/${id}/handover`, body),
    cancel: (id: number, reason: string) => post<AllocationDto>(`/api/allocations/${id}/cancel`, { reason }),
    /** Sets or changes the handover appointment of a reserved allocation (a consenting family is messaged); a part
     * left out is named by the server. */
    setAppointment: (id: number, body: Partial<AppointmentInput>) =>
      put<AllocationDto>(`/api/allocations/${id}/appointment`, body),
  },
  programmes: {
    list: () => read<ProgrammeDto[]>(keys.programmes, '/api/programmes'),
    progress: (id: number) => read<ProgrammeProgressDto>(keys.programmes, `/api/programmes/${id}/progress`),
    create: (input: ProgrammeInput) => post<ProgrammeDto>('/api/programmes', input),
    certificateCount: (id: number, q: Query) =>
      api<{ total: number }>(`/api/programmes/${id}/certificates/count`, { query: q }),
  },
  reports: {
    /** Filters: programmeId, regionCode, siteId, from, to (YYYY-MM-DD); part of the query key. */
    dashboard: (filters: Query = {}) => read<DashboardDto>(keys.reports, '/api/reports/dashboard', filters),
    /** With the dashboard's filters when given (programmeId, regionCode, siteId, from, to). */
    regions: (filters: Query = {}) => read<RegionsReportDto>(keys.reports, '/api/reports/regions', filters),
    /** Links (downloads and PDFs open in the browser, which sends the session cookie). */
    regionsCsvUrl: '/api/reports/regions.csv',
    /** The regions' and the partners' tables as CSV, within the dashboard's filters. */
    regionsCsvFor: (filters: Query = {}) => withQuery('/api/reports/regions.csv', filters),
    partnersCsvFor: (filters: Query = {}) => withQuery('/api/reports/partners.csv', filters),
    /** The regional report; `lang` is printed after Arabic (none: the server's default, French in Morocco). */
    regionPdfUrl: (code: string, lang?: 'en' | 'fr') =>
      withQuery(`/api/reports/regions/${encodeURIComponent(code)}.pdf`, { lang }),
    /** A dashboard table as CSV (monthly, status, stages), with the same filters as the dashboard. */
    dashboardCsvUrl: (table: 'monthly' | 'status' | 'stages', filters: Query = {}) =>
      withQuery(`/api/reports/dashboard/${table}.csv`, filters),
    programmeCumulativeCsvUrl: (id: number) => `/api/reports/programmes/${id}/cumulative.csv`,
    programmeCumulative: (id: number) =>
      read<ProgrammeCumulativeDto>(keys.reports, `/api/reports/programmes/${id}/cumulative`),
  },
};

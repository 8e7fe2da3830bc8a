// The public application form of a programme (spec §14): no sign-in. Only the public application page (a lazy
// chunk) imports it.
import { queryOptions } from '@tanstack/react-query';
import { api } from './http';
import type { PublicApplicationDto, PublicApplicationInput, PublicProgrammeDto } from './types';

export const applications = {
  /** The programme the page is for; 404 unless its applications are open. */
  programme: (id: number) =>
    queryOptions({
      queryKey: ['public-programme', id],
      queryFn: ({ signal }) => api<PublicProgrammeDto>(`/api/public/programmes/${id}`, { signal }),
    }),
  /** 201 with the reference; 409 DUPLICATE_APPLICATION, 422 NOT_ELIGIBLE, 400 per field, 429 when rate limited. */
  apply: (programmeId: number, input: PublicApplicationInput) =>
    api<PublicApplicationDto>(`/api/public/programmes/${programmeId}/applications`, { method: 'POST', body: input }),
};

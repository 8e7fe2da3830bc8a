import Joi from 'joi';

export interface PageQuery {
  page: number;
  pageSize: number;
}
export type { Page } from '../shared/index.js';

export const MAX_PAGE_SIZE = 200;

export const pageQueryKeys = {
  page: Joi.number().integer().min(1).max(1_000_000).default(1),
  pageSize: Joi.number().integer().min(1).max(MAX_PAGE_SIZE).default(50),
};

export const offsetOf = (q: PageQuery): number => (q.page - 1) * q.pageSize;

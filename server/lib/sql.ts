// LIKE patterns that match user text literally on SQLite and MySQL alike. '!' is the escape character:
// a backslash would need different quoting in the two dialects, and SQLite has no default escape at all.
import { Sequelize } from 'sequelize';
import type { Literal } from 'sequelize/types/utils';
import { getSequelize, isSqlite } from '../db/sequelize.js';

export function escapeLike(text: string): string {
  return text.replace(/[!%_]/g, (c) => `!${c}`);
}

const pattern = (p: string): Literal => Sequelize.literal(`${getSequelize().escape(p)} ESCAPE '!'`);

/** For `{ column: { [Op.like]: containsPattern(text) } }`: a substring match (not index-friendly). */
export const containsPattern = (text: string): Literal => pattern(`%${escapeLike(text)}%`);

/** For `{ column: { [Op.like]: prefixPattern(text) } }`: a prefix match, which can use an index. */
export const prefixPattern = (text: string): Literal => pattern(`${escapeLike(text)}%`);

/**
 * A time as a replacement that keeps its milliseconds: Sequelize writes a Date into MySQL SQL without them; SQLite
 * gets the Date (stored as Sequelize stores every DATETIME there).
 */
export const sqlTime = (at: Date): Date | string =>
  isSqlite() ? at : at.toISOString().replace('T', ' ').replace('Z', '');

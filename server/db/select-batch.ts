// The SELECTs of one page in ONE round trip on MySQL/MariaDB (a multi-statement query), and one after another on
// SQLite, where a statement is a function call. On MySQL each round trip costs the server more CPU than the rows it
// brings (docs/performance.md), so a page of five lists read as five queries was five times the cost.
import { QueryTypes, type Model, type ModelStatic } from 'sequelize';
import { getSequelize, isSqlite } from './sequelize.js';

export type Row = Record<string, unknown>;

/** Runs `statements` (each one SELECT, sharing `replacements`) and returns their rows in the same order. */
export async function selectBatch(statements: string[], replacements: Record<string, unknown>): Promise<Row[][]> {
  const sequelize = getSequelize();
  if (isSqlite() || statements.length === 1) {
    return Promise.all(statements.map((sql) => sequelize.query<Row>(sql, { replacements, type: QueryTypes.SELECT })));
  }
  const [sets] = await sequelize.query(statements.join(';\n'), { replacements, type: QueryTypes.RAW });
  return sets as Row[][];
}

const columnLists = new Map<string, string>();

/** `t.device_id AS deviceId, …`: a model's columns under its attribute names, as `raw: true` reads them. */
export function columnsOf(model: ModelStatic<Model>, alias: string): string {
  const key = `${model.name}:${alias}`;
  let list = columnLists.get(key);
  if (!list) {
    const quote = (name: string) => getSequelize().getQueryInterface().quoteIdentifier(name);
    list = Object.entries(model.getAttributes()).map(([name, def]) => `${alias}.${quote(def.field ?? name)} AS ${quote(name)}`).join(', ');
    columnLists.set(key, list);
  }
  return list;
}

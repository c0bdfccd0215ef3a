/**
 * Finds which source files write which tables: raw SQL (`INSERT INTO`, `UPDATE … SET`,
 * `DELETE FROM`, `TRUNCATE`) in string literals, and TypeORM repositories
 * (`@InjectRepository(Entity)`, `getRepository(Entity)`) of an `@Entity('table')`.
 * Used by test/unit/table-owners.spec.ts; reads files only, no database.
 */
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');

export interface TableWrite {
  table: string;
  /** `libs/<name>` or `apps/<name>` */
  unit: string;
  file: string;
  how: 'sql' | 'typeorm';
}

function walk(dir: string, out: string[] = []): string[] {
  if (!fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') && !entry.name.endsWith('.d.ts'))
      out.push(full);
  }
  return out;
}

/** Every table a migration creates. */
export function migrationTables(): string[] {
  const tables = new Set<string>();
  for (const file of walk(path.join(ROOT, 'migrations'))) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/create\s+table\s+(?:if\s+not\s+exists\s+)?"?([a-z_][a-z0-9_]*)"?/gi))
      tables.add(m[1].toLowerCase());
  }
  return [...tables].sort();
}

/** The source of the server code (apps except the browser app, and libs), without specs. */
export function sourceFiles(): string[] {
  const files: string[] = [];
  for (const kind of ['libs', 'apps']) {
    for (const unit of fs.readdirSync(path.join(ROOT, kind))) {
      if (kind === 'apps' && unit === 'web') continue;
      walk(path.join(ROOT, kind, unit, 'src'), files);
    }
  }
  return files;
}

/** Comments out of the way, so that prose ("we update memberships …") is not read as SQL. */
function withoutComments(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/^\s*\/\/.*$/gm, ' ')
    .replace(/\s\/\/ .*$/gm, ' ');
}

const SQL_WRITE =
  /\b(?:insert\s+into|update|delete\s+from|truncate(?:\s+table)?)\s+(?:only\s+)?"?([a-z_][a-z0-9_]*)"?/gi;

/** The known tables a piece of source writes with raw SQL (comments aside). */
export function sqlTablesWritten(source: string, tables: ReadonlySet<string>): string[] {
  const found = new Set<string>();
  for (const m of withoutComments(source).matchAll(SQL_WRITE)) {
    const table = m[1].toLowerCase();
    if (tables.has(table)) found.add(table);
  }
  return [...found];
}

export function tableWrites(): TableWrite[] {
  const tables = new Set(migrationTables());
  const files = sourceFiles();
  const entityTables = new Map<string, string>();
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/@Entity\(\s*['"]([a-z_]+)['"]\s*\)\s*export\s+class\s+(\w+)/g))
      entityTables.set(m[2], m[1]);
  }
  const writes: TableWrite[] = [];
  for (const file of files) {
    const rel = path.relative(ROOT, file);
    const unit = rel.split(path.sep).slice(0, 2).join('/');
    const text = withoutComments(fs.readFileSync(file, 'utf8'));
    const seen = new Set<string>();
    const add = (table: string, how: TableWrite['how']) => {
      const key = `${table}/${how}`;
      if (seen.has(key)) return;
      seen.add(key);
      writes.push({ table, unit, file: rel, how });
    };
    for (const table of sqlTablesWritten(text, tables)) add(table, 'sql');
    // a repository of the entity, or an EntityManager / query builder writing it by class
    const typeorm =
      /(?:InjectRepository|getRepository)\(\s*(\w+)\s*\)|\.(?:save|insert|upsert|update|delete|remove|softDelete|increment|decrement|into)\(\s*(\w+Entity)\b/g;
    for (const m of text.matchAll(typeorm)) {
      const table = entityTables.get(m[1] ?? m[2]);
      if (table) add(table, 'typeorm');
    }
  }
  return writes;
}

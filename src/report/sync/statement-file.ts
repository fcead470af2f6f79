import { promises as fs } from 'node:fs';
import type { PilotDatabase } from '../store/database';

/**
 * An LRS export: a JSON array of statements, a StatementResult ({"statements": […]}), or NDJSON
 * (one statement per line). DuckDB reads the file itself, streaming, so size is no object.
 */
export async function syncFromStatementFile(db: PilotDatabase, file: string, identify: boolean): Promise<{ added: number }> {
  const handle = await fs.open(file, 'r');
  const { buffer, bytesRead } = await handle.read(Buffer.alloc(4096), 0, 4096, 0);
  await handle.close();
  const head = buffer.subarray(0, bytesRead).toString('utf8').trimStart();
  if (head.startsWith('{') && /^\{\s*"statements"\s*:/.test(head)) {
    // A StatementResult page saved as is: unwrap it through a temporary array.
    const page = JSON.parse(await fs.readFile(file, 'utf8')) as { statements: unknown[] };
    const temp = `${file}.${process.pid}.array.json`;
    await fs.writeFile(temp, JSON.stringify(page.statements));
    try {
      return { added: await db.absorbFile(temp, 'array', identify) };
    } finally {
      await fs.rm(temp, { force: true });
    }
  }
  return { added: await db.absorbFile(file, head.startsWith('[') ? 'array' : 'newline_delimited', identify) };
}

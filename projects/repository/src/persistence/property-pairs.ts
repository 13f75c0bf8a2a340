import type { Db } from './database';

/** A pair of properties searched together (an Inbox: eo:currentHolder with eo:status). */
export type PropertyPairing = [qname: string, withQname: string];

/**
 * Keeps the pairs of values of the given pairings (schema.sql, property_pair): when they differ from the ones
 * the database keeps, the pairings are replaced and every node's pairs made again from its property rows, in
 * one transaction (a database made before, or kept with other pairings, is brought up to date on open). From
 * then on the node store makes a node's pairs again whenever a save changes one of its paired properties
 * (repairNode).
 */
export function pairProperties(db: Db, pairings: PropertyPairing[]): void {
  const stored = (
    db.prepare('SELECT qname, with_qname FROM property_pairing ORDER BY 1, 2').all() as { qname: string; with_qname: string }[]
  ).map((r) => `${r.qname}\u0000${r.with_qname}`);
  const wanted = [...new Set(pairings.map(([a, b]) => `${a}\u0000${b}`))].sort();
  if (stored.length === wanted.length && stored.every((k, i) => k === wanted[i])) return;
  try {
    db.transaction(() => {
      db.prepare('DELETE FROM property_pairing').run();
      const add = db.prepare('INSERT INTO property_pairing (qname, with_qname) VALUES (?, ?)');
      for (const k of wanted) add.run(...k.split('\u0000'));
      rebuildPairs(db);
    })();
  } finally {
    inPairings.delete(db);
  }
}

/** Makes every node's pairs again from its property rows (after the pairings or the property table changed). */
export function rebuildPairs(db: Db): void {
  db.prepare('DELETE FROM property_pair').run();
  db.prepare(
    `INSERT OR IGNORE INTO property_pair (qname, text_value, with_qname, with_value, node_id)
       SELECT a.qname, a.text_value, b.qname, b.text_value, a.node_id FROM property_pairing g
         JOIN property a ON a.qname = g.qname AND a.text_value IS NOT NULL
         JOIN property b ON b.node_id = a.node_id AND b.qname = g.with_qname AND b.text_value IS NOT NULL`
  ).run();
}

/** The properties `qname` is paired with (its pairs are kept with qname first). */
export function pairedWith(db: Db, qname: string): string[] {
  return db.prepare('SELECT with_qname FROM property_pairing WHERE qname = ?').pluck().all(qname) as string[];
}

/** Every property in a pairing, either side, by database: read once, again after pairProperties. */
const inPairings = new WeakMap<Db, Set<string>>();

/** Whether a change to these properties changes a node's pairs (a save of others leaves them: no SQL at all). */
export function touchesPairs(db: Db, qnames: Iterable<string>): boolean {
  let paired = inPairings.get(db);
  if (!paired) {
    paired = new Set(
      db.prepare('SELECT qname FROM property_pairing UNION SELECT with_qname FROM property_pairing').pluck().all() as string[]
    );
    inPairings.set(db, paired);
  }
  if (!paired.size) return false;
  for (const q of qnames) if (paired.has(q)) return true;
  return false;
}

/**
 * Makes the pairs of node `seq` again from its property rows, once its properties are saved (`fresh`: the node
 * was just made and has none yet to remove).
 */
export function repairNode(db: Db, seq: number, fresh = false): void {
  if (!fresh) db.prepare('DELETE FROM property_pair WHERE node_id = ?').run(seq);
  db.prepare(
    `INSERT OR IGNORE INTO property_pair (qname, text_value, with_qname, with_value, node_id)
       SELECT a.qname, a.text_value, b.qname, b.text_value, a.node_id FROM property_pairing g
         JOIN property a ON a.node_id = ? AND a.qname = g.qname AND a.text_value IS NOT NULL
         JOIN property b ON b.node_id = a.node_id AND b.qname = g.with_qname AND b.text_value IS NOT NULL`
  ).run(seq);
}

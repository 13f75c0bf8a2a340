import type { Db } from './database';

/** One person's rating of a node in a scheme. */
export interface MyRating {
  score: number;
  rated_at: string;
}

/** The `rating` table: each person's score of a node per rating scheme. */
export class RatingStore {
  constructor(private readonly db: Db) {}

  /** How many rated the node in the scheme, and their average score (null when nobody did). */
  summary(nodeId: string, scheme: string): { n: number; avg: number | null } {
    return this.db.prepare('SELECT COUNT(*) AS n, AVG(score) AS avg FROM rating WHERE node_id = ? AND scheme = ?').get(nodeId, scheme) as {
      n: number;
      avg: number | null;
    };
  }

  /** How many rated the node in the scheme, and the sum of their scores (the rollup ACS keeps on the node). */
  rollup(nodeId: string, scheme: string): { n: number; total: number } {
    return this.db
      .prepare('SELECT COUNT(*) AS n, COALESCE(SUM(score), 0) AS total FROM rating WHERE node_id = ? AND scheme = ?')
      .get(nodeId, scheme) as { n: number; total: number };
  }

  /** A person's own rating of the node in the scheme. */
  of(nodeId: string, scheme: string, personId: string): MyRating | undefined {
    return this.db
      .prepare('SELECT score, rated_at FROM rating WHERE node_id = ? AND scheme = ? AND person_id = ?')
      .get(nodeId, scheme, personId) as MyRating | undefined;
  }

  /** Sets (replaces) a person's rating. */
  rate(nodeId: string, personId: string, scheme: string, score: number, ratedAt: string): void {
    this.db
      .prepare(
        'INSERT INTO rating (node_id, person_id, scheme, score, rated_at) VALUES (?,?,?,?,?) ' +
          'ON CONFLICT (node_id, person_id, scheme) DO UPDATE SET score = excluded.score, rated_at = excluded.rated_at'
      )
      .run(nodeId, personId, scheme, score, ratedAt);
  }

  remove(nodeId: string, personId: string, scheme: string): void {
    this.db.prepare('DELETE FROM rating WHERE node_id = ? AND person_id = ? AND scheme = ?').run(nodeId, personId, scheme);
  }
}
